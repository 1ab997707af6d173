using System.Collections.Concurrent;

namespace PartyOrg.Domain.Common;

/// <summary>How a statutory day off got its date.</summary>
public enum HolidayPlacement
{
    /// <summary>The law itself fixes the day (1/1, 10/3 lunar, 30/4, 1/5, 2/9): no notice can make it a working day.</summary>
    Fixed,
    /// <summary>The law leaves the day to the government each year (Tết's five days, the day beside 2/9): placed here by a named convention until the year's notice is entered as exceptions.</summary>
    Convention,
    /// <summary>A holiday fell on a weekly rest day (Saturday, Sunday): the next working day is off instead.</summary>
    Compensatory,
}

/// <summary>A day off that the Labour Code gives, on the date it falls in a given year.</summary>
public sealed record StatutoryHoliday(DateOnly Date, string Name, HolidayPlacement Placement, RegulationText Law)
{
    /// <summary>The article that gives the day: the list of holidays, or for a compensatory day the article on weekly rest.</summary>
    public string Basis => Placement != HolidayPlacement.Compensatory ? Law.Title
        : Law == LabourCodeTexts.Code2019 ? "Bộ luật Lao động 2019, Điều 111 khoản 3"
        : Law == LabourCodeTexts.Code2012 ? "Bộ luật Lao động 2012, Điều 115 khoản 3"
        : Law.Title;
}

/// <summary>The Labour Code texts that list the public holidays, each in force from its date.</summary>
public static class LabourCodeTexts
{
    /// <summary>Law 84/2007/QH11 of 2/4/2007 rewrote Article 73 of the 1994 code (adding the Hùng Kings' day); in force on publication.</summary>
    public static readonly RegulationText Code1994As2007 = new("84/2007/QH11", "Bộ luật Lao động 1994 (sửa đổi năm 2007), Điều 73", new(2007, 4, 2), new(2013, 5, 1));
    public static readonly RegulationText Code2012 = new("10/2012/QH13", "Bộ luật Lao động 2012, Điều 115", new(2013, 5, 1), new(2021, 1, 1));
    public static readonly RegulationText Code2019 = new("45/2019/QH14", "Bộ luật Lao động 2019, Điều 112", new(2021, 1, 1), null);

    public static readonly RegulationChain Holidays = new(Code1994As2007, Code2012, Code2019);
}

/// <summary>
/// The public holidays of a year, generated from the Labour Code in force on each day:
/// <list type="bullet">
/// <item><b>Bộ luật Lao động số 45/2019/QH14, Điều 112</b> (from 1/1/2021): Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days;
/// Ngày Chiến thắng 1 day (30/4); Ngày Quốc tế lao động 1 day (1/5); Quốc khánh 2 days ("ngày 02 tháng 9 dương lịch và 01
/// ngày liền kề trước hoặc sau"); Giỗ Tổ Hùng Vương 1 day (10/3 lunar). Point 3: "Hằng năm, căn cứ vào điều kiện thực tế,
/// Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ" of Tết and of the day beside 2/9.
/// <b>Điều 111 khoản 3</b>: "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết quy định tại khoản 1 Điều 112 của Bộ luật
/// này thì người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp." The weekly rest days of the
/// Party's and the State's agencies are Saturday and Sunday, so each holiday falling on one of them gives the next
/// working day off (2/9/2018, a Sunday, gave Monday 3/9 off; 26/4/2026, a Sunday, gives Monday 27/4).</item>
/// <item><b>Bộ luật Lao động 2012, Điều 115</b> (1/5/2013 – 31/12/2020): the same list with Quốc khánh 1 day (2/9); point 3:
/// "nghỉ bù vào ngày kế tiếp".</item>
/// <item><b>Điều 73 of the 1994 code as rewritten by Luật 84/2007/QH11</b> (2007 – 30/4/2013): Tết Âm lịch 4 days "một ngày
/// cuối năm và ba ngày đầu năm âm lịch", Quốc khánh 1 day, the others as above; "nghỉ bù vào ngày tiếp theo". Years before
/// 2007 are generated with this list too: older texts were not checked (the page says so).</item>
/// </list>
/// Where the government places the days, two named conventions stand until the year's notice is entered as exceptions:
/// <see cref="TetConvention"/> and <see cref="NationalDayConvention"/>. Sources read: vinanet.vn (Điều 112), laodong.vn
/// (Điều 111.3), thuvienphapluat/cpdanluat (Điều 115.3), antlawyers.vn (Luật 84/2007/QH11).
/// </summary>
public static class PublicHolidayRule
{
    /// <summary>Tết's five days when no notice says otherwise: the last day of the old lunar year and the first four of the new.</summary>
    public const string TetConvention =
        "Tết Âm lịch (5 ngày): theo quy ước mặc định của hệ thống là ngày cuối năm cũ và 4 ngày đầu năm mới âm lịch; " +
        "ngày nghỉ cụ thể do Thủ tướng Chính phủ quyết định hằng năm (Điều 112 khoản 3), được ghi thành ngoại lệ khi có văn bản.";

