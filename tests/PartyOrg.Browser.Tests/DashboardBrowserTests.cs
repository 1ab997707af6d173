using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class DashboardBrowserTests(BrowserFixture app)
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task Clerk_OpensTheDashboard_OnADesktopAndAPhone_AndDownloadsTheAnnualReport()
    {
        var year = DateTime.Today.Year - 1;
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng quan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Tổng quan năm {DateTime.Today.Year}" })).ToBeVisibleAsync();
        await page.Locator("#year").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Tổng quan năm {year}" })).ToBeVisibleAsync();
        // Every chart drawn, each bar a shape in the server's SVG.
        foreach (var id in new[] { "chart-ratings-members-svg", "chart-ratings-orgs-svg", "chart-months-svg", "chart-pyramid-svg", "chart-party-age-svg" })
        {
            await Assertions.Expect(page.Locator($"#{id}")).ToBeVisibleAsync();
            Assert.True(await page.Locator($"#{id} rect.chart-bar").CountAsync() > 0, id);
        }
        Assert.True(await page.EvaluateAsync<bool>(NoSidewaysScroll));
        await BrowserFixture.ShotAsync(page, "80-dashboard-desktop");
        var url = page.Url;
        var name = (await page.Locator(".asof-reading strong").First.TextContentAsync())!.Trim();

        var phone = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, "tochuc");
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator("#chart-pyramid-svg")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>(NoSidewaysScroll));
        // The charts fit the phone's width.
        Assert.True(await phone.EvaluateAsync<bool>("() => [...document.querySelectorAll('svg.chart-svg')].every(s => s.getBoundingClientRect().right <= window.innerWidth)"));
        await BrowserFixture.ShotAsync(phone, "81-dashboard-phone");
        await phone.Context.CloseAsync();

        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-report=docx]").ClickAsync());
        Assert.Equal($"bao-cao-annual-{year}.docx", report.SuggestedFilename);
        using var document = WordprocessingDocument.Open(await report.PathAsync(), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        Assert.Contains(paragraphs, p => p.ToUpper(vi).Contains(name.ToUpper(vi), StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
