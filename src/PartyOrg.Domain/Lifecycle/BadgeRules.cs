namespace PartyOrg.Domain.Lifecycle;

/// <summary>
/// Party badges (Huy hiệu Đảng) by party-age milestone, awarded at the occasions 3/2, 19/5, 2/9 and 7/11 (section 18 of
/// HD 01-HD/TW 2021; 06-HD/TW 2025 not seen).
/// </summary>
public static class BadgeRule
{
    public static readonly int[] Milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

    /// <summary>(month, day) of the award occasions.</summary>
    public static readonly (int Month, int Day, string Name)[] Occasions =
    [
        (2, 3, "Kỷ niệm ngày thành lập Đảng 3/2"),
        (5, 19, "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5"),
        (9, 2, "Kỷ niệm Quốc khánh 2/9"),
        (11, 7, "Kỷ niệm Cách mạng Tháng Mười Nga 7/11"),
    ];

    /// <summary>The first occasion on or after the date.</summary>
    public static DateOnly NextOccasion(DateOnly from)
    {
        for (var year = from.Year; ; year++)
            foreach (var (month, day, _) in Occasions)
            {
                var d = new DateOnly(year, month, day);
                if (d >= from) return d;
            }
    }

    public static DateOnly PreviousOccasion(DateOnly before)
    {
        for (var year = before.Year; ; year--)
            foreach (var (month, day, _) in Occasions.Reverse())
            {
                var d = new DateOnly(year, month, day);
                if (d < before) return d;
            }
    }

    public static string OccasionName(DateOnly date) =>
        Occasions.FirstOrDefault(o => o.Month == date.Month && o.Day == date.Day).Name ?? "Dịp khác";

    /// <summary>
    /// The milestone a member is due at an occasion: the highest one reached by the occasion date and not yet awarded.
    /// Earlier milestones the member never received are not due any more: one badge is given for the highest.
    /// </summary>
    public static int? DueMilestone(PartyAgeValue? ageAtOccasion, IReadOnlyCollection<int> awarded)
    {
        if (ageAtOccasion is not { } age) return null;
        var reached = Milestones.Where(m => age.TotalMonths >= m * 12).ToList();
        if (reached.Count == 0) return null;
        var highest = reached[^1];
        return awarded.Any(a => a >= highest) ? null : highest;
    }

    /// <summary>
    /// The last admission date from which a party age of <paramref name="years"/> is reached on <paramref name="on"/> when no time
    /// was spent out of activity. Time out only lowers the age, so it bounds who can have reached a milestone.
    /// </summary>
    public static DateOnly LatestAdmissionReaching(int years, DateOnly on)
    {
        // AddYears clamps 29/02 down, so the date found may still be a day early.
        var date = on.AddYears(-years);
        while (date < on && Members.AdmissionAgeRule.AgeInFullMonths(date.AddDays(1), on) >= years * 12) date = date.AddDays(1);
        return date;
    }

    /// <summary>Early award for serious illness or posthumously: 12 months early for 30–65 years, 24 months for 70–90 (posthumous: 12).</summary>
    public static int EarlyMonthsAllowed(int milestone, bool posthumous) => posthumous || milestone <= 65 ? 12 : 24;
}
