using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Tests;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    public void LunarCalendar_TetFallsOnTheKnownDay(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.NewYear(year));

    [Theory]
    // In UTC+7 the new moon or the solstice falls on an earlier day than in China (UTC+8).
    [InlineData(1985, "1985-01-21")] // China: 20/02/1985
    [InlineData(2007, "2007-02-17")] // China: 18/02/2007
    public void LunarCalendar_UsesVietnameseTimeWhereItDiffersFromTheChineseCalendar(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2021, "2021-04-21")]
    public void LunarCalendar_HungKingsDayIsThe10thOfTheThirdMonth(int year, string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(date, LunarCalendar.ToSolar(year, 3, 10));
        Assert.Equal(new LunarDate(year, 3, 10, false), LunarCalendar.FromSolar(date));
    }

    [Fact]
    public void LunarCalendar_LastDayOfTheYearBeforeTet()
    {
        // 16/02/2026 is the 29th of the twelfth month of Ất Tỵ (the notice of Bộ Nội vụ says so too).
        Assert.Equal(new LunarDate(2025, 12, 29, false), LunarCalendar.FromSolar(new(2026, 2, 16)));
        Assert.Equal("29 tháng Chạp", LunarCalendar.FromSolar(new(2026, 2, 16)).Text());
        Assert.Equal("Bính Ngọ", LunarCalendar.YearName(2026));
        Assert.Equal("Ất Tỵ", LunarCalendar.YearName(2025));
    }

    [Fact]
    public void LunarCalendar_LeapMonthOf2025IsTheSixth()
    {
        // Ất Tỵ 2025 has a leap sixth month: 25/07/2025 is its first day.
        Assert.Equal(new LunarDate(2025, 6, 1, true), LunarCalendar.FromSolar(new(2025, 7, 25)));
        Assert.Equal(new DateOnly(2025, 7, 25), LunarCalendar.ToSolar(2025, 6, 1, leapMonth: true));
    }

    [Fact]
    public void LunarCalendar_Covers1990To2100_EveryDayRoundTrips()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var tet = LunarCalendar.NewYear(year);
            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
            var hungKings = LunarCalendar.ToSolar(year, 3, 10);
            Assert.InRange(hungKings, new DateOnly(year, 3, 25), new DateOnly(year, 5, 10));
        }
        var previous = LunarCalendar.FromSolar(new DateOnly(1990, 1, 1));
        for (var d = new DateOnly(1990, 1, 2); d <= new DateOnly(2100, 12, 31); d = d.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(d);
            if (lunar.Day == 1) Assert.InRange(previous.Day, 29, 30);
            else Assert.Equal(previous.Day + 1, lunar.Day);
            Assert.Equal(d, LunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.LeapMonth));
            previous = lunar;
        }
    }
}
