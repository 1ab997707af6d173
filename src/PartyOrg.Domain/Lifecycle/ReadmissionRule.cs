using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Lifecycle;

/// <summary>A past exit as the readmission rule sees it.</summary>
public sealed record ExitFacts(
    DecisionKind Kind, DateOnly On, NameRemovalCase? RemovalCase, bool ExtremeFamilyHardship, bool CorruptionOrSeriousCrime, bool SeriousDisunity = false);

/// <summary>
/// Readmission (kết nạp lại), QĐ 294-QĐ/TW points 3.5.1–3.5.4 (in force from 01/07/2025; the same structure in 232 and 24):
/// once only; at least 36 months after leaving; written consent of the provincial standing committee ("được Ban Thường vụ Tỉnh
/// ủy, Thành ủy (hoặc tương đương) đồng ý bằng văn bản"); never for those who left by abandoning party activity, by asking to
/// leave (except extremely difficult family circumstances), by causing serious internal disunity, or who were convicted of
/// corruption or of a serious crime or worse. A name removal for three months of unpaid fees is none of these: it does not bar
/// readmission (only "bỏ sinh hoạt đảng" is listed). The 60 months after a cleared minor conviction need facts the register does
/// not hold: the commission judges them.
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
                $"Ngày quyết định: phải sau khi ra khỏi Đảng ít nhất {MinimumMonthsAway} tháng (ra ngày {VnFormat.Date(lastExit.On)}, mới {Math.Max(0, months)} tháng) (Quy định 294-QĐ/TW, điểm 3.5).");
        foreach (var barred in Bars(lastExit))
            yield return new(DecisionFields.Kind, $"Kết nạp lại: không xem xét kết nạp lại người {barred} (Quy định 294-QĐ/TW, điểm 3.5).");
        if (string.IsNullOrWhiteSpace(consentDocument))
            yield return new(DecisionFields.ConsentDocument, "Văn bản đồng ý của Ban Thường vụ Tỉnh ủy: phải có trước khi quyết định kết nạp lại (Quy định 294-QĐ/TW, điểm 3.5).");
    }

    /// <summary>The grounds of the exit that bar readmission, in the regulation's words.</summary>
    public static IEnumerable<string> Bars(ExitFacts exit)
    {
        if (exit.Kind is DecisionKind.NameRemoval or DecisionKind.NotRecognized && exit.RemovalCase == NameRemovalCase.AbandonedActivity)
            yield return "đã bỏ sinh hoạt đảng";
        if (exit.Kind == DecisionKind.Release && !exit.ExtremeFamilyHardship)
            yield return "đã xin ra khỏi Đảng (trừ trường hợp hoàn cảnh gia đình đặc biệt khó khăn)";
        if (exit.SeriousDisunity)
            yield return "đã gây mất đoàn kết nội bộ nghiêm trọng";
        if (exit.CorruptionOrSeriousCrime)
            yield return "bị kết án về tội tham nhũng hoặc tội nghiêm trọng trở lên";
    }
}
