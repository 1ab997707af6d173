using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PartyOrg.Web.Tests;

/// <summary>Long and odd input answers 400 naming the field, on SQLite and PostgreSQL alike, and changes nothing.</summary>
public class InputBoundsTests(WebAppFixture app)
{
    public static TheoryData<string, string> OddValues => new()
    {
        { "fullName", new string('A', 100_000) },
        { "fullName", "Nguyễn Văn\0 An" },
        { "fullName", "Nguyễn \u202EnA nảV" },
        { "fullName", "Nguyễn\u200B Văn An" },
        { "citizenId", "0802030\u000112345" },
        { "currentAddress", new string('x', 301) },
        { "cardNumber", "12345\u0085678" },
        { "religion", new string('b', 100_000) },
    };

    [Theory]
    [MemberData(nameof(OddValues))]
    public async Task MemberWrites_RefuseLongAndInvisibleCharacters_NamingTheField(string field, string value)
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var id = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var before = await app.WithDbAsync((db, _) => db.Members.CountAsync());
        var body = MemberApiTests.ValidMember(cell);
        body[field] = value;

        var created = await client.PostAsJsonAsync("/api/v1/members", body);
        var updated = await client.PutReadFirstAsync($"/api/v1/members/{id}", body);

        foreach (var response in new[] { created, updated })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
            Assert.True(messages[0].GetString()!.Length < 200);
        }
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Members.CountAsync()));
    }

    [Theory]
    [InlineData("/api/v1/admissions", "occupation")]
    [InlineData("/api/v1/admissions", "fullName")]
    [InlineData("/api/v1/transfers", "reason")]
    [InlineData("/api/v1/badges/awards", "decisionNumber")]
    [InlineData("/api/v1/users", "userName")]
    [InlineData("/api/v1/posts", "title")]
    [InlineData("/api/v1/holdings", "outsideName")]
    [InlineData("/api/v1/holdings/1/end", "reason")]
    [InlineData("/api/v1/plans", "decisionNumber")]
    [InlineData("/api/v1/plans/1/entries", "fromDate")]
    [InlineData("/api/v1/plan-entries/1/remove", "reason")]
    [InlineData("/api/v1/confidence-votes", "heldOn")]
    [InlineData("/api/v1/appointments", "note")]
    [InlineData("/api/v1/appointments/1/steps", "document")]
    [InlineData("/api/v1/appointments/1/decide", "decisionNumber")]
    [InlineData("/api/v1/appointments/1/withdraw", "reason")]
    [InlineData("/api/v1/training", "institution")]
    [InlineData("/api/v1/training/1/enrolments", "memberId")]
    [InlineData("/api/v1/training/enrolments/1/finish", "certificateNumber")]
    public async Task OtherWrites_RefuseHundredKilobyteStrings(string path, string field)
    {
        var client = await app.ApiAsAsync("admin");
        foreach (var value in new[] { new string('Đ', 100_000), "Số\0 12" })
        {
            var response = await client.PostAsJsonAsync(path, new Dictionary<string, object?> { [field] = value });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task NumericEnumValues_AreRefused()
    {
        var client = await app.ApiAsAsync("tochuc");
        var body = MemberApiTests.ValidMember(await app.OrganizationIdAsync(DemoCodes.ForeignCell));
        body["gender"] = "1";
        var response = await client.PostAsJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("gender", out _));
    }

    [Theory]
    [InlineData("/api/v1/members?page=0", "page")]
    [InlineData("/api/v1/members?pageSize=5000", "pageSize")]
    [InlineData("/api/v1/members?page=2147483647", "page")]
    [InlineData("/api/v1/targets/progress?org=1&year=99999", "year")]
    [InlineData("/api/v1/members/-4", "id")]
    [InlineData("/api/v1/badges/eligible?occasion=0001-01-01", "occasion")]
    public async Task OutOfRangeParameters_Answer400NamingThem(string path, string field)
    {
        var response = await (await app.ApiAsAsync("tochuc")).GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task SourcePool_RefusesABirthDateInTheFuture()
    {
        var client = await app.ApiAsAsync("tochuc");
        var response = await client.PostAsJsonAsync("/api/v1/admissions", new
        {
            fullName = "Người Chưa Sinh", gender = "Male", dateOfBirth = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), citizenId = (string?)null,
            ethnicGroupCode = "01", religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", sourceGroup = "YouthUnion",
            sourceSince = "2026-01-05", organizationId = await app.OrganizationIdAsync(DemoCodes.SecretaryCell),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ngày sinh: không được sau ngày hôm nay.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PageForm_WithAHundredKilobyteName_AnswersAVietnamesePageAndSavesNothing()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var id = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var page = $"/Members/Edit/{id}";
        var fields = await PageClient.FormFieldsAsync(client, page);
        fields["Input.FullName"] = new string('A', 100_000);

        var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Họ và tên: dài quá 120 ký tự.", await response.Content.ReadAsStringAsync());
    }
}
