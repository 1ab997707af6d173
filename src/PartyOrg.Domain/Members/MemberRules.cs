using PartyOrg.Domain.Common;
using PartyOrg.Domain.Reference;

namespace PartyOrg.Domain.Members;

/// <summary>The rules every write of a member's record must pass; nothing is saved while any fails.</summary>
public static class MemberRules
{
    public static IReadOnlyList<FieldError> Check(MemberFacts m, DateOnly today)
    {
        var errors = new List<FieldError>();
        errors.AddRange(RequiredFieldsRule.Check(m));
        errors.AddRange(DatesNotInFutureRule.Check(m, today));
        errors.AddRange(DateOrderRule.Check(m));
        errors.AddRange(AdmissionAgeRule.Check(m));
        errors.AddRange(ProbationPeriodRule.Check(m));
        errors.AddRange(CitizenIdRule.Check(m));
        return errors;
    }

    internal static FieldError Error(string field, string reason) => new(field, $"{MemberFields.Label(field)}: {reason}");
}

/// <summary>Name, ethnic group (one of the 54, QĐ 121-TCTK/PPCĐ) and religion (the recognised list) are required.</summary>
public static class RequiredFieldsRule
{
    public static IEnumerable<FieldError> Check(MemberFacts m)
    {
        var name = VnText.NormalizeName(m.FullName);
        if (name.Length == 0)
            yield return MemberRules.Error(MemberFields.FullName, "không được để trống.");
        else if (!name.Contains(' '))
            yield return MemberRules.Error(MemberFields.FullName, "phải gồm cả họ và tên.");
        else if (name.Any(c => char.IsDigit(c)))
            yield return MemberRules.Error(MemberFields.FullName, "không được chứa chữ số.");
        if (ReferenceLists.EthnicGroup(m.EthnicGroupCode) is null)
            yield return MemberRules.Error(MemberFields.EthnicGroup, "phải chọn một trong 54 dân tộc theo danh mục.");
        if (string.IsNullOrWhiteSpace(m.Religion) || !ReferenceLists.Religions.Contains(m.Religion))
            yield return MemberRules.Error(MemberFields.Religion, "phải chọn theo danh mục tôn giáo được công nhận (hoặc \"Không theo tôn giáo\").");
    }
}

/// <summary>A recorded fact cannot lie in the future.</summary>
public static class DatesNotInFutureRule
{
    public static IEnumerable<FieldError> Check(MemberFacts m, DateOnly today)
    {
        if (m.DateOfBirth > today) yield return MemberRules.Error(MemberFields.DateOfBirth, "không được sau ngày hôm nay.");
        if (m.AdmittedOn > today) yield return MemberRules.Error(MemberFields.AdmittedOn, "không được sau ngày hôm nay.");
        if (m.OfficialOn > today) yield return MemberRules.Error(MemberFields.OfficialOn, "không được sau ngày hôm nay.");
        if (m.CeremonyOn > today) yield return MemberRules.Error(MemberFields.CeremonyOn, "không được sau ngày hôm nay.");
    }
}

/// <summary>Birth comes before admission, and admission before (or on) the ceremony and the official date.</summary>
public static class DateOrderRule
{
    public static IEnumerable<FieldError> Check(MemberFacts m)
    {
        if (m.AdmittedOn <= m.DateOfBirth)
            yield return MemberRules.Error(MemberFields.AdmittedOn, "phải sau ngày sinh.");
        if (m.OfficialOn is { } official && official < m.AdmittedOn)
            yield return MemberRules.Error(MemberFields.OfficialOn, "không được trước ngày vào Đảng.");
        if (m.CeremonyOn is { } ceremony && ceremony < m.AdmittedOn)
            yield return MemberRules.Error(MemberFields.CeremonyOn, "không được trước ngày vào Đảng (ngày quyết định kết nạp).");
    }
}

/// <summary>
/// Age at admission: fully 18 years, counted in months, when the cell considers the admission
/// (Charter 2011 Art. 1; point 1 of QĐ 29-QĐ/TW 2016, 24-QĐ/TW 2021, 232-QĐ/TW 2025, 294-QĐ/TW from 1/7/2025).
/// The register only holds the admission date, so the check is made on it.
/// </summary>
public static class AdmissionAgeRule
{
    public const int MinimumYears = 18;

    public static RegulationChain Sources => CharterTexts.Implementing;

    public static int AgeInFullMonths(DateOnly birth, DateOnly on)
    {
        var months = (on.Year - birth.Year) * 12 + on.Month - birth.Month;
        // AddMonths clamps to the month's end: born 31/01, a full month is reached on 28/02 (or 29/02).
        return birth.AddMonths(months) > on ? months - 1 : months;
    }

    public static IEnumerable<FieldError> Check(MemberFacts m)
    {
        if (m.AdmittedOn <= m.DateOfBirth) yield break;
        var months = AgeInFullMonths(m.DateOfBirth, m.AdmittedOn);
        if (months < MinimumYears * 12)
        {
            var text = Sources.On(m.AdmittedOn);
            yield return MemberRules.Error(MemberFields.AdmittedOn,
                $"người vào Đảng phải đủ {MinimumYears} tuổi (tính theo tháng); ngày {VnFormat.Date(m.AdmittedOn)} mới {months / 12} tuổi {months % 12} tháng (Quy định {text.Number}).");
        }
    }
}

/// <summary>
/// Probation lasts 12 months from the admission ceremony before the member can be official (Charter 2011 Art. 5; point 4.2 of
/// the implementing regulation in force on the admission date). Without a recorded ceremony the admission date stands in.
/// </summary>
public static class ProbationPeriodRule
{
    public const int ProbationMonths = 12;

    public static RegulationChain Sources => CharterTexts.Implementing;

    public static DateOnly EarliestOfficialDate(DateOnly admittedOn) => admittedOn.AddMonths(ProbationMonths);

    public static IEnumerable<FieldError> Check(MemberFacts m)
    {
        if (m.OfficialOn is not { } official || official < m.AdmittedOn) yield break;
        var earliest = EarliestOfficialDate(m.CeremonyOn ?? m.AdmittedOn);
        if (official < earliest)
            yield return MemberRules.Error(MemberFields.OfficialOn,
                $"chỉ được công nhận chính thức sau {ProbationMonths} tháng dự bị, tức từ ngày {VnFormat.Date(earliest)} (Điều lệ Đảng, Điều 5).");
    }
}

/// <summary>The citizen identity number agrees with the record (Luật Căn cước 2023 Art. 12; Thông tư 07/2016/TT-BCA).</summary>
public static class CitizenIdRule
{
    public static IEnumerable<FieldError> Check(MemberFacts m) =>
        Cccd.Problems(m.CitizenId, m.Gender, m.DateOfBirth).Select(p => MemberRules.Error(MemberFields.CitizenId, p));
}
