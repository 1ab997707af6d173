using System.Collections.Concurrent;

namespace PartyOrg.Domain.Common;

/// <summary>A day of the Vietnamese lunisolar calendar (âm lịch): year of the lunar new year it follows, month 1–12, day 1–30.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool LeapMonth)
{
    /// <summary>"mùng 1 tháng Giêng", "29 tháng Chạp", "10 tháng 3 (nhuận)".</summary>
    public string Text()
    {
        var day = Day <= 10 ? $"mùng {Day}" : Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var month = Month switch { 1 => "Giêng", 12 => "Chạp", _ => Month.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return $"{day} tháng {month}{(LeapMonth ? " nhuận" : "")}";
    }
}

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7 (the Vietnamese calendar's time
/// since 1968; the Chinese one uses UTC+8, so the two differ when a new moon or a solar term falls between 23:00 and
/// midnight Vietnamese time: Tết was 21/01/1985 in Vietnam and 20/02/1985 in China, 17/02/2007 and 18/02/2007).
/// <list type="bullet">
/// <item>A month begins on the local day of the new moon.</item>
/// <item>Month 11 is the month containing the December solstice (the sun's apparent longitude reaching 270°).</item>
/// <item>When 13 months lie between one month 11 and the next, the first of them (from the month after month 11 on)
/// in which the sun enters no new 30° sector (no major solar term, trung khí) is the leap month and takes the number of
/// the month before it.</item>
/// </list>
/// Astronomy: new moons from the mean lunation with its periodic and planetary corrections, and the sun's apparent
/// longitude from the low-precision solar theory, both after J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.,
/// chapters 49 and 25); ΔT (dynamical minus universal time) from the Espenak–Meeus polynomials. Pure arithmetic: years
/// <see cref="MinYear"/>–<see cref="MaxYear"/>, memoised per year.
/// </summary>
public static class LunarCalendar
{
    public const int TimeZoneHours = 7;
    public const int MinYear = 1800;
    public const int MaxYear = 2199;

    private const double SynodicMonth = 29.530588861;
    private const double FirstNewMoonOf2000 = 2451550.09766; // JDE of lunation k = 0 (6 January 2000)
    /// <summary>Julian Day of 0001-01-01 00:00 UT, so that a <see cref="DateOnly.DayNumber"/> maps to a Julian Day.</summary>
    private const double JulianDayOfDayNumberZero = 1721425.5;

    /// <summary>The lunar date of a day.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        var day = date.DayNumber;
        var layout = LayoutOf(date.Year);
        if (day >= layout.Starts[^1]) layout = LayoutOf(date.Year + 1);
        var i = layout.Starts.Length - 2;
        while (layout.Starts[i] > day) i--;
        var (month, leap, year) = layout.Labels[i];
        return new LunarDate(year, month, day - layout.Starts[i] + 1, leap);
    }

    /// <summary>The day of a lunar date; throws when the lunar year has no such month (or leap month) or day.</summary>
    public static DateOnly ToSolar(int lunarYear, int month, int day, bool leapMonth = false)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        // Months 11 and 12 of a lunar year lie before the next solstice; months 1–10 between the solstices that frame its Tết.
        var layout = LayoutOf(month >= 11 ? lunarYear + 1 : lunarYear);
        for (var i = 0; i < layout.Labels.Length; i++)
        {
            if (layout.Labels[i] != (month, leapMonth, lunarYear)) continue;
            var length = layout.Starts[i + 1] - layout.Starts[i];
            if (day < 1 || day > length) throw new ArgumentOutOfRangeException(nameof(day), $"Tháng {month} âm lịch năm {lunarYear} có {length} ngày.");
            return DateOnly.FromDayNumber(layout.Starts[i] + day - 1);
        }
        throw new ArgumentOutOfRangeException(nameof(leapMonth), $"Năm âm lịch {lunarYear} không có tháng {month}{(leapMonth ? " nhuận" : "")}.");
    }

    /// <summary>Tết Nguyên đán: the first day of the lunar year that begins in the Gregorian <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The stem and branch name of a lunar year: 2026 → "Bính Ngọ".</summary>
    public static string YearName(int lunarYear)
    {
        string[] stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
        string[] branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];
        return $"{stems[Mod(lunarYear + 6, 10)]} {branches[Mod(lunarYear + 8, 12)]}";
    }

    /// <summary>
    /// The months from month 11 of the lunar year before (the one holding the December solstice of year − 1) up to,
    /// not including, the month 11 holding the solstice of <paramref name="year"/>: 12 months, or 13 with a leap month.
    /// </summary>
    private sealed record Layout(int[] Starts, (int Month, bool Leap, int Year)[] Labels);

    private static readonly ConcurrentDictionary<int, Layout> Layouts = new();

    private static Layout LayoutOf(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), $"Âm lịch chỉ tính cho các năm {MinYear}–{MaxYear}.");
        return Layouts.GetOrAdd(year, BuildLayout);
    }

    private static Layout BuildLayout(int year)
    {
        var first = Month11Lunation(year - 1);
        var next = Month11Lunation(year);
        var count = next - first; // 12 or 13 months
        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++) starts[i] = NewMoonDay(first + i);
        var leapIndex = -1;
        if (count == 13)
        {
            for (var i = 1; i < count && leapIndex < 0; i++)
                if (SectorAtDayStart(starts[i]) == SectorAtDayStart(starts[i + 1])) leapIndex = i;
        }
        var labels = new (int, bool, int)[count];
        for (var i = 0; i < count; i++)
        {
            // Counted from month 11: 11, 12, 13 (= 1 of the next lunar year), …; the leap month repeats the number before it.
            var raw = 11 + i - (leapIndex >= 0 && i >= leapIndex ? 1 : 0);
            labels[i] = ((raw - 1) % 12 + 1, i == leapIndex, raw <= 12 ? year - 1 : year);
        }
        return new Layout(starts, labels);
    }

    /// <summary>The lunation number k of the month 11 that holds the December solstice of <paramref name="year"/>.</summary>
    private static int Month11Lunation(int year)
    {
        var lastDay = new DateOnly(year, 12, 31).DayNumber;
        var k = (int)Math.Floor((lastDay + JulianDayOfDayNumberZero - FirstNewMoonOf2000) / SynodicMonth);
        while (NewMoonDay(k) > lastDay) k--;
        while (NewMoonDay(k + 1) <= lastDay) k++;
        // The month 11 begins on or before the day of the solstice: the sun is still short of 270° when its day starts.
        while (SectorAtDayStart(NewMoonDay(k)) >= 9) k--;
        return k;
    }

    /// <summary>The local (UTC+7) day number of new moon k.</summary>
    private static int NewMoonDay(int k)
    {
        var jde = NewMoonJde(k);
        var jdUt = jde - DeltaTSeconds(jde) / 86400.0;
        return (int)Math.Floor(jdUt - JulianDayOfDayNumberZero + TimeZoneHours / 24.0);
    }

    /// <summary>The 30° sector (0–11) of the sun's apparent longitude at the local midnight that starts the day.</summary>
    private static int SectorAtDayStart(int dayNumber)
    {
        var jdUt = dayNumber + JulianDayOfDayNumberZero - TimeZoneHours / 24.0;
        var jde = jdUt + DeltaTSeconds(jdUt) / 86400.0;
        return (int)Math.Floor(SunApparentLongitude(jde) / 30.0);
    }

    /// <summary>Meeus ch. 49: the true new moon of lunation k (k = 0: January 2000), in Julian Ephemeris Days.</summary>
    private static double NewMoonJde(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = FirstNewMoonOf2000 + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = Rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var mm = Rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        var f = Rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        var omega = Rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        var correction =
            -0.40720 * Math.Sin(mm)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mm)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mm - m)
            - 0.00514 * e * Math.Sin(mm + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mm - 2 * f)
            - 0.00057 * Math.Sin(mm + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mm + m)
            - 0.00042 * Math.Sin(3 * mm)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mm - m)
            - 0.00017 * Math.Sin(omega)
            - 0.00007 * Math.Sin(mm + 2 * m)
            + 0.00004 * Math.Sin(2 * mm - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mm + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mm + 2 * f)
            - 0.00003 * Math.Sin(mm + m + 2 * f)
            + 0.00003 * Math.Sin(mm - m + 2 * f)
            - 0.00002 * Math.Sin(mm - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mm + m)
            + 0.00002 * Math.Sin(4 * mm);

        // Planetary arguments (Meeus table 49.A, "additional corrections").
        (double Amplitude, double Start, double Rate)[] planetary =
        [
            (0.000325, 299.77, 0.107408), (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886),
            (0.000126, 349.42, 36.412478), (0.000110, 84.66, 18.206239), (0.000062, 141.74, 53.303771),
            (0.000060, 207.14, 2.453732), (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239),
            (0.000042, 207.19, 0.121824), (0.000040, 291.34, 1.844379), (0.000037, 161.72, 24.198154),
            (0.000035, 239.56, 25.513099), (0.000023, 331.55, 3.592518),
        ];
        for (var i = 0; i < planetary.Length; i++)
        {
            var (amplitude, start, rate) = planetary[i];
            var argument = start + rate * k - (i == 0 ? 0.009173 * t2 : 0);
            correction += amplitude * Math.Sin(Rad(argument));
        }
        return jde + correction;
    }

    /// <summary>Meeus ch. 25 (low precision, about 0,01°): the sun's apparent geocentric longitude in degrees, 0 ≤ λ &lt; 360.</summary>
    private static double SunApparentLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525.0;
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var m = Rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
                + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
                + 0.000289 * Math.Sin(3 * m);
        var omega = Rad(125.04 - 1934.136 * t);
        var lambda = l0 + c - 0.00569 - 0.00478 * Math.Sin(omega);
        return ((lambda % 360) + 360) % 360;
    }

    /// <summary>ΔT = TT − UT in seconds (Espenak and Meeus, NASA polynomial expressions).</summary>
    private static double DeltaTSeconds(double julianDay)
    {
        var y = 2000 + (julianDay - 2451545.0) / 365.25;
        if (y < 1961)
        {
            var u = (y - 1820) / 100;
            return -20 + 32 * u * u;
        }
        if (y < 1986)
        {
            var t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (y < 2005)
        {
            var t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
        }
        if (y < 2050)
        {
            var t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        if (y < 2150)
        {
            var u = (y - 1820) / 100;
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        var w = (y - 1820) / 100;
        return -20 + 32 * w * w;
    }

    private static double Rad(double degrees) => degrees % 360 * Math.PI / 180;

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
