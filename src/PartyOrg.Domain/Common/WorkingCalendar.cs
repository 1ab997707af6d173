using System.Collections.Concurrent;

namespace PartyOrg.Domain.Common;

public enum CalendarExceptionKind
{
    /// <summary>A working day given off by the government's notice (02/01/2026; 02/05/2025).</summary>
    DayOff,
    /// <summary>A day worked in exchange (Saturday 10/01/2026; Saturday 26/04/2025), or a day the convention placed off that the notice did not.</summary>
    WorkingDay,
}

/// <summary>A year's departure from the statutory calendar, with the notice it comes from.</summary>
public sealed record CalendarException(DateOnly Date, CalendarExceptionKind Kind, string Name, string Basis);

public enum CalendarDaySource
{
    Statutory,
    Exception,
}

/// <summary>A day that is not what its weekday says: a day off on a weekday or a holiday, or a weekend day worked.</summary>
public sealed record CalendarDay(DateOnly Date, string Name, CalendarDaySource Source, string Basis, HolidayPlacement? Placement);

/// <summary>
/// One year of the working calendar: Saturdays and Sundays off (the weekly rest days of the Party's and the State's
/// agencies), the statutory holidays of <see cref="PublicHolidayRule"/>, then the year's exceptions, which override both.
/// </summary>
public sealed class WorkingYear
{
    private readonly HashSet<DateOnly> daysOff = [];
    private readonly HashSet<DateOnly> weekendsWorked = [];

    public int Year { get; }
    /// <summary>Every day off other than an ordinary Saturday or Sunday (holidays falling on a weekend included), in date order.</summary>
    public IReadOnlyList<CalendarDay> NonWorkingDays { get; }
    /// <summary>Saturdays and Sundays worked.</summary>
    public IReadOnlyList<CalendarDay> WorkedWeekendDays { get; }
    public IReadOnlyList<StatutoryHoliday> Statutory { get; }
    public IReadOnlyList<CalendarException> Exceptions { get; }

    internal WorkingYear(int year, IReadOnlyList<StatutoryHoliday> statutory, IReadOnlyList<CalendarException> exceptions)
    {
        Year = year;
        Statutory = statutory;
        Exceptions = [.. exceptions.OrderBy(e => e.Date)];
        var byDate = exceptions.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.Last());
        var off = new List<CalendarDay>();
        var worked = new List<CalendarDay>();
        foreach (var h in statutory)
        {
            if (byDate.TryGetValue(h.Date, out var e) && e.Kind == CalendarExceptionKind.WorkingDay) continue;
            if (byDate.ContainsKey(h.Date)) continue; // a day off by both: the notice names it
            off.Add(new(h.Date, h.Name, CalendarDaySource.Statutory, h.Basis, h.Placement));
        }
        foreach (var e in Exceptions)
        {
            var day = new CalendarDay(e.Date, e.Name, CalendarDaySource.Exception, e.Basis, null);
            if (e.Kind == CalendarExceptionKind.DayOff) off.Add(day);
            else if (PublicHolidayRule.IsWeekend(e.Date)) worked.Add(day);
        }
        NonWorkingDays = [.. off.OrderBy(d => d.Date)];
        WorkedWeekendDays = [.. worked.OrderBy(d => d.Date)];
        foreach (var d in NonWorkingDays) daysOff.Add(d.Date);
        foreach (var e in Exceptions.Where(e => e.Kind == CalendarExceptionKind.WorkingDay))
        {
            daysOff.Remove(e.Date);
            if (PublicHolidayRule.IsWeekend(e.Date)) weekendsWorked.Add(e.Date);
        }
    }

    public bool IsWorkingDay(DateOnly date) =>
        PublicHolidayRule.IsWeekend(date) ? weekendsWorked.Contains(date) : !daysOff.Contains(date);
}

