using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

public class CadreBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_OnALaptop_SeesWhoHoldsEachPost_FillsTheVacantSeat_AndReadsTheDayBeforeTheMerger()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == DemoSeeder.SecretaryCellCode))
            .Where(m => m.Status == MemberStatus.Official && m.OfficialOn < new DateOnly(2015, 1, 1) && !db.PostHoldings.Any(h => h.MemberId == m.Id))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName }).FirstAsync();

        var page = await app.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cán bộ và chức danh" })).ToBeVisibleAsync();
        var deputy = page.Locator("tr[data-vacant][data-post-title='Phó Bí thư Tỉnh ủy Tây Ninh']");
        await Assertions.Expect(deputy).ToContainTextAsync("Còn trống 1");
        await Assertions.Expect(page.Locator("[data-cadre-summary]")).ToContainTextAsync("1 chỗ trống");
        await BrowserFixture.ShotAsync(page, "60-laptop-cadres-today");

        // The vacant deputy secretary's seat: the post, the member by name (no id), the dates typed dd/mm/yyyy.
        await page.GetByLabel("Chức danh", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Phó Bí thư Tỉnh ủy Tây Ninh (còn trống 1)" });
        await BrowserFixture.PickByNameAsync(page, "Đảng viên giữ chức danh", member.FullName);
        await page.GetByLabel("Giữ chức danh từ ngày").FillAsync("02/11/2026");
        await page.GetByLabel("Hình thức").SelectOptionAsync(new SelectOptionValue { Label = "Bầu" });
        await page.GetByLabel("Số quyết định").FillAsync("05-NQ/TU");
        await page.GetByLabel("Ngày quyết định").FillAsync("02/11/2026");
        await page.GetByLabel("Nhiệm kỳ từ năm").FillAsync("2025");
        await page.GetByLabel("đến năm").FillAsync("2030");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi người giữ chức danh" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã ghi người giữ chức danh từ ngày 02/11/2026");
        await Assertions.Expect(page.Locator("tr[data-vacant][data-post-title='Phó Bí thư Tỉnh ủy Tây Ninh']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table[data-posts]")).ToContainTextAsync(member.FullName);
        Assert.Equal(1, await db.PostHoldings.CountAsync(h => h.MemberId == member.Id && h.ToDate == null));

        // The day before the merger: the two provinces' committees, as they stood.
        await page.GetByRole(AriaRole.Link, new() { Name = "30/06/2025 (trước sáp nhập)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-cadre-summary]")).ToContainTextAsync("Tổ chức chưa thành lập vào ngày này");
        await Assertions.Expect(page.Locator("table[data-posts]")).ToContainTextAsync("Bí thư Tỉnh ủy Long An");
        await Assertions.Expect(page.Locator("table[data-posts]")).ToContainTextAsync("nhiệm kỳ 2020–2025");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "61-laptop-cadres-before-merger");
    }

    [Fact]
    public async Task Clerk_OnAPhone_ReadsThePostsAsCards_WithoutSidewaysScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Cadres");
        await Assertions.Expect(page.Locator("table[data-posts]")).ToContainTextAsync("Bí thư Tỉnh ủy Tây Ninh");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        // The other cadre pages are reached from the first screen, not past the long list of posts.
        var training = page.Locator("nav.cadre-tabs").GetByRole(AriaRole.Link, new() { Name = "Đào tạo, bồi dưỡng" });
        Assert.True((await training.BoundingBoxAsync())!.Y + 40 < 844);
        await BrowserFixture.ShotAsync(page, "62-phone-cadres-today");
        await training.ClickAsync();
        await Assertions.Expect(page.Locator("nav.cadre-tabs [aria-current=page]")).ToHaveTextAsync("Đào tạo, bồi dưỡng");
    }
}
