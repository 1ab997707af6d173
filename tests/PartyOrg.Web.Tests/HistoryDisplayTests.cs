using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Tests;

/// <summary>History speaks Vietnamese: every field and value a person reads comes from the one map of display names.</summary>
public partial class HistoryDisplayTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string D(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The audited entity types and the properties the audit skips, read from the context that does the auditing.</summary>
    private static (IReadOnlyCollection<Type> Types, IReadOnlyCollection<string> Derived) Audited()
    {
        static T Field<T>(string name) => (T)typeof(AppDbContext).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        return (Field<HashSet<Type>>("AuditedTypes"), Field<HashSet<string>>("DerivedProperties"));
    }

    [Fact]
    public async Task EveryAuditedPropertyAndEveryEnumValue_HasAVietnameseName()
    {
        var (types, derived) = Audited();
        Assert.NotEmpty(types);
        var missing = new List<string>();
        await app.WithDbAsync((db, _) =>
        {
            foreach (var type in types)
            {
                var entity = db.Model.FindEntityType(type)!;
                foreach (var p in entity.GetProperties().Where(p => !p.IsPrimaryKey() && !derived.Contains(p.Name)))
                {
                    var label = DisplayNames.Field(type.Name, p.Name);
                    if (label is null || label == p.Name) missing.Add($"{type.Name}.{p.Name}");
                    var clr = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
                    if (clr.IsEnum)
                        missing.AddRange(Enum.GetValues(clr).Cast<Enum>().Where(v => DisplayNames.Value(v) == v.ToString()).Select(v => $"{clr.Name}.{v}"));
                }
                // Nothing in the map names a property that does not exist.
                missing.AddRange(DisplayNames.Fields[type.Name].Keys.Where(k => entity.FindProperty(k) is null).Select(k => $"{type.Name}.{k} (unknown)"));
            }
            return Task.CompletedTask;
        });
        Assert.Empty(missing);
    }

    [Fact]
    public async Task AdmissionAndMemberHistory_ShowOnlyVietnameseNamesAndValues()
    {
        var client = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var (commune, sponsors) = await app.WithDbAsync(async (db, _) =>
        (
            await db.Organizations.Where(o => o.Id == cell).Select(o => o.ParentId!.Value).SingleAsync(),
            await db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Official && m.OfficialOn < Today.AddYears(-3)).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync()
        ));
        var created = await client.PostAsJsonAsync("/api/v1/admissions", new
        {
            fullName = "Đặng Thị Thu Trang", gender = "Female", dateOfBirth = "1999-02-03", citizenId = "072199654321",
            ethnicGroupCode = "01", religion = "Không theo tôn giáo", generalEducation = "UpperSecondary", occupation = "Công nhân may",
            sourceGroup = "Worker", sourceSince = D(-520), organizationId = cell,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        async Task<JsonElement> Step(object body)
        {
            var r = await client.PostAsJsonAsync($"/api/v1/admissions/{id}/steps", body);
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement;
        }
        await Step(new { step = "Course", date = D(-500), number = "77/GCN-TTCT" });
        await Step(new { step = "Sponsors", date = D(-490), sponsor1Id = sponsors[0], sponsor1Since = D(-1200), sponsor2Id = sponsors[1], sponsor2Since = D(-900) });
        await Step(new { step = "Application", date = D(-470) });
        await Step(new { step = "CellResolution", date = D(-460), number = "08-NQ/CB" });
        await Step(new { step = "Decision", date = D(-430), number = "313-QĐ/ĐU", approvingOrganizationId = commune });
        var done = await Step(new { step = "Ceremony", date = D(-420) });
        var memberId = done.GetProperty("summary").GetProperty("memberId").GetInt32();
        var recognized = await client.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions", new { kind = "Recognition", decidedOn = D(0), number = "89-QĐ/ĐU" });
        Assert.Equal(HttpStatusCode.OK, recognized.StatusCode);

        var admission = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{id}/history");
        AssertVietnamese(nameof(AdmissionCase), admission);
        var steps = admission.EnumerateArray().SelectMany(r => r.GetProperty("changes").EnumerateArray()).Where(c => c.GetProperty("field").GetString() == "Step").ToList();
        Assert.Contains(steps, c => c.GetProperty("before").GetString() == "Nguồn kết nạp" && c.GetProperty("after").GetString() == "Đã học lớp nhận thức về Đảng");
        var all = admission.EnumerateArray().SelectMany(r => r.GetProperty("changes").EnumerateArray()).ToList();
        Assert.Contains(all, c => c.GetProperty("field").GetString() == "SourceGroup" && c.GetProperty("after").GetString() == "Công nhân");
        Assert.Contains(all, c => c.GetProperty("field").GetString() == "CourseCertificateNumber" && c.GetProperty("label").GetString() == "Số giấy chứng nhận lớp nhận thức về Đảng");
        var sponsorName = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == sponsors[0]).Select(m => m.FullName).SingleAsync());
        Assert.Contains(all, c => c.GetProperty("field").GetString() == "Sponsor1Id" && c.GetProperty("after").GetString() == sponsorName);
        Assert.Contains(all, c => c.GetProperty("field").GetString() == "SourceSince" && c.GetProperty("after").GetString() == Today.AddDays(-520).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

        var member = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}/history");
        AssertVietnamese(nameof(Member), member);
        var memberChanges = member.EnumerateArray().SelectMany(r => r.GetProperty("changes").EnumerateArray()).ToList();
        Assert.Contains(memberChanges, c => c.GetProperty("label").GetString() == "Ngày lễ kết nạp");
        Assert.Contains(memberChanges, c => c.GetProperty("field").GetString() == "Status" && c.GetProperty("before").GetString() == "Dự bị" && c.GetProperty("after").GetString() == "Chính thức");

        // The pages show the same, with the time in Vietnam time.
        var page = await PageClient.SignInAsync(app, "bithu");
        foreach (var (url, entity, api) in new[] { ($"/Admissions/Details/{id}?showHistory=true", nameof(AdmissionCase), admission), ($"/Members/Details/{memberId}?tab=history", nameof(Member), member) })
        {
            var html = await page.GetStringAsync(url);
            var history = HistoryList().Match(html);
            Assert.True(history.Success, url);
            var text = WebUtility.HtmlDecode(Tags().Replace(history.Value, " "));
            var english = await app.WithDbAsync((db, _) => Task.FromResult(db.Model.FindEntityType("PartyOrg.Web.Data." + entity)!.GetProperties().Select(p => p.Name).ToList()));
            Assert.DoesNotContain(english, name => Regex.IsMatch(text, $@"\b{name}\b"));
            Assert.DoesNotContain("→", text);
            var newest = api[0].GetProperty("at").GetDateTime().ToUniversalTime();
            Assert.Contains(VietnamTime.Format(newest), text);
            Assert.Equal(newest.AddHours(7).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), VietnamTime.Format(newest));
        }
    }

    /// <summary>Every label is the map's name for the field, never the property's; no value is an enum name or an ISO date.</summary>
    private static void AssertVietnamese(string entity, JsonElement history)
    {
        var enumNames = typeof(AppDbContext).Assembly.GetTypes().Concat(typeof(MemberStatus).Assembly.GetTypes())
            .Where(t => t.IsEnum && t.IsPublic).SelectMany(Enum.GetNames).ToHashSet();
        Assert.NotEqual(0, history.GetArrayLength());
        foreach (var row in history.EnumerateArray())
        {
            Assert.Contains(row.GetProperty("actionLabel").GetString(), new[] { "Tạo mới", "Sửa" });
            Assert.Matches(@"^\d\d/\d\d/\d{4} \d\d:\d\d$", row.GetProperty("time").GetString());
            foreach (var c in row.GetProperty("changes").EnumerateArray())
            {
                var field = c.GetProperty("field").GetString()!;
                var label = c.GetProperty("label").GetString();
                Assert.Equal(DisplayNames.Field(entity, field), label);
                Assert.NotEqual(field, label);
                foreach (var value in new[] { c.GetProperty("before").GetString(), c.GetProperty("after").GetString() }.OfType<string>())
                {
                    Assert.DoesNotContain(value, enumNames);
                    Assert.DoesNotMatch(@"^\d{4}-\d\d-\d\d$", value);
                    Assert.False(value is "True" or "False", $"{field}: {value}");
                }
            }
        }
    }

    [GeneratedRegex("<ol class=\"history[\\s\\S]*?</ol>")]
    private static partial Regex HistoryList();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
