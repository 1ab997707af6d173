using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Statistics as of a date (issue 12, section 3): a hand-counted fixture with its own merger (two old provinces into a new one on
/// 1/7/2025), counted before and after; every figure's drill-down lists exactly as many records as the figure says.
/// </summary>
public class StatisticsTests(WebAppFixture app, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Fixture? fixture;
    private const string Before = "2024-12-31";

    private sealed record Fixture(int NewProvince, int OldA, int OldB, Dictionary<string, int> People);

    [Fact]
    public async Task Statistics_On_31_12_2024_CountThePredecessorsTrees_HandCounted()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var s = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.NewProvince}&date={Before}");

        Assert.False(s.GetProperty("organization").GetProperty("activeOnDate").GetBoolean());
        Assert.Equal([f.OldA, f.OldB], s.GetProperty("organization").GetProperty("stoodInPlace").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).Order());
        var m = s.GetProperty("members");
        Assert.Equal(5, Count(m.GetProperty("total")));          // m1, m2, m5, m6, m8: m3 died, m4 was removed, m7 not yet admitted
        Assert.Equal(2, Count(m.GetProperty("women")));          // m1, m5
        Assert.Equal(40.00m, m.GetProperty("women").GetProperty("percent").GetDecimal());
        Assert.Equal(2, Count(m.GetProperty("under40")));        // m1 (30), m2 (31); m6 is 40 that day
        Assert.Equal(new Dictionary<string, int> { ["Official"] = 3, ["Probationary"] = 2 }, ByValue(m, "byStatus")); // m8 readmitted: probation again
        // The band edges: 30 on the day itself stays in ≤ 30, 31 on the day is 31–40, 40 is 31–40, 60 is 51–60.
        Assert.Equal(new Dictionary<string, int> { ["le30"] = 1, ["31-40"] = 2, ["41-50"] = 1, ["51-60"] = 1, ["gt60"] = 0 }, ByValue(m, "byAgeBand"));
        Assert.Equal(4, ByValue(m, "byEthnicGroup")["01"]);
        Assert.Equal(1, ByValue(m, "byEthnicGroup")["02"]);
        Assert.Equal(55, m.GetProperty("byEthnicGroup").GetArrayLength()); // the 54 groups and "khác"
        Assert.Equal(1, ByValue(m, "byReligion")["Phật giáo"]);
        Assert.Equal(1, ByValue(m, "byPoliticalTheory")["Intermediate"]);
        Assert.Equal(new Dictionary<string, int> { ["lt10"] = 2, ["10-19"] = 1, ["20-29"] = 0, ["30-39"] = 0, ["ge40"] = 0, ["probationary"] = 2 }, ByValue(m, "byPartyAgeBand"));

        var o = s.GetProperty("organizations");
        Assert.Equal(3, Count(o.GetProperty("total")));          // A's commune and cell, B's base cell; the provinces themselves are the subject
        Assert.Equal(2, Count(o.GetProperty("base")));
        Assert.Equal(1, ByValue(o, "byType")["DependentCell"]);
        Assert.Equal(1, ByValue(o, "byField")["Agency"]);

        var y = s.GetProperty("year");
        Assert.Equal(2024, y.GetProperty("year").GetInt32());
        Assert.Equal(2, Count(y.GetProperty("admissions")));     // m2, and m8's readmission (ReadmissionCountingRule, on by default)
        Assert.Equal(1, Count(y.GetProperty("readmissions")));   // m8
        Assert.True(y.GetProperty("readmissionsCounted").GetBoolean());
        Assert.Equal(1, Count(y.GetProperty("recognitions")));   // m6
        Assert.Equal(1, ByValue(y, "exitsByKind")["NameRemoval"]); // m4
        Assert.Equal(1, Count(y.GetProperty("deaths")));         // m3
        Assert.Equal(1, Count(y.GetProperty("transfersIn")));    // m5, from outside
        Assert.Equal(0, Count(y.GetProperty("transfersOut")));
        Assert.Equal(0, Count(s.GetProperty("discipline").GetProperty("members")));     // the fixture records no discipline
        // The fixture records no rating: 2024 has no decision by the date, so the year before is read, and it is empty too.
        Assert.Equal(2023, s.GetProperty("ratings").GetProperty("year").GetInt32());
        Assert.Equal(0, Count(s.GetProperty("ratings").GetProperty("members")));
        Assert.Null(s.GetProperty("ratings").GetProperty("membersGoodOrAbove").GetProperty("percent").GetString());
        Assert.Contains("năm 2024 chưa có quyết định xếp loại nào", s.GetProperty("notes").GetProperty("ratings").GetString());

        // The drill-down lists exactly those people.
        Assert.Equal(Ids(f, "m1", "m2", "m5", "m6", "m8"), await DrillIdsAsync(api, m.GetProperty("total")));
        Assert.Equal(Ids(f, "m2", "m8"), await DrillIdsAsync(api, y.GetProperty("admissions")));
        Assert.Equal(Ids(f, "m2", "m8"), await DrillIdsAsync(api, m.GetProperty("byStatus").EnumerateArray().Single(x => x.GetProperty("value").GetString() == "Probationary")));

        // On 31/12/2020 m8 was an official member of the membership before the name removal: official by the date kept on the readmission.
        var y2020 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.NewProvince}&date=2020-12-31");
        Assert.Equal(Ids(f, "m1", "m3", "m4", "m8"), await DrillIdsAsync(api, y2020.GetProperty("members").GetProperty("total")));
        Assert.Equal(new Dictionary<string, int> { ["Official"] = 4, ["Probationary"] = 0 }, ByValue(y2020.GetProperty("members"), "byStatus"));
        Assert.Equal(Ids(f, "m4"), await DrillIdsAsync(api, y.GetProperty("exitsByKind").EnumerateArray().Single(x => x.GetProperty("value").GetString() == "NameRemoval")));
        Assert.Equal(Ids(f, "m5"), await DrillIdsAsync(api, y.GetProperty("transfersIn")));
    }

    [Fact]
    public async Task Statistics_Today_CountTheSamePeopleOnceInTheNewProvince()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var s = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.NewProvince}");
        Assert.True(s.GetProperty("organization").GetProperty("activeOnDate").GetBoolean());
        var m = s.GetProperty("members");
        Assert.Equal(6, Count(m.GetProperty("total")));          // the five of 2024, moved on 1/7/2025, and m7
        Assert.Equal(Ids(f, "m1", "m2", "m5", "m6", "m7", "m8"), await DrillIdsAsync(api, m.GetProperty("total")));
        Assert.Equal(2, Count(s.GetProperty("organizations").GetProperty("total")));
        // Each predecessor read alone on 31/12/2024 adds up to the new province's figure that day.
        var a = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.OldA}&date={Before}");
        var b = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.OldB}&date={Before}");
        Assert.Equal(5, Count(a.GetProperty("members").GetProperty("total")) + Count(b.GetProperty("members").GetProperty("total")));
        // 2025: m7's admission, after the merger, in the new province.
        var y2025 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.NewProvince}&date=2025-12-31");
        Assert.Equal(Ids(f, "m7"), await DrillIdsAsync(api, y2025.GetProperty("year").GetProperty("admissions")));
    }

    [Fact]
    public async Task EveryFigure_DrillDownTotal_EqualsTheFigure_FixtureAndDemo()
    {
        var f = await FixtureAsync();
        var admin = await app.ApiAsAsync("admin");
        foreach (var date in new[] { Before, "2025-12-31", null })
            await AssertEveryFigureAsync(admin, $"/api/v1/statistics?org={f.NewProvince}" + (date is null ? "" : $"&date={date}"));
        var tochuc = await app.ApiAsAsync("tochuc");
        foreach (var date in new[] { Before, null })
            await AssertEveryFigureAsync(tochuc, "/api/v1/statistics" + (date is null ? "" : $"?date={date}"));
    }

    [Fact]
    public async Task Demo_31_12_2024_CountsEveryMemberOfBothPredecessorsOnce()
    {
        var api = await app.ApiAsAsync("tochuc");
        var s = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?date={Before}");
        var expected = await app.WithDbAsync(async (db, _) =>
        {
            var paths = await db.Organizations.Where(o => o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            var on = new DateOnly(2024, 12, 31);
            var placed = await db.MemberPlacements.Where(p => p.FromDate <= on && (p.ToDate == null || p.ToDate > on)).Select(p => new { p.MemberId, p.OrgPath }).ToListAsync();
            return placed.Where(p => paths.Any(x => p.OrgPath.StartsWith(x, StringComparison.Ordinal))).Select(p => p.MemberId).Distinct().Count();
        });
        Assert.True(expected > 0);
        Assert.Equal(expected, Count(s.GetProperty("members").GetProperty("total")));
        var root = await api.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/root?asOf={Before}");
        Assert.Equal(root.GetProperty("memberCount").GetInt32(), expected);
    }

    [Fact]
    public async Task Discipline_OfTheYear_CountsTheDecisionsOfTheSubtree_ByForm_LeavingOutAnnulled()
    {
        var api = await app.ApiAsAsync("tochuc");
        var s = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?date={Before}");
        var (members, byForm, orgs) = await app.WithDbAsync(async (db, _) =>
        {
            var paths = await db.Organizations.Where(o => o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            var rows = (await db.DisciplineDecisions.Where(d => d.DecidedOn >= new DateOnly(2024, 1, 1) && d.DecidedOn <= new DateOnly(2024, 12, 31)).ToListAsync())
                .Where(d => d.ComplaintOutcome != PartyOrg.Domain.Discipline.ComplaintOutcome.Annulled && paths.Any(x => d.OrgPath.StartsWith(x, StringComparison.Ordinal))).ToList();
            var m = rows.Where(d => d.MemberId != null).ToList();
            return (m.Select(d => d.MemberId).Distinct().Count(),
                m.GroupBy(d => d.Form.ToString()).ToDictionary(g => g.Key, g => g.Select(d => d.MemberId).Distinct().Count()),
                rows.Where(d => d.OrganizationId != null).Select(d => d.OrganizationId).Distinct().Count());
        });
        var d = s.GetProperty("discipline");
        Assert.True(members > 0, "the demo disciplines members in 2024");
        Assert.Equal(members, Count(d.GetProperty("members")));
        Assert.Equal(orgs, Count(d.GetProperty("organizations")));
        foreach (var figure in d.GetProperty("membersByForm").EnumerateArray())
            Assert.Equal(byForm.GetValueOrDefault(figure.GetProperty("value").GetString()!), Count(figure));
    }

    [Fact]
    public async Task Ratings_OfTheYear_CountTheDecidedRatings_UnderThePredecessorsToo_BeforeAndAfterTheMerger()
    {
        var api = await app.ApiAsAsync("tochuc");
        // Decided ratings of a year under today's province and its predecessors, counted by hand from the rows.
        async Task<(int Members, int MembersGood, int Orgs, int OrgsGood, int Exempt)> ExpectedAsync(int year, DateOnly by) => await app.WithDbAsync(async (db, _) =>
        {
            var paths = await db.Organizations.Where(o => o.Code == DemoCodes.Province || o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            var baseIds = (await db.Organizations.Where(o => o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell).Select(o => o.Id).ToListAsync()).ToHashSet();
            var rows = (await db.Ratings.Where(r => r.Year == year).ToListAsync()).Where(r => paths.Any(p => r.OrgPath.StartsWith(p, StringComparison.Ordinal))).ToList();
            var decided = rows.Where(r => r.DecidedLevel != null && r.DecidedOn <= by).ToList();
            var members = decided.Where(r => r.MemberId != null).ToList();
            var orgs = decided.Where(r => r.SubjectOrganizationId is { } id && baseIds.Contains(id)).ToList();
            static bool Good(Rating r) => r.DecidedLevel is PartyOrg.Domain.Rating.RatingLevel.Excellent or PartyOrg.Domain.Rating.RatingLevel.Good;
            return (members.Count, members.Count(Good), orgs.Count, orgs.Count(Good), rows.Count(r => r.MemberId != null && r.ExemptReason != null));
        });
        var y2024 = await ExpectedAsync(2024, new DateOnly(2024, 12, 31));
        Assert.True(y2024.Members > 1000 && y2024.Orgs > 50, "the demo rates 2024");
        // 31/12/2024 (before the merger, read through Long An and the former Tây Ninh) and 01/08/2025 (after it, no 2025 decision yet) read 2024 alike.
        foreach (var date in new[] { Before, "2025-08-01" })
        {
            var r = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?date={date}")).GetProperty("ratings");
            Assert.Equal(2024, r.GetProperty("year").GetInt32());
            Assert.Equal(y2024.Members, Count(r.GetProperty("members")));
            Assert.Equal(y2024.MembersGood, Count(r.GetProperty("membersGoodOrAbove")));
            Assert.Equal(y2024.Orgs, Count(r.GetProperty("baseOrganizations")));
            Assert.Equal(y2024.OrgsGood, Count(r.GetProperty("baseOrganizationsGoodOrAbove")));
            Assert.Equal(y2024.Members, r.GetProperty("membersByLevel").EnumerateArray().Sum(Count));
            Assert.Equal(PercentRounding.Default.Percent(y2024.OrgsGood, y2024.Orgs), r.GetProperty("baseOrganizationsGoodOrAbove").GetProperty("percent").GetDecimal());
            Assert.Equal(y2024.Exempt, Count(r.GetProperty("membersExempt")));
        }
        // Today: the demo leaves the current year to be rated, so the last finished year is read unless another test has decided one
        // of this year already.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var current = await ExpectedAsync(today.Year, today);
        var year = current.Members + current.Orgs > 0 ? today.Year : today.Year - 1;
        var last = await ExpectedAsync(year, today);
        var now = (await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics")).GetProperty("ratings");
        Assert.Equal(year, now.GetProperty("year").GetInt32());
        Assert.Equal(last.Members, Count(now.GetProperty("members")));
        Assert.Equal(last.OrgsGood, Count(now.GetProperty("baseOrganizationsGoodOrAbove")));
    }

    [Fact]
    public async Task Ratings_OfLongAn_2021_And_2022_FollowTheSeedsProportions()
    {
        // Long An's report: base organizations good or above 96,2% (2021), 97,15% (2022); members 96,5%, 97,2%. The demo's
        // counts cannot hit every share exactly; they come within a quarter of a point.
        var api = await app.ApiAsAsync("tochuc");
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        foreach (var (year, orgs, members) in new[] { (2021, 96.2m, 96.5m), (2022, 97.15m, 97.2m) })
        {
            var r = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={longAn}&date={year}-12-31")).GetProperty("ratings");
            Assert.Equal(year, r.GetProperty("year").GetInt32());
            Assert.InRange(r.GetProperty("baseOrganizationsGoodOrAbove").GetProperty("percent").GetDecimal(), orgs - 0.25m, orgs + 0.25m);
            Assert.InRange(r.GetProperty("membersGoodOrAbove").GetProperty("percent").GetDecimal(), members - 0.25m, members + 0.25m);
        }
    }

    [Fact]
    public async Task BadParameters_AreRefusedNamingTheField_AndOutsideTheScopeIsNotFound()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("tochuc");
        var future = await api.GetAsync($"/api/v1/statistics?date={DateTime.UtcNow.AddYears(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
        var measure = await api.GetAsync("/api/v1/statistics/members?measure=members.shoeSize&value=all");
        Assert.Equal(HttpStatusCode.BadRequest, measure.StatusCode);
        Assert.True((await measure.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("measure", out _));
        var value = await api.GetAsync("/api/v1/statistics/members?measure=members.gender&value=0");
        Assert.True((await value.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("value", out _));
        // A comma list is not a value (the enumeration's flags syntax would read "Excellent,Good" as a third level).
        foreach (var (measure2, list) in new[] { ("year.ratings", "Excellent,Good"), ("members.gender", "Male,Female"), ("members.politicalTheory", "None,Basic") })
        {
            var comma = await api.GetAsync($"/api/v1/statistics/members?measure={measure2}&value={list}");
            Assert.Equal(HttpStatusCode.BadRequest, comma.StatusCode);
            Assert.True((await comma.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("value", out _));
        }
        var organizationsComma = await api.GetAsync("/api/v1/statistics/organizations?measure=organizations.ratings&value=Good,Completed");
        Assert.Equal(HttpStatusCode.BadRequest, organizationsComma.StatusCode);
        var ratingYear = await api.GetAsync("/api/v1/statistics/members?date=2024-12-31&measure=year.ratings&value=all&ratingYear=2025");
        Assert.True((await ratingYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ratingYear", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/statistics?org={f.NewProvince}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/statistics/members?org={f.NewProvince}&measure=members&value=all")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/statistics/forms/ket-nap.xlsx?org={f.NewProvince}")).StatusCode);
        var member = await app.ApiAsAsync("dangvien");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/statistics")).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsEveryFigureAsALinkToItsList_WithQuickDates_AndCommissionNavigation()
    {
        var api = await app.ApiAsAsync("tochuc");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?date={Before}");
        var figures = FiguresOf(json).ToDictionary(f => (f.GetProperty("measure").GetString()!, f.GetProperty("value").GetString()!), Count);
        var client = await PageClient.SignInAsync(app, "tochuc");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/Statistics?date=31/12/2024"));
        Assert.Equal("2024-12-31", doc.QuerySelector(".asof-reading")!.GetAttribute("data-date"));
        Assert.Contains("tổ chức tiền thân", doc.QuerySelector(".asof-reading")!.TextContent);
        var rows = doc.QuerySelectorAll("table.table-cards tr[data-measure]").ToList();
        Assert.True(rows.Count > 30);
        foreach (var row in rows)
        {
            var key = (row.GetAttribute("data-measure")!, row.GetAttribute("data-value")!);
            var link = row.QuerySelector("a[data-count]")!;
            Assert.Equal(figures[key].ToString(System.Globalization.CultureInfo.InvariantCulture), link.GetAttribute("data-count"));
            Assert.StartsWith("/Statistics/Records?", link.GetAttribute("href"));
            Assert.All(row.QuerySelectorAll("td:not(.card-title)"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
        }
        // One figure's list, followed on the page: its pager counts the figure.
        var women = rows.Single(r => r.GetAttribute("data-measure") == "members.women").QuerySelector("a")!.GetAttribute("href")!;
        var list = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(women));
        Assert.Contains($"{VnFormat.Number(figures[("members.women", "all")])} đảng viên", list.QuerySelector("[data-pager-status]")!.TextContent);
        // Each list is titled with its figure's words as the statistics print them, with the rating year the figures read.
        var ratingYear = json.GetProperty("ratings").GetProperty("year").GetInt32();
        var levelRow = rows.First(r => r.GetAttribute("data-measure") == "year.ratings" && r.GetAttribute("data-value") != "all");
        foreach (var (measure, value, suffix) in new[] { ("members.women", "all", ", ngày 31/12/2024"), ("members.status", "Probationary", ", ngày 31/12/2024"),
            ("year.admissions", "all", ", từ 01/01/2024 đến 31/12/2024"), ("year.ratings", levelRow.GetAttribute("data-value")!, $", xếp loại năm {ratingYear}") })
        {
            var label = FiguresOf(json).Single(f => f.GetProperty("measure").GetString() == measure && f.GetProperty("value").GetString() == value).GetProperty("label").GetString();
            var href = rows.Single(r => r.GetAttribute("data-measure") == measure && r.GetAttribute("data-value") == value).QuerySelector("a")!.GetAttribute("href")!;
            var titled = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(href));
            Assert.Equal(label + suffix, titled.QuerySelector(".records-figure")!.TextContent.Trim());
        }
        Assert.Equal(["Hôm nay", $"31/12/{DateTime.Now.Year - 1}", "30/06/2025 (trước sáp nhập)"],
            doc.QuerySelectorAll(".asof-quick a, .asof-quick [aria-current]").Select(a => a.TextContent.Trim()));
        Assert.Contains(doc.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Statistics");
        Assert.Equal(6, doc.QuerySelectorAll(".stats-forms a[href^='/api/v1/statistics/forms/']").Length);
        var secretary = await PageClient.SignInAsync(app, "bithu");
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secretary.GetStringAsync("/"));
        Assert.DoesNotContain(home.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Statistics");
        // A date typed wrongly is named, and the page still shows today's figures.
        var bad = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/Statistics?date=31/02/2024"));
        Assert.Contains("Ngày thống kê", bad.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Forms_Xlsx_ReadBack_CellByCell_AgainstTheJson()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={f.NewProvince}&date={Before}");
        var figures = FiguresOf(json).ToList();
        foreach (var form in new[] { "to-chuc-dang", "trinh-do", "dan-toc-ton-giao", "ket-nap", "ra-khoi-dang" })
        {
            var response = await api.GetAsync($"/api/v1/statistics/forms/{form}.xlsx?org={f.NewProvince}&date={Before}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart!;
            var template = PartyOrg.Web.Features.Statistics.FormTemplates.Find(form)!;
            Assert.Equal(template.Sheets.Count, book.WorksheetParts.Count());
            foreach (var sheet in book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
            {
                var ws = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet;
                var cells = ws.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
                string Text(string r) => cells.TryGetValue(r, out var c) ? c.InlineString?.InnerText ?? c.CellValue?.Text ?? "" : "";
                Assert.Equal("ĐẢNG BỘ TỈNH THỐNG KÊ C", Text("A1"));
                Assert.Equal("Tính đến ngày 31/12/2024", Text("A3"));
                Assert.Contains($"phiên bản {template.Version}", Text("A4"));
                Assert.Contains("dựng lại", Text("A4"));
                Assert.Equal("STT", Text("A6"));
                var pane = ws.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
                Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
                Assert.Equal(6d, pane.VerticalSplit!.Value);
                // Every numbered row is a figure of the JSON, read back by its label; the "Cộng" rows sum the rows above them.
                var checkedRows = 0;
                for (var r = 7; cells.ContainsKey($"B{r}") || cells.ContainsKey($"A{r}"); r++)
                {
                    var label = Text($"B{r}");
                    if (label == "Cộng")
                    {
                        // The formula's range is the block of numbered rows just above, and its stored value their sum.
                        var range = System.Text.RegularExpressions.Regex.Match(cells[$"C{r}"].CellFormula!.Text, @"^SUM\(C(\d+):C(\d+)\)$");
                        Assert.True(range.Success);
                        var (from, to) = (int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                        Assert.Equal(r - 1, to);
                        Assert.True(from > 6 && cells.ContainsKey($"A{from}"));
                        var sum = Enumerable.Range(from, to - from + 1).Sum(x => int.Parse(Text($"C{x}"), System.Globalization.CultureInfo.InvariantCulture));
                        Assert.Equal(sum.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[$"C{r}"].CellValue!.Text);
                        continue;
                    }
                    if (!cells.ContainsKey($"A{r}")) continue;
                    var matches = figures.Where(x => x.GetProperty("label").GetString() == label).ToList();
                    Assert.NotEmpty(matches);
                    Assert.Contains(matches, x => Count(x).ToString(System.Globalization.CultureInfo.InvariantCulture) == Text($"C{r}"));
                    checkedRows++;
                }
                Assert.True(checkedRows > 0, $"{form}/{sheet.Name}");
            }
        }
        // The fixture's figures in the cells: 5 members of whom 4 Kinh, 1 Tày.
        var ethnic = await api.GetByteArrayAsync($"/api/v1/statistics/forms/dan-toc-ton-giao.xlsx?org={f.NewProvince}&date={Before}");
        using var e = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(ethnic), false);
        var first = e.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).First(w => w.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => c.InnerText == "Tày"));
        var rowsOf = new Dictionary<string, string?>();
        foreach (var row in first.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
        {
            var byColumn = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(c => c.CellReference!.Value![..1]);
            if (byColumn.TryGetValue("B", out var b) && byColumn.TryGetValue("C", out var c)) rowsOf.TryAdd(b.InnerText, c.CellValue?.Text);
        }
        Assert.Equal("4", rowsOf["Kinh"]);
        Assert.Equal("1", rowsOf["Tày"]);
        Assert.Equal("5", rowsOf["Cộng"]);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/statistics/forms/khong-co.xlsx?org={f.NewProvince}")).StatusCode);
    }

    [Fact]
    public void FormTemplates_AreVersionedReconstructions_NamingKnownMeasures()
    {
        var all = PartyOrg.Web.Features.Statistics.FormTemplates.Load();
        Assert.Equal(["dan-toc-ton-giao", "ket-nap", "ra-khoi-dang", "to-chuc-dang", "trinh-do", "xep-loai"], all.Select(t => t.Id).Order());
        Assert.All(all, t => Assert.Contains("Bản dựng lại", t.Note));
        Assert.All(all, t => Assert.False(string.IsNullOrWhiteSpace(t.Version)));
    }

    [Fact]
    public async Task Statistics_OfTheDemoProvince_RunAHandfulOfGroupedQueries()
    {
        var api = await app.ApiAsAsync("tochuc");
        await api.GetAsync("/api/v1/statistics"); // warm up
        foreach (var date in new[] { Before, DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
        {
            var url = $"/api/v1/statistics?date={date}";
            var (commands, elapsed, response) = await SqlCommands.CountAsync(() => api.GetAsync(url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var members = Count((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").GetProperty("total"));
            output.WriteLine($"{app.Provider} {url}: {members} members, {commands} SQL commands, {elapsed.TotalMilliseconds:0} ms");
            // A fixed number of grouped queries (organizations, members, each flow, discipline, ratings of two years, the walk back
            // through one merger), whatever the size of the subtree.
            Assert.InRange(commands, 1, 24);
            var drill = $"/api/v1/statistics/members?date={date}&measure=members.ageBand&value=31-40&pageSize=25";
            var (drillCommands, drillElapsed, drillResponse) = await SqlCommands.CountAsync(() => api.GetAsync(drill));
            Assert.Equal(HttpStatusCode.OK, drillResponse.StatusCode);
            output.WriteLine($"{app.Provider} {drill}: {drillCommands} SQL commands, {drillElapsed.TotalMilliseconds:0} ms");
            Assert.InRange(drillCommands, 1, 14); // the subject (with the walk back through the merger) and one page
        }
    }


    // ---- helpers -----------------------------------------------------------------------------------------------------------

    private static int Count(JsonElement figure) => figure.GetProperty("count").GetInt32();

    private static Dictionary<string, int> ByValue(JsonElement section, string list) =>
        section.GetProperty(list).EnumerateArray().ToDictionary(x => x.GetProperty("value").GetString()!, Count);

    private static List<int> Ids(Fixture f, params string[] names) => names.Select(n => f.People[n]).Order().ToList();

    private static async Task<List<int>> DrillIdsAsync(HttpClient api, JsonElement figure)
    {
        var page = await api.GetFromJsonAsync<JsonElement>(figure.GetProperty("link").GetString() + "&pageSize=200");
        Assert.Equal(Count(figure), page.GetProperty("total").GetInt32());
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();
    }

    /// <summary>Every object with a measure and a link in the answer, wherever it is.</summary>
    private static List<JsonElement> FiguresOf(JsonElement s)
    {
        var figures = new List<JsonElement>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("measure", out _) && e.TryGetProperty("link", out _)) figures.Add(e);
                else foreach (var p in e.EnumerateObject()) Walk(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Walk(x);
        }
        Walk(s);
        return figures;
    }

    /// <summary>Walks the whole answer: every object with a measure is a figure, and its link's total must equal its count.</summary>
    private static async Task AssertEveryFigureAsync(HttpClient api, string url)
    {
        var s = await api.GetFromJsonAsync<JsonElement>(url);
        var figures = FiguresOf(s);
        Assert.True(figures.Count > 100, $"{figures.Count} figures");
        foreach (var figure in figures)
        {
            // Every figure has its words in the catalogue (a value it lacks would show the bare measure).
            Assert.NotEqual(figure.GetProperty("measure").GetString(), figure.GetProperty("label").GetString());
            var response = await api.GetAsync(figure.GetProperty("link").GetString() + "&pageSize=1");
            Assert.True(response.IsSuccessStatusCode, $"{figure.GetProperty("link").GetString()}: {await response.Content.ReadAsStringAsync()}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(Count(figure) == page.GetProperty("total").GetInt32(),
                $"{url}: {figure.GetProperty("measure").GetString()}={figure.GetProperty("value").GetString()} says {Count(figure)}, its list has {page.GetProperty("total").GetInt32()}");
        }
    }

    private async Task<Fixture> FixtureAsync()
    {
        await Once.WaitAsync();
        try
        {
            return fixture ??= await app.WithDbAsync(BuildAsync);
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<Fixture> BuildAsync(AppDbContext db, IServiceProvider _)
    {
        var reform = OrganizationLife.Reform2025;
        var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var a = await OrgAsync(db, null, $"ST{tag}-A", "Đảng bộ tỉnh Thống Kê A", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), reform);
        var a1 = await OrgAsync(db, a, $"ST{tag}-A.1", "Đảng bộ xã A1", OrganizationType.BaseCommittee, OrganizationField.Commune, new(1976, 1, 1), reform);
        var a11 = await OrgAsync(db, a1, $"ST{tag}-A.1.1", "Chi bộ ấp A1.1", OrganizationType.DependentCell, OrganizationField.Residential, new(1976, 1, 1), reform);
        var b = await OrgAsync(db, null, $"ST{tag}-B", "Đảng bộ tỉnh Thống Kê B", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), reform);
        var b1 = await OrgAsync(db, b, $"ST{tag}-B.1", "Chi bộ Sở B1", OrganizationType.BaseCell, OrganizationField.Agency, new(1976, 1, 1), reform);
        var c = await OrgAsync(db, null, $"ST{tag}-C", "Đảng bộ tỉnh Thống Kê C", OrganizationType.Provincial, OrganizationField.General, reform, null);
        var c1 = await OrgAsync(db, c, $"ST{tag}-C.1", "Đảng bộ phường C1", OrganizationType.Commune, OrganizationField.Ward, reform, null);
        var c11 = await OrgAsync(db, c1, $"ST{tag}-C.1.1", "Chi bộ khu phố C1.1", OrganizationType.BaseCell, OrganizationField.Residential, reform, null);
        var x = await OrgAsync(db, null, $"ST{tag}-X", "Đảng bộ tỉnh Khác", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), null);
        var x1 = await OrgAsync(db, x, $"ST{tag}-X.1", "Chi bộ X1", OrganizationType.BaseCell, OrganizationField.Agency, new(1976, 1, 1), null);
        (a.SuccessorId, a1.SuccessorId, a11.SuccessorId, b.SuccessorId, b1.SuccessorId) = (c.Id, c1.Id, c11.Id, c.Id, c11.Id);
        await db.SaveChangesAsync();

        var serial = Random.Shared.Next(100_000, 900_000);
        Member Person(string name, Gender gender, DateOnly born, DateOnly admitted, DateOnly? official, MemberStatus status, Organization cell) => new()
        {
            FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
            Gender = gender, DateOfBirth = born, EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
            CitizenId = "",
            AdmittedOn = admitted, OfficialOn = official, OrganizationId = cell.Id, OrgPath = cell.Path, Status = status,
        };
        var people = new Dictionary<string, Member>
        {
            ["m1"] = Person("Trần Thị Một", Gender.Female, new(1994, 12, 31), new(2010, 5, 1), new(2011, 5, 1), MemberStatus.Official, c11),
            ["m2"] = Person("Lê Văn Hai", Gender.Male, new(1993, 12, 31), new(2024, 3, 1), null, MemberStatus.Probationary, c11),
            ["m3"] = Person("Phạm Văn Ba", Gender.Male, new(1960, 1, 1), new(1980, 1, 1), new(1981, 1, 1), MemberStatus.Deceased, a11),
            ["m4"] = Person("Võ Văn Bốn", Gender.Male, new(1980, 6, 1), new(2000, 1, 1), new(2001, 1, 1), MemberStatus.NameRemoved, a11),
            ["m5"] = Person("Đỗ Thị Năm", Gender.Female, new(1964, 1, 1), new(2015, 1, 1), new(2016, 1, 1), MemberStatus.Official, c11),
            ["m6"] = Person("Huỳnh Văn Sáu", Gender.Male, new(1984, 1, 1), new(2023, 2, 1), new(2024, 2, 1), MemberStatus.Official, c11),
            ["m7"] = Person("Bùi Văn Bảy", Gender.Male, new(1998, 1, 1), new(2025, 8, 1), null, MemberStatus.Probationary, c11),
            // Removed for unpaid fees in 2021, readmitted on 01/06/2024, official again from 01/06/2025.
            ["m8"] = Person("Ngô Văn Tám", Gender.Male, new(1975, 5, 5), new(2000, 1, 1), new(2025, 6, 1), MemberStatus.Official, c11),
        };
        foreach (var (key, m) in people) m.CitizenId = $"079{key[1]}{serial:000000}{Random.Shared.Next(10, 99)}";
        people["m2"].EthnicGroupCode = "02";
        people["m2"].Religion = "Phật giáo";
        people["m5"].PoliticalTheory = PoliticalTheory.Intermediate;
        people["m8"].ReadmittedOn = new(2024, 6, 1);
        db.Members.AddRange(people.Values);
        await db.SaveChangesAsync();

        void Place(string key, Organization cell, DateOnly from, DateOnly? to) =>
            db.MemberPlacements.Add(new MemberPlacement { MemberId = people[key].Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = from, ToDate = to });
        Place("m1", a11, new(2010, 5, 1), reform); Place("m1", c11, reform, null);
        Place("m2", b1, new(2024, 3, 1), reform); Place("m2", c11, reform, null);
        Place("m3", a11, new(1980, 1, 1), new(2024, 6, 1));
        Place("m4", a11, new(2000, 1, 1), new(2024, 9, 10));
        Place("m5", x1, new(2015, 1, 1), new(2024, 4, 1)); Place("m5", b1, new(2024, 4, 1), reform); Place("m5", c11, reform, null);
        Place("m6", a11, new(2023, 2, 1), reform); Place("m6", c11, reform, null);
        Place("m7", c11, new(2025, 8, 1), null);
        Place("m8", a11, new(2000, 1, 1), new(2021, 3, 1)); Place("m8", a11, new(2024, 6, 1), reform); Place("m8", c11, reform, null);
        db.MemberDecisions.AddRange(
            new MemberDecision { MemberId = people["m3"].Id, Kind = DecisionKind.Death, DecidedOn = new(2024, 6, 1) },
            new MemberDecision { MemberId = people["m4"].Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(2024, 9, 10), RemovalCase = NameRemovalCase.AbandonedActivity },
            new MemberDecision { MemberId = people["m6"].Id, Kind = DecisionKind.Recognition, DecidedOn = new(2024, 2, 1) },
            new MemberDecision { MemberId = people["m8"].Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(2021, 3, 1), RemovalCase = NameRemovalCase.UnpaidFees },
            new MemberDecision { MemberId = people["m8"].Id, Kind = DecisionKind.Readmission, DecidedOn = new(2024, 6, 1), PriorOfficialOn = new(2001, 1, 1) },
            new MemberDecision { MemberId = people["m8"].Id, Kind = DecisionKind.Recognition, DecidedOn = new(2025, 6, 1) });
        db.MemberTransfers.Add(new MemberTransfer
        {
            MemberId = people["m5"].Id, Kind = TransferKind.Official, FromOrganizationId = x1.Id, FromPath = x1.Path, ToOrganizationId = b1.Id, ToPath = b1.Path,
            IssuedOn = new(2024, 3, 20), PresentBy = new(2024, 5, 3), ReceivedOn = new(2024, 4, 1), State = TransferState.Received,
        });
        await db.SaveChangesAsync();
        return new Fixture(c.Id, a.Id, b.Id, people.ToDictionary(p => p.Key, p => p.Value.Id));
    }

    private static async Task<Organization> OrgAsync(AppDbContext db, Organization? parent, string code, string name, OrganizationType type, OrganizationField field, DateOnly founded, DateOnly? ended)
    {
        var org = new Organization
        {
            Code = code, Name = name, Type = type, Field = field, FoundedOn = founded, EndedOn = ended,
            State = ended is null ? OrganizationState.Active : OrganizationState.Merged, ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = $"{parent?.Path ?? "/"}{org.Id}/";
        await db.SaveChangesAsync();
        return org;
    }
}
