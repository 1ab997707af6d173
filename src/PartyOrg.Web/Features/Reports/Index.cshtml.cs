using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Statistics;
using Measures = PartyOrg.Web.Features.Statistics.StatisticsQueries.Measures;

namespace PartyOrg.Web.Features.Reports;

/// <summary>
/// A report read before it is filed: the narrative and tables of the .docx, each number a link to the records it counts (the
/// statistics' lists on the period's last day), and the two downloads.
/// </summary>
public sealed class IndexModel(ReportBuilder reports, OrganizationQueries organizations, AppDbContext db) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }

    public ReportData? Data { get; private set; }
    public PickerField OrgPicker { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public string ShownKind { get; private set; } = "annual";
    public DateOnly Today => organizations.Today;

    public static readonly IReadOnlyList<(string Key, string Label)> KindChoices =
        [("annual", "Báo cáo năm"), ("semiannual", "Báo cáo 6 tháng đầu năm"), ("term", "Báo cáo nhiệm kỳ")];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return NotFound();
        ShownKind = string.IsNullOrWhiteSpace(Kind) ? "annual" : Kind.Trim().ToLowerInvariant();
        var errors = ReportBuilder.Check(ShownKind, "docx", Year ?? Today.Year - 1, Today, out var kind, out _, out var year).ToList();
        ShownYear = year is >= ReportBuilder.FirstYear && year <= 2100 ? year : Today.Year - 1;
        if (errors.Count == 0)
        {
            var data = await reports.DataAsync(scope, org.Id, kind, year);
            if (data.Kind == OutcomeKind.Ok) Data = data.Value;
            else errors.AddRange(data.Errors);
        }
        Errors = errors;
        OrgPicker = await PickerField.OrganizationOfPageAsync(new PickerQueries(db), scope, org.Id, OrgQuery, "report-form");
        return Page();
    }

    public string Download(string format) => $"/api/v1/reports/{ShownKind}?org={Data!.OrganizationId}&year={ShownYear}&format={format}";

    /// <summary>The statistics count flows from 1 January to their date: the period's flows link to them when it starts on 1 January.</summary>
    public bool FlowsLinked => Data is { Kind: not ReportKind.Term } d && d.PeriodStart == new DateOnly(d.PeriodStart.Year, 1, 1);

    /// <summary>The list of records behind a figure: the statistics of the organization on the day.</summary>
    public string Records(string measure, string value, DateOnly date) =>
        $"/Statistics/Records?org={Data!.OrganizationId}&date={InputParsing.Iso(date)}&measure={measure}&value={Uri.EscapeDataString(value)}";

    public string? ExitLink(int index) => !FlowsLinked ? null
        : ReportBuilder.ExitKinds[index] == DecisionKind.Death ? Records(Measures.Deaths, "all", Data!.CountedTo)
        : Records(Measures.Exits, ReportBuilder.ExitKinds[index].ToString(), Data!.CountedTo);

    public string? DisciplineLink(bool organizations, DisciplineForm? form) => !FlowsLinked ? null
        : Records(organizations ? Measures.OrganizationDiscipline : Measures.Discipline, form?.ToString() ?? "all", Data!.CountedTo);

    /// <summary>A year's ratings as the report counts them: every decision of that year up to today.</summary>
    public string RatingLink(bool organizations, int year, string value) =>
        Records(organizations ? Measures.OrganizationRatings : Measures.Ratings, value, Today) + $"&ratingYear={year}";

    public string Percent(decimal? value) => value is { } p ? VnFormat.Percent(p, Data!.Rounding) : "";
}
