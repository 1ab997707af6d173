using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Statistics;

/// <summary>
/// The statistics of a subtree on a date, table by table, each figure a link to the members (or organizations) it counts;
/// the organization picked by name, the date typed dd/mm/yyyy or chosen among the quick dates.
/// </summary>
public sealed class IndexModel(StatisticsQueries stats, AppDbContext db) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? DateText { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }

    public StatisticsReport Report { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public DateOnly Today => stats.Today;
    public PickerField OrgPicker { get; private set; } = null!;
    public IReadOnlyList<FormTemplateInfo> Forms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        var errors = new List<FieldError>();
        var date = new InputParsing(errors, _ => "Ngày thống kê").Date("date", DateText, required: false);
        var subject = await stats.SubjectAsync(scope, Org, errors.Count == 0 ? date : null);
        if (subject.Kind == OutcomeKind.Invalid)
        {
            errors.AddRange(subject.Errors);
            subject = await stats.SubjectAsync(scope, Org, null);
        }
        if (subject.Kind != OutcomeKind.Ok) return NotFound();
        Errors = errors;
        var s = subject.Value!;
        Date = s.Date;
        Report = await stats.ReportAsync(s);
        OrgPicker = await PickerField.OrganizationOfPageAsync(new PickerQueries(db), scope, s.Organization.Id, OrgQuery, "stats-form");
        Forms = FormTemplates.All.Select(t => new FormTemplateInfo(t.Id, t.Title, t.Version)).ToList();
        return Page();
    }

    /// <summary>The quick dates: today, 31/12 of last year, and 30/06/2025, the last day before the 2025 merger.</summary>
    public IReadOnlyList<(string Label, DateOnly Date)> QuickDates =>
    [
        ("Hôm nay", Today),
        ($"31/12/{Today.Year - 1}", new DateOnly(Today.Year - 1, 12, 31)),
        ("30/06/2025 (trước sáp nhập)", new DateOnly(2025, 6, 30)),
    ];

    public string Link(DateOnly date) => $"/Statistics?org={Report.Organization.Id}&date={InputParsing.Iso(date)}";

    /// <summary>The page listing the records behind a figure.</summary>
    public string DrillLink(Figure f) =>
        $"/Statistics/Records?org={Report.Organization.Id}&date={InputParsing.Iso(Date)}&measure={f.Measure}&value={Uri.EscapeDataString(f.Value)}"
        + (StatisticsQueries.IsRatingMeasure(f.Measure) ? $"&ratingYear={Report.Ratings.Year}" : "");

    public string FormLink(string form) => $"/api/v1/statistics/forms/{form}.xlsx?org={Report.Organization.Id}&date={InputParsing.Iso(Date)}";

    public string Percent(Figure f) => f.Percent is { } p ? VnFormat.Percent(p, PercentRounding.Default with { Mode = Report.PercentRounding }) : "";
}

public sealed record FormTemplateInfo(string Id, string Title, string Version);
