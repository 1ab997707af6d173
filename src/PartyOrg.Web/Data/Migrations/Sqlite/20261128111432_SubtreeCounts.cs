using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
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
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubtreeCountChanges", x => new { x.OrganizationId, x.Measure, x.Date });
                });

            // The counts of the records already stored: members placed (0, with its yearly totals 3), admissions (1) and
            // readmissions (2) in the cell that held the member on the day; official members without time out by admission date
            // (10) and by highest badge (100 + milestone) in their cell; spread to the cell and every organization above it.
            migrationBuilder.Sql("""
                WITH RECURSIVE c("OrganizationId", "Measure", "Date", "Delta") AS (
                  SELECT "OrganizationId", 0, "FromDate", COUNT(*) FROM "MemberPlacements" GROUP BY "OrganizationId", "FromDate"
                  UNION ALL
                  SELECT "OrganizationId", 0, "ToDate", -COUNT(*) FROM "MemberPlacements" WHERE "ToDate" IS NOT NULL GROUP BY "OrganizationId", "ToDate"
                  UNION ALL
                  SELECT p."OrganizationId", 1, m."AdmittedOn", COUNT(*) FROM "MemberPlacements" p JOIN "Members" m ON m."Id" = p."MemberId"
                  WHERE p."FromDate" <= m."AdmittedOn" AND (p."ToDate" IS NULL OR p."ToDate" > m."AdmittedOn") GROUP BY p."OrganizationId", m."AdmittedOn"
                  UNION ALL
                  SELECT p."OrganizationId", 2, m."ReadmittedOn", COUNT(*) FROM "MemberPlacements" p JOIN "Members" m ON m."Id" = p."MemberId"
                  WHERE m."ReadmittedOn" IS NOT NULL AND p."FromDate" <= m."ReadmittedOn" AND (p."ToDate" IS NULL OR p."ToDate" > m."ReadmittedOn")
                  GROUP BY p."OrganizationId", m."ReadmittedOn"
                  UNION ALL
                  SELECT m."OrganizationId", 10, m."AdmittedOn", COUNT(*) FROM "Members" m
                  WHERE m."Status" = 'Official'
                    AND NOT EXISTS (SELECT 1 FROM "MemberDecisions" x WHERE x."MemberId" = m."Id" AND x."Kind" = 'Readmission')
                    AND NOT EXISTS (SELECT 1 FROM "MemberTransfers" t WHERE t."MemberId" = m."Id" AND t."ReceivedOn" IS NOT NULL AND t."ReceivedOn" > t."PresentBy")
                  GROUP BY m."OrganizationId", m."AdmittedOn"
                  UNION ALL
                  SELECT m."OrganizationId", 100 + a."Best", m."AdmittedOn", COUNT(*) FROM "Members" m
                  JOIN (SELECT "MemberId", MAX("Milestone") AS "Best" FROM "BadgeAwards" GROUP BY "MemberId") a ON a."MemberId" = m."Id"
                  WHERE m."Status" = 'Official'
                    AND NOT EXISTS (SELECT 1 FROM "MemberDecisions" x WHERE x."MemberId" = m."Id" AND x."Kind" = 'Readmission')
                    AND NOT EXISTS (SELECT 1 FROM "MemberTransfers" t WHERE t."MemberId" = m."Id" AND t."ReceivedOn" IS NOT NULL AND t."ReceivedOn" > t."PresentBy")
                  GROUP BY m."OrganizationId", a."Best", m."AdmittedOn"),
                d("OrganizationId", "Measure", "Date", "Delta") AS (
                  SELECT "OrganizationId", "Measure", "Date", "Delta" FROM c
                  UNION ALL
                  SELECT "OrganizationId", 3, strftime('%Y-01-01', "Date"), "Delta" FROM c WHERE "Measure" = 0),
                up("OrganizationId", "AncestorId") AS (
                  SELECT DISTINCT "OrganizationId", "OrganizationId" FROM d
                  UNION ALL
                  SELECT up."OrganizationId", o."ParentId" FROM up JOIN "Organizations" o ON o."Id" = up."AncestorId" WHERE o."ParentId" IS NOT NULL)
                INSERT INTO "SubtreeCountChanges" ("OrganizationId", "Measure", "Date", "Delta")
                SELECT up."AncestorId", d."Measure", d."Date", SUM(d."Delta") FROM d JOIN up ON up."OrganizationId" = d."OrganizationId"
                GROUP BY up."AncestorId", d."Measure", d."Date" HAVING SUM(d."Delta") <> 0
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
