namespace PartyOrg.Domain.Rating;

/// <summary>The four quality levels (QĐ 132, QĐ 124, QĐ 366 alike), best first.</summary>
public enum RatingLevel
{
    Excellent,
    Good,
    Completed,
    NotCompleted,
}

/// <summary>Who is rated, each with its own criteria frame (QĐ 366 annexes; HD 43-HD/BTCTW).</summary>
public enum RatingSubject
{
    /// <summary>A party organization (tập thể).</summary>
    Collective,
    /// <summary>A member holding a leadership or management post.</summary>
    Leader,
    /// <summary>A member working in the political system without a post.</summary>
    MemberWithoutPost,
    /// <summary>A member not working in the political system.</summary>
    MemberOutsidePoliticalSystem,
}

public static class RatingLevels
{
    public static string Label(this RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        RatingLevel.Good => "Hoàn thành tốt nhiệm vụ",
        RatingLevel.Completed => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };

    /// <summary>"Hoàn thành tốt nhiệm vụ trở lên": Excellent or Good.</summary>
    public static bool IsGoodOrAbove(this RatingLevel level) => level is RatingLevel.Excellent or RatingLevel.Good;

    public static readonly RatingLevel[] All = [RatingLevel.Excellent, RatingLevel.Good, RatingLevel.Completed, RatingLevel.NotCompleted];
}
