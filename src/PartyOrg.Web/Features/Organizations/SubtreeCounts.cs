using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>What a <see cref="SubtreeCountChange"/> counts.</summary>
public enum SubtreeMeasure
{
    /// <summary>Members placed in the subtree: a placement adds one on its first day and takes it away on its end.</summary>
    Placed = 0,
    /// <summary>First admissions decided while the member was placed in the subtree, on the admission's date.</summary>
    Admitted = 1,
    /// <summary>Readmissions decided while placed in the subtree, on the readmission's date.</summary>
    Readmitted = 2,
    /// <summary>
    /// The year's whole change of <see cref="Placed"/>, dated 1 January: the count on a date is the years before it plus the days
    /// of its own year, at most a few hundred rows per organization however long its history.
    /// </summary>
    PlacedInYear = 3,
    /// <summary>
    /// Official members today, in the cell that holds them, dated by their admission, leaving out those with time out of activity
    /// (a readmission, a letter received late): with <see cref="HighestAward"/>, who is due a party badge at an occasion.
    /// </summary>
    OfficialByAdmission = 10,
    /// <summary>
    /// Of <see cref="OfficialByAdmission"/>, those whose highest badge is a milestone, stored as this value plus the milestone
    /// (130 for 30 years … 190 for 90).
    /// </summary>
    HighestAward = 100,
}

/// <summary>
/// A measure of an organization's whole subtree changes by <see cref="Delta"/> on <see cref="Date"/>. The measure on a date is the
/// sum of the changes up to it (members placed), or over a window (admissions of a year), read from one index range per
/// organization whatever the size of its subtree. Derived from the placements, the members' records and what decides their badges
/// (awards, readmissions, letters received late), kept in the same transaction as every write of them, and rebuilt or checked
/// against a recount by <c>recount</c>.
/// </summary>
public sealed class SubtreeCountChange
{
    public int OrganizationId { get; set; }
    public SubtreeMeasure Measure { get; set; }
    public DateOnly Date { get; set; }
    public int Delta { get; set; }
}

/// <summary>The maintained subtree counts: the changes a save or an import makes, the rebuild and the recount check.</summary>
public static class SubtreeCounts
{
    private const string Table = "\"SubtreeCountChanges\"";
    private const int Placed = (int)SubtreeMeasure.Placed, Admitted = (int)SubtreeMeasure.Admitted, Readmitted = (int)SubtreeMeasure.Readmitted,
        PlacedInYear = (int)SubtreeMeasure.PlacedInYear, OfficialByAdmission = (int)SubtreeMeasure.OfficialByAdmission,
        HighestAward = (int)SubtreeMeasure.HighestAward;

    /// <summary>The first admissions and readmissions of the organizations' subtrees per day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static IQueryable<SubtreeCountChange> Admissions(AppDbContext db, IReadOnlyCollection<int> organizationIds, DateOnly first, DateOnly last) =>
        db.SubtreeCountChanges.AsNoTracking().Where(c => organizationIds.Contains(c.OrganizationId)
            && (c.Measure == SubtreeMeasure.Admitted || c.Measure == SubtreeMeasure.Readmitted) && c.Date >= first && c.Date <= last);

    /// <summary>The organizations whose subtrees are the paths, those inside another path left out: each record counted once.</summary>
    public static IReadOnlyList<int> Outermost(IReadOnlyCollection<string> paths) =>
        paths.Where(p => !paths.Any(o => o.Length < p.Length && p.StartsWith(o, StringComparison.Ordinal)))
            .Select(p => Organization.IdsOnPath(p)[^1]).Distinct().ToList();

    /// <summary>The members-placed changes of the placements matching <paramref name="where"/>, grouped per cell and day.</summary>
    public static string PlacementsOf(string where) => $"""
        SELECT "OrganizationId", {Placed}, "FromDate", COUNT(*) FROM "MemberPlacements" WHERE {where} GROUP BY "OrganizationId", "FromDate"
        UNION ALL
        SELECT "OrganizationId", {Placed}, "ToDate", -COUNT(*) FROM "MemberPlacements" WHERE "ToDate" IS NOT NULL AND {where} GROUP BY "OrganizationId", "ToDate"
        """;

