using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>Rating rounds through the API: who is to be rated, progress, the rules of the year, settings, versions, lock, scope.</summary>
public class RatingTests(WebAppFixture app)
{
    private static int serial;

    private sealed record Place(int Cell, string CellPath, List<int> Members, int Newcomer);

    /// <summary>
    /// A new top-level base cell (outside the demo tree, whose organizations all lie within their parents' lives; the administrator
    /// sees it) with five members admitted in 2000 and one admitted 01/06/2024.
    /// </summary>
    private Task<Place> PlaceAsync() => app.WithDbAsync(async (db, _) =>
    {
        var secretaryCell = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell);
        var commune = await db.Organizations.SingleAsync(o => o.Id == secretaryCell.ParentId);
        var n = Interlocked.Increment(ref serial);
        var cell = new Organization
        {
            Code = $"XL-THU-{n}", Name = $"Chi bộ Thử Xếp loại {n}", Type = secretaryCell.Type, Field = secretaryCell.Field,
            FoundedOn = new(1990, 1, 1), Depth = 0,
        };
        db.Organizations.Add(cell);
        await db.SaveChangesAsync();
        cell.Path = $"/{cell.Id}/";
        await db.SaveChangesAsync();
        var members = Enumerable.Range(1, 6).Select(i =>
        {
            var name = $"Trần Thị Xếp {n} {i}";
            var admitted = i == 6 ? new DateOnly(2024, 6, 1) : new DateOnly(2000, 3, 1);
            return new Member
            {
                FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
                Gender = Gender.Female, DateOfBirth = new(1975, 1, 1), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                CitizenId = $"001175{700000 + n * 20 + i:000000}", AdmittedOn = admitted, OfficialOn = admitted.AddYears(1),
                OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Official,
            };
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        db.MemberPlacements.AddRange(members.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn }));
        await db.SaveChangesAsync();
        return new Place(cell.Id, cell.Path, members.Take(5).Select(m => m.Id).ToList(), members[5].Id);
    });

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ETag)> PutAsync(HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement, response.Headers.ETag?.Tag);
    }

    private static string Errors(JsonElement body, string field) =>
        body.TryGetProperty("errors", out var e) && e.TryGetProperty(field, out var list) ? string.Join(" ", list.EnumerateArray().Select(x => x.GetString())) : "";

    [Fact]
    public async Task RatingProgress_CountsMembersActiveInTheYearByPlacement_AndNamesTheMissing()
    {
        var place = await PlaceAsync();
        var client = await app.ApiAsAsync("admin");
        var round = await client.GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={place.Cell}&year=2023");
        Assert.Equal(5, round.GetProperty("members").GetProperty("toRate").GetInt32());
        Assert.Equal(0, round.GetProperty("members").GetProperty("rated").GetInt32());
        Assert.Equal(1, round.GetProperty("organizations").GetProperty("toRate").GetInt32());
        Assert.Contains("124-QĐ/TW", round.GetProperty("rule").GetString());
        var row = Assert.Single(round.GetProperty("progress").EnumerateArray());
        Assert.Equal(5, row.GetProperty("missingMembers").GetArrayLength());
        Assert.DoesNotContain(row.GetProperty("missingMembers").EnumerateArray(), m => m.GetProperty("id").GetInt32() == place.Newcomer);
        // In 2024 the newcomer is a member: six to rate.
        Assert.Equal(6, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={place.Cell}&year=2024")).GetProperty("members").GetProperty("toRate").GetInt32());

        var url = $"/api/v1/ratings/members/{place.Members[0]}/2023";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, url, new { selfLevel = "Good", proposedLevel = "Good", decidedLevel = "Good", decidedOn = "2023-12-20" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/ratings/members/{place.Members[1]}/2023", new { decidedLevel = "Completed", decidedOn = "2023-12-20" })).Status);
        var exempt = await PutAsync(client, $"/api/v1/ratings/members/{place.Members[2]}/2023", new { exemptReason = "Miễn công tác và sinh hoạt đảng (tuổi cao, sức yếu)" });
        Assert.Equal(HttpStatusCode.OK, exempt.Status);
        // Not a member in 2023: refused with the reason of that date.
        var newcomer = await PutAsync(client, $"/api/v1/ratings/members/{place.Newcomer}/2023", new { decidedLevel = "Good", decidedOn = "2023-12-20" });
        Assert.Equal(HttpStatusCode.BadRequest, newcomer.Status);
        Assert.Contains("chưa là đảng viên", Errors(newcomer.Body, "memberId"));

        round = await client.GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={place.Cell}&year=2023");
        var members = round.GetProperty("members");
        Assert.Equal(4, members.GetProperty("toRate").GetInt32());
        Assert.Equal(2, members.GetProperty("rated").GetInt32());
        Assert.Equal(1, members.GetProperty("exempt").GetInt32());
        Assert.Equal(50m, members.GetProperty("goodOrAbovePercent").GetDecimal());
        row = Assert.Single(round.GetProperty("progress").EnumerateArray());
        Assert.Equal(2, row.GetProperty("missingMembers").GetArrayLength());
        Assert.Equal(2, row.GetProperty("membersRated").GetInt32());
        Assert.Contains(round.GetProperty("settings").EnumerateArray(), s => s.GetString()!.Contains("Ratings:ExcellentCapPercent"));
        Assert.Contains("Reports:PercentRounding", round.GetProperty("percentRounding").GetString());
    }

    [Fact]
    public async Task RatingApi_ValidatesByTheRuleOfTheYear_InVietnamesePerField()
    {
        var place = await PlaceAsync();
        var client = await app.ApiAsAsync("admin");
        var m = place.Members[0];
        var old = await PutAsync(client, $"/api/v1/ratings/members/{m}/2023", new { selfLevel = "Good", selfPoints = 80, decidedLevel = "Good", decidedOn = "2023-12-20", points = 80 });
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        Assert.Contains("chỉ chấm điểm từ năm 2025", Errors(old.Body, "points"));
        Assert.Contains("chỉ chấm điểm từ năm 2025", Errors(old.Body, "selfPoints"));
        var badLevel = await PutAsync(client, $"/api/v1/ratings/members/{m}/2022", new { selfLevel = "Perfect", proposedLevel = "2" });
        Assert.Contains("không có trong danh mục", Errors(badLevel.Body, "selfLevel"));
        Assert.Contains("không có trong danh mục", Errors(badLevel.Body, "proposedLevel"));
        var noDate = await PutAsync(client, $"/api/v1/ratings/members/{m}/2022", new { decidedLevel = "Good" });
        Assert.Contains("Ngày quyết định", Errors(noDate.Body, "decidedOn"));

        var disagree = await PutAsync(client, $"/api/v1/ratings/members/{m}/2025", new { selfLevel = "Excellent", selfPoints = 75, decidedLevel = "Completed", decidedOn = "2025-12-20", points = 75 });
        Assert.Equal(HttpStatusCode.BadRequest, disagree.Status);
        Assert.Contains("75 điểm", Errors(disagree.Body, "selfLevel"));
        Assert.Contains("75 điểm", Errors(disagree.Body, "decidedLevel"));
        var range = await PutAsync(client, $"/api/v1/ratings/members/{m}/2025", new { decidedLevel = "Good", decidedOn = "2025-12-20", points = 120 });
        Assert.Contains("0 đến 100", Errors(range.Body, "points"));
        var missingPoints = await PutAsync(client, $"/api/v1/ratings/members/{m}/2025", new { decidedLevel = "Good", decidedOn = "2025-12-20" });
        Assert.Contains("Cần nhập điểm", Errors(missingPoints.Body, "points"));
        var future = await PutAsync(client, $"/api/v1/ratings/members/{m}/{DateTime.Now.Year + 1}", new { selfLevel = "Good" });
        Assert.Contains("Năm đánh giá", Errors(future.Body, "year"));
        var ok = await PutAsync(client, $"/api/v1/ratings/members/{m}/2025", new { selfLevel = "Good", selfPoints = 85, proposedLevel = "Good", decidedLevel = "Good", decidedOn = "2025-12-20", points = 88 });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("Good", ok.Body.GetProperty("decidedLevel").GetString());
        Assert.Equal("admin", ok.Body.GetProperty("decidedBy").GetString());
        Assert.Equal("admin", ok.Body.GetProperty("selfBy").GetString());

        // Versions: a stored rating is changed only with its ETag.
        var url = $"/api/v1/ratings/members/{m}/2025";
        var again = new { selfLevel = "Good", selfPoints = 85, proposedLevel = "Good", decidedLevel = "Good", decidedOn = "2025-12-20", points = 89 };
        Assert.Equal((HttpStatusCode)428, (await PutAsync(client, url, again)).Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(client, url, again, "\"99\"")).Status);
        var changed = await PutAsync(client, url, again, ok.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(89, changed.Body.GetProperty("points").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(client, url, again, ok.ETag)).Status);
        var audits = await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == "Rating" && a.EntityId == changed.Body.GetProperty("id").GetInt32()));
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task RatingApi_CapOnExcellentIsASettingNamedInTheRefusal()
    {
        var place = await PlaceAsync();
        var client = await app.ApiAsAsync("admin");
        foreach (var m in place.Members.Take(4))
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/ratings/members/{m}/2025", new { decidedLevel = "Good", decidedOn = "2025-12-20", points = 80 })).Status);
        var excellent = new { decidedLevel = "Excellent", decidedOn = "2025-12-20", points = 95, allTasksOnTime = true, tasksExceededPercent = 40 };
        // 1 of 5 rated good or above: 20%, within the cap.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/ratings/members/{place.Members[4]}/2025", excellent)).Status);
        // Excellent without the task conditions is refused by QĐ 366 Art. 11.
        var conditions = await PutAsync(client, $"/api/v1/ratings/members/{place.Newcomer}/2025", new { decidedLevel = "Excellent", decidedOn = "2025-12-20", points = 95 });
        Assert.Contains("30% vượt mức", Errors(conditions.Body, "decidedLevel"));
        // A second one: 2 of 6, over 20%.
        var over = await PutAsync(client, $"/api/v1/ratings/members/{place.Newcomer}/2025", excellent);
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Contains("Ratings:ExcellentCapPercent", Errors(over.Body, "decidedLevel"));
        Assert.Contains("33,33%", Errors(over.Body, "decidedLevel"));
    }

    [Fact]
    public async Task RatingLock_RefusesWritesWithTheReason_UnlockNeedsAReasonAndIsAudited()
    {
        var place = await PlaceAsync();
        var client = await app.ApiAsAsync("admin");
        var url = $"/api/v1/ratings/members/{place.Members[0]}/2023";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, url, new { decidedLevel = "Good", decidedOn = "2023-12-20" })).Status);
        var locked = await PostAsync(client, $"/api/v1/ratings/{place.Cell}/2023/lock");
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.True(locked.Body.GetProperty("locked").GetBoolean());
        var refused = await PutAsync(client, $"/api/v1/ratings/members/{place.Members[1]}/2023", new { decidedLevel = "Good", decidedOn = "2023-12-20" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("đã khóa sổ", Errors(refused.Body, "year"));
        Assert.Contains("đã khóa sổ", Errors((await PostAsync(client, $"/api/v1/ratings/{place.Cell}/2023/lock")).Body, "year"));
        // Other years stay open.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/ratings/members/{place.Members[1]}/2022", new { decidedLevel = "Good", decidedOn = "2022-12-20" })).Status);
        // The secretary cannot lock or unlock; outside her scope she learns nothing.
        var bithu = await app.ApiAsAsync("bithu");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(bithu, $"/api/v1/ratings/{place.Cell}/2023/unlock", new { reason = "x" })).Status);

        var noReason = await PostAsync(client, $"/api/v1/ratings/{place.Cell}/2023/unlock", new { reason = " " });
        Assert.Contains("Lý do mở khóa", Errors(noReason.Body, "reason"));
        var unlocked = await PostAsync(client, $"/api/v1/ratings/{place.Cell}/2023/unlock", new { reason = "Bổ sung quyết định xếp loại còn thiếu" });
        Assert.Equal(HttpStatusCode.OK, unlocked.Status);
        Assert.False(unlocked.Body.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/ratings/members/{place.Members[1]}/2023", new { decidedLevel = "Good", decidedOn = "2023-12-20" })).Status);
        var history = await app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == "RatingRound").OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync());
        Assert.Contains("Bổ sung quyết định xếp loại còn thiếu", history);
    }

    [Fact]
    public async Task RatingScope_SecretaryEntersSelfAndProposalForHerCell_OnlyTheCommitteeDecides()
    {
        var place = await PlaceAsync();
        var bithu = await app.ApiAsAsync("bithu");
        // Outside her cell: 404, read or write.
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.GetAsync($"/api/v1/ratings?org={place.Cell}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(bithu, $"/api/v1/ratings/members/{place.Members[0]}/2024", new { selfLevel = "Good" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(bithu, $"/api/v1/ratings/organizations/{place.Cell}/2024", new { selfLevel = "Good" })).Status);
        // A read-only commission account in scope: 403.

        // Her own cell (founded at the 2025 reform), this year's round.
        var year = DateTime.Now.Year;
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cellId = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var roundResponse = await bithu.GetAsync($"/api/v1/ratings?org={cellId}&year={year}");
        var roundText = await roundResponse.Content.ReadAsStringAsync();
        Assert.True(roundResponse.IsSuccessStatusCode, roundText);
        var round = JsonDocument.Parse(roundText).RootElement;
        var member = round.GetProperty("memberRatings").EnumerateArray().Last();
        var memberId = member.GetProperty("memberId").GetInt32();
        string? Tag(JsonElement r) => r.GetProperty("id").ValueKind == JsonValueKind.Null ? null : $"\"{r.GetProperty("version").GetInt32()}\"";
        string? Keep(string p) => member.GetProperty(p).ValueKind == JsonValueKind.Null ? null : member.GetProperty(p).ToString();
        int? KeepPoints() => member.GetProperty("points").ValueKind == JsonValueKind.Null ? null : member.GetProperty("points").GetInt32();
        var decide = await PutAsync(bithu, $"/api/v1/ratings/members/{memberId}/{year}",
            new { selfLevel = "Good", selfPoints = 80, proposedLevel = "Good", decidedLevel = "NotCompleted", decidedOn = today, points = 40 }, Tag(member));
        Assert.True(decide.Status == HttpStatusCode.BadRequest, decide.Body.ToString());
        Assert.Contains("Chỉ cấp ủy có thẩm quyền", Errors(decide.Body, "decidedLevel"));
        var entered = await PutAsync(bithu, $"/api/v1/ratings/members/{memberId}/{year}",
            new { selfLevel = "Good", selfPoints = 80, proposedLevel = "Good", decidedLevel = Keep("decidedLevel"), decidedOn = Keep("decidedOn"), points = KeepPoints() }, Tag(member));
        Assert.True(entered.Status == HttpStatusCode.OK, entered.Body.ToString());
        Assert.Equal("bithu", entered.Body.GetProperty("proposedBy").GetString());
        // Her own cell's rating is decided by the committee above, not by her.
        var cellRating = round.GetProperty("organizationRatings").EnumerateArray().Single(r => r.GetProperty("subjectOrganizationId").GetInt32() == cellId);
        var own = await PutAsync(bithu, $"/api/v1/ratings/organizations/{cellId}/{year}",
            new { selfLevel = "Good", selfPoints = 80, decidedLevel = "NotCompleted", decidedOn = today, points = 40 }, Tag(cellRating));
        Assert.Equal(HttpStatusCode.BadRequest, own.Status);
        Assert.Contains("cấp ủy cấp trên trực tiếp", Errors(own.Body, "decidedLevel"));

        // A read-only commission account in scope: 403.
        var reader = await app.ApiAsAsync("xem-phuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(reader, $"/api/v1/ratings/members/{memberId}/{year}", new { selfLevel = "Good", selfPoints = 80 })).Status);

        // The commission above decides her cell's rating; a collective with more than 20% of tasks late is not "hoàn thành".
        var tochuc = await app.ApiAsAsync("tochuc");
        var collective = await PutAsync(tochuc, $"/api/v1/ratings/organizations/{cellId}/{year}",
            new { decidedLevel = "Completed", decidedOn = today, points = 60, tasksLatePercent = 25 }, Tag(cellRating));
        Assert.Contains("20%", Errors(collective.Body, "decidedLevel"));
        var decided = await PutAsync(tochuc, $"/api/v1/ratings/organizations/{cellId}/{year}",
            new { selfLevel = "Good", selfPoints = 80, proposedLevel = "Good", decidedLevel = "Good", decidedOn = today, points = 82 }, Tag(cellRating));
        Assert.True(decided.Status == HttpStatusCode.OK, decided.Body.ToString());
        Assert.Equal("Collective", decided.Body.GetProperty("subject").GetString());
    }
}
