using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against targets for an organization and each of its children, for a year or a term.</summary>
public sealed class IndexModel(TargetQueries targets, OrganizationQueries organizations) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }

    [BindProperty] public TargetInput Input { get; set; } = new();
    public TargetProgressView Current { get; private set; } = null!;
    public IReadOnlyList<OrganizationView> ChildChoices { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string? Saved { get; private set; }
    public IReadOnlyList<TargetProgressView> Children { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await targets.SetAsync(await ScopeAsync(), Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Ok) Saved = $"Đã lưu chỉ tiêu {VnFormat.Number(outcome.Value!.Count)}.";
        return await OnGetAsync();
    }

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
        ChildChoices = children;
        CanWrite = (await organizations.FindAsync(scope, orgId.Value)) is { } self && scope.CanWriteAt(self.Path);
        Children = (await targets.ProgressOfEachAsync(scope, children, year, term)).Where(p => p.Target > 0 || p.Admitted > 0).ToList();
        return Page();
    }

    public bool BehindPace(TargetProgressView p) => Features.IndexModel.IsBehind(p);
}
