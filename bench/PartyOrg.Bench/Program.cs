using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Members;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Statistics;
using PartyOrg.Web.Features.Targets;

// Usage: dotnet run -c Release --project bench/PartyOrg.Bench -- [--provider sqlite|postgres] [--members N] [--connection CS] [--keep]
// Fills a fresh database with one province of N members, then times the application's queries against
// hand-written SQL doing the same work on the same connection, and prints the ratios. With --keep it stops once the
// database is filled and leaves it in place (to run the application against it, e.g. to measure an export).
var options = Args.Parse(args);
Console.WriteLine($"Cơ sở dữ liệu: {options.Provider}; số đảng viên: {options.Members.ToString("#,0", VnFormat.Culture)}");
if (args.Contains("--import")) return await ImportBench.RunAsync(options);

await using var db = options.CreateContext();
await db.Database.EnsureDeletedAsync();
await DatabaseSetup.MigrateAsync(db);
var sw = Stopwatch.StartNew();
var (province, cells) = await Generator.FillAsync(db, options.Members);
Console.WriteLine($"Đã tạo dữ liệu trong {sw.Elapsed.TotalSeconds:0.0} giây ({cells.Count} chi bộ).");
if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
else await db.Database.ExecuteSqlRawAsync("ANALYZE");
if (args.Contains("--keep"))
{
    Console.WriteLine($"Giữ nguyên cơ sở dữ liệu đã tạo: {options.Connection}");
    return 0;
}

var scope = new UserScope { UserName = "bench", Role = Roles.Commission, RootOrganizationId = province.Id, Prefixes = [province.Path] };
var members = new MemberQueries(db, TimeProvider.System);
var organizations = new OrganizationQueries(db, TimeProvider.System);
var raw = new RawSql(db.Database.GetDbConnection(), db.Database.IsNpgsql());
var sample = await db.Members.AsNoTracking().OrderBy(m => m.Id).Skip(options.Members / 2).FirstAsync();
var today = DateOnly.FromDateTime(DateTime.Today);
var nameQuery = VnText.Fold(sample.FullName);
var givenQuery = VnText.Fold(VnText.GivenName(sample.FullName));
var calendar = new PartyOrg.Web.Features.Shared.Calendar(db, TimeProvider.System);
var targets = new TargetQueries(db, organizations, new AdmissionQueries(db, calendar), AdmissionSettings.Default, PercentRounding.Default);
var badges = new BadgeRegister(db, new PartyAges(db, new Standings(db)), calendar, new Standings(db));
var communes = (await organizations.ChildrenAsync(scope, province.Id))!;
var statistics = new StatisticsQueries(db, organizations, AdmissionSettings.Default, PercentRounding.Default);
var occasion = BadgeRule.NextOccasion(today);
// Half of the members past 30 years already hold the 30-year badge, so the "not yet awarded" test has work to do.
await Generator.AwardHalfAsync(db, BadgeRule.LatestAdmissionReaching(30, occasion));
// Two inner words in order ("thi thu", "van anh"): the middle name and the given name of the sample.
var foldedWords = nameQuery.Split(' ');
var innerQuery = string.Join(' ', foldedWords[^2..]);
var cutQuery = innerQuery[..^1];
var female = new MemberListQuery(Gender: "Female", AgeFrom: 40, AgeTo: 60);
female.Check(out var femaleList);
new MemberListQuery(Sort: "-birth").Check(out var youngestFirst);
var (bornBy, bornAfter) = (today.AddYears(-40), today.AddYears(-61));

var rows = new List<(string Case, double Ours, double Raw)>
{
    await Measure.CompareAsync($"Tìm theo họ tên không dấu (trang 1, 25 dòng, kèm tổng)",
        async () => (await members.SearchAsync(scope, nameQuery, null, 1, 25)).Total,
        () => raw.SearchAsync(province.Path, nameQuery)),
    await Measure.CompareAsync($"Tìm theo các chữ liền nhau trong tên \"{innerQuery}\" (trang 1, kèm tổng)",
        async () => (await members.SearchAsync(scope, innerQuery, null, 1, 25)).Total,
        () => raw.SearchAsync(province.Path, innerQuery)),
    await Measure.CompareAsync($"Tìm với chữ cuối gõ dở \"{cutQuery}\" (trang 1, kèm tổng)",
        async () => (await members.SearchAsync(scope, cutQuery, null, 1, 25)).Total,
        () => raw.SearchAsync(province.Path, cutQuery)),
    await Measure.CompareAsync($"Tìm theo tên gọi \"{givenQuery}\" (trang 1, 25 dòng, kèm tổng)",
        async () => (await members.SearchAsync(scope, givenQuery, null, 1, 25)).Total,
        () => raw.SearchAsync(province.Path, givenQuery)),
    await Measure.CompareAsync("Tìm theo số CCCD",
        async () => (await members.SearchAsync(scope, sample.CitizenId, null, 1, 25)).Total,
        () => raw.ByCitizenIdAsync(province.Path, sample.CitizenId)),
    await Measure.CompareAsync("Danh sách toàn tỉnh: nữ, 40–60 tuổi, theo tên, trang 2 (kèm tổng)",
        async () => (await members.ListAsync(scope, femaleList, 2, 25)).Total,
        () => raw.ListAsync(province.Path, "AND m.{Gender} = 'Female' AND m.{DateOfBirth} <= @b1 AND m.{DateOfBirth} > @b2", "m.{SortKey}, m.{Id}", 25, bornBy, bornAfter)),
    await Measure.CompareAsync("Danh sách toàn tỉnh theo ngày sinh, trẻ trước, trang 1 (kèm tổng)",
        async () => (await members.ListAsync(scope, youngestFirst, 1, 25)).Total,
        () => raw.ListAsync(province.Path, "", "m.{DateOfBirth} DESC, m.{Id} DESC", 0, null, null)),
    await Measure.CompareAsync("Đếm đảng viên toàn tỉnh (cây tổ chức, cộng dồn)",
        async () => (await organizations.CountMembersOfEachAsync([province.Id], today)).GetValueOrDefault(province.Id),
        () => raw.CountAsync(province.Path, today)),
    await Measure.CompareAsync("Tiến độ kết nạp của 100 xã trong năm (kết nạp, nguồn, đảng viên đầu năm)",
        async () => (await targets.ProgressOfEachAsync(scope, communes, today.Year, null)).Sum(p => p.Admitted + p.SourcePool + p.Membership),
        () => raw.ProgressOfChildrenAsync(province.Id, today)),
    await Measure.CompareAsync("Thống kê toàn tỉnh hôm nay (mọi số liệu; SQL viết tay: chỉ truy vấn nhóm đảng viên)",
        async () => (await statistics.ReportAsync((await statistics.SubjectAsync(scope, province.Id, today)).Value!)).Members.Total.Count,
        () => raw.StatisticsGroupsAsync(province.Path, today)),
    await Measure.CompareAsync("Đảng viên đến hạn Huy hiệu Đảng toàn tỉnh (dịp tới)",
        async () => (await badges.EligibleAsync(scope, province.Path, occasion)).Count,
        () => raw.BadgeCandidatesAsync(province.Path, occasion)),
    await Measure.CompareAsync("Số đến hạn Huy hiệu Đảng theo mốc (trang Việc cần làm)",
        async () => (await badges.DueCountsAsync(scope, province.Path, occasion)).Sum(c => c.Count),
        () => raw.BadgeCandidatesAsync(province.Path, occasion)),
};
var scan = await Measure.TimeAsync(() => raw.ScanByNameAsync(givenQuery));

Console.WriteLine();
Console.WriteLine("| Phép đo | Mã ứng dụng (ms, trung vị) | SQL viết tay (ms, trung vị) | Tỷ lệ |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, ours, rawMs) in rows)
    Console.WriteLine($"| {name} | {ours.ToString("0.00", VnFormat.Culture)} | {rawMs.ToString("0.00", VnFormat.Culture)} | {(ours / rawMs).ToString("0.00", VnFormat.Culture)} |");
Console.WriteLine($"| Đối chứng: quét toàn bảng bằng LIKE '%…%' trên họ tên | | {scan.ToString("0.00", VnFormat.Culture)} | |");
return 0;

internal sealed record Args(DatabaseProvider Provider, int Members, string Connection)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var provider = Value("--provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var members = int.Parse(Value("--members", "1000000"), CultureInfo.InvariantCulture);
        var connection = Value("--connection", provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), "partyorg-bench.db")}"
            : "Host=127.0.0.1;Username=partyorg;Password=partyorg;Database=partyorg_bench");
        return new Args(provider, members, connection);
    }

    // The application's own options, so the bench's queries are translated as the application's are.
    public AppDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
            DatabaseSetup.UseSqlite(sqlite, Connection);
            return new SqliteAppDbContext(sqlite.Options, AuditActor.System);
        }
        var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.UsePostgres(postgres, Connection);
        return new PostgresAppDbContext(postgres.Options, AuditActor.System);
    }
}

