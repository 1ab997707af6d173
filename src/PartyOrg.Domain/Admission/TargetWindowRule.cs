using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Admission;

/// <summary>
/// The window in which admissions count against a target (chỉ tiêu kết nạp). A yearly target counts the calendar year. A term target
/// (nhiệm kỳ "2020-2025") counts from its own start to its own end: by default from the day after the congress whose resolution set
/// it (the date of the target's document + 1) to 31 December of the term's last year; the commission may set both days, as the
/// provinces do when they count "from 2021" after a congress in October 2020 (Vĩnh Long: 2.715 of 5.000 "từ năm 2021 đến tháng
/// 6/2023", seed report of 07/09/2023). A congress may be held a little before or after the years of its label, so each end may lie
/// in the year before or after the label's year; windows of two terms of the same organization never overlap, so that no
/// admission counts in two terms. Not a regulation: how a commission counts its term is its own resolution's choice.
/// </summary>
public static class TargetWindowRule
{
    /// <summary>The years of a term label "2020-2025" (from 2000, at most 10 years), or null if it is not one.</summary>
    public static (int First, int Last)? TermYears(string? term)
    {
        var parts = (term ?? "").Trim().Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && a >= 2000 && b > a && b - a <= 10 ? (a, b) : null;
    }

    public static (DateOnly From, DateOnly To) Year(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Where a term's count starts when the commission does not say: the day after its document (the congress), else 1 January of its first year.</summary>
    public static DateOnly DefaultTermStart(int firstYear, DateOnly? documentDate) => documentDate?.AddDays(1) ?? new DateOnly(firstYear, 1, 1);

    /// <summary>Where a term's count ends when the commission does not say: 31 December of its last year.</summary>
    public static DateOnly DefaultTermEnd(int lastYear) => new(lastYear, 12, 31);

    /// <summary>The earliest and latest days either end of a term's window may take: the label's years, one year wider on each side.</summary>
    public static (DateOnly Earliest, DateOnly Latest) StartRange(int firstYear) => (new DateOnly(firstYear - 1, 1, 1), new DateOnly(firstYear + 1, 12, 31));

    public static (DateOnly Earliest, DateOnly Latest) EndRange(int lastYear) => (new DateOnly(lastYear - 1, 1, 1), new DateOnly(lastYear + 1, 12, 31));

    /// <summary>
    /// The window of term <paramref name="term"/>: each end inside its range, the start not after the end. Errors name the field
    /// through which the day came (<paramref name="fromField"/>: countFrom, or documentDate when the start was derived from it).
    /// </summary>
    public static IEnumerable<FieldError> CheckTerm(string term, DateOnly from, DateOnly to, string fromField, string toField)
    {
        if (TermYears(term) is not { } years)
        {
            yield return new("term", "Nhiệm kỳ: viết dạng 2025-2030.");
            yield break;
        }
        var (startMin, startMax) = StartRange(years.First);
        var (endMin, endMax) = EndRange(years.Last);
        var fromLabel = fromField == "documentDate" ? $"Ngày văn bản: ngày bắt đầu tính (ngày sau ngày văn bản, {VnFormat.Date(from)})" : $"Tính từ ngày: {VnFormat.Date(from)}";
        if (from < startMin || from > startMax)
            yield return new(fromField, $"{fromLabel} phải trong khoảng {VnFormat.Date(startMin)} – {VnFormat.Date(startMax)} của nhiệm kỳ {term}.");
        if (to < endMin || to > endMax)
            yield return new(toField, $"Tính đến ngày: {VnFormat.Date(to)} phải trong khoảng {VnFormat.Date(endMin)} – {VnFormat.Date(endMax)} của nhiệm kỳ {term}.");
        if (from > to)
            yield return new(toField, $"Tính đến ngày: {VnFormat.Date(to)} phải sau ngày bắt đầu tính {VnFormat.Date(from)}.");
    }

    /// <summary>Whether two windows share a day.</summary>
    public static bool Overlap(DateOnly fromA, DateOnly toA, DateOnly fromB, DateOnly toB) => fromA <= toB && fromB <= toA;

    /// <summary>The refusal when the window of <paramref name="term"/> shares days with that of <paramref name="otherTerm"/>.</summary>
    public static FieldError OverlapError(string term, DateOnly from, DateOnly to, string otherTerm, DateOnly otherFrom, DateOnly otherTo, string field) =>
        new(field, $"Thời gian tính: nhiệm kỳ {term} ({VnFormat.Date(from)} – {VnFormat.Date(to)}) trùng với nhiệm kỳ {otherTerm} đã lưu ({VnFormat.Date(otherFrom)} – {VnFormat.Date(otherTo)}); "
                   + "một lần kết nạp chỉ được tính cho một nhiệm kỳ: sửa ngày bắt đầu của nhiệm kỳ này hoặc ngày kết thúc của nhiệm kỳ kia.");
}
