using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace PartyOrg.Web.Features.Imports;

/// <summary>A column of a staging table: its name (the same as in the register's table where it maps there) and its type.</summary>
public sealed record StageColumn(string Name, StageType Type);

public enum StageType
{
    Text,
    /// <summary>Text compared byte-wise (paths, folded names): the "C" collation on PostgreSQL, as the register's own columns.</summary>
    Ordinal,
    Integer,
    Date,
}

/// <summary>
/// The import's own connection and its temporary tables (they vanish with the connection: an import killed half-way leaves
/// nothing behind). Rows go in by binary COPY on PostgreSQL and by one prepared INSERT reused in batched transactions on
/// SQLite; checks and the merge are set-based SQL over them. Names are quoted so that the same SQL reads on both.
/// </summary>
public sealed class Staging(DbConnection connection, bool postgres) : IAsyncDisposable
{
    public bool Postgres => postgres;
    public DbConnection Connection => connection;

    public static async Task<Staging> OpenAsync(string connectionString, bool postgres)
    {
        // A connection of its own, outside the pool: its temporary tables end with it, whatever way the import ends.
        DbConnection connection = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (!postgres)
        {
            await using var pragma = connection.CreateCommand();
            // The temporary tables stay in memory up to the cache; a long merge waits for other writers instead of failing.
            pragma.CommandText = "PRAGMA temp_store = FILE; PRAGMA busy_timeout = 60000;";
            await pragma.ExecuteNonQueryAsync();
        }
        return new Staging(connection, postgres);
    }

    public string Q(string name) => $"\"{name}\"";

    public async Task CreateAsync(string table, IReadOnlyList<StageColumn> columns)
    {
        var types = columns.Select(c => $"{Q(c.Name)} {(c.Type switch { StageType.Integer => postgres ? "bigint" : "INTEGER", StageType.Date => postgres ? "date" : "TEXT", StageType.Ordinal => postgres ? "text COLLATE \"C\"" : "TEXT", _ => "TEXT" })}");
        await ExecuteAsync($"CREATE TEMP TABLE {Q(table)} ({string.Join(", ", types)})");
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    public DbTransaction? Transaction { get; set; }

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>A writer of rows into a staging table, in the columns' order.</summary>
    public async Task<StageWriter> WriterAsync(string table, IReadOnlyList<StageColumn> columns) =>
        postgres ? await CopyWriter.StartAsync((NpgsqlConnection)connection, Q(table), columns) : new InsertWriter(this, table, columns);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private sealed class CopyWriter(NpgsqlBinaryImporter importer, IReadOnlyList<StageColumn> columns) : StageWriter
    {
        public static async Task<StageWriter> StartAsync(NpgsqlConnection connection, string table, IReadOnlyList<StageColumn> columns)
        {
            var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            return new CopyWriter(await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)"), columns);
        }

        public override async Task WriteAsync(object?[] values)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                switch (values[i])
                {
                    case null: await importer.WriteNullAsync(); break;
                    case string s: await importer.WriteAsync(s, NpgsqlDbType.Text); break;
                    case int n: await importer.WriteAsync((long)n, NpgsqlDbType.Bigint); break;
                    case long n: await importer.WriteAsync(n, NpgsqlDbType.Bigint); break;
                    case DateOnly d: await importer.WriteAsync(d, NpgsqlDbType.Date); break;
                    default: throw new InvalidOperationException($"Unsupported staging value {values[i]!.GetType()}");
                }
            }
        }

        public override async Task CompleteAsync()
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
    }

    private sealed class InsertWriter : StageWriter
    {
        private const int Batch = 20_000;
        private readonly Staging staging;
        private readonly DbCommand command;
        private readonly DbParameter[] parameters;
        private DbTransaction? transaction;
        private int pending;

        public InsertWriter(Staging staging, string table, IReadOnlyList<StageColumn> columns)
        {
            this.staging = staging;
            command = staging.Command($"INSERT INTO {staging.Q(table)} ({string.Join(", ", columns.Select(c => staging.Q(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})");
            parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = "@p" + i; command.Parameters.Add(p); return p; }).ToArray();
        }

        public override async Task WriteAsync(object?[] values)
        {
            // Only the temporary database is written, so these transactions take no lock on the register.
            if (transaction is null)
            {
                transaction = ((SqliteConnection)staging.Connection).BeginTransaction(deferred: true);
                command.Transaction = transaction;
            }
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = values[i] switch { null => DBNull.Value, DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), var v => v };
            await command.ExecuteNonQueryAsync();
            if (++pending >= Batch) await CommitAsync();
        }

        private async Task CommitAsync()
        {
            if (transaction is null) return;
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            transaction = null;
            pending = 0;
        }

        public override async Task CompleteAsync()
        {
            await CommitAsync();
            await command.DisposeAsync();
        }
    }
}

public abstract class StageWriter
{
    public abstract Task WriteAsync(object?[] values);
    public abstract Task CompleteAsync();
}
