using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class ReportBrowserTests(BrowserFixture app)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "laptop")]
    public async Task CommissionClerk_ReadsThe2025AnnualReport_FollowsARatingFigureToItsMembers(int width, int height, string device)
    {
        var page = await app.NewPageAsync(width, height);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo công tác tổ chức xây dựng Đảng" })).ToBeVisibleAsync();
        await page.Locator("#year").SelectOptionAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-ratings")).ToContainTextAsync("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: năm 2024 đạt");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the report scrolls sideways");
        await BrowserFixture.ShotAsync(page, $"80-{device}-report-2025");

        var goodMembers = page.Locator("#report-ratings tr", new() { HasText = "Đảng viên năm 2025" }).Locator("td[data-label='Tốt trở lên'] a[data-count]");
        var count = int.Parse((await goodMembers.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        await goodMembers.ClickAsync();
        await Assertions.Expect(page.Locator("[data-pager-status]")).ToContainTextAsync(
            $"· {count.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} đảng viên");
        await page.Context.CloseAsync();
    }
}
