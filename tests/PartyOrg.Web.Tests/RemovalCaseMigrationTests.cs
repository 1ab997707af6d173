using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Tests.Shared;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The LateStepsAndRemovalCases migration over a database holding name removals of the old combined case ("bỏ sinh hoạt hoặc
/// không đóng đảng phí"): on each database, only those whose reason speaks of fees alone become the fees case, with an audit entry.
/// </summary>
public class RemovalCaseMigrationTests
{
    private static AppDbContext Context(TestDatabase database) => database.Provider == "Postgres"
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options, AuditActor.System)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options, AuditActor.System);

    [Fact]
    public async Task NameRemovalCase_MigrationSplitsTheOldCombinedCaseByItsReason_KeepingAbandonmentWhereUnclear()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_LateStepsAndRemovalCases", StringComparison.Ordinal));
        Assert.True(ours > 0);
        await db.GetService<IMigrator>().MigrateAsync(migrations[ours - 1]);

        // Written as the schema before the migration holds them (raw rows: later migrations may change the model).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Organizations" ("Id", "Code", "Name", "Type", "Field", "Path", "Depth", "FoundedOn", "State", "Version")
            VALUES (1, 'MIG.1', 'Chi bộ Di Trú', 'BaseCell', 'General', '/1/', 0, {new DateOnly(1990, 1, 1)}, 'Active', 0)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Members" ("Id", "FullName", "SearchName", "SearchGiven", "SortKey", "Gender", "DateOfBirth", "EthnicGroupCode", "Religion",
                "CitizenId", "GeneralEducation", "ProfessionalDegree", "PoliticalTheory", "AdmittedOn", "OrganizationId", "OrgPath", "Status", "Version")
            VALUES (1, 'Võ Văn Di', 'vo van di', 'di vo van di', 'di vo van', 'Male', {new DateOnly(1970, 1, 1)}, '01', 'Không theo tôn giáo',
                '001070999001', 'UpperSecondary', 'None', 'None', {new DateOnly(2000, 1, 1)}, 1, '/1/', 'NameRemoved', 0)
            """);
        var member = new { Id = 1 };
        var reasons = new[] { "Không đóng đảng phí 3 tháng liền", "Bỏ sinh hoạt và không đóng đảng phí", "khong dong dang phi", null };
        foreach (var reason in reasons)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MemberDecisions" ("MemberId", "Kind", "DecidedOn", "Number", "Reason", "RemovalCase", "ExtremeFamilyHardship", "CorruptionOrSeriousCrime", "RecordedBy")
                VALUES ({member.Id}, 'NameRemoval', {new DateOnly(2020, 1, 1)}, '1-QĐ', {reason}, 'AbandonedActivity', {false}, {false}, 'cũ')
                """);

        await db.Database.MigrateAsync();

        var cases = await db.MemberDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.RemovalCase).ToListAsync();
        Assert.Equal([NameRemovalCase.UnpaidFees, NameRemovalCase.AbandonedActivity, NameRemovalCase.UnpaidFees, NameRemovalCase.AbandonedActivity], cases);
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(MemberDecision)).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains("\"after\":\"UnpaidFees\"", a.Changes));
    }
}
