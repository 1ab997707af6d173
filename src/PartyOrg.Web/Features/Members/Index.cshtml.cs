using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>Member list of a subtree and search by name without diacritics, CCCD or card number.</summary>
public sealed class IndexModel(MemberQueries members, OrganizationQueries organizations) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Page<MemberListItem> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public Organization? Organization { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return Redirect("/");
        if (Org is { } orgId && (Organization = await organizations.FindAsync(scope, orgId)) is null) return NotFound();
        Result = await members.SearchAsync(scope, Q, Org, PageNumber, Paging.DefaultSize);
        CanCreate = scope.CanWrite;
        return Page();
    }

    public string PageLink(int page) =>
        $"/Members?page={page}" + (Org is null ? "" : $"&org={Org}") + (string.IsNullOrWhiteSpace(Q) ? "" : $"&q={Uri.EscapeDataString(Q)}");
}
