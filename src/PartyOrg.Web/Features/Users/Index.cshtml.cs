using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Users;

/// <summary>Accounts within reach: search, create, disable or enable, reset a password (shown once to the administrator).</summary>
public sealed class IndexModel(AccountAdmin admin, ScopedWrites writes) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public UserInput Input { get; set; } = new();
    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public IReadOnlyList<CellChoice> Cells { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var outcome = await admin.CreateAsync(await ScopeAsync(), Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Done = $"Đã tạo tài khoản {outcome.Value!.UserName} ({outcome.Value.RoleLabel}). Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.";
            return Redirect("/Users");
        }
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string userName) => ActAsync(admin.DisableAsync, userName, v => $"Đã khóa tài khoản {v.UserName}; mọi phiên làm việc của tài khoản đã kết thúc.");

    public Task<IActionResult> OnPostEnableAsync(string userName) => ActAsync(admin.EnableAsync, userName, v => $"Đã mở lại tài khoản {v.UserName}.");

    public async Task<IActionResult> OnPostResetAsync(string userName)
    {
        var outcome = await admin.ResetPasswordAsync(await ScopeAsync(), userName, null);
        if (Refusal(outcome) is { } refused) return refused;
        Done = outcome.Kind == OutcomeKind.Ok
            ? $"Mật khẩu tạm của {userName}: {outcome.Value} — hãy trao trực tiếp cho người dùng; mật khẩu này chỉ hiện một lần và phải đổi khi đăng nhập."
            : string.Join(" ", outcome.Errors.Select(e => e.Message));
        return Redirect("/Users");
    }

    private async Task<IActionResult> ActAsync(Func<UserScope, string, Task<Outcome<UserView>>> act, string userName, Func<UserView, string> message)
    {
        var outcome = await act(await ScopeAsync(), userName);
        if (Refusal(outcome) is { } refused) return refused;
        Done = outcome.Kind == OutcomeKind.Ok ? message(outcome.Value!) : string.Join(" ", outcome.Errors.Select(e => e.Message));
        return Redirect("/Users");
    }

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!AccountAdmin.MayAdminister(scope)) return false;
        IsAdmin = scope.IsAdmin;
        Users = await admin.ListAsync(scope, Q);
        Cells = await writes.WritableCellsAsync(scope);
        return true;
    }
}
