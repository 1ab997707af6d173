namespace PartyOrg.Domain.Statistics;

/// <summary>One band of a statistic: its key (stable, used in links and form templates) and its Vietnamese label.</summary>
public sealed record Band(string Key, string Label);

/// <summary>
/// Age bands of the membership statistics (≤ 30, 31–40, 41–50, 51–60, > 60 full years on the date counted), as issue 12 lists
/// them; the official forms' bands (HD 11-HD/BTCTW, 13/12/2021) were not published to us (REGULATIONS.md §18).
/// A person is N full years old from the day N years after the birth date (born on 29 February: from 28 February in a common year),
/// the count <see cref="Members.AdmissionAgeRule.AgeInFullMonths"/> makes; so every band is a range of birth dates and the
/// database counts with the same edges.
/// </summary>
public static class AgeBandRule
{
    public static readonly IReadOnlyList<Band> Bands =
    [
        new("le30", "Từ 30 tuổi trở xuống"),
        new("31-40", "Từ 31 đến 40 tuổi"),
        new("41-50", "Từ 41 đến 50 tuổi"),
        new("51-60", "Từ 51 đến 60 tuổi"),
        new("gt60", "Trên 60 tuổi"),
    ];

    /// <summary>The upper age (full years) of each band but the last.</summary>
    private static readonly int[] UpperAges = [30, 40, 50, 60];

    /// <summary>The member is at least <paramref name="years"/> full years old on the date exactly when born on or before this day.</summary>
    public static DateOnly BornOnOrBeforeForAge(DateOnly date, int years)
    {
        var latest = date.AddYears(-years);
        // 28 February of a common year: one born on 29 February of a leap year is N years old that day too.
        while (latest.AddDays(1).AddYears(years) <= date) latest = latest.AddDays(1);
        return latest;
    }

    /// <summary>
    /// For each band but the last, the earliest birth date outside it: a birth date after <c>Limits[i]</c> and on or before
    /// <c>Limits[i-1]</c> falls in band i.
    /// </summary>
    public static DateOnly[] Limits(DateOnly date) => UpperAges.Select(a => BornOnOrBeforeForAge(date, a + 1)).ToArray();

    /// <summary>The band index (0–4) of a birth date on the date counted.</summary>
    public static int Of(DateOnly dateOfBirth, DateOnly date)
    {
        var limits = Limits(date);
        for (var i = 0; i < limits.Length; i++)
            if (dateOfBirth > limits[i]) return i;
        return limits.Length;
    }

    /// <summary>Full years on the date, the same count the bands use.</summary>
    public static int Age(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth > BornOnOrBeforeForAge(date, age) ? age - 1 : age;
    }

    /// <summary>"Dưới 40 tuổi" (the reports' "đảng viên trẻ" figure): born after the day 40 years before the date.</summary>
    public static DateOnly Under40BornAfter(DateOnly date) => BornOnOrBeforeForAge(date, 40);
}

/// <summary>
/// Party-age bands (tuổi đảng) of the statistics. The bands are the system's (the forms' were not published to us): under 10, 10–19,
/// 20–29, 30–39 and 40 or more full years, the last three starting at the badge milestones (HD 01-HD/TW 2021 section 18: 30, 40 years).
/// Party age counts from the first admission decision once official (QĐ 24-QĐ/TW point 4.5.1, <see cref="Lifecycle.PartyAgeRule"/>);
/// a probationary member has none yet and is counted apart. The bands read the admission date alone: the time out of activity that
/// PartyAgeRule subtracts (the gap before a readmission, a late letter not counted) is not subtracted here, said beside the table.
/// </summary>
public static class PartyAgeBandRule
{
    public const string ProbationaryKey = "probationary";

    public static readonly IReadOnlyList<Band> Bands =
    [
        new("lt10", "Dưới 10 năm"),
        new("10-19", "Từ 10 đến dưới 20 năm"),
        new("20-29", "Từ 20 đến dưới 30 năm"),
        new("30-39", "Từ 30 đến dưới 40 năm"),
        new("ge40", "Từ 40 năm trở lên"),
        new(ProbationaryKey, "Đảng viên dự bị (chưa tính tuổi đảng)"),
    ];

    public const string Note = "Tuổi đảng tính từ ngày quyết định kết nạp đến ngày thống kê, chưa trừ thời gian không sinh hoạt đảng (nếu có).";

    private static readonly int[] LowerYears = [10, 20, 30, 40];

    /// <summary>For each of the first four bands, the earliest admission date outside it (admitted on or before it: a longer party age).</summary>
    public static DateOnly[] Limits(DateOnly date) => LowerYears.Select(y => AgeBandRule.BornOnOrBeforeForAge(date, y)).ToArray();

    /// <summary>The band index (0–4) of an official member admitted on the date given; 5 for a probationary member.</summary>
    public static int Of(DateOnly admittedOn, bool official, DateOnly date)
    {
        if (!official) return Bands.Count - 1;
        var limits = Limits(date);
        for (var i = 0; i < limits.Length; i++)
            if (admittedOn > limits[i]) return i;
        return limits.Length;
    }
}
