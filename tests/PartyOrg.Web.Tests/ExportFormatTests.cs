using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Features.Imports;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Files in the import formats, as the exports write them and as a test reads them back: header and rows as text. The
/// round-trip test (export → import into an empty database) reuses these.
/// </summary>
public static class ExportFormatFiles
{
    public const string CellNameHeader = "Tên chi bộ";
    public const string StatusHeader = "Trạng thái";

    /// <summary>The headers of the member export: the import format's, then the two read-only columns.</summary>
    public static IReadOnlyList<string> MemberHeaders =>
        [.. MemberImportFormat.Columns.Select(c => c.Header + (c.Required ? " (*)" : "")), CellNameHeader, StatusHeader];

    public static IReadOnlyList<string> OrganizationHeaders =>
        [.. OrganizationImportFormat.Columns.Select(c => c.Header + (c.Required ? " (*)" : ""))];

    /// <summary>A file read back: its header and its rows, every cell as text ("" when empty).</summary>
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A CSV export (UTF-8 with BOM), read with the domain's RFC 4180 reader.</summary>
    public static Table ReadCsv(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        return new(lines[0], [.. lines.Skip(1).Select(l => (IReadOnlyList<string>)l)]);
    }

    /// <summary>An .xlsx export: its only sheet's header on row 4 and the rows under it; nothing may follow them (no totals, no notes).</summary>
    public static Table ReadXlsx(byte[] bytes, int columns)
    {
        var sheet = ExportTests.ReadWorkbook(bytes).Single();
        var header = Enumerable.Range(1, columns).Select(c => sheet.Text($"{Column(c)}4")).ToList();
        var rows = new List<IReadOnlyList<string>>();
        for (var row = 5; Enumerable.Range(1, columns).Any(c => sheet.Cells.ContainsKey($"{Column(c)}{row}")); row++)
            rows.Add([.. Enumerable.Range(1, columns).Select(c => sheet.Text($"{Column(c)}{row}"))]);
        var last = sheet.Cells.Keys.Max(k => int.Parse(new string(k.SkipWhile(char.IsLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4 + rows.Count, last);
        return new(header, rows);
    }

    public static string Column(int index) => index <= 26 ? ((char)('A' + index - 1)).ToString() : Column((index - 1) / 26) + (char)('A' + (index - 1) % 26);

    private static List<string> Texts(object?[] values) => [.. values.Select(v => v?.ToString() ?? "")];

    /// <summary>
    /// The paths of an organization's subtree and of the ended organizations merged into it (recursively): what the export of
    /// a user's own root covers.
    /// </summary>
    public static Task<List<string>> RootWithPredecessorsAsync(WebAppFixture app, int rootId) => app.WithDbAsync(async (db, _) =>
    {
        var all = await db.Organizations.AsNoTracking().ToListAsync();
        var ids = new HashSet<int> { rootId };
        for (var grew = true; grew;)
            grew = all.Where(o => o.SuccessorId is { } s && ids.Contains(s)).Select(o => ids.Add(o.Id)).ToList().Any(added => added);
        return all.Where(o => ids.Contains(o.Id)).Select(o => o.Path).ToList();
    });

    /// <summary>
    /// The members (active ones unless <paramref name="allStatuses"/>) under the paths, each formatted by the member format from
    /// the database records, keyed by CCCD: the cell's code, and the earlier column from the first placement (by date).
    /// </summary>
    public static Task<Dictionary<string, List<string>>> ExpectedMemberRowsAsync(WebAppFixture app, IReadOnlyList<string> paths, bool allStatuses = false) =>
        app.WithDbAsync(async (db, _) =>
        {
            var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
            var members = (await db.Members.AsNoTracking().ToListAsync())
                .Where(m => paths.Any(p => m.OrgPath.StartsWith(p, StringComparison.Ordinal)))
                .Where(m => allStatuses || m.Status is MemberStatus.Probationary or MemberStatus.Official).ToList();
            var first = (await db.MemberPlacements.AsNoTracking().ToListAsync())
                .GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.FromDate).ThenBy(p => p.Id).First());
            return members.ToDictionary(m => m.CitizenId, m =>
            {
                var cell = organizations[m.OrganizationId];
                var start = first.TryGetValue(m.Id, out var p) ? organizations[p.OrganizationId] : null;
                var earlier = start is { EndedOn: not null } && start.Id != cell.Id ? start.Code : null;
                return Texts([.. MemberImportFormat.Row(m, cell.Code, earlier), cell.Name, m.Status.Label()]);
            });
        });

    /// <summary>The organizations under the paths formatted by the organization format, keyed by code (every successor in view).</summary>
    public static Task<Dictionary<string, (int Depth, List<string> Row)>> ExpectedOrganizationRowsAsync(WebAppFixture app, IReadOnlyList<string> paths) =>
        app.WithDbAsync(async (db, _) =>
        {
            var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
            string? Code(int? id) => id is { } i ? organizations[i].Code : null;
            return organizations.Values.Where(o => paths.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal)))
                .ToDictionary(o => o.Code, o => (o.Depth, Texts(OrganizationImportFormat.Row(o, Code(o.ParentId), Code(o.SuccessorId)))));
        });
}

