namespace PartyOrg.Domain.Common;

/// <summary>How a percentage is brought to the two decimals the reports print.</summary>
public enum PercentRoundingMode
{
    /// <summary>Làm tròn: 105,935…% → 105,94%.</summary>
    HalfAwayFromZero,
    /// <summary>Cắt bớt: 105,935…% → 105,93% (what the press printed for 1.642/1.550).</summary>
    Truncate,
}

/// <summary>
/// The one place where every percentage the system returns or prints is rounded: two decimals, half away from zero by default,
/// or truncated so that a commission can reproduce the figures it already published. A setting (<see cref="SettingName"/>), not a
/// regulation: no text on how reports round was found, and the press is not uniform (105,93% for 1.642/1.550 truncates,
/// 112,15% for 1.514/1.350 rounds; seed reports of Long An 2021–2023).
/// </summary>
public sealed record PercentRounding(PercentRoundingMode Mode)
{
    public const string SettingName = "Reports:PercentRounding";
    public const int Decimals = 2;

    public static readonly PercentRounding Default = new(PercentRoundingMode.HalfAwayFromZero);

    /// <summary>
    /// The setting as configured: empty means the default; anything but the two names (a number included) stops the start-up with
    /// a message saying what is accepted.
    /// </summary>
    public static PercentRounding FromSetting(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        var name = value.Trim();
        if (!name.Any(char.IsAsciiDigit) && Enum.TryParse<PercentRoundingMode>(name, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            return new PercentRounding(mode);
        throw new InvalidOperationException(
            $"{SettingName} \"{value}\" không hợp lệ: chọn {nameof(PercentRoundingMode.HalfAwayFromZero)} (làm tròn, mặc định) hoặc {nameof(PercentRoundingMode.Truncate)} (cắt bớt).");
    }

    /// <summary>A percentage brought to two decimals by this setting.</summary>
    public decimal Apply(decimal exact) =>
        Math.Round(exact, Decimals, Mode == PercentRoundingMode.Truncate ? MidpointRounding.ToZero : MidpointRounding.AwayFromZero);

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>; undefined (null) for a whole of zero or less.</summary>
    public decimal? Percent(long part, long whole) => whole <= 0 ? null : Apply(part * 100m / whole);

    /// <summary>Whether the exact percentage has more than two decimals, so that this setting changed what is printed.</summary>
    public static bool Changes(long part, long whole) => whole > 0 && decimal.Round(part * 100m / whole, Decimals) != part * 100m / whole;

    /// <summary>"làm tròn" or "cắt bớt", as shown beside a percentage it changed.</summary>
    public string Label => Mode == PercentRoundingMode.Truncate ? "cắt bớt" : "làm tròn";

    /// <summary>The sentence that names the setting under a table of percentages.</summary>
    public string Note => $"Tỷ lệ phần trăm lấy hai chữ số thập phân, {Label} (thiết lập {SettingName} = {Mode}).";
}
