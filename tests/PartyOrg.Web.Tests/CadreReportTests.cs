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

        // The year's cases and training, counted from the records.
        var (cases, sent) = await app.WithDbAsync(async (db, _) =>
        {
            var path = (await db.Organizations.SingleAsync(o => o.Id == province)).Path;
            var from = new DateOnly(today.Year, 1, 1);
            return (await db.AppointmentCases.CountAsync(c => c.ManagingPath.StartsWith(path) && c.State == PartyOrg.Domain.Cadres.CadreActState.Decided && c.DecidedOn >= from && c.DecidedOn <= today),
                await db.TrainingEnrolments.Where(e => e.OrgPath.StartsWith(path)).Join(db.TrainingCourses.Where(c => c.FromDate >= from && c.FromDate <= today), e => e.CourseId, c => c.Id, (e, c) => e).CountAsync());
        });
        Assert.True(cases > 0 && sent > 0);
        Assert.Contains(paragraphs, p => p.StartsWith($"Bổ nhiệm, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm: {VnFormat.Number(cases)} lượt cán bộ (", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith($"Cử {VnFormat.Number(sent)} lượt đồng chí đi đào tạo, bồi dưỡng: ", StringComparison.Ordinal));

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

    /// <summary>The seeds' sentences rebuilt from hand-counted figures: 4/22 = 18,18%, 3/22 = 13,64%, 55/106 = 51,89%; the cases and training counts as printed.</summary>
    [Fact]
    public void TheSeedsFigures_RebuiltFromAFixture()
    {
        var from = new DateOnly(2024, 1, 1);
        var to = new DateOnly(2024, 12, 31);
        var cases = new PartyOrg.Web.Features.Cadres.CaseFigures(from, to, 40, [new("Bổ nhiệm", 25), new("Điều động", 9), new("Giới thiệu ứng cử", 6)],
            [new("Diện Ban Thường vụ Tỉnh ủy quản lý", 40)]);
        var training = new PartyOrg.Web.Features.Cadres.TrainingFigures(from, to, 756, 700, 6,
            [new("Trung cấp lý luận chính trị", 488), new("Cao cấp lý luận chính trị", 179), new("Quản lý nhà nước ngạch chuyên viên chính", 60),
                new("Quản lý nhà nước ngạch chuyên viên cao cấp", 7), new("Kiến thức quốc phòng và an ninh đối tượng 2", 16), new("Bồi dưỡng cập nhật kiến thức theo chức danh", 6)]);
        var report = new PartyOrg.Web.Features.Cadres.ReportCadres(to, 150, 160, 158,
            [new("cấp tỉnh", 22, 4), new("cấp huyện", 22, 3), new("cấp xã", 106, 55)], 32, 5, 1, 22, 0, cases, training,
            [new("cấp tỉnh", 1, 0, 0), new("cấp huyện", 15, 15, 0), new("cấp xã", 96, 40, 2)]);
        var sentences = report.Sentences(PercentRounding.Default);
        Assert.Contains("Cán bộ lãnh đạo, quản lý trẻ dưới 40 tuổi: cấp tỉnh 18,18% (4/22); cấp huyện 13,64% (3/22); cấp xã 51,89% (55/106).", sentences);
        Assert.Contains("Bí thư cấp ủy không là người địa phương: cấp tỉnh 0/1; cấp huyện 15/15; cấp xã 40/96 (chưa rõ quê quán 2).", sentences);
        Assert.Contains("Quy hoạch cán bộ: bổ sung 32 lượt, đưa ra khỏi quy hoạch 5 lượt trong kỳ.", sentences);
        Assert.Contains(sentences, s => s.EndsWith("chưa có trường hợp cán bộ tín nhiệm thấp thuộc diện phải điều chỉnh.", StringComparison.Ordinal));
        Assert.Contains("Bổ nhiệm, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm: 40 lượt cán bộ (bổ nhiệm 25; điều động 9; giới thiệu ứng cử 6); 40 lượt thuộc diện Ban Thường vụ Tỉnh ủy quản lý.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("Cử 756 lượt đồng chí đi đào tạo, bồi dưỡng: trung cấp lý luận chính trị 488; cao cấp lý luận chính trị 179; quản lý nhà nước ngạch chuyên viên chính 60", StringComparison.Ordinal)
            && s.Contains("; ở nước ngoài 6; đã hoàn thành 700."));
    }
}
