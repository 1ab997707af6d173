using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>Long An's admissions of the 2020–2025 term reproduce the percentages the provincial commission reported.</summary>
public class TargetProgressTests(WebAppFixture app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static int? province;

    [Theory]
    [InlineData(2021, 1350, 1514, 112.15, "112,15%")]
    [InlineData(2022, 1370, 1533, 111.9, "111,9%")]
    [InlineData(2023, 1550, 1667, 107.55, "107,55%")]
    public async Task YearProgress_ReproducesTheReportedFigures(int year, int target, int admitted, double percent, string printed)
    {
        var org = await ReportedProvinceAsync();
        var client = await app.ApiAsAsync("admin");

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&year={year}");

        Assert.Equal(target, progress.GetProperty("target").GetInt32());
        Assert.Equal(admitted, progress.GetProperty("admitted").GetInt32());
        Assert.Equal((decimal)percent, progress.GetProperty("percent").GetDecimal());
        Assert.Equal(printed, VnFormat.Percent(progress.GetProperty("percent").GetDecimal(), PercentRounding.Default));
    }

    [Fact]
    public async Task TermProgress_ToMidDecember2023_Reads93_11()
    {
        var org = await ReportedProvinceAsync();
        var client = await app.ApiAsAsync("admin");

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={org}&term=2020-2025&asOf=2023-12-15");

        Assert.Equal(6300, progress.GetProperty("target").GetInt32());
        Assert.Equal(5866, progress.GetProperty("admitted").GetInt32());
        Assert.Equal("93,11%", VnFormat.Percent(progress.GetProperty("percent").GetDecimal(), PercentRounding.Default));
    }

    [Fact]
    public async Task Progress_RollsUpTheSubtreeAndComparesChildrenTargets()
    {
        var client = await app.ApiAsAsync("tochuc");
        var root = (await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root")).GetProperty("id").GetInt32();
        var year = DateTime.Today.Year;

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/targets/progress?org={root}&year={year}");
        // Readmissions of the year count too (ReadmissionCountingRule, on by default); other tests may readmit someone this year.
        var admitted = await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.AdmittedOn.Year == year && m.OrgPath.StartsWith($"/{root}/")))
            + await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.ReadmittedOn != null && m.ReadmittedOn.Value.Year == year && m.OrgPath.StartsWith($"/{root}/")));

        Assert.Equal(admitted, progress.GetProperty("admitted").GetInt32());
        Assert.True(progress.GetProperty("target").GetInt32() > 0);
        // The province's demo target is the sum of what it allocated to its communes and blocks.
        Assert.Equal(progress.GetProperty("target").GetInt32(), progress.GetProperty("childrenTarget").GetInt32());
    }

    [Fact]
    public async Task Progress_OutsideTheScopeOrWithoutPeriod_IsRefused()
    {
        var client = await app.ApiAsAsync("bithu");
        var org = await ReportedProvinceAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/targets/progress?org={org}&year=2021")).StatusCode);
        var both = await client.GetAsync($"/api/v1/targets/progress?org={org}");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("phải chọn đúng một", await both.Content.ReadAsStringAsync());
    }

    /// <summary>A province holding exactly the reported admissions: 1.152 after the congress in 2020, then each year's figure.</summary>
    private async Task<int> ReportedProvinceAsync()
    {
        await Once.WaitAsync();
        try
        {
            return province ??= await app.WithDbAsync(async (db, _) =>
            {
                var org = new Organization { Code = "LA-BC", Name = "Đảng bộ tỉnh Long An (số liệu báo cáo)", Type = OrganizationType.Provincial, Field = OrganizationField.General, FoundedOn = new(1976, 1, 1) };
                db.Organizations.Add(org);
                await db.SaveChangesAsync();
                org.Path = $"/{org.Id}/";
                var cell = new Organization { Code = "LA-BC.01", Name = "Chi bộ tổng hợp", Type = OrganizationType.BaseCell, Field = OrganizationField.Residential, FoundedOn = new(1976, 1, 1), ParentId = org.Id, Depth = 1 };
                db.Organizations.Add(cell);
                await db.SaveChangesAsync();
                cell.Path = $"{org.Path}{cell.Id}/";
                db.AdmissionTargets.AddRange(
                    Target(org.Id, 2021, 1350), Target(org.Id, 2022, 1370), Target(org.Id, 2023, 1550),
                    new AdmissionTarget { OrganizationId = org.Id, Term = "2020-2025", PeriodStart = new(2020, 10, 1), PeriodEnd = new(2025, 9, 30), Count = 6300, Source = TargetSource.Allocated, Document = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI" });
                var serial = 0;
                foreach (var (first, last, count) in new[] { (new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31), 1152), (new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 1514),
                             (new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 1533), (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 15), 1667) })
                {
                    var days = last.DayNumber - first.DayNumber + 1;
                    var batch = Enumerable.Range(0, count).Select(i => Admitted(cell, DateOnly.FromDayNumber(first.DayNumber + i % days), ++serial)).ToList();
                    db.Members.AddRange(batch);
                    await db.SaveChangesAsync();
                    db.MemberPlacements.AddRange(batch.Select(m => new MemberPlacement { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = m.AdmittedOn }));
                    await db.SaveChangesAsync();
                }
                return org.Id;
            });
        }
        finally
        {
            Once.Release();
        }
    }

    private static AdmissionTarget Target(int org, int year, int count) =>
        new() { OrganizationId = org, Year = year, PeriodStart = new(year, 1, 1), PeriodEnd = new(year, 12, 31), Count = count, Source = TargetSource.Allocated, Document = "Nghị quyết Tỉnh ủy" };

    private static Member Admitted(Organization cell, DateOnly admittedOn, int serial)
    {
        var name = "Nguyễn Văn Kết Nạp";
        var birth = new DateOnly(1995, 1, 1);
        return new Member
        {
            FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
            Gender = Gender.Male, DateOfBirth = birth, EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
            CitizenId = $"001095{900000 + serial:000000}", AdmittedOn = admittedOn, OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Probationary,
        };
    }
}
