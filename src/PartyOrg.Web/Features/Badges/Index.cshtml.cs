using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Badges;

/// <summary>Members due a party badge at an occasion, awarding them, and this year's awards per milestone.</summary>
public sealed class IndexModel(OrganizationQueries organizations, BadgeRegister badges, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Occasion { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);
    [BindProperty] public BadgeAwardInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>An award posted without confirmation, waiting for it (pages without scripts).</summary>
    public BadgeCandidate? ToConfirm { get; private set; }

    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public DateOnly OccasionOn { get; private set; }
    public IReadOnlyList<BadgeCandidate> Candidates { get; private set; } = [];
    /// <summary>The page of candidates shown; the counts above it cover them all.</summary>
    public Page<BadgeCandidate> Shown { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public BadgeSummary Summary { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        // The award is made by a decision: its number is asked for before anything else.
        if (string.IsNullOrWhiteSpace(Input.DecisionNumber))
        {
            ShowErrors([new FieldError("decisionNumber", "Số quyết định: không được để trống khi trao tặng Huy hiệu Đảng.")]);
            return await LoadAsync();
        }
        var page = await LoadAsync();
        if (page is not PageResult) return page;
        var candidate = Candidates.FirstOrDefault(c => c.MemberId == Input.MemberId && c.Milestone == Input.Milestone);
        if (!Confirmed)
        {
            ToConfirm = candidate;
            return page;
        }
        var outcome = await badges.AwardAsync(await ScopeAsync(), Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return page;
        TempData[Notice.Key] = $"Đã ghi trao tặng Huy hiệu {outcome.Value!.Milestone} năm tuổi đảng cho đồng chí {candidate?.FullName} (quyết định số {outcome.Value.DecisionNumber}).";
        return Redirect(Request.Path + Request.QueryString);
    }

    private async Task<IActionResult> LoadAsync()
    {
        var scope = await ScopeAsync();
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return NotFound();
        (OrganizationId, OrganizationName) = (org.Id, org.Name);
        var today = calendar.Today;
        OccasionOn = Occasion ?? BadgeRule.NextOccasion(today);
        Candidates = await badges.EligibleAsync(scope, org.Path, OccasionOn);
        // Eligibility needs each member's party age (gaps, awards) computed first, so the list pages after the rule.
        Shown = Paging.Of(Candidates, PageNumber, Paging.DefaultSize);
        Summary = await badges.SummaryAsync(scope, org.Path, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        CanWrite = scope.CanWriteAt(org.Path);
        return Page();
    }
}
