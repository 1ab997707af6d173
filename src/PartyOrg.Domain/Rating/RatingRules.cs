using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Rating;

/// <summary>
/// What a rating rule needs beside the points: for the Excellent level, whether every task was done on time and the share
/// exceeded; for a collective, whether a direct sub-unit or a leadership member was disciplined and the share of tasks late.
/// Null where not entered: a condition not entered is not taken as met.
/// </summary>
public sealed record RatingFacts(
    bool? AllTasksOnTime = null,
    decimal? TasksExceededPercent = null,
    bool? SubUnitOrLeaderDisciplined = null,
    decimal? TasksLatePercent = null);

/// <summary>The rule of one text: which years it rates, whether points are entered, and how a level is checked.</summary>
public interface IRatingRule
{
    /// <summary>The text, as shown beside a rating: "QĐ 366-QĐ/TW (30/8/2025) và HD 43-HD/BTCTW (31/10/2025)".</summary>
    string Source { get; }
    int FirstYear { get; }
    int? LastYear { get; }
    /// <summary>Whether points (0–100) are entered and decide the level.</summary>
    bool UsesPoints { get; }
    /// <summary>Errors of a level with its points (field names are the API's); empty when they agree.</summary>
    IReadOnlyList<FieldError> Check(RatingSubject subject, RatingLevel level, int? points, RatingFacts facts, string levelField, string pointsField);
}

/// <summary>The rule by the year rated.</summary>
public static class RatingRules
{
    public static readonly IReadOnlyList<IRatingRule> All = [new Rating2025Rule(), new Rating2023Rule(), new Rating2018Rule()];

    public static IRatingRule ForYear(int year) =>
        All.FirstOrDefault(r => year >= r.FirstYear && (r.LastYear is null || year <= r.LastYear)) ?? All[^1];
}

/// <summary>
/// Ratings of 2025 on: Quy định 366-QĐ/TW of the Politburo (30/8/2025, in force from signing, replacing QĐ 124) Art. 11, guided by
/// Hướng dẫn 43-HD/BTCTW (31/10/2025, replacing HD 25-HD/BTCTW); the 2025 round is the first under them (CV 10072-CV/BTCTW, 6/11/2025).
/// Points 0–100 from the subject's frame (<see cref="RatingFrame"/>): ≥ 90 with 100% of tasks on time and ≥ 30% exceeded (a collective:
/// no direct sub-unit or leadership member disciplined) → xuất sắc; 70 to under 90 → tốt; 50 to under 70 (a collective: no more than
/// 20% of tasks late) → hoàn thành; under 50 → không hoàn thành (REGULATIONS.md §10, §18).
/// </summary>
public sealed class Rating2025Rule : IRatingRule
{
    public string Source => "QĐ 366-QĐ/TW (30/8/2025) và HD 43-HD/BTCTW (31/10/2025)";
    public int FirstYear => 2025;
    public int? LastYear => null;
    public bool UsesPoints => true;

    public const decimal ExcellentExceededPercent = 30m;
    public const decimal CompletedLateMaxPercent = 20m;

    /// <summary>The level the points and facts give. A collective at 50–69 with more than 20% of tasks late is not "hoàn thành".</summary>
    public static RatingLevel LevelFor(RatingSubject subject, int points, RatingFacts facts)
    {
        var collective = subject == RatingSubject.Collective;
        if (points >= 90 && ExcellentConditionsMet(collective, facts)) return RatingLevel.Excellent;
        if (points >= 70) return RatingLevel.Good;
        if (points >= 50 && (!collective || facts.TasksLatePercent is not > CompletedLateMaxPercent)) return RatingLevel.Completed;
        return RatingLevel.NotCompleted;
    }

    private static bool ExcellentConditionsMet(bool collective, RatingFacts facts) =>
        facts.AllTasksOnTime == true && facts.TasksExceededPercent >= ExcellentExceededPercent
        && (!collective || facts.SubUnitOrLeaderDisciplined == false);

