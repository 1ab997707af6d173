using PartyOrg.Domain.Admission;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;

namespace PartyOrg.Domain.Tests;

public class TargetProgressTests
{
    private static readonly PercentRounding Truncate = new(PercentRoundingMode.Truncate);

    // Long An, figures of the provincial organization commission (seed reports).
    [Theory]
    [InlineData(1514, 1350, "112,15%")]
    [InlineData(1533, 1370, "111,9%")]
    [InlineData(1667, 1550, "107,55%")]
    [InlineData(5866, 6300, "93,11%")]
    [InlineData(5841, 6300, "92,71%")]
    public void Percent_ReproducesTheReportedFigures(int admitted, int target, string printed) =>
        Assert.Equal(printed, VnFormat.Percent(new TargetProgress(target, admitted, PercentRounding.Default).Percent!.Value, PercentRounding.Default));

    [Fact]
    public void PercentRounding_HalfAwayFromZeroByDefault_TruncateReproducesThePress()
    {
        // 1.642/1.550 = 105,935…%: the press printed 105,93 (truncated); the default rounds to 105,94.
        Assert.Equal(105.94m, new TargetProgress(1550, 1642, PercentRounding.Default).Percent);
        Assert.Equal(105.93m, new TargetProgress(1550, 1642, Truncate).Percent);
        Assert.Equal("105,94%", VnFormat.Percent(1642 * 100m / 1550, PercentRounding.Default));
        Assert.Equal("105,93%", VnFormat.Percent(1642 * 100m / 1550, Truncate));
        // Exact figures are the same either way: 2.715/5.000 = 54,3%.
        Assert.Equal(54.3m, new TargetProgress(5000, 2715, Truncate).Percent);
        Assert.Equal(54.3m, new TargetProgress(5000, 2715, PercentRounding.Default).Percent);
        Assert.Equal(0.01m, new TargetProgress(20000, 1, PercentRounding.Default).Percent);
        Assert.Equal(0m, new TargetProgress(20000, 1, Truncate).Percent);
        Assert.Equal(3.5m, AdmissionRateRule.Percent(35, 1000, Truncate));
    }

    [Fact]
    public void PercentRounding_ChangesOnlyFiguresWithMoreThanTwoDecimals()
    {
        Assert.True(PercentRounding.Changes(1642, 1550));
        Assert.False(PercentRounding.Changes(2715, 5000));
        Assert.False(PercentRounding.Changes(1, 0));
        Assert.Equal("làm tròn", PercentRounding.Default.Label);
        Assert.Equal("cắt bớt", Truncate.Label);
        Assert.Contains("Reports:PercentRounding = Truncate", Truncate.Note);
    }

    [Theory]
    [InlineData(null, PercentRoundingMode.HalfAwayFromZero)]
    [InlineData("", PercentRoundingMode.HalfAwayFromZero)]
    [InlineData("HalfAwayFromZero", PercentRoundingMode.HalfAwayFromZero)]
    [InlineData(" truncate ", PercentRoundingMode.Truncate)]
    public void PercentRounding_FromSetting_AcceptsTheTwoNames(string? value, PercentRoundingMode mode) =>
        Assert.Equal(mode, PercentRounding.FromSetting(value).Mode);

