using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Statistics;

/// <summary>The records behind one figure of the statistics page: exactly the members (or organizations) it counts.</summary>
public sealed class RecordsModel(StatisticsQueries stats) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Value { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }
    [BindProperty(SupportsGet = true)] public int? RatingYear { get; set; }

    /// <summary>What the list counts, in words: the figure's label as the statistics page shows it.</summary>
    public string? FigureLabel { get; private set; }

    public StatisticsSubject Subject { get; private set; } = null!;
    public Page<StatisticsMemberItem>? Members { get; private set; }
    public Page<StatisticsOrganizationItem>? Organizations { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var subject = await stats.SubjectAsync(await ScopeAsync(), Org, Date);
        if (subject.Kind == OutcomeKind.NotFound) return NotFound();
        if (subject.Kind == OutcomeKind.Invalid) { Errors = subject.Errors; return Page(); }
        Subject = subject.Value!;
        var page = Paging.RequestedPage(Request);
        if (Measure is { } m && StatisticsQueries.Measures.IsOrganizational(m))
        {
            var list = await stats.OrganizationsAsync(Subject, Measure, Value, page, PageSize, RatingYear);
            if (list.Kind == OutcomeKind.Invalid) Errors = list.Errors; else Organizations = list.Value;
        }
        else
        {
            var list = await stats.MembersAsync(Subject, Measure, Value, page, PageSize, RatingYear);
            if (list.Kind == OutcomeKind.Invalid) Errors = list.Errors; else Members = list.Value;
        }
        if (Errors.Count == 0) FigureLabel = await stats.LabelAsync(Subject, Measure!, Value!, RatingYear);
        return Page();
    }

    public string Back => $"/Statistics?org={Subject.Organization.Id}&date={InputParsing.Iso(Subject.Date)}";
}
