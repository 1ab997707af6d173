using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RatingRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnlockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnlockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnlockReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingRounds_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SelfLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SelfPoints = table.Column<int>(type: "INTEGER", nullable: true),
                    SelfOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelfBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposedLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AllTasksOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    TasksExceededPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    SubUnitOrLeaderDisciplined = table.Column<bool>(type: "INTEGER", nullable: true),
                    TasksLatePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ExemptReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ratings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ratings_Organizations_SubjectOrganizationId",
                        column: x => x.SubjectOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatingRounds_OrganizationId_Year",
                table: "RatingRounds",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_MemberId_Year",
                table: "Ratings",
                columns: new[] { "MemberId", "Year" },
                unique: true,
                filter: "\"MemberId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_OrganizationId",
                table: "Ratings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_SubjectOrganizationId_Year",
                table: "Ratings",
                columns: new[] { "SubjectOrganizationId", "Year" },
                unique: true,
                filter: "\"SubjectOrganizationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Year_OrgPath",
                table: "Ratings",
                columns: new[] { "Year", "OrgPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RatingRounds");

            migrationBuilder.DropTable(
                name: "Ratings");
        }
    }
}
