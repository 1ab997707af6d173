using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PartyOrg.Web.Tests;

public class MemberApiTests(WebAppFixture app)
{
    private static int serial = 100_000 + Random.Shared.Next(800_000);

    /// <summary>
    /// A record that passes every rule, with a CCCD no other test uses. Admitted after 1/7/2025: today's cells were founded
    /// on that day, and a placement lies inside its cell's life (MergerHistoryTests writes the earlier history).
    /// </summary>
    public static Dictionary<string, object?> ValidMember(int cellId) => new()
    {
        ["fullName"] = "Trần Thị Ngọc Ánh",
        ["gender"] = "Female",
        ["dateOfBirth"] = "1994-03-15",
        ["ethnicGroupCode"] = "01",
        ["religion"] = "Phật giáo",
        ["citizenId"] = $"080194{Interlocked.Increment(ref serial):000000}",
        ["birthplace"] = "Xã Mỹ Yên, huyện Bến Lức, tỉnh Long An",
        ["admittedOn"] = "2025-08-19",
        ["officialOn"] = "2026-08-19",
        ["generalEducation"] = "UpperSecondary",
        ["professionalDegree"] = "Bachelor",
        ["politicalTheory"] = "Elementary",
        ["organizationId"] = cellId,
    };

    [Fact]
    public async Task Create_ValidMember_IsSavedAndAudited()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var input = ValidMember(cell);

