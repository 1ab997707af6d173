using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameKeySortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "MemberNameKeys",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // The keys already stored take their member's sort key before the index is built.
            migrationBuilder.Sql("UPDATE \"MemberNameKeys\" k SET \"SortKey\" = m.\"SortKey\" FROM \"Members\" m WHERE m.\"Id\" = k.\"MemberId\"");

            migrationBuilder.CreateIndex(
                name: "IX_MemberNameKeys_Key_SortKey_MemberId",
                table: "MemberNameKeys",
                columns: new[] { "Key", "SortKey", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberNameKeys_Key_SortKey_MemberId",
                table: "MemberNameKeys");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "MemberNameKeys");
        }
    }
}
