using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Users;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.Account;

/// <summary>Change one's own password; required right after a reset. Other sessions end; this one continues.</summary>
public sealed class PasswordModel(AccountAdmin admin, SignInManager<AppUser> signIn) : ScopedPage
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool Required { get; private set; }
    [TempData] public string? Done { get; set; }

    public void OnGet() => Required = (HttpContext.Items[SessionCheck.UserKey] as AppUser)?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        if (HttpContext.Items[SessionCheck.UserKey] is not AppUser user) return Challenge();
        Required = user.MustChangePassword;
        var errors = NewPassword != ConfirmPassword
            ? [new PartyOrg.Domain.Common.FieldError("confirmPassword", "Nhập lại mật khẩu mới: không khớp.")]
            : await admin.ChangeOwnPasswordAsync(user, CurrentPassword, NewPassword);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }
        // The stamp changed with the password: sign this session in again so that only the others end.
        await signIn.RefreshSignInAsync(user);
        Done = "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.";
        return Redirect("/Account/Password");
    }
}