/// <summary>
/// Deadlines in working days (ngày làm việc): Saturdays, Sundays and the statutory holidays are off (Labour Code 2019,
/// Art. 111–112, see <see cref="PublicHolidayRule"/>), and each year's exceptions from the government's notices override
/// them both ways (a weekday given off, a Saturday worked in exchange). A deadline never falls on a day off. Each year is
/// worked out once per calendar.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly bool statutory;
    private readonly Dictionary<int, List<CalendarException>> exceptions;
    private readonly ConcurrentDictionary<int, WorkingYear> years = new();

    public WorkingCalendar(IEnumerable<CalendarException> exceptions) : this(true, exceptions) { }

    private WorkingCalendar(bool statutory, IEnumerable<CalendarException> exceptions)
    {
        this.statutory = statutory;
        this.exceptions = exceptions.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The statutory calendar without any government notice.</summary>
    public static readonly WorkingCalendar StatutoryOnly = new([]);

    /// <summary>Saturdays and Sundays only, for rules tested apart from the holidays.</summary>
    public static readonly WorkingCalendar WeekendsOnly = new(false, []);

    public WorkingYear Year(int year) => years.GetOrAdd(year, y =>
        new WorkingYear(y, statutory ? PublicHolidayRule.For(y) : [], exceptions.GetValueOrDefault(y) ?? []));

    public bool IsWorkingDay(DateOnly date) => Year(date.Year).IsWorkingDay(date);

    /// <summary>The last day of a period of <paramref name="days"/> working days counted from the day after <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days from the day after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}

/// <summary>
/// What an administrator may record as a year's exception: a day off only on a day that would otherwise be worked (not a
/// Saturday, Sunday or holiday); a working day only on a day that would otherwise be off — a Saturday or Sunday worked in
/// exchange, or a day that only the system's convention placed off (Tết, the day beside 2/9, a compensatory day) when the
/// notice placed it elsewhere — and never on a day the law itself fixes (1/1, 10/3 lunar, 30/4, 1/5, 2/9); one entry a day;
/// every entry dated in its year with a name and the notice it comes from.
/// </summary>
public static class CalendarExceptionRule
{
    public const int NameMaxLength = 120;
    public const int BasisMaxLength = 300;

    /// <param name="field">The key of a field of entry i ("exceptions[0].date", or "date" on a one-entry form).</param>
    /// <param name="label">The Vietnamese label of a field of entry i ("Ngày (dòng 1)", or "Ngày").</param>
    public static IEnumerable<FieldError> Check(int year, IReadOnlyList<CalendarException> entries, Func<int, string, string> field, Func<int, string, string> label)
    {
        var statutory = PublicHolidayRule.For(year).ToDictionary(h => h.Date);
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var date = VnFormat.Date(e.Date);
            if (string.IsNullOrWhiteSpace(e.Name)) yield return new(field(i, "name"), $"{label(i, "name")}: không được để trống.");
            if (string.IsNullOrWhiteSpace(e.Basis)) yield return new(field(i, "basis"), $"{label(i, "basis")}: không được để trống (số, ngày văn bản của Chính phủ hoặc bộ).");
            if (e.Date.Year != year)
            {
                yield return new(field(i, "date"), $"{label(i, "date")}: ngày {date} không thuộc năm {year}.");
                continue;
            }
            if (seen.TryGetValue(e.Date, out var first))
            {
                yield return new(field(i, "date"), $"{label(i, "date")}: ngày {date} đã có ở {label(first, "row")}; mỗi ngày chỉ ghi một ngoại lệ.");
                continue;
            }
            seen[e.Date] = i;
            var weekday = VnFormat.Weekday(e.Date);
            statutory.TryGetValue(e.Date, out var holiday);
            if (e.Kind == CalendarExceptionKind.DayOff)
            {
                if (PublicHolidayRule.IsWeekend(e.Date))
                    yield return new(field(i, "kind"), $"{label(i, "kind")}: ngày {date} là {weekday}, vốn là ngày nghỉ hằng tuần; không ghi ngày nghỉ vào thứ Bảy, Chủ nhật.");
                else if (holiday is not null)
                    yield return new(field(i, "kind"), $"{label(i, "kind")}: ngày {date} đã là ngày nghỉ theo luật ({holiday.Name}, {holiday.Basis}).");
            }
            else if (holiday is { Placement: HolidayPlacement.Fixed })
                yield return new(field(i, "kind"), $"{label(i, "kind")}: ngày {date} là ngày nghỉ lễ do luật định ({holiday.Name}, {holiday.Basis}); không thể đổi thành ngày làm việc.");
            else if (holiday is null && !PublicHolidayRule.IsWeekend(e.Date))
                yield return new(field(i, "kind"), $"{label(i, "kind")}: ngày {date} là {weekday}, vốn là ngày làm việc; ngày làm bù chỉ ghi vào thứ Bảy, Chủ nhật (hoặc ngày nghỉ theo quy ước mà văn bản xếp vào ngày khác).");
        }
    }
}

public static class CalendarExceptionKindLabels
{
    public static string Label(this CalendarExceptionKind kind) => kind switch
    {
        CalendarExceptionKind.DayOff => "Ngày nghỉ (hoán đổi)",
        CalendarExceptionKind.WorkingDay => "Ngày làm việc (làm bù)",
    };
}
