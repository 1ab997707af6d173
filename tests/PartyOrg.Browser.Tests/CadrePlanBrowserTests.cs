using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

namespace PartyOrg.Browser.Tests;

public class CadrePlanBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_OnALaptop_ReadsThe2025Plan_AndAddsACadre_PickedByName()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var busy = await db.PostHoldings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Concat(db.PlanEntries.Select(e => e.MemberId)).ToListAsync();
        var disciplined = await db.DisciplineDecisions.Where(d => d.MemberId != null).Select(d => d.MemberId!.Value).ToListAsync();
        var member = await db.Members.Where(m => m.Status == MemberStatus.Official && m.DateOfBirth > new DateOnly(1980, 1, 1) && !busy.Contains(m.Id) && !disciplined.Contains(m.Id))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName }).FirstAsync();

        var page = await app.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Cadres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quy hoạch cán bộ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quy hoạch cán bộ nhiệm kỳ 2025–2030" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-plan-summary]")).ToContainTextAsync("156-QĐ/TU");
        await Assertions.Expect(page.Locator("table[data-composition]")).ToContainTextAsync("Dưới 40 tuổi");
        var head = page.Locator("table[data-plan] tr[data-entry][data-post-title='Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh']");
        var before = await head.CountAsync();

        await page.GetByLabel("Chức danh", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh ({before} cán bộ)" });
        await BrowserFixture.PickByNameAsync(page, "Cán bộ đưa vào quy hoạch", member.FullName);
        await page.Locator("#efrom").FillAsync(DateTime.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#enumber").FillAsync("201-QĐ/TU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đưa vào quy hoạch" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã đưa cán bộ vào quy hoạch");
        await Assertions.Expect(head).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("table[data-plan]")).ToContainTextAsync(member.FullName);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "63-laptop-cadre-plan");
    }

    [Fact]
    public async Task Clerk_OnAPhone_ReadsThePlanAndTheConfidenceVote_WithoutSidewaysScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Cadres/Plan");
        await Assertions.Expect(page.Locator("table[data-composition]")).ToContainTextAsync("Nữ");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "64-phone-cadre-plan");

        await page.GotoAsync("/Cadres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lấy phiếu tín nhiệm" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[data-round]").First).ToContainTextAsync("Ngày 15/06/2026: 43/45 có mặt, 43 phiếu thu về");
        await Assertions.Expect(page.Locator("fieldset[data-candidate]").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "65-phone-confidence-votes");
    }
}
