using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public sealed class DetailsModel(MemberQueries members, AuditHistory history) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string Tab { get; set; } = "record";

    public MemberDetail Member { get; private set; } = null!;
    public IReadOnlyList<(MemberPlacement Placement, string OrganizationName)> Placements { get; private set; } = [];
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = await ScopeAsync();
        var member = await members.GetAsync(scope, id);
        if (member is null) return NotFound();
        Member = member;
        Placements = await members.PlacementsAsync(id);
        if (Tab == "history") History = await history.ForAsync("Member", id);
        CanEdit = scope.SeesOrganizations && scope.CanWrite;
        return Page();
    }
}
