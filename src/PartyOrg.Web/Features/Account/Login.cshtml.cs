using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Account;

/// <summary>Sign-in with user name and password, then the authenticator code when the account has two-factor sign-in.</summary>
public sealed class LoginModel(SignInGate gate, SignInManager<AppUser> signIn, AccountLog log) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }
    /// <summary>The password was right; the page now asks for the authenticator code.</summary>
    public bool AskCode { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Message = "Vui lòng nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        var (check, user) = await gate.CheckPasswordAsync(UserName, Password);
        switch (check)
        {
            case SignInCheck.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Message = SignInGate.ThrottledMessage;
                return Page();
            case SignInCheck.Failed:
                Message = SignInGate.FailedMessage;
                return Page();
            case SignInCheck.NeedsTwoFactor:
                // Remembers who passed the password step (Identity's own short-lived cookie) until the code comes.
                await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user!.Id)], IdentityConstants.TwoFactorUserIdScheme)));
                AskCode = true;
                Password = null;
                return Page();
            default:
                return await FinishAsync(user!);
        }
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Message = "Phiên đăng nhập đã hết hạn; vui lòng nhập lại tên đăng nhập và mật khẩu.";
            return Page();
        }
        if (!await gate.CheckTwoFactorAsync(user, Code))
        {
            AskCode = true;
            Message = "Mã xác thực không đúng hoặc đã hết hạn.";
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return await FinishAsync(user);
    }

    private async Task<IActionResult> FinishAsync(AppUser user)
    {
        await signIn.SignInAsync(user, isPersistent: false);
        await log.WriteAsync(user.UserName!, AccountEventKinds.SignedIn, actorName: user.UserName);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