internal static class Measure
{
    private const int Warmup = 3;
    private const int Runs = 25;

    public static async Task<(string, double, double)> CompareAsync(string name, Func<Task<int>> ours, Func<Task<int>> raw)
    {
        var expected = await raw();
        var got = await ours();
        if (expected != got) throw new InvalidOperationException($"{name}: ứng dụng trả {got}, SQL trả {expected}.");
        // Interleaved so that both sides see the same cache and machine load.
        var oursTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var i = 0; i < Warmup + Runs; i++)
        {
            var a = await TimeOnceAsync(ours);
            var b = await TimeOnceAsync(raw);
            if (i < Warmup) continue;
            oursTimes.Add(a);
            rawTimes.Add(b);
        }
        return (name, Median(oursTimes), Median(rawTimes));
    }

    public static async Task<double> TimeAsync(Func<Task<int>> work)
    {
        await work();
        var times = new List<double>();
        for (var i = 0; i < 5; i++) times.Add(await TimeOnceAsync(work));
        return Median(times);
    }

    private static async Task<double> TimeOnceAsync(Func<Task<int>> work)
    {
        var sw = Stopwatch.StartNew();
        await work();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>The same reads written by hand against the schema, the yardstick for the application's queries.</summary>
internal sealed class RawSql(DbConnection connection, bool postgres)
{
    private string Q(string name) => postgres ? $"\"{name}\"" : name;

    /// <summary>
    /// The first page of a name search in the search's order (matched words, then the name), straight off the (Key, SortKey)
    /// index, then the count up to the same cap as the application's.
    /// </summary>
    public async Task<int> SearchAsync(string path, string folded)
    {
        var matches = $"""
            SELECT k.{Q("MemberId")} AS {Q("Id")}, k.{Q("Key")}, k.{Q("SortKey")} FROM {Q("MemberNameKeys")} k
            WHERE k.{Q("Key")} >= @q AND k.{Q("Key")} < @qu AND k.{Q("OrgPath")} >= @p AND k.{Q("OrgPath")} < @pu
              AND EXISTS (SELECT 1 FROM {Q("Members")} m WHERE m.{Q("Id")} = k.{Q("MemberId")}
                AND m.{Q("OrgPath")} >= @p AND m.{Q("OrgPath")} < @pu AND m.{Q("Status")} IN ('Probationary','Official'))
              AND NOT EXISTS (SELECT 1 FROM {Q("MemberNameKeys")} l WHERE l.{Q("MemberId")} = k.{Q("MemberId")}
                AND substr(l.{Q("Key")}, 1, length(@q)) = @q AND length(l.{Q("Key")}) > length(k.{Q("Key")}))
            """;
        await using var page = Command($"""
            SELECT m.{Q("Id")}, m.{Q("FullName")}, m.{Q("Gender")}, m.{Q("DateOfBirth")}, m.{Q("OrganizationId")}, o.{Q("Name")}, p.{Q("Name")}, m.{Q("Status")}
            FROM ({matches} ORDER BY k.{Q("Key")}, k.{Q("SortKey")}, k.{Q("MemberId")} LIMIT 25) u JOIN {Q("Members")} m ON m.{Q("Id")} = u.{Q("Id")}
            JOIN {Q("Organizations")} o ON o.{Q("Id")} = m.{Q("OrganizationId")}
            LEFT JOIN {Q("Organizations")} p ON p.{Q("Id")} = o.{Q("ParentId")}
            ORDER BY u.{Q("Key")}, u.{Q("SortKey")}, u.{Q("Id")}
            """, path, folded);
        var rows = 0;
        await using (var reader = await page.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows++;
        // Same shortcut as the application: a first page that is not full is the whole answer.
        // The total says "more than the cap" past it, as the application's page does.
        return rows < 25 ? rows : Math.Min(MemberQueries.NameMatchCountCap,
            await ScalarAsync($"SELECT COUNT(*) FROM ({matches} LIMIT {MemberQueries.NameMatchCountCap + 1}) u", path, folded));
    }

    /// <summary>A page of the active members of a subtree with extra conditions and an order ({Column} is quoted), then the total.</summary>
    public async Task<int> ListAsync(string path, string conditions, string order, int offset, DateOnly? bornBy, DateOnly? bornAfter)
    {
        string Quote(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, @"\{(\w+)\}", m => Q(m.Groups[1].Value));
        var where = $"WHERE m.{Q("OrgPath")} >= @p AND m.{Q("OrgPath")} < @pu AND m.{Q("Status")} IN ('Probationary','Official') {Quote(conditions)}";
        await using var page = Command($"""
            SELECT m.{Q("Id")}, m.{Q("FullName")}, m.{Q("Gender")}, m.{Q("DateOfBirth")}, m.{Q("OrganizationId")}, o.{Q("Name")}, p.{Q("Name")}, m.{Q("Status")}
            FROM (SELECT m.* FROM {Q("Members")} m {where} ORDER BY {Quote(order)} LIMIT 25 OFFSET {offset}) m
            JOIN {Q("Organizations")} o ON o.{Q("Id")} = m.{Q("OrganizationId")}
            LEFT JOIN {Q("Organizations")} p ON p.{Q("Id")} = o.{Q("ParentId")}
            ORDER BY {Quote(order)}
            """, path, null);
        AddDates(page, bornBy, bornAfter);
        var rows = 0;
        await using (var reader = await page.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows++;
        if (rows > 0 && rows < 25) return offset + rows;
        await using var count = Command($"SELECT COUNT(*) FROM {Q("Members")} m {where}", path, null);
        AddDates(count, bornBy, bornAfter);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void AddDates(DbCommand cmd, DateOnly? bornBy, DateOnly? bornAfter)
    {
        if (bornBy is { } b1) Add(cmd, "b1", b1);
        if (bornAfter is { } b2) Add(cmd, "b2", b2);
    }

    public async Task<int> ByCitizenIdAsync(string path, string citizenId)
    {
        await using var cmd = Command($"""
            SELECT m.{Q("Id")}, m.{Q("FullName")}, o.{Q("Name")} FROM {Q("Members")} m JOIN {Q("Organizations")} o ON o.{Q("Id")} = m.{Q("OrganizationId")}
            WHERE m.{Q("CitizenId")} = @q AND m.{Q("OrgPath")} >= @p AND m.{Q("OrgPath")} < @pu
            """, path, citizenId);
        var n = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) n++;
        return n;
    }

    /// <summary>The members of the subtree on the date grouped by the statistics' attributes (bands by birth date), summed.</summary>
    public Task<int> StatisticsGroupsAsync(string path, DateOnly asOf) => ScalarAsync($"""
        SELECT COALESCE(SUM(n), 0) FROM (
          SELECT COUNT(*) AS n FROM {Q("MemberPlacements")} p JOIN {Q("Members")} m ON m.{Q("Id")} = p.{Q("MemberId")}
          WHERE p.{Q("OrgPath")} >= @p AND p.{Q("OrgPath")} < @pu AND p.{Q("FromDate")} <= @d AND (p.{Q("ToDate")} IS NULL OR p.{Q("ToDate")} > @d)
          GROUP BY m.{Q("Gender")}, m.{Q("EthnicGroupCode")}, m.{Q("Religion")}, m.{Q("GeneralEducation")}, m.{Q("ProfessionalDegree")}, m.{Q("PoliticalTheory")},
            CASE WHEN m.{Q("DateOfBirth")} > @d THEN 0 ELSE 1 END, m.{Q("OfficialOn")} IS NOT NULL, CASE WHEN m.{Q("AdmittedOn")} > @d THEN 0 ELSE 1 END) g
        """, path, null, asOf);

    public Task<int> CountAsync(string path, DateOnly asOf) => ScalarAsync($"""
        SELECT COUNT(*) FROM {Q("MemberPlacements")} WHERE {Q("OrgPath")} >= @p AND {Q("OrgPath")} < @pu
          AND {Q("FromDate")} <= @d AND ({Q("ToDate")} IS NULL OR {Q("ToDate")} > @d)
        """, path, null, asOf);

    /// <summary>Admissions of the year, open cases at today and members on 1 January, per child by its path range, summed.</summary>
    public async Task<int> ProgressOfChildrenAsync(int parentId, DateOnly today)
    {
        var upper = postgres ? $"substring(o.{Q("Path")}, 1, length(o.{Q("Path")}) - 1) || '0'" : $"substr(o.{Q("Path")}, 1, length(o.{Q("Path")}) - 1) || '0'";
        var admitted = await ScalarAsync($"""
            SELECT COALESCE(SUM(n), 0) FROM (
              SELECT COUNT(DISTINCT m.{Q("Id")}) AS n FROM {Q("Organizations")} o
              JOIN {Q("MemberPlacements")} p ON p.{Q("OrgPath")} >= o.{Q("Path")} AND p.{Q("OrgPath")} < {upper}
              JOIN {Q("Members")} m ON m.{Q("Id")} = p.{Q("MemberId")}
              WHERE o.{Q("ParentId")} = {parentId} AND m.{Q("AdmittedOn")} >= @d0 AND m.{Q("AdmittedOn")} <= @d
                AND p.{Q("FromDate")} <= m.{Q("AdmittedOn")} AND (p.{Q("ToDate")} IS NULL OR p.{Q("ToDate")} > m.{Q("AdmittedOn")})
              GROUP BY o.{Q("Id")}) x
            """, "/", null, today, new DateOnly(today.Year, 1, 1));
        var pool = await ScalarAsync($"""
            SELECT COUNT(*) FROM {Q("Organizations")} o
            JOIN {Q("AdmissionCases")} c ON c.{Q("OrgPath")} >= o.{Q("Path")} AND c.{Q("OrgPath")} < {upper}
            WHERE o.{Q("ParentId")} = {parentId} AND c.{Q("SourceSince")} <= @d
              AND (c.{Q("DecisionOn")} IS NULL OR c.{Q("DecisionOn")} > @d) AND (c.{Q("DroppedOn")} IS NULL OR c.{Q("DroppedOn")} > @d)
            """, "/", null, today);
        var members = await ScalarAsync($"""
            SELECT COUNT(*) FROM {Q("Organizations")} o
            JOIN {Q("MemberPlacements")} p ON p.{Q("OrgPath")} >= o.{Q("Path")} AND p.{Q("OrgPath")} < {upper}
            WHERE o.{Q("ParentId")} = {parentId} AND p.{Q("FromDate")} <= @d0 AND (p.{Q("ToDate")} IS NULL OR p.{Q("ToDate")} > @d0)
            """, "/", null, today, new DateOnly(today.Year, 1, 1));
        return admitted + pool + members;
    }

    /// <summary>
    /// Official members past 30 years without a badge as high as their admission date allows, with their cell, highest award and
    /// whether time out must be read (none in the generated data, so the count is the answer).
    /// </summary>
    public async Task<int> BadgeCandidatesAsync(string path, DateOnly occasion)
    {
        var bound = string.Concat(BadgeRule.Milestones.Skip(1).Reverse()
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"WHEN m.{Q("AdmittedOn")} <= {(postgres ? "DATE " : "")}'{BadgeRule.LatestAdmissionReaching(m, occasion):yyyy-MM-dd}' THEN {m} ")));
        await using var cmd = Command($"""
            SELECT m.{Q("Id")}, m.{Q("FullName")}, m.{Q("AdmittedOn")}, m.{Q("SortKey")}, o.{Q("Name")},
              (SELECT MAX(a.{Q("Milestone")}) FROM {Q("BadgeAwards")} a WHERE a.{Q("MemberId")} = m.{Q("Id")}),
              EXISTS (SELECT 1 FROM {Q("MemberDecisions")} d WHERE d.{Q("MemberId")} = m.{Q("Id")} AND d.{Q("Kind")} = 'Readmission')
                OR EXISTS (SELECT 1 FROM {Q("MemberTransfers")} t WHERE t.{Q("MemberId")} = m.{Q("Id")} AND t.{Q("ReceivedOn")} > t.{Q("PresentBy")})
            FROM {Q("Members")} m JOIN {Q("Organizations")} o ON o.{Q("Id")} = m.{Q("OrganizationId")}
            WHERE m.{Q("OrgPath")} >= @p AND m.{Q("OrgPath")} < @pu AND m.{Q("Status")} = 'Official' AND m.{Q("AdmittedOn")} <= @d
              AND NOT EXISTS (SELECT 1 FROM {Q("BadgeAwards")} b WHERE b.{Q("MemberId")} = m.{Q("Id")}
                AND b.{Q("Milestone")} >= CASE {bound}ELSE 30 END)
            """, path, null, BadgeRule.LatestAdmissionReaching(30, occasion));
        var n = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) n++;
        return n;
    }

    public Task<int> ScanByNameAsync(string folded) =>
        ScalarAsync($"SELECT COUNT(*) FROM {Q("Members")} WHERE lower({Q("FullName")}) LIKE @q OR {Q("SearchName")} LIKE @q", "/", "%" + folded + "%");

    private async Task<int> ScalarAsync(string sql, string path, string? text, DateOnly? date = null, DateOnly? date0 = null)
    {
        await using var cmd = Command(sql, path, text, date);
        if (date0 is not null) Add(cmd, "d0", date0.Value);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, string path, string? text, DateOnly? date = null)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "p", path);
        Add(cmd, "pu", PathRange.UpperBound(path));
        if (text is not null)
        {
            Add(cmd, "q", text);
            Add(cmd, "qu", PathRange.TextUpperBound(text));
        }
        if (date is not null) Add(cmd, "d", date.Value);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

