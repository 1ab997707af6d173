using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CadreOpenCasesAndCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppointmentCases_FromHoldingId",
                table: "AppointmentCases");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_OpenForPost",
                table: "AppointmentCases",
                columns: new[] { "MemberId", "PostId", "Kind" },
                unique: true,
                filter: "\"State\" = 'Proposed' AND \"PostId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_OpenFromHolding",
                table: "AppointmentCases",
                column: "FromHoldingId",
                unique: true,
                filter: "\"State\" = 'Proposed' AND \"FromHoldingId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppointmentCases_OpenForPost",
                table: "AppointmentCases");

            migrationBuilder.DropIndex(
                name: "IX_AppointmentCases_OpenFromHolding",
                table: "AppointmentCases");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_FromHoldingId",
                table: "AppointmentCases",
                column: "FromHoldingId");
        }
    }
}
