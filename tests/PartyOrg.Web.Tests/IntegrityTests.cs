using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace PartyOrg.Web.Tests;

/// <summary>Concurrent edits are refused, never lost; unique numbers hold under races; foreign numbers reveal nothing.</summary>
public class IntegrityTests(WebAppFixture app)
{
    [Fact]
    public async Task Put_WithoutIfMatch_Answers428_AndSavesNothing()
    {
        var client = await app.ApiAsAsync("tochuc");
        var id = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var before = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        var input = MemberApiTests.ValidMember(before.OrganizationId);

        var response = await client.PutAsJsonAsync($"/api/v1/members/{id}", input);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.FullName, await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == id).Select(m => m.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Put_WithAStaleETag_Answers412WithTheCurrentRecord_AndKeepsTheOtherWrite()
    {
        var first = await app.ApiAsAsync("tochuc");
        var second = await app.ApiAsAsync("admin");
        var id = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var url = $"/api/v1/members/{id}";
        var read = await first.GetAsync(url);
        var etag = read.Headers.ETag!;
        var current = await read.Content.ReadFromJsonAsync<JsonElement>();
        var input = MemberApiTests.ValidMember(current.GetProperty("organizationId").GetInt32());
        input["citizenId"] = current.GetProperty("citizenId").GetString();
        input["gender"] = current.GetProperty("gender").GetString();
        input["dateOfBirth"] = current.GetProperty("dateOfBirth").GetString();
        input["admittedOn"] = current.GetProperty("admittedOn").GetString();
        input["officialOn"] = current.GetProperty("officialOn").GetString();
        input["cardNumber"] = null;

        input["fullName"] = "Trần Văn Thứ Nhất";
        var won = await Put(first, url, input, etag);
        input["fullName"] = "Lê Thị Thứ Hai";
        var lost = await Put(second, url, input, etag);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.NotEqual(etag, won.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, lost.StatusCode);
        var problem = await lost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trần Văn Thứ Nhất", problem.GetProperty("current").GetProperty("fullName").GetString());
        Assert.Equal(won.Headers.ETag, lost.Headers.ETag);
        Assert.Equal("Trần Văn Thứ Nhất", await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == id).Select(m => m.FullName).SingleAsync()));
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task EditForm_SavedByAnotherUserMeanwhile_ShowsBothVersionsAndOverwritesNothing()
    {
        var id = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var page = $"/Members/Edit/{id}";
        var clerk = await PageClient.SignInAsync(app, "tochuc");
        var secretary = await PageClient.SignInAsync(app, "bithu");
        var clerkForm = await PageClient.FormFieldsAsync(clerk, page);
        var secretaryForm = await PageClient.FormFieldsAsync(secretary, page);

        clerkForm["Input.CurrentAddress"] = "Số 12 đường 30/4, phường Tân Ninh";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(page, new FormUrlEncodedContent(clerkForm))).StatusCode);
        secretaryForm["Input.CurrentAddress"] = "Ấp Bình Phú, xã Bình Minh";
        var response = await secretary.PostAsync(page, new FormUrlEncodedContent(secretaryForm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var conflict = doc.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Hồ sơ đã được người khác sửa lúc", conflict);
        Assert.Contains("tochuc", conflict);
        Assert.Contains("Ấp Bình Phú, xã Bình Minh", conflict);
        Assert.Contains("Số 12 đường 30/4, phường Tân Ninh", conflict);
        Assert.Equal("Ấp Bình Phú, xã Bình Minh", doc.QuerySelector("#Input_CurrentAddress")!.GetAttribute("value"));
        Assert.Equal("Số 12 đường 30/4, phường Tân Ninh",
            await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == id).Select(m => m.CurrentAddress).SingleAsync()));
    }

    [Fact]
    public async Task Admission_ParallelDuplicates_OneIsCreatedTheOtherRefusedWith400()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var cccd = "080" + "3" + "03" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        object Body() => new
        {
            fullName = "Phạm Thị Song Song", gender = "Female", dateOfBirth = "2003-05-04", citizenId = cccd, ethnicGroupCode = "01",
            religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", sourceGroup = "YouthUnion", sourceSince = "2026-01-05", organizationId = cell,
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/api/v1/admissions", Body())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var losers = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(losers, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        // Whether the pre-check or the unique index stopped it, the loser reads the same answer.
        var messages = await Task.WhenAll(losers.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("citizenId")[0].GetString()));
        Assert.Single(messages.Distinct());
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.AdmissionCases.CountAsync(c => c.CitizenId == cccd)));
    }

    [Fact]
    public async Task ForeignCitizenId_IsRefusedWithoutSayingWhoseItIs_AndTheAttemptIsAudited()
    {
        var secretary = await app.ApiAsAsync("bithu");
        var foreign = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.Id == app.MemberIdInAsync(DemoCodes.ForeignCell).Result));
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var input = MemberApiTests.ValidMember(cell);
        input["citizenId"] = foreign.CitizenId;
        input["gender"] = foreign.Gender.ToString();
        input["dateOfBirth"] = foreign.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var member = await secretary.PostAsJsonAsync("/api/v1/members", input);
        var admission = await secretary.PostAsJsonAsync("/api/v1/admissions", new
        {
            fullName = "Người Thử", gender = foreign.Gender.ToString(), dateOfBirth = input["dateOfBirth"], citizenId = foreign.CitizenId, ethnicGroupCode = "01",
            religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", sourceGroup = "YouthUnion", sourceSince = "2026-01-05", organizationId = cell,
        });

        foreach (var response in new[] { member, admission })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Contains("Số CCCD không hợp lệ hoặc đã được sử dụng.", StringComparison.Ordinal), body);
            Assert.DoesNotContain(foreign.FullName, body);
            Assert.DoesNotContain("đảng viên", body);
        }
        Assert.True(await app.WithDbAsync((db, _) => db.AccountEvents.CountAsync(e => e.UserName == "bithu" && e.Kind == "RefusedForeignIdentifier")) >= 2);
    }

    [Fact]
    public async Task CellSecretary_MayNotEditTheCellItself()
    {
        var secretary = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var response = await secretary.PutReadFirstAsync($"/api/v1/organizations/{cell}", new { code = "80.27694.01", name = "Chi bộ đổi tên", type = "BaseCell", field = "Ward", foundedOn = "2025-07-01", state = "Active" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await (await PageClient.SignInAsync(app, "bithu")).GetAsync($"/Organizations/Edit/{cell}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task AdmissionStep_WithAStaleIfMatch_Answers412_AndWithTheCurrentOneGoesThrough()
    {
        var client = await app.ApiAsAsync("tochuc");
        var id = await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Step == PartyOrg.Domain.Lifecycle.AdmissionStep.Source).Select(c => c.Id).FirstAsync());
        var read = await client.GetAsync($"/api/v1/admissions/{id}");
        var etag = read.Headers.ETag!;
        var stale = new EntityTagHeaderValue("\"999\"");

        var refused = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admissions/{id}/drop") { Content = JsonContent.Create(new { reason = "Chuyển công tác nơi khác" }) };
        refused.Headers.IfMatch.Add(stale);
        var refusedAnswer = await client.SendAsync(refused);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedAnswer.StatusCode);
        Assert.Equal(id, (await refusedAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("summary").GetProperty("id").GetInt32());
        Assert.Equal(PartyOrg.Domain.Lifecycle.AdmissionStep.Source, await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));

        var accepted = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admissions/{id}/drop") { Content = JsonContent.Create(new { reason = "Chuyển công tác nơi khác" }) };
        accepted.Headers.IfMatch.Add(etag);
        var acceptedAnswer = await client.SendAsync(accepted);
        Assert.Equal(HttpStatusCode.OK, acceptedAnswer.StatusCode);
        Assert.NotEqual(etag, acceptedAnswer.Headers.ETag);
    }
}

