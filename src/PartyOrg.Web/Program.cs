using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;
using PartyOrg.Web.Features.Auth;
using PartyOrg.Web.Features.Members;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Targets;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Probation;
using PartyOrg.Web.Features.Transfers;
using PartyOrg.Domain.Lifecycle;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using PartyOrg.Web.Features.Account;
using PartyOrg.Web.Hosting;
using PartyOrg.Web.Features.Users;

var command = AdminCommand.IsCommand(args) ? args : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

var provider = DatabaseSetup.ProviderFrom(builder.Configuration);
var connectionString = DatabaseSetup.ConnectionStringFrom(builder.Configuration, provider, builder.Environment.ContentRootPath);
builder.Services.AddPartyOrgDatabase(provider, connectionString);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
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
const string SmartScheme = "CookieOrBearer";
const string StaffPolicy = "Staff";
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
builder.Services.AddScoped<PartyOrg.Web.Features.Users.AccountAdmin>();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

builder.Services.AddScoped<ScopeResolver>();
builder.Services.AddScoped<OrganizationQueries>();
builder.Services.AddScoped<OrganizationEditor>();
builder.Services.AddScoped<MemberQueries>();
builder.Services.AddScoped<MemberEditor>();
builder.Services.AddScoped<AuditHistory>();
builder.Services.AddScoped<TargetQueries>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Admission").Get<AdmissionSettings>() ?? AdmissionSettings.Default);
builder.Services.AddScoped<Calendar>();
builder.Services.AddScoped<ScopedWrites>();
builder.Services.AddScoped<IdentifierCheck>();
builder.Services.AddScoped<AdmissionWorkflow>();
builder.Services.AddScoped<AdmissionQueries>();
builder.Services.AddScoped<AdmissionChoices>();
builder.Services.AddScoped<ProbationQueries>();
builder.Services.AddScoped<MemberDecisions>();
builder.Services.AddScoped<PartyAges>();
builder.Services.AddScoped<TransferLedger>();
builder.Services.AddScoped<BadgeRegister>();

builder.Services.AddRazorPages(o =>
{
    o.Conventions.ConfigureFilter(new InputBounds.PageFilter());
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Error");
    // Work pages are for staff; a member has their own record (Members/Details) and their account pages.
    foreach (var folder in new[] { "/Organizations", "/Admissions", "/Probation", "/Transfers", "/Badges", "/Targets", "/Users" })
        o.Conventions.AuthorizeFolder(folder, StaffPolicy);
    o.Conventions.AuthorizePage("/Members/Index", StaffPolicy);
    o.Conventions.AuthorizePage("/Members/Edit", StaffPolicy);
});
builder.Services.AddProblemDetails();
// Vietnamese letters go into pages as they are, not as numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi(ApiDocs.Configure);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

await using (var startupScope = app.Services.CreateAsyncScope())
{
    var db = startupScope.ServiceProvider.GetRequiredService<AppDbContext>();
    try
    {
        await DatabaseSetup.MigrateAsync(db);
        await RoleSetup.EnsureRolesAsync(startupScope.ServiceProvider);
        if (command is not null) return await AdminCommand.RunAsync(app.Services, command);
        var demo = DemoOptions.From(app.Configuration, app.Environment);
        if (demo.Enabled) await DemoSeeder.SeedAsync(startupScope.ServiceProvider, demo);
        else await AdminCommand.PrintFirstStepIfNoAccountAsync(db, app.Logger);
        app.Lifetime.ApplicationStarted.Register(() => DemoOptions.PrintWelcome(app, provider, demo));
    }
    catch (Exception e) when (command is null && Problems.IsDatabaseUnavailable(e))
    {
        // The server still starts: every request answers 503 (API) or the Vietnamese outage page until the database is back;
        // the migrations run at the next start.
        app.Logger.LogCritical(e, "Cơ sở dữ liệu không truy cập được khi khởi động; hệ thống trả lời 503 cho đến khi khởi động lại với cơ sở dữ liệu hoạt động.");
    }
}

// Every failure answers in Vietnamese: ProblemDetails on the API, the error page on the site (in every environment).
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSessionCheck();
app.UseAuthorization();

app.MapGet("/health", async (AppDbContext db) =>
    await db.Database.CanConnectAsync() ? Results.Ok(new { status = "Healthy" }) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi().AllowAnonymous();

var api = app.MapGroup("/api/v1").RequireAuthorization().WithInputBounds().WithApiDocs();
api.MapTokenApi();
api.MapUsersApi();
api.MapOrganizationsApi();
api.MapMembersApi();
api.MapTargetsApi();
api.MapAdmissionsApi();
api.MapProbationApi();
api.MapDecisionsApi();
api.MapTransfersApi();
api.MapBadgesApi();
PartyOrg.Web.Features.Pickers.PickersApi.MapPickersApi(api);

app.MapRazorPages();
await app.RunAsync();
return 0;

// A page that is forbidden answers 403 in place (the error page explains it), never a detour to the login form.
static Task ApiAware(HttpContext http, string redirectUri, int status)
{
    if (Problems.IsApi(http) || status == StatusCodes.Status403Forbidden) http.Response.StatusCode = status;
    else http.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}

static bool IsSignInAttempt(HttpContext http) =>
    HttpMethods.IsPost(http.Request.Method)
    && (http.Request.Path.StartsWithSegments("/api/v1/auth") || http.Request.Path.StartsWithSegments("/Account/Login"));

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
