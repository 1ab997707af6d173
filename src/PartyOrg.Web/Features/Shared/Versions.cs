using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// Optimistic concurrency for edited records: the version read is the ETag of the API and a hidden field of the forms;
/// a write says which version it is based on, and a write based on a stale version is refused, never merged or lost.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version an If-Match header names ("3" or W/"3"); null when absent, -1 when unreadable.</summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    /// <summary>
    /// Checks the version the writer read against the stored one and makes the save itself check it again, so a change
    /// that lands between the read and the save is refused too. False when the writer's version is stale.
    /// </summary>
    public static bool Expect<T>(AppDbContext db, T entity, int? expected) where T : class, IVersioned
    {
        if (expected is null) return true;
        if (entity.Version != expected) return false;
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expected.Value;
        return true;
    }

    /// <summary>Saves, answering false instead of throwing when another writer saved the same record first.</summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Saves, moving the version of the parent record as read (the query names it with the version the checks saw): of two
    /// writers checking the same parent's children at once (seats of a post, cadres of a plan), the second fails here and nothing
    /// of it is saved. False when the parent changed since it was read.
    /// </summary>
    public static async Task<bool> TrySaveWithParentAsync<T>(AppDbContext db, IQueryable<T> parentAsRead) where T : class, IVersioned
    {
        var parent = await parentAsRead.SingleOrDefaultAsync();
        if (parent is null) return false;
        db.Entry(parent).Property(nameof(IVersioned.Version)).IsModified = true;
        return await TrySaveAsync(db);
    }

    /// <summary>When and by whom a record was last changed, for the conflict message.</summary>
    public static async Task<(DateTime At, string UserName)?> LastChangeAsync(AppDbContext db, string entityType, int id) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == id)
            .OrderByDescending(a => a.Id).Select(a => new { a.At, a.UserName }).FirstOrDefaultAsync() is { } last
            ? (DateTime.SpecifyKind(last.At, DateTimeKind.Utc), last.UserName) : null;

    /// <summary>The API's answer to a stale write: 412 with the current record and its ETag.</summary>
    public static ProblemHttpResult Stale(HttpContext http, object? current, int version)
    {
        http.Response.Headers.ETag = ETag(version);
        return TypedResults.Problem(title: Problems.Title(StatusCodes.Status412PreconditionFailed), statusCode: StatusCodes.Status412PreconditionFailed,
            detail: "Hãy đọc lại bản hiện tại (kèm theo dưới đây), xem lại thay đổi rồi gửi lại với ETag mới.",
            extensions: new Dictionary<string, object?> { ["current"] = current });
    }

    /// <summary>
    /// For actions on a record (POST), If-Match is optional: when sent and stale, the answer is 412 with the record as it
    /// is now; null lets the action go on (a change landing meanwhile is still refused when it saves).
    /// </summary>
    public static async Task<IResult?> CheckIfMatchAsync(HttpContext http, int? current, Func<Task<object?>> currentView)
    {
        if (FromIfMatch(http.Request) is not { } expected || current is not { } version || version == expected) return null;
        return Stale(http, await currentView(), version);
    }

    /// <summary>
    /// The API's answer to a write on a versioned record: 412 with the record as stored when the write was based on a
    /// stale version, the refusal when the rules said no, else 200 with the record as saved and its new ETag.
    /// </summary>
    public static async Task<IResult> AnswerAsync<T>(HttpContext http, Outcome<T> outcome, Func<Task<object?>> view) where T : class, IVersioned
    {
        if (outcome.Kind == OutcomeKind.Stale) return Stale(http, await view(), outcome.Value!.Version);
        if (outcome.Failure() is { } failure) return failure;
        http.Response.Headers.ETag = ETag(outcome.Value!.Version);
        return Results.Ok(await view());
    }

    public static ProblemHttpResult Required() =>
        TypedResults.Problem(title: Problems.Title(StatusCodes.Status428PreconditionRequired), statusCode: StatusCodes.Status428PreconditionRequired,
            detail: "Gửi tiêu đề If-Match với ETag nhận được khi đọc hồ sơ (GET).");
}
