using System.Text.Json.Serialization;
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
using PartyOrg.Web.Hosting;
using PartyOrg.Web.Features.Users;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.WorkCalendar;

// The generator needs no database and no web host: it runs before either is built.
if (PartyOrg.Web.Features.Imports.Generation.GenerateCommand.IsCommand(args) && !PartyOrg.Web.Features.Imports.Generation.GenerateCommand.NeedsDatabase(args))
    return await PartyOrg.Web.Features.Imports.Generation.GenerateCommand.RunAsync(args, Console.Error);
var command = AdminCommand.IsCommand(args) || SubtreeCounts.IsCommand(args) || PartyOrg.Web.Features.Imports.Generation.GenerateCommand.NeedsDatabase(args) ? args : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

var provider = DatabaseSetup.ProviderFrom(builder.Configuration);
var connectionString = DatabaseSetup.ConnectionStringFrom(builder.Configuration, provider, builder.Environment.ContentRootPath);
builder.Services.AddPartyOrgDatabase(provider, connectionString);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddAccountSecurity();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

builder.Services.AddScoped<ScopeResolver>();
builder.Services.AddScoped<OrganizationQueries>();
builder.Services.AddScoped<OrganizationEditor>();
builder.Services.AddScoped<MemberQueries>();
builder.Services.AddScoped<MemberEditor>();
builder.Services.AddScoped<AuditHistory>();
builder.Services.AddScoped<TargetQueries>();
builder.Services.AddScoped<PartyOrg.Web.Features.Statistics.StatisticsQueries>();
builder.Services.AddScoped<PartyOrg.Web.Features.Dashboard.DashboardQueries>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Admission").Get<AdmissionSettings>() ?? AdmissionSettings.Default);
// Every percentage printed or returned is rounded one configured way; a wrong value stops the start-up here, with the reason.
builder.Services.AddSingleton(PartyOrg.Domain.Common.PercentRounding.FromSetting(builder.Configuration[PartyOrg.Domain.Common.PercentRounding.SettingName]));
builder.Services.AddScoped<Calendar>();
builder.Services.AddScoped<PartyOrg.Web.Features.Ratings.RatingBook>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Ratings").Get<PartyOrg.Domain.Rating.RatingSettings>() ?? PartyOrg.Domain.Rating.RatingSettings.Default);
builder.Services.AddScoped<CalendarBook>();
builder.Services.AddScoped<ScopedWrites>();
builder.Services.AddScoped<IdentifierCheck>();
builder.Services.AddScoped<AdmissionWorkflow>();
builder.Services.AddScoped<AdmissionQueries>();
builder.Services.AddScoped<AdmissionChoices>();
builder.Services.AddScoped<ProbationQueries>();
builder.Services.AddScoped<MemberDecisions>();
builder.Services.AddScoped<PartyAges>();
builder.Services.AddScoped<Standings>();
builder.Services.AddScoped<TransferLedger>();
builder.Services.AddScoped<BadgeRegister>();
builder.Services.AddScoped<PartyOrg.Web.Features.Shared.Exports.Exports>();
builder.Services.AddScoped<PartyOrg.Web.Features.Shared.Exports.FormatExports>();
builder.Services.AddScoped<MemberCard>();
builder.Services.AddScoped<PartyOrg.Web.Features.Reports.ReportBuilder>();
builder.Services.AddSingleton(PartyOrg.Web.Features.Discipline.DisciplineSettings.FromSetting(builder.Configuration[PartyOrg.Web.Features.Discipline.DisciplineSettings.SettingName]));
builder.Services.AddScoped<PartyOrg.Web.Features.Discipline.DisciplineRegister>();
builder.Services.AddSingleton(PartyOrg.Web.Features.Cadres.CadreSettings.From(builder.Configuration));
builder.Services.AddScoped<PartyOrg.Web.Features.Cadres.CadreRegister>();
builder.Services.AddScoped<PartyOrg.Web.Features.Cadres.CadrePlans>();
builder.Services.AddScoped<PartyOrg.Web.Features.Cadres.ConfidenceRounds>();
builder.Services.AddScoped<PartyOrg.Web.Features.Cadres.CadreCases>();
builder.Services.AddScoped<PartyOrg.Web.Features.Cadres.CadreTraining>();
builder.Services.AddSingleton<PartyOrg.Web.Features.Imports.ImportProgress>();
builder.Services.AddSingleton<PartyOrg.Web.Features.Imports.ImportRunner>();
builder.Services.AddHostedService(s => s.GetRequiredService<PartyOrg.Web.Features.Imports.ImportRunner>());
builder.Services.AddScoped<PartyOrg.Web.Features.Imports.ImportService>();
builder.Services.AddScoped<PartyOrg.Web.Features.Imports.MemberImport>();
builder.Services.AddScoped<PartyOrg.Web.Features.Imports.OrganizationImport>();

builder.Services.AddRazorPages(o =>
{
    o.Conventions.ConfigureFilter(new InputBounds.PageFilter());
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Error");
    // Work pages are for staff; a member has their own record (Members/Details) and their account pages.
    foreach (var folder in new[] { "/Organizations", "/Admissions", "/Probation", "/Transfers", "/Badges", "/Targets", "/Users", "/Calendar", "/Discipline", "/Ratings", "/Reports", "/Cadres" })
        o.Conventions.AuthorizeFolder(folder, AccountSecurity.StaffPolicy);
    o.Conventions.AuthorizePage("/Members/Index", AccountSecurity.StaffPolicy);
    o.Conventions.AuthorizePage("/Members/Edit", AccountSecurity.StaffPolicy);
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
        if (command is not null)
            return PartyOrg.Web.Features.Imports.Generation.GenerateCommand.IsCommand(command)
                ? await PartyOrg.Web.Features.Imports.Generation.GenerateCommand.RunAsync(command, Console.Error, app.Services)
                : SubtreeCounts.IsCommand(command) ? await SubtreeCounts.RunAsync(app.Services, command, Console.Out)
                : await AdminCommand.RunAsync(app.Services, command);
        await PartyOrg.Web.Features.Imports.ImportRunner.CloseInterruptedAsync(db);
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
PartyOrg.Web.Features.Discipline.DisciplineApi.MapDisciplineApi(api);
PartyOrg.Web.Features.Cadres.CadresApi.MapCadresApi(api);
api.MapPickersApi();
api.MapCalendarApi();
PartyOrg.Web.Features.Ratings.RatingsApi.MapRatingsApi(api);
PartyOrg.Web.Features.Imports.ImportsApi.MapImportsApi(api);
PartyOrg.Web.Features.Shared.Exports.ExportsApi.MapExportsApi(api);
PartyOrg.Web.Features.Shared.Exports.ExportsApi.MapMemberCardApi(api);
PartyOrg.Web.Features.Reports.ReportsApi.MapReportsApi(api);
PartyOrg.Web.Features.Statistics.StatisticsApi.MapStatisticsApi(api);
PartyOrg.Web.Features.Dashboard.DashboardApi.MapDashboardApi(api);

app.MapRazorPages();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
