using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports;

/// <summary>A job as the API answers it (the contract) and the page shows it.</summary>
public sealed record ImportView(int Id, string State, int Processed, int Total, int Created, int Changed, int Unchanged,
    IReadOnlyList<ImportErrorView> Errors, string Kind, string FileName, bool Preview, string? Phase, string? Message, int ErrorCount,
    DateTime StartedAt, DateTime? FinishedAt);

public sealed record ImportErrorView(int Row, string Column, string Message);

/// <summary>
/// Starting, reading and committing import jobs for a user. Only a commission (or an administrator) with the right to write
/// imports, into its own subtree; a job is seen only by the user who sent it (and an administrator).
/// </summary>
public sealed class ImportService(AppDbContext db, ImportRunner runner, ImportProgress progress, IConfiguration config, IWebHostEnvironment env)
{
    /// <summary>The largest file accepted (2 GiB: a national member file in CSV is about 1,7 GB).</summary>
    public const long MaxFileBytes = 2L << 30;

    /// <summary>How many errors the JSON answer and the page list; the .xlsx of errors has them all.</summary>
    public const int ErrorsShown = 1000;

    public const string UploadBroken = "Tệp: tải lên không trọn vẹn (kết nối bị ngắt hoặc dữ liệu gửi lên hỏng); hãy gửi lại tệp.";

    public static bool MayImport(UserScope scope) => scope.IsAdmin || (scope.CanWrite && scope.Role == Roles.Commission && scope.Prefixes.Count > 0);

    private string Folder()
    {
        var folder = config["Imports:Folder"] is { Length: > 0 } configured ? configured : Path.Combine(env.ContentRootPath, "App_Data", "imports");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Keeps the uploaded bytes and queues the job; the answer comes at once, the work in the background.</summary>
    public async Task<Outcome<ImportJob>> StartAsync(UserScope scope, ImportKind kind, string? fileName, Stream content, bool preview, string? ip, CancellationToken cancel)
    {
        if (!scope.SeesOrganizations) return Outcome<ImportJob>.NotFound();
        if (!MayImport(scope)) return Outcome<ImportJob>.Forbidden();
        var name = Path.GetFileName(fileName ?? "");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return Outcome<ImportJob>.Invalid([new("file", "Tệp: chỉ nhận tệp .xlsx hoặc .csv (theo mẫu nhập).")]);
        var stored = Path.Combine(Folder(), Guid.NewGuid().ToString("N") + extension);
        long length;
        try
        {
            await using var file = new FileStream(stored, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await content.CopyToAsync(file, cancel);
            length = file.Length;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException or OperationCanceledException)
        {
            File.Delete(stored);
            if (e is OperationCanceledException) throw;
            return Outcome<ImportJob>.Invalid([new("file", UploadBroken)]);
        }
        if (length == 0)
        {
            File.Delete(stored);
            return Outcome<ImportJob>.Invalid([new("file", "Tệp: tệp rỗng.")]);
        }
        if (extension == ".xlsx" && !ImportFile.IsXlsx(stored))
        {
            File.Delete(stored);
            return Outcome<ImportJob>.Invalid([new("file", "Tệp: không phải tệp .xlsx hợp lệ (hãy lưu lại bằng Excel hoặc LibreOffice, hoặc gửi tệp .csv).")]);
        }
        var job = new ImportJob
        {
            Kind = kind, State = ImportState.Running, PreviewOnly = preview, UserName = scope.UserName,
            FileName = name.Length > 260 ? name[^260..] : name, StoredPath = stored, StartedAt = DateTime.UtcNow, Ip = ip,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancel);
        runner.Enqueue(job.Id);
        return Outcome<ImportJob>.Ok(job);
    }

    /// <summary>Commits a previewed job: the same file is read and checked again (the register may have changed since), then written.</summary>
    public async Task<Outcome<ImportJob>> CommitAsync(UserScope scope, int id)
    {
        if (await FindAsync(scope, id) is not { } job) return Outcome<ImportJob>.NotFound();
        // The records are written in the sender's name: only the sender commits (an administrator may look, not write for them).
        if (!MayImport(scope) || job.UserName != scope.UserName) return Outcome<ImportJob>.Forbidden();
        if (job.State != ImportState.Previewed || !File.Exists(job.StoredPath))
            return Outcome<ImportJob>.Invalid([new("id", "Chỉ ghi được một lần nhập đã xem trước, không có lỗi và chưa ghi.")]);
        var updated = await db.ImportJobs.Where(j => j.Id == id && j.State == ImportState.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportState.Running).SetProperty(j => j.PreviewOnly, false)
                .SetProperty(j => j.StartedAt, DateTime.UtcNow).SetProperty(j => j.FinishedAt, (DateTime?)null).SetProperty(j => j.Processed, 0));
        if (updated == 0) return Outcome<ImportJob>.Invalid([new("id", "Lần nhập này vừa được ghi.")]);
        runner.Enqueue(id);
        return Outcome<ImportJob>.Ok((await FindAsync(scope, id))!);
    }

    public async Task<ImportJob?> FindAsync(UserScope scope, int id)
    {
        if (!scope.SeesOrganizations) return null;
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id);
        return job is not null && (scope.IsAdmin || job.UserName == scope.UserName) ? job : null;
    }

