using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // The keys already stored take their member's sort key before the index is built.
            migrationBuilder.Sql("UPDATE \"MemberNameKeys\" SET \"SortKey\" = (SELECT m.\"SortKey\" FROM \"Members\" m WHERE m.\"Id\" = \"MemberNameKeys\".\"MemberId\")");

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
