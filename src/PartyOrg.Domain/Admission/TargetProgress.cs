namespace PartyOrg.Domain.Admission;

/// <summary>Admissions against a target (chỉ tiêu kết nạp), as the reports print it: "1.514/1.350, đạt 112,15%".</summary>
public sealed record TargetProgress(int Target, int Admitted)
{
    /// <summary>
    /// Percent of the target, exact and rounded half away from zero to 2 decimals: press rounding is not uniform
    /// (105,93 truncates, 112,15 rounds), so the system computes exactly and rounds one way.
    /// </summary>
    public decimal? Percent => Target <= 0 ? null : Math.Round(Admitted * 100m / Target, 2, MidpointRounding.AwayFromZero);

    public int Shortfall => Math.Max(0, Target - Admitted);
}
