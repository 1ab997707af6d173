using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Cadres;
using PartyOrg.Web.Features.Shared;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Cadre planning over the real database (issue: cadre work, section 2): the demo province's 2025–2030 plan and its composition
/// counted by hand from the records; each QĐ 377 rule refusing in Vietnamese naming the field; removal; scope.
/// </summary>
public class CadrePlanTests(WebAppFixture app)
{

    [Fact]
    public async Task ThePlan_OfTheDemoProvince_ItsCompositionAndRatio_CountedByHandFromTheRecords()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var plan = await (await app.ApiAsAsync("tochuc")).GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025");
        Assert.Equal(2025, plan.GetProperty("termFrom").GetInt32());
        var today = DateOnly.FromDateTime(DateTime.Today);
        var (cadres, entries, seats, women, young, minority) = await app.WithDbAsync(async (db, _) =>
        {
            var planId = await db.CadrePlans.Where(p => p.OrganizationId == province && p.TermFrom == 2025).Select(p => p.Id).SingleAsync();
            var active = await db.PlanEntries.Where(e => e.PlanId == planId && e.FromDate <= today && (e.ToDate == null || e.ToDate > today)).ToListAsync();
            var ids = active.Select(e => e.MemberId).Distinct().ToList();
            var people = await db.Members.Where(m => ids.Contains(m.Id)).ToListAsync();
            var postSeats = await db.Posts.Where(p => p.OrganizationId == province && p.FromDate <= today && (p.ToDate == null || p.ToDate > today)).SumAsync(p => p.Seats);
            return (people.Count, active.Count, postSeats, people.Count(m => m.Gender == Gender.Female), people.Count(m => AgeBandRule.Age(m.DateOfBirth, today) < 40),
                people.Count(m => m.EthnicGroupCode != "01"));
        });
        Assert.True(entries > 0);
        Assert.Equal(cadres, plan.GetProperty("cadres").GetInt32());
        Assert.Equal(entries, plan.GetProperty("entries").GetInt32());
        Assert.Equal(seats, plan.GetProperty("seats").GetInt32());
        Assert.Equal(Math.Round((decimal)entries / seats, 2, MidpointRounding.AwayFromZero), plan.GetProperty("ratio").GetDecimal());
        var composition = plan.GetProperty("composition").EnumerateArray().ToDictionary(c => c.GetProperty("label").GetString()!);
        Assert.Equal(women, composition["Nữ"].GetProperty("count").GetInt32());
        Assert.Equal(young, composition["Dưới 40 tuổi"].GetProperty("count").GetInt32());
        Assert.Equal(minority, composition["Dân tộc thiểu số"].GetProperty("count").GetInt32());
        Assert.Equal(Math.Round(women * 100m / cadres, 2, MidpointRounding.AwayFromZero), composition["Nữ"].GetProperty("percent").GetDecimal());
        Assert.Equal(25m, composition["Nữ"].GetProperty("target").GetDecimal());
        Assert.Equal(women * 100m / cadres >= 25, composition["Nữ"].GetProperty("met").GetBoolean());
        Assert.Contains(plan.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Quy định 50-QĐ/TW năm 2021"));
    }

