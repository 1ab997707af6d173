using PartyOrg.Domain.Members;
using PartyOrg.Domain.Statistics;

namespace PartyOrg.Domain.Tests;

public class StatisticBandTests
{
    private static readonly DateOnly On = new(2024, 12, 31);

    [Theory]
    [InlineData("1994-12-31", 0)] // 30 on the day itself
    [InlineData("1994-12-30", 0)] // 30 since yesterday
    [InlineData("1993-12-31", 1)] // 31 on the day: 31–40
    [InlineData("1984-01-01", 1)] // 40
    [InlineData("1983-12-31", 2)] // 41 on the day
    [InlineData("1973-12-31", 3)] // 51 on the day
    [InlineData("1964-01-01", 3)] // 60
    [InlineData("1963-12-31", 4)] // 61 on the day: over 60
    public void AgeBandRule_BandEdges_FullYearsOnTheDate(string born, int band) =>
        Assert.Equal(band, AgeBandRule.Of(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), On));

    [Fact]
    public void AgeBandRule_AgreesWithTheFullMonthsAgeOfTheAdmissionRules_EveryDayOfFourYears()
    {
        // Born on each day of 1992–1995 (a leap year included), counted on each day of a few dates around the edges.
        foreach (var on in new DateOnly[] { new(2024, 2, 28), new(2024, 2, 29), new(2025, 2, 28), new(2025, 3, 1), On })
            for (var born = new DateOnly(1992, 1, 1); born < new DateOnly(1996, 1, 1); born = born.AddDays(1))
            {
                var years = AdmissionAgeRule.AgeInFullMonths(born, on) / 12;
                Assert.Equal(years, AgeBandRule.Age(born, on));
                Assert.Equal(years <= 30 ? 0 : years <= 40 ? 1 : 2, AgeBandRule.Of(born, on));
                Assert.Equal(years < 40, born > AgeBandRule.Under40BornAfter(on));
            }
    }

    [Theory]
    [InlineData("2014-12-31", true, 1)]  // 10 years on the day
    [InlineData("2015-01-01", true, 0)]  // 9 years and 364 days
    [InlineData("1984-12-31", true, 4)]  // 40 years
    [InlineData("1985-01-01", true, 3)]
    [InlineData("2024-01-01", false, 5)] // probationary: no party age yet
    public void PartyAgeBandRule_BandEdges(string admitted, bool official, int band) =>
        Assert.Equal(band, PartyAgeBandRule.Of(DateOnly.Parse(admitted, System.Globalization.CultureInfo.InvariantCulture), official, On));
}
