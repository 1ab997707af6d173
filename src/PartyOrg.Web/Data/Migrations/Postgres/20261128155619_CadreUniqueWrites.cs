using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CadreUniqueWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConfidenceRounds_OrganizationId_HeldOn",
                table: "ConfidenceRounds");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_OrganizationId_Title",
                table: "Posts",
                columns: new[] { "OrganizationId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConfidenceRounds_OrganizationId_HeldOn",
                table: "ConfidenceRounds",
                columns: new[] { "OrganizationId", "HeldOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_OrganizationId_Title",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_ConfidenceRounds_OrganizationId_HeldOn",
                table: "ConfidenceRounds");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidenceRounds_OrganizationId_HeldOn",
                table: "ConfidenceRounds",
                columns: new[] { "OrganizationId", "HeldOn" });
        }
    }
}
