using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

/// <summary>An administrator gives a secretary an account; the secretary's first sign-in makes them choose a password.</summary>
public class AccountBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Administrator_CreatesASecretary_WhoChoosesTheirOwnPasswordAtFirstSignIn()
    {
        var name = "bt" + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "tochuc");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).ClickAsync();
        await admin.GetByLabel("Tên đăng nhập").FillAsync(name);
        await admin.GetByLabel("Họ tên").FillAsync("Võ Thị Thanh Tâm");
        await admin.GetByLabel("Mật khẩu ban đầu").FillAsync("Tam-Thoi-2026!");
        await admin.GetByLabel("Vai trò").SelectOptionAsync("CellSecretary");
        var cell = admin.GetByLabel("Chi bộ (bí thư) hoặc tổ chức (cán bộ)");
        await cell.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.GetByLabel("Được ghi dữ liệu").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã tạo tài khoản {name}");
        await BrowserFixture.ShotAsync(admin, "30-desktop-users");

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/Account/Login");
        await phone.GetByLabel("Tên đăng nhập").FillAsync(name);
        await phone.GetByLabel("Mật khẩu").FillAsync("Tam-Thoi-2026!");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Whatever page the secretary opens, the password comes first.
        await phone.GotoAsync("/Probation");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Password$"));
        await BrowserFixture.ShotAsync(phone, "31-phone-must-change-password");
        await phone.GetByLabel("Mật khẩu hiện tại").FillAsync("Tam-Thoi-2026!");
        await phone.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("Cua-Rieng-Toi-2026!");
        await phone.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Cua-Rieng-Toi-2026!");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đổi mật khẩu");
        await phone.GotoAsync("/Probation");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Probation$"));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        // Two-factor set-up is one tap from the user's name.
        await phone.GetByRole(AriaRole.Link, new() { Name = name, Exact = false }).First.ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai lớp" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai lớp" })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(phone, "33-phone-two-factor");

        // Logging out ends the session: the browser's back button shows nothing personal.
        await phone.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await phone.GotoAsync("/Probation");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await phone.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_OpeningAStaffPage_SeesAVietnamesePageWithAWayBack()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "dangvien");
        var response = await page.GotoAsync("/Admissions");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bạn không có quyền xem trang này");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Về trang chủ" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "32-phone-forbidden");
        await page.Context.CloseAsync();
    }
}
