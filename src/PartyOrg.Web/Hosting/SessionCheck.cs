using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Hosting;

/// <summary>
/// Checks on every request that the session or bearer token still stands: the account exists, is neither disabled nor
/// locked out, and its security stamp is the one the token was issued with (a password change, a reset, a role or scope
/// change and a sign-out everywhere all renew the stamp). A session that no longer stands is ended at once: the request
/// goes on as anonymous and gets 401 (API) or the login page. It also holds a user who must change their password, or
/// set up two-factor sign-in, to the page that does it.
/// </summary>
public static class SessionCheck
{
    /// <summary>The account of the request, loaded once here and reused by the scope resolver.</summary>
    public const string UserKey = "PartyOrg.User";

    private static readonly string[] AlwaysOpen = ["/Account/Logout", "/Account/Password", "/Account/TwoFactor", "/Error", "/api/v1/account", "/api/v1/auth"];

    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
            var stampClaim = users.Options.ClaimsIdentity.SecurityStampClaimType;
            var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var user = id is null ? null : await users.FindByIdAsync(id);
            var stands = user is not null && !user.IsDisabled && !await users.IsLockedOutAsync(user)
                && string.Equals(http.User.FindFirstValue(stampClaim), user.SecurityStamp, StringComparison.Ordinal);
            if (!stands)
            {
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                http.Items[UserKey] = user;
                var gate = PendingStep(http, user!);
                if (gate is not null && !AlwaysOpen.Any(p => http.Request.Path.StartsWithSegments(p)))
                {
                    if (Problems.IsApi(http))
                        await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, gate.Value.Message);
                    else
                        http.Response.Redirect(gate.Value.Page);
                    return;
                }
            }
        }
        await next(http);
    });

    /// <summary>What the user must do before anything else, if anything.</summary>
    private static (string Page, string Message)? PendingStep(HttpContext http, AppUser user)
    {
        if (user.MustChangePassword)
            return ("/Account/Password", "Mật khẩu đã được đặt lại: hãy đổi mật khẩu (POST /api/v1/account/password) trước khi làm việc khác.");
        var security = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.RequireTwoFactorForStaff && !user.TwoFactorEnabled && (http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Commission)))
            return ("/Account/TwoFactor", "Tài khoản cán bộ phải bật xác thực hai lớp (trang Tài khoản › Xác thực hai lớp) trước khi làm việc.");
        return null;
    }
}

/// <summary>Settings under "Security".</summary>
public sealed class SecurityOptions
{
    /// <summary>Administrators and commission staff must sign in with an authenticator code.</summary>
    public bool RequireTwoFactorForStaff { get; set; }
    /// <summary>Sign-in attempts per client address per minute (login page and token endpoint together).</summary>
    public int SignInAttemptsPerAddress { get; set; } = 10;
    /// <summary>Sign-in attempts per user name per 15 minutes, from any address.</summary>
    public int SignInAttemptsPerUser { get; set; } = 20;
    /// <summary>Lifetime of an API access token; a refresh token renews it while the account stands.</summary>
    public int AccessTokenMinutes { get; set; } = 15;
}
