using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;
using PartyOrg.Web.Features.Ratings;

namespace PartyOrg.Browser.Tests;

/// <summary>A secretary rates her whole cell on a phone: one page, every member's self-assessment and proposal, one submit.</summary>
public class RatingBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task SecretaryRatesHerWholeCell_OnAPhone_WithoutSidewaysScrolling()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var year = scope.ServiceProvider.GetRequiredService<RatingBook>().Today.Year;
        var cell = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Code == DemoSeeder.SecretaryCellCode).Select(o => o.Id).SingleAsync();
        var url = $"/Ratings/Cell?org={cell}&year={year}";

        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GotoAsync(url);
        var rows = page.Locator("fieldset.rating-row[data-subject^='m']");
        var count = await rows.CountAsync();
        Assert.True(count > 0, "the cell has members to rate");
        Assert.Equal(0, await page.Locator("select[name$='.DecidedLevel']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the bulk page scrolls sideways on a phone");
        // Big touch targets: every level choice and the save button are at least 44 px high.
        var heights = await page.Locator("form.rating-bulk select, form.rating-bulk button[type=submit]").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 44, $"a control is {h}px high"));
        await BrowserFixture.ShotAsync(page, "40-phone-rating-cell");

        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            // From 2025 the level follows the points: 50–69 is "hoàn thành nhiệm vụ".
            await row.Locator("select[name$='.SelfLevel']").SelectOptionAsync(new SelectOptionValue { Label = "Hoàn thành nhiệm vụ" });
            await row.Locator("input[name$='.SelfPoints']").FillAsync("65");
            await row.Locator("select[name$='.ProposedLevel']").SelectOptionAsync(new SelectOptionValue { Label = "Hoàn thành nhiệm vụ" });
            var box = await row.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"member card {i} reaches {box?.X + box?.Width}px");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tất cả" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync($"Đã lưu đánh giá, xếp loại năm {year}: {count} đảng viên");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Assertions.Expect(rows.First.Locator("input[name$='.SelfPoints']")).ToHaveValueAsync("65");
        await BrowserFixture.ShotAsync(page, "41-phone-rating-cell-saved");

        // The same session on a laptop's width (a second sign-in is not what is tested here).
        await page.SetViewportSizeAsync(1366, 860);
        await page.GotoAsync(url);
        Assert.Equal(1366, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await BrowserFixture.ShotAsync(page, "42-desktop-rating-cell");
        await page.GotoAsync($"/Ratings?org={cell}&year={year}");
        await BrowserFixture.ShotAsync(page, "43-desktop-ratings");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/Ratings?org={cell}&year={year}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the round page scrolls sideways on a phone");
        await BrowserFixture.ShotAsync(page, "44-phone-ratings");
        await page.Context.CloseAsync();
    }
}
