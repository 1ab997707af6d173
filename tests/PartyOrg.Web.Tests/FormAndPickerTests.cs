using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>Pickers stay within the user's scope; decision forms follow the member's standing; dates go dd/mm/yyyy; irreversible writes need confirmation.</summary>
public class FormAndPickerTests(WebAppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private sealed record Item(int Id, string Label, string? Detail);

    private static async Task<List<Item>> PickAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<List<Item>>(url, WebAppFixture.Json))!;

    [Fact]
    public async Task OrganizationPicker_StaysInScope_ExceptDestinations_WhichAreActiveCellsAnywhere()
    {
        // The page cookie is enough: the pickers serve the forms of the signed-in user.
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var ownCell = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell));
        var foreign = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.ForeignCell));
        var foreignParent = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Id == foreign.ParentId));
        var search = Uri.EscapeDataString(VnText.Fold(foreign.Name + " " + foreignParent.Name));

        foreach (var kind in new[] { "any", "cell", "committee" })
        {
            foreach (var q in new[] { search, "chi", "dang", "" })
            {
                var items = await PickAsync(bithu, $"/api/v1/pickers/organizations?q={q}&kind={kind}");
                var ids = items.Select(i => i.Id).ToList();
                var paths = await app.WithDbAsync((db, _) => db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => o.Path).ToListAsync());
                Assert.All(paths, p => Assert.StartsWith(ownCell.Path, p, StringComparison.Ordinal));
                Assert.DoesNotContain(items, i => i.Id == foreign.Id);
            }
        }
        var mine = await PickAsync(bithu, $"/api/v1/pickers/organizations?q={Uri.EscapeDataString(VnText.Fold(ownCell.Name))}&kind=cell");
        Assert.Contains(mine, i => i.Id == ownCell.Id);

        // Destinations: the foreign cell is offered, named with its committee, typed without diacritics; only active cells.
        var destinations = await PickAsync(bithu, $"/api/v1/pickers/organizations?q={search}&kind=destination");
        var offered = Assert.Single(destinations, i => i.Id == foreign.Id);
        Assert.Equal(foreignParent.Name, offered.Detail);
        var destIds = (await PickAsync(bithu, "/api/v1/pickers/organizations?q=chi%20bo&kind=destination")).Select(i => i.Id).ToList();
        Assert.NotEmpty(destIds);
        Assert.True(await app.WithDbAsync((db, _) => db.Organizations.Where(o => destIds.Contains(o.Id))
            .AllAsync(o => o.EndedOn == null && (o.Type == PartyOrg.Domain.Organizations.OrganizationType.BaseCell || o.Type == PartyOrg.Domain.Organizations.OrganizationType.DependentCell))));

        // A plain member is offered nothing at all.
        var member = await PageClient.SignInAsync(app, "dangvien");
        Assert.Empty(await PickAsync(member, $"/api/v1/pickers/organizations?q={search}&kind=destination"));
        Assert.Empty(await PickAsync(member, "/api/v1/pickers/organizations?q=chi&kind=any"));
    }

    [Fact]
    public async Task MemberPicker_FindsByNameWithoutDiacritics_OnlyInScope()
    {
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var ownCell = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell));
        var foreignId = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var foreign = await app.WithDbAsync((db, _) => db.Members.SingleAsync(m => m.Id == foreignId));
        var ownId = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var own = await app.WithDbAsync((db, _) => db.Members.SingleAsync(m => m.Id == ownId));

        var found = await PickAsync(bithu, $"/api/v1/pickers/members?q={Uri.EscapeDataString(VnText.Fold(own.FullName))}");
        var hit = Assert.Single(found, i => i.Id == own.Id);
        Assert.Contains(ownCell.Name, hit.Detail);

        foreach (var q in new[] { VnText.Fold(foreign.FullName), VnText.Fold(foreign.FullName).Split(' ')[0], foreign.CitizenId })
        {
            var items = await PickAsync(bithu, $"/api/v1/pickers/members?q={Uri.EscapeDataString(q)}");
            Assert.DoesNotContain(items, i => i.Id == foreign.Id);
            var ids = items.Select(i => i.Id).ToList();
            var paths = await app.WithDbAsync((db, _) => db.Members.Where(m => ids.Contains(m.Id)).Select(m => m.OrgPath).ToListAsync());
            Assert.All(paths, p => Assert.StartsWith(ownCell.Path, p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task DecisionsForm_FollowsStanding_ProbationerNeverOffersReadmission_ExitedMemberDoes()
    {
        var tochuc = await PageClient.SignInAsync(app, "tochuc");
        // Members of today's province only (within the commission's scope), in a cell no other test writes to.
        var cell = await app.OrganizationIdAsync("80.25459.02");
        var (probationer, official) = await app.WithDbAsync(async (db, _) => (
            await db.Members.Where(m => m.Status == MemberStatus.Probationary && m.OrgPath.StartsWith(db.Organizations.Single(o => o.Code == DemoCodes.Province).Path))
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.Members.Where(m => m.Status == MemberStatus.Official && m.OrganizationId == cell && !db.MemberTransfers.Any(t => t.MemberId == m.Id)
                    && !db.MemberDecisions.Any(d => d.MemberId == m.Id))
                .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync()));

        var probationPage = await tochuc.GetStringAsync($"/Members/Details/{probationer}?tab=decisions");
        Assert.Contains("kind=Recognition", probationPage);
        Assert.Contains("kind=NotRecognized", probationPage);
        Assert.Contains("kind=NameRemoval", probationPage);
        Assert.DoesNotContain("kind=Readmission", probationPage);
        Assert.DoesNotContain("value=\"Readmission\"", await tochuc.GetStringAsync($"/Members/Details/{probationer}?tab=decisions&kind=Readmission"));

        var officialPage = await tochuc.GetStringAsync($"/Members/Details/{official}?tab=decisions");
        Assert.Contains("kind=Release", officialPage);
        Assert.DoesNotContain("kind=Recognition", officialPage);
        Assert.DoesNotContain("kind=Readmission", officialPage);

        var api = await app.ApiAsAsync("tochuc");
        var released = await api.PostAsJsonAsync($"/api/v1/members/{official}/decisions",
            new { kind = "Release", decidedOn = Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), number = "71-QĐ/ĐU", reason = "Theo nguyện vọng" });
        Assert.True(released.IsSuccessStatusCode, await released.Content.ReadAsStringAsync());
        var exitedPage = await tochuc.GetStringAsync($"/Members/Details/{official}?tab=decisions");
        Assert.Contains("kind=Readmission", exitedPage);
        Assert.DoesNotContain("kind=Recognition", exitedPage);
        Assert.DoesNotContain("kind=Release", exitedPage);
    }

    [Fact]
    public async Task DateFields_ShowDdMmYyyy_AndADdMmYyyyValuePosts()
    {
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var memberId = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var html = await bithu.GetStringAsync($"/Transfers/New?member={memberId}");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var issued = doc.QuerySelector("input[name='Input.IssuedOn']")!;
        Assert.Equal(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), issued.GetAttribute("value"));
        Assert.Equal("dd/mm/yyyy", issued.GetAttribute("placeholder"));
        Assert.Equal("text", issued.GetAttribute("type"));
        Assert.Equal("numeric", issued.GetAttribute("inputmode"));
        Assert.Empty(doc.QuerySelectorAll("input[type=date]"));
        foreach (var page in new[] { $"/Members/Edit/{memberId}", "/Transfers", "/Organizations", $"/Members/Details/{memberId}?tab=decisions&kind=Release" })
            Assert.DoesNotContain("type=\"date\"", await bithu.GetStringAsync(page));
        var edit = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bithu.GetStringAsync($"/Members/Edit/{memberId}"));
        var born = await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == memberId).Select(m => m.DateOfBirth).SingleAsync());
        Assert.Equal(born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), edit.QuerySelector("input[name='Input.DateOfBirth']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Decision_WithoutConfirmation_IsRefusedAndNothingSaved_WithConfirmation_IsRecordedWithItsDdMmYyyyDate()
    {
        var tochuc = await PageClient.SignInAsync(app, "tochuc");
        var cutoff = Today.AddMonths(-12).AddDays(-1);
        var member = await app.WithDbAsync((db, _) => db.Members
            .Where(m => m.Status == MemberStatus.Probationary && (m.CeremonyOn ?? m.AdmittedOn) < cutoff)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName }).FirstAsync());
        var decidedOn = Today.AddDays(-1);
        var url = $"/Members/Details/{member.Id}?tab=decisions&kind=Recognition";
        var fields = await PageClient.FormFieldsAsync(tochuc, url);
        Assert.Equal("Recognition", fields["Input.Kind"]);
        fields["Input.DecidedOn"] = decidedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        fields["Input.Number"] = "64-QĐ/ĐU";
        fields.Remove("Confirmed");
        var action = $"/Members/Details/{member.Id}?tab=decisions&handler=Decision";

        var refused = await tochuc.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tôi xác nhận", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync((db, _) => db.MemberDecisions.AnyAsync(d => d.MemberId == member.Id)));

        fields["Confirmed"] = "true";
        var done = await tochuc.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Members/Details/{member.Id}?tab=decisions", done.Headers.Location!.OriginalString);
        var saved = await app.WithDbAsync((db, _) => db.MemberDecisions.SingleAsync(d => d.MemberId == member.Id));
        Assert.Equal((DecisionKind.Recognition, decidedOn, "64-QĐ/ĐU"), (saved.Kind, saved.DecidedOn, saved.Number));
        Assert.NotNull(saved.IssuerOrganizationId);

        // The page landed on says what was done and to whom; once.
        var landed = await tochuc.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains($"Đã ghi quyết định công nhận đảng viên chính thức cho đồng chí {member.FullName}.", landed);
        Assert.DoesNotContain("Đã ghi quyết định", await tochuc.GetStringAsync(done.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task TransferCancel_WithoutConfirmation_AsksFirst_WithConfirmation_Cancels()
    {
        var bithu = await PageClient.SignInAsync(app, "bithu");
        var api = await app.ApiAsAsync("bithu");
        var memberId = await app.WithDbAsync((db, _) => db.Members
            .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == DemoCodes.SecretaryCell))
            .Where(m => m.Status == MemberStatus.Official && !db.MemberTransfers.Any(t => t.MemberId == m.Id))
            .OrderBy(m => m.Id).Skip(2).Select(m => m.Id).FirstAsync());
        var to = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        var issued = await api.PostAsJsonAsync("/api/v1/transfers", new { memberId, kind = "Official", toOrganizationId = to, issuedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), letterNumber = "5-GGT" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var form = await PageClient.FormAsync(bithu, "/Transfers", []);
        var asked = await bithu.PostAsync($"/Transfers?handler=Close&id={id}", form);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Xác nhận", await asked.Content.ReadAsStringAsync());
        Assert.Equal(TransferState.InTransit, await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.Id == id).Select(t => t.State).SingleAsync()));

        var confirmed = await bithu.PostAsync($"/Transfers?handler=Close&id={id}", await PageClient.FormAsync(bithu, "/Transfers", new() { ["Confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(TransferState.Cancelled, await app.WithDbAsync((db, _) => db.MemberTransfers.Where(t => t.Id == id).Select(t => t.State).SingleAsync()));
    }
}
