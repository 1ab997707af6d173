namespace PartyOrg.Domain.Rating;

/// <summary>One group of criteria with the most points it gives.</summary>
public sealed record CriteriaGroup(string Name, int MaxPoints);

/// <summary>
/// The criteria frame of one kind of subject: groups whose maxima add up to 100. QĐ 366-QĐ/TW (30/8/2025) has five annexes, one
/// frame per subject, each "tiêu chí chung 30 điểm + kết quả thực hiện nhiệm vụ 70 điểm" (HD 43-HD/BTCTW of 31/10/2025, reported:
/// REGULATIONS.md §18). The sub-criteria inside 30/70 were not published to us, so the frame is data per subject, not code.
/// </summary>
public sealed record RatingFrame(RatingSubject Subject, IReadOnlyList<CriteriaGroup> Groups)
{
    public int MaxPoints => Groups.Sum(g => g.MaxPoints);

    /// <summary>The default frame of every subject: general criteria 30, task results 70.</summary>
    public static RatingFrame Default(RatingSubject subject) =>
        new(subject, [new("Tiêu chí chung", 30), new("Kết quả thực hiện nhiệm vụ", 70)]);

    /// <summary>Total points from the points given per group; errors name the group that exceeds its maximum.</summary>
    public (int? Total, string? Error) Total(IReadOnlyList<int> pointsPerGroup)
    {
        if (pointsPerGroup.Count != Groups.Count)
            return (null, $"Cần nhập điểm cho đủ {Groups.Count} nhóm tiêu chí.");
        for (var i = 0; i < Groups.Count; i++)
            if (pointsPerGroup[i] < 0 || pointsPerGroup[i] > Groups[i].MaxPoints)
                return (null, $"Điểm nhóm \"{Groups[i].Name}\" phải từ 0 đến {Groups[i].MaxPoints}.");
        return (pointsPerGroup.Sum(), null);
    }
}
