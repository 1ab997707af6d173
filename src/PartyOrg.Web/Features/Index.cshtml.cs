using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features;

/// <summary>Home: a member goes to their own record; everyone else to the organization tree.</summary>
public sealed class IndexModel : ScopedPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations)
            return scope.MemberId is { } id ? Redirect($"/Members/Details/{id}") : Redirect("/Account/Login");
        return Redirect("/Organizations");
    }
}
