using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>Sessions and tokens end when the account changes; sign-in reveals nothing; accounts are administered in scope.</summary>
public class AccountSecurityTests(WebAppFixture app)
{
    private async Task<string> NewCommissionUserAsync(string? code = null)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await app.WithDbAsync(async (db, sp) =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Code == (code ?? DemoCodes.Province));
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, ScopeOrganizationId = org.Id, CanWrite = true };
            Assert.True((await users.CreateAsync(user, WebAppFixture.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Commission);
        });
        return name;
    }

    private static Task<HttpResponseMessage> RootAsync(HttpClient client) => client.GetAsync("/api/v1/organizations/root");

    [Fact]
    public async Task Token_StopsWorkingAtOnce_WhenTheUserIsDisabled()
    {
        var name = await NewCommissionUserAsync();
        var client = await app.ApiAsAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await RootAsync(client)).StatusCode);

        var admin = await app.ApiAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{name}/disable", null)).StatusCode);

        var after = await RootAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        var again = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Token_StopsWorkingAtOnce_WhenTheUserIsLockedOut()
    {
        var name = await NewCommissionUserAsync();
        var client = await app.ApiAsAsync(name);
        await app.WithDbAsync(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync(name))!, DateTimeOffset.UtcNow.AddHours(1));
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await RootAsync(client)).StatusCode);
    }

    [Fact]
    public async Task Token_StopsWorkingAtOnce_WhenTheUserLosesTheRole()
    {
        var name = await NewCommissionUserAsync();
        var client = await app.ApiAsAsync(name);
        var member = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var admin = await app.ApiAsAsync("admin");

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{name}", new { role = "Member", memberId = member });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RootAsync(client)).StatusCode);
        var events = await app.WithDbAsync((db, _) => db.AccountEvents.Where(e => e.UserName == name).Select(e => e.Kind).ToListAsync());
        Assert.Contains("RoleChanged", events);
    }

    [Fact]
    public async Task Token_StopsWorkingAtOnce_WhenThePasswordChanges()
    {
        var name = await NewCommissionUserAsync();
        var client = await app.ApiAsAsync(name);
        var other = await app.ApiAsAsync(name);

        var changed = await client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = WebAppFixture.Password, newPassword = "Mat-khau-moi-2026!" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RootAsync(other)).StatusCode);
        var fresh = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Mat-khau-moi-2026!" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Token_OfAUserThatNoLongerExists_Answers401()
    {
        var name = await NewCommissionUserAsync();
        var client = await app.ApiAsAsync(name);
        await app.WithDbAsync(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.DeleteAsync((await users.FindByNameAsync(name))!);
        });
        var response = await RootAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("đăng nhập", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task Token_IsShortLivedAndRefreshes_UntilTheAccountIsDisabled()
    {
        var name = await NewCommissionUserAsync();
        var issued = await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(issued.GetProperty("expiresIn").GetInt32() <= 15 * 60);

        var refreshed = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = issued.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        await (await app.ApiAsAsync("admin")).PostAsync($"/api/v1/users/{name}/disable", null);
        var refused = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = issued.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndACopiedCookieNoLongerWorks()
    {
        var name = await NewCommissionUserAsync();
        var client = await PageClient.SignInAsync(app, name);
        var cookies = app.Factory.Server.BaseAddress;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Organizations")).StatusCode);
        // A second client holding a copy of the same session cookie.
        var copy = await PageClient.SignInAsync(app, name);

        var logout = await client.PostAsync("/Account/Logout", await PageClient.FormAsync(client, "/Organizations", []));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/Account/Login", logout.Headers.Location?.OriginalString);
        var afterwards = await client.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/Login", afterwards.Headers.Location?.PathAndQuery ?? afterwards.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/Organizations")).StatusCode);
        Assert.NotNull(cookies);
    }

    [Fact]
    public async Task SignIn_WrongPasswordUnknownUserAndDisabledAccount_GetTheSameAnswer()
    {
        var disabled = await NewCommissionUserAsync();
        await (await app.ApiAsAsync("admin")).PostAsync($"/api/v1/users/{disabled}/disable", null);
        var anonymous = app.Anonymous();

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var (user, password) in new[] { ("tochuc", "Sai-Mat-Khau-2026!"), ("khong-co-ai", WebAppFixture.Password), (disabled, WebAppFixture.Password) })
        {
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add((response.StatusCode, body.GetProperty("title").GetString()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng."), a));
        var logged = await app.WithDbAsync((db, _) => db.AccountEvents.Where(e => e.Kind == "SignInFailed" && (e.UserName == "khong-co-ai" || e.UserName == disabled)).CountAsync());
        Assert.Equal(2, logged);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_DoNotLockTheAccount()
    {
        var name = await NewCommissionUserAsync();
        for (var i = 0; i < 8; i++)
            await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Sai-Mat-Khau-2026!" });
        var right = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = WebAppFixture.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddressAndPerUserName_With429()
    {
        // The suite's host lifts the limits; this host on the same database keeps the defaults for addresses
        // and a low one for user names.
        await using var limited = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:SignInAttemptsPerAddress", "10");
            b.UseSetting("Security:SignInAttemptsPerUser", "3");
        });
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = $"Doan-{i}-Sai!" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 6; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"ai-do-{i}", password = "Doan-Sai-2026!" })).StatusCode);
        var last = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguoi-khac", password = "Doan-Sai-2026!" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        var page = await limited.CreateClient().GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var admin = await app.WithDbAsync(async (_, sp) => await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"));
        Assert.Null(admin!.LockoutEnd);
    }

    [Fact]
    public async Task Users_CommissionAdministersItsSubtreeOnly_AndResetForcesAPasswordChange()
    {
        var commune = await app.OrganizationIdAsync("80.27694");
        var commission = await app.ApiAsAsync("tochuc");
        var name = "bt" + Guid.NewGuid().ToString("N")[..8];
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);

        var created = await commission.PostAsJsonAsync("/api/v1/users", new { userName = name, password = "Khoi-Tao-2026!", role = "CellSecretary", organizationId = cell, canWrite = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var admin = await commission.PostAsJsonAsync("/api/v1/users", new { userName = name + "x", password = "Khoi-Tao-2026!", role = "Admin", canWrite = true });
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commission.GetAsync("/api/v1/users/admin")).StatusCode);
        var list = await commission.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "admin");
        var readOnly = await app.ApiAsAsync("xem-phuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.GetAsync("/api/v1/users")).StatusCode);

        // The first password was chosen by the commission: the user must change it before anything else.
        var secretary = await TokenClientAsync(name, "Khoi-Tao-2026!");
        Assert.Equal(HttpStatusCode.Forbidden, (await RootAsync(secretary)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "Khoi-Tao-2026!", newPassword = "Cua-Toi-2026!" })).StatusCode);
        secretary = await TokenClientAsync(name, "Cua-Toi-2026!");
        Assert.Equal(HttpStatusCode.OK, (await RootAsync(secretary)).StatusCode);

        var reset = await commission.PostAsJsonAsync($"/api/v1/users/{name}/reset-password", new { });
        var temporary = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await RootAsync(secretary)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RootAsync(await TokenClientAsync(name, temporary))).StatusCode);
        Assert.True(commune > 0);

        var kinds = await app.WithDbAsync((db, _) => db.AccountEvents.Where(e => e.UserName == name).Select(e => new { e.Kind, e.Ip, e.RequestId }).ToListAsync());
        Assert.Contains(kinds, k => k.Kind == "Created");
        Assert.Contains(kinds, k => k.Kind == "PasswordChanged");
        Assert.Contains(kinds, k => k.Kind == "PasswordReset");
        Assert.All(kinds, k => Assert.False(string.IsNullOrEmpty(k.RequestId)));
    }

    private async Task<HttpClient> TokenClientAsync(string userName, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task StaffPage_OpenedByAMember_SaysNoPermissionInVietnamese()
    {
        var member = await PageClient.SignInAsync(app, "dangvien");
        var response = await member.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Bạn không có quyền xem trang này", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.QuerySelector("header"));
    }
}
