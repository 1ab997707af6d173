using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;
using PartyOrg.Web.Features.Account;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

/// <summary>
/// --import: the member import of N rows (a CSV in the import format over one province of 800 cells) through the application's
/// import engine, against the database's own bulk loader reading the same file into a table of the file's shape
/// (<c>psql \copy</c> on PostgreSQL, <c>sqlite3 .import</c> on SQLite), then the same file again (every row unchanged).
/// </summary>
internal static class ImportBench
{
    public static async Task<int> RunAsync(Args options)
    {
        await using var db = options.CreateContext();
        await db.Database.EnsureDeletedAsync();
        await DatabaseSetup.MigrateAsync(db);
        var (_, cells) = await Generator.TreeAsync(db, new DateOnly(1950, 1, 1));
        var file = Path.Combine(Path.GetTempPath(), $"partyorg-import-{options.Members}.csv");
        var sw = Stopwatch.StartNew();
        WriteFile(file, cells.Select(c => c.Code).ToList(), options.Members);
        Console.WriteLine($"Tệp {file}: {new FileInfo(file).Length / 1048576.0:0.0} MB, viết trong {sw.Elapsed.TotalSeconds:0.0} giây.");

        var check = await ImportAsync(db, file, preview: true);
        var first = await ImportAsync(db, file);
        var again = await ImportAsync(db, file);
        var members = await db.Members.CountAsync();
        if (first.Job.State != ImportState.Committed || members != options.Members || again.Job.Unchanged != options.Members)
            throw new InvalidOperationException($"Nhập không như mong đợi: {first.Job.State}, {first.Job.ErrorCount} lỗi, {members} đảng viên, lần hai {again.Job.Unchanged} không đổi.");
        var copy = await BulkLoadAsync(options, db, file);

        Console.WriteLine();
        Console.WriteLine("| Phép đo | Thời gian (giây) | Dòng/giây | Tỷ lệ so với nạp thô |");
        Console.WriteLine("|---|---:|---:|---:|");
        var loader = options.Provider == DatabaseProvider.Postgres ? "psql \\copy" : "sqlite3 .import";
        Row("Kiểm tra trước, không ghi (đọc, quy định từng dòng, đối chiếu toàn tệp)", check.Seconds, options.Members, copy);
        Row($"Nhập {Number(options.Members)} đảng viên mới (kiểm tra, ghi hồ sơ, quá trình sinh hoạt, khóa tìm kiếm, lịch sử)", first.Seconds, options.Members, copy);
        Row("Nhập lại cùng tệp (mọi dòng không đổi)", again.Seconds, options.Members, copy);
        Row($"Nạp thô cùng tệp bằng {loader} vào bảng cùng dạng tệp", copy, options.Members, copy);
        Console.WriteLine();
        Console.WriteLine($"Bộ nhớ lớn nhất của tiến trình: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB.");
        File.Delete(file);
        return 0;
    }

    private static void Row(string name, double seconds, int rows, double copy) =>
        Console.WriteLine($"| {name} | {seconds.ToString("0.00", VnFormat.Culture)} | {Number((int)(rows / seconds))} | {(seconds / copy).ToString("0.00", VnFormat.Culture)} |");

    private static string Number(int n) => n.ToString("#,0", VnFormat.Culture);

