using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>
/// History across the 2025 merger (issue 11, section 3): today's province reads its past through its predecessors, the same
/// whichever door is used; placements lie inside their organization's life; organizations inside their parent's.
/// </summary>
public class MergerHistoryTests(WebAppFixture app)
{
    private static readonly DateOnly Before = new(2024, 12, 31);
    private const string BeforeIso = "2024-12-31";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static OtherProvince? other;
    private static int serial = 300_000 + Random.Shared.Next(600_000);

    /// <summary>Members active on the date under the path, counted here from the placements, independently of the application's queries.</summary>
    private Task<int> CountAsync(string code, DateOnly on) => app.WithDbAsync(async (db, _) =>
    {
        var path = await db.Organizations.Where(o => o.Code == code).Select(o => o.Path).SingleAsync();
        var placements = await db.MemberPlacements.AsNoTracking().Where(p => p.FromDate <= on && (p.ToDate == null || p.ToDate > on)).Select(p => p.OrgPath).ToListAsync();
        return placements.Count(p => p.StartsWith(path, StringComparison.Ordinal));
    });

    [Fact]
    public async Task RootAsOf_31_12_2024_ShowsPredecessorsWithTheirCounts()
    {
        var longAn = await CountAsync(DemoCodes.OldLongAn, Before);
        var oldTayNinh = await CountAsync("072", Before);
        Assert.True(longAn > 0 && oldTayNinh > 0);

        foreach (var user in new[] { "tochuc", "admin" })
        {
            var client = await app.ApiAsAsync(user);
            var root = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/root?asOf={BeforeIso}");
            Assert.Equal(DemoCodes.Province, root.GetProperty("code").GetString());
            Assert.Equal(BeforeIso, root.GetProperty("asOf").GetString());
            Assert.False(root.GetProperty("activeOnAsOf").GetBoolean());
            var stood = root.GetProperty("stoodInPlace").EnumerateArray().ToDictionary(o => o.GetProperty("code").GetString()!, o => o.GetProperty("memberCount").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["080"] = longAn, ["072"] = oldTayNinh }, stood);
            Assert.Equal(longAn + oldTayNinh, root.GetProperty("memberCount").GetInt32());

            // The same figures through the other doors: the root's children on that date, and each predecessor by id.
            var rootId = root.GetProperty("id").GetInt32();
            var children = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{rootId}/children?asOf={BeforeIso}")).EnumerateArray().ToList();
            Assert.Equal(["072", "080"], children.Select(c => c.GetProperty("code").GetString()).Order());
            Assert.All(children, c => Assert.Equal(rootId, c.GetProperty("inPlaceOf").GetInt32()));
            Assert.Equal(root.GetProperty("memberCount").GetInt32(), children.Sum(c => c.GetProperty("memberCount").GetInt32()));
            foreach (var (code, expected) in stood)
            {
                var id = await app.OrganizationIdAsync(code);
                var byId = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}?asOf={BeforeIso}");
                Assert.Equal(expected, byId.GetProperty("memberCount").GetInt32());
                Assert.Equal(rootId, byId.GetProperty("successorId").GetInt32());
                var below = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/children?asOf={BeforeIso}");
                Assert.Equal(expected, below.EnumerateArray().Sum(c => c.GetProperty("memberCount").GetInt32()));
            }
            // Today the root stands itself, and names the provinces merged into it.
            var today = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root");
            Assert.True(today.GetProperty("activeOnAsOf").GetBoolean());
            Assert.Empty(today.GetProperty("stoodInPlace").EnumerateArray());
            Assert.Equal(["072", "080"], today.GetProperty("predecessors").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order());
        }
    }

    [Fact]
    public async Task RootAsOf_ForAUserScopedToAnOldProvince_IsThatProvince_AndHidesTheSuccessorOutsideTheScope()
    {
        var user = await UserAsync("bt-long-an", Roles.Commission, DemoCodes.OldLongAn, canWrite: false);
        var client = await app.ApiAsAsync(user);
        var root = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/root?asOf={BeforeIso}");
        Assert.Equal(DemoCodes.OldLongAn, root.GetProperty("code").GetString());
        Assert.True(root.GetProperty("activeOnAsOf").GetBoolean());
        Assert.Equal(await CountAsync(DemoCodes.OldLongAn, Before), root.GetProperty("memberCount").GetInt32());
        var today = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root");
        Assert.Equal(0, today.GetProperty("memberCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, today.GetProperty("successorId").ValueKind);
        var successor = await app.OrganizationIdAsync(DemoCodes.Province);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{successor}?asOf={BeforeIso}")).StatusCode);
    }

    [Fact]
    public async Task TreePage_BeforeTheMerger_ShowsThePredecessorsWithTheirCountsAndMovesBetweenDates()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var api = await app.ApiAsAsync("tochuc");
        var root = await api.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/root?asOf={BeforeIso}");

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/Organizations?asOf={BeforeIso}"));

        Assert.Contains("tại ngày 31/12/2024", doc.QuerySelector(".asof-reading")!.TextContent);
        Assert.Equal(root.GetProperty("memberCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            doc.QuerySelector(".count-box .count")!.GetAttribute("data-member-count"));
        Assert.Contains("chưa thành lập", doc.QuerySelector(".alert-warning")!.TextContent);
        var rows = doc.QuerySelectorAll("table.table-cards tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        foreach (var predecessor in root.GetProperty("stoodInPlace").EnumerateArray())
        {
            var row = rows.Single(r => r.GetAttribute("data-org-id") == predecessor.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(predecessor.GetProperty("memberCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-member-count]")!.GetAttribute("data-member-count"));
            Assert.Contains("Tổ chức tiền thân", row.TextContent);
        }
        // The quick moves: the day before the merger (the page is on another date) and today.
        var quick = doc.QuerySelectorAll(".asof-quick a, .asof-quick [aria-current]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Trước sáp nhập (30/06/2025)", "Hôm nay"], quick);
        Assert.Equal("/Organizations", doc.QuerySelectorAll(".asof-quick a").Single(a => a.TextContent.Trim() == "Hôm nay").GetAttribute("href"));

        // Today the province links to its predecessors (read on their last day); Long An links to its successor.
        var today = new HtmlParser().ParseDocument(await client.GetStringAsync("/Organizations"));
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        Assert.Contains(today.QuerySelectorAll(".merger-link a"), a => a.GetAttribute("href") == $"/Organizations?id={longAn}&asOf=2025-06-30");
        var ended = new HtmlParser().ParseDocument(await client.GetStringAsync($"/Organizations?id={longAn}"));
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        Assert.Contains(ended.QuerySelectorAll(".merger-link a"), a => a.GetAttribute("href") == $"/Organizations?id={province}");
    }

    [Fact]
    public async Task BackfilledMember_IsCountedOnceByTheRootAndByExactlyOneChildOn31_12_2024()
    {
        var client = await app.ApiAsAsync("tochuc");
        var (cell, oldCell) = await CellAndItsPredecessorAsync(DemoCodes.ForeignCell);
        var input = Member(cell, "2023-05-10", "2024-05-10");

        // Entered today with a 2023 admission into a cell founded in 2025: refused, naming the field and the cell's dates.
        var refused = await client.PostAsJsonAsync("/api/v1/members", input);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("organizationId")[0].GetString()!;
        Assert.StartsWith("Chi bộ sinh hoạt: \"", message);
        Assert.Contains("thành lập ngày 01/07/2025, sau ngày 10/05/2023", message);

        var rootBefore = await RootAsync(client, BeforeIso);
        var childrenBefore = await ChildrenAsync(client, rootBefore.Id, BeforeIso);
        var rootToday = await RootAsync(client, null);

        input["earlierOrganizationId"] = oldCell;
        var created = await client.PostAsJsonAsync("/api/v1/members", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var placements = await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == id).OrderBy(p => p.FromDate).ToListAsync());
        var expected = new (int, DateOnly, DateOnly?)[] { (oldCell, new DateOnly(2023, 5, 10), OrganizationLife.Reform2025), (cell, OrganizationLife.Reform2025, null) };
        Assert.Equal(expected, placements.Select(p => (p.OrganizationId, p.FromDate, p.ToDate)));
        var rootAfter = await RootAsync(client, BeforeIso);
        var childrenAfter = await ChildrenAsync(client, rootAfter.Id, BeforeIso);
        Assert.Equal(rootBefore.Count + 1, rootAfter.Count);
        Assert.Single(childrenAfter, c => c.Value != childrenBefore[c.Key]);
        Assert.Equal(rootAfter.Count, childrenAfter.Values.Sum());
        Assert.Equal(rootToday.Count + 1, (await RootAsync(client, null)).Count);

        // Saving the record again changes no placement.
        Assert.Equal(HttpStatusCode.OK, (await client.PutReadFirstAsync($"/api/v1/members/{id}", input)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync((db, _) => db.MemberPlacements.CountAsync(p => p.MemberId == id)));
    }

    [Fact]
    public async Task BackfilledMember_WhoseCellIsNotWhereTheOldCellWasMerged_IsRefusedWithTheReason()
    {
        var client = await app.ApiAsAsync("tochuc");
        var (cell, _) = await CellAndItsPredecessorAsync(DemoCodes.ForeignCell);
        var (_, elsewhere) = await CellAndItsPredecessorAsync(DemoCodes.SecretaryCell);
        var input = Member(cell, "2023-05-10", "2024-05-10");
        input["earlierOrganizationId"] = elsewhere;

        var response = await client.PostAsJsonAsync("/api/v1/members", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đảng viên phải tiếp tục sinh hoạt ở tổ chức kế thừa", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("organizationId")[0].GetString());
    }

    [Fact]
    public async Task MemberForm_BackfillsAMemberAdmittedBeforeTheMerger()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var (cell, oldCell) = await CellAndItsPredecessorAsync(DemoCodes.ForeignCell);
        var page = $"/Members/Edit?org={cell}";
        var html = await client.GetStringAsync(page);
        Assert.Contains($"<option value=\"{oldCell}\">", html);
        var fields = PageClient.FieldsOf(html);
        foreach (var (key, value) in Member(cell, "10/05/2023", "10/05/2024"))
            if (value is not null) fields["Input." + char.ToUpperInvariant(key[0]) + key[1..]] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;

        var refused = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("thành lập ngày 01/07/2025, sau ngày 10/05/2023", new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-danger")!.TextContent);

        fields["Input.EarlierOrganizationId"] = oldCell.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(oldCell, await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == id).OrderBy(p => p.FromDate).Select(p => p.OrganizationId).FirstAsync()));
    }

    [Fact]
    public async Task MemberEdit_MovingTheAdmissionBeforeTheCellsFounding_IsRefused()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var input = Member(cell, "2025-08-19", "2026-08-19");
        var id = (await (await client.PostAsJsonAsync("/api/v1/members", input)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        input["admittedOn"] = "2024-02-01";
        input["officialOn"] = "2025-02-01";

        var response = await client.PutReadFirstAsync($"/api/v1/members/{id}", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("thành lập ngày 01/07/2025, sau ngày 01/02/2024", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("organizationId")[0].GetString());
        // A later admission date moves the start of the first placement with it.
        input["admittedOn"] = "2025-09-01";
        input["officialOn"] = "2026-09-01";
        Assert.Equal(HttpStatusCode.OK, (await client.PutReadFirstAsync($"/api/v1/members/{id}", input)).StatusCode);
        Assert.Equal(new DateOnly(2025, 9, 1), await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == id).Select(p => p.FromDate).SingleAsync()));
    }

    [Fact]
    public async Task OrganizationFoundedBeforeItsParent_IsRefusedInVietnamese()
    {
        var client = await app.ApiAsAsync("tochuc");
        var parent = await app.OrganizationIdAsync("80.UB.YT");
        var response = await client.PostAsJsonAsync($"/api/v1/organizations/{parent}/children",
            new { code = "80.UB.YT.09", name = "Chi bộ Bệnh viện Đa khoa", type = "DependentCell", field = "PublicService", foundedOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ngày thành lập: 01/01/2020 trước ngày thành lập của tổ chức cấp trên \"Đảng bộ Sở Y tế\" (01/07/2025); tổ chức trực thuộc không thể thành lập trước tổ chức cấp trên.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("foundedOn")[0].GetString());

        // The edit page answers the same, beside the field.
        var page = await PageClient.SignInAsync(app, "tochuc");
        var cell = await app.OrganizationIdAsync("80.UB.YT.01");
        var fields = await PageClient.FormFieldsAsync(page, $"/Organizations/Edit/{cell}");
        fields["Input.FoundedOn"] = "01/01/2020";
        var answer = await page.PostAsync($"/Organizations/Edit/{cell}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var doc = new HtmlParser().ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.Contains("trước ngày thành lập của tổ chức cấp trên \"Đảng bộ Sở Y tế\"", doc.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(new DateOnly(2025, 7, 1), await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == cell).Select(o => o.FoundedOn).SingleAsync()));
    }

    [Fact]
    public async Task OrganizationUnderAnEndedParent_IsRefusedUnlessItIsHistoryInsideTheParentsLife()
    {
        var client = await app.ApiAsAsync("tochuc");
        var (_, oldCell) = await CellAndItsPredecessorAsync(DemoCodes.ForeignCell);
        var oldCommune = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == oldCell).Select(o => o.ParentId!.Value).SingleAsync());
        var url = $"/api/v1/organizations/{oldCommune}/children";
        var code = $"LS-{Interlocked.Increment(ref serial)}";

        var standing = await client.PostAsJsonAsync(url, new { code, name = "Chi bộ ấp 9", type = "DependentCell", field = "Residential", foundedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, standing.StatusCode);
        Assert.Contains("đã kết thúc hoạt động ngày 01/07/2025", (await standing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("foundedOn")[0].GetString());
        var outliving = await client.PostAsJsonAsync(url, new { code, name = "Chi bộ ấp 9", type = "DependentCell", field = "Residential", foundedOn = "2000-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, outliving.StatusCode);
        Assert.Contains("phải kết thúc chậm nhất ngày đó", (await outliving.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("endedOn")[0].GetString());

        var history = await client.PostAsJsonAsync(url, new { code, name = "Chi bộ ấp 9", type = "DependentCell", field = "Residential", foundedOn = "2000-01-05", endedOn = "2025-07-01", state = "Merged" });
        Assert.Equal(HttpStatusCode.Created, history.StatusCode);
    }

    [Fact]
    public async Task OrganizationEnded_WhileMembersStillAreActiveInIt_IsRefused()
    {
        var client = await app.ApiAsAsync("tochuc");
        var cell = await app.OrganizationIdAsync("80.25459.02");
        var active = await CountAsync("80.25459.02", await app.WithDbAsync((db, sp) => Task.FromResult(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetLocalNow().DateTime))));
        Assert.True(active > 0);
        var response = await client.PutReadFirstAsync($"/api/v1/organizations/{cell}",
            new { code = "80.25459.02", name = "Chi bộ khu phố 2", type = "BaseCell", field = "Residential", foundedOn = "2025-07-01", endedOn = "2026-01-01", state = "Dissolved" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đảng viên sinh hoạt tại tổ chức sau ngày 01/01/2026", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("endedOn")[0].GetString());
    }

    [Fact]
    public async Task Scope_ACellSecretaryCannotWriteIntoAnEndedOrganization()
    {
        var o = await OtherAsync();
        var secretary = await app.ApiAsAsync(o.Secretary);
        var input = Member(o.NewCell, "2023-05-10", "2024-05-10");
        input["earlierOrganizationId"] = o.OldCell;
        // The ended cell merged into the secretary's is in view (its history belongs to the cell), yet not theirs to write.
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/organizations/{o.OldCell}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/members", input)).StatusCode);
        // The commission holding that history may.
        var commission = await app.ApiAsAsync(o.Commission);
        Assert.Equal(HttpStatusCode.Created, (await commission.PostAsJsonAsync("/api/v1/members", input)).StatusCode);
        // A demo secretary choosing an ended cell of Long An: not in their scope at all.
        var bithu = await app.ApiAsAsync("bithu");
        var (_, longAnCell) = await CellAndItsPredecessorAsync(DemoCodes.SecretaryCell);
        var own = Member(await app.OrganizationIdAsync(DemoCodes.SecretaryCell), "2023-05-10", "2024-05-10");
        own["earlierOrganizationId"] = longAnCell;
        Assert.Equal(HttpStatusCode.NotFound, (await bithu.PostAsJsonAsync("/api/v1/members", own)).StatusCode);
    }

    [Fact]
    public async Task Scope_ACommissionOfAnotherProvinceGetsNotFound()
    {
        var o = await OtherAsync();
        var client = await app.ApiAsAsync(o.Commission);
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{longAn}?asOf={BeforeIso}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{longAn}/children?asOf={BeforeIso}")).StatusCode);
        // Its own root on that date is its own old province, never the demo's.
        var root = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/root?asOf={BeforeIso}");
        Assert.Equal(["OP-OLD"], root.GetProperty("stoodInPlace").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        // Writing a member into the demo's history: the ended cell does not exist for it.
        var (_, longAnCell) = await CellAndItsPredecessorAsync(DemoCodes.ForeignCell);
        var input = Member(o.NewCell, "2023-05-10", "2024-05-10");
        input["earlierOrganizationId"] = longAnCell;
        var response = await client.PostAsJsonAsync("/api/v1/members", input);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Chi bộ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DemoTree_EveryOrganizationLiesInItsParent_AndEveryPlacementInItsOrganization()
    {
        var (orgs, placements) = await app.WithDbAsync(async (db, _) =>
        {
            var tops = await db.Organizations.Where(o => o.Code == DemoCodes.Province || o.Code == DemoCodes.OldLongAn || o.Code == "072").Select(o => o.Path).ToListAsync();
            // Only what the demo built: other tests add organizations of their own, some straight into the database as shortcuts to a past.
            var (lastOrg, lastPlacement) = app.DemoLastIds;
            var all = (await db.Organizations.AsNoTracking().Where(o => o.Id <= lastOrg).ToListAsync()).Where(o => tops.Any(t => o.Path.StartsWith(t, StringComparison.Ordinal))).ToDictionary(o => o.Id);
            var held = (await db.MemberPlacements.AsNoTracking().Where(p => p.Id <= lastPlacement).ToListAsync()).Where(p => all.ContainsKey(p.OrganizationId)).ToList();
            return (all, held);
        });
        Assert.True(orgs.Count > 500 && placements.Count > 5000);
        static OrganizationLife Life(Organization o) => new(o.Name, o.FoundedOn, o.EndedOn);
        var misplacedOrgs = orgs.Values.Where(o => o.ParentId is { } p && OrganizationWithinParentRule.Check(Life(orgs[p]), o.FoundedOn, o.EndedOn).Count > 0).Select(o => o.Code).ToList();
        Assert.Empty(misplacedOrgs);
        var misplaced = placements.Where(p => PlacementWithinLifeRule.Check("f", "f", Life(orgs[p.OrganizationId]), p.FromDate, p.ToDate) is not null).Select(p => p.Id).ToList();
        Assert.Empty(misplaced);
    }

    private static Dictionary<string, object?> Member(int cell, string admittedOn, string officialOn)
    {
        var input = MemberApiTests.ValidMember(cell);
        input["fullName"] = "Võ Thị Lịch Sử";
        input["admittedOn"] = admittedOn;
        input["officialOn"] = officialOn;
        return input;
    }

    private static async Task<(int Id, int Count)> RootAsync(HttpClient client, string? asOf)
    {
        var root = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root" + (asOf is null ? "" : $"?asOf={asOf}"));
        return (root.GetProperty("id").GetInt32(), root.GetProperty("memberCount").GetInt32());
    }

    private static async Task<Dictionary<int, int>> ChildrenAsync(HttpClient client, int id, string asOf) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/children?asOf={asOf}")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetInt32(), c => c.GetProperty("memberCount").GetInt32());

    /// <summary>A demo cell of today and an ended cell of an old commune merged into that cell's commune.</summary>
    private Task<(int Cell, int OldCell)> CellAndItsPredecessorAsync(string cellCode) => app.WithDbAsync(async (db, _) =>
    {
        var cell = await db.Organizations.SingleAsync(o => o.Code == cellCode);
        var oldCell = await db.Organizations.Where(o => o.EndedOn != null && (o.Type == OrganizationType.DependentCell || o.Type == OrganizationType.BaseCell)
                && db.Organizations.Any(c => c.Id == o.ParentId && c.SuccessorId == cell.ParentId))
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        return (cell.Id, oldCell);
    });

    private async Task<string> UserAsync(string userName, string role, string scopeCode, bool canWrite)
    {
        await app.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(userName) is not null) return;
            var scope = await db.Organizations.Where(o => o.Code == scopeCode).Select(o => o.Id).SingleAsync();
            var user = new AppUser { UserName = userName, ScopeOrganizationId = scope, CanWrite = canWrite };
            await users.CreateAsync(user, WebAppFixture.Password);
            await users.AddToRoleAsync(user, role);
        });
        return userName;
    }

    private sealed record OtherProvince(string Commission, string Secretary, int NewCell, int OldCell);

    /// <summary>
    /// Another province with its own merger: an old province, commune and cell ended on 1/7/2025 and merged into today's
    /// province, commune and cell; a commission of today's province and the new cell's secretary.
    /// </summary>
    private async Task<OtherProvince> OtherAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (other is not null) return other;
            await app.WithDbAsync(async (db, _) =>
            {
                var reform = OrganizationLife.Reform2025;
                var oldProvince = await OrgAsync(db, null, "OP-OLD", "Đảng bộ tỉnh Cũ", OrganizationType.Provincial, new(1976, 1, 1), reform);
                var oldCommune = await OrgAsync(db, oldProvince, "OP-OLD.1", "Đảng bộ xã Cũ", OrganizationType.BaseCommittee, new(1976, 1, 1), reform);
                var oldCell = await OrgAsync(db, oldCommune, "OP-OLD.1.1", "Chi bộ ấp Cũ", OrganizationType.DependentCell, new(1976, 1, 1), reform);
                var province = await OrgAsync(db, null, "OP", "Đảng bộ tỉnh Mới", OrganizationType.Provincial, reform, null);
                var commune = await OrgAsync(db, province, "OP.1", "Đảng bộ xã Mới", OrganizationType.Commune, reform, null);
                var cell = await OrgAsync(db, commune, "OP.1.1", "Chi bộ ấp Mới", OrganizationType.BaseCell, reform, null);
                (oldProvince.SuccessorId, oldCommune.SuccessorId, oldCell.SuccessorId) = (province.Id, commune.Id, cell.Id);
                await db.SaveChangesAsync();
            });
            var commission = await UserAsync("bt-tinh-moi", Roles.Commission, "OP", canWrite: true);
            var secretary = await UserAsync("bithu-ap-moi", Roles.CellSecretary, "OP.1.1", canWrite: true);
            return other = new(commission, secretary, await app.OrganizationIdAsync("OP.1.1"), await app.OrganizationIdAsync("OP-OLD.1.1"));
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<Organization> OrgAsync(AppDbContext db, Organization? parent, string code, string name, OrganizationType type, DateOnly founded, DateOnly? ended)
    {
        var org = new Organization
        {
            Code = code, Name = name, Type = type, Field = OrganizationField.General, FoundedOn = founded, EndedOn = ended,
            State = ended is null ? OrganizationState.Active : OrganizationState.Merged, ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = $"{parent?.Path ?? "/"}{org.Id}/";
        await db.SaveChangesAsync();
        return org;
    }
}
