using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyOrg.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LateStepsAndRemovalCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LateCountsInPartyAge",
                table: "MemberTransfers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LateDecidedOn",
                table: "MemberTransfers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateDecisionNumber",
                table: "MemberTransfers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateDecisionOrganizationId",
                table: "MemberTransfers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateReason",
                table: "MemberTransfers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PriorOfficialOn",
                table: "MemberDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeriousDisunity",
                table: "MemberDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CeremonyLate",
                table: "AdmissionCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LateConsentNumber",
                table: "AdmissionCases",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LateConsentOn",
                table: "AdmissionCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateConsentOrganizationId",
                table: "AdmissionCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTransfers_LateDecisionOrganizationId",
                table: "MemberTransfers",
                column: "LateDecisionOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionCases_LateConsentOrganizationId",
                table: "AdmissionCases",
                column: "LateConsentOrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_AdmissionCases_Organizations_LateConsentOrganizationId",
                table: "AdmissionCases",
                column: "LateConsentOrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberTransfers_Organizations_LateDecisionOrganizationId",
                table: "MemberTransfers",
                column: "LateDecisionOrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Name removals recorded under the old combined case "bỏ sinh hoạt hoặc không đóng đảng phí": those whose own reason
            // speaks of fees only become the fees case (which no longer bars readmission); the others keep the reading they were
            // handled by until now (abandoning activity, barred), so the migration lifts no bar the record does not support.
            // Each change is kept in the decision's history, as every write is.
            const string feesOnly = """
                "RemovalCase" = 'AbandonedActivity' AND "Reason" IS NOT NULL
                  AND (lower("Reason") LIKE '%đảng phí%' OR lower("Reason") LIKE '%dang phi%')
                  AND lower("Reason") NOT LIKE '%sinh hoạt%' AND lower("Reason") NOT LIKE '%sinh hoat%'
                """;
            migrationBuilder.Sql($$"""
                INSERT INTO "AuditEntries" ("EntityType", "EntityId", "Action", "UserName", "At", "Changes")
                SELECT 'MemberDecision', "Id", 'Updated', 'hệ thống', strftime('%Y-%m-%d %H:%M:%f', 'now'),
                       '[{"field":"RemovalCase","before":"AbandonedActivity","after":"UnpaidFees"}]'
                FROM "MemberDecisions" WHERE {{feesOnly}};
                UPDATE "MemberDecisions" SET "RemovalCase" = 'UnpaidFees' WHERE {{feesOnly}};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AdmissionCases_Organizations_LateConsentOrganizationId",
                table: "AdmissionCases");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberTransfers_Organizations_LateDecisionOrganizationId",
                table: "MemberTransfers");

            migrationBuilder.DropIndex(
                name: "IX_MemberTransfers_LateDecisionOrganizationId",
                table: "MemberTransfers");

            migrationBuilder.DropIndex(
                name: "IX_AdmissionCases_LateConsentOrganizationId",
                table: "AdmissionCases");

            migrationBuilder.DropColumn(
                name: "LateCountsInPartyAge",
                table: "MemberTransfers");

            migrationBuilder.DropColumn(
                name: "LateDecidedOn",
                table: "MemberTransfers");

            migrationBuilder.DropColumn(
                name: "LateDecisionNumber",
                table: "MemberTransfers");

            migrationBuilder.DropColumn(
                name: "LateDecisionOrganizationId",
                table: "MemberTransfers");

            migrationBuilder.DropColumn(
                name: "LateReason",
                table: "MemberTransfers");

            migrationBuilder.DropColumn(
                name: "PriorOfficialOn",
                table: "MemberDecisions");

            migrationBuilder.DropColumn(
                name: "SeriousDisunity",
                table: "MemberDecisions");

            migrationBuilder.DropColumn(
                name: "CeremonyLate",
                table: "AdmissionCases");

            migrationBuilder.DropColumn(
                name: "LateConsentNumber",
                table: "AdmissionCases");

            migrationBuilder.DropColumn(
                name: "LateConsentOn",
                table: "AdmissionCases");

            migrationBuilder.DropColumn(
                name: "LateConsentOrganizationId",
                table: "AdmissionCases");
        }
    }
}
