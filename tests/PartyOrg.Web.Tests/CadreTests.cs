using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Posts and their holders over the real database (issue: cadre work, section 1): who held each post of the province on a date,
/// read against the holdings counted in the database; the rules refusing in Vietnamese naming the field; the last seat given twice
/// at once; ending a holding with If-Match; scope (cell secretaries see nothing).
/// </summary>
public class CadreTests(WebAppFixture app)
{
    private static int serial;

    /// <summary>Holdings standing on the date for the organizations' posts, counted in the database: the yardstick of the page and API.</summary>
    private Task<int> HeldOnAsync(IReadOnlyCollection<int> organizationIds, DateOnly date) => app.WithDbAsync((db, _) =>
        db.PostHoldings.Join(db.Posts, h => h.PostId, p => p.Id, (h, p) => new { h, p })
            .CountAsync(x => organizationIds.Contains(x.p.OrganizationId) && x.h.FromDate <= date && (x.h.ToDate == null || x.h.ToDate > date)));

    [Fact]
    public async Task Posts_OfTheProvince_Today_On_31_12_2024_And_After_TheMerger_ReadTheHoldersOfThatDay()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var predecessors = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.SuccessorId == province).Select(o => o.Id).ToListAsync());
        var api = await app.ApiAsAsync("tochuc");

        var today = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={province}");
        var posts = today.GetProperty("posts").EnumerateArray().ToList();
        Assert.Contains(posts, p => p.GetProperty("kindCode").GetString() == "BI_THU");
        Assert.Equal(await HeldOnAsync([province], DateOnly.FromDateTime(DateTime.Today)), today.GetProperty("held").GetInt32());
        // The demo leaves one deputy secretary's seat vacant; every holder today was elected for 2025–2030 or appointed.
        var deputy = posts.Single(p => p.GetProperty("kindCode").GetString() == "PHO_BI_THU");
        Assert.Equal(1, deputy.GetProperty("vacancies").GetInt32());
        Assert.Equal(deputy.GetProperty("seats").GetInt32() - 1, deputy.GetProperty("holders").GetArrayLength());
        Assert.All(deputy.GetProperty("holders").EnumerateArray(), h => Assert.Equal("2025–2030", h.GetProperty("term").GetString()));
        Assert.Equal(posts.Sum(p => p.GetProperty("vacancies").GetInt32()), today.GetProperty("vacant").GetInt32());

        // Before the merger the province reads as Long An and the former Tây Ninh, their own committees' posts and holders.
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={province}&date=2024-12-31");
        Assert.Equal(predecessors.Order(), before.GetProperty("stoodInPlace").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).Order());
        Assert.All(before.GetProperty("posts").EnumerateArray(), p => Assert.Contains(p.GetProperty("organizationId").GetInt32(), predecessors));
        Assert.Equal(await HeldOnAsync(predecessors, new DateOnly(2024, 12, 31)), before.GetProperty("held").GetInt32());
        Assert.True(before.GetProperty("held").GetInt32() > 0);
        // Entering by the predecessor itself reads the same holders.
        var longAn = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={predecessors.Min()}&date=2024-12-31");
        Assert.Equal(await HeldOnAsync([predecessors.Min()], new DateOnly(2024, 12, 31)), longAn.GetProperty("held").GetInt32());

        // Between the merger and the congress the holders were designated.
        var august = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={province}&date=2025-08-01");
        var secretary = august.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("kindCode").GetString() == "BI_THU").GetProperty("holders")[0];
        Assert.Equal("Designation", secretary.GetProperty("basis").GetString());
        Assert.Equal("Chỉ định, phân công", secretary.GetProperty("basisLabel").GetString());
    }

    [Fact]
    public async Task Export_OfThePosts_ReadsBackTheSameHoldersAndVacancies()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var api = await app.ApiAsAsync("tochuc");
        foreach (var date in new[] { "2024-12-31", DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={province}&date={date}");
            var response = await api.GetAsync($"/api/v1/exports/posts?org={province}&date={date}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var sheet = ExportTests.ReadWorkbook(await response.Content.ReadAsByteArrayAsync()).Single();
            Assert.Equal("Cán bộ giữ chức danh", sheet.Name);
            var vacantRows = list.GetProperty("posts").EnumerateArray().Count(p => p.GetProperty("vacancies").GetInt32() > 0);
            Assert.Equal(list.GetProperty("held").GetInt32() + vacantRows, sheet.DataRows());
            var holders = Enumerable.Range(5, sheet.DataRows()).Select(r => sheet.Text($"D{r}")).ToList();
            foreach (var post in list.GetProperty("posts").EnumerateArray())
                foreach (var h in post.GetProperty("holders").EnumerateArray())
                    Assert.Contains(h.GetProperty("name").GetString()!, holders);
            Assert.Equal(vacantRows, holders.Count(h => h.StartsWith("Còn trống", StringComparison.Ordinal)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("bithu")).GetAsync($"/api/v1/exports/posts?org={province}")).StatusCode);
    }

    private async Task<(int PostId, int Official, int Official2, int Probationary)> PostWithPeopleAsync(HttpClient api, int seats)
    {
        var n = Interlocked.Increment(ref serial);
        var (commune, official, official2, probationary) = await app.WithDbAsync(async (db, _) =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell);
            var taken = await db.PostHoldings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).ToListAsync();
            var officials = await db.Members.Where(m => m.Status == MemberStatus.Official && m.OfficialOn < new DateOnly(2015, 1, 1) && !taken.Contains(m.Id)
                && !db.MemberDecisions.Any(d => d.MemberId == m.Id) && !db.MemberTransfers.Any(t => t.MemberId == m.Id))
                .OrderBy(m => m.Id).Skip(n * 2).Take(2).Select(m => m.Id).ToListAsync();
            var probation = await db.Members.Where(m => m.Status == MemberStatus.Probationary).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            return (cell.ParentId!.Value, officials[0], officials[1], probation);
        });
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var (status, post) = await PostAsync(api, "/api/v1/posts", new { organizationId = commune, kind = "PHO_BI_THU", title = $"Phó Bí thư thử {n}", seats, managingOrganizationId = province });
        Assert.Equal(HttpStatusCode.Created, status);
        return (post.GetProperty("id").GetInt32(), official, official2, probationary);
    }

    [Fact]
    public async Task Holding_PartyCommitteePostRule_DieuLe2011Dieu3_And_PostSeatsRule_RefuseNamingTheField()
    {
        var api = await app.ApiAsAsync("tochuc");
        var (post, official, official2, probationary) = await PostWithPeopleAsync(api, seats: 1);
        object Holding(int? member, string from = "2026-01-05", string? outside = null) =>
            new { postId = post, memberId = member, outsideName = outside, fromDate = from, basis = "Election", decisionNumber = "01-NQ/ĐH", decidedOn = from, termFrom = 2025, termTo = 2030 };

        // A probationary member does not stand for a Party committee (Điều lệ Đảng 2011, Điều 3).
        var (status, problem) = await PostAsync(api, "/api/v1/holdings", Holding(probationary, DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("chưa là đảng viên chính thức") && m.Contains("Điều lệ Đảng (2011), Điều 3"));
        // Nor does someone outside the register.
        (status, problem) = await PostAsync(api, "/api/v1/holdings", Holding(null, outside: "Trần Văn Ngoài"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("phải do đảng viên trong hồ sơ đảm nhiệm"));
        // Missing and odd fields, each named.
        (status, problem) = await PostAsync(api, "/api/v1/holdings", new { postId = post, memberId = official, fromDate = "31/02/2026", basis = "Khác", decisionNumber = " ", decidedOn = "", termFrom = 2030, termTo = 2025 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "fromDate", "basis", "decisionNumber", "decidedOn", "termFrom" }) Assert.True(ErrorsOf(problem, field).Length > 0, $"{field}: {problem}");
        (status, problem) = await PostAsync(api, "/api/v1/holdings", new { postId = post, memberId = official, fromDate = "2026-01-05", basis = "Election", decisionNumber = new string('9', 61), decidedOn = "2026-01-05" });
        Assert.Contains(ErrorsOf(problem, "decisionNumber"), m => m.StartsWith("Số quyết định", StringComparison.Ordinal));

        var (created, first) = await PostAsync(api, "/api/v1/holdings", Holding(official));
        Assert.Equal(HttpStatusCode.Created, created);
        // The one seat is taken from 05/01/2026: a second holder from a later day is refused, naming the date field.
        (status, problem) = await PostAsync(api, "/api/v1/holdings", Holding(official2, "2026-03-01"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "fromDate"), m => m.Contains("đã có đủ 1 người giữ"));
        // The same person twice at once is refused too.
        (status, problem) = await PostAsync(api, "/api/v1/holdings", Holding(official, "2026-02-01"));
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("đang giữ chức danh"));

        // Ending: not before the start, not with a stale version; then the seat is free from that day.
        var id = first.GetProperty("id").GetInt32();
        (status, problem) = await PostAsync(api, $"/api/v1/holdings/{id}/end", new { toDate = "2026-01-05", reason = "Điều động" });
        Assert.Contains(ErrorsOf(problem, "toDate"), m => m.Contains("phải sau ngày bắt đầu"));
        (status, _) = await PostAsync(api, $"/api/v1/holdings/{id}/end", new { toDate = "2026-03-01", reason = "Điều động" }, ifMatch: "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        var (ended, endedBody) = await PostAsync(api, $"/api/v1/holdings/{id}/end", new { toDate = "2026-03-01", reason = "Điều động công tác khác" }, ifMatch: $"\"{first.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.OK, ended);
        Assert.Equal("2026-03-01", endedBody.GetProperty("toDate").GetString());
        // The holding reads back where its creation pointed, with the version to send next.
        var stored = await api.GetAsync($"/api/v1/holdings/{id}");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal($"\"{endedBody.GetProperty("version").GetInt32()}\"", stored.Headers.ETag?.Tag);
        Assert.Equal("2026-03-01", (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("toDate").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("bithu")).GetAsync($"/api/v1/holdings/{id}")).StatusCode);
        (status, _) = await PostAsync(api, "/api/v1/holdings", Holding(official2, "2026-03-01"));
        Assert.Equal(HttpStatusCode.Created, status);

        // The member's career lists the post with its end.
        var career = await api.GetFromJsonAsync<JsonElement>($"/api/v1/holdings?member={official}");
        var item = career.EnumerateArray().Single(c => c.GetProperty("postId").GetInt32() == post);
        Assert.Equal("Điều động công tác khác", item.GetProperty("endReason").GetString());
        Assert.Equal("2025–2030", item.GetProperty("term").GetString());
        var html = await (await PageClient.SignInAsync(app, "tochuc")).GetStringAsync($"/Members/Details/{official}?tab=decisions");
        Assert.Contains("Chức vụ đã và đang giữ", html);
        Assert.Contains(item.GetProperty("title").GetString()!, html);
        Assert.Contains("Điều động công tác khác", html);
    }

    [Fact]
    public async Task TheLastSeat_GivenTwiceAtOnce_IsFilledOnce()
    {
        var api = await app.ApiAsAsync("tochuc");
        var (post, official, official2, _) = await PostWithPeopleAsync(api, seats: 1);
        var results = await Task.WhenAll(new[] { official, official2 }.Select(async m =>
        {
            var client = await app.ApiAsAsync("tochuc");
            return (await PostAsync(client, "/api/v1/holdings", new { postId = post, memberId = m, fromDate = "2026-02-02", basis = "Appointment", decisionNumber = "7-QĐ/TU", decidedOn = "2026-02-01" })).Status;
        }));
        Assert.Equal(1, results.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1, results.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.PostHoldings.CountAsync(h => h.PostId == post)));
    }

    [Fact]
    public async Task TheSamePost_SentTwiceAtOnce_IsRecordedOnce()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var commune = await app.WithDbAsync(async (db, _) => (await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell)).ParentId!.Value);
        var title = $"Phó Chủ tịch UBND thử {Interlocked.Increment(ref serial)}";
        var post = new { organizationId = commune, kind = "PHO_CHU_TICH_UBND", title, seats = 2, managingOrganizationId = province };
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ => await PostAsync(await app.ApiAsAsync("tochuc"), "/api/v1/posts", post)));
        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        var refused = results.Single(r => r.Status != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(ErrorsOf(refused.Body, "title"), m => m.Contains("đã có chức danh"));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.Posts.CountAsync(p => p.OrganizationId == commune && p.Title == title)));
    }

    [Fact]
    public async Task CellSecretaries_SeeNoPosts_AndCannotRecord_WhileTheCommissionDoes()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var secretary = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/posts?org={province}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/api/v1/posts")).StatusCode);
        var anyPost = await app.WithDbAsync((db, _) => db.Posts.Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/posts/{anyPost}")).StatusCode);
        var (status, _) = await PostAsync(secretary, "/api/v1/holdings", new { postId = anyPost, memberId = 1, fromDate = "2026-01-05", basis = "Election", decisionNumber = "1", decidedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        var secretaryPages = await PageClient.SignInAsync(app, "bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryPages.GetAsync("/Cadres")).StatusCode);
        // A member of the secretary's own cell: the page shows no posts section to the secretary.
        var ownMember = await app.WithDbAsync((db, _) => db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == DemoCodes.SecretaryCell))
            .Select(m => m.Id).FirstAsync());
        var memberPage = await secretaryPages.GetStringAsync($"/Members/Details/{ownMember}?tab=decisions");
        Assert.Contains("Kỷ luật", memberPage);
        Assert.DoesNotContain("Chức vụ đã và đang giữ", memberPage);

        var commission = await PageClient.SignInAsync(app, "tochuc");
        var html = await commission.GetStringAsync($"/Cadres?org={province}&date=2024-12-31");
        Assert.Contains("Bí thư Tỉnh ủy Long An", html);
        Assert.Contains("Tổ chức chưa thành lập vào ngày này", html);
        html = await commission.GetStringAsync($"/Cadres?org={province}");
        Assert.Contains("Còn trống 1", html);
        Assert.Contains("Ghi người giữ chức danh", html);
    }
}
