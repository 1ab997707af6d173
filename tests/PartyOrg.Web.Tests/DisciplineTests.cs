using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Discipline over the real database (issue 12, section 1): the API and its validation and scope, the lapse read back as inForce,
/// khai trừ as an exit, giải tán ending the organization, and the effects where the act happens (transfer, badge). Each test works
/// in cells of its own under the secretary's commune.
/// </summary>
public class DisciplineTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string D(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static int serial;

    private sealed record Place(int Commune, int Cell, int EmptyCell, List<int> Members);

    /// <summary>
    /// A new cell with official members (admitted 01/01/1990, official 1991, placed in it since the commune's founding) and an empty
    /// second cell, under the secretary's commune.
    /// </summary>
    private Task<Place> PlaceAsync(int officials, bool probationary = false) => app.WithDbAsync(async (db, _) =>
    {
        var secretaryCell = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell);
        var commune = await db.Organizations.SingleAsync(o => o.Id == secretaryCell.ParentId);
        var n = Interlocked.Increment(ref serial);
        async Task<Organization> Cell(string suffix)
        {
            var cell = new Organization
            {
                Code = $"{commune.Code}.KL{n}{suffix}", Name = $"Chi bộ Thử Kỷ luật {n}{suffix}", Type = secretaryCell.Type, Field = secretaryCell.Field,
                FoundedOn = commune.FoundedOn, ParentId = commune.Id, Depth = commune.Depth + 1,
            };
            db.Organizations.Add(cell);
            await db.SaveChangesAsync();
            cell.Path = $"{commune.Path}{cell.Id}/";
            await db.SaveChangesAsync();
            return cell;
        }
        var cell = await Cell("");
        var empty = await Cell("B");
        var admitted = probationary ? Today.AddMonths(-4) : new DateOnly(1990, 1, 1);
        var members = Enumerable.Range(1, officials).Select(i =>
        {
            var name = $"Phạm Văn Kỷ {n} {i}";
            return new Member
            {
                FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
                Gender = Gender.Male, DateOfBirth = new(1965, 1, 1), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                CitizenId = $"001065{700000 + n * 20 + i:000000}", AdmittedOn = admitted, CeremonyOn = probationary ? admitted : null,
                OfficialOn = probationary ? null : admitted.AddYears(1),
                OrganizationId = cell.Id, OrgPath = cell.Path, Status = probationary ? MemberStatus.Probationary : MemberStatus.Official,
            };
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        db.MemberPlacements.AddRange(members.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn > cell.FoundedOn ? m.AdmittedOn : cell.FoundedOn }));
        await db.SaveChangesAsync();
        return new Place(commune.Id, cell.Id, empty.Id, members.Select(m => m.Id).ToList());
    });

    private static object Decision(string form, int issuer, int decided = -30, int announced = -25, string number = "12-QĐ/UBKT") =>
        new { form, decidedOn = D(decided), announcedOn = D(announced), number, issuerOrganizationId = issuer, violation = "Vi phạm quy định về những điều đảng viên không được làm." };

    private static async Task<JsonElement> OkAsync(HttpClient client, string url, object body)
    {
        var (status, json) = await PostAsync(client, url, body);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {status}: {json}");
        return json;
    }

    [Fact]
    public async Task DisciplineApi_RecordsReadsInForceAndAudits()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var member = place.Members[0];
        var saved = await OkAsync(client, $"/api/v1/members/{member}/discipline", Decision("Reprimand", place.Commune));
        Assert.True(saved.GetProperty("inForce").GetBoolean());
        Assert.Equal(D(-25 + 0), saved.GetProperty("announcedOn").GetString());
        // 12 months after the announcement it lapses.
        var announced = Today.AddDays(-25);
        Assert.Equal(announced.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), saved.GetProperty("inForceUntil").GetString());
        var later = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/discipline?asOf={announced.AddMonths(12):yyyy-MM-dd}");
        Assert.False(later[0].GetProperty("inForce").GetBoolean());
        var dayBefore = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/discipline?asOf={announced.AddMonths(12).AddDays(-1):yyyy-MM-dd}");
        Assert.True(dayBefore[0].GetProperty("inForce").GetBoolean());
        var id = saved.GetProperty("id").GetInt32();
        Assert.True(await app.WithDbAsync((db, _) => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DisciplineDecision) && a.EntityId == id && a.UserName == "tochuc")));
        // The year's list of the commune holds it.
        var year = await client.GetFromJsonAsync<JsonElement>($"/api/v1/discipline?org={place.Commune}&year={Today.AddDays(-30).Year}");
        Assert.Contains(year.EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task DisciplineApi_ValidatesEachFieldInVietnamese()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var url = $"/api/v1/members/{place.Members[0]}/discipline";
        var (status, body) = await PostAsync(client, url, new { form = "Reprimand", decidedOn = D(-10), announcedOn = D(-12), number = "", issuerOrganizationId = place.Cell, violation = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.Contains("không được trước ngày quyết định", errors.GetProperty("announcedOn")[0].GetString());
        Assert.Contains("Số quyết định", errors.GetProperty("number")[0].GetString());
        Assert.Contains("Nội dung vi phạm", errors.GetProperty("violation")[0].GetString());
        Assert.Contains("không phải cấp ủy có thẩm quyền", errors.GetProperty("issuerOrganizationId")[0].GetString());
        var foreignCommune = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == DemoCodes.ForeignCell).Select(o => o.ParentId!.Value).SingleAsync());
        (status, body) = await PostAsync(client, url, Decision("Reprimand", foreignCommune, decided: 3, announced: 4));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cấp ủy cấp trên", body.GetProperty("errors").GetProperty("issuerOrganizationId")[0].GetString());
        Assert.Contains("không được sau ngày hôm nay", body.GetProperty("errors").GetProperty("decidedOn")[0].GetString());
        (status, body) = await PostAsync(client, url, Decision("Dissolution", place.Commune));
        Assert.Contains("không áp dụng cho đảng viên", body.GetProperty("errors").GetProperty("form")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.DisciplineDecisions.CountAsync(d => d.MemberId == place.Members[0])));
    }

    [Fact]
    public async Task DisciplineFormRule_ProbationaryMemberRefusedCachChuc()
    {
        var place = await PlaceAsync(1, probationary: true);
        var client = await app.ApiAsAsync("tochuc");
        var (status, body) = await PostAsync(client, $"/api/v1/members/{place.Members[0]}/discipline", Decision("Removal", place.Commune));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo", body.GetProperty("errors").GetProperty("form")[0].GetString());
        await OkAsync(client, $"/api/v1/members/{place.Members[0]}/discipline", Decision("Warning", place.Commune));
    }

    [Fact]
    public async Task DisciplineApi_Scope_404OutsideAnd403ForReadOnlyAndSecretary()
    {
        var place = await PlaceAsync(1);
        var foreignMember = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var readOnly = await app.ApiAsAsync("xem-phuong");
        Assert.Equal(HttpStatusCode.NotFound, (await readOnly.GetAsync($"/api/v1/members/{foreignMember}/discipline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(readOnly, $"/api/v1/members/{foreignMember}/discipline", Decision("Reprimand", place.Commune))).Status);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/members/{place.Members[0]}/discipline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(readOnly, $"/api/v1/members/{place.Members[0]}/discipline", Decision("Reprimand", place.Commune))).Status);
        var secretary = await app.ApiAsAsync("bithu");
        var own = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretary, $"/api/v1/members/{own}/discipline", Decision("Reprimand", place.Commune))).Status);
        // The secretary's own cell: in scope, but only commission staff record discipline.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretary, $"/api/v1/organizations/{await app.OrganizationIdAsync(DemoCodes.SecretaryCell)}/discipline", Decision("Reprimand", place.Commune))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(secretary, $"/api/v1/organizations/{place.EmptyCell}/discipline", Decision("Reprimand", place.Commune))).Status);
    }

    [Fact]
    public async Task DisciplineLapseRule_HeldWhileTheComplaintIsPending()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var saved = await OkAsync(client, $"/api/v1/members/{place.Members[0]}/discipline", Decision("Warning", place.Commune, decided: -500, announced: -495));
        var id = saved.GetProperty("id").GetInt32();
        Assert.False(saved.GetProperty("inForce").GetBoolean());
        var pending = await OkAsync(client, $"/api/v1/discipline/{id}/complaint", new { filedOn = D(-480) });
        Assert.True(pending.GetProperty("inForce").GetBoolean());
        Assert.True(pending.GetProperty("complaintPending").GetBoolean());
        var (status, body) = await PostAsync(client, $"/api/v1/discipline/{id}/complaint", new { filedOn = D(-480), decidedOn = D(-10), outcome = "Reduced", reducedTo = "Removal" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("phải nhẹ hơn", body.GetProperty("errors").GetProperty("reducedTo")[0].GetString());
        var upheld = await OkAsync(client, $"/api/v1/discipline/{id}/complaint", new { filedOn = D(-480), decidedOn = D(-10), outcome = "Upheld", number = "5-QĐ/UBKTTU" });
        Assert.False(upheld.GetProperty("inForce").GetBoolean());
        Assert.Equal(D(-10), upheld.GetProperty("inForceUntil").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, $"/api/v1/discipline/{id}/complaint", new { filedOn = D(-480), decidedOn = D(-5), outcome = "Annulled" })).Status);
    }

    [Fact]
    public async Task KhaiTru_ClosesThePlacementAsAnExit()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var member = place.Members[0];
        await OkAsync(client, $"/api/v1/members/{member}/discipline", Decision("Expulsion", place.Commune, decided: -20, announced: -18));
        var (status, placementEnd, exit) = await app.WithDbAsync(async (db, _) => (
            await db.Members.Where(m => m.Id == member).Select(m => m.Status).SingleAsync(),
            await db.MemberPlacements.Where(p => p.MemberId == member).Select(p => p.ToDate).SingleAsync(),
            await db.MemberDecisions.Where(d => d.MemberId == member).Select(d => d.Kind).SingleAsync()));
        Assert.Equal(MemberStatus.Expelled, status);
        Assert.Equal(Today.AddDays(-20), placementEnd);
        Assert.Equal(DecisionKind.Expulsion, exit);
        // The standing on the day before is official, on the day itself out of the party (khai trừ).
        var party = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}/discipline?asOf={D(3650)}");
        Assert.True(party[0].GetProperty("inForce").GetBoolean()); // khai trừ never lapses
    }

    [Fact]
    public async Task GiaiTan_EndsTheOrganization_RefusedWhileItHasMembers()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var (status, body) = await PostAsync(client, $"/api/v1/organizations/{place.Cell}/discipline", Decision("Dissolution", place.Commune));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("còn 1 đảng viên đang sinh hoạt", body.GetProperty("errors").GetProperty("form")[0].GetString());
        (status, body) = await PostAsync(client, $"/api/v1/organizations/{place.EmptyCell}/discipline", Decision("Removal", place.Commune));
        Assert.Contains("không áp dụng cho tổ chức đảng", body.GetProperty("errors").GetProperty("form")[0].GetString());
        await OkAsync(client, $"/api/v1/organizations/{place.EmptyCell}/discipline", Decision("Dissolution", place.Commune));
        var org = await app.WithDbAsync((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == place.EmptyCell));
        Assert.Equal(Today.AddDays(-30), org.EndedOn);
        Assert.Equal(OrganizationState.Dissolved, org.State);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{place.EmptyCell}/discipline");
        Assert.Equal("Dissolution", list[0].GetProperty("form").GetString());
    }

    [Fact]
    public async Task DisciplineTransferRule_TransferRefusedWhileInForce()
    {
        var place = await PlaceAsync(1);
        var client = await app.ApiAsAsync("tochuc");
        var member = place.Members[0];
        await OkAsync(client, $"/api/v1/members/{member}/discipline", Decision("Reprimand", place.Commune));
        var (status, body) = await PostAsync(client, "/api/v1/transfers", new { memberId = member, kind = "Official", toOrganizationId = await app.OrganizationIdAsync(DemoCodes.SecretaryCell), issuedOn = D(0), letterNumber = "45-GGT/ĐU" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("đang chịu kỷ luật khiển trách", body.GetProperty("errors").GetProperty("issuedOn")[0].GetString());
        // Before the decision the same letter is accepted (the rule reads the letter's date).
        (status, body) = await PostAsync(client, "/api/v1/transfers", new { memberId = member, kind = "Official", toOrganizationId = await app.OrganizationIdAsync(DemoCodes.SecretaryCell), issuedOn = D(-40), letterNumber = "44-GGT/ĐU" });
        Assert.True(status == HttpStatusCode.Created || status == HttpStatusCode.OK, body.ToString());
    }

    [Fact]
    public async Task DisciplineBadgeRule_AwardRefusedAndMarkedOnTheEligibleList()
    {
        var place = await PlaceAsync(2);
        var client = await app.ApiAsAsync("tochuc");
        var occasion = BadgeRule.PreviousOccasion(Today.AddDays(1));
        var disciplined = place.Members[0];
        await OkAsync(client, $"/api/v1/members/{disciplined}/discipline", Decision("Warning", place.Commune, decided: -200, announced: -190));
        var eligible = await client.GetFromJsonAsync<JsonElement>($"/api/v1/badges/eligible?org={place.Cell}&occasion={occasion:yyyy-MM-dd}");
        var items = eligible.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("đang chịu kỷ luật cảnh cáo", items.Single(i => i.GetProperty("memberId").GetInt32() == disciplined).GetProperty("barred").GetString());
        Assert.Equal(JsonValueKind.Null, items.Single(i => i.GetProperty("memberId").GetInt32() == place.Members[1]).GetProperty("barred").ValueKind);
        Assert.Equal(1, eligible.GetProperty("byMilestone").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()));
        var (status, body) = await PostAsync(client, "/api/v1/badges/awards", new { memberId = disciplined, milestone = 35 - 5, occasionOn = occasion.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), decisionNumber = "9-QĐ/TU" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("không xét tặng Huy hiệu Đảng", body.GetProperty("errors").GetProperty("occasionOn")[0].GetString());
        await OkAsync(client, "/api/v1/badges/awards", new { memberId = place.Members[1], milestone = 30, occasionOn = occasion.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), decisionNumber = "9-QĐ/TU" });
    }

    [Fact]
    public async Task DisciplinePages_RecordThroughTheForm_ListTheYear_AndShowOnTheMembersTab()
    {
        var place = await PlaceAsync(1);
        var member = place.Members[0];
        var tochuc = await PageClient.SignInAsync(app, "tochuc");
        var page = $"/Discipline/Record?member={member}";
        var html = await tochuc.GetStringAsync(page);
        Assert.Contains($"<option value=\"{place.Commune}\"", html); // the committee is picked by name, not typed
        var decided = Today.AddDays(-15);
        var response = await tochuc.PostAsync(page + "&handler=Record", await PageClient.FormAsync(tochuc, page, new()
        {
            ["Input.Form"] = "Warning", ["Input.DecidedOn"] = VnFormat.Date(decided), ["Input.AnnouncedOn"] = VnFormat.Date(decided.AddDays(2)),
            ["Input.Number"] = "31-QĐ/UBKT", ["Input.IssuerOrganizationId"] = place.Commune.ToString(CultureInfo.InvariantCulture),
            ["Input.Violation"] = "Vi phạm nguyên tắc tập trung dân chủ.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tab = await tochuc.GetStringAsync($"/Members/Details/{member}?tab=decisions");
        Assert.Contains("31-QĐ/UBKT", tab);
        Assert.Contains("Còn hiệu lực", tab);
        var year = await tochuc.GetStringAsync($"/Discipline?org={place.Commune}&year={decided.Year}");
        Assert.Contains("31-QĐ/UBKT", year);
        Assert.Contains("table-cards", year);
        // A wrong date answers on the page in Vietnamese, naming the field; nothing saved.
        var bad = await tochuc.PostAsync(page + "&handler=Record", await PageClient.FormAsync(tochuc, page, new()
        {
            ["Input.Form"] = "Reprimand", ["Input.DecidedOn"] = VnFormat.Date(decided), ["Input.AnnouncedOn"] = VnFormat.Date(decided.AddDays(-2)),
            ["Input.Number"] = "32-QĐ/UBKT", ["Input.IssuerOrganizationId"] = place.Commune.ToString(CultureInfo.InvariantCulture), ["Input.Violation"] = "x",
        }));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ngày công bố: không được trước ngày quyết định", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.DisciplineDecisions.CountAsync(d => d.MemberId == member)));
        // The secretary reads the list but may not record.
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var own = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var ownPage = $"/Discipline/Record?member={own}";
        var refused = await bithu.PostAsync(ownPage + "&handler=Record", await PageClient.FormAsync(bithu, ownPage, new()
        {
            ["Input.Form"] = "Reprimand", ["Input.DecidedOn"] = VnFormat.Date(decided), ["Input.AnnouncedOn"] = VnFormat.Date(decided),
            ["Input.Number"] = "1", ["Input.IssuerOrganizationId"] = place.Commune.ToString(CultureInfo.InvariantCulture), ["Input.Violation"] = "x",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
