using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace PartyOrg.Browser.Tests;

public class ExportBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Clerk_DownloadsTheFilteredMemberList_AndTheAnnualReport()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tochuc");
        await page.GotoAsync("/Members");
        await page.GetByLabel("Giới tính").SelectOptionAsync(new SelectOptionValue { Label = "Nữ" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var status = await page.Locator("[data-pager-status]").TextContentAsync();
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(status!, @"·\s*([\d.]+)").Groups[1].Value.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Excel" }).ClickAsync());
        Assert.Equal("danh-sach-dang-vien.xlsx", download.SuggestedFilename);
        using (var workbook = SpreadsheetDocument.Open(await download.PathAsync(), false))
        {
            var part = workbook.WorkbookPart!.WorksheetParts.Single();
            var cells = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
            // The list in the import format (it imports back as is): the format's headers, one row a member, nothing under them.
            Assert.Equal("Họ và tên (*)", cells["B4"].InnerText);
            Assert.All(Enumerable.Range(5, total), row => Assert.Equal("Nữ", cells[$"C{row}"].InnerText));
            Assert.False(cells.ContainsKey($"A{5 + total}"));
        }

        await page.GotoAsync($"/Targets?year={DateTime.Today.Year - 1}");
        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.report-link").ClickAsync());
        Assert.Equal($"bao-cao-annual-{DateTime.Today.Year - 1}.docx", report.SuggestedFilename);
        using var document = WordprocessingDocument.Open(await report.PathAsync(), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        Assert.Contains("T/M BAN THƯỜNG VỤ", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith($"Năm {DateTime.Today.Year - 1}, kết nạp ", StringComparison.Ordinal));
        await BrowserFixture.ShotAsync(page, "60-targets-with-report-links");
    }
}
