using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Organizations;

namespace PartyOrg.Web.Tests;

/// <summary>Tests that change records across the demo province and rebuild derived tables: run after the others, alone.</summary>
[CollectionDefinition(nameof(Alone), DisableParallelization = true)]
public sealed class Alone;

/// <summary>The maintained subtree counts stay equal to a recount from the placements, and the recount command finds and repairs a difference.</summary>
[Collection(nameof(Alone))]
public class SubtreeCountTests(WebAppFixture app)
{
    /// <summary>Members placed in the subtree on the date, counted from the placements as the tree read them before the counts were kept.</summary>
    internal static Task<int> RecountAsync(AppDbContext db, string path, DateOnly on)
    {
        var upper = path[..^1] + "0";
        return db.MemberPlacements.CountAsync(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0
            && p.FromDate <= on && (p.ToDate == null || p.ToDate > on));
    }

    /// <summary>
    /// Admissions (and readmissions when the setting counts them) decided from <paramref name="first"/> to <paramref name="last"/>
    /// while the member was placed in the subtree, counted from the records as the targets read them before the counts were kept.
    /// </summary>
    internal static async Task<int> RecountAdmissionsAsync(AppDbContext db, string path, DateOnly first, DateOnly last, bool readmissionsCount)
    {
        var upper = path[..^1] + "0";
        var placements = db.MemberPlacements.Where(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0);
        var admitted = await (from p in placements join m in db.Members on p.MemberId equals m.Id
                              where m.AdmittedOn >= first && m.AdmittedOn <= last && p.FromDate <= m.AdmittedOn && (p.ToDate == null || p.ToDate > m.AdmittedOn)
                              select m.Id).Distinct().CountAsync();
        var readmitted = await (from p in placements join m in db.Members on p.MemberId equals m.Id
                                where m.ReadmittedOn >= first && m.ReadmittedOn <= last && p.FromDate <= m.ReadmittedOn && (p.ToDate == null || p.ToDate > m.ReadmittedOn)
                                select m.Id).Distinct().CountAsync();
        return admitted + (readmissionsCount ? readmitted : 0);
    }

    private Task<List<(int, SubtreeMeasure, DateOnly, long, long)>> MismatchesAsync() => app.WithDbAsync(async (db, _) =>
    {
        await db.Database.OpenConnectionAsync();
        return await SubtreeCounts.MismatchesAsync(db.Database.GetDbConnection(), db.Database.IsNpgsql());
    });

    private static readonly string[] Given = ["Đếm", "Tính", "Cộng", "Dồn", "Khớp", "Lại"];

