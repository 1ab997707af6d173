using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>Puts a person into the source pool of a cell: the first step of an admission case. The cell is picked by name.</summary>
public sealed class NewModel(OrganizationQueries organizations, ScopedWrites writes, AdmissionWorkflow workflow, AppDbContext db) : ScopedPage
{
    /// <summary>Cells offered without a search when there are this few under the organization the page was opened from.</summary>
    private const int BrowseLimit = 10;

    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    /// <summary>The cell already chosen, carried by a search made without scripts.</summary>
    [BindProperty(SupportsGet = true, Name = "cell")] public int? CellParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "cq")] public string? CellQuery { get; set; }
    [BindProperty] public AdmissionCaseInput Input { get; set; } = new();
    public PickerField CellPicker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.CanWrite || !scope.SeesOrganizations) return Forbid();
        Input = new AdmissionCaseInput
        {
            EthnicGroupCode = "01", Religion = "Không theo tôn giáo", GeneralEducation = "UpperSecondary",
            SourceSince = InputParsing.Show(organizations.Today), OrganizationId = CellParam,
        };
        return await LoadAsync(scope) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        var outcome = await workflow.CreateAsync(scope, Input);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            var c = outcome.Value!;
            var cell = await new PickerQueries(db).OrganizationAsync(scope, c.OrganizationId, PickKind.Cell);
            TempData[Notice.Key] = $"Đã đưa {c.FullName} vào nguồn kết nạp của {(cell is null ? "chi bộ" : PickerQueries.OrganizationLine(cell))}.";
            return Redirect($"/Admissions/Details/{c.Id}");
        }
        if (Refusal(outcome) is { } refused) return refused;
        return await LoadAsync(scope) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(UserScope scope)
    {
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return false;
        var queries = new PickerQueries(db);
        IReadOnlyList<PickItem> matches;
        if (!string.IsNullOrWhiteSpace(CellQuery)) matches = await queries.OrganizationsAsync(scope, CellQuery, PickKind.Cell);
        else
        {
            // A secretary or a commune committee has few cells: offer them at once; a province searches.
            var cells = await writes.WritableCellsAsync(scope, org.Path);
            matches = cells.Count <= BrowseLimit ? cells.Select(c => new PickItem(c.Id, c.Name, c.ParentName)).ToList() : [];
            if (Input.OrganizationId is null && cells.Count == 1) Input.OrganizationId = cells[0].Id;
        }
        CellPicker = new PickerField
        {
            Name = "Input.OrganizationId", Label = "Chi bộ bồi dưỡng, giới thiệu", QueryName = "cq", Query = CellQuery, ErrorKey = "Input.OrganizationId",
            Source = "/api/v1/pickers/organizations?kind=cell",
            Hint = "Gõ tên chi bộ hoặc tên đảng bộ, có dấu hoặc không (ví dụ: ap 1 thanh phuoc), rồi chọn một dòng.",
            Selected = await queries.OrganizationAsync(scope, Input.OrganizationId, PickKind.Cell),
            Matches = matches,
        };
        return true;
    }
}
