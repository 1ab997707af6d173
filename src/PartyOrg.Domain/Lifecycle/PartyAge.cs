namespace PartyOrg.Domain.Lifecycle;

/// <summary>A period out of party activity (ToDate exclusive): time between an exit and a readmission, or a late transfer.</summary>
public sealed record ActivityGap(DateOnly FromDate, DateOnly ToDate);

/// <summary>Years and months of party age.</summary>
public readonly record struct PartyAgeValue(int TotalMonths)
{
    public int Years => TotalMonths / 12;
    public int Months => TotalMonths % 12;
    public override string ToString() => Months == 0 ? $"{Years} năm" : $"{Years} năm {Months} tháng";
}

/// <summary>
/// Party age counts from the date of the admission decision (the first one, for a readmitted member), only once the member is
/// official, minus the time out of party activity (point 4.5.1 of QĐ 24-QĐ/TW: "tính từ ngày cấp có thẩm quyền ra quyết định
/// kết nạp, trừ thời gian không tham gia sinh hoạt đảng"; 294 lists it, wording not seen).
/// </summary>
public static class PartyAgeRule
{
    public static PartyAgeValue? On(DateOnly admissionDecisionOn, bool isOfficial, IEnumerable<ActivityGap> gaps, DateOnly asOf)
    {
        if (!isOfficial || asOf < admissionDecisionOn) return null;
        var days = asOf.DayNumber - admissionDecisionOn.DayNumber;
        foreach (var g in gaps)
        {
            var from = Math.Max(g.FromDate.DayNumber, admissionDecisionOn.DayNumber);
            var to = Math.Min(g.ToDate.DayNumber, asOf.DayNumber);
            if (to > from) days -= to - from;
        }
        // Months are counted on the calendar from the admission date shifted by the days out.
        var effectiveStart = DateOnly.FromDayNumber(asOf.DayNumber - days);
        return new PartyAgeValue(Members.AdmissionAgeRule.AgeInFullMonths(effectiveStart, asOf));
    }
}