/// <summary>The exports in the import formats: headers, every row equal to the record formatted by the format, order, scope.</summary>
public class ExportFormatTests(WebAppFixture app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static int Index(string header) => ExportFormatFiles.MemberHeaders.ToList().IndexOf(header);

    private static int MemberColumn(string key) =>
        MemberImportFormat.Columns.Select((c, i) => (c, i)).Single(x => x.c.Key == key).i;

    [Fact]
    public async Task MembersExport_OfTheDemoProvince_IsTheImportFormat_EveryRowTheRecordFormatted_InTheListsOrder()
    {
        var client = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);

        var csv = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(client, "/api/v1/exports/members?format=csv", "text/csv"));
        var xlsxBytes = await ExportFormatFiles.DownloadAsync(client, "/api/v1/exports/members?format=xlsx", Xlsx);
        var xlsx = ExportFormatFiles.ReadXlsx(xlsxBytes, ExportFormatFiles.MemberHeaders.Count);

        Assert.Equal(ExportFormatFiles.MemberHeaders, csv.Header);
        Assert.Equal(ExportFormatFiles.MemberHeaders, xlsx.Header);
        var expected = await ExportFormatFiles.ExpectedMemberRowsAsync(app, await ExportFormatFiles.RootWithPredecessorsAsync(app, province));
        Assert.True(expected.Count > 5000, "the demo province has its members");
        Assert.Equal(expected.Count, csv.Rows.Count);
        foreach (var row in csv.Rows) Assert.Equal(expected[row[0]], row);
        Assert.Equal(csv.Rows, xlsx.Rows);
        var earlier = MemberColumn("earlierOrganizationCode");
        Assert.Contains(csv.Rows, r => r[earlier].Length > 0);
        Assert.Contains(csv.Rows, r => r[earlier].Length == 0);

        // The list's order (name): the page's first 100 rows are the file's first 100.
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var cccds = await app.WithDbAsync((db, _) => db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.CitizenId));
        Assert.Equal(ids.Select(id => cccds[id]), csv.Rows.Take(ids.Count).Select(r => r[0]));

        // The heading stays on rows 1–3, as every export.
        var sheet = ExportTests.ReadWorkbook(xlsxBytes).Single();
        Assert.Equal("Danh sách đảng viên", sheet.Name);
        Assert.StartsWith("ĐẢNG BỘ", sheet.Text("A1"));
        Assert.StartsWith("DANH SÁCH ĐẢNG VIÊN", sheet.Text("A2"));
        Assert.StartsWith("Ngày ", sheet.Text("A3"));
        Assert.Equal("A5", sheet.FrozenAt);
    }

    [Fact]
    public async Task MembersExport_AMemberFirstPlacedInAnEndedCell_HasThatCellsCodeInTheEarlierColumn()
    {
        var client = await app.ApiAsAsync("tochuc");
        var (cccd, oldCode, cellCode) = await app.WithDbAsync(async (db, _) =>
        {
            var rows = await (from m in db.Members
                              where m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary
                              join p in db.MemberPlacements on m.Id equals p.MemberId
                              join o in db.Organizations on p.OrganizationId equals o.Id
                              join c in db.Organizations on m.OrganizationId equals c.Id
                              select new { m.Id, m.CitizenId, p.FromDate, PlacementId = p.Id, o.Code, o.EndedOn, CellCode = c.Code, Cell = c.Id, Org = o.Id }).ToListAsync();
            var firsts = rows.GroupBy(r => r.Id).Select(g => g.OrderBy(r => r.FromDate).ThenBy(r => r.PlacementId).First());
            var chosen = firsts.First(r => r.EndedOn is not null && r.Org != r.Cell);
            return (chosen.CitizenId, chosen.Code, chosen.CellCode);
        });

        var csv = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(client, $"/api/v1/exports/members?q={cccd}&format=csv", "text/csv"));

        var row = Assert.Single(csv.Rows);
        Assert.Equal(cccd, row[MemberColumn("citizenId")]);
        Assert.Equal(oldCode, row[MemberColumn("earlierOrganizationCode")]);
        Assert.Equal(cellCode, row[MemberColumn("organizationCode")]);
        Assert.NotEqual(oldCode, cellCode);
    }

    [Fact]
    public async Task MembersExport_KeepsTheListsFilters_AndTheSecretarysCell()
    {
        var tochuc = await app.ApiAsAsync("tochuc");
        var total = (await tochuc.GetFromJsonAsync<JsonElement>("/api/v1/members?gender=Female&ageFrom=40&ageTo=60&status=all&pageSize=1")).GetProperty("total").GetInt32();
        var women = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(tochuc, "/api/v1/exports/members?gender=Female&ageFrom=40&ageTo=60&status=all&format=csv", "text/csv"));
        Assert.True(total > 0);
        Assert.Equal(total, women.Rows.Count);
        Assert.All(women.Rows, r => Assert.Equal(Gender.Female.Label(), r[MemberColumn("gender")]));

        var secretary = await app.ApiAsAsync("bithu");
        var own = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == DemoCodes.SecretaryCell));
        var rows = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(secretary, "/api/v1/exports/members?format=csv", "text/csv")).Rows;
        var expected = await ExportFormatFiles.ExpectedMemberRowsAsync(app, [own.Path]);
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(expected[r[0]], r));
        Assert.All(rows, r => Assert.Equal(own.Name, r[Index(ExportFormatFiles.CellNameHeader)]));
    }

    [Fact]
    public async Task OrganizationsExport_OfTheRoot_ListsParentsFirst_WithTheMergedProvincesAndEndedOnesWithSuccessors()
    {
        var client = await app.ApiAsAsync("tochuc");
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var events = await app.WithDbAsync((db, _) => db.AccountEvents.CountAsync(e => e.UserName == "tochuc" && e.Kind == "Exported"));

        var csv = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(client, "/api/v1/exports/organizations?format=csv", "text/csv"));
        var xlsx = ExportFormatFiles.ReadXlsx(await ExportFormatFiles.DownloadAsync(client, $"/api/v1/exports/organizations?org={province}", Xlsx), ExportFormatFiles.OrganizationHeaders.Count);

        Assert.Equal(ExportFormatFiles.OrganizationHeaders, csv.Header);
        Assert.Equal(ExportFormatFiles.OrganizationHeaders, xlsx.Header);
        Assert.Equal(csv.Rows, xlsx.Rows);
        var expected = await ExportFormatFiles.ExpectedOrganizationRowsAsync(app, await ExportFormatFiles.RootWithPredecessorsAsync(app, province));
        Assert.Equal(expected.Count, csv.Rows.Count);
        foreach (var row in csv.Rows) Assert.Equal(expected[row[0]].Row, row);

        // Parents before children: depth never decreases, and every parent named is on an earlier row.
        var depths = csv.Rows.Select(r => expected[r[0]].Depth).ToList();
        Assert.Equal(depths.Order(), depths);
        var parent = OrganizationImportFormat.Columns.ToList().FindIndex(c => c.Key == "parentCode");
        var seen = new HashSet<string>();
        foreach (var row in csv.Rows)
        {
            Assert.True(row[parent].Length == 0 || seen.Contains(row[parent]), $"{row[0]}: its parent {row[parent]} comes after it");
            seen.Add(row[0]);
        }
        // Ended ones are there, the merged provinces with today's province as successor.
        var successor = OrganizationImportFormat.Columns.ToList().FindIndex(c => c.Key == "successorCode");
        var ended = OrganizationImportFormat.Columns.ToList().FindIndex(c => c.Key == "endedOn");
        var longAn = Assert.Single(csv.Rows, r => r[0] == DemoCodes.OldLongAn);
        Assert.Equal(DemoCodes.Province, longAn[successor]);
        Assert.NotEqual("", longAn[ended]);
        Assert.Contains(csv.Rows, r => r[ended].Length > 0 && r[successor].Length > 0 && r[0] != DemoCodes.OldLongAn);
        Assert.Equal(events + 2, await app.WithDbAsync((db, _) => db.AccountEvents.CountAsync(e => e.UserName == "tochuc" && e.Kind == "Exported")));
    }

    [Fact]
    public async Task Exports_OfTheWholeProvince_ReadTheRowsWithOneQuery_NotOnePerRow()
    {
        var client = await app.ApiAsAsync("tochuc");
        foreach (var url in new[] { "/api/v1/exports/members?format=csv&status=all", "/api/v1/exports/organizations?format=csv" })
        {
            var (commands, _, response) = await SqlCommands.CountAsync(() => client.GetAsync(url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var rows = ExportFormatFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync()).Rows.Count;
            Assert.True(rows > 500, $"{url}: {rows} rows");
            // Session and scope checks, the organization, the audit entry, and the rows: a handful whatever the rows.
            Assert.True(commands <= 12, $"{url}: {commands} SQL commands for {rows} rows");
        }
    }

    [Fact]
    public void MembersXlsx_OfMoreRowsThanASheetHolds_IsRefused_NamingTheFormatAndTheCsv()
    {
        Assert.Equal(1_048_572, PartyOrg.Web.Features.Shared.Exports.FormatExports.MaxXlsxRows);
        Assert.Null(PartyOrg.Web.Features.Shared.Exports.FormatExports.XlsxTooLong(1_048_572));
        var error = PartyOrg.Web.Features.Shared.Exports.FormatExports.XlsxTooLong(5_600_000);
        Assert.NotNull(error);
        Assert.Equal("format", error.Field);
        Assert.Contains("tối đa 1.048.572 dòng, danh sách này có 5.600.000 dòng", error.Message);
        Assert.Contains("format=csv", error.Message);
    }

    [Fact]
    public async Task OrganizationsExport_KeepsToTheScope()
    {
        var commune = await app.WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Code == "80.27694"));
        var viewer = await app.ApiAsAsync("xem-phuong");
        var rows = ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(viewer, "/api/v1/exports/organizations?format=csv", "text/csv")).Rows;
        var expected = await ExportFormatFiles.ExpectedOrganizationRowsAsync(app, await ExportFormatFiles.RootWithPredecessorsAsync(app, commune.Id));
        Assert.Equal(expected.Keys.Order(), rows.Select(r => r[0]).Order());
        Assert.Equal(commune.Code, rows[0][0]);
        Assert.True(rows.Count > 1, "the commune has cells");

        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var foreign = await app.OrganizationIdAsync(DemoCodes.ForeignCell);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/exports/organizations?org={province}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/exports/organizations?org={foreign}")).StatusCode);

        // A cell secretary: their cell alone; nothing above it.
        var secretary = await app.ApiAsAsync("bithu");
        var own = Assert.Single(ExportFormatFiles.ReadCsv(await ExportFormatFiles.DownloadAsync(secretary, "/api/v1/exports/organizations?format=csv", "text/csv")).Rows);
        Assert.Equal(DemoCodes.SecretaryCell, own[0]);
        var parent = await app.WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == DemoCodes.SecretaryCell).Select(o => o.ParentId!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/exports/organizations?org={parent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/exports/organizations?org={province}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync("dangvien")).GetAsync("/api/v1/exports/organizations")).StatusCode);

        var bad = await secretary.GetAsync("/api/v1/exports/organizations?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));
    }
}