    public IReadOnlyList<FieldError> Check(RatingSubject subject, RatingLevel level, int? points, RatingFacts facts, string levelField, string pointsField)
    {
        if (points is null)
            return [new(pointsField, $"Cần nhập điểm (0–100): từ năm 2025 mức xếp loại tính theo điểm ({Source}).")];
        if (points is < 0 or > 100)
            return [new(pointsField, "Điểm phải từ 0 đến 100.")];
        var byPoints = Band(points.Value);
        if (level == RatingLevel.Excellent && byPoints == RatingLevel.Excellent && !ExcellentConditionsMet(subject == RatingSubject.Collective, facts))
            return [new(levelField, subject == RatingSubject.Collective
                ? "Mức \"Hoàn thành xuất sắc nhiệm vụ\" cần đủ 90 điểm, 100% nhiệm vụ đúng hạn, ít nhất 30% vượt mức và không có tổ chức trực thuộc hoặc thành viên lãnh đạo bị kỷ luật (QĐ 366-QĐ/TW Điều 11)."
                : "Mức \"Hoàn thành xuất sắc nhiệm vụ\" cần đủ 90 điểm, 100% nhiệm vụ đúng hạn và ít nhất 30% vượt mức (QĐ 366-QĐ/TW Điều 11).")];
        if (level == RatingLevel.Completed && subject == RatingSubject.Collective && facts.TasksLatePercent > CompletedLateMaxPercent)
            return [new(levelField, "Tập thể có quá 20% nhiệm vụ chậm tiến độ không được xếp \"Hoàn thành nhiệm vụ\" (QĐ 366-QĐ/TW Điều 11).")];
        // 90 points or more without the Excellent conditions is "tốt"; otherwise the band decides.
        RatingLevel[] allowed = byPoints == RatingLevel.Excellent ? [RatingLevel.Excellent, RatingLevel.Good] : [byPoints];
        if (!allowed.Contains(level))
            return [new(levelField, $"Mức \"{level.Label()}\" không khớp với {points} điểm: {BandText(byPoints)} ({Source}).")];
        return [];
    }

    private static RatingLevel Band(int points) => points switch
    {
        >= 90 => RatingLevel.Excellent,
        >= 70 => RatingLevel.Good,
        >= 50 => RatingLevel.Completed,
        _ => RatingLevel.NotCompleted,
    };

    private static string BandText(RatingLevel band) => band switch
    {
        RatingLevel.Excellent => "từ 90 điểm là \"Hoàn thành xuất sắc nhiệm vụ\" (khi đủ điều kiện) hoặc \"Hoàn thành tốt nhiệm vụ\"",
        RatingLevel.Good => "từ 70 đến dưới 90 điểm là \"Hoàn thành tốt nhiệm vụ\"",
        RatingLevel.Completed => "từ 50 đến dưới 70 điểm là \"Hoàn thành nhiệm vụ\"",
        _ => "dưới 50 điểm là \"Không hoàn thành nhiệm vụ\"",
    };
}

/// <summary>
/// Ratings of 2023 and 2024: Quy định 124-QĐ/TW (4/10/2023) Art. 12, guided by Hướng dẫn 25-HD/BTCTW (2023). The four levels are
/// entered directly; the criteria were qualitative, with no 100-point scale (research of November 2026). Points are refused.
/// </summary>
public sealed class Rating2023Rule : IRatingRule
{
    public string Source => "QĐ 124-QĐ/TW (4/10/2023) và HD 25-HD/BTCTW (2023)";
    public int FirstYear => 2023;
    public int? LastYear => 2024;
    public bool UsesPoints => false;

    public IReadOnlyList<FieldError> Check(RatingSubject subject, RatingLevel level, int? points, RatingFacts facts, string levelField, string pointsField) =>
        DirectLevels.Check(points, pointsField, Source);
}

/// <summary>
/// Ratings up to 2022: Quy định 132-QĐ/TW (8/3/2018), guided by Hướng dẫn 16-HD/BTCTW (24/9/2018) as amended by HD 21-HD/BTCTW
/// (18/10/2019). The four levels are entered directly, no points.
/// </summary>
public sealed class Rating2018Rule : IRatingRule
{
    public string Source => "QĐ 132-QĐ/TW (8/3/2018) và HD 16-HD/BTCTW (24/9/2018)";
    public int FirstYear => 2018;
    public int? LastYear => 2022;
    public bool UsesPoints => false;

    public IReadOnlyList<FieldError> Check(RatingSubject subject, RatingLevel level, int? points, RatingFacts facts, string levelField, string pointsField) =>
        DirectLevels.Check(points, pointsField, Source);
}

internal static class DirectLevels
{
    public static IReadOnlyList<FieldError> Check(int? points, string pointsField, string source) => points is null
        ? []
        : [new(pointsField, $"Chỉ chấm điểm từ năm 2025; năm này xếp loại trực tiếp theo 4 mức, không nhập điểm ({source}).")];
}
