using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

/// <summary>
/// One transfer: its letter and state; for the receiving side, the receipt (with the reason when the letter comes late) and,
/// for a late receipt, the committee's decision on the late period (LateTransferRule), the committee picked by name.
/// Every write lands on a fresh GET, so a refresh records nothing twice.
/// </summary>
public sealed class DetailsModel(TransferLedger transfers, AppDbContext db, Calendar calendar, AuditHistory history) : ScopedPage
{
    [BindProperty] public TransferReceiptInput Receipt { get; set; } = new();
    /// <summary>The committee's decision on the late period (named Input so that errors sit beside its fields).</summary>
    [BindProperty] public TransferLateDecisionInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty(SupportsGet = true, Name = "c")] public int? CommitteeParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "cq")] public string? CommitteeQuery { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowHistory { get; set; }

    public TransferView Transfer { get; private set; } = null!;
    public bool CanReceive { get; private set; }
    public bool CanDecideLate { get; private set; }
    public PickerField? CommitteePicker { get; private set; }
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Input.OrganizationId = CommitteeParam;
        Input.DecidedOn = InputParsing.Show(calendar.Today);
        Receipt.ReceivedOn = InputParsing.Show(calendar.Today);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReceiveAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await transfers.ReceiveAsync(await ScopeAsync(), id, Receipt);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        var t = await transfers.GetAsync(await ScopeAsync(), id);
        TempData[Notice.Key] = $"Đã tiếp nhận sinh hoạt đảng của đồng chí {t?.MemberName} vào {t?.ToOrganizationName}."
            + (t?.AwaitingLateDecision == true ? $" Giấy giới thiệu nộp quá hạn: chờ cấp ủy xem xét thời gian quá hạn có tính vào tuổi đảng không." : "");
        return Redirect($"/Transfers/Details/{id}");
    }

    public async Task<IActionResult> OnPostLateAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Confirmed)
        {
            ShowErrors([new FieldError("confirmed", "Xác nhận: hãy đánh dấu “Tôi xác nhận” – quyết định đã ghi không hoàn tác được.")]);
            return Page();
        }
        var outcome = await transfers.DecideLateAsync(await ScopeAsync(), id, Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        TempData[Notice.Key] = $"Đã ghi quyết định số {outcome.Value!.LateDecisionNumber} về việc nộp giấy giới thiệu quá hạn của đồng chí {Transfer.MemberName}: "
            + (outcome.Value.LateCountsInPartyAge == true ? "thời gian quá hạn được tính vào tuổi đảng." : "thời gian quá hạn không tính vào tuổi đảng.");
        return Redirect($"/Transfers/Details/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return false;
        if (await transfers.GetAsync(scope, id) is not { } t) return false;
        Transfer = t;
        var toPath = await transfers.ToPathAsync(id);
        var canWriteThere = scope.CanWrite && toPath is not null && scope.CanWriteAt(toPath);
        CanReceive = canWriteThere && t.State == TransferState.InTransit;
        CanDecideLate = canWriteThere && t.AwaitingLateDecision;
        if (CanDecideLate)
        {
            var queries = new PickerQueries(db);
            var above = await queries.CommitteesAboveAsync(scope, t.ToOrganizationId);
            var matches = string.IsNullOrWhiteSpace(CommitteeQuery) ? above : await queries.CommitteesAboveAsync(scope, t.ToOrganizationId, CommitteeQuery);
            if (Request.Method == HttpMethods.Get) Input.OrganizationId ??= above.FirstOrDefault()?.Id;
            CommitteePicker = new PickerField
            {
                Name = "Input.OrganizationId", Label = "Cấp ủy quyết định", QueryName = "cq", Query = CommitteeQuery, ErrorKey = "Input.OrganizationId",
                Source = $"/api/v1/pickers/organizations?kind=committee&above={t.ToOrganizationId}",
                Hint = "Cấp ủy cấp trên của chi bộ nơi đến đã xem xét việc nộp giấy giới thiệu quá hạn.",
                Selected = above.FirstOrDefault(a => a.Id == Input.OrganizationId),
                Matches = matches,
            };
        }
        if (ShowHistory) History = await history.ForAsync("MemberTransfer", id);
        return true;
    }
}
