using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class TreeBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_OnAPhone_MovesTheTreeToTheDayBeforeTheMerger_AndBackToToday_WithoutSidewaysScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Organizations");
        await Assertions.Expect(page.Locator(".asof-reading")).ToContainTextAsync("(hôm nay)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trước sáp nhập (30/06/2025)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".asof-reading")).ToContainTextAsync("tại ngày 30/06/2025");
        await Assertions.Expect(page.Locator(".alert-warning")).ToContainTextAsync("chưa thành lập");
        var rows = page.Locator("table.table-cards tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("Tổ chức tiền thân");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "30-phone-tree-before-merger");

        // Into a predecessor on that date, then to its successor, then back to today.
        await rows.GetByRole(AriaRole.Link, new() { Name = "Đảng bộ tỉnh Long An" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đảng bộ tỉnh Long An");
        await Assertions.Expect(page.Locator(".asof-reading")).ToContainTextAsync("tại ngày 30/06/2025");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Locator(".merger-link a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đảng bộ tỉnh Tây Ninh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hôm nay" }).ClickAsync();
        await Assertions.Expect(page.Locator(".asof-reading")).ToContainTextAsync("(hôm nay)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "31-phone-tree-today");
    }
}
