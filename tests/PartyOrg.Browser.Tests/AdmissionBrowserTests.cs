using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Browser.Tests;

public class AdmissionBrowserTests(BrowserFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string D(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_TakesOnePersonFromSourceToOfficialMember()
    {
        // Two long-standing official members of the secretary's cell sponsor the applicant.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cell = await db.Organizations.Where(o => o.Code == DemoSeeder.SecretaryCellCode)
            .Select(o => new { o.Id, o.Name, Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).Single() }).SingleAsync();
        var sponsors = await db.Members.Where(m => m.OrganizationId == cell.Id)
            .Where(m => m.Status == MemberStatus.Official && m.OfficialOn < Today.AddYears(-3)).OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName }).Take(2).ToListAsync();
        const string name = "Huỳnh Thị Ngọc Hân";

        var page = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "bithu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phát triển đảng viên" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "11-phone-admissions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm người vào nguồn" }).ClickAsync();

        // The cell is picked by part of its name, without diacritics; it is named with its committee.
        await PickAsync(page, "Chi bộ bồi dưỡng, giới thiệu", VnText.Fold(cell.Name), cell.Id, cell.Parent);
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByLabel("Giới tính").SelectOptionAsync("Female");
        await page.GetByLabel("Ngày sinh").FillAsync("19/08/2001");
        await page.GetByLabel("Số CCCD (12 chữ số)").FillAsync("072301555777");
        await page.GetByLabel("Đối tượng nguồn").SelectOptionAsync("YouthUnion");
        await page.GetByLabel("Ngày đưa vào nguồn").FillAsync(D(-540));
        await BrowserFixture.ShotAsync(page, "12-phone-new-source");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu vào nguồn kết nạp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã đưa {name} vào nguồn kết nạp của {cell.Name} — {cell.Parent}.");
        var caseId = await db.AdmissionCases.Where(c => c.CitizenId == "072301555777").Select(c => c.Id).SingleAsync();

        await StepAsync(page, name, "Học lớp bồi dưỡng nhận thức về Đảng", D(-500), number: "416/GCN-TTCT");
        // Sponsors: each typed by name without diacritics, chosen from the suggestions.
        await PickAsync(page, "Người giới thiệu thứ 1", VnText.Fold(sponsors[0].FullName), sponsors[0].Id, cell.Name);
        await page.Locator("#since1").FillAsync(D(-1500));
        await PickAsync(page, "Người giới thiệu thứ 2", VnText.Fold(sponsors[1].FullName), sponsors[1].Id, cell.Name);
        await page.Locator("#since2").FillAsync(D(-1400));
        await BrowserFixture.ShotAsync(page, "13-phone-case-sponsors");
        await StepAsync(page, name, "Phân công người giới thiệu", D(-490));
        await Assertions.Expect(page.Locator(".step-list")).ToContainTextAsync(sponsors[1].FullName);
        await StepAsync(page, name, "Nộp đơn xin vào Đảng", D(-470));
        await StepAsync(page, name, "Chi bộ ra nghị quyết", D(-460), number: "11-NQ/CB");

        // The decision cannot be undone: declining the question saves nothing.
        string? asked = null;
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        await page.Locator("#Input_Date").FillAsync(D(-430));
        await page.Locator("#Input_Number").FillAsync("520-QĐ/ĐU");
        await Assertions.Expect(page.Locator(".picker-option input:checked")).ToHaveCountAsync(1);
        await BrowserFixture.ShotAsync(page, "14-phone-case-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước “Cấp ủy ra quyết định kết nạp”" }).ClickAsync();
        for (var i = 0; asked is null && i < 50; i++) await Task.Delay(100);
        Assert.Contains("không hoàn tác", asked);
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Chi bộ ra nghị quyết");
        Assert.Equal(AdmissionStep.CellResolution, await StepOfAsync(caseId));
        accept = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước “Cấp ủy ra quyết định kết nạp”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã ghi bước Cấp ủy ra quyết định kết nạp cho {name}.");
        await Assertions.Expect(page.Locator(".step-list")).ToContainTextAsync("Quyết định kết nạp số 520-QĐ/ĐU");
        // A refresh after the step shows the case again and records nothing more.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveCountAsync(0);
        Assert.Equal(AdmissionStep.Decision, await StepOfAsync(caseId));
        await BrowserFixture.ShotAsync(page, "15-phone-case-before-ceremony");

        // The ceremony: the box ticked is the confirmation, no question asked.
        asked = null;
        await page.Locator("#Input_Date").FillAsync(D(-420));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tôi xác nhận ghi bước “Lễ kết nạp”" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước “Lễ kết nạp”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã ghi bước Lễ kết nạp cho {name}.");
        Assert.Null(asked);
        await Assertions.Expect(page.Locator(".badge-step")).ToHaveTextAsync("Đã kết nạp");
        await BrowserFixture.ShotAsync(page, "16-phone-case-admitted");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveCountAsync(0);
        Assert.Equal(1, await db.Members.CountAsync(m => m.CitizenId == "072301555777"));
        Assert.Equal(MemberStatus.Probationary, await db.Members.Where(m => m.CitizenId == "072301555777").Select(m => m.Status).SingleAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Mở hồ sơ đảng viên" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Công nhận đảng viên chính thức" }).ClickAsync();
        await page.GetByLabel("Ngày quyết định").FillAsync(D(0));
        await page.GetByLabel("Số quyết định").FillAsync("97-QĐ/ĐU");
        await page.GetByLabel("Tôi xác nhận").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã ghi quyết định công nhận đảng viên chính thức cho đồng chí {name}.");
        await BrowserFixture.ShotAsync(page, "17-phone-recognized");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ" , Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.record")).ToContainTextAsync(Today.AddDays(-420).AddMonths(12).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();

        async Task<AdmissionStep> StepOfAsync(int id)
        {
            await using var s = app.Services.CreateAsyncScope();
            return await s.ServiceProvider.GetRequiredService<AppDbContext>().AdmissionCases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync();
        }
    }

    [Fact]
    public async Task Commission_OnALaptop_SetsATargetForACommunePickedByName()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var commune = await db.Organizations.Where(o => db.Organizations.Any(c => c.Code == DemoSeeder.SecretaryCellCode && c.ParentId == o.Id))
            .Select(o => new { o.Id, o.Name, Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).Single() }).SingleAsync();
        var year = Today.Year + 2;

        var page = await app.NewPageAsync(1366, 860);
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync($"/Targets?year={year}");
        await PickAsync(page, "Tổ chức được giao chỉ tiêu", VnText.Fold(commune.Name), commune.Id, commune.Parent);
        await page.GetByLabel($"Chỉ tiêu (năm {year})").FillAsync("48");
        await BrowserFixture.ShotAsync(page, "18-laptop-target-picker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã lưu chỉ tiêu kết nạp năm {year} của {commune.Name} — {commune.Parent}: 48 đảng viên.");
        await BrowserFixture.ShotAsync(page, "19-laptop-target-saved");

        // The case page of the commission at laptop width, for looking at the pickers side by side.
        await page.GotoAsync("/Admissions/New");
        await BrowserFixture.ShotAsync(page, "20-laptop-new-source");
        await page.Context.CloseAsync();
    }

    /// <summary>Types into the picker's search box and clicks the suggested row of that record, checking what tells namesakes apart.</summary>
    private static async Task PickAsync(IPage page, string label, string typed, int id, string detail)
    {
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = label, Exact = true });
        await box.FillAsync("");
        // The suggestions come while typing; the row is clicked once they are in.
        await page.RunAndWaitForResponseAsync(() => box.PressSequentiallyAsync(typed), r => r.Url.Contains("/api/v1/pickers/", StringComparison.Ordinal));
        var picker = page.Locator(".picker").Filter(new() { Has = box });
        // The row is found by the record it stands for; the person clicks its text.
        var row = picker.Locator(".picker-option").Filter(new() { Has = page.Locator($"input[value='{id}']") });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync(detail);
        await row.Locator(".picker-label").ClickAsync();
        await Assertions.Expect(row.Locator("input")).ToBeCheckedAsync();
    }

    private static async Task StepAsync(IPage page, string name, string action, string date, string? number = null)
    {
        await page.Locator("#Input_Date").FillAsync(date);
        if (number is not null) await page.Locator("#Input_Number").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ghi bước “{action}”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Đã ghi bước {action} cho {name}.");
    }
}
