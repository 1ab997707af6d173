using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetCountingWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PeriodStart/PeriodEnd already hold each target's counting window (a term set through the form or the API counts
            // 1 January of its first year to 31 December of its last); they are left as they are, so no published figure changes.
            migrationBuilder.AddColumn<DateOnly>(
                name: "DocumentDate",
                table: "AdmissionTargets",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentDate",
                table: "AdmissionTargets");
        }
    }
}
