using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>The backup the README describes restores into a database where every record is found again.</summary>
public class BackupRestoreTests(WebAppFixture app)
{
    private static async Task<Dictionary<string, long>> CountsAsync(AppDbContext db) => new()
    {
        ["organizations"] = await db.Organizations.LongCountAsync(),
        ["members"] = await db.Members.LongCountAsync(),
        ["placements"] = await db.MemberPlacements.LongCountAsync(),
        ["cases"] = await db.AdmissionCases.LongCountAsync(),
        ["decisions"] = await db.MemberDecisions.LongCountAsync(),
        ["transfers"] = await db.MemberTransfers.LongCountAsync(),
        ["badges"] = await db.BadgeAwards.LongCountAsync(),
        ["targets"] = await db.AdmissionTargets.LongCountAsync(),
        ["audit"] = await db.AuditEntries.LongCountAsync(),
        ["accountEvents"] = await db.AccountEvents.LongCountAsync(),
        ["users"] = await db.Users.LongCountAsync(),
        ["lastMember"] = await db.Members.MaxAsync(m => m.Id),
        ["versions"] = await db.Members.SumAsync(m => (long)m.Version),
    };

    [Fact]
    public async Task Backup_RestoresEveryRecord()
    {
        var before = await app.WithDbAsync((db, _) => CountsAsync(db));
        string restored;
        if (app.Provider == "Postgres") restored = await PgDumpAndRestoreAsync(app.ConnectionString);
        else
        {
            // The same online backup as the sqlite3 shell's ".backup" command, taken while the application runs.
            var file = Path.Combine(Path.GetTempPath(), $"partyorg-backup-{Guid.NewGuid():N}.db");
            await using var live = new SqliteConnection(app.ConnectionString);
            await live.OpenAsync();
            await using var copy = new SqliteConnection($"Data Source={file}");
            await copy.OpenAsync();
            live.BackupDatabase(copy);
            restored = $"Data Source={file}";
        }

        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Database:Provider", app.Provider);
                b.UseSetting("ConnectionStrings:PartyOrg", restored);
                b.UseSetting("Demo:Enabled", "false");
            });
            await using var scope = factory.Services.CreateAsyncScope();
            var after = await CountsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            Assert.Equal(before, after);
            Assert.True(before["members"] > 1000);
        }
        finally
        {
            if (app.Provider == "Postgres")
            {
                NpgsqlConnection.ClearAllPools();
                var name = new NpgsqlConnectionStringBuilder(restored).Database;
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(restored) { Database = "postgres" }.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                // The server's own autovacuum may be analysing the freshly restored tables: a role that is not a superuser cannot
                // end that worker, so the drop waits for it to finish.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await drop.ExecuteNonQueryAsync();
                        break;
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
                    {
                        await Task.Delay(500);
                    }
                }
            }
            else
            {
                SqliteConnection.ClearAllPools();
                File.Delete(new SqliteConnectionStringBuilder(restored).DataSource);
            }
        }
    }

    /// <summary>pg_dump -Fc of the live database, pg_restore into a new one: the README's procedure.</summary>
    private static async Task<string> PgDumpAndRestoreAsync(string connectionString)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString);
        var target = source.Database + "_restored";
        var dump = Path.Combine(Path.GetTempPath(), $"partyorg-{Guid.NewGuid():N}.dump");
        await RunAsync("pg_dump", source, "-Fc", "-f", dump, source.Database!);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target}\"; CREATE DATABASE \"{target}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await RunAsync("pg_restore", source, "--no-owner", "-d", target, dump);
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = target }.ConnectionString;
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder cs, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username! }.Concat(args)) info.ArgumentList.Add(a);
        info.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {error}");
    }
}