    /// <summary>The day beside 2/9 when no notice says otherwise.</summary>
    public const string NationalDayConvention =
        "Quốc khánh (ngày liền kề 2/9): theo quy ước mặc định của hệ thống là ngày 1/9, trừ khi 2/9 là thứ Hai hoặc thứ Năm thì là 3/9 " +
        "(để kỳ nghỉ liền với ngày nghỉ cuối tuần); ngày cụ thể do Thủ tướng Chính phủ quyết định hằng năm.";

    public const string CompensationRule =
        "Ngày lễ, tết trùng thứ Bảy hoặc Chủ nhật (ngày nghỉ hằng tuần) được nghỉ bù vào ngày làm việc kế tiếp (Bộ luật Lao động 2019, Điều 111 khoản 3).";

    public const string OlderTextsNote =
        "Các năm trước 2007: chưa đối chiếu văn bản cũ hơn; hệ thống áp dụng danh sách ngày lễ của Điều 73 (sửa đổi năm 2007).";

    public const int MinYear = LunarCalendar.MinYear + 1;
    public const int MaxYear = LunarCalendar.MaxYear - 1;

    private static readonly ConcurrentDictionary<int, IReadOnlyList<StatutoryHoliday>> Years = new();

    /// <summary>The statutory days off of a year (holidays and their compensatory days), in date order; memoised.</summary>
    public static IReadOnlyList<StatutoryHoliday> For(int year)
    {
        if (year is < MinYear or > MaxYear) throw new ArgumentOutOfRangeException(nameof(year), $"Ngày nghỉ lễ chỉ tính cho các năm {MinYear}–{MaxYear}.");
        return Years.GetOrAdd(year, Generate);
    }

    /// <summary>The conventions this year's statutory days rely on, for the page and the API.</summary>
    public static IReadOnlyList<string> ConventionsFor(int year)
    {
        var law = LabourCodeTexts.Holidays.On(new DateOnly(year, 12, 31));
        var list = new List<string>();
        if (law != LabourCodeTexts.Code1994As2007) list.Add(TetConvention);
        if (law == LabourCodeTexts.Code2019) list.Add(NationalDayConvention);
        list.Add(CompensationRule);
        if (year < LabourCodeTexts.Code1994As2007.ValidFrom.Year) list.Add(OlderTextsNote);
        return list;
    }

    /// <summary>The day beside 2/9 under the convention: 3/9 when 2/9 is a Monday or a Thursday, else 1/9.</summary>
    public static DateOnly NationalDayCompanion(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IReadOnlyList<StatutoryHoliday> Generate(int year)
    {
        // Each day is judged by the text in force on it; dates older than the first text known fall back to it.
        var byDate = new SortedDictionary<DateOnly, StatutoryHoliday>();
        foreach (var law in LabourCodeTexts.Holidays.Texts)
            foreach (var day in UnderLaw(year, law))
                if (LabourCodeTexts.Holidays.On(day.Date) == law) byDate.TryAdd(day.Date, day);
        return [.. byDate.Values];
    }

    private static List<StatutoryHoliday> UnderLaw(int year, RegulationText law)
    {
        var days = new List<StatutoryHoliday>
        {
            new(new(year, 1, 1), "Tết Dương lịch", HolidayPlacement.Fixed, law),
            new(LunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayPlacement.Fixed, law),
            new(new(year, 4, 30), "Ngày Chiến thắng (30/4)", HolidayPlacement.Fixed, law),
            new(new(year, 5, 1), "Ngày Quốc tế lao động (1/5)", HolidayPlacement.Fixed, law),
            new(new(year, 9, 2), "Quốc khánh (2/9)", HolidayPlacement.Fixed, law),
        };
        if (law == LabourCodeTexts.Code2019)
            days.Add(new(NationalDayCompanion(year), "Quốc khánh (ngày liền kề)", HolidayPlacement.Convention, law));

        // Tết: four days fixed by the 2007 text (one before, three after); five placed by the government since 2013.
        var fixedTet = law == LabourCodeTexts.Code1994As2007;
        var tetDays = fixedTet ? 4 : 5;
        var newYear = LunarCalendar.NewYear(year);
        var yearName = LunarCalendar.YearName(year);
        for (var i = -1; i < tetDays - 1; i++)
        {
            var date = newYear.AddDays(i);
            days.Add(new(date, $"Tết Âm lịch {yearName} ({LunarCalendar.FromSolar(date).Text()})", fixedTet ? HolidayPlacement.Fixed : HolidayPlacement.Convention, law));
        }

        // A holiday on a weekly rest day gives the next working day off, in date order.
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        var taken = days.Select(d => d.Date).ToHashSet();
        foreach (var holiday in days.Where(d => IsWeekend(d.Date)).ToList())
        {
            var next = holiday.Date.AddDays(1);
            while (IsWeekend(next) || taken.Contains(next)) next = next.AddDays(1);
            taken.Add(next);
            var weekday = holiday.Date.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật";
            days.Add(new(next, $"Nghỉ bù {holiday.Name} ({VnFormat.Date(holiday.Date)} là {weekday})", HolidayPlacement.Compensatory, law));
        }
        return days;
    }
}
