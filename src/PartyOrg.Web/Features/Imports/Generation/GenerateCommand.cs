using System.Diagnostics;
using System.Globalization;
using PartyOrg.Domain.Common;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports.Generation;

/// <summary>
/// The verb <c>generate</c>: writes a national dataset in the import formats, without a database and without starting the
/// web host. <c>dotnet run --project src/PartyOrg.Web -- generate --members 5600000 [--provinces 34] [--seed 1] [--out DIR]
/// [--format csv|xlsx] [--province CODE] [--as-of dd/mm/yyyy]</c>. Progress goes to standard error.
/// </summary>
public static class GenerateCommand
{
    public const string Verb = "generate";

    /// <summary>Rows of one .xlsx file at most (a sheet holds 1.048.576 rows; the heading takes four): longer lists go to numbered files.</summary>
    public const int XlsxRowsPerFile = 1_000_000;

    public const string Usage =
        "Cách dùng: dotnet run --project src/PartyOrg.Web -- generate --members SỐ_ĐẢNG_VIÊN [--provinces 1–34] [--seed SỐ] [--out THƯ_MỤC]\n" +
        "           [--format csv|xlsx] [--province MÃ_TỈNH_2025] [--as-of dd/mm/yyyy] [--into-database]\n" +
        "Sinh dữ liệu mẫu toàn quốc theo mẫu nhập: to-chuc.csv (các tổ chức đảng, cả cây trước 01/7/2025 đã kết thúc) và dang-vien.csv.\n" +
        "  --members    tổng số đảng viên (bắt buộc), chia cho các tỉnh theo số đơn vị cấp xã; với --province là số đảng viên của tỉnh đó\n" +
        "  --provinces  lấy N tỉnh, thành phố đầu của danh mục 2025 (mặc định 34)\n" +
        "  --seed       hạt giống ngẫu nhiên (mặc định 1): cùng tham số thì cùng tệp\n" +
        "  --out        thư mục ghi tệp (mặc định ./generated)\n" +
        "  --format     csv (mặc định; UTF-8 có BOM) hoặc xlsx (tiêu đề ở dòng 4; quá 1.000.000 dòng thì chia nhiều tệp)\n" +
        "  --province   chỉ một tỉnh (mã 2025, ví dụ 80): cây tổ chức và đảng viên của tỉnh đó; cùng số đảng viên thì giống hệt phần của tỉnh trong bộ toàn quốc\n" +
        "  --as-of      ngày dữ liệu (mặc định hôm nay): không ngày nào sau ngày này\n" +
        "  --into-database  sinh tệp CSV rồi nhập thẳng vào cơ sở dữ liệu đang cấu hình (ConnectionStrings:PartyOrg), như trang Nhập tệp";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>The verb with --into-database needs the configured database, so it runs after the host is built (as create-admin).</summary>
    public static bool NeedsDatabase(string[] args) => IsCommand(args) && args.Contains("--into-database");

    public sealed record Arguments(GeneratorOptions Options, string OutputDirectory, string Format, bool IntoDatabase);

