using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>The annual report's cadre section, read back from the .docx and the .xlsx against the holdings counted in the database.</summary>
public class CadreReportTests(WebAppFixture app)
{
    [Fact]
    public async Task AnnualReport_PrintsTheCadreSection_HoldersVacanciesAndYoungLeadersByLevel_FromTheRecords()
    {
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var expected = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var posts = await db.Posts.Where(p => p.OrgPath.StartsWith(path) && p.FromDate <= today && (p.ToDate == null || p.ToDate > today))
                .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, p.Seats, o.Type }).ToListAsync();
            var ids = posts.Select(p => p.Id).ToList();
            var holders = await db.PostHoldings.Where(h => ids.Contains(h.PostId) && h.FromDate <= today && (h.ToDate == null || h.ToDate > today)).ToListAsync();
            var people = await db.Members.Where(m => holders.Select(h => h.MemberId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DateOfBirth);
            (int Young, int All) Level(PartyOrg.Domain.Organizations.OrganizationType type)
            {
                var ofLevel = holders.Where(h => h.MemberId != null && posts.Single(p => p.Id == h.PostId).Type == type).Select(h => h.MemberId!.Value).Distinct().ToList();
                return (ofLevel.Count(id => AgeBandRule.Age(people[id], today) < 40), ofLevel.Count);
            }
            return (Posts: posts.Count, Seats: posts.Sum(p => p.Seats), Held: holders.Count,
                Province: Level(PartyOrg.Domain.Organizations.OrganizationType.Provincial), Commune: Level(PartyOrg.Domain.Organizations.OrganizationType.Commune));
        });
        var rounding = PercentRounding.Default;
        string Share((int Young, int All) l) => $"{VnFormat.Percent(rounding.Percent(l.Young, l.All)!.Value, rounding)} ({VnFormat.Number(l.Young)}/{VnFormat.Number(l.All)})";

        var client = await app.ApiAsAsync("tochuc");
        var (paragraphs, _, _) = ExportTests.ReadDocx(await client.GetByteArrayAsync($"/api/v1/reports/annual?org={province}&year={today.Year}&format=docx"));
        Assert.Contains("V. CÔNG TÁC CÁN BỘ", paragraphs);
        Assert.Contains($"Đến ngày {VnFormat.Date(today)}: {expected.Posts} chức danh lãnh đạo, quản lý với {expected.Seats} vị trí; {expected.Held} vị trí có người giữ, {expected.Seats - expected.Held} vị trí còn trống.", paragraphs);
        Assert.Contains($"Cán bộ lãnh đạo, quản lý trẻ dưới 40 tuổi: cấp tỉnh {Share(expected.Province)}; cấp xã {Share(expected.Commune)}.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Lấy phiếu tín nhiệm ", StringComparison.Ordinal) && p.Contains("Quy định 96-QĐ/TW"));

        var sheet = ExportTests.ReadWorkbook(await client.GetByteArrayAsync($"/api/v1/reports/annual?org={province}&year={today.Year}&format=xlsx")).Single(s => s.Name == "Công tác cán bộ");
        Assert.Equal("Vị trí có người giữ", sheet.Text("A6"));
        Assert.Equal(expected.Held, sheet.Number("B6"));

        // A cell secretary's report has no cadre section.
        var secretary = await app.ApiAsAsync("bithu");
        var response = await secretary.GetAsync($"/api/v1/reports/annual?year={today.Year}&format=docx");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var own = ExportTests.ReadDocx(await response.Content.ReadAsByteArrayAsync()).Paragraphs;
        Assert.Contains("IV. CÔNG TÁC KỶ LUẬT ĐẢNG", own);
        Assert.DoesNotContain("V. CÔNG TÁC CÁN BỘ", own);
    }
}
