using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubtreeCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubtreeCountChanges",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubtreeCountChanges", x => new { x.OrganizationId, x.Date });
                });

            // The counts of the placements already stored: every placement spread to its cell and the organizations above it.
            migrationBuilder.Sql("""
                WITH RECURSIVE d("OrganizationId", "Date", "Delta") AS (
                  SELECT "OrganizationId", "FromDate", COUNT(*) FROM "MemberPlacements" GROUP BY "OrganizationId", "FromDate"
                  UNION ALL
                  SELECT "OrganizationId", "ToDate", -COUNT(*) FROM "MemberPlacements" WHERE "ToDate" IS NOT NULL GROUP BY "OrganizationId", "ToDate"),
                up("OrganizationId", "AncestorId") AS (
                  SELECT DISTINCT "OrganizationId", "OrganizationId" FROM d
                  UNION ALL
                  SELECT up."OrganizationId", o."ParentId" FROM up JOIN "Organizations" o ON o."Id" = up."AncestorId" WHERE o."ParentId" IS NOT NULL)
                INSERT INTO "SubtreeCountChanges" ("OrganizationId", "Date", "Delta")
                SELECT up."AncestorId", d."Date", SUM(d."Delta") FROM d JOIN up ON up."OrganizationId" = d."OrganizationId"
                GROUP BY up."AncestorId", d."Date" HAVING SUM(d."Delta") <> 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubtreeCountChanges");
        }
    }
}
