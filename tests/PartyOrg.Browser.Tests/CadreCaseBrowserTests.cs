using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

namespace PartyOrg.Browser.Tests;

public class CadreCaseBrowserTests(BrowserFixture app)
{
    private static string Today => DateTime.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<string> FreeMemberAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var busy = await db.PostHoldings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Concat(db.PlanEntries.Select(e => e.MemberId))
            .Concat(db.AppointmentCases.Select(c => c.MemberId)).Concat(db.TrainingEnrolments.Select(e => e.MemberId)).ToListAsync();
        var province = await db.Organizations.SingleAsync(o => o.Code == "80");
        // A name no one else bears, so the picker's first match is this member.
        var unique = db.Members.GroupBy(m => m.FullName).Where(g => g.Count() == 1).Select(g => g.Key);
        return await db.Members.Where(m => m.Status == MemberStatus.Official && m.OrgPath.StartsWith(province.Path) && m.DateOfBirth > new DateOnly(1982, 1, 1) && !busy.Contains(m.Id)
                && unique.Contains(m.FullName))
            .OrderByDescending(m => m.Id).Select(m => m.FullName).FirstAsync();
    }

    [Fact]
    public async Task Clerk_OnALaptop_OpensAnAppointment_ByName_SeesTheRuleRefuseTheDecision_AndStopsIt()
    {
        var name = await FreeMemberAsync();
        var page = await app.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Cadres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bổ nhiệm, điều động" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-case-figures]")).ToContainTextAsync("bổ nhiệm 1");
        await Assertions.Expect(page.Locator("section[data-case]", new() { HasTextString = "Giới thiệu ứng cử" })).ToContainTextAsync("Tờ trình số 31-TTr/BTCTU");

        await page.Locator("#kind").SelectOptionAsync(new SelectOptionValue { Label = "Bổ nhiệm" });
        await BrowserFixture.PickByNameAsync(page, "Cán bộ", name);
        await page.Locator("#target").SelectOptionAsync(new SelectOptionValue { Label = "Phó Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh" });
        await page.Locator("#proposed").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã mở hồ sơ bổ nhiệm");
        var card = page.Locator("section[data-case]", new() { HasTextString = name });
        await Assertions.Expect(card).ToContainTextAsync("Đến: Phó Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh");

        // The decision: not in the plan (QĐ 377 Art. 34), refused beside the form, nothing written.
        await card.Locator("summary", new() { HasTextString = "Ghi quyết định" }).ClickAsync();
        await card.GetByLabel("Số quyết định").FillAsync("990-QĐ/TU");
        await card.GetByLabel("Ngày quyết định").FillAsync(Today);
        await card.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        card = page.Locator("section[data-case]", new() { HasTextString = name });
        await Assertions.Expect(card.Locator(".field-error", new() { HasTextString = "Điều 34" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "66-laptop-cadre-case-refused");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await card.Locator("summary", new() { HasTextString = "Dừng hồ sơ" }).ClickAsync();
        await card.Locator("input[name='Withdrawal.On']").FillAsync(Today);
        await card.Locator("input[name='Withdrawal.Reason']").FillAsync("Không có trong quy hoạch");
        await card.GetByRole(AriaRole.Button, new() { Name = "Dừng" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã dừng hồ sơ");
        await Assertions.Expect(page.Locator("section[data-case]", new() { HasTextString = name })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Clerk_OnALaptop_SendsAMemberToTheSeniorClass_ByName()
    {
        var name = await FreeMemberAsync();
        var page = await app.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Cadres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đào tạo, bồi dưỡng" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-training-figures]")).ToContainTextAsync("cao cấp lý luận chính trị");
        await page.Locator("#course").SelectOptionAsync(new SelectOptionValue { Label = "Cao cấp lý luận chính trị – Lớp cao cấp lý luận chính trị hệ không tập trung khóa 2026–2027" });
        await BrowserFixture.PickByNameAsync(page, "Học viên", name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cử đi học" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã cử học viên vào lớp");
        await Assertions.Expect(page.Locator("section[data-course]", new() { HasTextString = "khóa 2026–2027" })).ToContainTextAsync(name);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "67-laptop-training");
    }

    [Fact]
    public async Task Clerk_OnAPhone_ReadsCasesTrainingAndTheWorklist_WithoutSidewaysScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-cadre-work]")).ToContainTextAsync("Công tác cán bộ");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(page, "68-phone-worklist-cadres");
        foreach (var (path, shot) in new[] { ("/Cadres/Cases", "69-phone-cadre-cases"), ("/Cadres/Training", "70-phone-training") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), path);
            await BrowserFixture.ShotAsync(page, shot);
        }
    }
}
