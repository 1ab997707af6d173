using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Web.Data;

namespace PartyOrg.Browser.Tests;

public class CalendarBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Administrator_OnAPhone_ReadsTheYearAndRecordsASwap()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc", Exact = true }).ClickAsync();
        await page.GotoAsync("/Calendar/2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lịch làm việc năm 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("td", new() { HasTextString = "12729/VPCP-KGVX" }).First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "61-phone-calendar-2026");

        await page.GotoAsync("/Calendar/2030");
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("05/01/2030"); // a Saturday
        await page.GetByLabel("Loại").SelectOptionAsync("DayOff");
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Nghỉ hoán đổi (thử)");
        await page.GetByLabel("Căn cứ").FillAsync("Công văn thử");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi ngoại lệ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("là thứ Bảy");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("02/01/2030");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi ngoại lệ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("02/01/2030");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã thu hồi");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.CalendarExceptions.CountAsync(e => e.Year == 2030 && e.WithdrawnAt == null));
        await page.Context.CloseAsync();
    }
}