/// <summary>One province: 100 communes of 8 cells each, and N members spread over the cells, written in batches.</summary>
internal static class Generator
{
    public static async Task<(Organization Province, List<Organization> Cells)> FillAsync(AppDbContext db, int count)
    {
        var (province, cells) = await TreeAsync(db, new(2025, 7, 1));
        await MembersAsync(db, cells, count);
        return (province, cells);
    }

    /// <summary>The province, its 100 communes and their 800 cells, founded on the date.</summary>
    public static async Task<(Organization Province, List<Organization> Cells)> TreeAsync(AppDbContext db, DateOnly founded)
    {
        var province = new Organization { Code = "B", Name = "Đảng bộ tỉnh (đo hiệu năng)", Type = OrganizationType.Provincial, Field = OrganizationField.General, FoundedOn = founded };
        db.Organizations.Add(province);
        await db.SaveChangesAsync();
        province.Path = $"/{province.Id}/";
        var communes = Enumerable.Range(1, 100).Select(i => new Organization
        {
            Code = $"B.{i:000}", Name = $"Đảng bộ xã {i}", Type = OrganizationType.Commune, Field = OrganizationField.Commune,
            ParentId = province.Id, Depth = 1, FoundedOn = founded,
        }).ToList();
        db.Organizations.AddRange(communes);
        await db.SaveChangesAsync();
        communes.ForEach(c => c.Path = $"{province.Path}{c.Id}/");
        var cells = communes.SelectMany(c => Enumerable.Range(1, 8).Select(i => new Organization
        {
            Code = $"{c.Code}.{i:00}", Name = $"Chi bộ ấp {i}", Type = OrganizationType.BaseCell, Field = OrganizationField.Residential,
            ParentId = c.Id, Depth = 2, FoundedOn = founded,
        })).ToList();
        db.Organizations.AddRange(cells);
        await db.SaveChangesAsync();
        var parentPaths = communes.ToDictionary(c => c.Id, c => c.Path);
        cells.ForEach(c => c.Path = $"{parentPaths[c.ParentId!.Value]}{c.Id}/");
        await db.SaveChangesAsync();
        return (province, cells);
    }

