using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyOrg.Web.Tests;

/// <summary>Every endpoint tried from outside the caller's scope answers 404/403 and shows nothing of the record.</summary>
public class ScopeTests(WebAppFixture app)
{
    public static TheoryData<string, string> ForeignRequests => new()
    {
        { "bithu", "GET /api/v1/organizations/{org}" },
        { "bithu", "GET /api/v1/organizations/{org}/children" },
        { "bithu", "GET /api/v1/organizations/{org}/history" },
        { "bithu", "PUT /api/v1/organizations/{org}" },
        { "bithu", "POST /api/v1/organizations/{org}/children" },
        { "bithu", "GET /api/v1/members/{member}" },
        { "bithu", "GET /api/v1/members/{member}/history" },
        { "bithu", "PUT /api/v1/members/{member}" },
        { "bithu", "POST /api/v1/members" },
        { "xem-phuong", "GET /api/v1/organizations/{org}" },
        { "xem-phuong", "GET /api/v1/members/{member}" },
        { "xem-phuong", "PUT /api/v1/members/{member}" },
        { "dangvien", "GET /api/v1/organizations/{org}" },
        { "dangvien", "GET /api/v1/organizations/{org}/children" },
        { "dangvien", "GET /api/v1/members/{member}" },
        { "dangvien", "GET /api/v1/members/{member}/history" },
        { "dangvien", "PUT /api/v1/members/{member}" },
        { "dangvien", "POST /api/v1/members" },
        { "bithu", "GET /api/v1/admissions?org={org}" },
        { "bithu", "POST /api/v1/admissions" },
        { "bithu", "GET /api/v1/probation?org={org}" },
        { "bithu", "GET /api/v1/members/{member}/decisions" },
        { "bithu", "POST /api/v1/members/{member}/decisions" },
        { "bithu", "GET /api/v1/members/{member}/party-age" },
        { "bithu", "GET /api/v1/transfers?org={org}" },
        { "bithu", "GET /api/v1/badges/eligible?org={org}" },
        { "bithu", "GET /api/v1/badges/summary?org={org}" },
        { "bithu", "GET /api/v1/targets/progress?org={org}&year=2026" },
        { "xem-phuong", "POST /api/v1/members/{member}/decisions" },
        { "dangvien", "GET /api/v1/admissions" },
        { "dangvien", "GET /api/v1/probation" },
        { "dangvien", "GET /api/v1/badges/eligible" },
        { "dangvien", "GET /api/v1/transfers/1" },
        { "dangvien", "POST /api/v1/transfers/1/late-decision" },
    };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task ForeignRecord_AnswersNotFoundOrForbiddenAndRevealsNothing(string user, string request)
    {
        var client = await app.ApiAsAsync(user);
        var org = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var member = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var secret = await app.WithDbAsync((db, _) => Task.FromResult(db.Members.Single(m => m.Id == member).FullName));
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1].Replace("{org}", $"{org}").Replace("{member}", $"{member}"));
        var body = JsonContent.Create(MemberApiTests.ValidMember(org));

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : body });

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(DemoCodes.ForeignCell, text);
    }

    [Fact]
    public async Task Secretary_ListsOnlyTheirCell()
    {
        var client = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=200");
        Assert.True(list.GetProperty("total").GetInt32() > 0);
        Assert.All(list.GetProperty("items").EnumerateArray(), m => Assert.Equal(cell, m.GetProperty("organizationId").GetInt32()));
        var foreign = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={foreign}");
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Member_SeesOnlyTheirOwnRecordAndCannotEditIt()
    {
        var client = await app.ApiAsAsync("dangvien");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/members");
        var own = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/members/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organizations/root")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/v1/members/{own}", MemberApiTests.ValidMember(await app.OrganizationIdAsync(DemoCodes.SecretaryCell)));
        Assert.Contains(put.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task ReadOnlyCommission_CanReadItsCommuneButNotWrite()
    {
        var client = await app.ApiAsAsync("xem-phuong");
        var root = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root");
        Assert.Equal("80.27694", root.GetProperty("code").GetString());
        var member = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/members/{member}")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/v1/members/{member}", MemberApiTests.ValidMember(await app.OrganizationIdAsync(DemoCodes.SecretaryCell)));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Commission_SeesThePastOfTheProvincesMergedIntoItsOwn()
    {
        var client = await app.ApiAsAsync("tochuc");
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organizations/{longAn}")).StatusCode);
        var commune = await app.ApiAsAsync("xem-phuong");
        Assert.Equal(HttpStatusCode.NotFound, (await commune.GetAsync($"/api/v1/organizations/{longAn}")).StatusCode);
    }

    [Theory]
    [InlineData("/Members/Details/{member}")]
    [InlineData("/Members/Edit/{member}")]
    [InlineData("/Organizations?id={org}")]
    [InlineData("/Organizations/Details/{org}")]
    public async Task ForeignPages_AnswerNotFound(string page)
    {
        var client = await PageClient.SignInAsync(app, "bithu");
        var org = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var member = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var response = await client.GetAsync(page.Replace("{org}", $"{org}").Replace("{member}", $"{member}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorizedFromTheApiAndTheLoginPageFromPages()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/members")).StatusCode);
        var page = await client.GetAsync("/Members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
    }
}
