using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>Two-factor sign-in with an authenticator app, and the setting that requires it of staff.</summary>
public class TwoFactorTests(WebAppFixture app)
{
    private async Task<string> NewCommissionUserAsync()
    {
        var name = "tf" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async (db, sp) =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.Province);
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, ScopeOrganizationId = org.Id, CanWrite = true };
            Assert.True((await users.CreateAsync(user, WebAppFixture.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Commission);
        });
        return name;
    }

    [Fact]
    public async Task AuthenticatorSetUpOnThePage_ThenTokensAndSignInNeedTheCode()
    {
        var name = await NewCommissionUserAsync();
        var client = await PageClient.SignInAsync(app, name);
        var setup = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/TwoFactor"));
        var key = setup.QuerySelector("code.d-block")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await client.PostAsync("/Account/TwoFactor?handler=Enable", await PageClient.FormAsync(client, "/Account/TwoFactor", new() { ["Code"] = "000000" }));
        Assert.Contains("Mã xác thực: không đúng", await wrong.Content.ReadAsStringAsync());
        var enabled = await client.PostAsync("/Account/TwoFactor?handler=Enable", await PageClient.FormAsync(client, "/Account/TwoFactor", new() { ["Code"] = Totp(key) }));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);

        var withoutCode = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("twoFactorCode", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var withCode = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password, twoFactorCode = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        // The login page asks for the code after the password, and signs in with it.
        var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var step1 = await browser.PostAsync("/Account/Login", await PageClient.FormAsync(browser, "/Account/Login", new() { ["UserName"] = name, ["Password"] = WebAppFixture.Password }));
        var html = await step1.Content.ReadAsStringAsync();
        Assert.Contains("Mã xác thực", html);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var step2 = await browser.PostAsync("/Account/Login?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = Totp(key), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Organizations")).StatusCode);
    }

    [Fact]
    public async Task RequiredForStaff_HoldsStaffWithoutTheAuthenticatorToTheSetUpPage()
    {
        var name = await NewCommissionUserAsync();
        await using var strict = app.Factory.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForStaff", "true"));
        var api = strict.CreateClient();
        var token = (await (await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var refused = await api.GetAsync("/api/v1/organizations/root");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("xác thực hai lớp", await refused.Content.ReadAsStringAsync());

        var member = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await member.PostAsync("/Account/Login", await PageClient.FormAsync(member, "/Account/Login", new() { ["UserName"] = name, ["Password"] = WebAppFixture.Password }));
        var page = await member.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/TwoFactor", page.Headers.Location?.OriginalString);
    }

    /// <summary>RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for a base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var step = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(step);
        var hash = HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
