using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;

namespace PartyOrg.Web.Tests;

/// <summary>The admission case page and the targets page: choices made with the pickers, irreversible steps confirmed, every write redirected with a message.</summary>
public class AdmissionAndTargetFormTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string Iso(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Shown(int days) => Today.AddDays(days).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The fields of the page's post form whose action names the handler, as a browser sends them (checked radios and boxes only).</summary>
    private static async Task<(Dictionary<string, string> Fields, AngleSharp.Html.Dom.IHtmlDocument Page)> FormAsync(HttpClient client, string url, string handler)
    {
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        var form = doc.QuerySelectorAll("form[method=post]").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "radio" or "checkbox" && !input.HasAttribute("checked")) continue;
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }
        return (fields, doc);
    }

    [Fact]
    public async Task AdmissionDecision_WithoutConfirmation_SavesNothing_WithIt_IsSavedAndRedirectsWithAMessageNamingThePerson()
    {
        var api = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var (commune, officials) = await app.WithDbAsync(async (db, _) =>
        (
            await db.Organizations.Where(o => o.Id == cell).Select(o => o.ParentId!.Value).SingleAsync(),
            await db.Members.Where(m => m.OrganizationId == cell && m.Status == MemberStatus.Official && m.OfficialOn < Today.AddYears(-3)).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync()
        ));
        const string name = "Đặng Thị Thu Trang";
        var created = await api.PostAsJsonAsync("/api/v1/admissions", new
        {
            fullName = name, gender = "Female", dateOfBirth = "2000-03-07", citizenId = "072300700317", ethnicGroupCode = "01", religion = "Không theo tôn giáo",
            generalEducation = "UpperSecondary", sourceGroup = "YouthUnion", sourceSince = Iso(-520), organizationId = cell,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        foreach (var step in new object[]
        {
            new { step = "Course", date = Iso(-500), number = "17/GCN-TTCT" },
            new { step = "Sponsors", date = Iso(-490), sponsor1Id = officials[0], sponsor1Since = Iso(-1200), sponsor2Id = officials[1], sponsor2Since = Iso(-900) },
            new { step = "Application", date = Iso(-470) },
            new { step = "CellResolution", date = Iso(-460), number = "08-NQ/CB" },
        })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/admissions/{id}/steps", step)).StatusCode);

        // The secretary's scope holds no committee, yet the committees above the cell are offered, the commune's first.
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var above = await bithu.GetFromJsonAsync<List<JsonElement>>($"/api/v1/pickers/organizations?kind=committee&above={cell}", WebAppFixture.Json);
        Assert.Equal(commune, above![0].GetProperty("id").GetInt32());
        var foreign = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        Assert.Empty((await bithu.GetFromJsonAsync<List<JsonElement>>($"/api/v1/pickers/organizations?kind=committee&above={foreign}", WebAppFixture.Json))!);

        var url = $"/Admissions/Details/{id}";
        var (fields, page) = await FormAsync(bithu, url, "Step");
        Assert.Equal("Decision", fields["Input.Step"]);
        Assert.Equal(commune.ToString(CultureInfo.InvariantCulture), fields["Input.ApprovingOrganizationId"]);
        Assert.NotNull(page.QuerySelector("form[data-confirm] input[type=checkbox][name=Confirmed]"));
        Assert.Empty(page.QuerySelectorAll("select[name='Input.ApprovingOrganizationId']"));
        fields["Input.Date"] = Shown(-430);
        fields["Input.Number"] = "312-QĐ/ĐU";
        var action = $"{url}?handler=Step";

        var refused = await bithu.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Tôi xác nhận", again.QuerySelector(".alert-danger")!.TextContent);
        // What was typed is still there.
        Assert.Equal("312-QĐ/ĐU", again.QuerySelector("input[name='Input.Number']")!.GetAttribute("value"));
        Assert.Equal(Shown(-430), again.QuerySelector("input[name='Input.Date']")!.GetAttribute("value"));
        var stored = await app.WithDbAsync((db, _) => db.AdmissionCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((AdmissionStep.CellResolution, (string?)null, (DateOnly?)null), (stored.Step, stored.DecisionNumber, stored.DecisionOn));

        fields["Confirmed"] = "true";
        var done = await bithu.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(url, done.Headers.Location!.OriginalString);
        stored = await app.WithDbAsync((db, _) => db.AdmissionCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((AdmissionStep.Decision, "312-QĐ/ĐU", Today.AddDays(-430), commune), (stored.Step, stored.DecisionNumber, stored.DecisionOn!.Value, stored.ApprovingOrganizationId!.Value));

        var landed = await bithu.GetStringAsync(url);
        Assert.Contains($"Đã ghi bước Cấp ủy ra quyết định kết nạp cho {name}.", landed);
        Assert.DoesNotContain("Đã ghi bước", await bithu.GetStringAsync(url));

        // Posting the same form again (a resent request) records nothing more.
        var resent = await bithu.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(AdmissionStep.Decision, await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));
    }

    [Fact]
    public async Task AdmissionDrop_NeedsAReasonAndConfirmation()
    {
        var api = await app.ApiAsAsync("bithu");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        const string name = "Lý Văn Tạm Dừng";
        var created = await api.PostAsJsonAsync("/api/v1/admissions", new
        {
            fullName = name, gender = "Male", dateOfBirth = "1999-11-02", citizenId = "072099700318", ethnicGroupCode = "01", religion = "Không theo tôn giáo",
            generalEducation = "UpperSecondary", sourceGroup = "YouthUnion", sourceSince = Iso(-100), organizationId = cell,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var url = $"/Admissions/Details/{id}";
        var (fields, _) = await FormAsync(bithu, url, "Drop");

        var refused = await bithu.PostAsync($"{url}?handler=Drop", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("Lý do dừng xem xét", summary);
        Assert.Contains("Tôi xác nhận", summary);

        fields["Drop.Reason"] = "Chuyển đi nơi khác";
        var unconfirmed = await bithu.PostAsync($"{url}?handler=Drop", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(AdmissionStep.Source, await app.WithDbAsync((db, _) => db.AdmissionCases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));

        fields["Confirmed"] = "true";
        var done = await bithu.PostAsync($"{url}?handler=Drop", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains($"Đã dừng xem xét hồ sơ kết nạp của {name}.", await bithu.GetStringAsync(url));
        var stored = await app.WithDbAsync((db, _) => db.AdmissionCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((AdmissionStep.Dropped, "Chuyển đi nơi khác"), (stored.Step, stored.DropReason));
    }

    [Fact]
    public async Task Targets_SetsATargetForAnOrganizationFoundWithThePicker_AndRedirectsWithTheMessage()
    {
        var tochuc = await PageClient.SignInAsync(app, "tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var commune = await app.WithDbAsync(async (db, _) =>
        {
            var parentId = await db.Organizations.Where(o => o.Id == cell).Select(o => o.ParentId!.Value).SingleAsync();
            return await db.Organizations.Where(o => o.Id == parentId).Select(o => new { o.Id, o.Name, Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).Single() }).SingleAsync();
        });
        var year = Today.Year + 3;

        // A search without scripts: the organization is found by its name typed without diacritics and offered as a choice.
        var search = $"/Targets?year={year}&tq={Uri.EscapeDataString(VnText.Fold(commune.Name))}";
        var doc = new HtmlParser().ParseDocument(await tochuc.GetStringAsync(search));
        var option = doc.QuerySelectorAll(".picker-option").Single(o => o.QuerySelector("input")!.GetAttribute("value") == commune.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Input.OrganizationId", option.QuerySelector("input")!.GetAttribute("name"));
        Assert.Contains(commune.Parent, option.TextContent);
        Assert.Empty(doc.QuerySelectorAll("select[name='Input.OrganizationId']"));

        var form = await PageClient.FormAsync(tochuc, search, new()
        {
            ["Input.OrganizationId"] = commune.Id.ToString(CultureInfo.InvariantCulture), ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture),
            ["Input.Term"] = "", ["Input.Count"] = "1250", ["Input.Source"] = "Allocated", ["Input.Document"] = "15-NQ/TU",
        });
        var done = await tochuc.PostAsync($"/Targets?year={year}", form);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Targets?year={year}", done.Headers.Location!.OriginalString);
        var saved = await app.WithDbAsync((db, _) => db.AdmissionTargets.AsNoTracking().SingleAsync(t => t.OrganizationId == commune.Id && t.Year == year));
        Assert.Equal(1250, saved.Count);
        var landed = await tochuc.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains($"Đã lưu chỉ tiêu kết nạp năm {year} của {commune.Name} — {commune.Parent}: 1.250 đảng viên.", landed);
        Assert.DoesNotContain("Đã lưu chỉ tiêu", await tochuc.GetStringAsync(done.Headers.Location!.OriginalString));

        // Nothing chosen: refused on the page, beside the picker.
        var none = await tochuc.PostAsync($"/Targets?year={year}", await PageClient.FormAsync(tochuc, $"/Targets?year={year}", new() { ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture), ["Input.Count"] = "5" }));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Tổ chức: phải chọn", await none.Content.ReadAsStringAsync());
    }
}

public class TargetFormConflictTests(WebAppFixture app)
{
    [Fact]
    public async Task TargetChangedByAnotherClerk_IsShownNotOverwritten_UntilSavedAgainKnowingly()
    {
        var commune = await app.OrganizationIdAsync("80.27694");
        var year = DateTime.Today.Year + 30;
        var page = $"/Targets?org={commune}&year={year}";
        var first = await PageClient.SignInAsync(app, "tochuc");
        var second = await PageClient.SignInAsync(app, "admin");
        var firstForm = await PageClient.FormFieldsAsync(first, page);
        var secondForm = await PageClient.FormFieldsAsync(second, page);
        Assert.Equal($"{commune}:-1:-1", firstForm["Seen"]);

        firstForm["Input.Count"] = "40";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await first.PostAsync(page, new FormUrlEncodedContent(firstForm))).StatusCode);
        secondForm["Input.Count"] = "55";
        var refused = await second.PostAsync(page, new FormUrlEncodedContent(secondForm));

        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Chỉ tiêu này đã được người khác sửa", html);
        Assert.Contains("hiện là 40 đảng viên", html);
        Assert.Equal(40, await app.WithDbAsync((db, _) => db.AdmissionTargets.Where(t => t.OrganizationId == commune && t.Year == year).Select(t => t.Count).SingleAsync()));

        // Having seen it, the second clerk saves again: now deliberately.
        var again = PageClient.FieldsOf(html);
        again["Input.Count"] = "55";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await second.PostAsync(page, new FormUrlEncodedContent(again))).StatusCode);
        Assert.Equal(55, await app.WithDbAsync((db, _) => db.AdmissionTargets.Where(t => t.OrganizationId == commune && t.Year == year).Select(t => t.Count).SingleAsync()));
    }
}
