using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Members;

namespace PartyOrg.Web.Tests;

public class ListSearchAndPagingTests(WebAppFixture app)
{
    private static int serial = 100_000 + Random.Shared.Next(800_000);

    /// <summary>A valid record with the given name; CCCDs from Hồ Chí Minh City's code, which no other test uses.</summary>
    private static Dictionary<string, object?> Member(int cellId, string fullName, string gender)
    {
        var input = MemberApiTests.ValidMember(cellId);
        input["fullName"] = fullName;
        input["gender"] = gender;
        input["citizenId"] = $"079{(gender == "Male" ? 0 : 1)}94{Interlocked.Increment(ref serial):000000}";
        return input;
    }

    private static async Task<int> CreateAsync(HttpClient client, int cellId, string fullName, string gender)
    {
        var response = await client.PostAsJsonAsync("/api/v1/members", Member(cellId, fullName, gender));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<List<(int Id, string Name)>> SearchAsync(HttpClient client, string q, int? org = null)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={Uri.EscapeDataString(q)}&pageSize=200" + (org is null ? "" : $"&org={org}"));
        return json.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetInt32(), i.GetProperty("fullName").GetString()!)).ToList();
    }

    /// <summary>The folded query's words appear in the folded name, in order, from a word boundary (the last one may be cut short).</summary>
    private static bool HasWordsInOrder(string fullName, string query) =>
        (" " + VnText.Fold(fullName)).Contains(" " + VnText.Fold(query), StringComparison.Ordinal);

    [Fact]
    public async Task Search_AnyWordsOfTheNameInOrder_FindsThePeople_ThroughApiAndPage()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var vanAnh = await CreateAsync(client, cell, "Nguyễn Văn Anh", "Male");
        var bichThu = await CreateAsync(client, cell, "Trần Thị Bích Thu", "Female");
        var thuHa = await CreateAsync(client, cell, "Lê Thị Thu Hà", "Female");

        Assert.Contains(await SearchAsync(client, "van anh"), m => m.Id == vanAnh);
        Assert.Contains(await SearchAsync(client, "bich thu"), m => m.Id == bichThu);
        Assert.Contains(await SearchAsync(client, "bich th"), m => m.Id == bichThu);
        var thiThu = await SearchAsync(client, "thị thu");
        Assert.Contains(thiThu, m => m.Id == thuHa);
        Assert.DoesNotContain(thiThu, m => m.Id == bichThu); // "Thị Bích Thu": the words are not next to each other
        Assert.All(thiThu, m => Assert.True(HasWordsInOrder(m.Name, "thi thu"), m.Name));
        // Out of order: only names that really read "… Anh Văn …" may answer.
        var anhVan = await SearchAsync(client, "anh van");
        Assert.DoesNotContain(anhVan, m => m.Id == vanAnh);
        Assert.All(anhVan, m => Assert.True(HasWordsInOrder(m.Name, "anh van"), m.Name));
        // Within a cell too, and the subtree filter still applies.
        Assert.Equal([vanAnh], (await SearchAsync(client, "nguyen van anh", cell)).Where(m => m.Id == vanAnh).Select(m => m.Id));

        var page = await PageClient.SignInAsync(app, "tochuc");
        var html = await page.GetStringAsync($"/Members?org={cell}&q={Uri.EscapeDataString("bich thu")}");
        Assert.Contains($"/Members/Details/{bichThu}", html);
        Assert.DoesNotContain($"/Members/Details/{thuHa}\"", html);
        html = await page.GetStringAsync($"/Members?org={cell}&q={Uri.EscapeDataString("thị thu")}");
        Assert.Contains($"/Members/Details/{thuHa}\"", html);
    }

    [Fact]
    public async Task Search_ByName_ListsTheExactWordsFirst_EachMemberOnce_AndCountsUpToTheCap()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var longer = await CreateAsync(client, cell, "Đỗ Thu Thủy Tiên", "Female");
        var exact = await CreateAsync(client, cell, "Đỗ Thu Thủy", "Female");

        // "thu" matches "Thu Thủy" on two word-suffixes; the member is listed once.
        var thu = await SearchAsync(client, "thu", cell);
        Assert.Single(thu, m => m.Id == exact);
        Assert.Equal(thu.Count, thu.Select(m => m.Id).Distinct().Count());
        // In name order, the name that is exactly the words comes before the one that goes on.
        var ids = (await SearchAsync(client, "do thu thuy", cell)).Select(m => m.Id).ToList();
        Assert.True(ids.IndexOf(exact) >= 0 && ids.IndexOf(exact) < ids.IndexOf(longer), string.Join(",", ids));

        // A common word: the count stops at the cap and says so; the pages still go on.
        var admin = await app.ApiAsAsync("admin");
        var active = await app.WithDbAsync((db, _) => db.Members
            .Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official).Select(m => m.FullName).ToListAsync());
        var matching = active.Count(n => HasWordsInOrder(n, "thi"));
        Assert.True(matching > MemberQueries.NameMatchCountCap, $"the demo register has more than {MemberQueries.NameMatchCountCap} active members named \"… Thị …\" ({matching})");
        var capped = await admin.GetFromJsonAsync<JsonElement>("/api/v1/members?q=thi&pageSize=200");
        Assert.Equal(MemberQueries.NameMatchCountCap, capped.GetProperty("total").GetInt32());
        Assert.True(capped.GetProperty("totalCapped").GetBoolean());
        var beyond = await admin.GetFromJsonAsync<JsonElement>("/api/v1/members?q=thi&pageSize=200&page=6");
        Assert.Equal(200, beyond.GetProperty("items").GetArrayLength());
        Assert.All(beyond.GetProperty("items").EnumerateArray(), i => Assert.True(HasWordsInOrder(i.GetProperty("fullName").GetString()!, "thi")));
        // Below the cap the total is exact.
        var few = await admin.GetFromJsonAsync<JsonElement>("/api/v1/members?q=do%20thu%20thuy&pageSize=1");
        Assert.Equal(active.Count(n => HasWordsInOrder(n, "do thu thuy")), few.GetProperty("total").GetInt32());
        Assert.False(few.GetProperty("totalCapped").GetBoolean());

        var page = new HtmlParser().ParseDocument(await (await PageClient.SignInAsync(app, "admin")).GetStringAsync("/Members?q=thi"));
        Assert.Equal($"Trang 1 · hơn {VnFormat.Number(MemberQueries.NameMatchCountCap)} đảng viên", page.QuerySelector("[data-pager-status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        Assert.StartsWith($"Có hơn {VnFormat.Number(MemberQueries.NameMatchCountCap)} người khớp", page.QuerySelector("[data-search-capped]")!.TextContent);
    }

    [Fact]
    public async Task Search_MemberCreatedThenRenamed_IsFoundByAnInnerWordAtOnce()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var id = await CreateAsync(client, cell, "Phạm Quốc Khánh Linh", "Female");
        Assert.Contains(await SearchAsync(client, "khanh linh"), m => m.Id == id);

        var input = Member(cell, "Phạm Thị Diệu Hiền", "Female");
        input["citizenId"] = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}")).GetProperty("citizenId").GetString();
        var response = await client.PutReadFirstAsync($"/api/v1/members/{id}", input);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Contains(await SearchAsync(client, "dieu hien"), m => m.Id == id);
        Assert.Contains(await SearchAsync(client, "diệu"), m => m.Id == id);
        Assert.DoesNotContain(await SearchAsync(client, "khanh linh"), m => m.Id == id);
        // One key per word-suffix, no leftovers of the old name.
        var keys = await app.WithDbAsync((db, _) => db.MemberNameKeys.Where(k => k.MemberId == id).Select(k => k.Key).ToListAsync());
        Assert.Equal(["dieu hien", "hien", "pham thi dieu hien", "thi dieu hien"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MemberList_LongerThanAPage_ShowsTheCount_AndTheNextPageKeepsTheFilters()
    {
        // The administrator sees every member, so the database count is the expected one.
        var client = await PageClient.SignInAsync(app, "admin");
        var parser = new HtmlParser();
        var first = parser.ParseDocument(await client.GetStringAsync("/Members?gender=Female&status=Official"));
        var status = first.QuerySelector("[data-pager-status]")!.TextContent;
        var expected = await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.Gender == Gender.Female && m.Status == MemberStatus.Official));
        var pages = (expected + 24) / 25;
        Assert.True(pages > 1, "the demo province has more than one page of official women");
        Assert.Equal($"Trang 1/{VnFormat.Number(pages)} · {VnFormat.Number(expected)} đảng viên", status);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("gender=Female", next);
        Assert.Contains("status=Official", next);
        Assert.Contains("page=2", next);
        Assert.Equal("Sau ›", first.QuerySelector("a[rel=next]")!.TextContent);

        var second = parser.ParseDocument(await client.GetStringAsync(next));
        Assert.StartsWith($"Trang 2/{VnFormat.Number(pages)}", second.QuerySelector("[data-pager-status]")!.TextContent);
        Assert.Equal("‹ Trước", second.QuerySelector("a[rel=prev]")!.TextContent);
        static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument d) =>
            d.QuerySelectorAll(".member-table tbody td.card-title a").Select(a => a.GetAttribute("href")!).ToList();
        var (ids1, ids2) = (Ids(first), Ids(second));
        Assert.Equal(25, ids1.Count);
        Assert.Equal(25, ids2.Count);
        Assert.Empty(ids1.Intersect(ids2));
        Assert.All(second.QuerySelectorAll(".member-table tbody td[data-label='Tình trạng']"), td => Assert.Equal("Chính thức", td.TextContent.Trim()));
    }

    [Fact]
    public async Task MemberApi_FiltersAndOrder_MatchTheDatabase()
    {
        var client = await app.ApiAsAsync("tochuc");
        var commune = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == "80.27694").Select(o => new { o.Id, o.Path }).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.Now);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={commune.Id}&status=Official&gender=Male&ageFrom=40&ageTo=65&sort=-birth&pageSize=200");
        var expected = await app.WithDbAsync((db, _) => db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Official && m.Gender == Gender.Male)
            .Select(m => new { m.Id, m.OrgPath, m.DateOfBirth }).ToListAsync());
        int Age(DateOnly birth) => today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        var wanted = expected.Where(m => m.OrgPath.StartsWith(commune.Path, StringComparison.Ordinal) && Age(m.DateOfBirth) is >= 40 and <= 65)
            .OrderByDescending(m => m.DateOfBirth).ThenByDescending(m => m.Id).Select(m => m.Id).ToList();
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted.Count, json.GetProperty("total").GetInt32());
        Assert.Equal(wanted.Take(200), json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        // A cell as the filter, and another status.
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var inCell = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={cell}&status=Probationary&sort=birth&pageSize=200");
        var probationers = await app.WithDbAsync((db, _) => db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Probationary)
            .OrderBy(m => m.DateOfBirth).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(probationers, inCell.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("sort=SortKey", "sort")]
    [InlineData("sort=name;drop", "sort")]
    [InlineData("status=1", "status")]
    [InlineData("gender=Nam", "gender")]
    [InlineData("ageFrom=50&ageTo=30", "ageTo")]
    [InlineData("ageFrom=-1", "ageFrom")]
    public async Task MemberApi_UnknownFilterOrOrder_IsRefusedInVietnamese(string query, string field)
    {
        var client = await app.ApiAsAsync("tochuc");
        var response = await client.GetAsync($"/api/v1/members?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tham số của danh sách không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Admissions_BeyondFifty_AreReachedPageByPage()
    {
        var cell = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.ForeignCell));
        var added = await app.WithDbAsync(async (db, _) =>
        {
            var cases = Enumerable.Range(0, 60).Select(i => new AdmissionCase
            {
                FullName = $"Đoàn Viên Số {i}", SearchName = VnText.Fold($"Đoàn Viên Số {i}"), Gender = Gender.Male, DateOfBirth = new(2000, 1, 1),
                CitizenId = $"079200{Interlocked.Increment(ref serial):000000}", EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                OrganizationId = cell.Id, OrgPath = cell.Path, Step = AdmissionStep.Source, SourceSince = new DateOnly(2025, 1, 1).AddDays(i),
            }).ToList();
            db.AdmissionCases.AddRange(cases);
            await db.SaveChangesAsync();
            return cases.Select(c => c.Id).ToList();
        });
        var client = await PageClient.SignInAsync(app, "tochuc");
        var parser = new HtmlParser();
        var seen = new List<string>();
        string? url = $"/Admissions?org={cell.Id}&step=Source";
        var pages = 0;
        while (url is not null && pages++ < 20)
        {
            var doc = parser.ParseDocument(await client.GetStringAsync(url));
            seen.AddRange(doc.QuerySelectorAll("table tbody td.card-title a").Select(a => a.GetAttribute("href")!));
            url = doc.QuerySelector("a[rel=next]")?.GetAttribute("href");
            if (url is not null) Assert.Contains("step=Source", url);
        }
        Assert.True(pages >= 3);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(added, id => Assert.Contains($"/Admissions/Details/{id}", seen));
        var api = await (await app.ApiAsAsync("tochuc")).GetFromJsonAsync<JsonElement>($"/api/v1/admissions?org={cell.Id}&step=Source&page=3&pageSize=25&sort=-since");
        Assert.Equal(seen.Count, api.GetProperty("total").GetInt32());
        Assert.Equal(Math.Min(25, seen.Count - 50), api.GetProperty("items").GetArrayLength());
    }
}
