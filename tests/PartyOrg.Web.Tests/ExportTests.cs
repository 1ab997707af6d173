using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PartyOrg.Web.Tests;

/// <summary>The exports: each list page's workbook holds exactly what the page lists; the Party documents open back as written.</summary>
public partial class ExportTests(WebAppFixture app)
{
    // ---- reading a workbook back ----

    internal sealed record SheetRead(string Name, Dictionary<string, Cell> Cells, WorksheetPart Part, Stylesheet Styles, SharedStringTablePart? Strings)
    {
        public string Text(string reference) => Cells.TryGetValue(reference, out var c)
            ? c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? ""
            : c.DataType?.Value == CellValues.SharedString ? Strings!.SharedStringTable.ElementAt(int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : c.CellValue?.Text ?? ""
            : "";

        public decimal? Number(string reference) =>
            Cells.TryGetValue(reference, out var c) && c.DataType is null && c.CellValue is { } v ? decimal.Parse(v.Text, CultureInfo.InvariantCulture) : null;

        /// <summary>The number format code of a cell (built-in 0 is "General").</summary>
        public string Format(string reference)
        {
            var format = (CellFormat)Styles.CellFormats!.ElementAt((int)(Cells[reference].StyleIndex?.Value ?? 0));
            var id = format.NumberFormatId?.Value ?? 0;
            return Styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value ?? (id == 0 ? "General" : id.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Data rows: from row 5 down to the "Tổng cộng" row or the first row without a value in column B.</summary>
        public int DataRows()
        {
            var n = 0;
            for (var row = 5; Cells.ContainsKey($"B{row}") && !Text($"A{row}").StartsWith("Tổng cộng", StringComparison.Ordinal); row++) n++;
            return n;
        }

        public string? FrozenAt => Part.Worksheet.Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen)?.TopLeftCell?.Value;
    }

    internal static List<SheetRead> ReadWorkbook(byte[] bytes)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(s =>
        {
            var part = (WorksheetPart)workbook.GetPartById(s.Id!.Value!);
            var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            return new SheetRead(s.Name!.Value!, cells, part, styles, workbook.SharedStringTablePart);
        }).ToList();
    }

    internal static int Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    [GeneratedRegex(@"·\s*([\d.]+)\s")]
    private static partial Regex PagerTotal();

    /// <summary>The list page as a signed-in user sees it: its total (from the pager) and its "Tải Excel" link.</summary>
    private static async Task<(int Total, string Link)> PageAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var doc = new HtmlParser().ParseDocument(html);
        var link = doc.QuerySelector("a.export-link")?.GetAttribute("href") ?? throw new InvalidOperationException($"No export link on {page}.");
        var status = doc.QuerySelector("[data-pager-status]")?.TextContent;
        var total = status is null ? -1 : int.Parse(PagerTotal().Match(status).Groups[1].Value.Replace(".", ""), CultureInfo.InvariantCulture);
        return (total, link);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string link, string contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    {
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    // ---- the lists ----

    [Fact]
    public async Task MembersExport_FromThePage_HoldsEveryRowOfTheList_InItsOrder_CellByCell()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var api = await app.ApiAsAsync("tochuc");
        var org = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var parent = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == org).Select(o => o.ParentId!.Value).SingleAsync());
        var (total, link) = await PageAsync(client, $"/Members?org={parent}&sort=-birth&page=2");
        Assert.StartsWith($"/api/v1/exports/members?", link);
        Assert.DoesNotContain("page=", link);
        Assert.Contains("sort=-birth", link);
        var events = await app.WithDbAsync((db, _) => db.AccountEvents.CountAsync(e => e.UserName == "tochuc" && e.Kind == "Exported"));

        var sheet = ReadWorkbook(await DownloadAsync(client, link)).Single();

