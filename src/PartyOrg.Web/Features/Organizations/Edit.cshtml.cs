using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

public sealed class EditModel(OrganizationQueries queries, OrganizationEditor editor, PartyOrg.Web.Data.AppDbContext db) : ScopedPage
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public EditConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = await ScopeAsync();
        var org = await queries.FindAsync(scope, id);
        if (org is null) return NotFound();
        if (!OrganizationEditor.MayEditTree(scope, org.Path)) return Forbid();
        Input = OrganizationInput.From(org);
        Name = org.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await editor.UpdateAsync(await ScopeAsync(), id, Input, Input.Version);
        switch (outcome.Kind)
        {
            case OutcomeKind.Stale:
                Conflict = EditConflict.Compare(Input, OrganizationInput.From(outcome.Value!), OrganizationInput.Label,
                    await Versions.LastChangeAsync(db, nameof(PartyOrg.Web.Data.Organization), id));
                Input.Version = outcome.Value!.Version;
                ModelState.Remove("Input.Version");
                Name = outcome.Value.Name;
                return Page();
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
