using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

public class TransferBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Secretary_OnAPhone_TransfersAMember_PickingTheCellByNameWithoutDiacritics()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == DemoSeeder.SecretaryCellCode))
            .Where(m => m.Status == MemberStatus.Official && !db.MemberTransfers.Any(t => t.MemberId == m.Id))
            .OrderByDescending(m => m.Id).Select(m => new { m.Id, m.FullName }).FirstAsync();

        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GotoAsync($"/Members/Details/{member.Id}");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Chuyển sinh hoạt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lập giấy giới thiệu chuyển sinh hoạt đảng" })).ToBeVisibleAsync();

        // Part of the name, no diacritics: the suggestions come while typing.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Chi bộ nơi đến" }).PressSequentiallyAsync("tieu hoc tan ninh");
        var choice = page.Locator(".picker-option", new() { HasTextString = "Chi bộ Trường Tiểu học Tân Ninh" });
        await Assertions.Expect(choice).ToBeVisibleAsync();
        await Assertions.Expect(choice).ToContainTextAsync("Đảng bộ phường Tân Ninh");
        await BrowserFixture.ShotAsync(page, "31-phone-transfer-picker");
        await choice.ClickAsync();
        await page.GetByLabel("Số giấy giới thiệu").FillAsync("27-GGT/CB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập giấy giới thiệu" }).ClickAsync();
        // Not confirmed: refused, nothing issued, the box is pointed out.
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("Tôi xác nhận");
        Assert.Equal(0, await db.MemberTransfers.CountAsync(t => t.MemberId == member.Id));
        await BrowserFixture.ShotAsync(page, "32-phone-transfer-unconfirmed");

        await Assertions.Expect(page.Locator(".picker-option input:checked")).ToHaveCountAsync(1);
        await page.GetByLabel("Tôi xác nhận").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập giấy giới thiệu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"cho đồng chí {member.FullName} đến Chi bộ Trường Tiểu học Tân Ninh — Đảng bộ phường Tân Ninh");
        Assert.EndsWith("/Transfers", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ShotAsync(page, "33-phone-transfer-issued");

        // A refresh shows the list again and issues nothing more.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveCountAsync(0);
        Assert.Equal(1, await db.MemberTransfers.CountAsync(t => t.MemberId == member.Id));
    }
}
