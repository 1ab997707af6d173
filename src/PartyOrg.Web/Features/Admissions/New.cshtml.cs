using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>Puts a person into the source pool of a cell: the first step of an admission case.</summary>
public sealed class NewModel(OrganizationQueries organizations, ScopedWrites writes, AdmissionWorkflow workflow) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty] public AdmissionCaseInput Input { get; set; } = new();
    public IReadOnlyList<CellChoice> Cells { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.CanWrite || !scope.SeesOrganizations) return Forbid();
        Input = new AdmissionCaseInput { EthnicGroupCode = "01", Religion = "Không theo tôn giáo", GeneralEducation = "UpperSecondary", SourceSince = InputParsing.Show(organizations.Today) };
        return await LoadAsync(scope) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        var outcome = await workflow.CreateAsync(scope, Input);
        if (outcome.Kind == OutcomeKind.Ok) return Redirect($"/Admissions/Details/{outcome.Value!.Id}");
        if (Refusal(outcome) is { } refused) return refused;
        return await LoadAsync(scope) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(UserScope scope)
    {
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return false;
        Cells = await writes.WritableCellsAsync(scope, org.Path);
        if (Input.OrganizationId is null && Cells.Count == 1) Input.OrganizationId = Cells[0].Id;
        return true;
    }
}
