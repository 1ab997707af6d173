using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
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
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                WITH RECURSIVE suffix(MemberId, Key, OrgPath) AS (
                    SELECT "Id", "SearchName", "OrgPath" FROM "Members" WHERE "SearchName" <> ''
                    UNION ALL
                    SELECT MemberId, substr(Key, instr(Key, ' ') + 1), OrgPath FROM suffix WHERE instr(Key, ' ') > 0)
                SELECT MemberId, Key, OrgPath FROM suffix;
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
