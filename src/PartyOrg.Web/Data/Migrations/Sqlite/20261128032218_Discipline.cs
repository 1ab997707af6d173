using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Discipline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisciplineDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnnouncedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IssuerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Violation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ComplaintFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComplaintDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComplaintOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReducedTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ComplaintNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisciplineDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Organizations_IssuerOrganizationId",
                        column: x => x.IssuerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_IssuerOrganizationId",
                table: "DisciplineDecisions",
                column: "IssuerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_MemberId_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "MemberId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_OrganizationId_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "OrganizationId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_OrgPath_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "OrgPath", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisciplineDecisions");
        }
    }
}