    /// <summary>
    /// The admissions and readmissions of the members matching <paramref name="where"/> (on the alias m), each in the cell it was
    /// placed in on its date, times <paramref name="sign"/>: what the members add to the counts, or take away before they change.
    /// </summary>
    private static string AdmissionsOf(string where, int sign) => $"""
        SELECT p."OrganizationId", {Admitted}, m."AdmittedOn", {sign} * COUNT(*) FROM "MemberPlacements" p JOIN "Members" m ON m."Id" = p."MemberId"
        WHERE {where} AND p."FromDate" <= m."AdmittedOn" AND (p."ToDate" IS NULL OR p."ToDate" > m."AdmittedOn") GROUP BY p."OrganizationId", m."AdmittedOn"
        UNION ALL
        SELECT p."OrganizationId", {Readmitted}, m."ReadmittedOn", {sign} * COUNT(*) FROM "MemberPlacements" p JOIN "Members" m ON m."Id" = p."MemberId"
        WHERE {where} AND m."ReadmittedOn" IS NOT NULL AND p."FromDate" <= m."ReadmittedOn" AND (p."ToDate" IS NULL OR p."ToDate" > m."ReadmittedOn")
        GROUP BY p."OrganizationId", m."ReadmittedOn"
        """;

    /// <summary>
    /// The badge basis of the members matching <paramref name="where"/> (on the alias m) times <paramref name="sign"/>: official
    /// members without time out of activity by their cell and admission date, and those of them by their highest badge.
    /// </summary>
    private static string BadgeBasisOf(string where, int sign) => $"""
        SELECT m."OrganizationId", {OfficialByAdmission}, m."AdmittedOn", {sign} * COUNT(*) FROM "Members" m
        WHERE {where} AND {NoTimeOut} GROUP BY m."OrganizationId", m."AdmittedOn"
        UNION ALL
        SELECT m."OrganizationId", {HighestAward} + a."Best", m."AdmittedOn", {sign} * COUNT(*) FROM "Members" m
        JOIN (SELECT "MemberId", MAX("Milestone") AS "Best" FROM "BadgeAwards" GROUP BY "MemberId") a ON a."MemberId" = m."Id"
        WHERE {where} AND {NoTimeOut} GROUP BY m."OrganizationId", a."Best", m."AdmittedOn"
        """;

    // Official, and no time out of activity: the same members the badge register reads one by one (BadgeRegister.WithTimeOut).
    private const string NoTimeOut = """
        m."Status" = 'Official'
        AND NOT EXISTS (SELECT 1 FROM "MemberDecisions" x WHERE x."MemberId" = m."Id" AND x."Kind" = 'Readmission')
        AND NOT EXISTS (SELECT 1 FROM "MemberTransfers" t WHERE t."MemberId" = m."Id" AND t."ReceivedOn" IS NOT NULL AND t."ReceivedOn" > t."PresentBy")
        """;

    /// <summary>What the members matching <paramref name="where"/> (alias m) add to the counts, times <paramref name="sign"/>: their admissions and badge basis.</summary>
    public static string MembersOf(string where, int sign = 1) => AdmissionsOf(where, sign) + " UNION ALL " + BadgeBasisOf(where, sign);

    /// <summary>Everything counted, from the records: the recount's input.</summary>
    private static readonly string Everything = PlacementsOf("1 = 1") + " UNION ALL " + MembersOf("1 = 1");

    /// <summary>
    /// Changes per cell, measure and day (<paramref name="changes"/> selects OrganizationId, Measure, Date, Delta) with the yearly
    /// totals of the members placed as "d", and the cells with every organization above them by the parent links as "up".
    /// </summary>
    private static string Tables(string changes, bool postgres) => $"""
        WITH RECURSIVE c("OrganizationId", "Measure", "Date", "Delta") AS ({changes}),
        d("OrganizationId", "Measure", "Date", "Delta") AS (
          SELECT "OrganizationId", "Measure", "Date", "Delta" FROM c
          UNION ALL
          SELECT "OrganizationId", {PlacedInYear}, {(postgres ? "CAST(date_trunc('year', \"Date\") AS date)" : "strftime('%Y-01-01', \"Date\")")}, "Delta" FROM c WHERE "Measure" = {Placed}),
        up("OrganizationId", "AncestorId") AS (
          SELECT DISTINCT "OrganizationId", "OrganizationId" FROM d
          UNION ALL
          SELECT up."OrganizationId", o."ParentId" FROM up JOIN "Organizations" o ON o."Id" = up."AncestorId" WHERE o."ParentId" IS NOT NULL)
        """;

    /// <summary>The changes of "d" spread to the cell and every organization above it, summed per organization, measure and day.</summary>
    private const string Spread = """
        SELECT up."AncestorId" AS "OrganizationId", d."Measure" AS "Measure", d."Date" AS "Date", CAST(SUM(d."Delta") AS BIGINT) AS "Delta"
        FROM d JOIN up ON up."OrganizationId" = d."OrganizationId" WHERE true
        GROUP BY up."AncestorId", d."Measure", d."Date" HAVING SUM(d."Delta") <> 0
        """;

