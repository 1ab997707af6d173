using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>The rating pages: the round of a subtree, the bulk entry of a cell (all or nothing, per-row errors, versions), the lock, the export.</summary>
public class RatingPageTests(WebAppFixture app)
{
    private static int serial;
    private static readonly HtmlParser Parser = new();

    private sealed record Place(int Cell, List<int> Members, List<string> Names);

    /// <summary>A new top-level cell (only the administrator sees it) with four (or more) members admitted in 2000.</summary>
    private Task<Place> PlaceAsync(int size = 4) => app.WithDbAsync(async (db, _) =>
    {
        var model = await db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell);
        var n = Interlocked.Increment(ref serial);
        var cell = new Organization { Code = $"XLT-{n}", Name = $"Chi bộ Trang Xếp loại {n}", Type = model.Type, Field = model.Field, FoundedOn = new(1990, 1, 1), Depth = 0 };
        db.Organizations.Add(cell);
        await db.SaveChangesAsync();
        cell.Path = $"/{cell.Id}/";
        await db.SaveChangesAsync();
        var members = Enumerable.Range(1, size).Select(i =>
        {
            var name = $"Lê Văn Trang {n} {i}";
            return new Member
            {
                FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
                Gender = Gender.Male, DateOfBirth = new(1970, 1, 1), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
                CitizenId = $"001170{800000 + n * 1000 + i:000000}", AdmittedOn = new(2000, 3, 1), OfficialOn = new(2001, 3, 1),
                OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Official,
            };
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        db.MemberPlacements.AddRange(members.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn }));
        await db.SaveChangesAsync();
        return new Place(cell.Id, members.OrderBy(m => m.SortKey, StringComparer.Ordinal).Select(m => m.Id).ToList(),
            members.OrderBy(m => m.SortKey, StringComparer.Ordinal).Select(m => m.FullName).ToList());
    });

    private static string Cell(int org, int year) => $"/Ratings/Cell?org={org}&year={year}";

    /// <summary>The bulk form's fields as the page gives them, with the row index of each member.</summary>
    private static async Task<(Dictionary<string, string> Fields, Dictionary<int, int> RowOf, string Html)> BulkAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var fields = PageClient.FieldsOf(html);
        var rowOf = fields.Where(f => f.Key.EndsWith(".MemberId", StringComparison.Ordinal) && f.Value.Length > 0)
            .ToDictionary(f => int.Parse(f.Value, CultureInfo.InvariantCulture), f => int.Parse(f.Key[5..f.Key.IndexOf(']')], CultureInfo.InvariantCulture));
        return (fields, rowOf, html);
    }

    private static async Task<JsonElement> RoundAsync(HttpClient api, int org, int year) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={org}&year={year}");

    private static JsonElement MemberRating(JsonElement round, int memberId) =>
        round.GetProperty("memberRatings").EnumerateArray().Single(r => r.GetProperty("memberId").GetInt32() == memberId);

    private async Task<(int Cell, int Year)> SecretaryCellAsync()
    {
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var year = (await (await app.ApiAsAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={cell}")).GetProperty("year").GetInt32();
        return (cell, year);
    }

    [Fact]
    public async Task RatingPages_RenderForTheCommissionAndTheSecretary_DecisionFieldsOnlyForThoseWhoDecide()
    {
        var (cell, year) = await SecretaryCellAsync();
        foreach (var (user, decides) in new[] { ("tochuc", true), ("bithu", false) })
        {
            var client = await PageClient.SignInAsync(app, user);
            var index = Parser.ParseDocument(await client.GetStringAsync($"/Ratings?org={cell}&year={year}"));
            Assert.Contains($"Đánh giá, xếp loại chất lượng năm {year}", index.QuerySelector("h1")!.TextContent);
            Assert.Contains("QĐ 366-QĐ/TW", index.QuerySelector("[data-rule]")!.TextContent);
            Assert.Equal("true", index.QuerySelector("[data-points]")!.GetAttribute("data-points"));
            Assert.Contains(index.QuerySelectorAll(".rating-settings li"), li => li.TextContent.Contains("20%", StringComparison.Ordinal));
            Assert.NotNull(index.QuerySelector($"a[href='/Ratings/Cell?org={cell}&year={year}']"));
            Assert.NotNull(index.QuerySelector("a.nav-link-app[href='/Ratings']"));
            Assert.Equal(decides, index.QuerySelector("form[action*='handler=Lock']") is not null);

            var page = Parser.ParseDocument(await client.GetStringAsync(Cell(cell, year)));
            var rows = page.QuerySelectorAll("fieldset.rating-row[data-subject^='m']");
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.NotNull(r.QuerySelector("select[name$='.SelfLevel'] option[value='Good']")));
            Assert.Equal("Hoàn thành tốt nhiệm vụ", rows[0].QuerySelector("select[name$='.ProposedLevel'] option[value='Good']")!.TextContent);
            Assert.Equal(decides, rows[0].QuerySelector("select[name$='.DecidedLevel']") is not null);
            if (!decides) Assert.NotNull(rows[0].QuerySelector("input[type=hidden][name$='.DecidedLevel']"));
        }
    }

    [Fact]
    public async Task RatingCellPage_SecretarySavesTheWholeCell_TheApiShowsTheLevels()
    {
        var (cell, year) = await SecretaryCellAsync();
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var (fields, rowOf, _) = await BulkAsync(bithu, Cell(cell, year));
        Assert.NotEmpty(rowOf);
        foreach (var i in rowOf.Values)
        {
            fields[$"Rows[{i}].SelfLevel"] = "Completed";
            fields[$"Rows[{i}].SelfPoints"] = "61";
            fields[$"Rows[{i}].ProposedLevel"] = "Completed";
        }
        var response = await bithu.PostAsync(Cell(cell, year), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await bithu.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Đã lưu đánh giá, xếp loại năm {year}: {VnFormat.Number(rowOf.Count)} đảng viên", after);

        var round = await RoundAsync(await app.ApiAsAsync("bithu"), cell, year);
        foreach (var memberId in rowOf.Keys)
        {
            var r = MemberRating(round, memberId);
            Assert.Equal("Completed", r.GetProperty("selfLevel").GetString());
            Assert.Equal(61, r.GetProperty("selfPoints").GetInt32());
            Assert.Equal("Completed", r.GetProperty("proposedLevel").GetString());
            Assert.Equal("bithu", r.GetProperty("proposedBy").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("decidedLevel").ValueKind);
        }
        // The page read back shows what was saved.
        var (again, _, _) = await BulkAsync(bithu, Cell(cell, year));
        Assert.Equal("61", again[$"Rows[{rowOf.Values.First()}].SelfPoints"]);
    }

    [Fact]
    public async Task RatingCellPage_DecisionPostedBySecretary_IsRefusedInVietnamese_AndNothingIsSaved()
    {
        var (cell, year) = await SecretaryCellAsync();
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var (fields, rowOf, _) = await BulkAsync(bithu, Cell(cell, year));
        var (first, second) = (rowOf.First(), rowOf.Skip(1).First());
        fields[$"Rows[{first.Value}].DecidedLevel"] = "Completed";
        fields[$"Rows[{first.Value}].Points"] = "60";
        fields[$"Rows[{first.Value}].DecidedOn"] = $"02/01/{year}";
        fields[$"Rows[{second.Value}].SelfLevel"] = "Completed";
        fields[$"Rows[{second.Value}].SelfPoints"] = "57";
        var response = await bithu.PostAsync(Cell(cell, year), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var name = MemberRating(await RoundAsync(await app.ApiAsAsync("admin"), cell, year), first.Key).GetProperty("name").GetString()!;
        Assert.Contains($"{name}: Chỉ cấp ủy có thẩm quyền quyết định mức xếp loại", page.QuerySelector(".alert-danger")!.TextContent);
        // Next to the row, and what was typed is still there.
        var row = page.QuerySelector($"fieldset[data-subject='m{first.Key}']")!;
        Assert.Contains("Chỉ cấp ủy có thẩm quyền", row.TextContent);
        Assert.Equal("57", page.QuerySelector($"input[name='Rows[{second.Value}].SelfPoints']")!.GetAttribute("value"));
        // All or nothing: the other row was not saved either.
        var stored = MemberRating(await RoundAsync(await app.ApiAsAsync("admin"), cell, year), second.Key);
        Assert.NotEqual(57, stored.GetProperty("selfPoints").ValueKind == JsonValueKind.Number ? stored.GetProperty("selfPoints").GetInt32() : -1);
        Assert.Equal(JsonValueKind.Null, MemberRating(await RoundAsync(await app.ApiAsAsync("admin"), cell, year), first.Key).GetProperty("decidedLevel").ValueKind);
    }

    [Fact]
    public async Task RatingCellPage_UnreadableAndMismatchedRows_ShowEveryErrorBesideItsRow()
    {
        var place = await PlaceAsync();
        var admin = await PageClient.SignInAsync(app, "admin");
        var (fields, rowOf, _) = await BulkAsync(admin, Cell(place.Cell, 2025));
        fields[$"Rows[{rowOf[place.Members[0]]}].SelfLevel"] = "Good";
        fields[$"Rows[{rowOf[place.Members[0]]}].SelfPoints"] = "bảy mươi";
        fields[$"Rows[{rowOf[place.Members[1]]}].SelfLevel"] = "NotCompleted";
        fields[$"Rows[{rowOf[place.Members[1]]}].SelfPoints"] = "95";
        fields[$"Rows[{rowOf[place.Members[2]]}].SelfLevel"] = "Good";
        fields[$"Rows[{rowOf[place.Members[2]]}].SelfPoints"] = "80";
        var response = await admin.PostAsync(Cell(place.Cell, 2025), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains($"{place.Names[0]}: Điểm tự chấm: phải là số nguyên từ 0 đến 100.", summary);
        Assert.Contains($"{place.Names[1]}: Mức \"{RatingLevel.NotCompleted.Label()}\" không khớp với 95 điểm", summary);
        Assert.Equal("bảy mươi", page.QuerySelector($"input[name='Rows[{rowOf[place.Members[0]]}].SelfPoints']")!.GetAttribute("value"));
        Assert.Contains("phải là số nguyên", page.QuerySelector($"fieldset[data-subject='m{place.Members[0]}'] .field-error")!.TextContent);
        Assert.Contains("không khớp", page.QuerySelector($"fieldset[data-subject='m{place.Members[1]}'] .field-error")!.TextContent);
        var round = await RoundAsync(await app.ApiAsAsync("admin"), place.Cell, 2025);
        Assert.All(place.Members, m => Assert.Equal(JsonValueKind.Null, MemberRating(round, m).GetProperty("selfLevel").ValueKind));
    }

    [Fact]
    public async Task RatingCellPage_StaleRow_ShowsTheConflict_SavesNothing_ThenSavesOnADeliberateResubmit()
    {
        var place = await PlaceAsync();
        var admin = await PageClient.SignInAsync(app, "admin");
        var (fields, rowOf, _) = await BulkAsync(admin, Cell(place.Cell, 2024));
        // Someone else saves the first member's rating after the page was read.
        var api = await app.ApiAsAsync("admin");
        var put = await api.PutAsJsonAsync($"/api/v1/ratings/members/{place.Members[0]}/2024", new { selfLevel = "Completed" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var (r0, r1) = (rowOf[place.Members[0]], rowOf[place.Members[1]]);
        fields[$"Rows[{r0}].SelfLevel"] = "Good";
        fields[$"Rows[{r1}].SelfLevel"] = "Excellent";
        var response = await admin.PostAsync(Cell(place.Cell, 2024), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = Parser.ParseDocument(html);
        Assert.Contains("vừa được sửa", page.QuerySelector($"fieldset[data-subject='m{place.Members[0]}'] .rating-conflict")!.TextContent);
        Assert.Contains(place.Names[0], page.QuerySelector(".alert-danger")!.TextContent);
        var round = await RoundAsync(api, place.Cell, 2024);
        Assert.Equal("Completed", MemberRating(round, place.Members[0]).GetProperty("selfLevel").GetString());
        Assert.Equal(JsonValueKind.Null, MemberRating(round, place.Members[1]).GetProperty("selfLevel").ValueKind);

        // The form kept what was typed and now carries the stored version: sending it again saves both rows.
        var resend = PageClient.FieldsOf(html);
        Assert.Equal("Good", resend[$"Rows[{r0}].SelfLevel"]);
        Assert.Equal("Excellent", resend[$"Rows[{r1}].SelfLevel"]);
        Assert.Equal(MemberRating(round, place.Members[0]).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture), resend[$"Rows[{r0}].Version"]);
        var again = await admin.PostAsync(Cell(place.Cell, 2024), new FormUrlEncodedContent(resend));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        round = await RoundAsync(api, place.Cell, 2024);
        Assert.Equal("Good", MemberRating(round, place.Members[0]).GetProperty("selfLevel").GetString());
        Assert.Equal("Excellent", MemberRating(round, place.Members[1]).GetProperty("selfLevel").GetString());
    }

    [Fact]
    public async Task RatingLock_ThroughThePage_MakesTheCellPageReadOnly_UnlockNeedsAReason()
    {
        var place = await PlaceAsync();
        var admin = await PageClient.SignInAsync(app, "admin");
        var index = $"/Ratings?org={place.Cell}&year=2023";
        var locked = await admin.PostAsync($"/Ratings?handler=Lock&org={place.Cell}&year=2023", await PageClient.FormAsync(admin, index, []));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Đã khóa sổ xếp loại năm 2023", await admin.GetStringAsync(locked.Headers.Location!.OriginalString));

        var cellPage = Parser.ParseDocument(await admin.GetStringAsync(Cell(place.Cell, 2023)));
        Assert.Null(cellPage.QuerySelector("form.rating-bulk"));
        Assert.Contains("(admin)", cellPage.QuerySelector("[data-locked=true]")!.TextContent);
        Assert.Contains(VnFormat.Date(DateOnly.FromDateTime(DateTime.UtcNow)), cellPage.QuerySelector("[data-locked=true]")!.TextContent);
        // A post to the locked year (a page left open) saves nothing.
        var fields = new Dictionary<string, string> { ["Rows[0].MemberId"] = place.Members[0].ToString(CultureInfo.InvariantCulture), ["Rows[0].Version"] = "0", ["Rows[0].SelfLevel"] = "Good" };
        var refused = await admin.PostAsync(Cell(place.Cell, 2023), await PageClient.FormAsync(admin, Cell(place.Cell, 2023), fields));
        Assert.Contains("đã khóa sổ xếp loại", await refused.Content.ReadAsStringAsync());
        var api = await app.ApiAsAsync("admin");
        Assert.Equal(JsonValueKind.Null, MemberRating(await RoundAsync(api, place.Cell, 2023), place.Members[0]).GetProperty("selfLevel").ValueKind);

        var noReason = await admin.PostAsync($"/Ratings?handler=Unlock&org={place.Cell}&year=2023", await PageClient.FormAsync(admin, index, new() { ["Reason"] = " " }));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Lý do mở khóa: không được để trống.", await noReason.Content.ReadAsStringAsync());
        var unlocked = await admin.PostAsync($"/Ratings?handler=Unlock&org={place.Cell}&year=2023", await PageClient.FormAsync(admin, index, new() { ["Reason"] = "Sửa sai sót nhập liệu" }));
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.NotNull(Parser.ParseDocument(await admin.GetStringAsync(Cell(place.Cell, 2023))).QuerySelector("form.rating-bulk"));
        var audited = await app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == nameof(RatingRound)).OrderByDescending(a => a.Id).Select(a => a.UserName).FirstAsync());
        Assert.Equal("admin", audited);
    }

    [Fact]
    public async Task RatingPages_TheSecretaryCannotLock_AndAnotherCellIsNotFound()
    {
        var (cell, year) = await SecretaryCellAsync();
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var response = await bithu.PostAsync($"/Ratings?handler=Lock&org={cell}&year={year}", await PageClient.FormAsync(bithu, $"/Ratings?org={cell}&year={year}", []));
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.RatingRounds.AnyAsync(r => r.OrganizationId == cell && r.Year == year && r.Locked)));
        var foreign = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.GetAsync(Cell(foreign, year))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.GetAsync($"/Ratings?org={foreign}&year={year}")).StatusCode);
    }

    [Fact]
    public async Task RatingExport_WorkbookHoldsTheRoundAsTheApiCountsIt()
    {
        var place = await PlaceAsync();
        var api = await app.ApiAsAsync("admin");
        var levels = new[] { "Good", "Good", "Completed", "NotCompleted" };
        for (var i = 0; i < place.Members.Count; i++)
        {
            var put = await api.PutAsJsonAsync($"/api/v1/ratings/members/{place.Members[i]}/2022", new { selfLevel = levels[i], decidedLevel = levels[i], decidedOn = "2022-12-20" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var round = await RoundAsync(api, place.Cell, 2022);
        var admin = await PageClient.SignInAsync(app, "admin");
        var link = Parser.ParseDocument(await admin.GetStringAsync($"/Ratings?org={place.Cell}&year=2022")).QuerySelector("a.export-link")!.GetAttribute("href")!;
        var response = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheets = ExportTests.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tổng hợp", "Tiến độ", "Đảng viên", "Tổ chức đảng"], sheets.Select(s => s.Name));

        var counts = sheets[0];
        var m = round.GetProperty("members");
        Assert.Equal("Đảng viên", counts.Text("A5"));
        Assert.Equal(m.GetProperty("toRate").GetInt32(), counts.Number("B5"));
        Assert.Equal(m.GetProperty("rated").GetInt32(), counts.Number("C5"));
        Assert.Equal(m.GetProperty("excellent").GetInt32(), counts.Number("E5"));
        Assert.Equal(m.GetProperty("good").GetInt32(), counts.Number("F5"));
        Assert.Equal(m.GetProperty("notCompleted").GetInt32(), counts.Number("H5"));
        Assert.Equal(m.GetProperty("goodOrAbovePercent").GetDecimal() / 100m, counts.Number("I5"));
        Assert.Equal(0.5m, counts.Number("I5")); // 2 of 4 decided are good or above
        Assert.Equal("0.00%", counts.Format("I5"));

        var members = sheets[2];
        Assert.Equal(place.Members.Count, members.DataRows());
        var items = round.GetProperty("memberRatings").EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(items[i].GetProperty("name").GetString(), members.Text($"B{5 + i}"));
            Assert.Equal(Enum.Parse<RatingLevel>(items[i].GetProperty("decidedLevel").GetString()!).Label(), members.Text($"G{5 + i}"));
            Assert.Equal(ExportTests.Serial(new DateOnly(2022, 12, 20)), members.Number($"I{5 + i}"));
        }
        Assert.Equal($"Tổng cộng: {VnFormat.Number(items.Count)}", members.Text($"A{5 + items.Count}"));
        Assert.Equal(1, sheets[3].DataRows()); // the cell itself, not yet rated
        Assert.True(await app.WithDbAsync((db, _) => db.AccountEvents.AnyAsync(e => e.UserName == "admin" && e.Kind == "Exported" && e.Detail!.Contains("/api/v1/exports/ratings"))));
    }
    [Fact]
    public async Task RatingCellPage_TheCommitteeDecidesWithPointsAndDate_AndTheRoundCountsItsProgress()
    {
        var place = await PlaceAsync();
        var admin = await PageClient.SignInAsync(app, "admin");
        var (fields, rowOf, _) = await BulkAsync(admin, Cell(place.Cell, 2025));
        var r0 = rowOf[place.Members[0]];
        fields[$"Rows[{r0}].ProposedLevel"] = "Good";
        fields[$"Rows[{r0}].DecidedLevel"] = "Good";
        fields[$"Rows[{r0}].Points"] = "82";
        fields[$"Rows[{r0}].DecidedOn"] = "20/12/2025";
        fields[$"Rows[{rowOf[place.Members[1]]}].ProposedLevel"] = "Completed";
        var response = await admin.PostAsync(Cell(place.Cell, 2025), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = MemberRating(await RoundAsync(await app.ApiAsAsync("admin"), place.Cell, 2025), place.Members[0]);
        Assert.Equal("Good", stored.GetProperty("decidedLevel").GetString());
        Assert.Equal(82, stored.GetProperty("points").GetInt32());
        Assert.Equal("2025-12-20", stored.GetProperty("decidedOn").GetString());
        Assert.Equal("admin", stored.GetProperty("decidedBy").GetString());

        var index = Parser.ParseDocument(await admin.GetStringAsync($"/Ratings?org={place.Cell}&year=2025"));
        var row = index.QuerySelector($"tr[data-org='{place.Cell}']")!;
        Assert.Equal("2", row.QuerySelector("[data-proposed]")!.GetAttribute("data-proposed"));
        Assert.Contains("1/4", row.TextContent);
        Assert.DoesNotContain(place.Names[0], row.QuerySelector("td[data-label='Chưa xếp loại']")!.TextContent);
        Assert.Contains(place.Names[1], row.QuerySelector("td[data-label='Chưa xếp loại']")!.TextContent);
        Assert.Equal("100%", index.QuerySelector("tr[data-counts=members] [data-percent]")!.TextContent.Trim());
    }

    [Fact]
    public async Task RatingPages_AYearOutOfRange_IsSaidAndNothingIsSavedOrLocked()
    {
        var place = await PlaceAsync();
        var admin = await PageClient.SignInAsync(app, "admin");
        Assert.Contains("Năm đánh giá: phải từ 2000 đến", await admin.GetStringAsync($"/Ratings?org={place.Cell}&year=1999"));
        var fields = new Dictionary<string, string> { ["Rows[0].MemberId"] = place.Members[0].ToString(CultureInfo.InvariantCulture), ["Rows[0].Version"] = "-1", ["Rows[0].SelfLevel"] = "Good", ["Rows[0].SelfPoints"] = "80" };
        var response = await admin.PostAsync(Cell(place.Cell, 1999), await PageClient.FormAsync(admin, Cell(place.Cell, 2024), fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chưa lưu.", await response.Content.ReadAsStringAsync());
        var lockResponse = await admin.PostAsync($"/Ratings?handler=Lock&org={place.Cell}&year=1999", await PageClient.FormAsync(admin, $"/Ratings?org={place.Cell}", []));
        Assert.Equal(HttpStatusCode.OK, lockResponse.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.RatingRounds.AnyAsync(r => r.OrganizationId == place.Cell)));
        var year = (await (await app.ApiAsAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/ratings?org={place.Cell}")).GetProperty("year").GetInt32();
        Assert.Equal(JsonValueKind.Null, MemberRating(await RoundAsync(await app.ApiAsAsync("admin"), place.Cell, year), place.Members[0]).GetProperty("selfLevel").ValueKind);
    }

    [Fact]
    public async Task RatingCellPage_ALargeCell_SavesEveryRowInOneSubmit()
    {
        var place = await PlaceAsync(size: 120);
        var admin = await PageClient.SignInAsync(app, "admin");
        var (fields, rowOf, _) = await BulkAsync(admin, Cell(place.Cell, 2025));
        Assert.True(fields.Count > 1024, $"{fields.Count} form values");
        foreach (var i in rowOf.Values)
        {
            fields[$"Rows[{i}].SelfLevel"] = "Good";
            fields[$"Rows[{i}].SelfPoints"] = "75";
        }
        var response = await admin.PostAsync(Cell(place.Cell, 2025), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await RoundAsync(await app.ApiAsAsync("admin"), place.Cell, 2025);
        Assert.All(place.Members, m => Assert.Equal("Good", MemberRating(round, m).GetProperty("selfLevel").GetString()));
    }
}
