using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>
/// One admission case: its steps so far with their documents, the form for the next step, and dropping the case.
/// Sponsors and the deciding committee are picked by name; the decision, the ceremony and dropping are confirmed first.
/// Every write lands on a fresh GET, so a refresh never records a step twice.
/// </summary>
public sealed class DetailsModel(AdmissionQueries cases, AdmissionWorkflow workflow, AuditHistory history, Calendar calendar, AppDbContext db) : ScopedPage
{
    [BindProperty] public AdmissionStepInput Input { get; set; } = new();
    [BindProperty] public AdmissionDropInput Drop { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowHistory { get; set; }
    /// <summary>Choices already made, carried by a picker search made without scripts.</summary>
    [BindProperty(SupportsGet = true, Name = "s1")] public int? Sponsor1Param { get; set; }
    [BindProperty(SupportsGet = true, Name = "s2")] public int? Sponsor2Param { get; set; }
    [BindProperty(SupportsGet = true, Name = "ap")] public int? ApproverParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "s1q")] public string? Sponsor1Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "s2q")] public string? Sponsor2Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "apq")] public string? ApproverQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "lc")] public int? LateConsentParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "lcq")] public string? LateConsentQuery { get; set; }

    public AdmissionCaseDetail Case { get; private set; } = null!;
    public AdmissionStep? NextStep { get; private set; }
    public bool CanWrite { get; private set; }
    public PickerField? Sponsor1Picker { get; private set; }
    public PickerField? Sponsor2Picker { get; private set; }
    public PickerField? ApproverPicker { get; private set; }
    /// <summary>The higher committee consenting to a ceremony past its deadline (LateCeremonyRule).</summary>
    public PickerField? LateConsentPicker { get; private set; }
    /// <summary>The ceremony's deadline, while the case waits for it: past it, the form asks for the higher committee's consent.</summary>
    public DateOnly? CeremonyDue { get; private set; }
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    /// <summary>The drop form is shown open when it came back with errors.</summary>
    public bool DropOpen { get; private set; }

    /// <summary>What recording the step does, as the form and the message name it.</summary>
    public static string Action(AdmissionStep step) => step switch
    {
        AdmissionStep.Course => "Học lớp bồi dưỡng nhận thức về Đảng",
        AdmissionStep.Sponsors => "Phân công người giới thiệu",
        AdmissionStep.Application => "Nộp đơn xin vào Đảng",
        AdmissionStep.CellResolution => "Chi bộ ra nghị quyết",
        AdmissionStep.Decision => "Cấp ủy ra quyết định kết nạp",
        AdmissionStep.Ceremony => "Lễ kết nạp",
        _ => step.Label(),
    };

    /// <summary>The decision and the ceremony cannot be undone: they are confirmed before anything is saved.</summary>
    public static bool Irreversible(AdmissionStep step) => step is AdmissionStep.Decision or AdmissionStep.Ceremony;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Input.Sponsor1Id = Sponsor1Param;
        Input.Sponsor2Id = Sponsor2Param;
        Input.ApprovingOrganizationId = ApproverParam;
        Input.LateConsentOrganizationId = LateConsentParam;
        Input.Date = InputParsing.Show(calendar.Today);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var posted = Enum.TryParse<AdmissionStep>(Input.Step, ignoreCase: false, out var s) ? s : (AdmissionStep?)null;
        if (posted is { } step && Irreversible(step) && !Confirmed)
        {
            ShowErrors([new FieldError("confirmed", $"Xác nhận: hãy đánh dấu “Tôi xác nhận” – bước “{Action(step)}” đã ghi không hoàn tác được.")]);
            return Page();
        }
        var outcome = await workflow.AdvanceAsync(await ScopeAsync(), id, Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        TempData[Notice.Key] = $"Đã ghi bước {Action(outcome.Value!.Step)} cho {Case.Summary.FullName}.";
        return Redirect($"/Admissions/Details/{id}");
    }

    public async Task<IActionResult> OnPostDropAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Drop.Reason)) errors.Add(new(AdmissionFields.DropReason, "Lý do dừng xem xét: không được để trống."));
        if (!Confirmed) errors.Add(new("dropConfirmed", "Xác nhận: hãy đánh dấu “Tôi xác nhận” – hồ sơ đã dừng xem xét không mở lại được."));
        if (errors.Count == 0)
        {
            var outcome = await workflow.DropAsync(await ScopeAsync(), id, Drop);
            if (Refusal(outcome) is { } refused) return refused;
            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData[Notice.Key] = $"Đã dừng xem xét hồ sơ kết nạp của {Case.Summary.FullName}.";
                return Redirect($"/Admissions/Details/{id}");
            }
        }
        else ShowErrors(errors);
        // The reason box is marked too, so the first error gets the focus.
        if (Errors.Any(e => e.Field == AdmissionFields.DropReason)) ModelState.AddModelError("Drop.Reason", Errors.First(e => e.Field == AdmissionFields.DropReason).Message);
        DropOpen = true;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var scope = await ScopeAsync();
        var c = await cases.GetAsync(scope, id);
        if (c is null) return false;
        Case = c;
        var step = c.Summary.Step;
        NextStep = AdmissionQueries.IsOpen(step) ? step + 1 : null;
        var cellId = c.Summary.OrganizationId;
        CanWrite = NextStep is not null && scope.CanWriteAt(await cases.CellPathAsync(cellId));
        Input.Step ??= NextStep?.ToString();
        var queries = new PickerQueries(db);
        if (CanWrite && NextStep == AdmissionStep.Sponsors)
        {
            Sponsor1Picker = await SponsorPickerAsync(queries, scope, 1, Input.Sponsor1Id, Sponsor1Query);
            Sponsor2Picker = await SponsorPickerAsync(queries, scope, 2, Input.Sponsor2Id, Sponsor2Query);
        }
        if (CanWrite && NextStep == AdmissionStep.Decision)
        {
            // Only a few committees sit above a cell: all of them are listed, the nearest chosen unless another was.
            var above = await queries.CommitteesAboveAsync(scope, cellId);
            var matches = string.IsNullOrWhiteSpace(ApproverQuery) ? above : await queries.CommitteesAboveAsync(scope, cellId, ApproverQuery);
            Input.ApprovingOrganizationId ??= Request.Method == HttpMethods.Get ? above.FirstOrDefault()?.Id : null;
            ApproverPicker = new PickerField
            {
                Name = "Input.ApprovingOrganizationId", Label = "Cấp ủy quyết định kết nạp", QueryName = "apq", Query = ApproverQuery,
                ErrorKey = "Input.ApprovingOrganizationId", Source = $"/api/v1/pickers/organizations?kind=committee&above={cellId}",
                Hint = "Các cấp ủy cấp trên của chi bộ có thẩm quyền quyết định; chọn cấp ủy đã ký quyết định.",
                Selected = above.FirstOrDefault(a => a.Id == Input.ApprovingOrganizationId),
                Matches = matches,
            };
        }
        if (CanWrite && NextStep == AdmissionStep.Ceremony)
        {
            CeremonyDue = c.Summary.NextDeadline;
            var above = await queries.CommitteesAboveAsync(scope, cellId);
            var matches = string.IsNullOrWhiteSpace(LateConsentQuery) ? above : await queries.CommitteesAboveAsync(scope, cellId, LateConsentQuery);
            // Once the deadline has passed the consent is needed: the nearest committee above is offered first.
            if (Request.Method == HttpMethods.Get && c.Summary.Overdue) Input.LateConsentOrganizationId ??= above.FirstOrDefault()?.Id;
            LateConsentPicker = new PickerField
            {
                Name = "Input.LateConsentOrganizationId", Label = AdmissionFields.Label(AdmissionFields.LateConsentOrganization), QueryName = "lcq", Query = LateConsentQuery,
                ErrorKey = "Input.LateConsentOrganizationId", Source = $"/api/v1/pickers/organizations?kind=committee&above={cellId}",
                Hint = "Cấp ủy cấp trên đã đồng ý cho tổ chức lễ kết nạp quá hạn.",
                Selected = above.FirstOrDefault(a => a.Id == Input.LateConsentOrganizationId),
                Matches = matches,
            };
        }
        if (ShowHistory) History = await history.ForAsync("AdmissionCase", id);
        return true;
    }

    private static async Task<PickerField> SponsorPickerAsync(PickerQueries queries, UserScope scope, int n, int? chosen, string? query)
    {
        var selected = await queries.MemberAsync(scope, chosen);
        return new PickerField
        {
            Name = $"Input.Sponsor{n}Id", Label = $"Người giới thiệu thứ {n}", QueryName = $"s{n}q", Query = query,
            Source = "/api/v1/pickers/members?official=true&former=true",
            Hint = "Đảng viên chính thức vào ngày phân công (người đã từ trần, ra khỏi Đảng sau ngày đó vẫn được chọn). Gõ tên, có dấu hoặc không (ví dụ: nguyen van an), rồi chọn một dòng.",
            Selected = selected,
            Matches = await queries.MembersAsync(scope, query, officialOnly: true, includeFormer: true),
        };
    }
}
