using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringPlacementIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberPlacements_OrgPath_FromDate",
                table: "MemberPlacements");

            migrationBuilder.CreateIndex(
                name: "IX_MemberPlacements_OrgPath_FromDate_ToDate",
                table: "MemberPlacements",
                columns: new[] { "OrgPath", "FromDate", "ToDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberPlacements_OrgPath_FromDate_ToDate",
                table: "MemberPlacements");

            migrationBuilder.CreateIndex(
                name: "IX_MemberPlacements_OrgPath_FromDate",
                table: "MemberPlacements",
                columns: new[] { "OrgPath", "FromDate" });
        }
    }
}