    [Fact]
    public async Task ThePlanOfOneKind_ListsItsPostsOnly_AndCountsItsCadres()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var api = await app.ApiAsAsync("tochuc");
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025");
        var deputies = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025&kind=PHO_BI_THU");
        Assert.Equal("PHO_BI_THU", deputies.GetProperty("kind").GetString());
        var posts = deputies.GetProperty("posts").EnumerateArray().ToList();
        Assert.Single(posts);
        var expected = all.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("postId").GetInt32() == posts[0].GetProperty("postId").GetInt32());
        Assert.Equal(expected.GetProperty("entries").GetArrayLength(), deputies.GetProperty("entries").GetInt32());
        Assert.Equal(expected.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("memberId").GetInt32()).Distinct().Count(), deputies.GetProperty("cadres").GetInt32());
        Assert.Equal(expected.GetProperty("seats").GetInt32(), deputies.GetProperty("seats").GetInt32());
        // A code outside the catalogue is an error naming the field, not an empty plan.
        var unknown = await api.GetAsync($"/api/v1/plans?org={province}&term=2025&kind=PHO_BI_THUU");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("PHO_BI_THUU", ErrorsOf(await unknown.Content.ReadFromJsonAsync<JsonElement>(), "kind").Single());
        foreach (var term in new[] { "2147483647", "-1" })
        {
            var odd = await api.GetAsync($"/api/v1/plans?org={province}&term={term}");
            Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
            Assert.NotEmpty(ErrorsOf(await odd.Content.ReadFromJsonAsync<JsonElement>(), "term"));
        }
        // The page given such a code shows the whole plan, as its list of kinds says ("Tất cả").
        var page = await (await PageClient.SignInAsync(app, "tochuc")).GetStringAsync($"/Cadres/Plan?org={province}&term=2025&kind=PHO_BI_THUU");
        Assert.Contains($"{all.GetProperty("entries").GetInt32()} lượt, {all.GetProperty("cadres").GetInt32()} cán bộ cho {all.GetProperty("seats").GetInt32()} vị trí", page);
    }

    [Fact]
    public async Task TheWorklistCount_OfEntriesToReview_EqualsTheEntriesThePlansFlag()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var (count, plans) = await app.WithDbAsync(async (db, services) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var admin = new UserScope { UserName = "admin", Role = Roles.Admin, CanWrite = true };
            var plans = await db.CadrePlans.Where(p => p.ManagingPath.StartsWith(path)).Select(p => new { p.OrganizationId, p.TermFrom }).ToListAsync();
            return (await services.GetRequiredService<CadrePlans>().FlaggedAsync(admin, path, today), plans);
        });
        // Every plan under the province read whole through the API, each entry judged by the rules: the flagged ones are the count.
        var api = await app.ApiAsAsync("tochuc");
        var flags = new List<string>();
        foreach (var plan in plans)
        {
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={plan.OrganizationId}&term={plan.TermFrom}");
            flags.AddRange(view.GetProperty("posts").EnumerateArray().SelectMany(p => p.GetProperty("entries").EnumerateArray())
                .Where(e => e.GetProperty("flags").GetArrayLength() > 0).Select(e => string.Join(" ", e.GetProperty("flags").EnumerateArray().Select(f => f.GetString()))));
        }
        Assert.Contains(flags, f => f.Contains("Đã giữ chức danh được quy hoạch"));
        Assert.Equal(flags.Count, count);
    }

    [Fact]
    public async Task Export_OfThePlan_ReadsBackItsCadresAndFlags()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var api = await app.ApiAsAsync("tochuc");
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025");
        var response = await api.GetAsync($"/api/v1/exports/plans?org={province}&term=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = ExportTests.ReadWorkbook(await response.Content.ReadAsByteArrayAsync()).Single();
        Assert.Equal("Quy hoạch cán bộ", sheet.Name);
        var posts = plan.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(posts.Sum(p => Math.Max(1, p.GetProperty("entries").GetArrayLength())), sheet.DataRows());
        var rows = Enumerable.Range(5, sheet.DataRows()).Select(r => (Post: sheet.Text($"B{r}"), Name: sheet.Text($"C{r}"), Flags: sheet.Text($"I{r}"))).ToList();
        foreach (var e in posts.SelectMany(p => p.GetProperty("entries").EnumerateArray().Select(e => (Post: p.GetProperty("title").GetString()!, Entry: e))))
            Assert.Contains(rows, r => r.Post == e.Post && r.Name == e.Entry.GetProperty("name").GetString()
                && r.Flags == string.Join(" ", e.Entry.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("bithu")).GetAsync($"/api/v1/exports/plans?org={province}")).StatusCode);
    }

    [Fact]
    public async Task ThePredecessorsPlans_2020_2025_ReadOnTheirDates_AndEndWithTheMerger()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var api = await app.ApiAsAsync("tochuc");
        var predecessors = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.SuccessorId == province).Select(o => o.Id).ToListAsync());
        Assert.NotEmpty(predecessors);
        foreach (var old in predecessors)
        {
            var expected = await app.WithDbAsync((db, _) => db.PlanEntries.Join(db.CadrePlans.Where(p => p.OrganizationId == old && p.TermFrom == 2020), e => e.PlanId, p => p.Id, (e, p) => e)
                .CountAsync(e => e.FromDate <= new DateOnly(2024, 12, 31) && (e.ToDate == null || e.ToDate > new DateOnly(2024, 12, 31))));
            var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={old}&term=2020&date=2024-12-31");
            Assert.Equal((2020, 2025), (before.GetProperty("termFrom").GetInt32(), before.GetProperty("termTo").GetInt32()));
            Assert.True(expected > 0);
            Assert.Equal(expected, before.GetProperty("entries").GetInt32());
            // From the merger on, the former province's plan has no cadre left in it.
            var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={old}&term=2020&date=2025-07-01");
            Assert.Equal(0, after.GetProperty("entries").GetInt32());
        }
    }

    [Fact]
    public async Task ATermWithoutAPlan_ReadsEmpty_ThenIsApprovedOnce()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var empty = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2030");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("id").ValueKind);
        Assert.Equal((2030, 2035), (empty.GetProperty("termFrom").GetInt32(), empty.GetProperty("termTo").GetInt32()));
        Assert.Equal(0, empty.GetProperty("entries").GetInt32());

        var today = DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var plan = new { organizationId = province, termFrom = 2030, termTo = 2035, decisionNumber = "400-QĐ/TU", approvedOn = today };
        var (created, body) = await PostAsync(api, "/api/v1/plans", plan);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("400-QĐ/TU", body.GetProperty("decisionNumber").GetString());
        var (again, problem) = await PostAsync(api, "/api/v1/plans", plan);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains(ErrorsOf(problem, "termFrom"), m => m.Contains("đã có quy hoạch nhiệm kỳ 2030–2035"));
        (again, problem) = await PostAsync(api, "/api/v1/plans", new { organizationId = province, termFrom = 2031, termTo = 2030, decisionNumber = "", approvedOn = "32/01/2026" });
        foreach (var field in new[] { "termFrom", "decisionNumber", "approvedOn" }) Assert.NotEmpty(ErrorsOf(problem, field));
    }

    [Fact]
    public async Task Entries_Qd377Rules_RefuseNamingTheField_AndARemovalFreesTheSeat()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var s = await app.WithDbAsync(async (db, _) =>
        {
            var plan = await db.CadrePlans.SingleAsync(p => p.OrganizationId == province && p.TermFrom == 2025);
            // The demo's posts, one of each kind (other tests add posts of the same kinds).
            var posts = await db.Posts.Where(p => p.OrganizationId == province && p.RecordedBy == "demo").ToDictionaryAsync(p => p.KindCode, p => p.Id);
            var deputyHolder = await db.PostHoldings.Where(h => h.PostId == posts["PHO_BI_THU"] && h.ToDate == null).Select(h => h.MemberId!.Value).FirstAsync();
            var busy = await db.PostHoldings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Concat(db.PlanEntries.Select(e => e.MemberId)).ToListAsync();
            var disciplined = await db.DisciplineDecisions.Where(d => d.MemberId != null).Select(d => d.MemberId!.Value).ToListAsync();
            // Members of the province (other tests add members elsewhere, outside the clerk's scope).
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var free = db.Members.Where(m => m.Status == MemberStatus.Official && m.OrgPath.StartsWith(path) && !busy.Contains(m.Id) && !disciplined.Contains(m.Id));
            var young = await free.Where(m => m.DateOfBirth > new DateOnly(1975, 1, 1)).OrderBy(m => m.Id).Select(m => m.Id).Take(6).ToListAsync();
            var old = await free.Where(m => m.Gender == Gender.Male && m.DateOfBirth < new DateOnly(1966, 1, 1)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            // A reprimand three months ago: 24 months must pass before a higher post (QĐ 377).
            var reprimanded = await free.Where(m => m.DateOfBirth > new DateOnly(1975, 1, 1)).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
            db.DisciplineDecisions.Add(new DisciplineDecision
            {
                Subject = DisciplineSubject.Member, MemberId = reprimanded, OrgPath = (await db.Members.FindAsync(reprimanded))!.OrgPath, Form = DisciplineForm.Reprimand,
                DecidedOn = today.AddMonths(-3), AnnouncedOn = today.AddMonths(-3), Number = "9-QĐ/UBKT", IssuerOrganizationId = province, Violation = "Thử quy định 377.", RecordedBy = "test",
            });
            await db.SaveChangesAsync();
            var deputyPlanned = await db.PlanEntries.CountAsync(e => e.PlanId == plan.Id && e.PostId == posts["PHO_BI_THU"] && e.ToDate == null);
            return new { plan.Id, Secretary = posts["BI_THU"], Deputy = posts["PHO_BI_THU"], Inspection = posts["CHU_NHIEM_UBKT"], deputyHolder, young, old, reprimanded, deputyPlanned };
        });
        var on = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Task<(HttpStatusCode Status, JsonElement Body)> Add(int post, int member) =>
            PostAsync(api, $"/api/v1/plans/{s.Id}/entries", new { postId = post, memberId = member, fromDate = on, decisionNumber = "200-QĐ/TU" });

        // The deputy post filled up to three cadres; a fourth is refused.
        var fillers = s.young.Skip(2).Take(3 - s.deputyPlanned).ToList();
        foreach (var filler in fillers) Assert.Equal(HttpStatusCode.Created, (await Add(s.Deputy, filler)).Status);
        var (status, problem) = await Add(s.Deputy, s.young[0]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "postId"), m => m.Contains("không quá 3 cán bộ"));
        // A sitting deputy secretary is not planned for the same post.
        (_, problem) = await Add(s.Inspection, s.deputyHolder);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("chỉ quy hoạch chức danh cao hơn"));
        (_, problem) = await Add(s.Inspection, s.reprimanded);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("khiển trách") && m.Contains("24 tháng"));
        (_, problem) = await Add(s.Inspection, s.old);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("trọn nhiệm kỳ"));

        var (created, body) = await Add(s.Inspection, s.young[0]);
        Assert.Equal(HttpStatusCode.Created, created);
        var entry = body.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("postId").GetInt32() == s.Inspection)
            .GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("memberId").GetInt32() == s.young[0]);
        (status, _) = await Add(s.Inspection, s.young[0]);
        Assert.Equal(HttpStatusCode.BadRequest, status);

        var id = entry.GetProperty("id").GetInt32();
        (status, problem) = await PostAsync(api, $"/api/v1/plan-entries/{id}/remove", new { toDate = on, reason = "", decisionNumber = "" });
        Assert.NotEmpty(ErrorsOf(problem, "reason"));
        Assert.NotEmpty(ErrorsOf(problem, "toDate"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("bithu")).GetAsync($"/api/v1/plans?org={province}")).StatusCode);
        var (secretaryStatus, _) = await PostAsync(await app.ApiAsAsync("bithu"), $"/api/v1/plans/{s.Id}/entries", new { postId = s.Inspection, memberId = s.young[1], fromDate = on, decisionNumber = "1" });
        Assert.Equal(HttpStatusCode.NotFound, secretaryStatus);
    }
}
