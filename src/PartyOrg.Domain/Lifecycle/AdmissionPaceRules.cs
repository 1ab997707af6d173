namespace PartyOrg.Domain.Lifecycle;

/// <summary>
/// The source pool should stand at 1,5–2 times the year's admission target (the provincial commission's guidance in the seed
/// report; a setting, not a Central regulation).
/// </summary>
public static class SourcePoolRule
{
    public static decimal? Ratio(int pool, int target) => target <= 0 ? null : Math.Round((decimal)pool / target, 2, MidpointRounding.AwayFromZero);

    public static bool FallsShort(int pool, int target, AdmissionSettings settings) =>
        target > 0 && pool < target * settings.SourcePoolMinimumRatio;
}

/// <summary>New admissions in a year should be 3–4% of the membership (NQ 21-NQ/TW of 16/6/2022; range is a setting).</summary>
public static class AdmissionRateRule
{
    public static decimal? Percent(int admitted, int membership, Common.PercentRounding rounding) => rounding.Percent(admitted, membership);

    public static bool FallsShort(int admitted, int membership, AdmissionSettings settings) =>
        membership > 0 && admitted * 100m / membership < settings.AdmissionRateMinimumPercent;
}