    private static async Task<(ImportJob Job, double Seconds)> ImportAsync(AppDbContext db, string file, bool preview = false)
    {
        var job = new ImportJob
        {
            PreviewOnly = preview,
            Kind = ImportKind.Members, State = ImportState.Running, UserName = "bench", FileName = Path.GetFileName(file), StoredPath = file, StartedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        var scope = new UserScope { UserName = "bench", Role = Roles.Admin, CanWrite = true };
        var identifiers = new IdentifierCheck(db, new AccountLog(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), TimeProvider.System));
        var sw = Stopwatch.StartNew();
        await new MemberImport(db, new ImportProgress(), identifiers).RunAsync(job, scope, DateOnly.FromDateTime(DateTime.Today), CancellationToken.None);
        var seconds = sw.Elapsed.TotalSeconds;
        db.ChangeTracker.Clear();
        return (await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id), seconds);
    }

    /// <summary>The database's own loader over the same file, into a table with one text column per column of the file.</summary>
    private static async Task<double> BulkLoadAsync(Args options, AppDbContext db, string file)
    {
        await Scalar(db, "CREATE TABLE bench_copy (" + string.Join(", ", MemberImportFormat.Columns.Select(c => $"\"{c.Key}\" text")) + ")");
        ProcessStartInfo info;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var cs = new NpgsqlConnectionStringBuilder(options.Connection);
            info = new ProcessStartInfo("psql") { ArgumentList = { "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!, "-v", "ON_ERROR_STOP=1", "-c", $"\\copy bench_copy FROM '{file}' WITH (FORMAT csv, HEADER true)" } };
            info.Environment["PGPASSWORD"] = cs.Password;
        }
        else
        {
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
            info = new ProcessStartInfo("sqlite3") { ArgumentList = { new SqliteConnectionStringBuilder(options.Connection).DataSource, $".import --csv --skip 1 '{file}' bench_copy" } };
        }
        info.RedirectStandardError = true;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = sw.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{info.FileName}: {errors}");
        var loaded = Convert.ToInt32(await Scalar(db, "SELECT COUNT(*) FROM bench_copy"), CultureInfo.InvariantCulture);
        if (loaded != options.Members) throw new InvalidOperationException($"{info.FileName} nạp {loaded} dòng.");
        return seconds;
    }

    private static async Task<object?> Scalar(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>N members spread over the cells, as a commission's register export would hold them: valid, unique CCCD and card numbers.</summary>
    private static void WriteFile(string path, List<string> cellCodes, int count)
    {
        var rng = new Random(5);
        var names = new DemoNames(new Random(13));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Exports.CsvLine(MemberImportFormat.Columns.Select(c => (object?)ImportFormats.HeaderOf(c))));
        for (var i = 1; i <= count; i++)
        {
            var gender = rng.NextDouble() < 0.36 ? Gender.Female : Gender.Male;
            var birth = new DateOnly(1945 + rng.Next(60), 1 + rng.Next(12), 1 + rng.Next(28));
            var admitted = birth.AddYears(18 + rng.Next(20)).AddDays(rng.Next(365));
            if (admitted > DateOnly.FromDateTime(DateTime.Today).AddYears(-1)) admitted = DateOnly.FromDateTime(DateTime.Today).AddYears(-1);
            var member = new Member
            {
                FullName = names.FullName(gender), Gender = gender, DateOfBirth = birth, EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                CitizenId = CitizenId(i, gender, birth), GeneralEducation = GeneralEducation.UpperSecondary,
                ProfessionalDegree = (ProfessionalDegree)rng.Next(0, 4), PoliticalTheory = (PoliticalTheory)rng.Next(0, 3), AdmittedOn = admitted,
                OfficialOn = admitted.AddYears(1), CardNumber = (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
                PermanentAddress = $"Ấp {1 + rng.Next(9)}, xã {1 + rng.Next(100)}", Profession = "Nông dân",
            };
            writer.WriteLine(Exports.CsvLine(MemberImportFormat.Row(member, cellCodes[rng.Next(cellCodes.Count)], null)));
        }
    }

    /// <summary>Unique for up to 63 million rows: the birth province's code changes every million rows, the serial runs within it.</summary>
    private static string CitizenId(int i, Gender gender, DateOnly birth) => string.Create(CultureInfo.InvariantCulture,
        $"{PartyOrg.Domain.Reference.ReferenceLists.Provinces63[i / 1_000_000 % 63].CccdCode}{Cccd.CenturyGenderDigit(gender, birth.Year)}{birth.Year % 100:00}{i % 1_000_000:000000}");

}
