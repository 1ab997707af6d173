using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Probation;

/// <summary>Probationary members due or overdue for recognition as official members, by cell.</summary>
public sealed class IndexModel(OrganizationQueries organizations, ProbationQueries probation) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);

    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public Page<ProbationItem> Items { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return NotFound();
        (OrganizationId, OrganizationName) = (org.Id, org.Name);
        Items = await probation.PageAsync(scope, org.Path, All, PageNumber, Paging.DefaultSize);
        return Page();
    }
}
