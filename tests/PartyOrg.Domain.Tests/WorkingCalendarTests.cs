using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;

namespace PartyOrg.Domain.Tests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Shipped = new(GovernmentNotices.Shipped);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    [Fact]
    public void PublicHolidayRule_2026StatutoryDays()
    {
        var days = PublicHolidayRule.For(2026).Select(h => h.Date).ToList();
        Assert.Equal(
            [D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),
             D(2026, 4, 26), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 1), D(2026, 9, 2)], days);
        var compensatory = Assert.Single(PublicHolidayRule.For(2026), h => h.Placement == HolidayPlacement.Compensatory);
        Assert.Equal(D(2026, 4, 27), compensatory.Date);
        Assert.Contains("Giỗ Tổ Hùng Vương", compensatory.Name);
        Assert.All(PublicHolidayRule.For(2026), h => Assert.Equal("Bộ luật Lao động 2019, Điều 112", h.Law.Title));
        Assert.Equal("Tết Âm lịch Bính Ngọ (29 tháng Chạp)", PublicHolidayRule.For(2026).Single(h => h.Date == D(2026, 2, 16)).Name);
    }

    [Fact]
    public void PublicHolidayRule_Tet2027OnASaturdayGivesTheNextWorkingDaysOff()
    {
        // Tết Đinh Mùi is Saturday 06/02/2027: by the convention 05/02–09/02, and the Saturday and Sunday give 10/02 and 11/02 (Art. 111.3).
        var year = PublicHolidayRule.For(2027);
        var tet = year.Where(h => h.Date.Month == 2).Select(h => (h.Date, h.Placement)).ToList();
        Assert.Equal(
            [(D(2027, 2, 5), HolidayPlacement.Convention), (D(2027, 2, 6), HolidayPlacement.Convention), (D(2027, 2, 7), HolidayPlacement.Convention),
             (D(2027, 2, 8), HolidayPlacement.Convention), (D(2027, 2, 9), HolidayPlacement.Convention),
             (D(2027, 2, 10), HolidayPlacement.Compensatory), (D(2027, 2, 11), HolidayPlacement.Compensatory)], tet);
        // 01/05/2027 is a Saturday: Monday 03/05 off. 02/09/2027 is a Thursday: the day beside it is Friday 03/09.
        Assert.Contains(year, h => h.Date == D(2027, 5, 3) && h.Placement == HolidayPlacement.Compensatory);
        Assert.Contains(year, h => h.Date == D(2027, 9, 3) && h.Placement == HolidayPlacement.Convention);
        Assert.Contains(year, h => h.Date == D(2027, 4, 16) && h.Name.StartsWith("Giỗ Tổ", StringComparison.Ordinal));
    }

    [Theory]
    // The days the government chose beside 2/9 since the 2019 code: the convention reproduces each of them.
    [InlineData(2021, 3)]
    [InlineData(2022, 1)]
    [InlineData(2023, 1)]
    [InlineData(2024, 3)]
    [InlineData(2025, 1)]
    [InlineData(2026, 1)]
    public void PublicHolidayRule_NationalDayCompanionConvention(int year, int day) =>
        Assert.Equal(D(year, 9, day), PublicHolidayRule.NationalDayCompanion(year));

    [Fact]
    public void PublicHolidayRule_HolidayOnAWeekendGivesTheNextWorkingDay()
    {
        // 2022: 01/01 Saturday → Monday 03/01; 30/04 Saturday and 01/05 Sunday → Monday 02/05 and Tuesday 03/05.
        var days = PublicHolidayRule.For(2022).Where(h => h.Placement == HolidayPlacement.Compensatory).Select(h => h.Date).ToList();
        Assert.Contains(D(2022, 1, 3), days);
        Assert.Contains(D(2022, 5, 2), days);
        Assert.Contains(D(2022, 5, 3), days);
        // 2023: 02/09 Saturday, 01/09 beside it → Monday 04/09.
        Assert.Contains(PublicHolidayRule.For(2023), h => h.Date == D(2023, 9, 4) && h.Placement == HolidayPlacement.Compensatory);
    }

    [Fact]
    public void PublicHolidayRule_OlderCodesByTheDateOfTheDay()
    {
        // Labour Code 2012 (1/5/2013 – 2020): Quốc khánh one day; 02/09/2018 Sunday → Monday 03/09 (as the 2018 notice said).
        var y2018 = PublicHolidayRule.For(2018);
        Assert.DoesNotContain(y2018, h => h.Date == D(2018, 9, 1));
        Assert.Contains(y2018, h => h.Date == D(2018, 9, 3) && h.Placement == HolidayPlacement.Compensatory);
        Assert.All(y2018, h => Assert.Equal(LabourCodeTexts.Code2012, h.Law));
        Assert.Equal(5, y2018.Count(h => h.Name.StartsWith("Tết Âm lịch", StringComparison.Ordinal)));
        // 2010: Article 73 as rewritten in 2007: Tết four days, one before and three after, fixed by the law.
        var tet2010 = PublicHolidayRule.For(2010).Where(h => h.Name.StartsWith("Tết Âm lịch", StringComparison.Ordinal)).ToList();
        Assert.Equal([D(2010, 2, 13), D(2010, 2, 14), D(2010, 2, 15), D(2010, 2, 16)], tet2010.Select(h => h.Date));
        Assert.All(tet2010, h => Assert.Equal(HolidayPlacement.Fixed, h.Placement));
        // 2013: Tết under the 2007 text, 30/4 too; 1/5 under the 2012 code.
        var y2013 = PublicHolidayRule.For(2013);
        Assert.Equal(4, y2013.Count(h => h.Name.StartsWith("Tết Âm lịch", StringComparison.Ordinal)));
        Assert.Equal(LabourCodeTexts.Code2012, y2013.Single(h => h.Date == D(2013, 5, 1)).Law);
    }

    [Fact]
    public void PublicHolidayRule_Covers1990To2100()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var days = PublicHolidayRule.For(year);
            Assert.Equal(days.Count, days.Select(h => h.Date).Distinct().Count());
            Assert.All(days, h => Assert.Equal(year, h.Date.Year));
            Assert.All(days.Where(h => h.Placement == HolidayPlacement.Compensatory), h => Assert.False(PublicHolidayRule.IsWeekend(h.Date)));
        }
    }

    [Fact]
    public void WorkingCalendar_2025SwapForThe30AprilHoliday()
    {
        Assert.True(Shipped.IsWorkingDay(D(2025, 4, 26)));   // Saturday worked
        Assert.False(Shipped.IsWorkingDay(D(2025, 5, 2)));   // Friday off
        Assert.All(Days(D(2025, 4, 30), D(2025, 5, 4)), d => Assert.False(Shipped.IsWorkingDay(d)));
        Assert.False(WorkingCalendar.StatutoryOnly.IsWorkingDay(D(2025, 4, 26)));
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D(2025, 5, 2)));
    }

    [Fact]
    public void WorkingCalendar_2026SwapForNewYear()
    {
        Assert.False(Shipped.IsWorkingDay(D(2026, 1, 2)));
        Assert.True(Shipped.IsWorkingDay(D(2026, 1, 10)));
        Assert.All(Days(D(2026, 1, 1), D(2026, 1, 4)), d => Assert.False(Shipped.IsWorkingDay(d)));
        // 31/12/2025 + 1 working day is Monday 05/01/2026; 09/01 + 1 is Saturday 10/01, worked.
        Assert.Equal(D(2026, 1, 5), Shipped.AddWorkingDays(D(2025, 12, 31), 1));
        Assert.Equal(D(2026, 1, 10), Shipped.AddWorkingDays(D(2026, 1, 9), 1));
    }

    [Fact]
    public void WorkingCalendar_Tet2025AsDecided()
    {
        // 25/01 – 02/02/2025 off: Tết 27/01 – 31/01 and two weekends; Monday 03/02 worked.
        Assert.True(Shipped.IsWorkingDay(D(2025, 1, 24)));
        Assert.All(Days(D(2025, 1, 25), D(2025, 2, 2)), d => Assert.False(Shipped.IsWorkingDay(d)));
        Assert.True(Shipped.IsWorkingDay(D(2025, 2, 3)));
    }

    [Fact]
    public void WorkingCalendar_Tet2026AsDecided()
    {
        // 14/02 – 22/02/2026 off (Thông báo 9441 of Bộ Nội vụ): the convention gives the same days.
        Assert.True(Shipped.IsWorkingDay(D(2026, 2, 13)));
        Assert.All(Days(D(2026, 2, 14), D(2026, 2, 22)), d => Assert.False(Shipped.IsWorkingDay(d)));
        Assert.True(Shipped.IsWorkingDay(D(2026, 2, 23)));
        // Quốc khánh 2026: 29/08 – 02/09 off, Saturday 22/08 worked.
        Assert.All(Days(D(2026, 8, 29), D(2026, 9, 2)), d => Assert.False(Shipped.IsWorkingDay(d)));
        Assert.True(Shipped.IsWorkingDay(D(2026, 8, 22)));
    }

    [Fact]
    public void AdmissionDeadlines_AroundNewYear2027()
    {
        // Decision on Thursday 17/12/2026: 30 working days, 01/01/2027 not counted → Friday 29/01/2027 (28/01 if it were counted).
        Assert.Equal(D(2027, 1, 29), AdmissionDeadlines.CeremonyDue(D(2026, 12, 17), Shipped));
        Assert.Equal(D(2027, 1, 28), AdmissionDeadlines.CeremonyDue(D(2026, 12, 17), WorkingCalendar.WeekendsOnly));
        Assert.Equal(D(2027, 1, 4), Shipped.AddWorkingDays(D(2026, 12, 31), 1));
    }

    [Fact]
    public void AdmissionDeadlines_AroundTet2027()
    {
        // Decision on Wednesday 20/01/2027: 05/02 and 08/02 – 11/02 are off (Tết by the convention and two compensatory days) → 10/03/2027.
        Assert.Equal(D(2027, 3, 10), AdmissionDeadlines.CeremonyDue(D(2027, 1, 20), Shipped));
        Assert.Equal(D(2027, 3, 3), AdmissionDeadlines.CeremonyDue(D(2027, 1, 20), WorkingCalendar.WeekendsOnly));
        // A transfer letter issued on 03/02/2027: 30 working days → 24/03/2027 (17/03 if Tết were worked); a probation ending 04/02/2027 → 25/03/2027.
        Assert.Equal(D(2027, 3, 24), TransferRule.PresentBy(D(2027, 2, 3), Shipped));
        Assert.Equal(D(2027, 3, 17), TransferRule.PresentBy(D(2027, 2, 3), WorkingCalendar.WeekendsOnly));
        Assert.Equal(D(2027, 2, 4), ProbationRule.EndsOn(D(2026, 2, 4)));
        Assert.Equal(D(2027, 3, 25), ProbationRule.RecognitionDue(D(2026, 2, 4), Shipped));
    }

    [Fact]
    public void WorkingCalendar_ADeadlineNeverFallsOnADayOff()
    {
        var calendar = new WorkingCalendar([.. GovernmentNotices.Shipped, new(D(2027, 1, 20), CalendarExceptionKind.DayOff, "Nghỉ thử", "Thử")]);
        foreach (var start in Days(D(2024, 12, 1), D(2027, 12, 31)))
            foreach (var n in new[] { 1, 2, 5, 30, 60 })
                Assert.True(calendar.IsWorkingDay(calendar.AddWorkingDays(start, n)), $"{start} + {n}");
    }

    [Fact]
    public void WorkingCalendar_AnExceptionChangesTheDeadline()
    {
        var before = AdmissionDeadlines.DecisionDue(D(2027, 3, 1), Shipped);
        var withDayOff = new WorkingCalendar([new(D(2027, 3, 15), CalendarExceptionKind.DayOff, "Nghỉ hoán đổi", "Văn bản thử")]);
        Assert.Equal(before.AddDays(before.DayOfWeek == DayOfWeek.Friday ? 3 : 1), AdmissionDeadlines.DecisionDue(D(2027, 3, 1), withDayOff));
    }

    private static List<FieldError> Check(int year, List<CalendarException> entries) =>
        CalendarExceptionRule.Check(year, entries, (i, f) => $"exceptions[{i}].{f}", (i, f) => f == "row" ? $"dòng {i + 1}" : $"{f} (dòng {i + 1})").ToList();

    [Fact]
    public void CalendarExceptionRule_RefusesDayOffOnAWeekendOrHoliday()
    {
        var weekend = Assert.Single(Check(2026, [new(D(2026, 1, 3), CalendarExceptionKind.DayOff, "Nghỉ", "Văn bản")]));
        Assert.Equal("exceptions[0].kind", weekend.Field);
        Assert.Contains("thứ Bảy", weekend.Message);
        var holiday = Assert.Single(Check(2026, [new(D(2026, 4, 30), CalendarExceptionKind.DayOff, "Nghỉ", "Văn bản")]));
        Assert.Contains("Ngày Chiến thắng", holiday.Message);
        Assert.Empty(Check(2026, [new(D(2026, 1, 2), CalendarExceptionKind.DayOff, "Nghỉ", "Văn bản")]));
    }

    [Fact]
    public void CalendarExceptionRule_RefusesWorkingDayOnAWeekdayOrAFixedHoliday()
    {
        var weekday = Assert.Single(Check(2026, [new(D(2026, 1, 5), CalendarExceptionKind.WorkingDay, "Làm", "Văn bản")]));
        Assert.Contains("thứ Hai, vốn là ngày làm việc", weekday.Message);
        var fixedHoliday = Assert.Single(Check(2027, [new(D(2027, 1, 1), CalendarExceptionKind.WorkingDay, "Làm", "Văn bản")]));
        Assert.Contains("do luật định", fixedHoliday.Message);
        Assert.Empty(Check(2026, [new(D(2026, 1, 10), CalendarExceptionKind.WorkingDay, "Làm bù", "Văn bản")]));
        // A day only the convention placed off (Tết 2025's compensatory Monday) may be worked when the notice placed Tết elsewhere.
        Assert.Empty(Check(2025, [new(D(2025, 2, 3), CalendarExceptionKind.WorkingDay, "Làm", "Văn bản")]));
    }

    [Fact]
    public void CalendarExceptionRule_RefusesDuplicatesOtherYearsAndBlanks()
    {
        var errors = Check(2026, [
            new(D(2026, 1, 2), CalendarExceptionKind.DayOff, "Nghỉ", "Văn bản"),
            new(D(2026, 1, 2), CalendarExceptionKind.DayOff, "Nghỉ", "Văn bản"),
            new(D(2027, 1, 4), CalendarExceptionKind.DayOff, " ", "")]);
        Assert.Contains(errors, e => e.Field == "exceptions[1].date" && e.Message.Contains("dòng 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "exceptions[2].date" && e.Message.Contains("không thuộc năm 2026", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "exceptions[2].name");
        Assert.Contains(errors, e => e.Field == "exceptions[2].basis");
        Assert.Empty(Check(2025, [.. GovernmentNotices.Shipped.Where(e => e.Date.Year == 2025)]));
        Assert.Empty(Check(2026, [.. GovernmentNotices.Shipped.Where(e => e.Date.Year == 2026)]));
    }
}