public class ParallelWriteTests(WebAppFixture app)
{
    [Fact]
    public async Task ParallelWritesOfTheSameRecord_NeverAnswer500()
    {
        var client = await app.ApiAsAsync("tochuc");
        var commune = await app.OrganizationIdAsync("80.27694");
        var year = DateTime.Today.Year + 40;
        var targets = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PutAsJsonAsync("/api/v1/targets", new { organizationId = commune, year, count = 10 + i, source = "Allocated" })));

        var transfer = await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.State == PartyOrg.Domain.Lifecycle.TransferState.InTransit).Select(t => t.Id).FirstAsync());
        var closes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync($"/api/v1/transfers/{transfer}/close", null)));

        Assert.All(targets.Concat(closes), r => Assert.True((int)r.StatusCode < 500, $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode}"));
        Assert.Contains(targets, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.AdmissionTargets.CountAsync(t => t.OrganizationId == commune && t.Year == year)));
        Assert.Contains(closes, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Target_CreatedWithoutIfMatch_ChangedOnlyWithTheCurrentETag()
    {
        var client = await app.ApiAsAsync("tochuc");
        var commune = await app.OrganizationIdAsync("80.27694");
        var year = DateTime.Today.Year + 5;
        var body = new { organizationId = commune, year, count = 30, source = "Allocated", document = "Thông báo 20-TB/TU" };

        var created = await client.PutAsJsonAsync("/api/v1/targets", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PutAsJsonAsync("/api/v1/targets", body with { count = 31 })).StatusCode);

        var read = await client.GetAsync($"/api/v1/targets?org={commune}&year={year}");
        Assert.Equal(30, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = JsonContent.Create(body with { count = 32 }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"77\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        var current = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = JsonContent.Create(body with { count = 33 }) };
        current.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(current)).StatusCode);
        Assert.Equal(33, await app.WithDbAsync((db, _) => db.AdmissionTargets.Where(t => t.OrganizationId == commune && t.Year == year).Select(t => t.Count).SingleAsync()));
    }
}
