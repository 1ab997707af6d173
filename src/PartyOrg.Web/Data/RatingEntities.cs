using PartyOrg.Domain.Rating;

namespace PartyOrg.Web.Data;

/// <summary>
/// The rating (đánh giá, xếp loại chất lượng) of one member or one organization for one year: the self-assessment, the proposal of
/// the cell or committee, the decision of the competent level, each with its date and who entered it. Exactly one of MemberId and
/// SubjectOrganizationId is set. Never deleted; a member not to be rated keeps the reason (ExemptReason).
/// </summary>
public sealed class Rating : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int Year { get; set; }
    public int? MemberId { get; set; }
    public int? SubjectOrganizationId { get; set; }
    /// <summary>The cell the member was rated in, or the organization rated itself.</summary>
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public RatingSubject Subject { get; set; }
    public RatingLevel? SelfLevel { get; set; }
    public int? SelfPoints { get; set; }
    public DateOnly? SelfOn { get; set; }
    public string? SelfBy { get; set; }
    public RatingLevel? ProposedLevel { get; set; }
    public DateOnly? ProposedOn { get; set; }
    public string? ProposedBy { get; set; }
    public RatingLevel? DecidedLevel { get; set; }
    /// <summary>The points the decision rests on (from 2025).</summary>
    public int? Points { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public bool? AllTasksOnTime { get; set; }
    public decimal? TasksExceededPercent { get; set; }
    public bool? SubUnitOrLeaderDisciplined { get; set; }
    public decimal? TasksLatePercent { get; set; }
    /// <summary>Why the member is not rated this year (miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt): the register has no such flag.</summary>
    public string? ExemptReason { get; set; }
}

/// <summary>
/// The close of a year's rating for an organization's subtree by its committee (khóa sổ): no rating inside is written while a round
/// is locked. An unlock is a decision with its reason, kept in the round's history.
/// </summary>
public sealed class RatingRound : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Year { get; set; }
    public bool Locked { get; set; }
    public DateTime? LockedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? UnlockedAt { get; set; }
    public string? UnlockedBy { get; set; }
    public string? UnlockReason { get; set; }
}
