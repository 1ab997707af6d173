using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Rules that judge a fact by its own date, over the real database (issue 11, section 4): sponsors on a past date, the late
/// ceremony, the late transfer letter, readmission after a removal for unpaid fees. Each test works in a cell of its own
/// under the secretary's commune, so the demo's members are left as they are.
/// </summary>
public partial class DatedRulesTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string D(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Vn(int daysFromToday) => VnFormat.Date(Today.AddDays(daysFromToday));
    private static int serial;

    private sealed record Place(int Commune, int Cell, int OtherCell, List<int> Officials);

    /// <summary>A new cell (and a second one) under the secretary's commune, with officials admitted 01/03/2000, official since 01/03/2001.</summary>
    private Task<Place> PlaceAsync(int officials, DateOnly? admittedOn = null) => app.WithDbAsync(async (db, _) =>
    {
        var secretaryCell = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell);
        var commune = await db.Organizations.SingleAsync(o => o.Id == secretaryCell.ParentId);
        var n = Interlocked.Increment(ref serial);
        async Task<Organization> Cell(string suffix)
        {
            var cell = new Organization
            {
                Code = $"{commune.Code}.NGAY{n}{suffix}", Name = $"Chi bộ Thử Ngày {n}{suffix}", Type = secretaryCell.Type, Field = secretaryCell.Field,
                FoundedOn = new(1990, 1, 1), ParentId = commune.Id, Depth = commune.Depth + 1,
            };
            db.Organizations.Add(cell);
            await db.SaveChangesAsync();
            cell.Path = $"{commune.Path}{cell.Id}/";
            await db.SaveChangesAsync();
            return cell;
        }
        var cell = await Cell("");
        var other = await Cell("B");
        var members = Enumerable.Range(1, officials).Select(i =>
        {
            var name = $"Lê Văn Ngày {n} {i}";
            return new Member
            {
                FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
                Gender = Gender.Male, DateOfBirth = new(1970, 1, 1), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                CitizenId = $"001070{600000 + n * 20 + i:000000}", AdmittedOn = admittedOn ?? new(2000, 3, 1), OfficialOn = (admittedOn ?? new(2000, 3, 1)).AddYears(1),
                OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Official,
            };
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        db.MemberPlacements.AddRange(members.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn }));
        await db.SaveChangesAsync();
        return new Place(commune.Id, cell.Id, other.Id, members.Select(m => m.Id).ToList());
    });

    private static object Newcomer(int cellId, string name) => new
    {
        fullName = name, gender = "Female", dateOfBirth = "2000-04-12", citizenId = $"072300{900000 + Interlocked.Increment(ref serial):000000}",
        ethnicGroupCode = "01", religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", occupation = "Giáo viên",
        sourceGroup = "YouthUnion", sourceSince = D(-520), organizationId = cellId,
    };

    private static async Task<JsonElement> OkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<int> NewCaseAsync(HttpClient client, int cell, string name)
    {
        var created = await OkAsync(client, "/api/v1/admissions", Newcomer(cell, name));
        var id = created.GetProperty("summary").GetProperty("id").GetInt32();
        await OkAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Course", date = D(-500), number = "215/GCN-TTCT" });
        return id;
    }

    private static string Errors(JsonElement problem) => problem.GetProperty("errors").ToString();

    [Fact]
    public async Task SponsorRule_OnThePastDate_DeadLaterIsAccepted_DeadBeforeIsRefusedWithTheTrueReason()
    {
        var place = await PlaceAsync(4);
        var (alive, diedLater, alive2, diedBefore) = (place.Officials[0], place.Officials[1], place.Officials[2], place.Officials[3]);
        var client = await app.ApiAsAsync("tochuc");
        await OkAsync(client, $"/api/v1/members/{diedLater}/decisions", new { kind = "Death", decidedOn = D(-100), reason = "Từ trần" });
        await OkAsync(client, $"/api/v1/members/{diedBefore}/decisions", new { kind = "Death", decidedOn = D(-600), reason = "Từ trần" });
        Assert.Equal("Deceased", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{diedLater}")).GetProperty("status").GetString());

        // The sponsor picker of a past step offers members who have died since, saying so; the ordinary one does not.
        var cccd = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == diedLater).Select(m => m.CitizenId).SingleAsync());
        var former = await client.GetFromJsonAsync<JsonElement>($"/api/v1/pickers/members?q={cccd}&official=true&former=true");
        Assert.EndsWith("đã từ trần", Assert.Single(former.EnumerateArray()).GetProperty("detail").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/pickers/members?q={cccd}&official=true")).EnumerateArray());

        // Official since 2001 and alive on every step's date: a valid sponsor, though dead today.
        var accepted = await NewCaseAsync(client, place.Cell, "Phan Thị Giới Thiệu");
        await OkAsync(client, $"/api/v1/admissions/{accepted}/steps", new { step = "Sponsors", date = D(-490), sponsor1Id = diedLater, sponsor1Since = D(-1200), sponsor2Id = alive, sponsor2Since = D(-900) });
        await OkAsync(client, $"/api/v1/admissions/{accepted}/steps", new { step = "Application", date = D(-470) });
        var resolved = await OkAsync(client, $"/api/v1/admissions/{accepted}/steps", new { step = "CellResolution", date = D(-460), number = "07-NQ/CB" });
        Assert.Equal("CellResolution", resolved.GetProperty("summary").GetProperty("step").GetString());

        // Dead before the date: refused, saying so, not that they were never official.
        var refused = await NewCaseAsync(client, place.Cell, "Phan Thị Bị Từ Chối");
        var (status, problem) = await PostAsync(client, $"/api/v1/admissions/{refused}/steps", new { step = "Sponsors", date = D(-490), sponsor1Id = diedBefore, sponsor1Since = D(-1200), sponsor2Id = alive2, sponsor2Since = D(-900) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("sponsors").EnumerateArray()).GetString()!;
        Assert.Contains($"đã từ trần ngày {Vn(-600)}, trước ngày {Vn(-490)}", message);
        Assert.DoesNotContain("chưa là đảng viên chính thức", message);
        Assert.Equal(AdmissionStep.Course, await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Id == refused).Select(c => c.Step).SingleAsync()));
    }

    [Fact]
    public async Task StandingRule_ADecisionIsJudgedOnItsDate_NotBeforeTheLatestOne()
    {
        var place = await PlaceAsync(1);
        var member = place.Officials[0];
        var client = await app.ApiAsAsync("tochuc");
        // Dated before the admission: on that day the person was not yet a member, whatever they are today.
        var (status, problem) = await PostAsync(client, $"/api/v1/members/{member}/decisions", new { kind = "Death", decidedOn = "1999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("chưa là đảng viên vào ngày 01/01/1999", problem.GetProperty("errors").GetProperty("decidedOn")[0].GetString());
        await OkAsync(client, $"/api/v1/members/{member}/decisions", new { kind = "NameRemoval", decidedOn = D(-1500), number = "9-QĐ/ĐU", removalCase = "UnpaidFees", reason = "Không đóng đảng phí 3 tháng" });
        // Nothing is dated before the latest decision: the record's story stays in order.
        (status, problem) = await PostAsync(client, $"/api/v1/members/{member}/decisions", new { kind = "Readmission", decidedOn = D(-1600), number = "10-QĐ/ĐU", consentDocument = "55-CV/TU", ceremonyOn = D(-1590), organizationId = place.Cell });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("không được trước quyết định đã ghi gần nhất", Errors(problem));
        // Party age asked for a past date is read on that date's standing: official in 2010 though out of the party now.
        var then = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/party-age?asOf=2010-03-01");
        Assert.Equal(10, then.GetProperty("years").GetInt32());
        var now = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/party-age");
        Assert.Equal(JsonValueKind.Null, now.GetProperty("years").ValueKind);
    }

    [Fact]
    public async Task LateCeremonyRule_RefusedWithoutTheHigherCommitteesConsent_AcceptedAndMarkedWithIt()
    {
        var place = await PlaceAsync(2);
        var client = await app.ApiAsAsync("tochuc");
        var id = await NewCaseAsync(client, place.Cell, "Trịnh Thị Quá Hạn");
        await OkAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Sponsors", date = D(-490), sponsor1Id = place.Officials[0], sponsor1Since = D(-1200), sponsor2Id = place.Officials[1], sponsor2Since = D(-900) });
        await OkAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Application", date = D(-470) });
        await OkAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "CellResolution", date = D(-460), number = "07-NQ/CB" });
        var decided = await OkAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Decision", date = D(-200), number = "312-QĐ/ĐU", approvingOrganizationId = place.Commune });
        var due = DateOnly.ParseExact(decided.GetProperty("summary").GetProperty("nextDeadline").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(due < Today);

        // Past the 30 working days without the consent: refused, with the reason and the deadline; nothing saved.
        var (status, problem) = await PostAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Ceremony", date = D(0) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "lateConsentNumber", "lateConsentOn", "lateConsentOrganizationId" })
            Assert.Contains($"hạn ngày {VnFormat.Date(due)}", errors.GetProperty(field)[0].GetString());
        // A consent from a committee that is not above the cell is refused too.
        var foreignCommune = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == DemoCodes.ForeignCell).Select(o => o.ParentId!.Value).SingleAsync());
        (status, problem) = await PostAsync(client, $"/api/v1/admissions/{id}/steps", new { step = "Ceremony", date = D(0), lateConsentNumber = "45-CV/ĐU", lateConsentOn = D(0), lateConsentOrganizationId = foreignCommune });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cấp ủy cấp trên của chi bộ", Errors(problem));
        Assert.Equal(AdmissionStep.Decision, await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));

        // On the phone page: the consenting committee is offered by name (the commune above the cell, chosen first), nobody types an id.
        var page = await PageClient.SignInAsync(app, "tochuc");
        var html = await page.GetStringAsync($"/Admissions/Details/{id}");
        Assert.Contains($"Lễ kết nạp sau hạn {VnFormat.Date(due)}", html);
        var communeName = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == place.Commune).Select(o => o.Name).SingleAsync());
        var checkedCommittee = CheckedRadio("Input.LateConsentOrganizationId").Match(html);
        Assert.True(checkedCommittee.Success, "the consenting committee is picked, not typed");
        Assert.Equal(place.Commune.ToString(CultureInfo.InvariantCulture), checkedCommittee.Groups[1].Value);
        Assert.Contains(communeName, html);
        var posted = await page.PostAsync($"/Admissions/Details/{id}?handler=Step", await PageClient.FormAsync(page, $"/Admissions/Details/{id}", new()
        {
            ["Input.Step"] = "Ceremony", ["Input.Date"] = Vn(0), ["Input.LateConsentNumber"] = "45-CV/ĐU", ["Input.LateConsentOn"] = Vn(0),
            ["Input.LateConsentOrganizationId"] = checkedCommittee.Groups[1].Value, ["Confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var done = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{id}");
        Assert.True(done.GetProperty("summary").GetProperty("ceremonyLate").GetBoolean());
        Assert.Equal(LateCeremonyRule.Mark, done.GetProperty("summary").GetProperty("lateMark").GetString());
        Assert.Equal("45-CV/ĐU", done.GetProperty("lateConsentNumber").GetString());
        var memberId = done.GetProperty("summary").GetProperty("memberId").GetInt32();

        // Counted and filtered: the admission list, the worklist, and the member's record carry the mark.
        var late = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions?org={place.Cell}&late=true");
        Assert.Equal(id, Assert.Single(late.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions?org={place.OtherCell}&late=true")).GetProperty("items").EnumerateArray());
        var list = await page.GetStringAsync($"/Admissions?org={place.Cell}&late=true");
        Assert.Contains("Trịnh Thị Quá Hạn", list);
        Assert.Contains(LateCeremonyRule.Mark, list);
        Assert.Contains($"lễ kết nạp năm {Today.Year} {LateCeremonyRule.Mark}", WebUtility.HtmlDecode(await page.GetStringAsync("/")));
        Assert.Contains(LateCeremonyRule.Mark, WebUtility.HtmlDecode(await page.GetStringAsync($"/Members/Details/{memberId}")));
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{id}/history");
        Assert.Contains(history.EnumerateArray().SelectMany(r => r.GetProperty("changes").EnumerateArray()),
            c => c.GetProperty("label").GetString() == "Cấp ủy cấp trên đồng ý" && c.GetProperty("after").GetString() == communeName);
    }

    [Fact]
    public async Task LateTransferRule_TheLateLetterIsFlaggedUntilTheCommitteeDecides_PartyAgeFollowsTheDecision()
    {
        var place = await PlaceAsync(2);
        var (notCounted, counted) = (place.Officials[0], place.Officials[1]);
        var client = await app.ApiAsAsync("tochuc");
        var transfers = new Dictionary<int, JsonElement>();
        foreach (var member in place.Officials)
            transfers[member] = await OkAsync(client, "/api/v1/transfers", new { memberId = member, kind = "Official", toOrganizationId = place.OtherCell, issuedOn = D(-100), letterNumber = "15-GGT/ĐU" });
        var presentBy = DateOnly.ParseExact(transfers[notCounted].GetProperty("presentBy").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(presentBy < Today);
        var ageBefore = PartyAgeRule.On(new(2000, 3, 1), true, [], Today)!.Value;

        // Late without a reason: refused in Vietnamese, naming the deadline.
        var id = transfers[notCounted].GetProperty("id").GetInt32();
        var (status, problem) = await PostAsync(client, $"/api/v1/transfers/{id}/receive", new { receivedOn = D(0) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"chậm nhất ngày {VnFormat.Date(presentBy)}", problem.GetProperty("errors").GetProperty("lateReason")[0].GetString());
        foreach (var member in place.Officials)
            await OkAsync(client, $"/api/v1/transfers/{transfers[member].GetProperty("id").GetInt32()}/receive", new { receivedOn = D(0), lateReason = "Đảng viên ốm, nằm viện" });

        // Received, flagged, and party age not cut by the clock.
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{id}");
        Assert.True(view.GetProperty("awaitingLateDecision").GetBoolean());
        Assert.Equal(LateTransferRule.AwaitingMark, view.GetProperty("lateMark").GetString());
        Assert.Equal(ageBefore.ToString(), (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{notCounted}/party-age")).GetProperty("text").GetString());
        var page = await PageClient.SignInAsync(app, "tochuc");
        Assert.Contains(LateTransferRule.AwaitingMark, WebUtility.HtmlDecode(await page.GetStringAsync("/")));
        Assert.Contains(LateTransferRule.AwaitingMark, WebUtility.HtmlDecode(await page.GetStringAsync("/Transfers?late=true")));

        // Outside the scope (the secretary of another cell of the commune) the transfer does not exist.
        var outsider = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/transfers/{id}/late-decision", new { number = "1", decidedOn = D(0), countsInPartyAge = false, organizationId = place.Commune })).StatusCode);
        Assert.DoesNotContain(LateTransferRule.AwaitingMark, WebUtility.HtmlDecode(await (await PageClient.SignInAsync(app, "bithu")).GetStringAsync("/")));

        // The decision needs its fields and a committee above the receiving cell.
        (status, problem) = await PostAsync(client, $"/api/v1/transfers/{id}/late-decision", new { number = "15-QĐ/ĐU", decidedOn = D(0), organizationId = place.OtherCell });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("countsInPartyAge", Errors(problem));

        // Through the page on a phone: the committee is picked by name; "does not count" cuts the late days.
        var url = $"/Transfers/Details/{id}";
        var html = await page.GetStringAsync(url);
        var fields = PageClient.FieldsOf(html);
        Assert.Equal(place.Commune.ToString(CultureInfo.InvariantCulture), fields["Input.OrganizationId"]);
        fields["Input.Number"] = "16-QĐ/ĐU";
        fields["Input.CountsInPartyAge"] = "false";
        fields["Confirmed"] = "true";
        var posted = await page.PostAsync($"{url}?handler=Late", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var cut = PartyAgeRule.On(new(2000, 3, 1), true, [new ActivityGap(presentBy, Today)], Today)!.Value;
        Assert.NotEqual(ageBefore, cut);
        Assert.Equal(cut.ToString(), (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{notCounted}/party-age")).GetProperty("text").GetString());
        view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{id}");
        Assert.False(view.GetProperty("awaitingLateDecision").GetBoolean());
        Assert.False(view.GetProperty("lateCountsInPartyAge").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/transfers/{id}/late-decision", new { number = "17-QĐ/ĐU", decidedOn = D(0), countsInPartyAge = true, organizationId = place.Commune })).StatusCode);

        // Through the API: "counts" keeps the whole party age.
        var countedId = transfers[counted].GetProperty("id").GetInt32();
        var decided = await OkAsync(client, $"/api/v1/transfers/{countedId}/late-decision", new { number = "18-QĐ/ĐU", decidedOn = D(0), countsInPartyAge = true, organizationId = place.Commune });
        Assert.True(decided.GetProperty("lateCountsInPartyAge").GetBoolean());
        Assert.Equal(ageBefore.ToString(), (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{counted}/party-age")).GetProperty("text").GetString());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{countedId}");
        Assert.Contains("tính vào tuổi đảng", history.GetProperty("lateMark").GetString());
    }

    [Fact]
    public async Task ReadmissionRule_AfterRemovalForUnpaidFees_AllowedAfter36Months_AfterAbandoningActivityRefused()
    {
        var place = await PlaceAsync(2);
        var (fees, abandoned) = (place.Officials[0], place.Officials[1]);
        var client = await app.ApiAsAsync("tochuc");
        await OkAsync(client, $"/api/v1/members/{fees}/decisions", new { kind = "NameRemoval", decidedOn = D(-1500), number = "9-QĐ/ĐU", removalCase = "UnpaidFees" });
        await OkAsync(client, $"/api/v1/members/{abandoned}/decisions", new { kind = "NameRemoval", decidedOn = D(-1500), number = "10-QĐ/ĐU", removalCase = "AbandonedActivity" });

        var readmitted = await OkAsync(client, $"/api/v1/members/{fees}/decisions", new { kind = "Readmission", decidedOn = D(-10), number = "11-QĐ/ĐU", consentDocument = "56-CV/TU", ceremonyOn = D(-5), organizationId = place.Cell });
        Assert.Equal("Readmission", readmitted.GetProperty("kind").GetString());
        Assert.Equal("Probationary", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{fees}")).GetProperty("status").GetString());
        var removal = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{fees}/decisions")).EnumerateArray().First();
        Assert.Equal("Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng", removal.GetProperty("removalCaseLabel").GetString());

        var (status, problem) = await PostAsync(client, $"/api/v1/members/{abandoned}/decisions", new { kind = "Readmission", decidedOn = D(-10), number = "12-QĐ/ĐU", consentDocument = "57-CV/TU", ceremonyOn = D(-5), organizationId = place.Cell });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("không xem xét kết nạp lại người đã bỏ sinh hoạt đảng (Quy định 294-QĐ/TW, điểm 3.5)", Errors(problem));
        Assert.Equal("NameRemoved", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{abandoned}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadgeRule_TheAwardIsJudgedOnTheOccasionsDate_AliveThenOrPosthumous()
    {
        // Admitted 01/01/1990: 30 years of party age by the occasion of 03/02/2020.
        var place = await PlaceAsync(2, new DateOnly(1990, 1, 1));
        var (diedAfter, diedBefore) = (place.Officials[0], place.Officials[1]);
        var client = await app.ApiAsAsync("tochuc");
        await OkAsync(client, $"/api/v1/members/{diedAfter}/decisions", new { kind = "Death", decidedOn = D(-100) });
        await OkAsync(client, $"/api/v1/members/{diedBefore}/decisions", new { kind = "Death", decidedOn = "2019-06-01" });

        // Alive at the occasion, dead today: the award made then is not posthumous.
        var (status, problem) = await PostAsync(client, "/api/v1/badges/awards", new { memberId = diedAfter, milestone = 30, occasionOn = "2020-02-03", decisionNumber = "120-QĐ/TU", posthumous = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("còn sinh hoạt đảng", Errors(problem));
        await OkAsync(client, "/api/v1/badges/awards", new { memberId = diedAfter, milestone = 30, occasionOn = "2020-02-03", decisionNumber = "120-QĐ/TU" });

        // Dead before the occasion: only posthumously, and the refusal says why.
        (status, problem) = await PostAsync(client, "/api/v1/badges/awards", new { memberId = diedBefore, milestone = 30, occasionOn = "2020-02-03", decisionNumber = "121-QĐ/TU" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("đã từ trần ngày 01/06/2019; hãy chọn truy tặng", Errors(problem));
        await OkAsync(client, "/api/v1/badges/awards", new { memberId = diedBefore, milestone = 30, occasionOn = "2020-02-03", decisionNumber = "121-QĐ/TU", posthumous = true });
    }

    [GeneratedRegex("<input[^>]*name=\"Input.LateConsentOrganizationId\"[^>]*value=\"(\\d+)\"[^>]*checked", RegexOptions.None)]
    private static partial Regex CheckedRadioLateConsent();

    private static Regex CheckedRadio(string name) => name == "Input.LateConsentOrganizationId" ? CheckedRadioLateConsent() : throw new ArgumentException(name);
}
