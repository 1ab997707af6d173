using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Account;

/// <summary>
/// Signs out and renews the account's security stamp, so that a copy of this session's cookie, and every other session
/// or API token of the account, stops working at once.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AccountLog log) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await log.WriteAsync(user.UserName!, AccountEventKinds.SignedOut);
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
