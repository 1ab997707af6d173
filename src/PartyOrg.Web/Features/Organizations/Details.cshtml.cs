using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

public sealed class DetailsModel(OrganizationQueries queries, AuditHistory history) : ScopedPage
{
    public OrganizationView Org { get; private set; } = null!;
    public Organization? Parent { get; private set; }
    public Organization? Successor { get; private set; }
    public string? EndReason { get; private set; }
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = await ScopeAsync();
        var org = await queries.FindAsync(scope, id);
        if (org is null) return NotFound();
        Org = (await queries.GetAsync(scope, id))!;
        Parent = org.ParentId is { } p ? await queries.FindAsync(scope, p) : null;
        Successor = org.SuccessorId is { } s ? await queries.FindAsync(scope, s) : null;
        EndReason = org.EndReason;
        History = await history.ForAsync("Organization", id);
        CanEdit = scope.CanWriteAt(org.Path);
        return Page();
    }
}
