using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>One admission case: its steps so far with their documents, the form for the next step, and dropping the case.</summary>
public sealed class DetailsModel(AdmissionQueries cases, AdmissionChoices choices, AdmissionWorkflow workflow, AuditHistory history, Calendar calendar) : ScopedPage
{
    [BindProperty] public AdmissionStepInput Input { get; set; } = new();
    [BindProperty] public AdmissionDropInput Drop { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool ShowHistory { get; set; }

    public AdmissionCaseDetail Case { get; private set; } = null!;
    public AdmissionStep? NextStep { get; private set; }
    public bool CanWrite { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Sponsors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Approvers { get; private set; } = [];
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStepAsync(int id) =>
        await AfterAsync(id, await workflow.AdvanceAsync(await ScopeAsync(), id, Input), c => $"Đã ghi bước \"{c.Step.Label()}\".");

    public async Task<IActionResult> OnPostDropAsync(int id) =>
        await AfterAsync(id, await workflow.DropAsync(await ScopeAsync(), id, Drop), _ => "Đã dừng xem xét hồ sơ.");

    private async Task<IActionResult> AfterAsync(int id, Outcome<Data.AdmissionCase> outcome, Func<Data.AdmissionCase, string> message)
    {
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = message(outcome.Value!);
            ModelState.Clear();
            (Input, Drop) = (new(), new());
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var scope = await ScopeAsync();
        var c = await cases.GetAsync(scope, id);
        if (c is null) return false;
        Case = c;
        var step = c.Summary.Step;
        NextStep = AdmissionQueries.IsOpen(step) ? step + 1 : null;
        var cellPath = await cases.CellPathAsync(c.Summary.OrganizationId);
        CanWrite = NextStep is not null && scope.CanWriteAt(cellPath);
        if (NextStep == AdmissionStep.Sponsors) Sponsors = await choices.SponsorsAsync(c.Summary.OrganizationId);
        if (NextStep == AdmissionStep.Decision) Approvers = await choices.ApproversAsync(cellPath);
        Input.Step ??= NextStep?.ToString();
        Input.Date ??= InputParsing.Show(calendar.Today);
        if (ShowHistory) History = await history.ForAsync("AdmissionCase", id);
        return true;
    }
}
