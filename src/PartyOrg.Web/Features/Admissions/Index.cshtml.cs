using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>The admission pipeline of an organization's subtree: open cases by step, each with the deadline it waits on.</summary>
public sealed class IndexModel(OrganizationQueries organizations, AdmissionQueries cases) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public AdmissionStep? Step { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>Only the ceremonies held past the deadline with the higher committee's consent.</summary>
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);

    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public Page<AdmissionCaseItem> Cases { get; private set; } = null!;
    public IReadOnlyList<(AdmissionStep Step, int Count)> Counts { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public int LateCount { get; private set; }
    public SortOrder Order { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return NotFound();
        (OrganizationId, OrganizationName) = (org.Id, org.Name);
        // An unknown order in a hand-edited address falls back to the worklist order.
        SortOrder.TryParse(Sort, AdmissionQueries.SortKeys, "since", out var order);
        Order = order;
        Cases = await cases.ListAsync(scope, org.Path, Step, Q, PageNumber, Paging.DefaultSize, order, Late);
        LateCount = await cases.LateCeremoniesAsync(scope, org.Path, DateOnly.MinValue, DateOnly.MaxValue);
        Counts = await cases.CountByStepAsync(scope, org.Path);
        CanWrite = scope.CanWriteAt(org.Path);
        return Page();
    }
}
