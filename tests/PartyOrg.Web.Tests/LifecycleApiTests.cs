using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;

namespace PartyOrg.Web.Tests;

/// <summary>The member's way in and through the Party over the real database: admission steps, recognition, transfers, exits, badges.</summary>
public class LifecycleApiTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string D(int daysFromToday) => Iso(Today.AddDays(daysFromToday));
    private static int serial;

    /// <summary>A valid newcomer: born 2000 in Tây Ninh (072), a fresh CCCD each time.</summary>
    private static object Newcomer(int cellId, string name = "Trần Thị Mỹ Duyên") => new
    {
        fullName = name, gender = "Female", dateOfBirth = "2000-04-12", citizenId = $"072300{800000 + Interlocked.Increment(ref serial):000000}",
        ethnicGroupCode = "01", religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", occupation = "Giáo viên mầm non",
        sourceGroup = "YouthUnion", sourceSince = D(-520), organizationId = cellId,
    };

    private async Task<(HttpClient Client, int Cell, int Commune, List<int> Officials)> SecretaryAsync()
    {
        var client = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var (commune, officials) = await app.WithDbAsync(async (db, _) =>
        (
            await db.Organizations.Where(o => o.Id == cell).Select(o => o.ParentId!.Value).SingleAsync(),
            await db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Official && m.OfficialOn < Today.AddYears(-3)).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync()
        ));
        return (client, cell, commune, officials);
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, int id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/admissions/{id}/steps", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<int> AdmittedAsync(HttpClient client, int org, int year) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&year={year}")).GetProperty("admitted").GetInt32();

    [Fact]
    public async Task AdmissionPipeline_FromSourceToOfficialMember_CountsAtOnceInTheCommissionsProgress()
    {
        var (client, cell, commune, officials) = await SecretaryAsync();
        var commission = await app.ApiAsAsync("tochuc");
        var root = (await commission.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root")).GetProperty("id").GetInt32();
        var decisionYear = Today.AddDays(-430).Year;
        var before = await AdmittedAsync(commission, root, decisionYear);

        var created = await client.PostAsJsonAsync("/api/v1/admissions", Newcomer(cell));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        await StepAsync(client, id, new { step = "Course", date = D(-500), number = "215/GCN-TTCT" });
        await StepAsync(client, id, new { step = "Sponsors", date = D(-490), sponsor1Id = officials[0], sponsor1Since = D(-1200), sponsor2Id = officials[1], sponsor2Since = D(-900) });
        await StepAsync(client, id, new { step = "Application", date = D(-470) });
        await StepAsync(client, id, new { step = "CellResolution", date = D(-460), number = "07-NQ/CB" });
        await StepAsync(client, id, new { step = "Decision", date = D(-430), number = "312-QĐ/ĐU", approvingOrganizationId = commune });
        var done = await StepAsync(client, id, new { step = "Ceremony", date = D(-420) });

        Assert.Equal("Ceremony", done.GetProperty("summary").GetProperty("step").GetString());
        var memberId = done.GetProperty("summary").GetProperty("memberId").GetInt32();
        var member = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        Assert.Equal("Probationary", member.GetProperty("status").GetString());
        Assert.Equal(D(-430), member.GetProperty("admittedOn").GetString());
        Assert.Equal(D(-420), member.GetProperty("ceremonyOn").GetString());
        Assert.Equal(before + 1, await AdmittedAsync(commission, root, decisionYear));

        // Probation ended 12 months after the ceremony: the cell's worklist shows it, then the recognition makes it official from that day.
        var due = await client.GetFromJsonAsync<JsonElement>("/api/v1/probation");
        Assert.Contains(due.EnumerateArray(), p => p.GetProperty("memberId").GetInt32() == memberId);
        var recognized = await client.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "Recognition", decidedOn = D(0), number = "88-QĐ/ĐU" });
        Assert.Equal(HttpStatusCode.OK, recognized.StatusCode);
        member = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        Assert.Equal("Official", member.GetProperty("status").GetString());
        Assert.Equal(Iso(Today.AddDays(-420).AddMonths(12)), member.GetProperty("officialOn").GetString());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{id}/history");
        Assert.Equal(7, history.GetArrayLength());
    }

    [Fact]
    public async Task AdmissionSteps_RefuseBrokenRulesAndSaveNothing()
    {
        var (client, cell, _, officials) = await SecretaryAsync();
        var created = await client.PostAsJsonAsync("/api/v1/admissions", Newcomer(cell, "Lê Văn Thử"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();

        var skipped = await StepAsync(client, id, new { step = "Application", date = D(-10) }, HttpStatusCode.BadRequest);
        Assert.Contains("bước tiếp theo của hồ sơ là \"Đã học lớp nhận thức về Đảng\"", skipped.GetProperty("errors").GetProperty("step")[0].GetString());

        await StepAsync(client, id, new { step = "Course", date = D(-200), number = "01/GCN" });
        var notOfficial = await StepAsync(client, id, new { step = "Sponsors", date = D(-100), sponsor1Id = officials[0], sponsor1Since = D(-1200), sponsor2Id = officials[0], sponsor2Since = D(-900) }, HttpStatusCode.BadRequest);
        Assert.Contains("hai đảng viên chính thức khác nhau", notOfficial.GetProperty("errors").GetProperty("sponsors")[0].GetString());
        await StepAsync(client, id, new { step = "Sponsors", date = D(-100), sponsor1Id = officials[0], sponsor1Since = D(-300), sponsor2Id = officials[1], sponsor2Since = D(-900) });
        var tooSoon = await StepAsync(client, id, new { step = "Application", date = D(-90) }, HttpStatusCode.BadRequest);
        Assert.Contains("mới cùng công tác với người vào Đảng 6 tháng", tooSoon.GetProperty("errors").GetProperty("sponsors")[0].GetString());

        var stored = await app.WithDbAsync((db, _) => db.AdmissionCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(AdmissionStep.Sponsors, stored.Step);
        Assert.Null(stored.ApplicationOn);
    }

    [Fact]
    public async Task CourseCertificateRule_AnExpiredCertificateStopsTheCellResolution()
    {
        var (client, cell, _, officials) = await SecretaryAsync();
        var created = await client.PostAsJsonAsync("/api/v1/admissions", Newcomer(cell, "Võ Thị Hết Hạn"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        await StepAsync(client, id, new { step = "Course", date = D(-2000), number = "03/GCN" });
        await StepAsync(client, id, new { step = "Sponsors", date = D(-100), sponsor1Id = officials[0], sponsor1Since = D(-1200), sponsor2Id = officials[1], sponsor2Since = D(-900) });
        await StepAsync(client, id, new { step = "Application", date = D(-90) });

        var expired = await StepAsync(client, id, new { step = "CellResolution", date = D(-80), number = "09-NQ/CB" }, HttpStatusCode.BadRequest);
        Assert.Contains("đã hết hạn 5 năm", expired.GetProperty("errors").GetProperty("courseCertificateOn")[0].GetString());
    }

    [Fact]
    public async Task CompetentCommitteeRule_TheCellCannotDecideItsOwnAdmission()
    {
        var (client, cell, _, officials) = await SecretaryAsync();
        var created = await client.PostAsJsonAsync("/api/v1/admissions", Newcomer(cell, "Phạm Minh Quyết"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        await StepAsync(client, id, new { step = "Course", date = D(-400), number = "02/GCN" });
        await StepAsync(client, id, new { step = "Sponsors", date = D(-300), sponsor1Id = officials[0], sponsor1Since = D(-1200), sponsor2Id = officials[1], sponsor2Since = D(-900) });
        await StepAsync(client, id, new { step = "Application", date = D(-290) });
        await StepAsync(client, id, new { step = "CellResolution", date = D(-280), number = "08-NQ/CB" });

        var byCell = await StepAsync(client, id, new { step = "Decision", date = D(-250), number = "1-QĐ", approvingOrganizationId = cell }, HttpStatusCode.BadRequest);
        Assert.Contains("cấp ủy cấp trên của chi bộ", byCell.GetProperty("errors").GetProperty("approvingOrganizationId")[0].GetString());
        var dropped = await client.PostAsJsonAsync($"/api/v1/admissions/{id}/drop", new { reason = "Chuyển đi nơi khác" });
        Assert.Equal("Dropped", (await dropped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("step").GetString());
    }

    [Fact]
    public async Task Admissions_OutsideTheScope_AreNotFound()
    {
        var foreignCell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var foreignCase = await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.OrganizationId != foreignCell).Where(c => !db.Organizations.Any(o => o.Id == c.OrganizationId && o.Code == DemoCodes.SecretaryCell)).Select(c => c.Id).FirstAsync());
        var secretary = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/admissions/{foreignCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/v1/admissions/{foreignCase}/steps", new { step = "Course", date = D(-1), number = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/v1/admissions", Newcomer(foreignCell))).StatusCode);
        var member = await app.ApiAsAsync("dangvien");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/admissions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/admissions/{foreignCase}")).StatusCode);
    }

    [Fact]
    public async Task Transfer_MemberStaysInOneCellUntilTheReceiverConfirms()
    {
        var commission = await app.ApiAsAsync("tochuc");
        var memberId = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var issued = await commission.PostAsJsonAsync("/api/v1/transfers", new { memberId, kind = "Official", toOrganizationCode = DemoCodes.ForeignCell, issuedOn = D(-3), letterNumber = "15-GGT/ĐU", reason = "Chuyển công tác" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var transfer = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var transferId = transfer.GetProperty("id").GetInt32();
        Assert.Equal("InTransit", transfer.GetProperty("state").GetString());

        // Visible on the sending side (the secretary's cell), not yet moved.
        var secretary = await app.ApiAsAsync("bithu");
        Assert.Contains((await secretary.GetFromJsonAsync<JsonElement>("/api/v1/transfers")).EnumerateArray(), t => t.GetProperty("id").GetInt32() == transferId);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/api/v1/transfers/{transferId}/receive", new { receivedOn = D(0) })).StatusCode);
        var second = await commission.PostAsJsonAsync("/api/v1/transfers", new { memberId, kind = "Official", toOrganizationCode = DemoCodes.ForeignCell, issuedOn = D(-1), letterNumber = "16-GGT/ĐU" });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);

        var received = await commission.PostAsJsonAsync($"/api/v1/transfers/{transferId}/receive", new { receivedOn = D(0) });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var (open, cellCode) = await app.WithDbAsync(async (db, _) => (
            await db.MemberPlacements.CountAsync(p => p.MemberId == memberId && p.ToDate == null),
            await db.Members.Where(m => m.Id == memberId).Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.Code).SingleAsync()));
        Assert.Equal(1, open);
        Assert.Equal(DemoCodes.ForeignCell, cellCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/members/{memberId}")).StatusCode);
    }

    [Fact]
    public async Task TemporaryTransferRule_RefusesAStayOfAYearOrMore()
    {
        var commission = await app.ApiAsAsync("tochuc");
        var memberId = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Status == MemberStatus.Official && m.OrgPath.Contains("/")).OrderBy(m => m.Id).Skip(30).Select(m => m.Id).FirstAsync());
        var response = await commission.PostAsJsonAsync("/api/v1/transfers", new { memberId, kind = "Temporary", toOrganizationCode = DemoCodes.ForeignCell, issuedOn = D(0), letterNumber = "3-GGT", returnOn = D(400) });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dưới 1 năm", body.GetProperty("errors").GetProperty("returnOn")[0].GetString());
    }

    [Fact]
    public async Task ExitAndReadmission_DatedDecisionsKeepTheMemberReadable()
    {
        var commission = await app.ApiAsAsync("tochuc");
        var memberId = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Status == MemberStatus.Official && m.AdmittedOn < new DateOnly(2000, 1, 1) && m.ReadmittedOn == null)
            .Where(m => !db.MemberTransfers.Any(t => t.MemberId == m.Id)).OrderBy(m => m.Id).Skip(5).Select(m => m.Id).FirstAsync());
        var cell = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == memberId).Select(m => m.OrganizationId).SingleAsync());

        var noCase = await commission.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "NameRemoval", decidedOn = D(-1500), number = "9-QĐ/ĐU" });
        Assert.Equal(HttpStatusCode.BadRequest, noCase.StatusCode);
        var removed = await commission.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "NameRemoval", decidedOn = D(-1500), number = "9-QĐ/ĐU", removalCase = "NoProgress" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var member = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        Assert.Equal("NameRemoved", member.GetProperty("status").GetString());

        var early = await commission.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "Readmission", decidedOn = D(-1000), number = "10-QĐ/ĐU", consentDocument = "55-CV/TU", ceremonyOn = D(-990), organizationId = cell });
        Assert.Contains("ít nhất 36 tháng", await early.Content.ReadAsStringAsync());
        var readmitted = await commission.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "Readmission", decidedOn = D(-200), number = "11-QĐ/ĐU", consentDocument = "56-CV/TU", ceremonyOn = D(-190), organizationId = cell });
        Assert.Equal(HttpStatusCode.OK, readmitted.StatusCode);
        member = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        Assert.Equal("Probationary", member.GetProperty("status").GetString());
        var again = await commission.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "Readmission", decidedOn = D(0), number = "12-QĐ/ĐU", consentDocument = "57-CV/TU", ceremonyOn = D(0), organizationId = cell });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var decisions = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}/decisions");
        Assert.Equal(["NameRemoval", "Readmission"], decisions.EnumerateArray().Select(d => d.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task Badges_EligibleAwardedAndCountedPerMilestone()
    {
        var commission = await app.ApiAsAsync("tochuc");
        var occasion = BadgeRule.NextOccasion(Today);
        var eligible = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/badges/eligible?occasion={occasion:yyyy-MM-dd}");
        var first = eligible.GetProperty("items").EnumerateArray().First();
        var (memberId, milestone) = (first.GetProperty("memberId").GetInt32(), first.GetProperty("milestone").GetInt32());
        var admitted = DateOnly.Parse(first.GetProperty("admittedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(admitted.AddYears(milestone) <= occasion);

        var summaryBefore = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/badges/summary?from={occasion:yyyy-MM-dd}&to={occasion:yyyy-MM-dd}");
        var awarded = await commission.PostAsJsonAsync("/api/v1/badges/awards", new { memberId, milestone, occasionOn = Iso(occasion), decisionNumber = "1205-QĐ/TU" });
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        var twice = await commission.PostAsJsonAsync("/api/v1/badges/awards", new { memberId, milestone, occasionOn = Iso(occasion) });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var tooEarly = await commission.PostAsJsonAsync("/api/v1/badges/awards", new { memberId, milestone = milestone + 40, occasionOn = Iso(occasion) });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);

        var summary = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/badges/summary?from={occasion:yyyy-MM-dd}&to={occasion:yyyy-MM-dd}");
        Assert.Equal(summaryBefore.GetProperty("total").GetInt32() + 1, summary.GetProperty("total").GetInt32());
        Assert.Contains(summary.GetProperty("byMilestone").EnumerateArray(), m => m.GetProperty("milestone").GetInt32() == milestone && m.GetProperty("count").GetInt32() >= 1);
        var after = await commission.GetFromJsonAsync<JsonElement>($"/api/v1/badges/eligible?occasion={occasion:yyyy-MM-dd}");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), c => c.GetProperty("memberId").GetInt32() == memberId);
    }

    [Fact]
    public async Task Targets_SetByTheCommissionShowBesideTheChildrenSum()
    {
        var commission = await app.ApiAsAsync("tochuc");
        var commune = await app.OrganizationIdAsync("80.27694");
        var year = Today.Year + 1;
        var set = await commission.PutAsJsonAsync("/api/v1/targets", new { organizationId = commune, year, count = 12, source = "Allocated", document = "Thông báo 15-TB/TU" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var progress = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12, progress.GetProperty("target").GetInt32());
        Assert.Equal(0, progress.GetProperty("childrenTarget").GetInt32());
        Assert.Equal(-12, progress.GetProperty("childrenDifference").GetInt32());
        Assert.True(progress.GetProperty("sourcePoolShort").GetBoolean() == progress.GetProperty("sourcePool").GetInt32() < 18);

        var readOnly = await app.ApiAsAsync("xem-phuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PutAsJsonAsync("/api/v1/targets", new { organizationId = commune, year, count = 1 })).StatusCode);
        var bad = await commission.PutAsJsonAsync("/api/v1/targets", new { organizationId = commune, term = "2030", count = -1 });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("year", out _) && errors.TryGetProperty("count", out _));
    }
}
