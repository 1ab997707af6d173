using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class StatisticsBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task CommissionStaff_OnAPhone_ReadsTheStatisticsBeforeTheMerger_AndOpensTheListBehindAFigure()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thống kê", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thống kê số lượng, chất lượng" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "30/06/2025 (trước sáp nhập)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".asof-reading")).ToContainTextAsync("tổ chức tiền thân");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "70-phone-statistics-2025-06-30");

        var women = page.Locator("tr[data-measure='members.women'] a[data-count]");
        var count = await women.GetAttributeAsync("data-count");
        await women.ClickAsync();
        await Assertions.Expect(page.Locator("[data-pager-status]")).ToContainTextAsync(" đảng viên");
        var shown = await page.Locator("[data-pager-status]").TextContentAsync();
        Assert.Contains($"· {int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture).ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} đảng viên", shown);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Context.CloseAsync();
    }
}