    public async Task<ImportView> ViewAsync(ImportJob job, int errorsShown = ErrorsShown)
    {
        var errors = await db.ImportErrors.AsNoTracking().Where(e => e.JobId == job.Id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Take(errorsShown).Select(e => new ImportErrorView(e.Row, e.Column, e.Message)).ToListAsync();
        var count = job.State == ImportState.Running ? await db.ImportErrors.CountAsync(e => e.JobId == job.Id) : job.ErrorCount;
        var live = job.State == ImportState.Running ? progress.Of(job.Id) : null;
        return new ImportView(job.Id, job.State.ToString(), live?.Processed ?? job.Processed, live?.Total ?? job.Total, job.Created, job.Changed, job.Unchanged,
            errors, job.Kind.ToString(), job.FileName, job.PreviewOnly, live?.Phase ?? (job.State == ImportState.Running ? "Đang chờ đến lượt" : null),
            job.Message, count, DateTime.SpecifyKind(job.StartedAt, DateTimeKind.Utc), job.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null);
    }

    /// <summary>The user's latest jobs, newest first.</summary>
    public Task<List<ImportJob>> RecentAsync(UserScope scope, int count = 20) =>
        db.ImportJobs.AsNoTracking().Where(j => scope.IsAdmin || j.UserName == scope.UserName).OrderByDescending(j => j.Id).Take(count).ToListAsync();

    /// <summary>Every error of the job as a sheet, read as it streams.</summary>
    public XlsxSheet ErrorsSheet(ImportJob job) => new("Lỗi", $"CÁC DÒNG KHÔNG NHẬP ĐƯỢC – TỆP {job.FileName}",
        [new("Dòng", XlsxKind.Integer, 8), new("Cột", Width: 28), new("Lý do", Width: 110)],
        db.ImportErrors.AsNoTracking().Where(e => e.JobId == job.Id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Select(e => new object?[] { e.Row, e.Column, e.Message }).AsAsyncEnumerable(),
        Totals: false,
        Notes: ["Dòng: số dòng trong tệp đã gửi (tệp CSV: dòng tiêu đề là dòng 1; tệp Excel: số dòng như Excel hiển thị). Sửa các dòng này rồi nhập lại cả tệp: khi còn dòng lỗi, không dòng nào được ghi."]);

    public static string StateLabel(string state) => state switch
    {
        nameof(ImportState.Running) => "Đang xử lý",
        nameof(ImportState.Previewed) => "Đã kiểm tra, chờ ghi",
        nameof(ImportState.Committed) => "Đã ghi",
        nameof(ImportState.Refused) => "Không ghi",
        _ => state,
    };

    public static string KindLabel(string kind) => kind == nameof(ImportKind.Members) ? "Danh sách đảng viên" : "Danh sách tổ chức đảng";

}
