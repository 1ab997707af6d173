using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;

namespace PartyOrg.Domain.Rating;

/// <summary>The named settings of the rating rules (section <c>Ratings</c>), each shown beside the result it changes.</summary>
public sealed record RatingSettings(decimal ExcellentCapPercent = 20m, bool DisciplinedNotGoodOrAbove = true)
{
    public static readonly RatingSettings Default = new();
}

/// <summary>
/// The cap on "Hoàn thành xuất sắc nhiệm vụ": at most <see cref="RatingSettings.ExcellentCapPercent"/>% of those rated "tốt" or above
/// within the organization rated together. Not found for QĐ 366/HD 43 (REGULATIONS.md §10, §18): recalled for QĐ 124, and the civil
/// service's Decree 335/2025/NĐ-CP (confirmed) caps at 20% of those rated "tốt" per agency. So a setting, <see cref="SettingName"/>,
/// default 20; applies to every year (no text dates it). Percentages go through <see cref="PercentRounding"/>.
/// </summary>
public static class ExcellentCapRule
{
    public const string SettingName = "Ratings:ExcellentCapPercent";

    /// <summary>Whether <paramref name="excellent"/> of <paramref name="goodOrAbove"/> (Excellent included) stays within the cap.</summary>
    public static bool Within(int excellent, int goodOrAbove, RatingSettings settings) =>
        excellent == 0 || excellent * 100m <= settings.ExcellentCapPercent * goodOrAbove;

    /// <summary>The refusal naming the setting, with the share it would reach.</summary>
    public static string Refusal(int excellent, int goodOrAbove, RatingSettings settings, PercentRounding rounding) =>
        $"Vượt tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\": {excellent}/{goodOrAbove} người được xếp từ \"Hoàn thành tốt nhiệm vụ\" trở lên "
        + $"({VnFormat.Percent(rounding.Percent(excellent, goodOrAbove) ?? 0, rounding)}) trong cùng tổ chức, quá {Cap(settings)}% "
        + $"(thiết lập {SettingName} = {settings.ExcellentCapPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}: chưa tìm thấy văn bản của QĐ 366).";

    private static string Cap(RatingSettings settings) => settings.ExcellentCapPercent.ToString("0.##", new System.Globalization.CultureInfo("vi-VN"));

    public static string Note(RatingSettings settings) =>
        $"Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\" không quá {Cap(settings)}% số được xếp \"Hoàn thành tốt nhiệm vụ\" trở lên trong cùng tổ chức (thiết lập {SettingName}; chưa tìm thấy văn bản của QĐ 366, mặc định theo QĐ 124 và Nghị định 335/2025/NĐ-CP).";
}

/// <summary>
/// A member disciplined in the year is not rated "tốt" or above. Not found for QĐ 366/HD 43; HD 16-HD/BTCTW (2018) and HD 25 (2023),
/// recalled, say so, and Decree 335/2025 rates a disciplined civil servant "không hoàn thành" (REGULATIONS.md §10; research 2026-11).
/// So a setting, <see cref="SettingName"/>, on by default, applied to every year. "Disciplined in the year": a discipline decision
/// taking effect within the calendar year rated (<see cref="DisciplinePeriod.InForceFrom"/>).
/// </summary>
public static class DisciplineInYearRule
{
    public const string SettingName = "Ratings:DisciplinedNotGoodOrAbove";

    public static DisciplinePeriod? DisciplinedIn(int year, IEnumerable<DisciplinePeriod> periods) =>
        periods.FirstOrDefault(p => p.InForceFrom.Year == year);

    /// <summary>Whether the level is allowed: a member disciplined in the year is rated at most "Hoàn thành nhiệm vụ" when the setting is on.</summary>
    public static bool Allows(RatingLevel level, int year, IEnumerable<DisciplinePeriod> periods, RatingSettings settings) =>
        !settings.DisciplinedNotGoodOrAbove || !level.IsGoodOrAbove() || DisciplinedIn(year, periods) is null;

    public static string Refusal(DisciplinePeriod period) =>
        $"Đảng viên bị kỷ luật ({period.Form}) ngày {VnFormat.Date(period.InForceFrom)} trong năm đánh giá không được xếp \"Hoàn thành tốt nhiệm vụ\" trở lên (thiết lập {SettingName} = true).";

    public static string Note(RatingSettings settings) => settings.DisciplinedNotGoodOrAbove
        ? $"Đảng viên bị kỷ luật trong năm không được xếp \"Hoàn thành tốt nhiệm vụ\" trở lên (thiết lập {SettingName} = true; chưa tìm thấy văn bản của QĐ 366, mặc định theo HD 16/2018 và HD 25/2023)."
        : $"Không áp dụng hạn chế xếp loại với đảng viên bị kỷ luật trong năm (thiết lập {SettingName} = false).";
}
