using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>Member list of a subtree: search by any words of the name, CCCD or card number; filters, order and pages.</summary>
public sealed class IndexModel(MemberQueries members, OrganizationQueries organizations) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gender { get; set; }
    [BindProperty(SupportsGet = true)] public int? AgeFrom { get; set; }
    [BindProperty(SupportsGet = true)] public int? AgeTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);

    public Page<MemberListItem> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public Organization? Organization { get; private set; }
    public IReadOnlyList<(int Id, string Name)> SubOrganizations { get; private set; } = [];
    public SortOrder Order { get; private set; } = new("name", false);
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return Redirect("/");
        if (Org is { } orgId && (Organization = await organizations.FindAsync(scope, orgId)) is null) return NotFound();
        var errors = new MemberListQuery(Q, Org, Status, Gender, AgeFrom, AgeTo, Sort).Check(out var list);
        Order = list.Order;
        if (errors.Count > 0)
        {
            // A hand-edited address: say what is wrong and show nothing rather than guess.
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else Result = await members.ListAsync(scope, list, PageNumber, Paging.DefaultSize);
        SubOrganizations = await members.SubOrganizationsAsync(scope, Organization);
        CanCreate = scope.CanWrite;
        return Page();
    }
}