    private const string Insert = $"INSERT INTO {Table} (\"OrganizationId\", \"Measure\", \"Date\", \"Delta\") ";

    /// <summary>Adds the changes to the stored ones (rows taken in key order, so concurrent writers lock in the same order).</summary>
    public static string AddSql(string changes, bool postgres) =>
        $"{Tables(changes, postgres)} {Insert} {Spread} ORDER BY 1, 2, 3 " +
        $"ON CONFLICT (\"OrganizationId\", \"Measure\", \"Date\") DO UPDATE SET \"Delta\" = {Table}.\"Delta\" + excluded.\"Delta\"";

    /// <summary>
    /// What a save changes: the placements' changes from the change tracker, and the members whose admissions may move, as
    /// functions of the entities, since a member saved with its first placement has its id only after the save.
    /// </summary>
    public sealed record Pending(List<(int OrganizationId, DateOnly Date, int Delta)> Placements, List<Func<int>> Members)
    {
        public bool IsEmpty => Placements.Count == 0 && Members.Count == 0;
    }

    /// <summary>
    /// The tracked placements' changes (what was stored taken away, what will be stored added), and the existing or new members
    /// whose admissions' cells may change: a changed admission or readmission date, or a placement written.
    /// </summary>
    public static Pending PendingIn(ChangeTracker tracker)
    {
        var changes = new List<(int, DateOnly, int)>();
        var members = new List<Func<int>>();
        void Add(PropertyValues values, int sign)
        {
            var organization = values.GetValue<int>(nameof(MemberPlacement.OrganizationId));
            changes.Add((organization, values.GetValue<DateOnly>(nameof(MemberPlacement.FromDate)), sign));
            if (values.GetValue<DateOnly?>(nameof(MemberPlacement.ToDate)) is { } to) changes.Add((organization, to, -sign));
        }
        foreach (var entry in tracker.Entries<MemberPlacement>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted) Add(entry.OriginalValues, -1);
            if (entry.State is EntityState.Added or EntityState.Modified) Add(entry.CurrentValues, +1);
            var placement = entry.Entity;
            members.Add(() => placement.MemberId);
        }
        foreach (var entry in tracker.Entries<Member>().Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified
                     && (e.Property(m => m.AdmittedOn).IsModified || e.Property(m => m.ReadmittedOn).IsModified
                         || e.Property(m => m.Status).IsModified || e.Property(m => m.OrganizationId).IsModified))))
        {
            var member = entry.Entity;
            members.Add(() => member.Id);
        }
        // What decides the badge basis besides the record: the awards, a readmission, a letter received late.
        void Written<T>(Func<T, int> memberId) where T : class
        {
            foreach (var entry in tracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            {
                var entity = entry.Entity;
                members.Add(() => memberId(entity));
            }
        }
        Written<BadgeAward>(a => a.MemberId);
        Written<MemberDecision>(d => d.MemberId);
        Written<MemberTransfer>(t => t.MemberId);
        var placements = changes.GroupBy(c => (c.Item1, c.Item2)).Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(c => c.Item3)))
            .Where(c => c.Item3 != 0).ToList();
        return new Pending(placements, members);
    }

    /// <summary>Before a save, inside its transaction: what the members it touches add to the counts leaves them, as stored.</summary>
    public static Task BeforeSaveAsync(AppDbContext db, Pending pending, CancellationToken cancellationToken) =>
        MembersAsync(db, pending.Members, -1, cancellationToken);

    /// <summary>After the save, in the same transaction: the placements' changes, and what the members add as now stored.</summary>
    public static async Task AfterSaveAsync(AppDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        // A thousand rows a statement keeps the parameters under every provider's limit (a demo build saves thousands at once).
        foreach (var chunk in pending.Placements.Chunk(1000))
        {
            var values = "VALUES " + string.Join(", ", chunk.Select((_, i) => $"({{{3 * i}}}, {Placed}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
            var parameters = chunk.SelectMany(c => new object[] { c.OrganizationId, c.Date, c.Delta }).ToArray();
            await db.Database.ExecuteSqlRawAsync(AddSql(values, db.Database.IsNpgsql()), parameters, cancellationToken);
        }
        await MembersAsync(db, pending.Members, +1, cancellationToken);
    }

    private static async Task MembersAsync(AppDbContext db, List<Func<int>> members, int sign, CancellationToken cancellationToken)
    {
        // Ids are integers read from the entities, written into the text; a member not yet saved has a temporary (negative) id
        // before the save and nothing stored to take away.
        foreach (var chunk in members.Select(id => id()).Where(id => id > 0).Distinct().Chunk(1000))
            await db.Database.ExecuteSqlRawAsync(AddSql(MembersOf($"m.\"Id\" IN ({string.Join(",", chunk)})", sign), db.Database.IsNpgsql()), cancellationToken);
    }

    /// <summary>
    /// Recounts every organization from the records and replaces what is stored, in one transaction; the rows written. On
    /// PostgreSQL the table is locked first: a save running meanwhile adds its changes after the rebuild, which cannot have seen them.
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        await using var transaction = await connection.BeginTransactionAsync();
        if (postgres) await ExecuteAsync(connection, transaction, $"LOCK TABLE {Table} IN EXCLUSIVE MODE");
        await ExecuteAsync(connection, transaction, $"DELETE FROM {Table}");
        var rows = await ExecuteAsync(connection, transaction, $"{Tables(Everything, postgres)} {Insert} {Spread}");
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>
    /// The (organization, day) changes on which the stored counts and a recount from the placements differ, up to
    /// <paramref name="limit"/> of them: none when every organization's count on every date equals the recount.
    /// </summary>
    public static async Task<List<(int OrganizationId, SubtreeMeasure Measure, DateOnly Date, long Stored, long Recounted)>> MismatchesAsync(DbConnection connection, bool postgres, int limit = 20)
    {
        var sql = $"""
            {Tables(Everything, postgres)},
            r AS ({Spread}),
            s AS (SELECT "OrganizationId", "Measure", "Date", CAST("Delta" AS BIGINT) AS "Delta" FROM {Table} WHERE "Delta" <> 0),
            diff AS (SELECT * FROM (SELECT * FROM s EXCEPT SELECT * FROM r) a UNION SELECT * FROM (SELECT * FROM r EXCEPT SELECT * FROM s) b)
            SELECT k."OrganizationId", k."Measure", k."Date",
              COALESCE((SELECT s."Delta" FROM s WHERE s."OrganizationId" = k."OrganizationId" AND s."Measure" = k."Measure" AND s."Date" = k."Date"), 0),
              COALESCE((SELECT r."Delta" FROM r WHERE r."OrganizationId" = k."OrganizationId" AND r."Measure" = k."Measure" AND r."Date" = k."Date"), 0)
            FROM (SELECT DISTINCT "OrganizationId", "Measure", "Date" FROM diff) k ORDER BY 1, 2, 3 LIMIT {limit}
            """;
        var found = new List<(int, SubtreeMeasure, DateOnly, long, long)>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add((reader.GetInt32(0), (SubtreeMeasure)reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3), reader.GetInt64(4)));
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
        var postgres = db.Database.IsNpgsql();
        var mismatches = await MismatchesAsync(connection, postgres);
        if (mismatches.Count == 0)
        {
            output.WriteLine("Mọi số cộng dồn (đảng viên, kết nạp, kết nạp lại, cơ sở xét Huy hiệu Đảng) của mọi tổ chức, ở mọi ngày, khớp với số đếm lại từ hồ sơ.");
            return 0;
        }
        foreach (var m in mismatches)
            output.WriteLine($"Tổ chức {m.OrganizationId}, {MeasureLabel(m.Measure)}, ngày {VnFormat.Date(m.Date)}: số thay đổi đã lưu {VnFormat.Number(m.Stored)}, đếm lại {VnFormat.Number(m.Recounted)}.");
        if (checkOnly)
        {
            output.WriteLine("Số cộng dồn không khớp số đếm lại (liệt kê tối đa 20 chỗ). Chạy lệnh recount (không có --check) để dựng lại.");
            return 1;
        }
        output.WriteLine($"Đã dựng lại số cộng dồn từ hồ sơ: {VnFormat.Number(await RebuildAsync(db))} dòng.");
        return (await MismatchesAsync(connection, postgres)).Count == 0 ? 0 : 1;
    }

    private static string MeasureLabel(SubtreeMeasure measure) => measure switch
    {
        SubtreeMeasure.Placed => "số đảng viên",
        SubtreeMeasure.PlacedInYear => "số đảng viên (tổng năm)",
        SubtreeMeasure.Admitted => "số kết nạp",
        SubtreeMeasure.OfficialByAdmission => "số đảng viên chính thức theo ngày vào Đảng",
        > SubtreeMeasure.HighestAward => $"số đã được tặng Huy hiệu {(int)measure - HighestAward} năm",
        _ => "số kết nạp lại",
    };

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync();
    }
}
