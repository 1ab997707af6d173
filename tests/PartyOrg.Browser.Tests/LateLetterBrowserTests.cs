using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

public class LateLetterBrowserTests(BrowserFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static async Task FitsTheScreenAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), page.Url);

    [Fact]
    public async Task LateTransferRule_SecretaryOnAPhone_ReceivesALateLetterWithItsReason_ThenTheCommitteesDecisionPickedByName()
    {
        // A letter into the secretary's cell from a cell of another commune, its 30 working days long past.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var to = await db.Organizations.SingleAsync(o => o.Code == DemoSeeder.SecretaryCellCode);
        var commune = await db.Organizations.Where(o => o.Id == to.ParentId).Select(o => o.Name).SingleAsync();
        var communePath = to.Path[..(to.Path.LastIndexOf('/', to.Path.Length - 2) + 1)];
        var member = await db.Members.Where(m => m.Status == MemberStatus.Official && !m.OrgPath.StartsWith(communePath))
            .Where(m => !db.MemberTransfers.Any(t => t.MemberId == m.Id)).OrderBy(m => m.Id).FirstAsync();
        var transfer = new MemberTransfer
        {
            MemberId = member.Id, Kind = TransferKind.Official, FromOrganizationId = member.OrganizationId, FromPath = member.OrgPath,
            ToOrganizationId = to.Id, ToPath = to.Path, IssuedOn = Today.AddDays(-100), LetterNumber = "71-GGT/ĐU", PresentBy = Today.AddDays(-55),
            State = TransferState.InTransit,
        };
        db.MemberTransfers.Add(transfer);
        await db.SaveChangesAsync();

        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GotoAsync("/Transfers");
        await page.Locator("tr", new() { HasTextString = member.FullName }).GetByRole(AriaRole.Link, new() { Name = "Chi tiết" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Chuyển sinh hoạt đảng: {member.FullName}" })).ToBeVisibleAsync();

        // Received late without a reason: refused, the field named; with the reason: received and flagged.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("Lý do nộp giấy giới thiệu quá hạn");
        Assert.Equal(TransferState.InTransit, await db.MemberTransfers.AsNoTracking().Where(t => t.Id == transfer.Id).Select(t => t.State).SingleAsync());
        await BrowserFixture.ShotAsync(page, "41-phone-late-letter-refused");
        await FitsTheScreenAsync(page);
        await page.GetByLabel("Lý do nộp giấy giới thiệu quá hạn").FillAsync("Đảng viên ốm, nằm viện hai tháng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("chờ cấp ủy xem xét");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(LateTransferRule.AwaitingMark, new() { IgnoreCase = true });
        await BrowserFixture.ShotAsync(page, "42-phone-late-letter-awaiting");
        await FitsTheScreenAsync(page);

        // The committee above the cell is offered by name and chosen already; nobody types an id.
        await Assertions.Expect(page.Locator(".picker-option input:checked")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".picker-option", new() { Has = page.Locator("input:checked") }).Last).ToContainTextAsync(commune);
        await page.GetByLabel("Số quyết định").FillAsync("19-QĐ/ĐU");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Không tính vào tuổi đảng" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tôi xác nhận ghi quyết định của cấp ủy" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("không tính vào tuổi đảng");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("cấp ủy quyết định không tính vào tuổi đảng");
        await BrowserFixture.ShotAsync(page, "43-phone-late-letter-decided");
        await FitsTheScreenAsync(page);
        var stored = await db.MemberTransfers.AsNoTracking().SingleAsync(t => t.Id == transfer.Id);
        Assert.Equal((false, "19-QĐ/ĐU", to.ParentId), (stored.LateCountsInPartyAge!.Value, stored.LateDecisionNumber!, stored.LateDecisionOrganizationId));
    }
}