        var response = await client.PostAsJsonAsync("/api/v1/members", input);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Trần Thị Ngọc Ánh", created.GetProperty("fullName").GetString());
        Assert.Equal("Official", created.GetProperty("status").GetString());
        Assert.Equal(cell, created.GetProperty("organizationId").GetInt32());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/history");
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal("Created", entry.GetProperty("action").GetString());
        Assert.Equal("tochuc", entry.GetProperty("userName").GetString());
        Assert.Contains(entry.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "CitizenId" && c.GetProperty("after").GetString() == (string)input["citizenId"]!);
        // The member is active in the cell from the admission date.
        var placements = await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == id).ToListAsync());
        Assert.Equal(new DateOnly(2025, 8, 19), Assert.Single(placements).FromDate);
    }

    [Fact]
    public async Task Create_InvalidMember_AnswersEveryFieldInVietnameseAndSavesNothing()
    {
        var client = await app.ApiAsAsync("tochuc");
        var input = ValidMember(await app.OrganizationIdAsync(DemoCodes.ForeignCell));
        input["admittedOn"] = "2019-05-19";
        input["dateOfBirth"] = "2003-01-10";      // 16 at admission
        input["citizenId"] = "080094123456";       // disagrees with the birth year and gender
        input["officialOn"] = "2019-12-01";        // within probation
        input["ethnicGroupCode"] = "99";
        var before = await app.WithDbAsync((db, _) => db.Members.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/members", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("Ngày vào Đảng: người vào Đảng phải đủ 18 tuổi", errors.GetProperty("admittedOn")[0].GetString());
        Assert.Contains(errors.GetProperty("citizenId").EnumerateArray(), e => e.GetString()!.StartsWith("Số CCCD: chữ số thứ 4", StringComparison.Ordinal));
        Assert.StartsWith("Ngày chính thức:", errors.GetProperty("officialOn")[0].GetString());
        Assert.StartsWith("Dân tộc:", errors.GetProperty("ethnicGroupCode")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Create_MalformedValues_AreReportedPerField()
    {
        var client = await app.ApiAsAsync("tochuc");
        var response = await client.PostAsJsonAsync("/api/v1/members", new { fullName = "", gender = "X", dateOfBirth = "31/02/1990", admittedOn = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Họ và tên: không được để trống.", errors.GetProperty("fullName")[0].GetString());
        Assert.Equal("Giới tính: giá trị \"X\" không có trong danh mục.", errors.GetProperty("gender")[0].GetString());
        Assert.Contains("không phải ngày hợp lệ", errors.GetProperty("dateOfBirth")[0].GetString());
        Assert.Equal("Ngày vào Đảng: không được để trống.", errors.GetProperty("admittedOn")[0].GetString());
        Assert.Equal("Chi bộ sinh hoạt: phải chọn chi bộ.", errors.GetProperty("organizationId")[0].GetString());
    }

    [Fact]
    public async Task Create_DuplicateCitizenIdOrCard_IsRefused()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var existing = await app.WithDbAsync((db, _) => db.Members.Where(m => m.CardNumber != null).OrderBy(m => m.Id).FirstAsync());
        var input = ValidMember(cell);
        input["citizenId"] = existing.CitizenId;
        input["gender"] = existing.Gender.ToString();
        input["dateOfBirth"] = existing.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        input["admittedOn"] = existing.AdmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        input["officialOn"] = null;
        input["cardNumber"] = existing.CardNumber;

        var response = await client.PostAsJsonAsync("/api/v1/members", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        // Within the caller's scope the answer names the member holding the number, so a duplicate can be found.
        Assert.Equal($"Số CCCD: đã có trong hồ sơ của đảng viên {existing.FullName}; người đã ra khỏi Đảng được xét kết nạp lại bằng quyết định kết nạp lại.", errors.GetProperty("citizenId")[0].GetString());
        Assert.Equal($"Số thẻ đảng viên: đã cấp cho đảng viên {existing.FullName}.", errors.GetProperty("cardNumber")[0].GetString());
    }

    [Fact]
    public async Task Update_ChangesFieldsAndHistoryShowsBeforeAndAfter()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var input = ValidMember(cell);
        var id = (await (await client.PostAsJsonAsync("/api/v1/members", input)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        input["fullName"] = "Trần Thị Ngọc Ánh Dương";
        input["politicalTheory"] = "Intermediate";

        var response = await client.PutReadFirstAsync($"/api/v1/members/{id}", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Trần Thị Ngọc Ánh Dương", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fullName").GetString());
        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["Updated", "Created"], history.Select(h => h.GetProperty("action").GetString()));
        var changes = history[0].GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["FullName", "PoliticalTheory"], changes.Select(c => c.GetProperty("field").GetString()).Order());
        var name = changes.Single(c => c.GetProperty("field").GetString() == "FullName");
        Assert.Equal("Trần Thị Ngọc Ánh", name.GetProperty("before").GetString());
        Assert.Equal("Trần Thị Ngọc Ánh Dương", name.GetProperty("after").GetString());
        Assert.Equal("Lý luận chính trị", changes.Single(c => c.GetProperty("field").GetString() == "PoliticalTheory").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Update_MovingToAnotherCell_ClosesThePlacementAndOpensANewOne()
    {
        var client = await app.ApiAsAsync("tochuc");
        var input = ValidMember(await app.OrganizationIdAsync(DemoCodes.ForeignCell));
        var id = (await (await client.PostAsJsonAsync("/api/v1/members", input)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var otherCell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        input["organizationId"] = otherCell;

        Assert.Equal(HttpStatusCode.OK, (await client.PutReadFirstAsync($"/api/v1/members/{id}", input)).StatusCode);

        var placements = await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, placements.Count);
        Assert.NotNull(placements[0].ToDate);
        Assert.Equal(otherCell, placements[1].OrganizationId);
        Assert.Null(placements[1].ToDate);
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheSamePeopleAsWithDiacritics()
    {
        var client = await app.ApiAsAsync("tochuc");
        var folded = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?q=nguyen%20van&pageSize=50");
        var accented = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?q=Nguy%E1%BB%85n%20V%C4%83n&pageSize=50");
        Assert.True(folded.GetProperty("total").GetInt32() > 0);
        Assert.Equal(folded.GetProperty("total").GetInt32(), accented.GetProperty("total").GetInt32());
        Assert.Equal(Ids(folded), Ids(accented));
        Assert.All(folded.GetProperty("items").EnumerateArray(), m => Assert.StartsWith("Nguyễn Văn", m.GetProperty("fullName").GetString()));
    }

    [Fact]
    public async Task Search_ByGivenName_FindsPeopleWhoseNameEndsWithIt()
    {
        var client = await app.ApiAsAsync("tochuc");
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?q=tuan&pageSize=200");
        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.All(result.GetProperty("items").EnumerateArray(), m => Assert.EndsWith("Tuấn", m.GetProperty("fullName").GetString()));
    }

    [Fact]
    public async Task Search_ByCitizenIdAndCardNumber_FindsExactlyOne()
    {
        var client = await app.ApiAsAsync("tochuc");
        var m = await app.WithDbAsync((db, _) => db.Members.Where(x => x.CardNumber != null).OrderBy(x => x.Id).Skip(7).FirstAsync());
        var byCccd = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={m.CitizenId}");
        var byCard = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={m.CardNumber}");
        Assert.Equal([m.Id], Ids(byCccd));
        Assert.Equal([m.Id], Ids(byCard));
    }

    [Fact]
    public async Task List_IsPagedAndSortedByGivenName()
    {
        var client = await app.ApiAsAsync("tochuc");
        var org = await app.OrganizationIdAsync("80.27694");
        var page1 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={org}&page=1&pageSize=10");
        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members?org={org}&page=2&pageSize=10");
        Assert.Equal(page1.GetProperty("total").GetInt32(), page2.GetProperty("total").GetInt32());
        Assert.Equal(10, page1.GetProperty("items").GetArrayLength());
        Assert.Empty(Ids(page1).Intersect(Ids(page2)));
        var names = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("fullName").GetString()!).ToList();
        Assert.Equal(names.OrderBy(Domain.Common.VnText.SortKey, StringComparer.Ordinal), names);
        var item = page1.GetProperty("items")[0];
        foreach (var field in new[] { "id", "fullName", "gender", "dateOfBirth", "organizationId", "status" })
            Assert.True(item.TryGetProperty(field, out _), field);
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
}
