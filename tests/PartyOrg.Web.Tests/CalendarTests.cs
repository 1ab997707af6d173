using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>The working calendar: statutory days for any year, the government's swaps as exceptions, kept by the administrator.</summary>
public class CalendarTests(WebAppFixture app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, int year, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/calendar/{year}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>The year's exceptions as a PUT body sends them, and the year's ETag.</summary>
    private static async Task<(List<object> Exceptions, string ETag)> StoredAsync(HttpClient client, int year)
    {
        var response = await client.GetAsync($"/api/v1/calendar/{year}");
        var body = await ReadAsync(response, HttpStatusCode.OK);
        var list = body.GetProperty("exceptions").EnumerateArray()
            .Select(e => (object)new { date = e.GetProperty("date").GetString(), kind = e.GetProperty("kind").GetString(), name = e.GetProperty("name").GetString(), basis = e.GetProperty("basis").GetString() })
            .ToList();
        return (list, response.Headers.ETag!.Tag);
    }

    private async Task RestoreAsync(HttpClient admin, int year, List<object> exceptions)
    {
        var (_, etag) = await StoredAsync(admin, year);
        await ReadAsync(await PutAsync(admin, year, new { exceptions }, etag), HttpStatusCode.OK);
    }

    [Fact]
    public async Task CalendarApi_ShowsThe2025And2026SwapsWithTheirNotices_ToAnyStaff()
    {
        var client = await app.ApiAsAsync("bithu");
        var response = await client.GetAsync("/api/v1/calendar/2025");
        var y2025 = await ReadAsync(response, HttpStatusCode.OK);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(2025, y2025.GetProperty("year").GetInt32());
        var off = y2025.GetProperty("nonWorkingDays").EnumerateArray().ToDictionary(d => Date(d.GetProperty("date")));
        Assert.Equal("exception", off[new(2025, 5, 2)].GetProperty("source").GetString());
        Assert.Contains("8726/VPCP-KGVX", off[new(2025, 5, 2)].GetProperty("basis").GetString());
        Assert.Equal("statutory", off[new(2025, 4, 30)].GetProperty("source").GetString());
        Assert.Equal("Bộ luật Lao động 2019, Điều 112", off[new(2025, 4, 30)].GetProperty("basis").GetString());
        Assert.True(off.ContainsKey(new(2025, 1, 27)));
        Assert.False(off.ContainsKey(new(2025, 2, 3)));
        var worked = y2025.GetProperty("workedWeekendDays").EnumerateArray().Select(d => Date(d.GetProperty("date"))).ToList();
        Assert.Equal([new DateOnly(2025, 4, 26)], worked);

        var y2026 = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026");
        var exceptions = y2026.GetProperty("exceptions").EnumerateArray().ToDictionary(e => Date(e.GetProperty("date")));
        Assert.Equal("DayOff", exceptions[new(2026, 1, 2)].GetProperty("kind").GetString());
        Assert.Equal("WorkingDay", exceptions[new(2026, 1, 10)].GetProperty("kind").GetString());
        Assert.Contains("12729/VPCP-KGVX", exceptions[new(2026, 1, 2)].GetProperty("basis").GetString());
        Assert.Contains(y2026.GetProperty("workedWeekendDays").EnumerateArray(), d => Date(d.GetProperty("date")) == new DateOnly(2026, 1, 10));
    }

    [Fact]
    public async Task CalendarApi_2027HasTheStatutoryDaysOnlyAndSaysSo()
    {
        var client = await app.ApiAsAsync("tochuc");
        var y2027 = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2027");
        Assert.Contains("Chưa có văn bản", y2027.GetProperty("notice").GetString());
        var off = y2027.GetProperty("nonWorkingDays").EnumerateArray().Select(d => (Date(d.GetProperty("date")), d.GetProperty("source").GetString())).ToList();
        Assert.All(off, d => Assert.Equal("statutory", d.Item2));
        Assert.Contains((new DateOnly(2027, 1, 1), "statutory"), off);
        Assert.Contains((new DateOnly(2027, 2, 10), "statutory"), off); // compensatory day for Tết on Saturday 06/02
        Assert.Contains((new DateOnly(2027, 4, 16), "statutory"), off); // Giỗ Tổ 10/3 lunar
        Assert.Contains(y2027.GetProperty("conventions").EnumerateArray(), c => c.GetString()!.Contains("quy ước mặc định", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2101)]
    public async Task CalendarApi_YearOutOfRange_Is400InVietnamese(int year)
    {
        var client = await app.ApiAsAsync("tochuc");
        var body = await ReadAsync(await client.GetAsync($"/api/v1/calendar/{year}"), HttpStatusCode.BadRequest);
        Assert.Contains("năm", body.GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CalendarApi_MemberMayNotRead_NonAdministratorMayNotWrite()
    {
        var member = await app.ApiAsAsync("dangvien");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/calendar/2026")).StatusCode);
        var commission = await app.ApiAsAsync("tochuc");
        var (exceptions, etag) = await StoredAsync(commission, 2026);
        var refused = await ReadAsync(await PutAsync(commission, 2026, new { exceptions }, etag), HttpStatusCode.Forbidden);
        Assert.Contains("quyền", refused.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CalendarApi_Put_NeedsTheYearsETag()
    {
        var admin = await app.ApiAsAsync("admin");
        var (exceptions, etag) = await StoredAsync(admin, 2026);
        await ReadAsync(await PutAsync(admin, 2026, new { exceptions }, null), (HttpStatusCode)428);
        var stale = await ReadAsync(await PutAsync(admin, 2026, new { exceptions }, "\"999\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(2026, stale.GetProperty("current").GetProperty("year").GetInt32());
        var (_, after) = await StoredAsync(admin, 2026);
        Assert.Equal(etag, after);
    }

    [Fact]
    public async Task CalendarExceptionRule_RefusesEachBadEntryByFieldAndRow_NothingSaved()
    {
        var admin = await app.ApiAsAsync("admin");
        var (_, etag) = await StoredAsync(admin, 2027);
        var body = await ReadAsync(await PutAsync(admin, 2027, new
        {
            exceptions = new object?[]
            {
                new { date = "2027-01-09", kind = "DayOff", name = "Nghỉ thứ Bảy", basis = "Văn bản thử" },       // a Saturday
                new { date = "2027-01-11", kind = "WorkingDay", name = "Làm thứ Hai", basis = "Văn bản thử" },    // a weekday
                new { date = "2027-04-30", kind = "WorkingDay", name = "Làm ngày lễ", basis = "Văn bản thử" },    // fixed by law
                new { date = "2026-12-31", kind = "DayOff", name = "Năm khác", basis = "Văn bản thử" },           // another year
                new { date = "2027-01-12", kind = "DayOff", name = "Nghỉ", basis = "Văn bản thử" },
                new { date = "2027-01-12", kind = "DayOff", name = "Nghỉ lần nữa", basis = "Văn bản thử" },        // duplicate
                new { date = "31/02/2027", kind = "Nghỉ", name = "", basis = "" },
                null,
                new { date = "2027-01-13", kind = "DayOff", name = "Nghỉ \u202Eẩn", basis = new string('x', 301) },
            },
        }, etag), HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.Contains("thứ Bảy", errors.GetProperty("exceptions[0].kind")[0].GetString());
        Assert.Contains("vốn là ngày làm việc", errors.GetProperty("exceptions[1].kind")[0].GetString());
        Assert.Contains("do luật định", errors.GetProperty("exceptions[2].kind")[0].GetString());
        Assert.Contains("không thuộc năm 2027", errors.GetProperty("exceptions[3].date")[0].GetString());
        Assert.Contains("dòng 5", errors.GetProperty("exceptions[5].date")[0].GetString());
        Assert.StartsWith("Ngày (dòng 7)", errors.GetProperty("exceptions[6].date")[0].GetString());
        Assert.StartsWith("Loại (dòng 7)", errors.GetProperty("exceptions[6].kind")[0].GetString());
        Assert.StartsWith("Tên (dòng 7)", errors.GetProperty("exceptions[6].name")[0].GetString());
        Assert.StartsWith("Căn cứ (dòng 7)", errors.GetProperty("exceptions[6].basis")[0].GetString());
        Assert.True(errors.TryGetProperty("exceptions[7].date", out _));
        Assert.Contains("ký tự", errors.GetProperty("exceptions[8].name")[0].GetString());
        Assert.Contains("dài quá 300", errors.GetProperty("exceptions[8].basis")[0].GetString());
        var (stored, after) = await StoredAsync(admin, 2027);
        Assert.Empty(stored);
        Assert.Equal(etag, after);
    }

    [Fact]
    public async Task CalendarApi_Put_ReplacesTheYearWithAuditAndWithdrawsWithoutDeleting()
    {
        var admin = await app.ApiAsAsync("admin");
        var (before, etag) = await StoredAsync(admin, 2028);
        try
        {
            var saved = await PutAsync(admin, 2028, new
            {
                exceptions = new[]
                {
                    new { date = "2028-01-07", kind = "WorkingDay", name = "Làm bù cho thứ Hai 03/01", basis = "Công văn thử 1/VPCP-KGVX" },
                    new { date = "2028-01-03", kind = "DayOff", name = "Nghỉ hoán đổi Tết Dương lịch", basis = "Công văn thử 1/VPCP-KGVX" },
                },
            }, etag);
            // 07/01/2028 is a Friday: refused, nothing saved.
            Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
            saved = await PutAsync(admin, 2028, new
            {
                exceptions = new[]
                {
                    new { date = "2028-01-08", kind = "WorkingDay", name = "Làm bù cho thứ Ba 04/01", basis = "Công văn thử 1/VPCP-KGVX" },
                    new { date = "2028-01-04", kind = "DayOff", name = "Nghỉ hoán đổi Tết Dương lịch", basis = "Công văn thử 1/VPCP-KGVX" },
                },
            }, etag);
            var view = await ReadAsync(saved, HttpStatusCode.OK);
            Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
            Assert.Equal(2, view.GetProperty("exceptions").GetArrayLength());
            Assert.Contains(view.GetProperty("workedWeekendDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2028-01-08");

            // Replacing with one entry withdraws the other: it stays in the table with the time it was withdrawn.
            var second = await PutAsync(admin, 2028, new { exceptions = new[] { new { date = "2028-01-04", kind = "DayOff", name = "Nghỉ hoán đổi Tết Dương lịch", basis = "Công văn thử 2/VPCP-KGVX" } } }, saved.Headers.ETag!.Tag);
            var after = await ReadAsync(second, HttpStatusCode.OK);
            Assert.Equal(1, after.GetProperty("exceptions").GetArrayLength());
            Assert.Equal("Công văn thử 2/VPCP-KGVX", after.GetProperty("exceptions")[0].GetProperty("basis").GetString());
            Assert.Equal("admin", after.GetProperty("exceptions")[0].GetProperty("recordedBy").GetString());
            await app.WithDbAsync(async (db, _) =>
            {
                var rows = await db.CalendarExceptions.Where(e => e.Year == 2028).ToListAsync();
                var withdrawn = Assert.Single(rows, r => r.Date == new DateOnly(2028, 1, 8));
                Assert.NotNull(withdrawn.WithdrawnAt);
                var ids = rows.Select(r => r.Id).ToList();
                var audits = await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarExceptionEntry) && ids.Contains(a.EntityId)).ToListAsync();
                Assert.Contains(audits, a => a.EntityId == withdrawn.Id && a.Action == AuditActions.Created && a.UserName == "admin");
                Assert.Contains(audits, a => a.EntityId == withdrawn.Id && a.Action == AuditActions.Updated && a.UserName == "admin" && a.Changes.Contains("WithdrawnAt", StringComparison.Ordinal));
                Assert.Contains(audits, a => a.Action == AuditActions.Updated && a.Changes.Contains("Công văn thử 2/VPCP-KGVX", StringComparison.Ordinal));
            });
        }
        finally
        {
            await RestoreAsync(admin, 2028, before);
        }
    }

    [Fact]
    public async Task AdmissionDeadline_MovesWhenTheAdministratorAddsADayOff()
    {
        var admin = await app.ApiAsAsync("admin");
        var (caseId, resolvedOn) = await app.WithDbAsync(async (db, _) =>
            await db.AdmissionCases.Where(c => c.Step == AdmissionStep.CellResolution).OrderBy(c => c.Id).Select(c => new { c.Id, c.CellResolutionOn }).FirstAsync() is var c
                ? (c.Id, c.CellResolutionOn!.Value) : default);
        var due = Date((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{caseId}")).GetProperty("summary").GetProperty("nextDeadline"));
        // A working weekday before the deadline, in the deadline's year, that the law does not already give off.
        var statutory = PublicHolidayRule.For(due.Year).Select(h => h.Date).ToHashSet();
        var (before, etag) = await StoredAsync(admin, due.Year);
        var taken = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/{due.Year}")).GetProperty("exceptions").EnumerateArray().Select(e => Date(e.GetProperty("date"))).ToHashSet();
        var dayOff = Enumerable.Range(1, 400).Select(i => due.AddDays(-i))
            .First(d => d > resolvedOn && (d.Year == due.Year) && !PublicHolidayRule.IsWeekend(d) && !statutory.Contains(d) && !taken.Contains(d));
        var page = await PageClient.SignInAsync(app, "admin");
        Assert.Contains(VnFormat.Date(due), await page.GetStringAsync($"/Admissions/Details/{caseId}"));
        try
        {
            await ReadAsync(await PutAsync(admin, due.Year, new { exceptions = before.Append(new { date = Iso(dayOff), kind = "DayOff", name = "Nghỉ hoán đổi (thử)", basis = "Văn bản thử" }).ToList() }, etag), HttpStatusCode.OK);
            var moved = Date((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{caseId}")).GetProperty("summary").GetProperty("nextDeadline"));
            var expected = due.AddDays(1);
            while (PublicHolidayRule.IsWeekend(expected) || statutory.Contains(expected) || taken.Contains(expected)) expected = expected.AddDays(1);
            Assert.Equal(expected, moved);
            Assert.Contains(VnFormat.Date(moved), await page.GetStringAsync($"/Admissions/Details/{caseId}"));
        }
        finally
        {
            await RestoreAsync(admin, due.Year, before);
        }
        var restored = Date((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admissions/{caseId}")).GetProperty("summary").GetProperty("nextDeadline"));
        Assert.Equal(due, restored);
    }

    [Fact]
    public async Task TransferRule_LetterInTransitGetsTheDeadlineOfTheNewCalendar()
    {
        var admin = await app.ApiAsAsync("admin");
        var transfer = await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.State == TransferState.InTransit).OrderBy(t => t.Id).FirstAsync());
        Assert.Equal(TransferRule.PresentBy(transfer.IssuedOn, new WorkingCalendar(GovernmentNotices.Shipped)), transfer.PresentBy);
        var year = transfer.PresentBy.Year;
        var (before, etag) = await StoredAsync(admin, year);
        var taken = before.Count == 0 ? [] : (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/{year}")).GetProperty("exceptions").EnumerateArray().Select(e => Date(e.GetProperty("date"))).ToHashSet();
        var statutory = PublicHolidayRule.For(year).Select(h => h.Date).ToHashSet();
        var dayOff = Enumerable.Range(1, 60).Select(i => transfer.PresentBy.AddDays(-i))
            .First(d => d > transfer.IssuedOn && d.Year == year && !PublicHolidayRule.IsWeekend(d) && !statutory.Contains(d) && !taken.Contains(d));
        try
        {
            await ReadAsync(await PutAsync(admin, year, new { exceptions = before.Append(new { date = Iso(dayOff), kind = "DayOff", name = "Nghỉ hoán đổi (thử)", basis = "Văn bản thử" }).ToList() }, etag), HttpStatusCode.OK);
            var moved = await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.Id == transfer.Id).Select(t => t.PresentBy).SingleAsync());
            Assert.True(moved > transfer.PresentBy, $"{moved} after {transfer.PresentBy}");
            var shown = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{transfer.Id}")).GetProperty("presentBy").GetString();
            Assert.Equal(Iso(moved), shown);
        }
        finally
        {
            await RestoreAsync(admin, year, before);
        }
        Assert.Equal(transfer.PresentBy, await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.Id == transfer.Id).Select(t => t.PresentBy).SingleAsync()));
    }

    [Fact]
    public async Task CalendarSeed_ShipsTheGovernmentsSwapsInTheDatabase()
    {
        var stored = await app.WithDbAsync(async (db, _) =>
            await db.CalendarExceptions.Where(e => e.Year <= 2026 && e.WithdrawnAt == null).OrderBy(e => e.Date).ToListAsync());
        Assert.Equal(GovernmentNotices.Shipped.Select(e => (e.Date, e.Kind, e.Name, e.Basis)), stored.Select(e => (e.Date, e.Kind, e.Name, e.Basis)));
        Assert.False(await app.WithDbAsync(async (db, _) =>
            await db.Database.SqlQueryRaw<int>(db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal)
                ? "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'Holidays'"
                : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'Holidays'").SingleAsync() > 0));
    }

    [Fact]
    public async Task CalendarPage_ReadableByStaff_EditableByTheAdministratorOnly()
    {
        var secretary = await PageClient.SignInAsync(app, "bithu");
        var html = await secretary.GetStringAsync("/Calendar/2026");
        Assert.Contains("Lịch làm việc năm 2026", html);
        Assert.Contains("10/01/2026", html);
        Assert.Contains("12729/VPCP-KGVX", html);
        Assert.DoesNotContain("Ghi ngoại lệ", html);
        Assert.DoesNotContain("href=\"/Calendar\"", html); // not in a secretary's navigation
        var refused = await secretary.PostAsync("/Calendar/2026?handler=Add", await PageClient.FormAsync(secretary, "/Calendar/2026", new()
        {
            ["Input.Date"] = "05/01/2026", ["Input.Kind"] = "DayOff", ["Input.Name"] = "Thử", ["Input.Basis"] = "Thử",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var commission = await PageClient.SignInAsync(app, "tochuc");
        var commissionPage = await commission.GetStringAsync("/Calendar/2027");
        Assert.Contains("href=\"/Calendar\"", commissionPage);
        Assert.Contains("Chưa có văn bản", commissionPage);
        Assert.Contains("table-cards", commissionPage);
        var outOfRange = await commission.GetAsync("/Calendar/1989");
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("1990–2100", await outOfRange.Content.ReadAsStringAsync());
        Assert.Contains("Lịch làm việc năm 2027", await commission.GetStringAsync("/Calendar?year=2027"));
        var member = await PageClient.SignInAsync(app, "dangvien");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Calendar/2026")).StatusCode);
    }

    [Fact]
    public async Task CalendarPage_AdministratorAddsAndWithdrawsAnException_RefusalsNameTheField()
    {
        var admin = await PageClient.SignInAsync(app, "admin");
        var api = await app.ApiAsAsync("admin");
        var (before, _) = await StoredAsync(api, 2029);
        try
        {
            var fields = await PageClient.FormFieldsAsync(admin, "/Calendar/2029");
            fields["Input.Date"] = "06/01/2029"; // a Saturday
            fields["Input.Kind"] = "DayOff";
            fields["Input.Name"] = "Nghỉ hoán đổi";
            fields["Input.Basis"] = "Công văn thử";
            var refused = await admin.PostAsync("/Calendar/2029?handler=Add", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Loại: ngày 06/01/2029 là thứ Bảy", await refused.Content.ReadAsStringAsync());

            fields = await PageClient.FormFieldsAsync(admin, "/Calendar/2029");
            fields["Input.Date"] = "31/12/2028";
            fields["Input.Kind"] = "DayOff";
            fields["Input.Name"] = "";
            fields["Input.Basis"] = "Công văn thử";
            var wrongYear = await (await admin.PostAsync("/Calendar/2029?handler=Add", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
            Assert.Contains("Tên: không được để trống.", wrongYear);

            fields = await PageClient.FormFieldsAsync(admin, "/Calendar/2029");
            fields["Input.Date"] = "31/12/2028";
            fields["Input.Name"] = "Nghỉ";
            fields["Input.Kind"] = "DayOff";
            fields["Input.Basis"] = "Công văn thử";
            Assert.Contains("không thuộc năm 2029", await (await admin.PostAsync("/Calendar/2029?handler=Add", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());

            fields = await PageClient.FormFieldsAsync(admin, "/Calendar/2029");
            fields["Input.Date"] = "02/01/2029"; // a Tuesday
            fields["Input.Kind"] = "DayOff";
            fields["Input.Name"] = "Nghỉ hoán đổi dịp Tết Dương lịch";
            // A real notice is long: the form takes up to 300 characters.
            fields["Input.Basis"] = "Công văn thử 9/VPCP-KGVX; " + GovernmentNotices.Vpcp9859;
            var saved = await admin.PostAsync("/Calendar/2029?handler=Add", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = await admin.GetStringAsync("/Calendar/2029");
            Assert.Contains("Đã ghi", page);
            Assert.Contains("Công văn thử 9/VPCP-KGVX", page);
            Assert.Contains("Thu hồi", page);

            // The same day again is a duplicate.
            var version = (await PageClient.FormFieldsAsync(admin, "/Calendar/2029"))["Version"];
            fields["Version"] = version;
            var again = await admin.PostAsync("/Calendar/2029?handler=Add", new FormUrlEncodedContent(fields));
            Assert.Contains("đã có ở ngoại lệ đã ghi cho ngày 02/01/2029", await again.Content.ReadAsStringAsync());

            var id = await app.WithDbAsync((db, _) => db.CalendarExceptions.Where(e => e.Date == new DateOnly(2029, 1, 2) && e.WithdrawnAt == null).Select(e => e.Id).SingleAsync());
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await admin.GetStringAsync("/Calendar/2029"));
            var form = doc.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Withdraw", StringComparison.Ordinal));
            Assert.Contains($"id={id}", form.GetAttribute("action"));
            var withdraw = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            var withdrawn = await admin.PostAsync(form.GetAttribute("action")!.Replace("&amp;", "&", StringComparison.Ordinal), new FormUrlEncodedContent(withdraw));
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
            Assert.Contains("Đã thu hồi", await admin.GetStringAsync("/Calendar/2029"));
            Assert.NotNull(await app.WithDbAsync((db, _) => db.CalendarExceptions.Where(e => e.Id == id).Select(e => e.WithdrawnAt).SingleAsync()));
        }
        finally
        {
            await RestoreAsync(api, 2029, before);
        }
    }
}
