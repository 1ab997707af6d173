using PartyOrg.Domain.Admission;
using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Tests;

public class TargetProgressTests
{
    // Long An, figures of the provincial organization commission (seed reports).
    [Theory]
    [InlineData(1514, 1350, "112,15%")]
    [InlineData(1533, 1370, "111,9%")]
    [InlineData(1667, 1550, "107,55%")]
    [InlineData(5866, 6300, "93,11%")]
    [InlineData(5841, 6300, "92,71%")]
    public void Percent_ReproducesTheReportedFigures(int admitted, int target, string printed) =>
        Assert.Equal(printed, VnFormat.Percent(new TargetProgress(target, admitted).Percent!.Value));

    [Fact]
    public void Percent_RoundsHalfAwayFromZeroToTwoDecimals()
    {
        // 1.642/1.550 = 105,935…%: the press printed 105,93 (truncated); the system rounds.
        Assert.Equal(105.94m, new TargetProgress(1550, 1642).Percent);
        Assert.Equal(0.01m, new TargetProgress(20000, 1).Percent);
    }

    [Fact]
    public void Percent_WithoutATarget_IsUndefined()
    {
        Assert.Null(new TargetProgress(0, 12).Percent);
        Assert.Equal(434, new TargetProgress(6300, 5866).Shortfall);
    }
}
