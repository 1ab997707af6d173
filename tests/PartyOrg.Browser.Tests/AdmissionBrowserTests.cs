using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

public class AdmissionBrowserTests(BrowserFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string D(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_TakesOnePersonFromSourceToOfficialMember()
    {
        // Two long-standing official members of the secretary's cell sponsor the applicant.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sponsors = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == DemoSeeder.SecretaryCellCode))
            .Where(m => m.Status == MemberStatus.Official && m.OfficialOn < Today.AddYears(-3)).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync();

        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phát triển đảng viên" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "11-phone-admissions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm người vào nguồn" }).ClickAsync();

        await page.GetByLabel("Họ và tên").FillAsync("Huỳnh Thị Ngọc Hân");
        await page.GetByLabel("Giới tính").SelectOptionAsync("Female");
        await page.GetByLabel("Ngày sinh").FillAsync("2001-08-19");
        await page.GetByLabel("Số CCCD (12 chữ số)").FillAsync("072301555777");
        await page.GetByLabel("Đối tượng nguồn").SelectOptionAsync("YouthUnion");
        await page.GetByLabel("Ngày đưa vào nguồn").FillAsync(D(-540));
        await BrowserFixture.ShotAsync(page, "12-phone-new-source");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu vào nguồn kết nạp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Huỳnh Thị Ngọc Hân" })).ToBeVisibleAsync();

        await StepAsync(page, D(-500), number: "416/GCN-TTCT");
        await page.Locator("#sponsor1").SelectOptionAsync(sponsors[0].ToString(CultureInfo.InvariantCulture));
        await page.Locator("#since1").FillAsync(D(-1500));
        await page.Locator("#sponsor2").SelectOptionAsync(sponsors[1].ToString(CultureInfo.InvariantCulture));
        await page.Locator("#since2").FillAsync(D(-1400));
        await StepAsync(page, D(-490));
        await StepAsync(page, D(-470));
        await StepAsync(page, D(-460), number: "11-NQ/CB");
        await StepAsync(page, D(-430), number: "520-QĐ/ĐU");
        await BrowserFixture.ShotAsync(page, "13-phone-case-before-ceremony");
        await StepAsync(page, D(-420));
        await Assertions.Expect(page.Locator(".badge-step")).ToHaveTextAsync("Đã kết nạp");
        await BrowserFixture.ShotAsync(page, "14-phone-case-admitted");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mở hồ sơ đảng viên" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Công nhận đảng viên chính thức" }).ClickAsync();
        await page.GetByLabel("Ngày quyết định").FillAsync(D(0));
        await page.GetByLabel("Số quyết định").FillAsync("97-QĐ/ĐU");
        await page.GetByLabel("Tôi xác nhận").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã ghi quyết định công nhận đảng viên chính thức cho đồng chí Huỳnh Thị Ngọc Hân.");
        await BrowserFixture.ShotAsync(page, "15-phone-recognized");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ" , Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.record")).ToContainTextAsync(Today.AddDays(-420).AddMonths(12).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static async Task StepAsync(IPage page, string date, string? number = null)
    {
        await page.Locator("#Input_Date").FillAsync(date);
        if (number is not null) await page.Locator("#Input_Number").FillAsync(number);
        await page.Locator("form button[type=submit]", new() { HasTextString = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã ghi bước");
    }
}
