using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Confidence votes over the real database (issue: cadre work, section 4): a round at the provincial committee whose low majority
/// takes a planned cadre out of the plan in the same write and bars planning them again; the quorum, the counts and who may be
/// voted on refused naming the field; scope.
/// </summary>
public class ConfidenceVoteTests(WebAppFixture app)
{

    [Fact]
    public async Task ARound_WithALowMajority_TakesTheCadreOutOfThePlan_AndBarsPlanningThemAgain()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var heldOn = today.AddDays(-1);
        // The holders of the province's posts that day; one of them planned for a higher post.
        var (holders, planned, planId, inspection) = await app.WithDbAsync(async (db, _) =>
        {
            var posts = await db.Posts.Where(p => p.OrganizationId == province).Select(p => p.Id).ToListAsync();
            var ids = await db.PostHoldings.Where(h => posts.Contains(h.PostId) && h.MemberId != null && h.FromDate <= heldOn && (h.ToDate == null || h.ToDate > heldOn))
                .Select(h => h.MemberId!.Value).Distinct().OrderBy(id => id).ToListAsync();
            var plan = await db.CadrePlans.SingleAsync(p => p.OrganizationId == province && p.TermFrom == 2025);
            var inPlan = await db.PlanEntries.Where(e => e.PlanId == plan.Id && e.ToDate == null && ids.Contains(e.MemberId)).Select(e => e.MemberId).FirstAsync();
            var inspectionPost = await db.Posts.Where(p => p.OrganizationId == province && p.KindCode == "CHU_NHIEM_UBKT").Select(p => p.Id).SingleAsync();
            return (ids, inPlan, plan.Id, inspectionPost);
        });
        var iso = heldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object Round(int present, IEnumerable<object> results) => new { organizationId = province, heldOn = iso, summoned = 45, present, ballotsReturned = Math.Min(present, 43), results };
        var fine = holders.Where(h => h != planned).Select(h => (object)new { memberId = h, high = 30, medium = 11, low = 2 }).ToList();

        // Not two thirds present: refused, nothing written.
        var (status, problem) = await PostAsync(api, "/api/v1/confidence-votes", Round(29, fine));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("present", out var quorum) && quorum.EnumerateArray().Any(m => m.GetString()!.Contains("chưa đủ 2/3")), problem.ToString());
        // Someone who holds no post of the province, and counts beyond the ballots.
        var stranger = await app.WithDbAsync((db, _) => db.Members.Where(m => !holders.Contains(m.Id)).Select(m => m.Id).FirstAsync());
        (status, problem) = await PostAsync(api, "/api/v1/confidence-votes", Round(43, [new { memberId = stranger, high = 1, medium = 0, low = 0 }, new { memberId = holders[0], high = 40, medium = 3, low = 1 }]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem.GetProperty("errors").GetProperty("results[0]").EnumerateArray(), m => m.GetString()!.Contains("không giữ chức danh nào"));
        Assert.Contains(problem.GetProperty("errors").GetProperty("results[1]").EnumerateArray(), m => m.GetString()!.Contains("vượt số phiếu thu về"));
        // No results, a null row, or counts whose sum passes the largest integer: each refused naming the field, not a fault.
        foreach (var body in new object[] { new { organizationId = province, heldOn = iso, summoned = 45, present = 43, ballotsReturned = 43, results = (object?)null },
            Round(43, [null!]), Round(43, [new { memberId = holders[0], high = 2147483646, medium = 1073741825, low = 1073741825 }]) })
        {
            (status, problem) = await PostAsync(api, "/api/v1/confidence-votes", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("results", StringComparison.Ordinal));
        }
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ConfidenceRounds.CountAsync(r => r.HeldOn == heldOn)));

        // 25 of 43 low (58,14%): more than half, under two thirds.
        var (created, round) = await PostAsync(api, "/api/v1/confidence-votes", Round(43, fine.Append(new { memberId = planned, high = 10, medium = 8, low = 25 })));
        Assert.Equal(HttpStatusCode.Created, created);
        var result = round.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("memberId").GetInt32() == planned);
        Assert.Equal("OutOfPlanning", result.GetProperty("consequence").GetString());
        Assert.Equal(58.14m, result.GetProperty("lowPercent").GetDecimal());
        Assert.All(round.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("memberId").GetInt32() != planned),
            r => Assert.Equal("None", r.GetProperty("consequence").GetString()));

        // The plan lost the cadre on the day of the vote, with the reason; planning them again is refused.
        var entries = await app.WithDbAsync((db, _) => db.PlanEntries.Where(e => e.MemberId == planned && e.PlanId == planId).ToListAsync());
        Assert.All(entries, e => Assert.NotNull(e.ToDate));
        Assert.Contains(entries, e => e.ToDate == heldOn && e.RemovalReason!.Contains("Trên 1/2 phiếu tín nhiệm thấp"));
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?org={province}&term=2025");
        Assert.DoesNotContain(plan.GetProperty("posts").EnumerateArray().SelectMany(p => p.GetProperty("entries").EnumerateArray()), e => e.GetProperty("memberId").GetInt32() == planned);
        (status, problem) = await PostAsync(api, $"/api/v1/plans/{planId}/entries", new { postId = inspection, memberId = planned, fromDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), decisionNumber = "300-QĐ/TU" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem.GetProperty("errors").GetProperty("memberId").EnumerateArray(), m => m.GetString()!.Contains("phiếu tín nhiệm thấp"));

        // The same round again (sent twice at once, or later): refused, nothing more written.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ => await PostAsync(await app.ApiAsAsync("tochuc"), "/api/v1/confidence-votes", Round(43, fine))));
        Assert.All(twice, r => Assert.Contains(ErrorsOf(r.Body, "heldOn"), m => m.Contains("đã ghi một lần lấy phiếu")));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.ConfidenceRounds.CountAsync(r => r.OrganizationId == province && r.HeldOn == heldOn)));

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("bithu")).GetAsync($"/api/v1/confidence-votes?org={province}")).StatusCode);
        var clerk = await PageClient.SignInAsync(app, "tochuc");
        var html = await clerk.GetStringAsync($"/Cadres/Votes?org={province}");
        Assert.Contains("Trên 1/2 phiếu tín nhiệm thấp", html);
        // The cadre's own page shows the result and its consequence.
        var memberPage = System.Net.WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Members/Details/{planned}?tab=decisions"));
        Assert.Contains("tín nhiệm thấp 25/43 phiếu (58,14%) – Trên 1/2 phiếu tín nhiệm thấp", memberPage);
    }
}
