using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>
/// Cases of cadre work for the managing commission: the appointments due for reappointment, the open cases with their steps and
/// the forms to add a step, decide or stop, the year's decided cases and figures, and a form to open a case (cadre picked by name,
/// posts and holdings picked from the organization's list).
/// </summary>
public sealed class CasesModel(CadreCases cases, CadreRegister register, AppDbContext db, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "mq")] public string? MemberQuery { get; set; }
    [BindProperty] public CaseInput Input { get; set; } = new();
    [BindProperty] public CaseStepInput Step { get; set; } = new();
    [BindProperty] public CaseDecisionInput Decision { get; set; } = new();
    [BindProperty] public CaseWithdrawalInput Withdrawal { get; set; } = new();

    public CasesView View { get; private set; } = null!;
    public PostsOnDate Posts { get; private set; } = null!;
    public PickerField OrgPicker { get; private set; } = null!;
    public PickerField MemberPicker { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    /// <summary>The case whose form was refused, and which form ("step", "decide", "withdraw"), to show it open with its errors.</summary>
    public (int Id, string Form)? FailedFor { get; private set; }
    public DateOnly Today => calendar.Today;
    public int NoticeDays => register.Settings.ReappointmentNoticeDays;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        var year = Year is >= 1930 and <= 2100 ? Year.Value : Today.Year;
        if (await cases.ListAsync(scope, Org, year) is not { } view || await register.OnDateAsync(scope, view.OrganizationId, Today) is not { } posts) return false;
        (View, Posts) = (view, posts);
        var pickers = new PickerQueries(db);
        OrgPicker = await PickerField.OrganizationOfPageAsync(pickers, scope, view.OrganizationId, OrgQuery, "cases-form");
        var org = await db.Organizations.FindAsync(view.OrganizationId);
        MayWrite = scope.CanWriteAt(org!.Path);
        MemberPicker = await PickerField.MemberOfFormAsync(pickers, scope, "Input.MemberId", "Cán bộ", Input.MemberId, MemberQuery, "cases-form", officialOnly: false,
            "Gõ họ tên, có dấu hoặc không, rồi chọn một dòng. Miễn nhiệm, cho thôi giữ chức vụ, bổ nhiệm lại: chỉ cần chọn chức danh đang giữ.");
        return true;
    }

    private string Back => $"/Cadres/Cases?org={Org}&year={Year}";

    public async Task<IActionResult> OnPostOpenAsync()
    {
        var outcome = await cases.OpenAsync(await ScopeAsync(), Input);
        return await AnswerAsync(outcome, "Input", null, c => $"Đã mở hồ sơ {c.Kind.Label().ToLowerInvariant()} ngày {VnFormat.Date(c.ProposedOn)}.");
    }

    public async Task<IActionResult> OnPostStepAsync(int id, int version) =>
        await AnswerAsync(await cases.AddStepAsync(await ScopeAsync(), id, Step, version), "Step", (id, "step"), c => "Đã ghi bước của hồ sơ.");

    public async Task<IActionResult> OnPostDecideAsync(int id, int version) =>
        await AnswerAsync(await cases.DecideAsync(await ScopeAsync(), id, Decision, version), "Decision", (id, "decide"),
            c => $"Đã ghi quyết định {c.Kind.Label().ToLowerInvariant()} số {c.DecisionNumber}, có hiệu lực từ {VnFormat.Date(c.EffectiveOn)}.");

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int version) =>
        await AnswerAsync(await cases.WithdrawAsync(await ScopeAsync(), id, Withdrawal, version), "Withdrawal", (id, "withdraw"), c => "Đã dừng hồ sơ.");

    private Task<IActionResult> AnswerAsync(Outcome<AppointmentCase> outcome, string prefix, (int, string)? failedFor, Func<AppointmentCase, string> notice)
    {
        if (outcome.Kind != OutcomeKind.Ok) FailedFor = failedFor;
        return AnswerFormAsync(outcome, Back, notice, prefix, CaseFields.DecisionNumber, LoadAsync);
    }
}
