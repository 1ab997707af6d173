using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against targets for an organization and each of its children, for a year or a term.</summary>
public sealed class IndexModel(TargetQueries targets, OrganizationQueries organizations) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }

    public TargetProgressView Current { get; private set; } = null!;
    public IReadOnlyList<TargetProgressView> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        var orgId = Org ?? (await organizations.RootAsync(scope))?.Id;
        if (orgId is null) return NotFound();
        var term = string.IsNullOrWhiteSpace(Term) ? null : Term.Trim();
        var year = term is null ? Year ?? organizations.Today.Year : (int?)null;
        Year = year;
        var current = await targets.ProgressAsync(scope, orgId.Value, year, term);
        if (current is null) return NotFound();
        Current = current;
        var children = await organizations.ChildrenAsync(scope, orgId.Value) ?? [];
        var rows = new List<TargetProgressView>();
        foreach (var child in children)
            if (await targets.ProgressAsync(scope, child.Id, year, term) is { } p && (p.Target > 0 || p.Admitted > 0)) rows.Add(p);
        Children = rows;
        return Page();
    }

    /// <summary>Behind pace: the share admitted is below the share of the period already past.</summary>
    public bool BehindPace(TargetProgressView p)
    {
        if (p.Target == 0 || p.PeriodEnd <= p.PeriodStart) return false;
        var elapsed = (decimal)(p.CountedTo.DayNumber - p.PeriodStart.DayNumber + 1) / (p.PeriodEnd.DayNumber - p.PeriodStart.DayNumber + 1);
        return p.Admitted < p.Target * elapsed;
    }
}