        var expected = await api.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={parent}&sort=-birth&page=1&pageSize=200");
        Assert.True(total > 25, "the list spans more than one page"); // else the export would not show it takes every page
        Assert.Equal(total, expected.GetProperty("total").GetInt32());
        Assert.Equal("Danh sách đảng viên", sheet.Name);
        var headers = ExportFormatFiles.MemberHeaders;
        Assert.Equal(headers, Enumerable.Range(1, headers.Count).Select(c => sheet.Text($"{ExportFormatFiles.Column(c)}4")));
        Assert.Equal("A5", sheet.FrozenAt);
        Assert.Equal(total, sheet.DataRows());
        Assert.Equal("", sheet.Text($"A{5 + total}")); // no totals row: the file imports back as is
        Assert.StartsWith("ĐẢNG", sheet.Text("A1"));
        var cellName = ExportFormatFiles.Column(headers.Count - 1);
        var items = expected.GetProperty("items").EnumerateArray().Take(Math.Min(total, 30)).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var row = 5 + i;
            Assert.Equal(items[i].GetProperty("fullName").GetString(), sheet.Text($"B{row}"));
            Assert.Equal(Enum.Parse<Gender>(items[i].GetProperty("gender").GetString()!).Label(), sheet.Text($"C{row}"));
            Assert.Equal(VnFormat.Date(DateOnly.Parse(items[i].GetProperty("dateOfBirth").GetString()!, CultureInfo.InvariantCulture)), sheet.Text($"D{row}"));
            Assert.Equal(items[i].GetProperty("organizationName").GetString(), sheet.Text($"{cellName}{row}"));
        }
        Assert.Equal(events + 1, await app.WithDbAsync((db, _) => db.AccountEvents.CountAsync(e => e.UserName == "tochuc" && e.Kind == "Exported")));
    }

    [Fact]
    public async Task MembersExport_Csv_HasTheHeaderAndEveryRow()
    {
        var api = await app.ApiAsAsync("tochuc");
        var org = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var total = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={org}&pageSize=1")).GetProperty("total").GetInt32();

        var bytes = await DownloadAsync(api, $"/api/v1/exports/members?org={org}&format=csv", "text/csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(string.Join(",", ExportFormatFiles.MemberHeaders.Select(h => h.Contains(',') ? $"\"{h}\"" : h)), lines[0]);
        Assert.Equal(total, lines.Count - 1);
        Assert.Matches(@"^\d{12},[^,]+,(Nam|Nữ),\d{2}/\d{2}/\d{4},", lines[1]);
    }

    [Fact]
    public async Task MembersExport_KeepsToTheScope_AndRefusesUnknownFormats()
    {
        var secretary = await app.ApiAsAsync("bithu");
        var own = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var foreign = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var total = (await secretary.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=1")).GetProperty("total").GetInt32();

        var sheet = ReadWorkbook(await DownloadAsync(secretary, "/api/v1/exports/members")).Single();
        Assert.Equal(total, sheet.DataRows());
        Assert.All(Enumerable.Range(5, total), row => Assert.Equal(
            app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync()).Result,
            sheet.Text($"{ExportFormatFiles.Column(ExportFormatFiles.MemberHeaders.Count - 1)}{row}")));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/exports/members?org={foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("dangvien")).GetAsync("/api/v1/exports/members")).StatusCode);

        var bad = await secretary.GetAsync("/api/v1/exports/members?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Định dạng", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Theory]
    [InlineData("/Admissions", "Phát triển đảng viên")]
    [InlineData("/Admissions?step=Ceremony", "Phát triển đảng viên")]
    [InlineData("/Probation?all=true", "Đảng viên dự bị")]
    [InlineData("/Transfers?all=true", "Chuyển sinh hoạt")]
    [InlineData("/Badges", "Đề nghị Huy hiệu")]
    public async Task ListExport_FromEachPage_HasThePagesTotal(string page, string sheetName)
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var (total, link) = await PageAsync(client, page);

        var sheet = ReadWorkbook(await DownloadAsync(client, link)).Single();

        Assert.Equal(sheetName, sheet.Name);
        Assert.Equal("STT", sheet.Text("A4"));
        Assert.Equal("Họ và tên", sheet.Text("B4"));
        Assert.Equal("A5", sheet.FrozenAt);
        Assert.Equal(total, sheet.DataRows());
        if (total > 0)
        {
            Assert.Equal(1, sheet.Number("A5"));
            Assert.Equal(total, sheet.Number($"A{4 + total}"));
            Assert.NotEqual("", sheet.Text("B5"));
        }
    }

    [Fact]
    public async Task BadgeProposalList_HasBirthAdmissionPartyAgeAndMilestone()
    {
        var client = await app.ApiAsAsync("tochuc");
        var eligible = await client.GetFromJsonAsync<JsonElement>("/api/v1/badges/eligible");
        var candidates = eligible.GetProperty("items").EnumerateArray().ToList();
        var occasion = eligible.GetProperty("occasion").GetString();

        var sheet = ReadWorkbook(await DownloadAsync(client, $"/api/v1/exports/badges?occasion={occasion}")).Single();

        Assert.Equal(["Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Tuổi đảng", "Huy hiệu (năm tuổi đảng)"], new[] { "B", "C", "D", "E", "F" }.Select(c => sheet.Text($"{c}4")));
        Assert.Equal(candidates.Count, sheet.DataRows());
        Assert.True(candidates.Count > 0, "the demo has members due a badge");
        var first = candidates[0];
        var memberId = first.GetProperty("memberId").GetInt32();
        var born = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == memberId).Select(m => m.DateOfBirth).SingleAsync());
        Assert.Equal(first.GetProperty("fullName").GetString(), sheet.Text("B5"));
        Assert.Equal(Serial(born), sheet.Number("C5"));
        Assert.Equal(Serial(DateOnly.Parse(first.GetProperty("admittedOn").GetString()!, CultureInfo.InvariantCulture)), sheet.Number("D5"));
        Assert.Equal(first.GetProperty("partyAge").GetString(), sheet.Text("E5"));
        Assert.Equal(first.GetProperty("milestone").GetInt32(), sheet.Number("F5"));
        Assert.Equal("#,##0", sheet.Format("F5"));
    }

    [Fact]
    public async Task TargetsExport_FromThePage_GivesTheProgressOfTheOrganizationAndItsChildren()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var api = await app.ApiAsAsync("tochuc");
        var root = (await api.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root")).GetProperty("id").GetInt32();
        var year = DateTime.Today.Year;
        var (_, link) = await PageAsync(client, $"/Targets?org={root}&year={year}");
        var progress = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={root}&year={year}");

        var sheet = ReadWorkbook(await DownloadAsync(client, link)).Single();

        Assert.Equal("Chỉ tiêu kết nạp", sheet.Name);
        Assert.Equal(["Tổ chức", "Chỉ tiêu", "Đã kết nạp", "Tỷ lệ"], new[] { "A", "B", "C", "D" }.Select(c => sheet.Text($"{c}4")));
        Assert.Equal(progress.GetProperty("organizationName").GetString(), sheet.Text("A5"));
        Assert.Equal(progress.GetProperty("target").GetInt32(), sheet.Number("B5"));
        Assert.Equal(progress.GetProperty("admitted").GetInt32(), sheet.Number("C5"));
        if (progress.GetProperty("percent").ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(progress.GetProperty("percent").GetDecimal() / 100m, sheet.Number("D5"));
            Assert.Equal("0.00%", sheet.Format("D5"));
        }
    }

    // ---- Party documents ----

    internal static (List<string> Paragraphs, W.Body Body, WordprocessingDocument Document) ReadDocx(byte[] bytes)
    {
        var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        return (body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList(), body, document);
    }

    internal static void AssertValidAndTimesNewRoman(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var fonts = document.MainDocumentPart!.Document.Body!.Descendants<W.RunFonts>().Select(f => f.Ascii?.Value).Distinct().ToList();
        Assert.Equal(["Times New Roman"], fonts);
    }

    [Fact]
    public async Task MemberCard_IsThe2HsdvSheet_InScope_WithBlanksForWhatTheRegisterDoesNotHold()
    {
        var client = await PageClient.SignInAsync(app, "bithu");
        var memberId = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var member = await (await app.ApiAsAsync("bithu")).GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        var page = await client.GetStringAsync($"/Members/Details/{memberId}");
        Assert.Contains($"href=\"/api/v1/members/{memberId}/card.docx\"", page);
        Assert.Contains("In phiếu đảng viên", page);

        var (paragraphs, _, document) = ReadDocx(await DownloadAsync(client, $"/api/v1/members/{memberId}/card.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        Assert.Contains("PHIẾU ĐẢNG VIÊN", paragraphs);
        Assert.Contains("*", paragraphs);
        Assert.Contains(member.GetProperty("fullName").GetString(), paragraphs);
        Assert.Contains(VnFormat.Date(DateOnly.Parse(member.GetProperty("dateOfBirth").GetString()!, CultureInfo.InvariantCulture)), paragraphs);
        Assert.Contains(member.GetProperty("citizenId").GetString(), paragraphs);
        var lyLich = paragraphs.IndexOf("Số lý lịch đảng viên");
        Assert.Equal("……………………………………", paragraphs[lyLich + 1]); // not held: left for the hand, not invented
        AssertValidAndTimesNewRoman(document);

        var foreign = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/members/{foreign}/card.docx")).StatusCode);
    }
}
