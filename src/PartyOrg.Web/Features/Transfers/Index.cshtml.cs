using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

/// <summary>Transfers leaving and entering the user's scope: confirm a receipt, withdraw or close; letters are issued on New.</summary>
public sealed class IndexModel(TransferLedger transfers, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    /// <summary>Only the late receipts waiting for the committee's decision on the late period.</summary>
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);
    [BindProperty] public TransferReceiptInput Receipt { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }

    public Page<TransferView> Items { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public bool CanWrite { get; private set; }
    /// <summary>A withdrawal or closing posted without confirmation, waiting for it (pages without scripts).</summary>
    public TransferView? ToConfirm { get; private set; }
    public DateOnly Today => calendar.Today;

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostReceiveAsync(int id)
    {
        var scope = await ScopeAsync();
        var outcome = await transfers.ReceiveAsync(scope, id, Receipt);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return await LoadAsync();
        var t = await transfers.GetAsync(scope, id);
        TempData[Notice.Key] = $"Đã tiếp nhận sinh hoạt đảng của đồng chí {t?.MemberName} vào {t?.ToOrganizationName}."
            + (t?.AwaitingLateDecision == true ? " Giấy giới thiệu nộp quá hạn: chờ cấp ủy xem xét thời gian quá hạn có tính vào tuổi đảng không." : "");
        return Redirect(All ? "/Transfers?all=true" : "/Transfers");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var scope = await ScopeAsync();
        if (!Confirmed)
        {
            ToConfirm = await transfers.GetAsync(scope, id);
            return ToConfirm is null ? NotFound() : await LoadAsync();
        }
        var outcome = await transfers.CloseAsync(scope, id);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return await LoadAsync();
        var t = await transfers.GetAsync(scope, id);
        TempData[Notice.Key] = t?.State == Domain.Lifecycle.TransferState.Cancelled
            ? $"Đã hủy giấy giới thiệu chuyển sinh hoạt của đồng chí {t.MemberName}."
            : $"Đã ghi đồng chí {t?.MemberName} trở về sinh hoạt tại {t?.FromOrganizationName}.";
        return Redirect(All ? "/Transfers?all=true" : "/Transfers");
    }

    private async Task<IActionResult> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return Forbid();
        Items = await transfers.PageAsync(scope, All, Late, PageNumber, Paging.DefaultSize);
        CanWrite = scope.CanWrite;
        return Page();
    }
}
