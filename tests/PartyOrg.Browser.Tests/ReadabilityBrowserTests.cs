using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

/// <summary>The secretary's pages on a phone, and text that older members can read: sizes, contrast, the larger-text switch.</summary>
public class ReadabilityBrowserTests(BrowserFixture app)
{
    /// <summary>The pages a cell secretary works from, with the menu entry each one marks as current.</summary>
    public static TheoryData<string, string, string> SecretaryPages => new()
    {
        { "/", "Việc cần làm", "worklist" },
        { "/Probation?all=true", "Dự bị", "probation" },
        { "/Transfers?all=true", "Chuyển sinh hoạt", "transfers" },
        { "/Badges", "Huy hiệu", "badges" },
        { "/Admissions", "Phát triển đảng viên", "admissions" },
        { "/Members", "Đảng viên", "members" },
    };

    [Theory]
    [MemberData(nameof(SecretaryPages))]
    public async Task SecretaryPage_OnAPhone_FitsTheScreenAndMarksTheMenu(string url, string menu, string name)
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GotoAsync(url);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{url}: the page is {widths[0]}px wide on a {widths[1]}px screen.");
        var current = page.Locator(".app-nav [aria-current=page]");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToHaveTextAsync(menu);
        Assert.NotEqual(await StyleAsync(page, ".app-nav [aria-current=page]", "backgroundColor"), await StyleAsync(page, ".app-nav a:not([aria-current])", "backgroundColor"));
        // Each row of a list is a card: the whole card, its dates and status included, lies within the screen.
        foreach (var card in await page.Locator(".table-cards tbody tr").AllAsync())
        {
            var box = await card.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= widths[1], $"{url}: a card reaches {box?.X + box?.Width}px.");
        }
        Assert.Empty(await SmallTextAsync(page));
        await BrowserFixture.ShotAsync(page, $"20-phone-{name}");

        var wide = await app.NewPageAsync(1366, 860);
        await BrowserFixture.SignInAsync(wide, "bithu");
        await wide.GotoAsync(url);
        Assert.Equal(1366, await wide.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        if (await wide.Locator(".table-cards").CountAsync() > 0) await Assertions.Expect(wide.Locator(".table-cards thead").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(wide, $"21-desktop-{name}");
        await page.Context.CloseAsync();
        await wide.Context.CloseAsync();
    }

    [Fact]
    public async Task ProbationList_OnAPhone_HasNoSidewaysScrollAndShowsEachDateInTheCard()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GotoAsync("/Probation?all=true");
        await Assertions.Expect(page.Locator(".table-cards tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        // The column names a table head gives are shown inside the card.
        var first = page.Locator(".table-cards tbody tr").First;
        var labels = await first.Locator("td[data-label]").EvaluateAllAsync<string[]>("cells => cells.map(c => getComputedStyle(c, '::before').content)");
        Assert.Contains("\"Hết dự bị\"", labels);
        Assert.Contains("\"Tình trạng\"", labels);
        Assert.True(await page.Locator(".table-cards thead").First.EvaluateAsync<double>("t => t.getBoundingClientRect().width") <= 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KeyText_HasAContrastOfAtLeastFourAndAHalf_AndBodyTextIsSixteenPixels()
    {
        var (probationary, official) = await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.Where(o => o.Code == DemoSeeder.SecretaryCellCode).Select(o => o.Id).SingleAsync();
            var p = await db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Probationary).Select(m => m.Id).FirstAsync();
            var o = await db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Official).Select(m => m.Id).FirstAsync();
            return (p, o);
        });
        var admission = await WithDbAsync(db => db.AdmissionCases.Where(c => db.Organizations.Any(o => o.Id == c.OrganizationId && o.Code == DemoSeeder.SecretaryCellCode)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var page = await app.NewPageAsync(1366, 860);
        var measured = new Dictionary<string, double>();
        await MeasureAsync("/Account/Login", "label");
        await BrowserFixture.SignInAsync(page, "bithu");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)") >= 16);

        async Task MeasureAsync(string url, params string[] selectors)
        {
            await page.GotoAsync(url);
            foreach (var selector in selectors)
            {
                await Assertions.Expect(page.Locator(selector).First).ToBeVisibleAsync();
                measured[selector] = await page.Locator(selector).First.EvaluateAsync<double>("el => { " + ContrastScript + " return contrast(el); }");
            }
            // Every other visible text on the page too.
            var failing = await page.EvaluateAsync<string[]>("() => { " + ContrastScript + " return [...document.querySelectorAll('body *')].filter(hasText).filter(el => contrast(el) < 4.5).map(el => el.tagName + '.' + el.className + ' «' + el.textContent.trim().slice(0, 30) + '» ' + contrast(el).toFixed(2)); }");
            Assert.True(failing.Length == 0, url + ": " + string.Join("; ", failing));
            Assert.Empty(await SmallTextAsync(page));
        }
        await MeasureAsync("/", ".brand", ".brand span", ".nav-link-app[aria-current=page]", ".nav-link-app:not([aria-current])", ".user-name", ".text-muted", ".work-card .big");
        await MeasureAsync($"/Members/Details/{probationary}?tab=placements", ".nav-tabs .nav-link.active", ".nav-tabs .nav-link:not(.active)");
        await MeasureAsync("/Members?q=" + Uri.EscapeDataString(await NameAsync(probationary)), ".badge.status-Probationary");
        await MeasureAsync("/Members?q=" + Uri.EscapeDataString(await NameAsync(official)), ".badge.status-Official");
        await MeasureAsync("/Admissions", ".step-chip.active", ".step-chip:not(.active)");
        await MeasureAsync("/Probation?all=true", "td[data-label='Hết dự bị']");
        foreach (var url in new[] { "/Organizations", "/Targets", "/Transfers", "/Badges", $"/Members/Details/{probationary}?tab=history", $"/Members/Details/{probationary}?tab=decisions", $"/Members/Details/{official}", $"/Admissions/Details/{admission}?showHistory=true" })
            await MeasureAsync(url);
        Assert.All(measured, m => Assert.True(m.Value >= 4.5, $"{m.Key}: {m.Value:0.00}"));
        var report = string.Join(Environment.NewLine, measured.Select(m => $"{m.Key}\t{m.Value.ToString("0.00", CultureInfo.InvariantCulture)}"));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDir, "contrast.txt"), report);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LargerText_PersistsAcrossPagesAndIsRenderedByTheServer()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Chữ lớn" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var normal = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");

        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-large");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dự bị", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Probation", StringComparison.Ordinal));

        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)") >= normal * 1.2);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chữ lớn" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("large", await page.EvaluateAsync<string>("() => localStorage.getItem('text-size')"));
        // The server writes the class into the page itself, so it is large from the first paint.
        var html = await (await page.Context.APIRequest.GetAsync("/Probation")).TextAsync();
        Assert.Contains("<html lang=\"vi\" class=\"text-large\">", html);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(await SmallTextAsync(page));
        await BrowserFixture.ShotAsync(page, "22-phone-probation-large-text");

        await page.GetByRole(AriaRole.Button, new() { Name = "Chữ lớn" }).ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync("text-large");
        await page.Context.CloseAsync();
    }

    /// <summary>Contrast of an element's text against the first opaque background behind it (WCAG relative luminance).</summary>
    private const string ContrastScript = """
        const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
        const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
        const background = e => {
            const layers = [];
            for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c.a > 0) { layers.push(c); if (c.a === 1) break; } }
            return layers.reverse().reduce((acc, c) => over(c, acc), { r: 255, g: 255, b: 255, a: 1 });
        };
        const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
        const contrast = e => { const bg = background(e); const fg = over(parse(getComputedStyle(e).color), bg); const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
        const hasText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length > 0 && !e.closest('.visually-hidden, [disabled], option, script, style') && getComputedStyle(e).visibility === 'visible';
        """;

    /// <summary>Visible text set under 14px.</summary>
    private static Task<string[]> SmallTextAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
            .filter(e => parseFloat(getComputedStyle(e).fontSize) < 14)
            .map(e => e.tagName + '.' + e.className + ' ' + getComputedStyle(e).fontSize + ' «' + e.textContent.trim().slice(0, 30) + '»')
        """);

    private static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<string> NameAsync(int memberId) => WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.FullName).SingleAsync());
}
