using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Account;

public enum SignInCheck
{
    Ok,
    /// <summary>Wrong password, unknown user, disabled or locked account: one answer for all.</summary>
    Failed,
    /// <summary>Too many attempts for this user name: 429.</summary>
    Throttled,
    /// <summary>The password is right and the account asks for an authenticator code.</summary>
    NeedsTwoFactor,
}

/// <summary>Limits the attempts per user name, whatever address they come from (the per-address limit is the middleware's).</summary>
public sealed class SignInThrottle(Microsoft.Extensions.Options.IOptions<PartyOrg.Web.Hosting.SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetSlidingWindowLimiter(name, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerUser,
            Window = TimeSpan.FromMinutes(15),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));

    public bool TryAcquire(string userName)
    {
        using var lease = limiter.AttemptAcquire(userName.ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Checks a sign-in the same way for the login page and the token endpoint. A wrong password, an unknown name and a
/// disabled or locked account get the same answer after the same work (a password hash is always verified), and
/// failures do not lock the account: guessing is slowed by rate limits instead, so nobody can lock an administrator out.
/// </summary>
public sealed class SignInGate(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, AccountLog log)
{
    public const string FailedMessage = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string ThrottledMessage = "Đã thử đăng nhập quá nhiều lần; vui lòng chờ ít phút rồi thử lại.";

    private static readonly AppUser Nobody = new() { UserName = "" };
    private static readonly string NobodyHash = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    public async Task<(SignInCheck Check, AppUser? User)> CheckPasswordAsync(string? userName, string? password)
    {
        var name = (userName ?? "").Trim();
        if (name.Length is 0 or > 256 || string.IsNullOrEmpty(password) || password.Length > 256)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash, password ?? "");
            return (SignInCheck.Failed, null);
        }
        if (!throttle.TryAcquire(name))
        {
            await log.WriteAsync(name, AccountEventKinds.SignInThrottled, actorName: name);
            return (SignInCheck.Throttled, null);
        }
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash, password);
            await log.WriteAsync(name, AccountEventKinds.SignInFailed, "Tên đăng nhập không có", actorName: name);
            return (SignInCheck.Failed, null);
        }
        var passwordOk = await users.CheckPasswordAsync(user, password);
        var reason = !passwordOk ? "Sai mật khẩu" : user.IsDisabled ? "Tài khoản đã bị khóa" : await users.IsLockedOutAsync(user) ? "Tài khoản đang bị khóa tạm thời" : null;
        if (reason is not null)
        {
            await log.WriteAsync(user.UserName!, AccountEventKinds.SignInFailed, reason, actorName: user.UserName);
            return (SignInCheck.Failed, null);
        }
        return (user.TwoFactorEnabled ? SignInCheck.NeedsTwoFactor : SignInCheck.Ok, user);
    }

    /// <summary>Checks an authenticator code (six digits, spaces allowed) for a user whose password was right.</summary>
    public async Task<bool> CheckTwoFactorAsync(AppUser user, string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var ok = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (!ok) await log.WriteAsync(user.UserName!, AccountEventKinds.SignInFailed, "Sai mã xác thực hai lớp", actorName: user.UserName);
        return ok;
    }
}
