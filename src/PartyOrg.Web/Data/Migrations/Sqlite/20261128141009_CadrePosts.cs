using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CadrePosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PostKinds",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UsualBasis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutsideRegisterAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostKinds", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Posts_Organizations_ManagingOrganizationId",
                        column: x => x.ManagingOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_PostKinds_KindCode",
                        column: x => x.KindCode,
                        principalTable: "PostKinds",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostHoldings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutsideName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    TermTo = table.Column<int>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostHoldings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostHoldings_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostHoldings_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PostKinds",
                columns: new[] { "Code", "Body", "Name", "Order", "OutsideRegisterAllowed", "UsualBasis" },
                values: new object[,]
                {
                    { "BI_THU", "PartyCommittee", "Bí thư", 10, false, "Election" },
                    { "CAP_UY_VIEN", "PartyCommittee", "Cấp ủy viên", 40, false, "Election" },
                    { "CHU_NHIEM_UBKT", "PartyCommittee", "Chủ nhiệm Ủy ban Kiểm tra", 60, false, "Election" },
                    { "CHU_TICH_HDND", "State", "Chủ tịch Hội đồng nhân dân", 70, false, "Election" },
                    { "CHU_TICH_MTTQ", "MassOrganization", "Chủ tịch Ủy ban Mặt trận Tổ quốc", 110, true, "Election" },
                    { "CHU_TICH_UBND", "State", "Chủ tịch Ủy ban nhân dân", 80, false, "Election" },
                    { "GIAM_DOC_SO", "State", "Giám đốc sở, thủ trưởng cơ quan chuyên môn", 100, true, "Appointment" },
                    { "PHO_BAN_TC", "PartyCommittee", "Phó Trưởng Ban Tổ chức", 55, false, "Appointment" },
                    { "PHO_BI_THU", "PartyCommittee", "Phó Bí thư", 20, false, "Election" },
                    { "PHO_CHU_TICH_UBND", "State", "Phó Chủ tịch Ủy ban nhân dân", 90, false, "Election" },
                    { "TRUONG_BAN_TC", "PartyCommittee", "Trưởng Ban Tổ chức", 50, false, "Designation" },
                    { "UV_BTV", "PartyCommittee", "Ủy viên Ban Thường vụ", 30, false, "Election" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_MemberId_FromDate",
                table: "PostHoldings",
                columns: new[] { "MemberId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_PostId_FromDate",
                table: "PostHoldings",
                columns: new[] { "PostId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_KindCode",
                table: "Posts",
                column: "KindCode");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ManagingOrganizationId",
                table: "Posts",
                column: "ManagingOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ManagingPath",
                table: "Posts",
                column: "ManagingPath");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_OrganizationId_FromDate",
                table: "Posts",
                columns: new[] { "OrganizationId", "FromDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PostHoldings");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "PostKinds");
        }
    }
}
