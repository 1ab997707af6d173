using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Members_AdmittedOn",
                table: "Members",
                column: "AdmittedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ReadmittedOn",
                table: "Members",
                column: "ReadmittedOn");

            migrationBuilder.CreateIndex(
                name: "IX_MemberDecisions_Kind_DecidedOn",
                table: "MemberDecisions",
                columns: new[] { "Kind", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_AdmittedOn",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_ReadmittedOn",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_MemberDecisions_Kind_DecidedOn",
                table: "MemberDecisions");
        }
    }
}
