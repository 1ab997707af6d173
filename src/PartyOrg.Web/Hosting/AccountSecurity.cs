using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Account;
using PartyOrg.Web.Features.Auth;
using PartyOrg.Web.Features.Users;

namespace PartyOrg.Web.Hosting;

/// <summary>
/// Accounts and sessions: Identity with the password policy, cookie sign-in for pages and short bearer tokens for the API,
/// the key ring kept with the deployment, the staff policy, and the sign-in rate limits.
/// </summary>
public static class AccountSecurity
{
    public const string StaffPolicy = "Staff";
    private const string SmartScheme = "CookieOrBearer";

    public static void AddAccountSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection("Security"));
        var security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();

        // One key ring per deployment, kept with its data (cookies and tokens survive a restart; nothing is shared through the home folder).
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } configuredKeys
            ? configuredKeys : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
        builder.Services.AddDataProtection().SetApplicationName("PartyOrg").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));

        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // Wrong passwords do not lock an account (anyone could lock the administrator out); rate limits slow guessing.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        // Pages sign in with a cookie, API clients with a bearer token; the scheme follows the Authorization header.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(security.AccessTokenMinutes);
                o.RefreshTokenExpiration = TimeSpan.FromHours(12);
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.SlidingExpiration = true;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            }));
        builder.Services.AddAuthorization(o => o.AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Admin, Roles.Commission, Roles.CellSecretary)));
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Sign-in attempts per client address (login page and token endpoint); per user name in SignInThrottle.
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignInAttempt(http)
                ? RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInAttemptsPerAddress, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (ctx, _) => Problems.IsApi(ctx.HttpContext)
                ? new ValueTask(Problems.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests, SignInGate.ThrottledMessage))
                : ValueTask.CompletedTask;
        });
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<SignInGate>();
        builder.Services.AddScoped<AccountLog>();
        builder.Services.AddScoped<AccountAdmin>();
    }

    // A page that is forbidden answers 403 in place (the error page explains it), never a detour to the login form.
    private static Task ApiAware(HttpContext http, string redirectUri, int status)
    {
        if (Problems.IsApi(http) || status == StatusCodes.Status403Forbidden) http.Response.StatusCode = status;
        else http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    private static bool IsSignInAttempt(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/api/v1/auth") || http.Request.Path.StartsWithSegments("/Account/Login"));
}
