using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;

namespace PartyOrg.Browser.Tests;

public class MemberSearchBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_SignsIn_SearchesWithoutDiacritics_OpensTheMember_AndSeesTheHistory()
    {
        // A member whose name carries diacritics, typed the way a clerk types on a keyboard without Vietnamese input.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = await db.Members.Where(m => m.FullName.StartsWith("Nguyễn Thị")).OrderBy(m => m.Id).FirstAsync();
        var typed = VnText.Fold(member.FullName);
        Assert.NotEqual(member.FullName, typed);

        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "00-worklist");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức đảng", Exact = true }).ClickAsync();
        // A commission lands on its own province, with the organizations directly under it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đảng bộ tỉnh Tây Ninh", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".tree-table tbody tr")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(page, "01-organizations-top");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng viên", Exact = true }).ClickAsync();
        await page.GetByLabel("Tìm đảng viên").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(page.Locator(".member-table")).ToContainTextAsync(member.FullName);
        await BrowserFixture.ShotAsync(page, "02-member-search");

        await page.Locator($"a[href='/Members/Details/{member.Id}']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = member.FullName })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.record")).ToContainTextAsync(member.CitizenId);
        await BrowserFixture.ShotAsync(page, "03-member-record");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử thay đổi" }).ClickAsync();
        // Newest first: the record's creation is the last entry.
        await Assertions.Expect(page.Locator(".history-entry").Last).ToContainTextAsync("Tạo mới");
        await Assertions.Expect(page.Locator(".history-entry").Last).ToContainTextAsync(member.FullName);
        await BrowserFixture.ShotAsync(page, "04-member-history");
    }

    [Fact]
    public async Task Secretary_OnAPhone_SeesTheCellAndItsMembers()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await BrowserFixture.ShotAsync(page, "05-phone-secretary-worklist");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức đảng", Exact = true }).ClickAsync();
        // A secretary lands on her own cell.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chi bộ khu phố 1", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "05b-phone-secretary-top");
        await page.GetByRole(AriaRole.Link, new() { Name = "Danh sách đảng viên" }).ClickAsync();
        await Assertions.Expect(page.Locator(".member-table tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "06-phone-cell-members");
        await page.Locator(".member-table tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("dl.record")).ToContainTextAsync("Ngày vào Đảng");
        await BrowserFixture.ShotAsync(page, "07-phone-member-record");
    }

    [Fact]
    public async Task Clerk_EditsARecord_WithABadCitizenId_SeesTheReasonAndFixesIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = await db.Members.OrderBy(m => m.Id).Skip(40).FirstAsync();
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync($"/Members/Edit/{member.Id}");
        await page.GetByLabel("Số CCCD (12 chữ số)").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("Số CCCD: phải gồm đúng 12 chữ số.");
        await BrowserFixture.ShotAsync(page, "08-member-edit-error");
        await page.GetByLabel("Số CCCD (12 chữ số)").FillAsync(member.CitizenId);
        await page.GetByLabel("Nghề nghiệp").FillAsync("Giáo viên");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = member.FullName })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử thay đổi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".history-entry").First).ToContainTextAsync("Giáo viên");
    }

    [Fact]
    public async Task Commission_OpensTheAdmissionTargets_OfTheProvince()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức đảng", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đảng bộ tỉnh Tây Ninh", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "09-province");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chỉ tiêu kết nạp" }).ClickAsync();
        await Assertions.Expect(page.Locator(".org-card")).ToContainTextAsync("chỉ tiêu");
        await Assertions.Expect(page.Locator(".tree-table tbody tr")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(page, "10-targets");
    }
}
