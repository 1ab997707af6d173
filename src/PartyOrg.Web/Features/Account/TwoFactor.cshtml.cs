using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's authenticator provider): shows the key to enter in
/// the app, turns it on once a code from the app is confirmed, and off again.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInGate gate, AccountLog log) : ScopedPage
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (!await LoadAsync()) return Challenge();
        var user = (AppUser)HttpContext.Items[SessionCheck.UserKey]!;
        if (!await gate.CheckTwoFactorAsync(user, Code))
        {
            Errors = [new("code", "Mã xác thực: không đúng hoặc đã hết hạn; kiểm tra giờ trên điện thoại rồi nhập mã mới.")];
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await log.WriteAsync(user.UserName!, AccountEventKinds.TwoFactorEnabled);
        await signIn.RefreshSignInAsync(user);
        Done = "Đã bật xác thực hai lớp: từ lần đăng nhập sau, hãy nhập mã trong ứng dụng xác thực.";
        return Redirect("/Account/TwoFactor");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (HttpContext.Items[SessionCheck.UserKey] is not AppUser user) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await log.WriteAsync(user.UserName!, AccountEventKinds.TwoFactorDisabled);
        await signIn.RefreshSignInAsync(user);
        Done = "Đã tắt xác thực hai lớp.";
        return Redirect("/Account/TwoFactor");
    }

    private async Task<bool> LoadAsync()
    {
        if (HttpContext.Items[SessionCheck.UserKey] is not AppUser user) return false;
        Enabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp: renew this session's cookie with it, or the next request signs the user out.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        // Groups of four, as authenticator apps show them.
        var grouped = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4) grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        Key = grouped.ToString().Trim().ToLowerInvariant();
        Uri = $"otpauth://totp/PartyOrg:{System.Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=PartyOrg&digits=6";
        return true;
    }
}
