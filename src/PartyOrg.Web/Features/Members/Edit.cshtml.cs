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
    /// <summary>Ended cells whose history the user may write: where a member admitted before a merger was active.</summary>
    public IReadOnlyList<CellChoice> EarlierCells { get; private set; } = [];
    public EditConflict? Conflict { get; private set; }

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
        var outcome = id is { } memberId ? await editor.UpdateAsync(scope, memberId, Input, Input.Version) : await editor.CreateAsync(scope, Input);
        switch (outcome.Kind)
        {
            case OutcomeKind.Stale:
                await LoadCellsAsync(scope);
                var stored = MemberInput.From(outcome.Value!);
                var cellNames = Cells.ToDictionary(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c => $"{c.Name} — {c.ParentName}");
                Conflict = EditConflict.Compare(Input, stored, MemberInput.Label, await Versions.LastChangeAsync(db, nameof(Member), outcome.Value!.Id),
                    (field, value) => field == nameof(MemberInput.OrganizationId) && value is not null ? cellNames.GetValueOrDefault(value, value) : value);
                // Saving again now writes over the stored version, knowingly.
                Input.Version = outcome.Value!.Version;
                ModelState.Remove("Input.Version");
                return Page();
            case OutcomeKind.Ok: return Redirect($"/Members/Details/{outcome.Value!.Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                ShowErrors(outcome.Errors);
                await LoadCellsAsync(scope);
                return Page();
        }
    }

    private async Task LoadCellsAsync(UserScope scope)
    {
        Cells = await writes.WritableCellsAsync(scope);
        EarlierCells = await new FirstPlacement(db).ChoicesAsync(scope);
    }
}
