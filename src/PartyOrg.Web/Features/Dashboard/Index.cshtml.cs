using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Dashboard;

/// <summary>
/// The dashboard of an organization for a year: charts drawn on the server, each beside the table of its numbers, every number a
/// link to the records it counts; the organization picked by name, the year from a list; the annual report to download.
/// </summary>
public sealed class IndexModel(DashboardQueries dashboard, AppDbContext db, PercentRounding rounding) : ScopedPage
{
    /// <summary>How many years back the year list offers (the demo's ratings start in 2021).</summary>
    private const int YearsOffered = 10;

    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }

    public DashboardView View { get; private set; } = null!;
    public PickerField OrgPicker { get; private set; } = null!;
    public DateOnly Today => dashboard.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        var view = await dashboard.GetAsync(scope, Org, Year);
        if (view.Kind == OutcomeKind.Invalid)
        {
            Errors = view.Errors;
            view = await dashboard.GetAsync(scope, Org, null);
        }
        if (view.Kind != OutcomeKind.Ok) return NotFound();
        View = view.Value!;
        OrgPicker = await PickerField.OrganizationOfPageAsync(new PickerQueries(db), scope, View.OrganizationId, OrgQuery, "dashboard-form");
        return Page();
    }

    /// <summary>This year and the years before it, newest first.</summary>
    public IEnumerable<int> Years => Enumerable.Range(0, YearsOffered).Select(i => Today.Year - i);

    public string Percent(decimal? value) => value is { } p ? VnFormat.Percent(p, rounding) : "";

    public string Number(int value) => VnFormat.Number(value);

    public string ReportLink(string format) => $"/api/v1/reports/annual?org={View.OrganizationId}&year={View.Year}&format={format}";

    public string StatisticsLink => $"/Statistics?org={View.OrganizationId}&date={InputParsing.Iso(View.Date)}";

    public string TargetsLink => $"/Targets?org={View.OrganizationId}&year={View.Year}";

    /// <summary>The CSS class of a rating level's bar.</summary>
    public static string LevelClass(string level) => "chart-level-" + level.ToLowerInvariant();
}
