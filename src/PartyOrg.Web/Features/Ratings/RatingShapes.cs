using PartyOrg.Domain.Rating;

namespace PartyOrg.Web.Features.Ratings;

/// <summary>A rating as typed in the form or sent as JSON (PUT /api/v1/ratings/...): levels are Excellent|Good|Completed|NotCompleted.</summary>
public sealed class RatingInput
{
    public string? SelfLevel { get; set; }
    public int? SelfPoints { get; set; }
    public string? ProposedLevel { get; set; }
    public string? DecidedLevel { get; set; }
    public string? DecidedOn { get; set; }
    public int? Points { get; set; }
    /// <summary>For the Excellent level from 2025: every task on time, and the share exceeded (QĐ 366 Art. 11).</summary>
    public bool? AllTasksOnTime { get; set; }
    public decimal? TasksExceededPercent { get; set; }
    /// <summary>For a collective from 2025: a direct sub-unit or a leadership member disciplined; the share of tasks late.</summary>
    public bool? SubUnitOrLeaderDisciplined { get; set; }
    public decimal? TasksLatePercent { get; set; }
    /// <summary>A member not to be rated this year, with the reason (exempted from party work, activity suspended).</summary>
    public string? ExemptReason { get; set; }
}

/// <summary>The reason of an unlock (POST /api/v1/ratings/{orgId}/{year}/unlock).</summary>
public sealed class UnlockInput
{
    public string? Reason { get; set; }
}

public sealed record RatingView(
    int? Id, int Version, int Year, int? MemberId, int? SubjectOrganizationId, string Name, int OrganizationId, string OrganizationName,
    RatingSubject Subject,
    RatingLevel? SelfLevel, int? SelfPoints, DateOnly? SelfOn, string? SelfBy,
    RatingLevel? ProposedLevel, DateOnly? ProposedOn, string? ProposedBy,
    RatingLevel? DecidedLevel, int? Points, DateOnly? DecidedOn, string? DecidedBy,
    bool? AllTasksOnTime, decimal? TasksExceededPercent, bool? SubUnitOrLeaderDisciplined, decimal? TasksLatePercent,
    string? ExemptReason)
{
    public string? DecidedLevelLabel => DecidedLevel?.Label();
    public bool Rated => DecidedLevel is not null;
}

public sealed record MissingName(int Id, string Name);

/// <summary>
/// Progress of one organization: its members rated / to rate (exempted ones apart), the names still missing, its own rating,
/// and how many of its members already have the cell's proposal (the secretary's part done).
/// </summary>
public sealed record OrganizationProgress(
    int OrganizationId, string Name, int MembersToRate, int MembersRated, int MembersExempt, IReadOnlyList<MissingName> MissingMembers,
    bool OrganizationToRate, bool OrganizationRated, int MembersProposed);

public sealed record LevelCounts(int ToRate, int Rated, int Exempt, int Excellent, int Good, int Completed, int NotCompleted, decimal? GoodOrAbovePercent);

public sealed record RatingRoundView(
    int OrganizationId, string OrganizationName, int Year, DateOnly CountedOn, string Rule, bool UsesPoints,
    bool Locked, int? LockedAtOrganizationId, string? LockedAtOrganizationName, DateTime? LockedAt, string? LockedBy,
    LevelCounts Members, LevelCounts Organizations, IReadOnlyList<OrganizationProgress> Progress,
    IReadOnlyList<RatingView> MemberRatings, IReadOnlyList<RatingView> OrganizationRatings,
    IReadOnlyList<string> Settings, string PercentRounding, int RoundVersion);
