using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>Creates (no id) or edits a member's record; a refused write shows every reason and keeps what was typed.</summary>
public sealed class EditModel(AppDbContext db, MemberEditor editor, ScopedWrites writes) : ScopedPage
{
    [BindProperty] public MemberInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<CellChoice> Cells { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? org)
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations || !scope.CanWrite) return Forbid();
        Id = id;
        if (id is { } memberId)
        {
            var member = await scope.Filter(db.Members).SingleOrDefaultAsync(m => m.Id == memberId);
            if (member is null) return NotFound();
            Input = MemberInput.From(member);
        }
        else Input = new MemberInput { OrganizationId = org, Religion = "Không theo tôn giáo", EthnicGroupCode = "01" };
        await LoadCellsAsync(scope);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var scope = await ScopeAsync();
        Id = id;
        var outcome = id is { } memberId ? await editor.UpdateAsync(scope, memberId, Input) : await editor.CreateAsync(scope, Input);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok: return Redirect($"/Members/Details/{outcome.Value!.Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                ShowErrors(outcome.Errors);
                await LoadCellsAsync(scope);
                return Page();
        }
    }

    private async Task LoadCellsAsync(UserScope scope) => Cells = await writes.WritableCellsAsync(scope);
}
