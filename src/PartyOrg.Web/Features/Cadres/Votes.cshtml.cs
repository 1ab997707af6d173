using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>The confidence votes of an organization and, for the managing commission, a round to record: one row per holder of its posts.</summary>
public sealed class VotesModel(ConfidenceRounds rounds, OrganizationQueries organizations, AppDbContext db, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty] public ConfidenceInput Input { get; set; } = new();

    public IReadOnlyList<ConfidenceRoundView> Rounds { get; private set; } = [];
    public IReadOnlyList<VoteCandidate> Candidates { get; private set; } = [];
    public PickerField OrgPicker { get; private set; } = null!;
    public int OrganizationId { get; private set; }
    public bool MayWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!CadreRegister.SeesCadres(scope)) return false;
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return false;
        OrganizationId = org.Id;
        Rounds = await rounds.ListAsync(scope, org.Id) ?? [];
        Candidates = await rounds.CandidatesAsync(org.Id, calendar.Today);
        OrgPicker = await PickerField.OrganizationOfPageAsync(new PickerQueries(db), scope, org.Id, OrgQuery, "votes-form");
        MayWrite = scope.CanWriteAt(org.Path) && Candidates.Count > 0;
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.OrganizationId = Org;
        var outcome = await rounds.RecordAsync(await ScopeAsync(), Input);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData[Notice.Key] = $"Đã ghi kết quả lấy phiếu tín nhiệm ngày {PartyOrg.Domain.Common.VnFormat.Date(outcome.Value!.HeldOn)}.";
            return Redirect($"/Cadres/Votes?org={Org}");
        }
        if (Refusal(outcome) is { } refused) return refused;
        return await LoadAsync() ? Page() : NotFound();
    }
}