    /// <summary>Reads the arguments; a Vietnamese error naming the option otherwise.</summary>
    public static (Arguments? Arguments, string? Error) Parse(string[] args)
    {
        long? members = null;
        int provinces = 34, seed = 1;
        string output = "generated", format = "csv";
        string? province = null;
        DateOnly asOf = default;
        var intoDatabase = false;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--into-database") { intoDatabase = true; continue; }
            if (name is "--help" or "-h") return (null, "");
            if (i + 1 >= args.Length) return (null, $"Thiếu giá trị sau {name}.");
            var value = args[++i];
            switch (name)
            {
                case "--members":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1 || m > 100_000_000)
                        return (null, $"--members: \"{value}\" không phải số đảng viên hợp lệ (số nguyên từ 1 đến 100.000.000, không dấu phân cách).");
                    members = m;
                    break;
                case "--provinces":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out provinces) || provinces < 1 || provinces > 34)
                        return (null, $"--provinces: \"{value}\" phải là số từ 1 đến 34.");
                    break;
                case "--seed":
                    if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                        return (null, $"--seed: \"{value}\" phải là một số nguyên.");
                    break;
                case "--out":
                    if (string.IsNullOrWhiteSpace(value)) return (null, "--out: thư mục không được để trống.");
                    output = value;
                    break;
                case "--format":
                    if (value is not ("csv" or "xlsx")) return (null, $"--format: \"{value}\" phải là csv hoặc xlsx.");
                    format = value;
                    break;
                case "--province":
                    province = value;
                    break;
                case "--as-of":
                    if (!DateOnly.TryParseExact(value, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                        return (null, $"--as-of: \"{value}\" không phải ngày dd/mm/yyyy.");
                    break;
                default:
                    return (null, $"Không hiểu tham số \"{name}\".");
            }
        }
        if (members is null) return (null, "Thiếu --members (tổng số đảng viên cần sinh).");
        if (province is not null && NationalGenerator.Provinces2025().Take(provinces).All(p => p.Code != province))
            return (null, $"--province: mã \"{province}\" không có trong {provinces} tỉnh, thành phố đầu của danh mục 2025 (ví dụ 80 là tỉnh Tây Ninh).");
        if (asOf != default && asOf < NationalGenerator.ReformDay)
            return (null, $"--as-of: ngày dữ liệu phải từ {VnFormat.Date(NationalGenerator.ReformDay)} trở đi (cây tổ chức sau sắp xếp).");
        return (new Arguments(new GeneratorOptions(members.Value, provinces, seed, asOf, province), output, format, intoDatabase), null);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter log, IServiceProvider? services = null)
    {
        var (parsed, error) = Parse(args);
        if (parsed is null)
        {
            if (!string.IsNullOrEmpty(error)) await log.WriteLineAsync(error);
            await log.WriteLineAsync(Usage);
            return 2;
        }
        if (parsed.IntoDatabase && services is null)
        {
            await log.WriteLineAsync("--into-database cần cơ sở dữ liệu: chạy lệnh qua ứng dụng (dotnet run --project src/PartyOrg.Web -- generate … --into-database).");
            return 2;
        }
        NationalGenerator generator;
        try { generator = new NationalGenerator(parsed.Options); }
        catch (ArgumentException e)
        {
            await log.WriteLineAsync(e.Message.Split(" (Parameter", 2)[0]);
            return 2;
        }
        try
        {
            var written = await WriteAllAsync(parsed with { Format = parsed.IntoDatabase ? "csv" : parsed.Format }, generator, log);
            return written != 0 || !parsed.IntoDatabase ? written : await ImportAsync(services!, parsed.OutputDirectory, log);
        }
        catch (InvalidOperationException e)
        {
            await log.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// --into-database: the files just written go through the import engine (every rule, one transaction a file) as an
    /// administrator would send them, the organizations first; the audit names the command.
    /// </summary>
    private static async Task<int> ImportAsync(IServiceProvider services, string directory, TextWriter log)
    {
        foreach (var (kind, file) in new[] { (PartyOrg.Web.Data.ImportKind.Organizations, "to-chuc.csv"), (PartyOrg.Web.Data.ImportKind.Members, "dang-vien.csv") })
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartyOrg.Web.Data.AppDbContext>();
            var job = new PartyOrg.Web.Data.ImportJob
            {
                Kind = kind, State = PartyOrg.Web.Data.ImportState.Running, UserName = Verb, FileName = file,
                StoredPath = Path.GetFullPath(Path.Combine(directory, file)), StartedAt = DateTime.UtcNow,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<PartyOrg.Web.Data.AuditActor>().ActFor(Verb, null, ImportJobs.RequestId(job.Id));
            var admin = new PartyOrg.Web.Features.Shared.UserScope { UserName = Verb, Role = PartyOrg.Web.Data.Roles.Admin, CanWrite = true };
            var today = DateOnly.FromDateTime(DateTime.Now);
            var clock = Stopwatch.StartNew();
            await log.WriteLineAsync($"Nhập {file} vào cơ sở dữ liệu…");
            if (kind == PartyOrg.Web.Data.ImportKind.Members) await scope.ServiceProvider.GetRequiredService<MemberImport>().RunAsync(job, admin, today, CancellationToken.None);
            else await scope.ServiceProvider.GetRequiredService<OrganizationImport>().RunAsync(job, admin, today, CancellationToken.None);
            await db.Entry(job).ReloadAsync();
            await log.WriteLineAsync($"  {ImportService.StateLabel(job.State.ToString())}: {VnFormat.Number(job.Created)} mới, {VnFormat.Number(job.Changed)} thay đổi, {VnFormat.Number(job.Unchanged)} không đổi, {VnFormat.Number(job.ErrorCount)} dòng lỗi, {clock.Elapsed.TotalSeconds.ToString("0.0", VnFormat.Culture)} giây.");
            if (job.State != PartyOrg.Web.Data.ImportState.Committed)
            {
                foreach (var e in db.ImportErrors.Where(e => e.JobId == job.Id).OrderBy(e => e.Row).Take(20))
                    await log.WriteLineAsync($"  dòng {e.Row}, {e.Column}: {e.Message}");
                return 1;
            }
        }
        return 0;
    }

    private static async Task<int> WriteAllAsync(Arguments parsed, NationalGenerator generator, TextWriter log)
    {
        Directory.CreateDirectory(parsed.OutputDirectory);
        var scope = parsed.Options.Province is { } code ? generator.Selected.Single().Name : $"{parsed.Options.Provinces} tỉnh, thành phố";
        await log.WriteLineAsync($"Sinh dữ liệu mẫu: {scope}, {VnFormat.Number(generator.Selected.Sum(generator.MembersOf))} đảng viên, hạt giống {parsed.Options.Seed}, ngày dữ liệu {VnFormat.Date(generator.AsOf)}, vào {Path.GetFullPath(parsed.OutputDirectory)}.");
        var clock = Stopwatch.StartNew();
        var heading = new XlsxWorkbook.Heading(parsed.Options.Province is null ? "DỮ LIỆU MẪU TOÀN QUỐC" : scope.ToUpper(VnFormat.Culture), generator.AsOf);
        var orgs = await WriteAsync(parsed, "to-chuc", OrganizationImportFormat.Columns, OrganizationImportFormat.Title, heading, Progress(generator.OrganizationRows(), "tổ chức", log, clock));
        var members = await WriteAsync(parsed, "dang-vien", MemberImportFormat.Columns, MemberImportFormat.Title, heading, Progress(generator.MemberRows(), "đảng viên", log, clock));
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        await log.WriteLineAsync($"Xong: {VnFormat.Number(orgs)} tổ chức, {VnFormat.Number(members)} đảng viên trong {seconds.ToString("0.0", VnFormat.Culture)} giây ({VnFormat.Number((long)((orgs + members) / seconds))} dòng/giây).");
        return 0;
    }

    /// <summary>Writes one list: a .csv file, or one or more .xlsx files; returns the number of rows.</summary>
    private static async Task<long> WriteAsync(Arguments a, string name, IReadOnlyList<ImportColumn> columns, string title, XlsxWorkbook.Heading heading, IEnumerable<object?[]> rows)
    {
        long count = 0;
        if (a.Format == "csv")
        {
            await using var writer = new StreamWriter(Path.Combine(a.OutputDirectory, name + ".csv"), false, Exports.CsvEncoding, 1 << 16);
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(Exports.CsvLine(columns.Select(c => (object?)ImportFormats.HeaderOf(c))));
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(Exports.CsvLine(row));
                count++;
            }
            return count;
        }
        var xlsxColumns = columns.Select(c => new XlsxColumn(ImportFormats.HeaderOf(c), Width: Math.Max(14, c.Header.Length + 6))).ToList();
        using var e = rows.GetEnumerator();
        var more = e.MoveNext();
        var part = 0;
        IEnumerable<object?[]> Chunk()
        {
            for (var n = 0; more && n < XlsxRowsPerFile; n++)
            {
                yield return e.Current;
                count++;
                more = e.MoveNext();
            }
        }
        do
        {
            part++;
            if (part == 2) File.Move(Path.Combine(a.OutputDirectory, name + ".xlsx"), Path.Combine(a.OutputDirectory, name + "-1.xlsx"), overwrite: true);
            var path = Path.Combine(a.OutputDirectory, part == 1 ? name + ".xlsx" : $"{name}-{part}.xlsx");
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                await XlsxWorkbook.WriteAsync(file, heading, [new XlsxSheet(name == "to-chuc" ? "Danh sách tổ chức" : "Danh sách đảng viên", title, xlsxColumns, Chunk().ToAsyncEnumerable(), Totals: false)]);
        }
        while (more);
        return count;
    }

    private static IEnumerable<object?[]> Progress(IEnumerable<object?[]> rows, string what, TextWriter log, Stopwatch clock)
    {
        long n = 0;
        var start = clock.Elapsed.TotalSeconds;
        foreach (var row in rows)
        {
            yield return row;
            if (++n % 500_000 == 0)
                log.WriteLine($"  {VnFormat.Number(n)} {what} ({VnFormat.Number((long)(n / Math.Max(clock.Elapsed.TotalSeconds - start, 0.001)))} dòng/giây)");
        }
    }
}
