using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Lifecycle;

/// <summary>A past exit as the readmission rule sees it.</summary>
public sealed record ExitFacts(DecisionKind Kind, DateOnly On, NameRemovalCase? RemovalCase, bool ExtremeFamilyHardship, bool CorruptionOrSeriousCrime);

/// <summary>
/// Readmission (kết nạp lại): once only; at least 36 months after leaving; written consent of the provincial standing committee;
/// never for those who left by abandoning activity, by request (except extreme family hardship), or convicted of corruption or a
/// serious crime (points 3.5.1–3.5.4 of QĐ 294-QĐ/TW, same structure in 232 and 24). The 60 months after a cleared minor conviction
/// and the serious-disunity case need facts the register does not hold: the commission judges them.
/// </summary>
public static class ReadmissionRule
{
    public const int MinimumMonthsAway = 36;

    public static IEnumerable<FieldError> Check(ExitFacts? lastExit, bool readmittedBefore, DateOnly decidedOn, string? consentDocument)
    {
        if (lastExit is null || lastExit.Kind == DecisionKind.Death)
        {
            yield return new(DecisionFields.Kind, "Kết nạp lại: chỉ xét cho người đã ra khỏi Đảng.");
            yield break;
        }
        if (readmittedBefore)
            yield return new(DecisionFields.Kind, "Kết nạp lại: chỉ được kết nạp lại một lần (Quy định 294-QĐ/TW, điểm 3.5).");
        var months = Members.AdmissionAgeRule.AgeInFullMonths(lastExit.On, decidedOn);
        if (months < MinimumMonthsAway)
            yield return new(DecisionFields.DecidedOn,
                $"Ngày quyết định: phải sau khi ra khỏi Đảng ít nhất {MinimumMonthsAway} tháng (ra ngày {VnFormat.Date(lastExit.On)}, mới {Math.Max(0, months)} tháng).");
        var barred = lastExit.Kind switch
        {
            DecisionKind.NameRemoval or DecisionKind.NotRecognized when lastExit.RemovalCase == NameRemovalCase.AbandonedActivity => "đã bỏ sinh hoạt đảng",
            DecisionKind.Release when !lastExit.ExtremeFamilyHardship => "đã xin ra khỏi Đảng (trừ trường hợp hoàn cảnh gia đình đặc biệt khó khăn)",
            _ when lastExit.CorruptionOrSeriousCrime => "bị kết án về tội tham nhũng hoặc tội nghiêm trọng trở lên",
            _ => null,
        };
        if (barred is not null)
            yield return new(DecisionFields.Kind, $"Kết nạp lại: không xem xét kết nạp lại người {barred} (Quy định 294-QĐ/TW, điểm 3.5).");
        if (string.IsNullOrWhiteSpace(consentDocument))
            yield return new(DecisionFields.ConsentDocument, "Văn bản đồng ý của Ban Thường vụ Tỉnh ủy: phải có trước khi quyết định kết nạp lại.");
    }
}
