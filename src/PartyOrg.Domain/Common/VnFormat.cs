using System.Globalization;

namespace PartyOrg.Domain.Common;

/// <summary>vi-VN presentation: 1.642; 105,93%; 12/01/2024 in tables; "ngày 12 tháng 01 năm 2024" in documents.</summary>
public static class VnFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(long value) => value.ToString("#,0", Culture);

    /// <summary>
    /// A percentage brought to two decimals by the configured <see cref="PercentRounding"/> (the only rounding of percentages),
    /// trailing zeros dropped (111,9%).
    /// </summary>
    public static string Percent(decimal value, PercentRounding rounding) => rounding.Apply(value).ToString("0.##", Culture) + "%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>"thứ Hai" … "thứ Bảy", "Chủ nhật".</summary>
    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string DocumentDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");
}
