using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CadreCasesAndTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromHoldingId = table.Column<int>(type: "INTEGER", nullable: true),
                    ManagingPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HoldingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentCases_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppointmentCases_PostHoldings_FromHoldingId",
                        column: x => x.FromHoldingId,
                        principalTable: "PostHoldings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppointmentCases_PostHoldings_HoldingId",
                        column: x => x.HoldingId,
                        principalTable: "PostHoldings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppointmentCases_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCourses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Abroad = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCourses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCourses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentSteps_AppointmentCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AppointmentCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_FromHoldingId",
                table: "AppointmentCases",
                column: "FromHoldingId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_HoldingId",
                table: "AppointmentCases",
                column: "HoldingId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_ManagingPath_DecidedOn",
                table: "AppointmentCases",
                columns: new[] { "ManagingPath", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_MemberId_State",
                table: "AppointmentCases",
                columns: new[] { "MemberId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentCases_PostId",
                table: "AppointmentCases",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSteps_CaseId_On",
                table: "AppointmentSteps",
                columns: new[] { "CaseId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrganizationId",
                table: "TrainingCourses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrgPath_FromDate",
                table: "TrainingCourses",
                columns: new[] { "OrgPath", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CourseId_MemberId",
                table: "TrainingEnrolments",
                columns: new[] { "CourseId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_MemberId",
                table: "TrainingEnrolments",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppointmentSteps");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "AppointmentCases");

            migrationBuilder.DropTable(
                name: "TrainingCourses");
        }
    }
}
