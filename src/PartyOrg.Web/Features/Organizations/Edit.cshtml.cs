using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

public sealed class EditModel(OrganizationQueries queries, OrganizationEditor editor) : ScopedPage
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = await ScopeAsync();
        var org = await queries.FindAsync(scope, id);
        if (org is null) return NotFound();
        if (!scope.CanWriteAt(org.Path)) return Forbid();
        Input = OrganizationInput.From(org);
        Name = org.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await editor.UpdateAsync(await ScopeAsync(), id, Input);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok: return Redirect($"/Organizations/Details/{id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                ShowErrors(outcome.Errors);
                Name = Input.Name ?? "";
                return Page();
        }
    }
}
