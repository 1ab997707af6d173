using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using Microsoft.AspNetCore.Hosting;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The reports: a province holding the seeds' 2023 admissions (1.642 against 1.550; 5.841 since the 2020 congress against 6.300)
/// gets the sentences the commission printed, with the numbers of GET /targets/progress, as a Party document and a workbook.
/// </summary>
public class ReportTests(WebAppFixture app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static int? province;

    private async Task<int> ProvinceAsync()
    {
        await Once.WaitAsync();
        try
        {
            return province ??= await app.WithDbAsync(async (db, _) =>
            {
                var org = new Organization { Code = "BC-RPT", Name = "Đảng bộ tỉnh Báo Cáo", Type = OrganizationType.Provincial, Field = OrganizationField.General, FoundedOn = new(1976, 1, 1) };
                db.Organizations.Add(org);
                await db.SaveChangesAsync();
                org.Path = $"/{org.Id}/";
                var cell = new Organization { Code = "BC-RPT.01", Name = "Chi bộ tổng hợp báo cáo", Type = OrganizationType.BaseCell, Field = OrganizationField.Residential, FoundedOn = new(1976, 1, 1), ParentId = org.Id, Depth = 1 };
                db.Organizations.Add(cell);
                await db.SaveChangesAsync();
                cell.Path = $"{org.Path}{cell.Id}/";
                db.AdmissionTargets.AddRange(
                    new AdmissionTarget { OrganizationId = org.Id, Year = 2023, PeriodStart = new(2023, 1, 1), PeriodEnd = new(2023, 12, 31), Count = 1550, Source = TargetSource.Allocated, Document = "Nghị quyết Tỉnh ủy" },
                    new AdmissionTarget { OrganizationId = org.Id, Term = "2020-2025", PeriodStart = new(2020, 10, 1), PeriodEnd = new(2025, 9, 30), Count = 6300, Source = TargetSource.Allocated, Document = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI" });
                var serial = 0;
                foreach (var (first, last, count) in new[] { (new DateOnly(2020, 10, 1), new DateOnly(2022, 12, 31), 4199), (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 1642) })
                {
                    var days = last.DayNumber - first.DayNumber + 1;
                    var batch = Enumerable.Range(0, count).Select(i => Admitted(cell, DateOnly.FromDayNumber(first.DayNumber + i % days), ++serial)).ToList();
                    db.Members.AddRange(batch);
                    await db.SaveChangesAsync();
                    db.MemberPlacements.AddRange(batch.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn }));
                    await db.SaveChangesAsync();
                }
                return org.Id;
            });
        }
        finally { Once.Release(); }
    }

    private static Member Admitted(Organization cell, DateOnly admittedOn, int serial)
    {
        const string name = "Trần Văn Báo Cáo";
        return new Member
        {
            FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
            Gender = Gender.Male, DateOfBirth = new DateOnly(1996, 1, 1), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
            CitizenId = $"092096{serial:000000}", AdmittedOn = admittedOn, OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Probationary,
        };
    }

    [Fact]
    public async Task AnnualReport_Docx_IsAPartyDocument_WrittenFromTheTargetProgress()
    {
        var org = await ProvinceAsync();
        var client = await app.ApiAsAsync("admin");
        var year = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&year=2023");
        var term = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&term=2020-2025&asOf=2023-12-31");
        var members = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org}?asOf=2023-12-31")).GetProperty("memberCount").GetInt32();
        var rounding = PercentRounding.Default;

        var response = await client.GetAsync($"/api/v1/reports/annual?org={org}&year=2023&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (paragraphs, _, document) = ExportTests.ReadDocx(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(1642, year.GetProperty("admitted").GetInt32());
        Assert.Equal(5841, term.GetProperty("admitted").GetInt32());
        var expected = $"Năm 2023, kết nạp {VnFormat.Number(year.GetProperty("admitted").GetInt32())}/{VnFormat.Number(year.GetProperty("target").GetInt32())} đảng viên, "
            + $"đạt {VnFormat.Percent(year.GetProperty("percent").GetDecimal(), rounding)} so với chỉ tiêu Nghị quyết Tỉnh ủy năm 2023; "
            + $"tính từ đầu nhiệm kỳ đến nay kết nạp {VnFormat.Number(term.GetProperty("admitted").GetInt32())}/{VnFormat.Number(term.GetProperty("target").GetInt32())}, "
            + $"đạt {VnFormat.Percent(term.GetProperty("percent").GetDecimal(), rounding)} so với chỉ tiêu nhiệm kỳ 2020-2025.";
        Assert.Equal("Năm 2023, kết nạp 1.642/1.550 đảng viên, đạt 105,94% so với chỉ tiêu Nghị quyết Tỉnh ủy năm 2023; tính từ đầu nhiệm kỳ đến nay kết nạp 5.841/6.300, đạt 92,71% so với chỉ tiêu nhiệm kỳ 2020-2025.", expected);
        Assert.Contains(expected, paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith($"Đến ngày 31/12/2023, Đảng bộ tỉnh Báo Cáo có {VnFormat.Number(members)} đảng viên", StringComparison.Ordinal));
        // The Party document's parts (HD 36-HD/VPTW).
        Assert.Contains("ĐẢNG BỘ TỈNH BÁO CÁO", paragraphs);
        Assert.Contains("BAN THƯỜNG VỤ", paragraphs);
        Assert.Contains("*", paragraphs);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Số ", StringComparison.Ordinal) && p.EndsWith("-BC/TU", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^Báo Cáo, ngày \d{2} tháng \d{2} năm \d{4}$"));
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("kết quả công tác tổ chức xây dựng Đảng năm 2023", paragraphs);
        Assert.Contains("T/M BAN THƯỜNG VỤ", paragraphs);
        Assert.Contains("Nơi nhận:", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Chưa có số liệu", StringComparison.Ordinal) && p.Contains("đánh giá, xếp loại"));
        // The test province records no discipline: the report says so from the records, it does not say "no figures".
        Assert.Contains("Trong kỳ không có quyết định kỷ luật tổ chức đảng, đảng viên nào được ghi trong hệ thống.", paragraphs);
        ExportTests.AssertValidAndTimesNewRoman(document);
        var date = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First(p => p.InnerText.Contains(", ngày "));
        Assert.NotNull(date.Descendants<DocumentFormat.OpenXml.Wordprocessing.Italic>().FirstOrDefault());
        var margins = document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageMargin>().Single();
        Assert.Equal(35 * 56, (int)margins.Left!.Value);
        Assert.Equal(11906u, document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single().Width!.Value);
    }

    [Fact]
    public async Task AnnualReport_2024_OfTodaysProvince_CountsTheDisciplineRecordedUnderItsPredecessors()
    {
        var client = await app.ApiAsAsync("tochuc");
        var (members, organizations) = await app.WithDbAsync(async (db, _) =>
        {
            var paths = await db.Organizations.Where(o => o.Code == DemoCodes.Province || o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            var rows = (await db.DisciplineDecisions.Where(d => d.DecidedOn >= new DateOnly(2024, 1, 1) && d.DecidedOn <= new DateOnly(2024, 12, 31)).ToListAsync())
                .Where(d => d.ComplaintOutcome != PartyOrg.Domain.Discipline.ComplaintOutcome.Annulled && paths.Any(p => d.OrgPath.StartsWith(p, StringComparison.Ordinal))).ToList();
            return (rows.Where(d => d.MemberId != null).Select(d => d.MemberId).Distinct().Count(), rows.Where(d => d.OrganizationId != null).Select(d => d.OrganizationId).Distinct().Count());
        });
        Assert.True(members > 0, "the demo disciplines members in 2024");

        var sheets = ExportTests.ReadWorkbook(await client.GetByteArrayAsync("/api/v1/reports/annual?year=2024&format=xlsx"));

        var discipline = sheets.Single(s => s.Name == "Kỷ luật");
        Assert.Equal("Đảng viên bị kỷ luật", discipline.Text("A5"));
        Assert.Equal(members, discipline.Number("B5"));
        var organizationsRow = 5 + 1 + PartyOrg.Domain.Discipline.DisciplineFormRule.OfficialMemberForms.Length;
        Assert.Equal("Tổ chức đảng bị kỷ luật", discipline.Text($"A{organizationsRow}"));
        Assert.Equal(organizations, discipline.Number($"B{organizationsRow}"));
    }

    [Fact]
    public async Task AnnualReport_2025_OfTheDemoProvince_WritesTheRatingsOfTheYearAndTheOneBefore_FromTheRecords()
    {
        var client = await app.ApiAsAsync("tochuc");
        var expected = await app.WithDbAsync(async (db, _) =>
        {
            var paths = await db.Organizations.Where(o => o.Code == DemoCodes.Province || o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            var baseIds = (await db.Organizations.Where(o => o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell).Select(o => o.Id).ToListAsync()).ToHashSet();
            var rows = (await db.Ratings.Where(r => (r.Year == 2024 || r.Year == 2025) && r.DecidedLevel != null).ToListAsync())
                .Where(r => paths.Any(p => r.OrgPath.StartsWith(p, StringComparison.Ordinal))).ToList();
            static bool Good(Rating r) => r.DecidedLevel is PartyOrg.Domain.Rating.RatingLevel.Excellent or PartyOrg.Domain.Rating.RatingLevel.Good;
            return new[] { 2024, 2025 }.ToDictionary(y => y, y =>
            {
                var orgs = rows.Where(r => r.Year == y && r.SubjectOrganizationId is { } id && baseIds.Contains(id)).ToList();
                var members = rows.Where(r => r.Year == y && r.MemberId != null).ToList();
                return (Orgs: orgs.Count, OrgsGood: orgs.Count(Good), Members: members.Count, MembersGood: members.Count(Good));
            });
        });
        Assert.True(expected[2025].Orgs > 50 && expected[2024].Members > 1000, "the demo rates 2024 and 2025");
        var rounding = PercentRounding.Default;
        string Share(int part, int whole, string unit) => $"{VnFormat.Percent(rounding.Percent(part, whole)!.Value, rounding)} ({VnFormat.Number(part)}/{VnFormat.Number(whole)} {unit})";

        var (paragraphs, _, _) = ExportTests.ReadDocx(await client.GetByteArrayAsync("/api/v1/reports/annual?year=2025&format=docx"));
        Assert.Contains("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: "
            + $"năm 2024 đạt {Share(expected[2024].OrgsGood, expected[2024].Orgs, "tổ chức cơ sở đảng được xếp loại")}; "
            + $"năm 2025 đạt {Share(expected[2025].OrgsGood, expected[2025].Orgs, "tổ chức cơ sở đảng được xếp loại")}.", paragraphs);
        Assert.Contains("Đảng viên hoàn thành tốt nhiệm vụ trở lên: "
            + $"năm 2024 là {Share(expected[2024].MembersGood, expected[2024].Members, "đảng viên được xếp loại")}; "
            + $"năm 2025 là {Share(expected[2025].MembersGood, expected[2025].Members, "đảng viên được xếp loại")}.", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Chưa có số liệu", StringComparison.Ordinal));

        var sheet = ExportTests.ReadWorkbook(await client.GetByteArrayAsync("/api/v1/reports/annual?year=2025&format=xlsx")).Single(s => s.Name == "Đánh giá, xếp loại");
        Assert.Equal("Tổ chức cơ sở đảng năm 2024", sheet.Text("A5"));
        Assert.Equal(expected[2024].Orgs, sheet.Number("B5"));
        Assert.Equal("Đảng viên năm 2025", sheet.Text("A8"));
        Assert.Equal(expected[2025].Members, sheet.Number("B8"));
        Assert.Equal(rounding.Percent(expected[2025].MembersGood, expected[2025].Members)!.Value / 100m, sheet.Number("G8"));
    }

    [Fact]
    public async Task ReportPage_2025_ShowsTheNarrative_AndEveryLinkedNumberListsExactlyItsRecords()
    {
        var page = await PageClient.SignInAsync(app, "tochuc");
        var html = await page.GetStringAsync("/Reports?year=2025&kind=annual");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains("kết quả công tác tổ chức xây dựng Đảng năm 2025", doc.QuerySelector("h2")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("#report-ratings p"), p => p.TextContent.StartsWith("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: năm 2024 đạt", StringComparison.Ordinal));
        Assert.Contains(doc.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Reports");
        // The province was founded on 01/07/2025: its target progress counts from then, the first half is read apart under its predecessors.
        Assert.Contains(doc.QuerySelectorAll("#report-admissions p"), p => p.TextContent.Contains("thành lập ngày 01/07/2025", StringComparison.Ordinal)
            && p.TextContent.Contains("từ 01/01/2025 đến 30/06/2025 các tổ chức đảng hợp nhất vào", StringComparison.Ordinal));
        Assert.Equal("/api/v1/reports/annual?org=" + await app.OrganizationIdAsync(DemoCodes.Province) + "&year=2025&format=docx",
            doc.QuerySelector("a[data-report=docx]")!.GetAttribute("href"));
        var api = await app.ApiAsAsync("tochuc");
        // The year before reads the predecessors too: the statistics of 31/12/2024 count the same admissions.
        var before = await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics?date=2024-12-31");
        var admittedBefore = before.GetProperty("year").GetProperty("admissions").GetProperty("count").GetInt32();
        Assert.True(admittedBefore > 0, "the demo admits members in 2024");
        Assert.Contains(doc.QuerySelectorAll("#report-admissions p"), p => p.TextContent.Contains(
            $"Cùng kỳ năm trước (01/01/2024 – 31/12/2024) kết nạp {VnFormat.Number(admittedBefore)} đảng viên, gồm cả các tổ chức đảng hợp nhất vào.", StringComparison.Ordinal));
        var links = doc.QuerySelectorAll("a[data-count]").ToList();
        // Admissions, members at both ends, five exits, two years x two subjects x six rating figures, discipline totals and forms.
        Assert.True(links.Count >= 1 + 2 + 5 + 24 + 2, $"{links.Count} linked numbers");
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            var query = href[href.IndexOf('?')..];
            var measure = System.Web.HttpUtility.ParseQueryString(query)["measure"]!;
            var list = measure.StartsWith("organizations", StringComparison.Ordinal) ? "organizations" : "members";
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/{list}{query}&pageSize=1");
            Assert.True(int.Parse(link.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture) == answer.GetProperty("total").GetInt32(),
                $"{link.Closest("tr")?.TextContent.Trim()}: the report says {link.GetAttribute("data-count")}, its list {href} has {answer.GetProperty("total").GetInt32()}");
        }
        // The current year, not rated yet: its rating figures are 0 and their lists are empty, not last year's.
        var current = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.GetStringAsync($"/Reports?year={DateTime.Today.Year}&kind=annual"));
        var currentRow = current.QuerySelectorAll("#report-ratings tr").Single(r => r.TextContent.Contains($"Đảng viên năm {DateTime.Today.Year}", StringComparison.Ordinal));
        foreach (var link in currentRow.QuerySelectorAll("a[data-count]"))
        {
            var href = link.GetAttribute("href")!;
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/members{href[href.IndexOf('?')..]}&pageSize=1");
            Assert.Equal(int.Parse(link.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("total").GetInt32());
        }
        // The list behind a rating figure says what it counts and of which year.
        var records = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.GetStringAsync(
            links.First(l => l.GetAttribute("href")!.Contains("measure=year.ratings", StringComparison.Ordinal) && l.GetAttribute("href")!.Contains("ratingYear=2024", StringComparison.Ordinal)).GetAttribute("href")!));
        Assert.Contains("xếp loại năm 2024", records.QuerySelector(".records-figure")!.TextContent);
        // A bad kind is said in Vietnamese, naming it; the page still answers.
        var bad = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.GetStringAsync("/Reports?kind=monthly"));
        Assert.Contains("Loại báo cáo", bad.QuerySelector(".alert")!.TextContent);
        // A year typed wrong in the address: the page names the field in Vietnamese, not a stale form.
        var typed = await page.GetAsync("/Reports?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        var typedText = await typed.Content.ReadAsStringAsync();
        Assert.Contains("Địa chỉ trang có giá trị không hợp lệ", typedText);
        Assert.Contains("Năm: giá trị không hợp lệ.", typedText);
        // An organization that had ended before the year has no report of it.
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        var ended = await api.GetAsync($"/api/v1/reports/annual?org={longAn}&year=2026&format=docx");
        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
        Assert.Contains("đã kết thúc hoạt động ngày 01/07/2025", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("year")[0].GetString());
    }

    /// <summary>
    /// The seeds' Long An ratings rebuilt from records: base organizations good or above 481/500 in 2021 (96,2%) and 1.943/2.000
    /// in 2022 (97,15%); members 193/200 (96,5%) and 243/250 (97,2%).
    /// </summary>
    [Fact]
    public async Task SeedsRatings_96_2_And_97_15_RebuiltFromRecords_InTheStatisticsAndTheReport()
    {
        var province = await app.WithDbAsync(async (db, _) =>
        {
            var org = new Organization { Code = "BC-XL", Name = "Đảng bộ tỉnh Xếp Loại", Type = OrganizationType.Provincial, Field = OrganizationField.General, FoundedOn = new(1976, 1, 1) };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = $"/{org.Id}/";
            var cells = Enumerable.Range(1, 2000).Select(i => new Organization
            {
                Code = $"BC-XL.{i:0000}", Name = $"Chi bộ cơ sở Xếp Loại {i}", Type = OrganizationType.BaseCell, Field = OrganizationField.Residential,
                FoundedOn = new(1976, 1, 1), ParentId = org.Id, Depth = 1,
            }).ToList();
            db.Organizations.AddRange(cells);
            await db.SaveChangesAsync();
            foreach (var c in cells) c.Path = $"{org.Path}{c.Id}/";
            var members = Enumerable.Range(1, 250).Select(i => Admitted(cells[0], new DateOnly(2000, 1, 1), 900000 + i)).ToList();
            db.Members.AddRange(members);
            await db.SaveChangesAsync();
            Rating Of(int year, Organization cell, int? memberId, bool good) => new()
            {
                Year = year, MemberId = memberId, SubjectOrganizationId = memberId is null ? cell.Id : null, OrganizationId = cell.Id, OrgPath = cell.Path,
                Subject = memberId is null ? PartyOrg.Domain.Rating.RatingSubject.Collective : PartyOrg.Domain.Rating.RatingSubject.MemberWithoutPost,
                DecidedLevel = good ? PartyOrg.Domain.Rating.RatingLevel.Good : PartyOrg.Domain.Rating.RatingLevel.Completed, DecidedOn = new(year, 12, 20), DecidedBy = "admin",
            };
            db.Ratings.AddRange(cells.Take(500).Select((c, i) => Of(2021, c, null, i < 481)));
            db.Ratings.AddRange(cells.Select((c, i) => Of(2022, c, null, i < 1943)));
            db.Ratings.AddRange(members.Take(200).Select((m, i) => Of(2021, cells[0], m.Id, i < 193)));
            db.Ratings.AddRange(members.Select((m, i) => Of(2022, cells[0], m.Id, i < 243)));
            await db.SaveChangesAsync();
            return org.Id;
        });
        var client = await app.ApiAsAsync("admin");
        foreach (var (year, organizations, members) in new[] { (2021, 96.2m, 96.5m), (2022, 97.15m, 97.2m) })
        {
            var r = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={province}&date={year}-12-31")).GetProperty("ratings");
            Assert.Equal(organizations, r.GetProperty("baseOrganizationsGoodOrAbove").GetProperty("percent").GetDecimal());
            Assert.Equal(members, r.GetProperty("membersGoodOrAbove").GetProperty("percent").GetDecimal());
        }
        var (paragraphs, _, _) = ExportTests.ReadDocx(await client.GetByteArrayAsync($"/api/v1/reports/annual?org={province}&year=2022&format=docx"));
        Assert.Contains("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: năm 2021 đạt 96,2% (481/500 tổ chức cơ sở đảng được xếp loại); "
            + "năm 2022 đạt 97,15% (1.943/2.000 tổ chức cơ sở đảng được xếp loại).", paragraphs);
        Assert.Contains("Đảng viên hoàn thành tốt nhiệm vụ trở lên: năm 2021 là 96,5% (193/200 đảng viên được xếp loại); "
            + "năm 2022 là 97,2% (243/250 đảng viên được xếp loại).", paragraphs);
    }

    [Fact]
    public async Task AnnualReport_Xlsx_HasOneSheetPerSection_WithTheFigures()
    {
        var org = await ProvinceAsync();
        var client = await app.ApiAsAsync("admin");
        var year = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&year=2023");

        var response = await client.GetAsync($"/api/v1/reports/annual?org={org}&year=2023&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheets = ExportTests.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());

        // An administrator sees cadre records: the cadre section comes last.
        Assert.Equal(["Phát triển đảng viên", "Số lượng đảng viên", "Đánh giá, xếp loại", "Kỷ luật", "Công tác cán bộ"], sheets.Select(s => s.Name));
        var admissions = sheets[0];
        Assert.Equal(year.GetProperty("admitted").GetInt32(), admissions.Number("B5"));
        Assert.Equal(year.GetProperty("target").GetInt32(), admissions.Number("C5"));
        Assert.Equal(year.GetProperty("percent").GetDecimal() / 100m, admissions.Number("D5"));
        Assert.Equal(5841, admissions.Number("B6"));
        Assert.Equal(6300, admissions.Number("C6"));
        Assert.Equal("Đảng viên bị kỷ luật", sheets[3].Text("A5"));
        Assert.Equal(0, sheets[3].Number("B5"));
    }

    [Fact]
    public async Task AnnualReport_UnderTruncate_PrintsThePress105_93()
    {
        var org = await ProvinceAsync();
        await using var truncating = app.Factory.WithWebHostBuilder(b => b.UseSetting("Reports:PercentRounding", "Truncate"));
        var client = truncating.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = WebAppFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var (paragraphs, _, _) = ExportTests.ReadDocx(await client.GetByteArrayAsync($"/api/v1/reports/annual?org={org}&year=2023"));

        Assert.Contains(paragraphs, p => p.StartsWith("Năm 2023, kết nạp 1.642/1.550 đảng viên, đạt 105,93% so với chỉ tiêu Nghị quyết Tỉnh ủy năm 2023", StringComparison.Ordinal));
        Assert.Contains("Tỷ lệ phần trăm lấy hai chữ số thập phân, cắt bớt (thiết lập Reports:PercentRounding = Truncate).", paragraphs);
    }

    [Theory]
    [InlineData("weekly", "", "kind")]
    [InlineData("annual", "&format=pdf", "format")]
    [InlineData("annual", "&year=1800", "year")]
    [InlineData("annual", "&year=2999", "year")]
    public async Task Report_RefusesUnknownKindFormatOrYear_InVietnamese(string kind, string query, string field)
    {
        var client = await app.ApiAsAsync("tochuc");

        var response = await client.GetAsync($"/api/v1/reports/{kind}?{query.TrimStart('&')}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", messages[0].GetString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task Report_KeepsToTheScope()
    {
        var org = await ProvinceAsync();
        var secretary = await app.ApiAsAsync("bithu");

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/reports/annual?org={org}&year=2023")).StatusCode);
        var own = await secretary.GetAsync($"/api/v1/reports/semiannual?year={DateTime.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var (paragraphs, _, _) = ExportTests.ReadDocx(await own.Content.ReadAsByteArrayAsync());
        Assert.Contains("T/M CHI BỘ", paragraphs);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.GetAsync($"/api/v1/reports/term?year={DateTime.Today.Year}")).StatusCode);
    }
}
