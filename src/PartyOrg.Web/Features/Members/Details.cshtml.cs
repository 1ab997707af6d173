using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public sealed class DetailsModel(MemberQueries members, AuditHistory history, MemberDecisions decisions, PartyAges partyAges, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string Tab { get; set; } = "record";
    [BindProperty] public DecisionInput Input { get; set; } = new();

    public MemberDetail Member { get; private set; } = null!;
    public IReadOnlyList<(MemberPlacement Placement, string OrganizationName)> Placements { get; private set; } = [];
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];
    public PartyAgeValue? PartyAge { get; private set; }
    public bool CanEdit { get; private set; }
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Records a decision (recognition, exit, readmission) from the decisions tab.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id)
    {
        var outcome = await decisions.RecordAsync(await ScopeAsync(), id, Input);
        if (Refusal(outcome) is { } refused) return refused;
        Tab = "decisions";
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = $"Đã ghi quyết định: {outcome.Value!.Kind.Label()}.";
            Input = new DecisionInput();
            ModelState.Clear();
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var scope = await ScopeAsync();
        var member = await members.GetAsync(scope, id);
        if (member is null) return false;
        Member = member;
        Placements = await members.PlacementsAsync(id);
        PartyAge = await partyAges.OfAsync(id, member.AdmittedOn, member.Status, calendar.Today);
        if (Tab == "history") History = await history.ForAsync("Member", id);
        if (Tab == "decisions") Decisions = await decisions.ListAsync(scope, id) ?? [];
        CanEdit = scope.SeesOrganizations && scope.CanWrite;
        return true;
    }
}
