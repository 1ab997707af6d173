using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>
/// How many members are placed in an organization's whole subtree changes by <see cref="Delta"/> on <see cref="Date"/>: a
/// placement adds one from its first day to every organization above its cell, and takes one away on its end. The count on a
/// date is the sum of the changes up to it, read from one index range per organization whatever the size of its subtree.
/// Derived from <see cref="MemberPlacement"/> only, kept in the same transaction as every placement written, and rebuilt or
/// checked against a recount by <c>recount</c>.
/// </summary>
public sealed class SubtreeCountChange
{
    public int OrganizationId { get; set; }
    public DateOnly Date { get; set; }
    public int Delta { get; set; }
}

/// <summary>The maintained subtree counts: the changes a save or an import makes, the rebuild and the recount check.</summary>
public static class SubtreeCounts
{
    private const string Table = "\"SubtreeCountChanges\"";

    /// <summary>The changes the placements matching <paramref name="where"/> make, grouped per cell and day.</summary>
    public static string ChangesOf(string where) => $"""
        SELECT "OrganizationId", "FromDate", COUNT(*) FROM "MemberPlacements" WHERE {where} GROUP BY "OrganizationId", "FromDate"
        UNION ALL
        SELECT "OrganizationId", "ToDate", -COUNT(*) FROM "MemberPlacements" WHERE "ToDate" IS NOT NULL AND {where} GROUP BY "OrganizationId", "ToDate"
        """;

    /// <summary>Every placement's changes: the recount's input.</summary>
    private static readonly string AllPlacements = ChangesOf("1 = 1");

    /// <summary>
    /// Changes per cell and day (<paramref name="changes"/> selects OrganizationId, Date, Delta) as "d", and the cells with
    /// every organization above them by the parent links as "up".
    /// </summary>
    private static string Tables(string changes) => $"""
        WITH RECURSIVE d("OrganizationId", "Date", "Delta") AS ({changes}),
        up("OrganizationId", "AncestorId") AS (
          SELECT DISTINCT "OrganizationId", "OrganizationId" FROM d
          UNION ALL
          SELECT up."OrganizationId", o."ParentId" FROM up JOIN "Organizations" o ON o."Id" = up."AncestorId" WHERE o."ParentId" IS NOT NULL)
        """;

    /// <summary>The changes of "d" spread to the cell and every organization above it, summed per organization and day.</summary>
    private const string Spread = """
        SELECT up."AncestorId" AS "OrganizationId", d."Date" AS "Date", CAST(SUM(d."Delta") AS BIGINT) AS "Delta"
        FROM d JOIN up ON up."OrganizationId" = d."OrganizationId" WHERE true
        GROUP BY up."AncestorId", d."Date" HAVING SUM(d."Delta") <> 0
        """;

    private const string Insert = $"INSERT INTO {Table} (\"OrganizationId\", \"Date\", \"Delta\") ";

    /// <summary>Adds the changes to the stored ones (rows taken in key order, so concurrent writers lock in the same order).</summary>
    public static string AddSql(string changes) =>
        $"{Tables(changes)} {Insert} {Spread} ORDER BY 1, 2 ON CONFLICT (\"OrganizationId\", \"Date\") DO UPDATE SET \"Delta\" = {Table}.\"Delta\" + excluded.\"Delta\"";

