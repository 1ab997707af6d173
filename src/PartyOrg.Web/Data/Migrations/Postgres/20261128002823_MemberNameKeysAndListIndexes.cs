using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberNameKeysAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberNameKeys",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberNameKeys", x => new { x.MemberId, x.Key });
                    table.ForeignKey(
                        name: "FK_MemberNameKeys_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Existing members: every word-suffix of the folded name (already single-spaced), before the index is built.
            migrationBuilder.Sql("""
                INSERT INTO "MemberNameKeys" ("MemberId", "Key", "OrgPath")
                SELECT m."Id", array_to_string(w.words[i:], ' '), m."OrgPath"
                FROM "Members" m
                CROSS JOIN LATERAL (SELECT string_to_array(m."SearchName", ' ') AS words) w
                CROSS JOIN LATERAL generate_series(1, array_length(w.words, 1)) i
                WHERE m."SearchName" <> '';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Members_DateOfBirth_OrgPath_Status_Gender",
                table: "Members",
                columns: new[] { "DateOfBirth", "OrgPath", "Status", "Gender" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_SortKey_OrgPath_Status_Gender_DateOfBirth",
                table: "Members",
                columns: new[] { "SortKey", "OrgPath", "Status", "Gender", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionCases_OrgPath_Step_SourceSince",
                table: "AdmissionCases",
                columns: new[] { "OrgPath", "Step", "SourceSince" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberNameKeys_Key_OrgPath_MemberId",
                table: "MemberNameKeys",
                columns: new[] { "Key", "OrgPath", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberNameKeys");

            migrationBuilder.DropIndex(
                name: "IX_Members_DateOfBirth_OrgPath_Status_Gender",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_SortKey_OrgPath_Status_Gender_DateOfBirth",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_AdmissionCases_OrgPath_Step_SourceSince",
                table: "AdmissionCases");
        }
    }
}
