using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>
/// Runs import jobs one after another in the background, so that a long file neither holds a request open nor competes with
/// another import for the register. A job left running by a stopped server (killed mid-way: its transaction never committed)
/// is marked refused on the next start, saying that nothing was written.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportProgress progress, TimeProvider clock, ILogger<ImportRunner> log) : BackgroundService
{
    public const string Interrupted = "Máy chủ dừng khi tệp đang được nhập; không bản ghi nào được ghi. Hãy nhập lại tệp.";

    private readonly Channel<int> queue = Channel.CreateUnbounded<int>();

    public void Enqueue(int jobId) => queue.Writer.TryWrite(jobId);

    /// <summary>Jobs left running by the previous process, closed before any new one starts (called at start-up, after migrations).</summary>
    public static async Task CloseInterruptedAsync(AppDbContext db)
    {
        var stale = await db.ImportJobs.Where(j => j.State == ImportState.Running).ToListAsync();
        foreach (var job in stale)
        {
            (job.State, job.Message, job.FinishedAt) = (ImportState.Refused, Interrupted, DateTime.UtcNow);
            Forget(job);
        }
        if (stale.Count > 0) await db.SaveChangesAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await foreach (var id in queue.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await RunAsync(id, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ImportFileException e)
            {
                await FailAsync(id, e.Message);
            }
            catch (Exception e)
            {
                log.LogError(e, "Import job {Id} failed", id);
                await FailAsync(id);
            }
            finally
            {
                progress.End(id);
            }
        }
    }

    private async Task RunAsync(int id, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == id, stopping);
        if (job.State != ImportState.Running) return;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(job.UserName);
        if (user is null || user.IsDisabled)
        {
            await ImportJobs.FinishAsync(db, job, ImportState.Refused, 0, null, "Tài khoản gửi tệp không còn hoạt động; không bản ghi nào được ghi.");
            return;
        }
        var roles = await users.GetRolesAsync(user);
        var userScope = await ScopeResolver.ForUserAsync(db, user, roles.Contains);
        if (!ImportService.MayImport(userScope))
        {
            await ImportJobs.FinishAsync(db, job, ImportState.Refused, 0, null, "Tài khoản gửi tệp không còn quyền nhập tệp; không bản ghi nào được ghi.");
            return;
        }
        services.GetRequiredService<AuditActor>().ActFor(job.UserName, job.Ip, ImportJobs.RequestId(job.Id));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (job.Kind == ImportKind.Members) await services.GetRequiredService<MemberImport>().RunAsync(job, userScope, today, stopping);
        else await services.GetRequiredService<OrganizationImport>().RunAsync(job, userScope, today, stopping);
        if (job.State is ImportState.Committed or ImportState.Refused) Forget(job);
    }

    private async Task FailAsync(int id, string? message = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == id);
        if (job is null || job.State != ImportState.Running) return;
        await ImportJobs.FinishAsync(db, job, ImportState.Refused, await db.ImportErrors.CountAsync(e => e.JobId == id), null, message is null
            ? "Không nhập được tệp do lỗi khi đọc hoặc ghi (tệp hỏng hoặc cơ sở dữ liệu không sẵn sàng); không bản ghi nào được ghi. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống."
            : message + " Không bản ghi nào được ghi.");
        Forget(job);
    }

    /// <summary>The uploaded bytes are only kept while a job may still read them (running, or previewed and waiting for its commit).</summary>
    private static void Forget(ImportJob job)
    {
        try { File.Delete(job.StoredPath); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
