using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AdmissionTargets_OrganizationId_Year_Term_Source",
                table: "AdmissionTargets");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionTargets_Term",
                table: "AdmissionTargets",
                columns: new[] { "OrganizationId", "Term", "Source" },
                unique: true,
                filter: "\"Year\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionTargets_Yearly",
                table: "AdmissionTargets",
                columns: new[] { "OrganizationId", "Year", "Source" },
                unique: true,
                filter: "\"Term\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AdmissionTargets_Term",
                table: "AdmissionTargets");

            migrationBuilder.DropIndex(
                name: "IX_AdmissionTargets_Yearly",
                table: "AdmissionTargets");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionTargets_OrganizationId_Year_Term_Source",
                table: "AdmissionTargets",
                columns: new[] { "OrganizationId", "Year", "Term", "Source" },
                unique: true);
        }
    }
}
