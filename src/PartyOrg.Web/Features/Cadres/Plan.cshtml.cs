using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>
/// The plan of an organization's posts for a term: who is planned for each post, what needs review, the composition against the
/// targets; for the managing commission, the forms to approve the plan, add a cadre (picked by name) and take one out.
/// </summary>
public sealed class PlanModel(CadrePlans plans, AppDbContext db, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Term { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "mq")] public string? MemberQuery { get; set; }
    [BindProperty] public PlanEntryInput Input { get; set; } = new();
    [BindProperty] public PlanRemovalInput Removal { get; set; } = new();
    [BindProperty] public PlanInput NewPlan { get; set; } = new();

    public PlanView Plan { get; private set; } = null!;
    /// <summary>The kinds of the organization's posts, to read the plan of one kind (the secretaries', the deputies'…).</summary>
    public IReadOnlyList<(string Code, string Name)> Kinds { get; private set; } = [];
    public PickerField OrgPicker { get; private set; } = null!;
    public PickerField MemberPicker { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public int? RemovalFor { get; private set; }
    public string? FailedForm { get; private set; }
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        var plan = await plans.ReadAsync(scope, Org, Term, Today, string.IsNullOrWhiteSpace(Kind) ? null : Kind);
        if (plan is null) return false;
        Plan = plan;
        Kinds = (await db.Posts.AsNoTracking().Where(p => p.OrganizationId == plan.OrganizationId).Select(p => p.KindCode).Distinct()
            .Join(db.PostKinds.AsNoTracking(), c => c, k => k.Code, (c, k) => new { k.Code, k.Name, k.Order }).ToListAsync())
            .OrderBy(k => k.Order).Select(k => (k.Code, k.Name)).ToList();
        // A kind the organization has no post of (a link kept from another organization, a typed address) shows the whole plan, as the list says.
        if (Plan.Kind is { } kind && Kinds.All(k => k.Code != kind))
        {
            Kind = null;
            Plan = (await plans.ReadAsync(scope, plan.OrganizationId, Term, Today))!;
        }
        var pickers = new PickerQueries(db);
        OrgPicker = await PickerField.OrganizationOfPageAsync(pickers, scope, plan.OrganizationId, OrgQuery, "plan-form");
        var org = await db.Organizations.FindAsync(plan.OrganizationId);
        MayWrite = scope.CanWriteAt(org!.Path) && org.IsActiveOn(Today);
        MemberPicker = await PickerField.MemberOfFormAsync(pickers, scope, "Input.MemberId", "Cán bộ đưa vào quy hoạch", Input.MemberId, MemberQuery, "plan-form",
            officialOnly: true, "Gõ họ tên, có dấu hoặc không, rồi chọn một dòng.");
        return true;
    }

    private string Back => $"/Cadres/Plan?org={Org}&term={Term}&kind={Kind}";

    public async Task<IActionResult> OnPostPlanAsync()
    {
        NewPlan.OrganizationId = Org;
        var outcome = await plans.CreateAsync(await ScopeAsync(), NewPlan);
        if (outcome.Kind == OutcomeKind.Ok) Term = outcome.Value!.TermFrom;
        return await AnswerAsync(outcome, "plan", "NewPlan", null, p => $"Đã ghi quy hoạch nhiệm kỳ {p.TermFrom}–{p.TermTo}.");
    }

    public async Task<IActionResult> OnPostEntryAsync(int plan)
    {
        var outcome = await plans.AddEntryAsync(await ScopeAsync(), plan, Input);
        return await AnswerAsync(outcome, "entry", "Input", null, e => $"Đã đưa cán bộ vào quy hoạch từ ngày {VnFormat.Date(e.FromDate)}.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var outcome = await plans.RemoveEntryAsync(await ScopeAsync(), id, Removal, null);
        return await AnswerAsync(outcome, "remove", "Removal", id, e => $"Đã đưa cán bộ ra khỏi quy hoạch từ ngày {VnFormat.Date(e.ToDate)}.");
    }

    private Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, string form, string prefix, int? removalFor, Func<T, string> notice)
    {
        if (outcome.Kind != OutcomeKind.Ok) (FailedForm, RemovalFor) = (form, removalFor);
        return AnswerFormAsync(outcome, Back, notice, prefix, CadreFields.ToDate, LoadAsync);
    }
}
