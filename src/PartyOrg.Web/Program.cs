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

var builder = WebApplication.CreateBuilder(args);

var provider = DatabaseSetup.ProviderFrom(builder.Configuration);
var connectionString = DatabaseSetup.ConnectionStringFrom(builder.Configuration, provider, builder.Environment.ContentRootPath);
builder.Services.AddPartyOrgDatabase(provider, connectionString);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
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
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = SmartScheme;
        o.DefaultChallengeScheme = SmartScheme;
    })
    .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/Login";
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
    }));
builder.Services.AddAuthorization();

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
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Error");
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

await using (var startupScope = app.Services.CreateAsyncScope())
{
    var db = startupScope.ServiceProvider.GetRequiredService<AppDbContext>();
    await DatabaseSetup.MigrateAsync(db);
    var demo = DemoOptions.From(app.Configuration, provider);
    if (demo.Enabled) await DemoSeeder.SeedAsync(startupScope.ServiceProvider, demo);
    app.Lifetime.ApplicationStarted.Register(() => DemoOptions.PrintWelcome(app, provider, demo));
}

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", async (AppDbContext db) =>
    await db.Database.CanConnectAsync() ? Results.Ok(new { status = "Healthy" }) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous();
app.MapOpenApi().AllowAnonymous();

var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapTokenApi();
api.MapOrganizationsApi();
api.MapMembersApi();
api.MapTargetsApi();
api.MapAdmissionsApi();
api.MapProbationApi();
api.MapDecisionsApi();
api.MapTransfersApi();
api.MapBadgesApi();

app.MapRazorPages();
app.Run();

static Task ApiAware(HttpContext http, string redirectUri, int apiStatus)
{
    if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = apiStatus;
    else http.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
