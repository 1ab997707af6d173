using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class MemberListBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_OnAPhone_FiltersTheMemberList_AndTurnsThePage_WithoutSidewaysScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Members");
        await page.GetByLabel("Giới tính").SelectOptionAsync(new SelectOptionValue { Label = "Nữ" });
        await page.GetByLabel("Sắp xếp").SelectOptionAsync("birth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var status = page.Locator("[data-pager-status]");
        await Assertions.Expect(status).ToContainTextAsync("Trang 1/");
        await Assertions.Expect(status).ToContainTextAsync("đảng viên");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "20-phone-member-list-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sau ›" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Trang 2/");
        Assert.Contains("gender=Female", page.Url);
        Assert.Contains("sort=birth", page.Url);
        await Assertions.Expect(page.GetByLabel("Giới tính")).ToHaveValueAsync("Female");
        // Every card on the page is a woman's, and the cards fit the phone.
        var genders = await page.Locator(".member-table tbody td[data-label='Giới tính']").AllTextContentsAsync();
        Assert.NotEmpty(genders);
        Assert.All(genders, g => Assert.Equal("Nữ", g.Trim()));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "21-phone-member-list-page-2");
    }

    [Fact]
    public async Task Clerk_SearchesACommonName_SeesTheExactWordsFirst_AndAMoreThanCount_OnAPhoneAndALaptop()
    {
        foreach (var (width, height, shot) in new[] { (390, 844, "22-phone-member-search-common-word"), (1366, 900, "23-laptop-member-search-common-word") })
        {
            var page = await app.NewPageAsync(width, height);
            await BrowserFixture.SignInAsync(page, "admin");
            await page.GotoAsync("/Members");
            await page.Locator("#q").FillAsync("thị");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-pager-status]")).ToContainTextAsync("hơn 1.000 đảng viên");
            await Assertions.Expect(page.Locator("[data-search-capped]")).ToContainTextAsync("Gõ thêm chữ của tên");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
            await BrowserFixture.ShotAsync(page, shot);
        }
    }
}
