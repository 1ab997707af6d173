using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features;
using PartyOrg.Web.Features.Cadres;
using PartyOrg.Web.Features.Shared;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Cases of cadre work over the real database (issue: cadre work, section 3): the demo's cases and figures against the records;
/// a decision refused on its date by QĐ 377 Art. 34 and by the time in post, then written with its holdings; reappointment and
/// dismissal ending the holding they name; the planning rule while a case is open; reappointments due; scope.
/// </summary>
public class CadreCaseTests(WebAppFixture app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task TheDemoCases_OpenDecidedAndFigures_EqualTheRecords()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var view = await (await app.ApiAsAsync("tochuc")).GetFromJsonAsync<JsonElement>($"/api/v1/appointments?org={province}&year=2026");
        var (open, decided, byKind) = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var under = db.AppointmentCases.Where(c => c.ManagingPath.StartsWith(path));
            var from = new DateOnly(2026, 1, 1);
            var to = new DateOnly(2026, 12, 31);
            var decidedRows = await under.Where(c => c.State == CadreActState.Decided && c.DecidedOn >= from && c.DecidedOn <= to).ToListAsync();
            return (await under.CountAsync(c => c.State == CadreActState.Proposed), decidedRows.Count,
                decidedRows.GroupBy(c => c.Kind.Label()).ToDictionary(g => g.Key, g => g.Count()));
        });
        Assert.True(decided >= 2 && open >= 1);
        Assert.Equal(open, view.GetProperty("open").GetArrayLength());
        Assert.Equal(decided, view.GetProperty("decided").GetArrayLength());
        var figures = view.GetProperty("figures");
        Assert.Equal(decided, figures.GetProperty("total").GetInt32());
        foreach (var k in figures.GetProperty("byKind").EnumerateArray()) Assert.Equal(byKind[k.GetProperty("label").GetString()!], k.GetProperty("count").GetInt32());
        Assert.Equal(decided, figures.GetProperty("byManaging").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()));
        Assert.Contains(figures.GetProperty("byManaging").EnumerateArray(), m => m.GetProperty("label").GetString()!.StartsWith("Diện ", StringComparison.Ordinal));
        // The demo's appointment came from the plan: its steps are kept and the plan now flags the entry for review.
        var appointment = view.GetProperty("decided").EnumerateArray().First(c => c.GetProperty("kind").GetString() == "Appointment");
        Assert.Equal(3, appointment.GetProperty("steps").GetArrayLength());
        var plan = await (await app.ApiAsAsync("tochuc")).GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025");
        var entry = plan.GetProperty("posts").EnumerateArray().SelectMany(p => p.GetProperty("entries").EnumerateArray())
            .First(e => e.GetProperty("memberId").GetInt32() == appointment.GetProperty("memberId").GetInt32());
        Assert.Contains(entry.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("Đã giữ chức danh được quy hoạch"));
    }

    /// <summary>A fresh post of the province and a free young member of it, neither holding nor planned nor disciplined.</summary>
    private async Task<(int Post, int Equivalent, int Member, int Plan)> FixtureAsync(HttpClient api, string tag)
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        async Task<int> Post(string title)
        {
            var (status, body) = await PostAsync(api, "/api/v1/posts", new { organizationId = province, kind = "PHO_BAN_TC", title, seats = 1, fromDate = "2025-07-01" });
            Assert.Equal(HttpStatusCode.Created, status);
            return body.GetProperty("id").GetInt32();
        }
        var post = await Post($"Phó Trưởng Ban Tổ chức Tỉnh ủy ({tag})");
        var equivalent = await Post($"Phó Trưởng Ban Tổ chức Tỉnh ủy ({tag}, thứ hai)");
        var (member, plan) = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var busy = await db.PostHoldings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Concat(db.PlanEntries.Select(e => e.MemberId))
                .Concat(db.DisciplineDecisions.Where(d => d.MemberId != null).Select(d => d.MemberId!.Value)).Concat(db.AppointmentCases.Select(c => c.MemberId)).ToListAsync();
            var member = await db.Members.Where(m => m.Status == MemberStatus.Official && m.OrgPath.StartsWith(path) && !busy.Contains(m.Id)
                    && m.DateOfBirth > new DateOnly(1980, 1, 1) && m.OfficialOn != null && m.OfficialOn < new DateOnly(2025, 1, 1))
                .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
            return (member, await db.CadrePlans.Where(p => p.OrganizationId == province && p.TermFrom == 2025).Select(p => p.Id).SingleAsync());
        });
        return (post, equivalent, member, plan);
    }

    [Fact]
    public async Task Appointment_RefusedOutsideThePlan_Qd377Dieu34_NotPlannedWhileProposed_ThenDecidedWritesTheHolding()
    {
        var api = await app.ApiAsAsync("tochuc");
        var f = await FixtureAsync(api, "bổ nhiệm");
        var (status, opened) = await PostAsync(api, "/api/v1/appointments", new { kind = "Appointment", memberId = f.Member, postId = f.Post, proposedOn = Iso(Today), note = "Thử" });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = opened.GetProperty("id").GetInt32();
        Assert.Equal("Proposed", opened.GetProperty("state").GetString());

        var decision = new { decisionNumber = "777-QĐ/TU", decidedOn = Iso(Today) };
        (status, var problem) = await PostAsync(api, $"/api/v1/appointments/{id}/decide", decision);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("không có trong quy hoạch") && m.Contains("Điều 34"));
        Assert.False(await app.WithDbAsync((db, _) => db.PostHoldings.AnyAsync(h => h.PostId == f.Post)));

        // Planned for the post while proposed for it: refused; planned for an equivalent post: allowed, and the decision goes through.
        (status, problem) = await PostAsync(api, $"/api/v1/plans/{f.Plan}/entries", new { postId = f.Post, memberId = f.Member, fromDate = Iso(Today), decisionNumber = "778-QĐ/TU" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "memberId"), m => m.Contains("không quy hoạch đồng thời"));
        (status, _) = await PostAsync(api, $"/api/v1/plans/{f.Plan}/entries", new { postId = f.Equivalent, memberId = f.Member, fromDate = Iso(Today), decisionNumber = "778-QĐ/TU" });
        Assert.Equal(HttpStatusCode.Created, status);
        // The same decision sent twice at once: written once, the other answered 412 (changed meanwhile) or 400 (already decided).
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(api, $"/api/v1/appointments/{id}/decide", decision)));
        Assert.Single(both, b => b.Status == HttpStatusCode.OK);
        Assert.Contains(both.Single(b => b.Status != HttpStatusCode.OK).Status, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest });
        var decided = both.Single(b => b.Status == HttpStatusCode.OK).Body;
        Assert.Equal("Decided", decided.GetProperty("state").GetString());
        var holding = await app.WithDbAsync((db, _) => db.PostHoldings.SingleAsync(h => h.PostId == f.Post));
        Assert.Equal((f.Member, Today, HoldingBasis.Appointment, "777-QĐ/TU"), (holding.MemberId!.Value, holding.FromDate, holding.Basis, holding.DecisionNumber));
        Assert.Equal(holding.Id, decided.GetProperty("holdingId").GetInt32());
        // Written once.
        (status, problem) = await PostAsync(api, $"/api/v1/appointments/{id}/decide", decision);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "decisionNumber"), m => m.Contains("đã quyết định ngày") && m.Contains("không ghi thêm"));
    }

    [Fact]
    public async Task TimeInPost_Refuses_Reappointment_AndDismissal_EndTheHoldingTheyName()
    {
        var api = await app.ApiAsAsync("tochuc");
        var f = await FixtureAsync(api, "bổ nhiệm lại");
        var (status, held) = await PostAsync(api, "/api/v1/holdings",
            new { postId = f.Post, memberId = f.Member, fromDate = "2025-07-01", basis = "Appointment", decisionNumber = "10-QĐ/TU", decidedOn = "2025-07-01" });
        Assert.Equal(HttpStatusCode.Created, status);
        var holdingId = held.GetProperty("id").GetInt32();

        // A transfer from a post held since 01/07/2025: not 24 months yet (the setting), refused on the holding; then stopped.
        (status, var transfer) = await PostAsync(api, "/api/v1/appointments", new { kind = "Transfer", fromHoldingId = holdingId, postId = f.Equivalent, proposedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(f.Member, transfer.GetProperty("memberId").GetInt32());
        var transferId = transfer.GetProperty("id").GetInt32();
        (status, var problem) = await PostAsync(api, $"/api/v1/appointments/{transferId}/decide", new { decisionNumber = "800-QĐ/TU", decidedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "fromHoldingId"), m => m.Contains("chưa đủ 24 tháng"));
        (status, var withdrawn) = await PostAsync(api, $"/api/v1/appointments/{transferId}/withdraw", new { on = Iso(Today), reason = "Chưa đủ thời gian giữ chức vụ " + new string('.', 270) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());

        // The reappointment: sent twice at once, opened once; decided ahead it may start no later than the day after the term ends.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(api, "/api/v1/appointments", new { kind = "Reappointment", fromHoldingId = holdingId, proposedOn = Iso(Today) })));
        Assert.Single(twice, t => t.Status == HttpStatusCode.Created);
        Assert.Contains(ErrorsOf(twice.Single(t => t.Status != HttpStatusCode.Created).Body, "kind"), m => m.Contains("đã có hồ sơ đang thực hiện"));
        var re = twice.Single(t => t.Status == HttpStatusCode.Created).Body;
        (status, problem) = await PostAsync(api, $"/api/v1/appointments/{re.GetProperty("id").GetInt32()}/decide",
            new { decisionNumber = "801-QĐ/TU", decidedOn = Iso(Today), effectiveOn = "2030-07-02" });
        Assert.Contains(ErrorsOf(problem, "effectiveOn"), m => m.Contains("muộn nhất ngày 01/07/2030"));
        // The old appointment ends today, a new term starts today in the same post.
        Assert.Equal(f.Post, re.GetProperty("postId").GetInt32());
        (status, _) = await PostAsync(api, $"/api/v1/appointments/{re.GetProperty("id").GetInt32()}/steps", new { on = Iso(Today), name = "Ban Thường vụ đánh giá cán bộ", document = "Tờ trình 5-TTr" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await PostAsync(api, $"/api/v1/appointments/{re.GetProperty("id").GetInt32()}/decide", new { decisionNumber = "801-QĐ/TU", decidedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.OK, status);
        var holdings = await app.WithDbAsync((db, _) => db.PostHoldings.Where(h => h.PostId == f.Post).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(2, holdings.Count);
        Assert.Equal(Today, holdings[0].ToDate);
        Assert.StartsWith("Bổ nhiệm lại theo Quyết định số 801-QĐ/TU", holdings[0].EndReason);
        Assert.Equal((Today, (DateOnly?)null), (holdings[1].FromDate, holdings[1].ToDate));

        // A dismissal needs the holding; it cannot end one that starts on its effective day.
        (status, problem) = await PostAsync(api, "/api/v1/appointments", new { kind = "Dismissal", memberId = f.Member, proposedOn = Iso(Today) });
        Assert.Contains(ErrorsOf(problem, "fromHoldingId"), m => m.Contains("phải chọn chức danh cán bộ đang giữ"));
        (status, var dismissal) = await PostAsync(api, "/api/v1/appointments", new { kind = "Dismissal", fromHoldingId = holdings[1].Id, proposedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.Created, status);
        (status, problem) = await PostAsync(api, $"/api/v1/appointments/{dismissal.GetProperty("id").GetInt32()}/decide", new { decisionNumber = "802-QĐ/TU", decidedOn = Iso(Today) });
        Assert.Contains(ErrorsOf(problem, "effectiveOn"), m => m.Contains("chưa giữ chức danh đang giữ"));
    }

    [Fact]
    public async Task OddInput_NamesTheField_AndScopeHidesCases()
    {
        var api = await app.ApiAsAsync("tochuc");
        var (status, problem) = await PostAsync(api, "/api/v1/appointments", new { kind = "Promotion", memberId = 999_999_999, proposedOn = "31/02/2026" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "kind", "memberId", "proposedOn" }) Assert.NotEmpty(ErrorsOf(problem, field));
        (status, problem) = await PostAsync(api, "/api/v1/appointments", new { kind = "Nomination", memberId = -1, note = new string('x', 501) + "\0" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "note"), m => m.StartsWith("Ghi chú", StringComparison.Ordinal));
        var caseId = await app.WithDbAsync((db, _) => db.AppointmentCases.Select(c => c.Id).FirstAsync());
        // A cell secretary sees no cadre records, not even that a case exists.
        var secretary = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/appointments/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/api/v1/appointments")).StatusCode);
        (status, _) = await PostAsync(secretary, $"/api/v1/appointments/{caseId}/decide", new { decisionNumber = "1", decidedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task ReappointmentDue_ReadsTheTermSetting_OnTheWorklistToo()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        // The default five years and a one-year term (a setting), each against the rule applied to every appointment held today.
        var (dueDefault, dueOneYear, expectedDefault, expected) = await app.WithDbAsync(async (db, services) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var admin = new UserScope { UserName = "admin", Role = Roles.Admin, CanWrite = true };
            var normal = services.GetRequiredService<CadreCases>();
            var shortTerm = ActivatorUtilities.CreateInstance<CadreCases>(services, services.GetRequiredService<CadreSettings>() with { AppointmentTermYears = 1 });
            var held = await db.PostHoldings.Where(h => h.Basis == HoldingBasis.Appointment && h.ManagingPath.StartsWith(path) && h.FromDate <= Today && h.ToDate == null).ToListAsync();
            List<int> DueIds(int years) => held.Where(h => AppointmentTermRule.DueFrom(h.FromDate, years, 90) <= Today).Select(h => h.Id).OrderBy(x => x).ToList();
            return (await normal.DueAsync(admin, path, Today), await shortTerm.DueAsync(admin, path, Today), DueIds(5), DueIds(1));
        });
        Assert.Equal(expectedDefault, dueDefault.Select(d => d.HoldingId).OrderBy(x => x).ToList());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, dueOneYear.Select(d => d.HoldingId).OrderBy(x => x).ToList());
        Assert.All(dueOneYear, d => Assert.Equal(AppointmentTermRule.LastDay(d.FromDate, 1), d.LastDay));

        // The worklist shows the cadre card to the commission, not to the cell secretary.
        var clerk = await PageClient.SignInAsync(app, "tochuc");
        var html = await clerk.GetStringAsync("/");
        Assert.Contains("data-cadre-work", html);
        Assert.Contains("chức danh bổ nhiệm đến hạn xem xét bổ nhiệm lại", html);
        var secretary = await PageClient.SignInAsync(app, "bithu");
        Assert.DoesNotContain("data-cadre-work", await secretary.GetStringAsync("/"));
    }

    [Fact]
    public async Task Holders_ReadLocalOrNot_FromTheirHomeTown_AndTheReportCountsSecretaries()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var api = await app.ApiAsAsync("tochuc");
        var posts = await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts?org={province}");
        var area = new CadreArea(["Tây Ninh", "Long An"], ["Tây Ninh", "Long An"]);
        var records = await app.WithDbAsync((db, _) => db.Members.Where(m => db.PostHoldings.Any(h => h.MemberId == m.Id)).ToDictionaryAsync(m => m.Id, m => (m.HomeTown, m.Birthplace)));
        var holders = posts.GetProperty("posts").EnumerateArray().SelectMany(p => p.GetProperty("holders").EnumerateArray()).Where(h => h.GetProperty("inRegister").GetBoolean()).ToList();
        Assert.NotEmpty(holders);
        foreach (var h in holders)
        {
            var (homeTown, birthplace) = records[h.GetProperty("memberId").GetInt32()];
            Assert.Equal(LocalCadreRule.Of(homeTown, birthplace, area).ToString(), h.GetProperty("locality").GetString());
        }
        // The holders' composition, each person once, counted from the same records.
        var ids = holders.Select(h => h.GetProperty("memberId").GetInt32()).Distinct().ToList();
        var (women, young) = await app.WithDbAsync(async (db, _) =>
        {
            var people = await db.Members.Where(m => ids.Contains(m.Id)).ToListAsync();
            return (people.Count(m => m.Gender == Gender.Female), people.Count(m => PartyOrg.Domain.Statistics.AgeBandRule.Age(m.DateOfBirth, Today) < 40));
        });
        Assert.Equal(ids.Count, posts.GetProperty("holders").GetInt32());
        var composition = posts.GetProperty("composition").EnumerateArray().ToDictionary(c => c.GetProperty("label").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal((women, young), (composition["Nữ"], composition["Dưới 40 tuổi"]));
        // The demo's provincial secretary comes from Bến Tre.
        var secretary = posts.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("kindCode").GetString() == "BI_THU").GetProperty("holders")[0];
        Assert.Equal("Không là người địa phương", secretary.GetProperty("localityLabel").GetString());
        var (paragraphs, _, _) = ExportTests.ReadDocx(await api.GetByteArrayAsync($"/api/v1/reports/annual?org={province}&year={Today.Year}&format=docx"));
        Assert.Contains(paragraphs, p => p.StartsWith("Bí thư cấp ủy không là người địa phương: cấp tỉnh 1/1; cấp xã ", StringComparison.Ordinal));
    }
}
