using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Account;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// Unique identifiers (CCCD, card number) already in use. Inside the caller's scope the answer names the record, which
/// helps a clerk find a duplicate; outside it the answer says only that the number cannot be used, not whose it is nor
/// that it belongs to a member, and the attempt is kept in the security audit.
/// </summary>
public sealed class IdentifierCheck(AppDbContext db, AccountLog log)
{
    public const string CitizenIdTaken = "Số CCCD không hợp lệ hoặc đã được sử dụng.";
    public const string CardNumberTaken = "Số thẻ đảng viên không hợp lệ hoặc đã được sử dụng.";
    public const string RefusedKind = "RefusedForeignIdentifier";

    public async Task<FieldError?> MemberCitizenIdAsync(UserScope scope, string citizenId, int exceptMemberId, string field = MemberFields.CitizenId)
    {
        var holder = await db.Members.AsNoTracking().Where(m => m.CitizenId == citizenId && m.Id != exceptMemberId)
            .Select(m => new { m.FullName, m.OrgPath }).FirstOrDefaultAsync();
        if (holder is null) return null;
        return scope.Covers(holder.OrgPath)
            ? new(field, $"Số CCCD: đã có trong hồ sơ của đảng viên {holder.FullName}; người đã ra khỏi Đảng được xét kết nạp lại bằng quyết định kết nạp lại.")
            : await RefuseAsync(scope, field, CitizenIdTaken, $"Số CCCD {citizenId}");
    }

    public async Task<FieldError?> CardNumberAsync(UserScope scope, string cardNumber, int exceptMemberId)
    {
        var holder = await db.Members.AsNoTracking().Where(m => m.CardNumber == cardNumber && m.Id != exceptMemberId)
            .Select(m => new { m.FullName, m.OrgPath }).FirstOrDefaultAsync();
        if (holder is null) return null;
        return scope.Covers(holder.OrgPath)
            ? new(MemberFields.CardNumber, $"Số thẻ đảng viên: đã cấp cho đảng viên {holder.FullName}.")
            : await RefuseAsync(scope, MemberFields.CardNumber, CardNumberTaken, $"Số thẻ {cardNumber}");
    }

    /// <summary>An admission case still being considered for the same person.</summary>
    public async Task<FieldError?> OpenCaseAsync(UserScope scope, string citizenId, string field = MemberFields.CitizenId)
    {
        var open = await db.AdmissionCases.AsNoTracking()
            .Where(c => c.CitizenId == citizenId && c.Step != AdmissionStep.Dropped && c.Step != AdmissionStep.Ceremony)
            .Select(c => new { c.OrgPath }).FirstOrDefaultAsync();
        if (open is null) return null;
        return scope.Covers(open.OrgPath)
            ? new(field, "Số CCCD: người này đã có hồ sơ phát triển đảng viên đang xem xét trong phạm vi của bạn.")
            : await RefuseAsync(scope, field, CitizenIdTaken, $"Số CCCD {citizenId} (hồ sơ kết nạp)");
    }

    /// <summary>
    /// The answer to the loser of a race that a unique index decided: the same the pre-check gives now that the winner's
    /// record exists. Call it after the failed transaction is rolled back and the context cleared.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> AfterRaceAsync(UserScope scope, string? citizenId, string? cardNumber, int exceptMemberId, bool admissionCase)
    {
        var errors = new List<FieldError>();
        if (citizenId is not null && await MemberCitizenIdAsync(scope, citizenId, exceptMemberId) is { } taken) errors.Add(taken);
        else if (citizenId is not null && admissionCase && await OpenCaseAsync(scope, citizenId) is { } open) errors.Add(open);
        if (cardNumber is not null && await CardNumberAsync(scope, cardNumber, exceptMemberId) is { } used) errors.Add(used);
        return errors.Count > 0 ? errors : [new(MemberFields.CitizenId, CitizenIdTaken)];
    }

    /// <summary>Keeps in the security audit that identifiers of records outside the scope were tried (an import's summary line).</summary>
    public Task LogRefusedAsync(UserScope scope, string detail) => log.WriteAsync(scope.UserName, RefusedKind, detail);

    private async Task<FieldError> RefuseAsync(UserScope scope, string field, string message, string what)
    {
        await log.WriteAsync(scope.UserName, RefusedKind, $"{what} trùng với hồ sơ ngoài phạm vi");
        return new(field, message);
    }
}