    [Theory]
    [InlineData("Round")]
    [InlineData("1")]
    [InlineData("ToEven")]
    public void PercentRounding_FromSetting_RefusesAnythingElseWithTheReason(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PercentRounding.FromSetting(value));
        Assert.Contains("Reports:PercentRounding", refused.Message);
        Assert.Contains("HalfAwayFromZero", refused.Message);
        Assert.Contains("Truncate", refused.Message);
    }

    [Fact]
    public void Percent_WithoutATarget_IsUndefined()
    {
        Assert.Null(new TargetProgress(0, 12, PercentRounding.Default).Percent);
        Assert.Equal(434, new TargetProgress(6300, 5866, PercentRounding.Default).Shortfall);
    }

    [Fact]
    public void TargetWindowRule_TermCountsFromTheDayAfterTheCongress_ElseFromJanuary()
    {
        Assert.Equal((2020, 2025), TargetWindowRule.TermYears("2020-2025"));
        Assert.Null(TargetWindowRule.TermYears("2025"));
        Assert.Null(TargetWindowRule.TermYears("2025-2020"));
        Assert.Equal(new DateOnly(2020, 10, 16), TargetWindowRule.DefaultTermStart(2020, new DateOnly(2020, 10, 15)));
        Assert.Equal(new DateOnly(2020, 1, 1), TargetWindowRule.DefaultTermStart(2020, null));
        Assert.Equal(new DateOnly(2025, 12, 31), TargetWindowRule.DefaultTermEnd(2025));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), TargetWindowRule.Year(2024));
    }

    [Fact]
    public void TargetWindowRule_EachEndNearItsYear_StartBeforeEnd_NoTwoTermsShareADay()
    {
        Assert.Empty(TargetWindowRule.CheckTerm("2020-2025", new(2020, 10, 16), new(2025, 10, 20), "countFrom", "countTo"));
        Assert.Empty(TargetWindowRule.CheckTerm("2020-2025", new(2021, 1, 1), new(2025, 12, 31), "countFrom", "countTo"));

        var early = Assert.Single(TargetWindowRule.CheckTerm("2020-2025", new(2018, 12, 31), new(2025, 12, 31), "countFrom", "countTo"));
        Assert.Equal("countFrom", early.Field);
        Assert.Contains("01/01/2019 – 31/12/2021", early.Message);
        var fromDocument = Assert.Single(TargetWindowRule.CheckTerm("2025-2030", new(2019, 5, 2), new(2030, 12, 31), "documentDate", "countTo"));
        Assert.Equal("documentDate", fromDocument.Field);
        Assert.StartsWith("Ngày văn bản:", fromDocument.Message);
        var late = Assert.Single(TargetWindowRule.CheckTerm("2020-2025", new(2020, 10, 16), new(2027, 1, 1), "countFrom", "countTo"));
        Assert.Equal("countTo", late.Field);
        Assert.Contains(TargetWindowRule.CheckTerm("2020-2021", new(2021, 6, 1), new(2021, 5, 31), "countFrom", "countTo"),
            e => e.Field == "countTo" && e.Message.Contains("phải sau ngày bắt đầu tính 01/06/2021"));
        Assert.Equal("term", Assert.Single(TargetWindowRule.CheckTerm("2020", new(2020, 1, 1), new(2020, 12, 31), "countFrom", "countTo")).Field);

        Assert.True(TargetWindowRule.Overlap(new(2020, 10, 16), new(2025, 12, 31), new(2025, 10, 20), new(2030, 12, 31)));
        Assert.False(TargetWindowRule.Overlap(new(2020, 10, 16), new(2025, 10, 19), new(2025, 10, 20), new(2030, 12, 31)));
    }

    [Fact]
    public void ReadmissionCountingRule_CountsTheReadmissionOnItsOwnDate_AsTheSettingSays()
    {
        var on = AdmissionSettings.Default;
        var off = new AdmissionSettings { ReadmissionsCountAsAdmissions = false };
        var (first, readmitted) = (new DateOnly(2001, 5, 1), new DateOnly(2024, 3, 1));

        Assert.True(ReadmissionCountingRule.Counts(on));
        Assert.Equal(1, ReadmissionCountingRule.AdmissionsIn(first, readmitted, new(2024, 1, 1), new(2024, 12, 31), on));
        Assert.Equal(0, ReadmissionCountingRule.AdmissionsIn(first, readmitted, new(2024, 1, 1), new(2024, 12, 31), off));
        // The first admission still counts in its own year, whatever the setting.
        Assert.Equal(1, ReadmissionCountingRule.AdmissionsIn(first, readmitted, new(2001, 1, 1), new(2001, 12, 31), off));
        Assert.Equal(2, ReadmissionCountingRule.AdmissionsIn(first, readmitted, new(2000, 1, 1), new(2025, 12, 31), on));
        Assert.Equal(0, ReadmissionCountingRule.AdmissionsIn(first, null, new(2024, 1, 1), new(2024, 12, 31), on));
        Assert.Contains("Admission:ReadmissionsCountAsAdmissions = true", ReadmissionCountingRule.Note(on, 3));
        Assert.StartsWith("Không tính 3 lượt kết nạp lại", ReadmissionCountingRule.Note(off, 3));
    }
}
