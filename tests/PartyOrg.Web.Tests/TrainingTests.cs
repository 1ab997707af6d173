using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Training over the real database (issue: cadre work, section 5): the demo year's figures against the records; a course, a learner
/// and a completed result raising the member's record with its history; each refusal naming the field; the same learner sent twice
/// at once recorded once; scope.
/// </summary>
public class TrainingTests(WebAppFixture app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task TheDemoYear_FiguresPerProgramme_EqualTheRecords()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var view = await (await app.ApiAsAsync("tochuc")).GetFromJsonAsync<JsonElement>($"/api/v1/training?org={province}&year=2026");
        var expected = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var rows = await db.TrainingEnrolments.Where(e => e.OrgPath.StartsWith(path))
                .Join(db.TrainingCourses, e => e.CourseId, c => c.Id, (e, c) => new { c.Level, c.Abroad, c.FromDate, e.Result, e.FinishedOn }).ToListAsync();
            var started = rows.Where(r => r.FromDate.Year == 2026).ToList();
            // Courses are listed by their sending organization, with or without learners (another test leaves one empty).
            var courses = await db.TrainingCourses.CountAsync(c => c.OrgPath.StartsWith(path) && c.FromDate <= new DateOnly(2026, 12, 31) && c.ToDate >= new DateOnly(2026, 1, 1));
            return new
            {
                Courses = courses,
                Sent = started.Count, Abroad = started.Count(r => r.Abroad), Completed = rows.Count(r => r.Result == TrainingResult.Completed && r.FinishedOn?.Year == 2026),
                ByLevel = started.GroupBy(r => r.Level.Label()).ToDictionary(g => g.Key, g => g.Count()),
            };
        });
        Assert.True(expected.Sent > 0 && expected.Abroad > 0);
        Assert.Equal(expected.Courses, view.GetProperty("courses").GetArrayLength());
        var figures = view.GetProperty("figures");
        Assert.Equal((expected.Sent, expected.Abroad, expected.Completed),
            (figures.GetProperty("sent").GetInt32(), figures.GetProperty("abroad").GetInt32(), figures.GetProperty("completed").GetInt32()));
        Assert.Equal(expected.ByLevel, figures.GetProperty("byLevel").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l.GetProperty("count").GetInt32()));
        // The 2025–2026 intermediate class is running in 2026 but was sent in 2025: listed, not counted.
        Assert.Contains(view.GetProperty("courses").EnumerateArray(), c => c.GetProperty("fromDate").GetString()!.StartsWith("2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACompletedCourse_RaisesTheRecord_WithItsHistory_WrittenOnce()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        PoliticalTheory[] below = [PoliticalTheory.None, PoliticalTheory.Elementary, PoliticalTheory.Intermediate];
        var member = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            return await db.Members.Where(m => m.OrgPath.StartsWith(path) && m.Status == MemberStatus.Official && below.Contains(m.PoliticalTheory))
                .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        var (status, course) = await PostAsync(api, "/api/v1/training", new
        {
            organizationId = province, level = "TheoryAdvanced", name = "Lớp cao cấp lý luận chính trị hệ tập trung khóa thử nghiệm", institution = "Học viện Chính trị khu vực II",
            abroad = false, fromDate = Iso(Today.AddMonths(-6)), toDate = Iso(Today),
        });
        Assert.Equal(HttpStatusCode.Created, status);
        var courseId = course.GetProperty("id").GetInt32();
        Assert.Equal("Cao cấp lý luận chính trị", course.GetProperty("levelLabel").GetString());

        // The same learner sent twice at once: recorded once, the other refused on memberId.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(api, $"/api/v1/training/{courseId}/enrolments", new { memberId = member })));
        Assert.Single(both, r => r.Status == HttpStatusCode.Created);
        Assert.Contains(ErrorsOf(both.Single(r => r.Status != HttpStatusCode.Created).Body, "memberId"), m => m.Contains("đã có trong lớp này"));
        var enrolment = await app.WithDbAsync((db, _) => db.TrainingEnrolments.SingleAsync(e => e.CourseId == courseId));

        var (refused, problem) = await PostAsync(api, $"/api/v1/training/enrolments/{enrolment.Id}/finish", new { result = "Completed", finishedOn = Iso(Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.NotEmpty(ErrorsOf(problem, "certificateNumber"));
        Assert.NotEmpty(ErrorsOf(problem, "finishedOn"));
        (status, _) = await PostAsync(api, $"/api/v1/training/enrolments/{enrolment.Id}/finish", new { result = "Completed", finishedOn = Iso(Today), certificateNumber = "CC-2026-0001" });
        Assert.Equal(HttpStatusCode.OK, status);
        var record = await app.WithDbAsync((db, _) => db.Members.SingleAsync(m => m.Id == member));
        Assert.Equal(PoliticalTheory.Advanced, record.PoliticalTheory);
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/history");
        Assert.Contains(history.EnumerateArray().SelectMany(h => h.GetProperty("changes").EnumerateArray()),
            c => c.GetProperty("label").GetString() == "Lý luận chính trị" && c.GetProperty("after").GetString() == "Cao cấp");
        (refused, problem) = await PostAsync(api, $"/api/v1/training/enrolments/{enrolment.Id}/finish", new { result = "NotCompleted", finishedOn = Iso(Today) });
        Assert.Contains(ErrorsOf(problem, "result"), m => m.Contains("đã ghi \"Hoàn thành\""));

        // The member's page shows the course to the commission.
        var page = await PageClient.SignInAsync(app, "tochuc");
        var html = await page.GetStringAsync($"/Members/Details/{member}?tab=decisions");
        Assert.Contains("Đào tạo, bồi dưỡng", html);
        Assert.Contains("khóa thử nghiệm", html);
    }

    [Fact]
    public async Task OddInput_NamesTheField_AndScopeHidesTraining()
    {
        var api = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var (status, problem) = await PostAsync(api, "/api/v1/training", new { organizationId = province, level = "Astronaut", name = " ", institution = "", fromDate = "2026-05-01", toDate = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "level", "name", "institution", "toDate" }) Assert.NotEmpty(ErrorsOf(problem, field));
        (status, problem) = await PostAsync(api, "/api/v1/training", new { organizationId = province, level = "Master", name = new string('a', 301), institution = "x\u0000" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(ErrorsOf(problem, "name"));

        // A member outside the sending organization's subtree cannot be sent by it; a secretary sees nothing of training.
        var (commune, outsider) = await app.WithDbAsync(async (db, _) =>
        {
            var commune = await db.Organizations.Where(o => o.ParentId == province && o.Type == PartyOrg.Domain.Organizations.OrganizationType.Commune && o.EndedOn == null)
                .OrderBy(o => o.Code).FirstAsync();
            var provincePath = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var outside = await db.Members.Where(m => m.OrgPath.StartsWith(provincePath) && !m.OrgPath.StartsWith(commune.Path)).Select(m => m.Id).FirstAsync();
            return (commune.Id, outside);
        });
        (status, var course) = await PostAsync(api, "/api/v1/training", new
        {
            organizationId = commune, level = "PostUpdate", name = "Bồi dưỡng cập nhật kiến thức cho bí thư chi bộ", institution = "Trung tâm chính trị xã", fromDate = Iso(Today), toDate = Iso(Today),
        });
        Assert.Equal(HttpStatusCode.Created, status);
        var courseId = course.GetProperty("id").GetInt32();
        (status, problem) = await PostAsync(api, $"/api/v1/training/{courseId}/enrolments", new { memberId = outsider });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(ErrorsOf(problem, "memberId"));
        var secretary = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/training/{courseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/api/v1/training")).StatusCode);
    }
}
