using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

/// <summary>Transfers leaving and entering the user's scope: issue a letter, confirm a receipt, withdraw or close.</summary>
public sealed class IndexModel(TransferLedger transfers, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int? Member { get; set; }
    public int? PageNumber => Paging.RequestedPage(Request);
    [BindProperty] public TransferInput Input { get; set; } = new();
    [BindProperty] public TransferReceiptInput Receipt { get; set; } = new();

    public Page<TransferView> Items { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public bool CanWrite { get; private set; }
    public string? Saved { get; private set; }
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        Input.MemberId = Member;
        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostIssueAsync() =>
        await AfterAsync(await transfers.IssueAsync(await ScopeAsync(), Input), "Đã lập giấy giới thiệu chuyển sinh hoạt đảng.");

    public async Task<IActionResult> OnPostReceiveAsync(int id) =>
        await AfterAsync(await transfers.ReceiveAsync(await ScopeAsync(), id, Receipt), "Đã tiếp nhận sinh hoạt đảng.");

    public async Task<IActionResult> OnPostCloseAsync(int id) =>
        await AfterAsync(await transfers.CloseAsync(await ScopeAsync(), id), "Đã cập nhật việc chuyển sinh hoạt.");

    private async Task<IActionResult> AfterAsync(Outcome<Data.MemberTransfer> outcome, string message)
    {
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = message;
            ModelState.Clear();
            Input = new();
        }
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return Forbid();
        Items = await transfers.PageAsync(scope, All, PageNumber, Paging.DefaultSize);
        CanWrite = scope.CanWrite;
        Input.IssuedOn ??= InputParsing.Show(Today);
        return Page();
    }
}