    private static async Task MembersAsync(AppDbContext db, List<Organization> cells, int count)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rng = new Random(7);
        var names = new DemoNames(new Random(11));
        const int batch = 1000;
        for (var start = 0; start < count; start += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var n = Math.Min(batch, count - start);
            var memberRows = new List<object[]>(n);
            var placementRows = new List<object[]>(n);
            var keyRows = new List<object[]>(n * 3);
            for (var i = 0; i < n; i++)
            {
                var id = start + i + 1;
                var gender = rng.NextDouble() < 0.36 ? Gender.Female : Gender.Male;
                var birth = new DateOnly(1950 + rng.Next(55), 1 + rng.Next(12), 1 + rng.Next(28));
                var admitted = birth.AddYears(20 + rng.Next(15));
                var name = names.FullName(gender);
                var cell = cells[rng.Next(cells.Count)];
                memberRows.Add([id, name, VnText.Fold(name), VnText.GivenFirstFold(name), VnText.SortKey(name), gender.ToString(), birth, "01", "Không theo tôn giáo",
                    CitizenIdFor(id, gender, birth), "UpperSecondary", "None", "None", admitted, cell.Id, cell.Path, "Official"]);
                placementRows.Add([id, cell.Id, cell.Path, admitted]);
                keyRows.AddRange(MemberNameKey.SuffixesOf(VnText.Fold(name)).Select(key => new object[] { id, key, cell.Path, VnText.SortKey(name) }));
            }
            await InsertAsync(connection, tx, db.Database.IsNpgsql(), "Members",
                ["Id", "FullName", "SearchName", "SearchGiven", "SortKey", "Gender", "DateOfBirth", "EthnicGroupCode", "Religion", "CitizenId",
                 "GeneralEducation", "ProfessionalDegree", "PoliticalTheory", "AdmittedOn", "OrganizationId", "OrgPath", "Status"], memberRows);
            await InsertAsync(connection, tx, db.Database.IsNpgsql(), "MemberPlacements", ["MemberId", "OrganizationId", "OrgPath", "FromDate"], placementRows);
            await InsertAsync(connection, tx, db.Database.IsNpgsql(), "MemberNameKeys", ["MemberId", "Key", "OrgPath", "SortKey"], keyRows);
            await tx.CommitAsync();
        }
        // Rows written by hand bypass the application's upkeep: the subtree counts are recounted from them.
        await SubtreeCounts.RebuildAsync(db);
    }

    /// <summary>The 30-year badge for every other member admitted by the date.</summary>
    public static async Task AwardHalfAsync(AppDbContext db, DateOnly admittedBy)
    {
        string Q(string n) => db.Database.IsNpgsql() ? $"\"{n}\"" : n;
        var sql = $$"""
            INSERT INTO {{Q("BadgeAwards")}} ({{Q("MemberId")}}, {{Q("Milestone")}}, {{Q("OccasionOn")}}, {{Q("Posthumous")}}, {{Q("OrgPath")}})
            SELECT {{Q("Id")}}, 30, {{Q("AdmittedOn")}}, {{(db.Database.IsNpgsql() ? "false" : "0")}}, {{Q("OrgPath")}} FROM {{Q("Members")}}
            WHERE {{Q("AdmittedOn")}} <= {0} AND {{Q("Id")}} % 2 = 0
            """;
        await db.Database.ExecuteSqlRawAsync(sql, admittedBy);
        // Rows written by hand bypass the application's upkeep: the subtree counts are recounted from them.
        await SubtreeCounts.RebuildAsync(db);
    }

    /// <summary>Unique and valid: province 080, century-and-gender digit, birth year, then the row number.</summary>
    private static string CitizenIdFor(int id, Gender gender, DateOnly birth) =>
        string.Create(CultureInfo.InvariantCulture, $"080{Cccd.CenturyGenderDigit(gender, birth.Year)}{birth.Year % 100:00}{id % 1_000_000:000000}");

    private static async Task InsertAsync(DbConnection connection, DbTransaction tx, bool postgres, string table, string[] columns, List<object[]> rows)
    {
        string Q(string n) => postgres ? $"\"{n}\"" : n;
        // PostgreSQL takes a multi-row VALUES list in one round trip; SQLite is fastest with one prepared row reused.
        var rowsPerStatement = postgres ? rows.Count : 1;
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var values = Enumerable.Range(0, rowsPerStatement).Select(r => "(" + string.Join(",", columns.Select((_, c) => $"@p{r}_{c}")) + ")");
        cmd.CommandText = $"INSERT INTO {Q(table)} ({string.Join(",", columns.Select(Q))}) VALUES {string.Join(",", values)}";
        var parameters = new DbParameter[rowsPerStatement * columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"p{i / columns.Length}_{i % columns.Length}";
            cmd.Parameters.Add(parameters[i]);
        }
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = rows[start + i / columns.Length][i % columns.Length];
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
