using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The dashboard (issue 12, section 5): each chart's figures against an independent count from the rows, on a fixture with its own
/// merger (two old provinces into a new one on 1/7/2025) read in 2024 and in 2025; every figure's list as long as the figure; the
/// page's SVG bars one per table row; the scope.
/// </summary>
public class DashboardTests(WebAppFixture app, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Fixture? fixture;

    private sealed record Fixture(int NewProvince, int OldA, int OldB, int NewCommune, Dictionary<string, int> People);

    // ---- independent counts -------------------------------------------------------------------------------------------

    /// <summary>Subtree paths of the organizations with these ids and of those that were merged into them (walked in memory).</summary>
    private async Task<List<string>> HistoryPathsAsync(params int[] ids) => await app.WithDbAsync(async (db, _) =>
    {
        var all = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Path, o.SuccessorId }).ToListAsync();
        var found = ids.ToHashSet();
        for (var grew = true; grew;)
        {
            var more = all.Where(o => o.SuccessorId is { } s && found.Contains(s) && !found.Contains(o.Id)).Select(o => o.Id).ToList();
            grew = more.Count > 0;
            found.UnionWith(more);
        }
        return all.Where(o => found.Contains(o.Id)).Select(o => o.Path).ToList();
    });

    private static bool Under(string path, IEnumerable<string> roots) => roots.Any(r => path.StartsWith(r, StringComparison.Ordinal));

    private sealed record Expected(Dictionary<RatingLevel, int> Members, Dictionary<RatingLevel, int> Orgs, int[] Months,
        Dictionary<string, (int Men, int Women)> Pyramid, Dictionary<string, int> PartyAge);

    /// <summary>The dashboard's figures counted again from the rows, in memory, with the domain rules.</summary>
    private async Task<Expected> ExpectedAsync(IReadOnlyList<string> history, IReadOnlyList<string> onDatePaths, int year, DateOnly date) => await app.WithDbAsync(async (db, _) =>
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var ratings = (await db.Ratings.AsNoTracking().Where(r => r.Year == year && r.DecidedLevel != null).ToListAsync())
            .Where(r => r.DecidedOn <= today && Under(r.OrgPath, history)).ToList();
        var baseIds = (await db.Organizations.Where(o => o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell).Select(o => o.Id).ToListAsync()).ToHashSet();
        var members = RatingLevels.All.ToDictionary(l => l, l => ratings.Count(r => r.MemberId != null && r.DecidedLevel == l));
        var orgs = RatingLevels.All.ToDictionary(l => l, l => ratings.Count(r => r.SubjectOrganizationId is { } id && baseIds.Contains(id) && r.DecidedLevel == l));

        var placements = await db.MemberPlacements.AsNoTracking().ToListAsync();
        var people = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id);
        bool PlacedIn(int memberId, DateOnly day, IReadOnlyList<string> roots) =>
            placements.Any(p => p.MemberId == memberId && p.FromDate <= day && (p.ToDate == null || p.ToDate > day) && Under(p.OrgPath, roots));
        var months = new int[12];
        foreach (var m in people.Values)
        {
            if (m.AdmittedOn.Year == year && m.AdmittedOn <= date && PlacedIn(m.Id, m.AdmittedOn, history)) months[m.AdmittedOn.Month - 1]++;
            if (m.ReadmittedOn is { } again && again.Year == year && again <= date && PlacedIn(m.Id, again, history)) months[again.Month - 1]++;
        }
        var onDate = people.Values.Where(m => PlacedIn(m.Id, date, onDatePaths)).ToList();
        var pyramid = AgeBandRule.Bands.Select((b, i) => (b.Key, Men: onDate.Count(m => m.Gender == Gender.Male && AgeBandRule.Of(m.DateOfBirth, date) == i),
            Women: onDate.Count(m => m.Gender == Gender.Female && AgeBandRule.Of(m.DateOfBirth, date) == i))).ToDictionary(x => x.Key, x => (x.Men, x.Women));
        var decisions = await db.MemberDecisions.AsNoTracking().Where(d => d.Kind == DecisionKind.Readmission).ToListAsync();
        bool Official(Member m) => m.ReadmittedOn is null || m.ReadmittedOn <= date
            ? m.OfficialOn is { } o && o <= date
            : decisions.Any(d => d.MemberId == m.Id && d.PriorOfficialOn is { } p && p <= date);
        var partyAge = PartyAgeBandRule.Bands.Select((b, i) => (b.Key, Count: onDate.Count(m => PartyAgeBandRule.Of(m.AdmittedOn, Official(m), date) == i)))
            .ToDictionary(x => x.Key, x => x.Count);
        return new Expected(members, orgs, months, pyramid, partyAge);
    });

    // ---- the figures ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Dashboard_2024_BeforeTheMerger_ReadsThePredecessors_EachChartAsCountedFromTheRows()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var d = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?org={f.NewProvince}&year=2024");
        Assert.Equal("2024-12-31", d.GetProperty("date").GetString());
        Assert.Equal([f.OldA, f.OldB], d.GetProperty("stoodInPlace").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).Order());
        var history = await HistoryPathsAsync(f.NewProvince);
        var oldPaths = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == f.OldA || o.Id == f.OldB).Select(o => o.Path).ToListAsync());
        var e = await ExpectedAsync(history, oldPaths, 2024, new DateOnly(2024, 12, 31));

        AssertRatings(d.GetProperty("ratings"), e);
        // By hand: members m1 good, m2 excellent, m5 completed, m6 not completed (m8 only proposed); base organizations A1 good and
        // B1 excellent (the dependent cell A1.1 is rated but is not a base organization).
        var r = d.GetProperty("ratings");
        Assert.Equal(4, r.GetProperty("members").GetProperty("rated").GetInt32());
        Assert.Equal(50.00m, r.GetProperty("members").GetProperty("goodOrAbovePercent").GetDecimal());
        Assert.Equal(2, r.GetProperty("baseOrganizations").GetProperty("rated").GetInt32());
        Assert.Equal(100.00m, r.GetProperty("baseOrganizations").GetProperty("goodOrAbovePercent").GetDecimal());
        // The organizations' ratings were decided in January 2025: their lists read on that day, naming the rated year.
        Assert.Contains("date=2025-01-10&measure=organizations.ratings&value=Good&ratingYear=2024",
            r.GetProperty("baseOrganizations").GetProperty("levels")[1].GetProperty("link").GetString());

        AssertMonths(d.GetProperty("admissions"), e);
        // By hand: m2 admitted in March under B, m8 readmitted in June under A (ReadmissionCountingRule counts it by default).
        Assert.Equal(2, d.GetProperty("admissions").GetProperty("admitted").GetInt32());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("admissions").GetProperty("target").ValueKind);
        // Before its founding the new province's children are the predecessors themselves.
        var children = d.GetProperty("admissions").GetProperty("children").EnumerateArray()
            .ToDictionary(c => c.GetProperty("organizationId").GetInt32(), c => c.GetProperty("admitted").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [f.OldA] = 1, [f.OldB] = 1 }, children);

        AssertMembership(d, e);
        Assert.Equal(5, d.GetProperty("members").GetInt32()); // m1, m2, m5, m6, m8
        Assert.Equal(2, Pyramid(d)["31-40"].Men);              // m2 (31), m6 (40 that day)
        Assert.Equal(1, Pyramid(d)["le30"].Women);             // m1, 30 that day

        await AssertListsAsync(api, d);
    }

    [Fact]
    public async Task Dashboard_2025_AfterTheMerger_CountsTheYearUnderThePredecessorsAndTheNewProvince_AgainstTheTarget()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var d = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?org={f.NewProvince}&year=2025");
        Assert.Equal("2025-12-31", d.GetProperty("date").GetString());
        Assert.Equal(0, d.GetProperty("stoodInPlace").GetArrayLength());
        var history = await HistoryPathsAsync(f.NewProvince);
        var ownPath = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == f.NewProvince).Select(o => o.Path).ToListAsync());
        var e = await ExpectedAsync(history, ownPath, 2025, new DateOnly(2025, 12, 31));
        AssertRatings(d.GetProperty("ratings"), e);
        Assert.Equal(0, d.GetProperty("ratings").GetProperty("members").GetProperty("rated").GetInt32()); // 2025 not rated in the fixture
        AssertMonths(d.GetProperty("admissions"), e);
        // By hand: m9 in February under the old province A, m7 in August in the new one: 2 of the target 4, 50%.
        var a = d.GetProperty("admissions");
        Assert.Equal(2, a.GetProperty("admitted").GetInt32());
        Assert.Equal(4, a.GetProperty("target").GetInt32());
        Assert.Equal(50.00m, a.GetProperty("percent").GetDecimal());
        Assert.Equal(1, a.GetProperty("months")[1].GetProperty("count").GetInt32());
        Assert.Equal(2, a.GetProperty("months")[7].GetProperty("cumulative").GetInt32());
        // The commune C1 counts what was admitted under it and under the commune merged into it (A1), as its statistics do: m9 in
        // February under A1, m7 in August; 2 of its target 3.
        var commune = a.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("organizationId").GetInt32() == f.NewCommune);
        var communePaths = await HistoryPathsAsync(f.NewCommune);
        var communeExpected = await ExpectedAsync(communePaths, communePaths, 2025, new DateOnly(2025, 12, 31));
        Assert.Equal(communeExpected.Months.Sum(), commune.GetProperty("admitted").GetInt32());
        Assert.Equal(2, communeExpected.Months.Sum());
        Assert.Equal(3, commune.GetProperty("target").GetInt32());
        Assert.Equal(PercentRounding.Default.Percent(2, 3), commune.GetProperty("percent").GetDecimal());
        Assert.Equal(66.67m, commune.GetProperty("percent").GetDecimal());
        AssertMembership(d, e);
        Assert.Equal(7, d.GetProperty("members").GetInt32()); // the five of 2024 and m7, m9
        await AssertListsAsync(api, d);
    }

    [Fact]
    public async Task Dashboard_OfTheDemoProvince_MatchesTheRows_InAHandfulOfQueries()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var history = await HistoryPathsAsync(province);
        var longAnAndTayNinh = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync());
        var d = await api.GetFromJsonAsync<JsonElement>("/api/v1/dashboard?year=2024");
        Assert.Equal(province, d.GetProperty("organizationId").GetInt32());
        var e = await ExpectedAsync(history, longAnAndTayNinh, 2024, new DateOnly(2024, 12, 31));
        Assert.True(e.Members.Values.Sum() > 1000, "the demo rates 2024");
        AssertRatings(d.GetProperty("ratings"), e);
        AssertMonths(d.GetProperty("admissions"), e);
        AssertMembership(d, e);
        // Before the merger the province's "children" are the two old provinces; together they hold every admission of the year.
        Assert.Equal(d.GetProperty("admissions").GetProperty("admitted").GetInt32(),
            d.GetProperty("admissions").GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("admitted").GetInt32()));
        await AssertListsAsync(api, d);

        var (commands, elapsed, response) = await SqlCommands.CountAsync(() => api.GetAsync("/api/v1/dashboard"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine($"{app.Provider} /api/v1/dashboard: {commands} SQL commands, {elapsed.TotalMilliseconds:0} ms");
        // A fixed number of grouped queries whatever the number of children and members: the subject, one per chart (two for the
        // months), the target, and the children's progress (TargetQueries' fixed set).
        Assert.InRange(commands, 1, 30);
    }

    private static void AssertRatings(JsonElement r, Expected e)
    {
        foreach (var (series, expected) in new[] { ("members", e.Members), ("baseOrganizations", e.Orgs) })
        {
            var s = r.GetProperty(series);
            var levels = s.GetProperty("levels").EnumerateArray().ToDictionary(l => Enum.Parse<RatingLevel>(l.GetProperty("key").GetString()!), l => l.GetProperty("count").GetInt32());
            Assert.Equal(expected, levels);
            var rated = expected.Values.Sum();
            var good = expected[RatingLevel.Excellent] + expected[RatingLevel.Good];
            Assert.Equal(rated, s.GetProperty("rated").GetInt32());
            Assert.Equal(good, s.GetProperty("goodOrAbove").GetInt32());
            if (rated > 0) Assert.Equal(PercentRounding.Default.Percent(good, rated), s.GetProperty("goodOrAbovePercent").GetDecimal());
        }
    }

    private static void AssertMonths(JsonElement a, Expected e)
    {
        var months = a.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(e.Months, months.Select(m => m.GetProperty("count").GetInt32()));
        Assert.Equal(e.Months.Sum(), a.GetProperty("admitted").GetInt32());
        var running = 0;
        for (var i = 0; i < 12; i++)
        {
            running += e.Months[i];
            Assert.Equal(running, months[i].GetProperty("cumulative").GetInt32());
        }
    }

    private static Dictionary<string, (int Men, int Women)> Pyramid(JsonElement d) =>
        d.GetProperty("pyramid").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => (p.GetProperty("men").GetInt32(), p.GetProperty("women").GetInt32()));

    private static void AssertMembership(JsonElement d, Expected e)
    {
        Assert.Equal(e.Pyramid, Pyramid(d));
        Assert.Equal(e.PartyAge, d.GetProperty("partyAge").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("count").GetInt32()));
        Assert.Equal(e.Pyramid.Values.Sum(p => p.Men + p.Women), d.GetProperty("members").GetInt32());
        Assert.Equal(d.GetProperty("members").GetInt32(), e.PartyAge.Values.Sum());
    }

    /// <summary>Every link of the answer leads to a statistics list exactly as long as the figure beside it.</summary>
    private static async Task AssertListsAsync(HttpClient api, JsonElement d)
    {
        var checks = new List<(string? Link, int Count)>();
        foreach (var series in new[] { "members", "baseOrganizations" })
        {
            var s = d.GetProperty("ratings").GetProperty(series);
            checks.AddRange(s.GetProperty("levels").EnumerateArray().Select(l => (l.GetProperty("link").GetString(), l.GetProperty("count").GetInt32())));
            checks.Add((s.GetProperty("goodOrAboveLink").GetString(), s.GetProperty("goodOrAbove").GetInt32()));
        }
        var a = d.GetProperty("admissions");
        checks.Add((a.GetProperty("admittedLink").GetString(), a.GetProperty("admitted").GetInt32()));
        checks.AddRange(a.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("cumulativeLink").GetString(), m.GetProperty("cumulative").GetInt32())));
        checks.AddRange(a.GetProperty("children").EnumerateArray().Select(c => (c.GetProperty("link").GetString(), c.GetProperty("admitted").GetInt32())));
        checks.AddRange(d.GetProperty("pyramid").EnumerateArray().Select(p => (p.GetProperty("link").GetString(), p.GetProperty("men").GetInt32() + p.GetProperty("women").GetInt32())));
        checks.AddRange(d.GetProperty("partyAge").EnumerateArray().Select(p => (p.GetProperty("link").GetString(), p.GetProperty("count").GetInt32())));
        var followed = 0;
        foreach (var (link, count) in checks.Where(c => c.Link is not null))
        {
            Assert.StartsWith("/Statistics/Records?", link);
            var kind = link!.Contains("measure=organizations", StringComparison.Ordinal) ? "organizations" : "members";
            var list = await api.GetFromJsonAsync<JsonElement>(link.Replace("/Statistics/Records?", $"/api/v1/statistics/{kind}?", StringComparison.Ordinal) + "&pageSize=1");
            Assert.True(count == list.GetProperty("total").GetInt32(), $"{link}: the dashboard says {count}, the list has {list.GetProperty("total").GetInt32()}");
            followed++;
        }
        Assert.True(followed > 20, $"{followed} links followed");
    }

    // ---- the page -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Page_DrawsOneBarPerTableRow_WithTitles_NoInlineStyle_AndTheReportDownloads()
    {
        var f = await FixtureAsync();
        var api = await app.ApiAsAsync("admin");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?org={f.NewProvince}&year=2024");
        var client = await PageClient.SignInAsync(app, "admin");
        var html = await client.GetStringAsync($"/Dashboard?org={f.NewProvince}&year=2024");
        var doc = new HtmlParser().ParseDocument(html);
        AssertBarsMatchTables(html, ["chart-ratings-members", "chart-ratings-orgs", "chart-months", "chart-children", "chart-pyramid", "chart-party-age"]);
        // 2025: the commune has a target, drawn as a second bar of its row; no rating decided yet, so no rating chart.
        var html2025 = await client.GetStringAsync($"/Dashboard?org={f.NewProvince}&year=2025");
        AssertBarsMatchTables(html2025, ["chart-months", "chart-children", "chart-pyramid", "chart-party-age"]);
        var doc2025 = new HtmlParser().ParseDocument(html2025);
        Assert.Equal(2, doc2025.QuerySelectorAll($"#chart-children rect.chart-bar[data-row='{f.NewCommune}']").Length);
        Assert.Null(doc2025.QuerySelector("#chart-ratings-members svg"));
        Assert.NotNull(doc2025.QuerySelector("#chart-ratings-members [data-empty]"));

        // The numbers in the tables are the JSON's, vi-VN formatted; the rating bars link to the lists.
        var members = json.GetProperty("ratings").GetProperty("members");
        var good = doc.GetElementById("chart-ratings-members")!.QuerySelector("[data-percent=good]")!.TextContent;
        Assert.Equal(VnFormat.Percent(members.GetProperty("goodOrAbovePercent").GetDecimal(), PercentRounding.Default), good);
        Assert.Equal("50%", good);
        foreach (var level in members.GetProperty("levels").EnumerateArray())
        {
            var row = doc.QuerySelector($"#chart-ratings-members tr[data-row={level.GetProperty("key").GetString()}]")!;
            Assert.Equal(level.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), row.QuerySelector("a")!.GetAttribute("data-count"));
            Assert.NotNull(doc.QuerySelector($"#chart-ratings-members svg a[href='{level.GetProperty("link").GetString()}'] rect"));
        }
        var docx = doc.QuerySelector("a[data-report=docx]")!.GetAttribute("href");
        Assert.Equal($"/api/v1/reports/annual?org={f.NewProvince}&year=2024&format=docx", docx);
        Assert.NotNull(doc.QuerySelector("a[data-report=xlsx]"));
        Assert.Equal("2024", doc.QuerySelector("#year option[selected]")!.GetAttribute("value"));

        var tochuc = new HtmlParser().ParseDocument(await (await PageClient.SignInAsync(app, "tochuc")).GetStringAsync("/Dashboard"));
        Assert.Contains(tochuc.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Dashboard" && a.TextContent.Trim() == "Tổng quan");
        Assert.Equal(DateTime.Now.Year.ToString(CultureInfo.InvariantCulture), tochuc.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var home = new HtmlParser().ParseDocument(await bithu.GetStringAsync("/"));
        Assert.DoesNotContain(home.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Dashboard");
        // A secretary still reads her own cell's dashboard.
        Assert.Equal(HttpStatusCode.OK, (await bithu.GetAsync("/Dashboard")).StatusCode);
    }

    /// <summary>
    /// Each chart's SVG (with its title and description, as wide as its column) draws a bar per row of its table: two per age band
    /// (men, women), and a second for a child organization with a target; no inline style anywhere (strict CSP).
    /// </summary>
    private static void AssertBarsMatchTables(string html, string[] blocks)
    {
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var block in blocks)
        {
            var section = doc.GetElementById(block)!;
            var svg = section.QuerySelector("svg")!;
            Assert.NotNull(svg.QuerySelector("title"));
            Assert.NotNull(svg.QuerySelector("desc"));
            Assert.Equal("100%", svg.GetAttribute("width"));
            var rows = section.QuerySelectorAll("table tr[data-row]").ToList();
            var bars = svg.QuerySelectorAll("rect.chart-bar").ToList();
            Assert.True(rows.Count > 0, block);
            var expected = block switch
            {
                "chart-pyramid" => rows.Count * 2,
                "chart-children" => rows.Count + rows.Count(r => r.QuerySelector("td[data-label='Chỉ tiêu']")!.GetAttribute("data-count") != "0"),
                _ => rows.Count,
            };
            Assert.Equal(expected, bars.Count);
            Assert.Equal(rows.Select(r => r.GetAttribute("data-row")!).Order(), bars.Select(b => b.GetAttribute("data-row")!).Distinct().Order());
            // Each bar's value is the number its row shows.
            foreach (var bar in bars.Where(b => b.ClassList.Contains("chart-admitted") || b.ClassList.Contains("chart-party-age") || b.ClassName!.Contains("chart-level-", StringComparison.Ordinal)))
            {
                var row = rows.Single(r => r.GetAttribute("data-row") == bar.GetAttribute("data-row"));
                Assert.Contains(row.QuerySelectorAll("[data-count]"), c => c.GetAttribute("data-count") == bar.GetAttribute("data-value"));
            }
            Assert.All(section.QuerySelectorAll("table td:not(.card-title)"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
        }
    }

    [Fact]
    public async Task OutsideTheScope_IsNotFound_AndABadYearIsNamed()
    {
        var f = await FixtureAsync();
        var bithu = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.OK, (await bithu.GetAsync("/api/v1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.GetAsync($"/api/v1/dashboard?org={f.NewProvince}")).StatusCode);
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.GetAsync($"/api/v1/dashboard?org={province}")).StatusCode);
        var page = await PageClient.SignInAsync(app, "bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Dashboard?org={province}")).StatusCode);
        var tochuc = await app.ApiAsAsync("tochuc");
        Assert.Equal(HttpStatusCode.NotFound, (await tochuc.GetAsync($"/api/v1/dashboard?org={f.NewProvince}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("dangvien")).GetAsync("/api/v1/dashboard")).StatusCode);

        var future = await tochuc.GetAsync($"/api/v1/dashboard?year={DateTime.Now.Year + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var errors = (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Năm", errors.GetProperty("year")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await tochuc.GetAsync("/api/v1/dashboard?year=1900")).StatusCode);
        // The page names the bad year and shows this year meanwhile.
        var client = await PageClient.SignInAsync(app, "tochuc");
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/Dashboard?year={DateTime.Now.Year + 1}"));
        Assert.Contains("Năm (year)", doc.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(DateTime.Now.Year.ToString(CultureInfo.InvariantCulture), doc.QuerySelector("#year option[selected]")!.GetAttribute("value"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------------


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

    /// <summary>
    /// Two old provinces A and B merged into C on 1/7/2025 (A's commune into C's commune), members moved with the merger; a province
    /// outside (X). Admissions in 2024 (m2 under B, m8 readmitted under A) and 2025 (m9 under A before the merger, m7 in C after it);
    /// ratings of 2024 for members and organizations; targets of 2025 for C and its commune.
    /// </summary>
    private static async Task<Fixture> BuildAsync(AppDbContext db, IServiceProvider _)
    {
        var reform = OrganizationLife.Reform2025;
        var tag = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var a = await OrgAsync(db, null, $"DB{tag}-A", "Đảng bộ tỉnh Tổng Quan A", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), reform);
        var a1 = await OrgAsync(db, a, $"DB{tag}-A.1", "Đảng bộ xã A1", OrganizationType.BaseCommittee, OrganizationField.Commune, new(1976, 1, 1), reform);
        var a11 = await OrgAsync(db, a1, $"DB{tag}-A.1.1", "Chi bộ ấp A1.1", OrganizationType.DependentCell, OrganizationField.Residential, new(1976, 1, 1), reform);
        var b = await OrgAsync(db, null, $"DB{tag}-B", "Đảng bộ tỉnh Tổng Quan B", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), reform);
        var b1 = await OrgAsync(db, b, $"DB{tag}-B.1", "Chi bộ Sở B1", OrganizationType.BaseCell, OrganizationField.Agency, new(1976, 1, 1), reform);
        var c = await OrgAsync(db, null, $"DB{tag}-C", "Đảng bộ tỉnh Tổng Quan C", OrganizationType.Provincial, OrganizationField.General, reform, null);
        var c1 = await OrgAsync(db, c, $"DB{tag}-C.1", "Đảng bộ phường C1", OrganizationType.Commune, OrganizationField.Ward, reform, null);
        var c11 = await OrgAsync(db, c1, $"DB{tag}-C.1.1", "Chi bộ khu phố C1.1", OrganizationType.BaseCell, OrganizationField.Residential, reform, null);
        var x = await OrgAsync(db, null, $"DB{tag}-X", "Đảng bộ tỉnh Ngoài", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1), null);
        var x1 = await OrgAsync(db, x, $"DB{tag}-X.1", "Chi bộ X1", OrganizationType.BaseCell, OrganizationField.Agency, new(1976, 1, 1), null);
        (a.SuccessorId, a1.SuccessorId, a11.SuccessorId, b.SuccessorId, b1.SuccessorId) = (c.Id, c1.Id, c11.Id, c.Id, c11.Id);
        await db.SaveChangesAsync();

        var serial = Random.Shared.Next(100_000, 900_000);
        Member Person(string name, Gender gender, DateOnly born, DateOnly admitted, DateOnly? official, MemberStatus status, Organization cell) => new()
        {
            FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
            Gender = gender, DateOfBirth = born, EthnicGroupCode = "01", Religion = "Không theo tôn giáo", CitizenId = "",
            AdmittedOn = admitted, OfficialOn = official, OrganizationId = cell.Id, OrgPath = cell.Path, Status = status,
        };
        var people = new Dictionary<string, Member>
        {
            ["m1"] = Person("Trần Thị Một", Gender.Female, new(1994, 12, 31), new(2010, 5, 1), new(2011, 5, 1), MemberStatus.Official, c11),
            ["m2"] = Person("Lê Văn Hai", Gender.Male, new(1993, 12, 31), new(2024, 3, 1), null, MemberStatus.Probationary, c11),
            ["m3"] = Person("Phạm Văn Ba", Gender.Male, new(1960, 1, 1), new(1980, 1, 1), new(1981, 1, 1), MemberStatus.Deceased, a11),
            ["m5"] = Person("Đỗ Thị Năm", Gender.Female, new(1964, 1, 1), new(2015, 1, 1), new(2016, 1, 1), MemberStatus.Official, c11),
            ["m6"] = Person("Huỳnh Văn Sáu", Gender.Male, new(1984, 1, 1), new(2023, 2, 1), new(2024, 2, 1), MemberStatus.Official, c11),
            ["m7"] = Person("Bùi Văn Bảy", Gender.Male, new(1998, 1, 1), new(2025, 8, 1), null, MemberStatus.Probationary, c11),
            ["m8"] = Person("Ngô Văn Tám", Gender.Male, new(1975, 5, 5), new(2000, 1, 1), new(2025, 6, 1), MemberStatus.Official, c11),
            ["m9"] = Person("Lý Thị Chín", Gender.Female, new(2000, 3, 3), new(2025, 2, 10), null, MemberStatus.Probationary, c11),
        };
        foreach (var (key, m) in people) m.CitizenId = $"079{key[1]}{serial:000000}{Random.Shared.Next(10, 99)}";
        people["m8"].ReadmittedOn = new(2024, 6, 1);
        db.Members.AddRange(people.Values);
        await db.SaveChangesAsync();

        void Place(string key, Organization cell, DateOnly from, DateOnly? to) =>
            db.MemberPlacements.Add(new MemberPlacement { MemberId = people[key].Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = from, ToDate = to });
        Place("m1", a11, new(2010, 5, 1), reform); Place("m1", c11, reform, null);
        Place("m2", b1, new(2024, 3, 1), reform); Place("m2", c11, reform, null);
        Place("m3", a11, new(1980, 1, 1), new(2024, 6, 1));
        Place("m5", x1, new(2015, 1, 1), new(2024, 4, 1)); Place("m5", b1, new(2024, 4, 1), reform); Place("m5", c11, reform, null);
        Place("m6", a11, new(2023, 2, 1), reform); Place("m6", c11, reform, null);
        Place("m7", c11, new(2025, 8, 1), null);
        Place("m8", a11, new(2000, 1, 1), new(2021, 3, 1)); Place("m8", a11, new(2024, 6, 1), reform); Place("m8", c11, reform, null);
        Place("m9", a11, new(2025, 2, 10), reform); Place("m9", c11, reform, null);
        db.MemberDecisions.AddRange(
            new MemberDecision { MemberId = people["m3"].Id, Kind = DecisionKind.Death, DecidedOn = new(2024, 6, 1) },
            new MemberDecision { MemberId = people["m6"].Id, Kind = DecisionKind.Recognition, DecidedOn = new(2024, 2, 1) },
            new MemberDecision { MemberId = people["m8"].Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(2021, 3, 1), RemovalCase = NameRemovalCase.UnpaidFees },
            new MemberDecision { MemberId = people["m8"].Id, Kind = DecisionKind.Readmission, DecidedOn = new(2024, 6, 1), PriorOfficialOn = new(2001, 1, 1) });

        Rating MemberRating(string key, Organization cell, RatingLevel? level, DateOnly? on) => new()
        {
            Year = 2024, MemberId = people[key].Id, OrganizationId = cell.Id, OrgPath = cell.Path, Subject = RatingSubject.MemberWithoutPost,
            ProposedLevel = RatingLevel.Good, ProposedOn = new(2024, 12, 10), DecidedLevel = level, DecidedOn = on, DecidedBy = level is null ? null : "test",
        };
        Rating OrgRating(Organization org, RatingLevel level) => new()
        {
            Year = 2024, SubjectOrganizationId = org.Id, OrganizationId = org.Id, OrgPath = org.Path, Subject = RatingSubject.Collective,
            DecidedLevel = level, DecidedOn = new(2025, 1, 10), DecidedBy = "test",
        };
        db.Ratings.AddRange(
            MemberRating("m1", a11, RatingLevel.Good, new(2024, 12, 20)),
            MemberRating("m2", b1, RatingLevel.Excellent, new(2024, 12, 20)),
            MemberRating("m5", b1, RatingLevel.Completed, new(2024, 12, 20)),
            MemberRating("m6", a11, RatingLevel.NotCompleted, new(2024, 12, 20)),
            MemberRating("m8", a11, null, null),
            OrgRating(a1, RatingLevel.Good), OrgRating(b1, RatingLevel.Excellent), OrgRating(a11, RatingLevel.Good));
        db.AdmissionTargets.AddRange(
            new AdmissionTarget { OrganizationId = c.Id, Year = 2025, PeriodStart = new(2025, 1, 1), PeriodEnd = new(2025, 12, 31), Count = 4, Source = TargetSource.Allocated },
            new AdmissionTarget { OrganizationId = c1.Id, Year = 2025, PeriodStart = new(2025, 1, 1), PeriodEnd = new(2025, 12, 31), Count = 3, Source = TargetSource.Allocated });
        await db.SaveChangesAsync();
        return new Fixture(c.Id, a.Id, b.Id, c1.Id, people.ToDictionary(p => p.Key, p => p.Value.Id));
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
