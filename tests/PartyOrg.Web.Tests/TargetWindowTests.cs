using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// A term target counts in its own window (from the day after its congress), narrowed on request; a range gets a percent when one
/// target covers it; percentages round as the setting says; readmissions count as the setting says.
/// </summary>
public class TargetWindowTests(WebAppFixture app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Province? vinhLong;
    private static Province? press2023;

    private sealed record Province(int Id, int Cell);

    /// <summary>
    /// Vĩnh Long's mid-term report (seed of 07/09/2023): "Trong 2 năm (từ năm 2021 đến tháng 6/2023) kết nạp được 2.715 đảng viên,
    /// đạt 54,3% so nghị quyết", a term target of 5.000 set by the congress of October 2020. The records also hold admissions after
    /// the congress in 2020 and after June 2023, which the report's window leaves out.
    /// </summary>
    [Fact]
    public async Task TargetWindowRule_VinhLongWindow_From2021ToJune2023_Reads2715Of5000_54_30Percent()
    {
        var p = await VinhLongAsync();
        var client = await app.ApiAsAsync("admin");

        // The target read back: counting starts the day after the congress and ends with the term's last year.
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets?org={p.Id}&term=2020-2025");
        Assert.Equal("2020-10-16", stored.GetProperty("periodStart").GetString());
        Assert.Equal("2020-10-16", stored.GetProperty("countFrom").GetString());
        Assert.Equal("2025-12-31", stored.GetProperty("countTo").GetString());
        Assert.Equal("2020-10-15", stored.GetProperty("documentDate").GetString());

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&term=2020-2025&from=2021-01-01&asOf=2023-06-30");
        Assert.Equal(5000, report.GetProperty("target").GetInt32());
        Assert.Equal(2715, report.GetProperty("admitted").GetInt32());
        Assert.Equal(54.3m, report.GetProperty("percent").GetDecimal());
        Assert.Equal("54,30", report.GetProperty("percent").GetDecimal().ToString("0.00", VnFormat.Culture));
        Assert.Equal("54,3%", VnFormat.Percent(report.GetProperty("percent").GetDecimal(), PercentRounding.Default));
        Assert.Equal("2021-01-01", report.GetProperty("countedFrom").GetString());
        Assert.Equal("2023-06-30", report.GetProperty("countedTo").GetString());
        Assert.Equal("2020-10-16", report.GetProperty("periodStart").GetString());
        Assert.Equal("HalfAwayFromZero", report.GetProperty("percentRounding").GetString());

        // The whole window to June 2023 also counts the 2020 admissions after the congress (not those before it).
        var fromCongress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&term=2020-2025&asOf=2023-06-30");
        Assert.Equal(2715 + 300, fromCongress.GetProperty("admitted").GetInt32());
        Assert.Equal("2020-10-16", fromCongress.GetProperty("countedFrom").GetString());

        // The same window as a plain range: the term is the only target covering it, so its percent is given.
        var range = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2021-01-01&to=2023-06-30");
        Assert.Equal(2715, range.GetProperty("admitted").GetInt32());
        Assert.Equal(5000, range.GetProperty("target").GetInt32());
        Assert.Equal("2020-2025", range.GetProperty("term").GetString());
        Assert.Equal(54.3m, range.GetProperty("percent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, range.GetProperty("percentUnavailableReason").ValueKind);
        Assert.Equal("2021-01-01", range.GetProperty("from").GetString());
        Assert.Equal("2023-06-30", range.GetProperty("countedTo").GetString());
    }

    [Fact]
    public async Task Range_CoveredByTwoTargetsOrByNone_HasNoPercentAndSaysWhy()
    {
        var p = await VinhLongAsync();
        var client = await app.ApiAsAsync("admin");

        // 2022 has its own yearly target inside the term: a range in 2022 is covered by both.
        var both = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2022-01-01&to=2022-06-30");
        Assert.True(both.GetProperty("admitted").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("percent").ValueKind);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("target").ValueKind);
        Assert.Contains("năm 2022, nhiệm kỳ 2020-2025", both.GetProperty("percentUnavailableReason").GetString());

        // Before the congress: no target counts those days.
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2020-06-01&to=2020-12-31");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("percent").ValueKind);
        Assert.Contains("Không có chỉ tiêu", none.GetProperty("percentUnavailableReason").GetString());

        var backwards = await client.GetAsync($"/api/v1/targets/progress?org={p.Id}&from=2022-06-30&to=2022-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Đến ngày (to)", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task TargetWindowRule_TermWithoutATarget_CountsTheTermsYears_AndAMalformedTermIs400()
    {
        var p = await VinhLongAsync();
        var client = await app.ApiAsAsync("admin");

        // No target for 2015-2020: the figures of the term's years, without a percent, never the year 1.
        var untargeted = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&term=2015-2020&asOf=2020-12-31");
        Assert.Equal("2015-01-01", untargeted.GetProperty("periodStart").GetString());
        Assert.Equal("2020-12-31", untargeted.GetProperty("countedTo").GetString());
        Assert.Equal(0, untargeted.GetProperty("target").GetInt32());
        Assert.Equal(JsonValueKind.Null, untargeted.GetProperty("percent").ValueKind);
        var range = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2015-01-01&to=2020-12-31");
        Assert.Equal(range.GetProperty("admitted").GetInt32(), untargeted.GetProperty("admitted").GetInt32());

        var malformed = await client.GetAsync($"/api/v1/targets/progress?org={p.Id}&term=abc");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Nhiệm kỳ (term): viết dạng 2020-2025.", (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("term")[0].GetString());
    }

    [Theory]
    [InlineData("from=2020-01-01", "from", "Tính từ ngày (from): 01/01/2020 nằm ngoài thời gian tính của nhiệm kỳ 2020-2025 là 16/10/2020 – 31/12/2025.")]
    [InlineData("asOf=2026-01-01", "asOf", "Tính đến ngày (asOf): 01/01/2026 nằm ngoài thời gian tính của nhiệm kỳ 2020-2025 là 16/10/2020 – 31/12/2025.")]
    [InlineData("from=2023-01-01&asOf=2022-12-31", "from", "Tính từ ngày (from): 01/01/2023 sau ngày tính đến 31/12/2022.")]
    [InlineData("from=2021-01-01&to=2023-06-30", "to", "Đến ngày (to): chỉ dùng cùng from khi không chọn năm hoặc nhiệm kỳ; với year hoặc term, dùng asOf.")]
    public async Task Narrowing_OutsideTheTargetsWindow_Is400NamingTheParameter(string query, string parameter, string message)
    {
        var p = await VinhLongAsync();
        var client = await app.ApiAsAsync("admin");

        var refused = await client.GetAsync($"/api/v1/targets/progress?org={p.Id}&term=2020-2025&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task TargetWindowRule_TermWindows_DefaultToJanuaryWithoutADocumentDate_AreChecked_AndNeverOverlap()
    {
        var org = (await NewProvinceAsync("TW", "Đảng bộ tỉnh thử nhiệm kỳ")).Id;
        var client = await app.ApiAsAsync("admin");

        // Without a document date a term counts, as before, from 1 January of its first year to 31 December of its last.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = org, term = "2020-2025", count = 900, source = "Allocated" })).StatusCode);
        var plain = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets?org={org}&term=2020-2025");
        Assert.Equal(("2020-01-01", "2025-12-31"), (plain.GetProperty("periodStart").GetString(), plain.GetProperty("periodEnd").GetString()));

        // The next congress (20/10/2025) falls inside that window: refused, naming the document date it came from.
        var overlapping = await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = org, term = "2025-2030", count = 1000, documentDate = "2025-10-20" });
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        var error = (await overlapping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("documentDate")[0].GetString();
        Assert.Contains("trùng với nhiệm kỳ 2020-2025 đã lưu (01/01/2020 – 31/12/2025)", error);

        // The earlier term ends the day of the next congress; then the new term counts from the day after.
        Assert.Equal(HttpStatusCode.OK, (await PutTargetAsync(client, org, "2020-2025", new { organizationId = org, term = "2020-2025", count = 900, countTo = "2025-10-20" })).StatusCode);
        var next = await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = org, term = "2025-2030", count = 1000, documentDate = "2025-10-20", document = "Nghị quyết Đại hội" });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var progress = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2025-10-21", "2030-12-31"), (progress.GetProperty("periodStart").GetString(), progress.GetProperty("periodEnd").GetString()));

        // Moving the earlier term's end past the new start is refused too, naming countTo.
        var back = await PutTargetAsync(client, org, "2020-2025", new { organizationId = org, term = "2020-2025", count = 900, countTo = "2025-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("trùng với nhiệm kỳ 2025-2030", (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("countTo")[0].GetString());

        // Start after end, an end far from the term's years, a yearly target with its own days, a future document date: each named.
        await AssertRefusedAsync(client, new { organizationId = org, term = "2030-2035", count = 1, countFrom = "2031-06-01", countTo = "2031-05-31" }, "countTo", "phải sau ngày bắt đầu tính 01/06/2031");
        await AssertRefusedAsync(client, new { organizationId = org, term = "2030-2035", count = 1, countFrom = "2030-06-01", countTo = "2040-01-01" }, "countTo", "01/01/2034 – 31/12/2036");
        await AssertRefusedAsync(client, new { organizationId = org, year = 2024, count = 1, countFrom = "2024-03-01" }, "countFrom", "chỉ tiêu năm tính theo năm dương lịch");
        await AssertRefusedAsync(client, new { organizationId = org, term = "2030-2035", count = 1, documentDate = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "documentDate", "không được sau ngày hôm nay");
        await AssertRefusedAsync(client, new { organizationId = org, term = "2030-2035", count = 1, countFrom = "30/02/2030" }, "countFrom", "không phải ngày hợp lệ");
    }

    /// <summary>1.642 admitted against the 2023 target of 1.550 (Long An, seed report): 105,94% by default, 105,93% truncated as the press printed.</summary>
    [Fact]
    public async Task PercentRounding_Setting_DefaultRounds105_94_TruncateReproducesThePress105_93()
    {
        var p = await Press2023Async();
        var client = await app.ApiAsAsync("admin");
        var rounded = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2023");
        Assert.Equal((1642, 1550), (rounded.GetProperty("admitted").GetInt32(), rounded.GetProperty("target").GetInt32()));
        Assert.Equal(105.94m, rounded.GetProperty("percent").GetDecimal());

        await using var truncating = app.Factory.WithWebHostBuilder(b => b.UseSetting("Reports:PercentRounding", "Truncate"));
        var api = await TokenClientAsync(truncating, "admin");
        var truncated = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2023");
        Assert.Equal(105.93m, truncated.GetProperty("percent").GetDecimal());
        Assert.Equal("Truncate", truncated.GetProperty("percentRounding").GetString());
        var range = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2023-01-01&to=2023-12-31");
        Assert.Equal(105.93m, range.GetProperty("percent").GetDecimal());

        // The page says beside the percent which rounding changed it, with the setting's name.
        var defaultPage = await (await PageClient.SignInAsync(app, "admin")).GetStringAsync($"/Targets?org={p.Id}&year=2023");
        Assert.Contains("đạt 105,94% chỉ tiêu", defaultPage);
        Assert.Contains("(làm tròn, thiết lập Reports:PercentRounding)", defaultPage);
        var truncatedPage = await (await SignInAsync(truncating, "admin")).GetStringAsync($"/Targets?org={p.Id}&year=2023");
        Assert.Contains("đạt 105,93% chỉ tiêu", truncatedPage);
        Assert.Contains("(cắt bớt, thiết lập Reports:PercentRounding)", truncatedPage);
        Assert.Contains("Reports:PercentRounding = Truncate", truncatedPage);
    }

    [Fact]
    public async Task PercentRounding_InvalidSetting_StopsTheStartWithTheReason()
    {
        await using var wrong = app.Factory.WithWebHostBuilder(b => b.UseSetting("Reports:PercentRounding", "Round"));
        var refused = Assert.ThrowsAny<Exception>(() => wrong.Server);
        var messages = string.Join(" | ", Chain(refused).Select(e => e.Message));
        Assert.Contains("Reports:PercentRounding \"Round\" không hợp lệ: chọn HalfAwayFromZero (làm tròn, mặc định) hoặc Truncate (cắt bớt).", messages);
    }

    [Fact]
    public async Task TargetsPage_ShowsTheWindowCounted_AndNarrowsItWithTheDates()
    {
        var p = await VinhLongAsync();
        var admin = await PageClient.SignInAsync(app, "admin");

        var whole = await admin.GetStringAsync($"/Targets?org={p.Id}&term=2020-2025&asOf=30/06/2023");
        Assert.Contains("Tính từ 16/10/2020 đến 30/06/2023", whole);
        Assert.Contains("3.015/5.000", whole);

        var narrowed = await admin.GetStringAsync($"/Targets?org={p.Id}&term=2020-2025&from=01/01/2021&asOf=30/06/2023");
        Assert.Contains("Tính từ 01/01/2021 đến 30/06/2023", narrowed);
        Assert.Contains("2.715/5.000", narrowed);
        Assert.Contains("đạt 54,3% chỉ tiêu", narrowed);
        Assert.Contains("Thời gian tính của chỉ tiêu: 16/10/2020 – 31/12/2025", narrowed);
        Assert.Contains("value=\"01/01/2021\"", narrowed);

        // Outside the window: said, and the whole window is shown instead.
        var refused = await admin.GetStringAsync($"/Targets?org={p.Id}&term=2020-2025&from=01/01/2019");
        Assert.Contains("Tính từ ngày (from): 01/01/2019 nằm ngoài thời gian tính của nhiệm kỳ 2020-2025", refused);
        Assert.Contains("Tính từ 16/10/2020 đến 31/12/2025", refused);

        // The form for the term starts from the stored target, so correcting the count keeps the congress date and the window.
        var fields = await PageClient.FormFieldsAsync(admin, $"/Targets?org={p.Id}&term=2020-2025");
        Assert.Equal(("15/10/2020", "16/10/2020", "31/12/2025", "5000"), (fields["Input.DocumentDate"], fields["Input.CountFrom"], fields["Input.CountTo"], fields["Input.Count"]));
    }

    [Fact]
    public async Task TargetsPage_SetsATermTarget_FromTheCongressDate()
    {
        var org = (await NewProvinceAsync("TF", "Đảng bộ tỉnh thử biểu mẫu")).Id;
        var admin = await PageClient.SignInAsync(app, "admin");
        var page = $"/Targets?org={org}&term=2020-2025";
        var fields = await PageClient.FormFieldsAsync(admin, page);
        fields["Input.Count"] = "4000";
        fields["Input.DocumentDate"] = "14/10/2020";
        fields["Input.Document"] = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI";

        var saved = await admin.PostAsync(page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync((db, _) => Task.FromResult(db.AdmissionTargets.Single(t => t.OrganizationId == org && t.Term == "2020-2025")));
        Assert.Equal((new DateOnly(2020, 10, 15), new DateOnly(2025, 12, 31), new DateOnly(2020, 10, 14)), (stored.PeriodStart, stored.PeriodEnd, stored.DocumentDate));
        Assert.Contains("Tính từ 15/10/2020", await admin.GetStringAsync(page));

        fields = await PageClient.FormFieldsAsync(admin, page);
        Assert.Equal("15/10/2020", fields["Input.CountFrom"]);
        fields["Input.CountFrom"] = "01/06/2018";
        var refused = await admin.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tính từ ngày: 01/06/2018 phải trong khoảng 01/01/2019 – 31/12/2021 của nhiệm kỳ 2020-2025.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(new DateOnly(2020, 10, 15), await app.WithDbAsync((db, _) => Task.FromResult(db.AdmissionTargets.Single(t => t.OrganizationId == org && t.Term == "2020-2025").PeriodStart)));
    }

    /// <summary>
    /// A member admitted in 2001, removed in 2020 and readmitted on 01/03/2024 through the API: the readmission counts among the
    /// admissions of 2024 by default (setting Admission:ReadmissionsCountAsAdmissions), and not when the setting is off; the first
    /// admission stays in 2001 either way.
    /// </summary>
    [Fact]
    public async Task ReadmissionCountingRule_ReadmissionCountsInTheYearOfItsDecision_AsTheSettingSays()
    {
        var p = await NewProvinceAsync("RA", "Đảng bộ tỉnh thử kết nạp lại");
        var memberId = await app.WithDbAsync(async (db, _) =>
        {
            var cellPath = db.Organizations.Single(o => o.Id == p.Cell).Path;
            var m = Admitted(p.Cell, cellPath, new DateOnly(2001, 5, 1), $"086170{Interlocked.Increment(ref serial) + 500000:000000}", new DateOnly(1970, 1, 1));
            (m.Status, m.CeremonyOn, m.OfficialOn) = (MemberStatus.Official, new DateOnly(2001, 5, 15), new DateOnly(2002, 5, 15));
            db.Members.Add(m);
            await db.SaveChangesAsync();
            db.MemberPlacements.Add(new MemberPlacement { MemberId = m.Id, OrganizationId = p.Cell, OrgPath = cellPath, FromDate = m.AdmittedOn });
            await db.SaveChangesAsync();
            return m.Id;
        });
        var client = await app.ApiAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = p.Id, year = 2024, count = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions",
            new { kind = "NameRemoval", decidedOn = "2020-03-01", number = "9-QĐ/ĐU", removalCase = "NoProgress" })).StatusCode);
        var readmission = await client.PostAsJsonAsync($"/api/v1/members/{memberId}/decisions",
            new { kind = "Readmission", decidedOn = "2024-03-01", number = "21-QĐ/TU", consentDocument = "310-CV/TU", ceremonyOn = "2024-03-15", organizationId = p.Cell });
        Assert.Equal(HttpStatusCode.OK, readmission.StatusCode);

        var counted = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2024");
        Assert.Equal((1, 1, true), (counted.GetProperty("admitted").GetInt32(), counted.GetProperty("readmitted").GetInt32(), counted.GetProperty("readmissionsCounted").GetBoolean()));
        Assert.Equal(10m, counted.GetProperty("percent").GetDecimal());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2001")).GetProperty("admitted").GetInt32());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&from=2024-01-01&to=2024-12-31")).GetProperty("admitted").GetInt32());
        Assert.Contains("Tính cả 1 lượt kết nạp lại (thiết lập Admission:ReadmissionsCountAsAdmissions = true",
            await (await PageClient.SignInAsync(app, "admin")).GetStringAsync($"/Targets?org={p.Id}&year=2024"));

        await using var apart = app.Factory.WithWebHostBuilder(b => b.UseSetting("Admission:ReadmissionsCountAsAdmissions", "false"));
        var api = await TokenClientAsync(apart, "admin");
        var notCounted = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2024");
        Assert.Equal((0, 1, false), (notCounted.GetProperty("admitted").GetInt32(), notCounted.GetProperty("readmitted").GetInt32(), notCounted.GetProperty("readmissionsCounted").GetBoolean()));
        Assert.Equal(0m, notCounted.GetProperty("percent").GetDecimal());
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={p.Id}&year=2001")).GetProperty("admitted").GetInt32());
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions) yield return inner;
    }

    private static async Task<HttpResponseMessage> PutTargetAsync(HttpClient client, int org, string term, object body)
    {
        var read = await client.GetAsync($"/api/v1/targets?org={org}&term={term}");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        return await client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpClient client, object body, string field, string part)
    {
        var response = await client.PutAsJsonAsync("/api/v1/targets", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{field} not named: {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(part, StringComparison.Ordinal));
    }

    private static async Task<HttpClient> TokenClientAsync(WebApplicationFactory<Program> host, string userName)
    {
        var client = host.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = WebAppFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string userName)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/Account/Login", await PageClient.FormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = WebAppFixture.Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// The Vĩnh Long records: 300 admissions from the day after the congress (16/10/2020) to the end of 2020, 2.715 from 01/01/2021 to
    /// 30/06/2023, 200 afterwards and 50 before the congress; the term target set through the API with the congress date, and a
    /// yearly target for 2022.
    /// </summary>
    private async Task<Province> VinhLongAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (vinhLong is { } known) return known;
            var p = await NewProvinceAsync("VL", "Đảng bộ tỉnh Vĩnh Long (số liệu báo cáo)");
            await AdmitAsync(p, [(new(2020, 9, 1), new(2020, 10, 15), 50), (new(2020, 10, 16), new(2020, 12, 31), 300),
                (new(2021, 1, 1), new(2023, 6, 30), 2715), (new(2023, 7, 1), new(2023, 12, 31), 200)]);
            var client = await app.ApiAsAsync("admin");
            var term = await client.PutAsJsonAsync("/api/v1/targets", new
            {
                organizationId = p.Id, term = "2020-2025", count = 5000, source = "Allocated",
                document = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI", documentDate = "2020-10-15",
            });
            Assert.Equal(HttpStatusCode.OK, term.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = p.Id, year = 2022, count = 1100 })).StatusCode);
            return (vinhLong = p);
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Province> Press2023Async()
    {
        await Once.WaitAsync();
        try
        {
            if (press2023 is { } known) return known;
            var p = await NewProvinceAsync("LA23", "Đảng bộ tỉnh Long An (báo cáo năm 2023)");
            await AdmitAsync(p, [(new(2023, 1, 1), new(2023, 12, 31), 1642)]);
            var client = await app.ApiAsAsync("admin");
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/targets", new { organizationId = p.Id, year = 2023, count = 1550, document = "Nghị quyết Tỉnh ủy năm 2023" })).StatusCode);
            return (press2023 = p);
        }
        finally
        {
            Once.Release();
        }
    }

    private Task<Province> NewProvinceAsync(string code, string name) => app.WithDbAsync(async (db, _) =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var org = new Organization { Code = $"{code}-{suffix}", Name = name, Type = OrganizationType.Provincial, Field = OrganizationField.General, FoundedOn = new(1976, 1, 1) };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = $"/{org.Id}/";
        var cell = new Organization { Code = $"{code}-{suffix}.01", Name = "Chi bộ tổng hợp", Type = OrganizationType.BaseCell, Field = OrganizationField.Residential, FoundedOn = new(1976, 1, 1), ParentId = org.Id, Depth = 1 };
        db.Organizations.Add(cell);
        await db.SaveChangesAsync();
        cell.Path = $"{org.Path}{cell.Id}/";
        await db.SaveChangesAsync();
        return new Province(org.Id, cell.Id);
    });

    private static int serial;

    /// <summary>Members admitted in the cell, spread evenly over each range, each placed there from the day of admission.</summary>
    private Task AdmitAsync(Province p, (DateOnly First, DateOnly Last, int Count)[] ranges) => app.WithDbAsync(async (db, _) =>
    {
        var cellPath = db.Organizations.Single(o => o.Id == p.Cell).Path;
        foreach (var (first, last, count) in ranges)
        {
            var days = last.DayNumber - first.DayNumber + 1;
            var batch = Enumerable.Range(0, count)
                .Select(i => Admitted(p.Cell, cellPath, DateOnly.FromDayNumber(first.DayNumber + i % days), $"086195{Interlocked.Increment(ref serial):000000}", new DateOnly(1995, 1, 1)))
                .ToList();
            db.Members.AddRange(batch);
            await db.SaveChangesAsync();
            db.MemberPlacements.AddRange(batch.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = p.Cell, OrgPath = cellPath, FromDate = m.AdmittedOn }));
            await db.SaveChangesAsync();
        }
    });

    private static Member Admitted(int cell, string cellPath, DateOnly admittedOn, string citizenId, DateOnly birth)
    {
        const string name = "Trần Thị Kết Nạp";
        return new Member
        {
            FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
            Gender = Gender.Female, DateOfBirth = birth, EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
            CitizenId = citizenId, AdmittedOn = admittedOn, OrganizationId = cell, OrgPath = cellPath, Status = MemberStatus.Probationary,
        };
    }
}
