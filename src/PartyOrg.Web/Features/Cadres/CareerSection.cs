using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>The posts a member has held, on their page's decisions tab, for the commission that manages those posts; nothing for others.</summary>
public sealed class CareerSectionViewComponent(ScopeResolver scopes, CadreRegister register) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var items = await register.CareerAsync(await scopes.CurrentAsync(), memberId);
        return items is null ? Content("") : View("/Features/Cadres/_Career.cshtml", items);
    }
}
