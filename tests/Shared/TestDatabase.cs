using Npgsql;

namespace PartyOrg.Tests.Shared;

/// <summary>
/// A fresh real database for one test run: an SQLite file by default, a new PostgreSQL database when
/// PARTYORG_TEST_DB=postgres (server from PARTYORG_TEST_PG). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? sqliteFile;
    private readonly string? postgresName;
    private static readonly string PostgresServer = Environment.GetEnvironmentVariable("PARTYORG_TEST_PG")
        ?? "Host=127.0.0.1;Port=5432;Username=partyorg;Password=partyorg";

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
    }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("PARTYORG_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            var file = Path.Combine(Path.GetTempPath(), $"partyorg-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={file}", file, null);
        }
        var name = $"partyorg_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", cs, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // A connection the host was still closing can race the drop once; the drop is tried again before it counts as failed.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (NpgsqlException e) when (attempt < 3)
                {
                    await Console.Error.WriteLineAsync($"Dropping test database {postgresName} failed (attempt {attempt}): {e.Message}");
                    NpgsqlConnection.ClearAllPools();
                    await Task.Delay(TimeSpan.FromSeconds(attempt));
                }
            }
        }
    }
}