    /// <summary>The changes the tracked placements make when saved: what was stored taken away, what will be stored added.</summary>
    public static List<(int OrganizationId, DateOnly Date, int Delta)> Pending(ChangeTracker tracker)
    {
        var changes = new List<(int, DateOnly, int)>();
        void Add(PropertyValues values, int sign)
        {
            var organization = values.GetValue<int>(nameof(MemberPlacement.OrganizationId));
            changes.Add((organization, values.GetValue<DateOnly>(nameof(MemberPlacement.FromDate)), sign));
            if (values.GetValue<DateOnly?>(nameof(MemberPlacement.ToDate)) is { } to) changes.Add((organization, to, -sign));
        }
        foreach (var entry in tracker.Entries<MemberPlacement>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted) Add(entry.OriginalValues, -1);
            if (entry.State is EntityState.Added or EntityState.Modified) Add(entry.CurrentValues, +1);
        }
        return changes.GroupBy(c => (c.Item1, c.Item2)).Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(c => c.Item3)))
            .Where(c => c.Item3 != 0).ToList();
    }

    /// <summary>Stores the changes of a save, inside its transaction.</summary>
    public static async Task ApplyAsync(AppDbContext db, List<(int OrganizationId, DateOnly Date, int Delta)> changes, CancellationToken cancellationToken)
    {
        // A thousand rows a statement keeps the parameters under every provider's limit (a demo build saves thousands at once).
        foreach (var chunk in changes.Chunk(1000))
        {
            var values = "VALUES " + string.Join(", ", chunk.Select((_, i) => $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
            var parameters = chunk.SelectMany(c => new object[] { c.OrganizationId, c.Date, c.Delta }).ToArray();
            await db.Database.ExecuteSqlRawAsync(AddSql(values), parameters, cancellationToken);
        }
    }

    /// <summary>
    /// Recounts every organization from the placements and replaces what is stored, in one transaction. On PostgreSQL the table
    /// is locked first: a save running meanwhile adds its changes after the rebuild, which cannot have seen its placements.
    /// </summary>
    public static async Task<int> RebuildAsync(DbConnection connection, DbTransaction transaction, bool postgres)
    {
        if (postgres) await ExecuteAsync(connection, transaction, $"LOCK TABLE {Table} IN EXCLUSIVE MODE");
        await ExecuteAsync(connection, transaction, $"DELETE FROM {Table}");
        return await ExecuteAsync(connection, transaction, $"{Tables(AllPlacements)} {Insert} {Spread}");
    }

    /// <summary>
    /// The (organization, day) changes on which the stored counts and a recount from the placements differ, up to
    /// <paramref name="limit"/> of them: none when every organization's count on every date equals the recount.
    /// </summary>
    public static async Task<List<(int OrganizationId, DateOnly Date, long Stored, long Recounted)>> MismatchesAsync(DbConnection connection, int limit = 20)
    {
        var sql = $"""
            {Tables(AllPlacements)},
            r AS ({Spread}),
            s AS (SELECT "OrganizationId", "Date", CAST("Delta" AS BIGINT) AS "Delta" FROM {Table} WHERE "Delta" <> 0),
            diff AS (SELECT * FROM (SELECT * FROM s EXCEPT SELECT * FROM r) a UNION SELECT * FROM (SELECT * FROM r EXCEPT SELECT * FROM s) b)
            SELECT k."OrganizationId", k."Date",
              COALESCE((SELECT s."Delta" FROM s WHERE s."OrganizationId" = k."OrganizationId" AND s."Date" = k."Date"), 0),
              COALESCE((SELECT r."Delta" FROM r WHERE r."OrganizationId" = k."OrganizationId" AND r."Date" = k."Date"), 0)
            FROM (SELECT DISTINCT "OrganizationId", "Date" FROM diff) k ORDER BY 1, 2 LIMIT {limit}
            """;
        var found = new List<(int, DateOnly, long, long)>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add((reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetInt64(3)));
        return found;
    }

    public const string Verb = "recount";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>
    /// <c>recount --check</c> compares the stored counts with a recount from the placements and exits 1 on any difference;
    /// <c>recount</c> also rebuilds them when they differ.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var checkOnly = args is [Verb, "--check"];
        if (!checkOnly && args is not [Verb])
        {
            output.WriteLine("Cách dùng: dotnet PartyOrg.Web.dll recount [--check]   (--check: chỉ so sánh, không ghi)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var mismatches = await MismatchesAsync(connection);
        if (mismatches.Count == 0)
        {
            output.WriteLine("Số đảng viên cộng dồn của mọi tổ chức, ở mọi ngày, khớp với số đếm lại từ quá trình sinh hoạt.");
            return 0;
        }
        foreach (var m in mismatches)
            output.WriteLine($"Tổ chức {m.OrganizationId}, ngày {VnFormat.Date(m.Date)}: số thay đổi đã lưu {VnFormat.Number(m.Stored)}, đếm lại {VnFormat.Number(m.Recounted)}.");
        if (checkOnly)
        {
            output.WriteLine("Số cộng dồn không khớp số đếm lại (liệt kê tối đa 20 chỗ). Chạy lệnh recount (không có --check) để dựng lại.");
            return 1;
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var rows = await RebuildAsync(connection, transaction, db.Database.IsNpgsql());
            await transaction.CommitAsync();
            output.WriteLine($"Đã dựng lại số cộng dồn từ quá trình sinh hoạt: {VnFormat.Number(rows)} dòng.");
        }
        return (await MismatchesAsync(connection)).Count == 0 ? 0 : 1;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync();
    }
}