    [Fact]
    public async Task SubtreeCounts_AfterRandomChanges_EqualARecount_AndTheRecountCommandRepairsADifference()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var client = await app.ApiAsAsync("tochuc");
        var province = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.Province));
        var (low, high) = (province.Path, province.Path[..^1] + "0");
        var cells = await app.WithDbAsync((db, _) => db.Organizations
            .Where(o => o.EndedOn == null && (o.Type == OrganizationType.BaseCell || o.Type == OrganizationType.DependentCell)
                && string.Compare(o.Path, low) > 0 && string.Compare(o.Path, high) < 0)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Code }).Take(40).ToListAsync());
        var created = new List<int>();

        // Created through the form's API (a placement added), moved to another cell (one closed, one added), imported (set-based).
        for (var step = 0; step < 12; step++)
        {
            var cell = cells[random.Next(cells.Count)];
            switch (created.Count < 3 ? 0 : random.Next(3))
            {
                case 0:
                    var input = MemberApiTests.ValidMember(cell.Id);
                    var response = await client.PostAsJsonAsync("/api/v1/members", input);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    created.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                    break;
                case 1:
                    var id = created[random.Next(created.Count)];
                    var current = await client.GetFromJsonAsync<Dictionary<string, JsonElement>>($"/api/v1/members/{id}");
                    var moved = MemberApiTests.ValidMember(cell.Id);
                    moved["citizenId"] = current!["citizenId"].GetString();
                    var put = await client.PutReadFirstAsync($"/api/v1/members/{id}", moved);
                    Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                    break;
                default:
                    var rows = Enumerable.Range(0, 1 + random.Next(4))
                        .Select(_ => ImportTests.MemberRow("Nguyễn Văn " + Given[random.Next(Given.Length)], cell: cells[random.Next(cells.Count)].Code)).ToList();
                    var file = ImportTests.Csv(MemberImportFormat.Columns, rows);
                    var job = await ImportTests.ImportAsync(client, "/api/v1/imports/members", file);
                    Assert.True(job.GetProperty("state").GetString() == "Committed", $"seed {seed}: {job}");
                    // The same file again changes nothing; then one of its members moves to another cell by file.
                    Assert.Equal(0, (await ImportTests.ImportAsync(client, "/api/v1/imports/members", file)).GetProperty("changed").GetInt32());
                    rows[0]["organizationCode"] = cells[random.Next(cells.Count)].Code;
                    job = await ImportTests.ImportAsync(client, "/api/v1/imports/members", ImportTests.Csv(MemberImportFormat.Columns, rows));
                    Assert.True(job.GetProperty("state").GetString() == "Committed", $"seed {seed}: {job}");
                    break;
            }
        }

        // Every organization on every date: the stored changes equal the recount (other tests' writes included, as they commit together).
        Assert.True((await MismatchesAsync()).Count == 0, $"seed {seed}: {string.Join("; ", await MismatchesAsync())}");
        // And the tree reads the same figures as counting the placements: the province since its founding, the provinces merged
        // into it before.
        var merged = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.SuccessorId == province.Id).ToListAsync());
        Assert.NotEmpty(merged);
        foreach (var (org, on) in merged.Select(o => (o, new DateOnly(2020, 1, 1)))
                     .Append((province, province.FoundedOn)).Append((province, new DateOnly(2025, 8, 19))).Append((province, DateOnly.FromDateTime(DateTime.Today))))
        {
            var view = await (await app.ApiAsAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org.Id}?asOf={on:yyyy-MM-dd}");
            Assert.Equal(await app.WithDbAsync((db, _) => RecountAsync(db, org.Path, on)), view.GetProperty("memberCount").GetInt32());
        }

        // The admissions of each year, where they happened, as the targets read them.
        var targets = await (await app.ApiAsAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={province.Id}&from=2025-01-01&to=2025-12-31");
        Assert.Equal(await app.WithDbAsync((db, sp) => RecountAdmissionsAsync(db, province.Path, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            ReadmissionCountingRule.Counts(sp.GetRequiredService<AdmissionSettings>()))), targets.GetProperty("admitted").GetInt32());
        // The statistics of 31/12/2025 read the same counts; their list of those members reads the records.
        var admin = await app.ApiAsAsync("admin");
        var year = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/statistics?org={province.Id}&date=2025-12-31")).GetProperty("year");
        foreach (var figure in new[] { year.GetProperty("admissions"), year.GetProperty("readmissions") })
        {
            var list = await admin.GetFromJsonAsync<JsonElement>(figure.GetProperty("link").GetString() + "&pageSize=1");
            Assert.True(list.GetProperty("total").GetInt32() == figure.GetProperty("count").GetInt32(), $"seed {seed}: {figure}");
        }

        // A stored change nobody's placement explains: the check names it and fails; the recount rebuilds and passes.
        const int nowhere = int.MaxValue - 17;
        await app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"SubtreeCountChanges\" (\"OrganizationId\", \"Measure\", \"Date\", \"Delta\") VALUES ({0}, 1, {1}, 3)", nowhere, new DateOnly(1931, 2, 3)));
        var output = new StringWriter();
        Assert.Equal(1, await SubtreeCounts.RunAsync(app.Factory.Services, [SubtreeCounts.Verb, "--check"], output));
        Assert.Contains($"Tổ chức {nowhere}, số kết nạp, ngày 03/02/1931: số thay đổi đã lưu 3, đếm lại 0.", output.ToString());
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.SubtreeCountChanges.CountAsync(c => c.OrganizationId == nowhere)));

        output = new StringWriter();
        Assert.Equal(0, await SubtreeCounts.RunAsync(app.Factory.Services, [SubtreeCounts.Verb], output));
        Assert.Contains("Đã dựng lại", output.ToString());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.SubtreeCountChanges.CountAsync(c => c.OrganizationId == nowhere)));
        Assert.Empty(await MismatchesAsync());
        Assert.Equal(2, await SubtreeCounts.RunAsync(app.Factory.Services, [SubtreeCounts.Verb, "--all"], new StringWriter()));
    }
}
