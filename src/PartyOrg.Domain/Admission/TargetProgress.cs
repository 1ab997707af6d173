using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Admission;

/// <summary>Admissions against a target (chỉ tiêu kết nạp), as the reports print it: "1.514/1.350, đạt 112,15%".</summary>
public sealed record TargetProgress(int Target, int Admitted, PercentRounding Rounding)
{
    /// <summary>
    /// Percent of the target to two decimals, rounded the way the commission chose (<see cref="PercentRounding"/>): press rounding
    /// is not uniform (105,93 truncates, 112,15 rounds), so the system computes exactly and rounds one configured way.
    /// </summary>
    public decimal? Percent => Rounding.Percent(Admitted, Target);

    public int Shortfall => Math.Max(0, Target - Admitted);
}
