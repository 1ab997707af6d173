using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Account;

/// <summary>The security audit: every account event with who caused it, the address and the request id.</summary>
public sealed class AccountLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task WriteAsync(string userName, string kind, string? detail = null, string? actorName = null)
    {
        var context = http.HttpContext;
        db.AccountEvents.Add(new AccountEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = Clip(userName, 256),
            ActorName = Clip(actorName ?? context?.User.Identity?.Name ?? userName, 256),
            Kind = kind,
            Detail = detail is null ? null : Clip(detail, 500),
            Ip = context?.Connection.RemoteIpAddress?.ToString(),
            RequestId = context?.TraceIdentifier,
        });
        await db.SaveChangesAsync();
    }

    public Task<List<AccountEvent>> RecentAsync(string userName, int take = 50) =>
        db.AccountEvents.AsNoTracking().Where(e => e.UserName == userName).OrderByDescending(e => e.Id).Take(take).ToListAsync();

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>The kinds of account event, with their Vietnamese names.</summary>
public static class AccountEventKinds
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignInThrottled = "SignInThrottled";
    public const string SignedOut = "SignedOut";
    public const string TokenIssued = "TokenIssued";
    public const string TokenRefreshed = "TokenRefreshed";
    public const string Created = "Created";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string RoleChanged = "RoleChanged";
    public const string ScopeChanged = "ScopeChanged";
    public const string Disabled = "Disabled";
    public const string Enabled = "Enabled";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string Exported = "Exported";

    public static string Label(string kind) => kind switch
    {
        SignedIn => "Đăng nhập",
        SignInFailed => "Đăng nhập không thành công",
        SignInThrottled => "Bị chặn do thử đăng nhập quá nhiều",
        SignedOut => "Đăng xuất",
        TokenIssued => "Cấp mã truy cập API",
        TokenRefreshed => "Gia hạn mã truy cập API",
        Created => "Tạo tài khoản",
        PasswordChanged => "Đổi mật khẩu",
        PasswordReset => "Đặt lại mật khẩu",
        RoleChanged => "Đổi vai trò",
        ScopeChanged => "Đổi phạm vi",
        Disabled => "Khóa tài khoản",
        Enabled => "Mở lại tài khoản",
        TwoFactorEnabled => "Bật xác thực hai lớp",
        TwoFactorDisabled => "Tắt xác thực hai lớp",
        Exported => "Tải tệp xuất",
        _ => kind,
    };
}
