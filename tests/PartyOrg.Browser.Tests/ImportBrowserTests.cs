using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Browser.Tests;

/// <summary>A commission clerk imports a member file in the browser: a progress bar while it runs, every bad row after, then a clean file written.</summary>
public class ImportBrowserTests(BrowserFixture app)
{
    private static string Row(int i, string cell, string? admitted = null)
    {
        var gender = i % 3 == 0 ? Gender.Female : Gender.Male;
        var year = 1950 + i % 40;
        var values = new Dictionary<string, string>
        {
            ["citizenId"] = string.Create(CultureInfo.InvariantCulture, $"072{Cccd.CenturyGenderDigit(gender, year)}{year % 100:00}{900000 - i:000000}"),
            ["fullName"] = gender == Gender.Female ? "Trần Thị Nhập" : "Trần Văn Nhập", ["gender"] = gender.Label(), ["dateOfBirth"] = $"15/03/{year}",
            ["ethnicGroup"] = "Kinh", ["religion"] = "Không theo tôn giáo", ["generalEducation"] = GeneralEducation.UpperSecondary.Label(),
            ["professionalDegree"] = ProfessionalDegree.Bachelor.Label(), ["politicalTheory"] = PoliticalTheory.Elementary.Label(),
            ["admittedOn"] = admitted ?? "02/09/2025", ["organizationCode"] = cell,
        };
        return Exports.CsvLine(MemberImportFormat.Columns.Select(c => (object?)values.GetValueOrDefault(c.Key, "")));
    }

    private static FilePayload File(string name, IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Exports.CsvLine(MemberImportFormat.Columns.Select(c => (object?)ImportFormats.HeaderOf(c))));
        foreach (var row in rows) text.AppendLine(row);
        return new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text.ToString()) };
    }

    [Fact]
    public async Task Clerk_ImportsAFile_SeesTheProgress_ThenEveryBadRow_ThenWritesAFixedFile()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập tệp", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhập danh sách từ tệp" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "70-desktop-imports");

        // A long file whose last rows are wrong: it is read with a progress bar, then refused whole.
        const int rows = 60_000;
        var lines = Enumerable.Range(0, rows).Select(i => Row(i, "80.27694.01")).ToList();
        lines[^1] = Row(rows - 1, "80.27694.01", admitted: "31/02/2024");
        lines[^2] = Row(rows - 2, "99.khong-co");
        await page.GetByLabel("Tệp (.xlsx hoặc .csv, tối đa 2 GB)").SetInputFilesAsync(File("dang-vien-tinh.csv", lines));
        await page.GetByLabel("Kiểm tra trước, chưa ghi", new() { Exact = false }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tệp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "dang-vien-tinh.csv" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-import-text]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{1,3}(\.\d{3})*/60\.000 dòng"), new() { Timeout = 30_000 });
        await BrowserFixture.ShotAsync(page, "71-desktop-import-progress");
        await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("Không ghi", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByText($"Dòng {rows}", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Dòng {rows + 1}", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách lỗi (Excel, đủ 2 lỗi)" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "72-desktop-import-refused");

        // On a phone the errors read as cards, without sideways scrolling.
        var phone = await app.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, "tochuc");
        await phone.GotoAsync(page.Url);
        await Assertions.Expect(phone.GetByText("Dòng 60001", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ShotAsync(phone, "73-phone-import-errors");

        // A fixed small file, checked first (the default), then written from the check's page.
        await page.GotoAsync("/Imports");
        await page.GetByLabel("Tệp (.xlsx hoặc .csv, tối đa 2 GB)").SetInputFilesAsync(File("bo-sung.csv", [Row(1, "80.27694.01"), Row(2, "80.27694.01")]));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tệp" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("Đã kiểm tra, chờ ghi", new() { Timeout = 60_000 });
        await BrowserFixture.ShotAsync(page, "74-desktop-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi vào hệ thống" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("Đã ghi", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Bản ghi mới đã tạo 2" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "75-desktop-import-committed");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
