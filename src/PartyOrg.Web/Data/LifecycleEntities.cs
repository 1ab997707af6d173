using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;

namespace PartyOrg.Web.Data;

/// <summary>
/// One person's way into the Party (hồ sơ phát triển đảng viên), from the source pool to the ceremony. Each step keeps its date
/// and document; a dropped case keeps its reason. Never deleted.
/// </summary>
public sealed class AdmissionCase : IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public required string FullName { get; set; }
    public string SearchName { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public required string CitizenId { get; set; }
    public required string EthnicGroupCode { get; set; }
    public required string Religion { get; set; }
    public GeneralEducation GeneralEducation { get; set; }
    public string? Occupation { get; set; }
    public SourceGroup SourceGroup { get; set; }
    /// <summary>The cell that develops the person and will hold the ceremony.</summary>
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public AdmissionStep Step { get; set; }
    public DateOnly SourceSince { get; set; }
    public string? CourseCertificateNumber { get; set; }
    public DateOnly? CourseCertificateOn { get; set; }
    public int? Sponsor1Id { get; set; }
    public DateOnly? Sponsor1Since { get; set; }
    public int? Sponsor2Id { get; set; }
    public DateOnly? Sponsor2Since { get; set; }
    public DateOnly? SponsorsOn { get; set; }
    /// <summary>Đơn xin vào Đảng, lý lịch and the comments of the unions and the residence cell.</summary>
    public DateOnly? ApplicationOn { get; set; }
    public string? CellResolutionNumber { get; set; }
    public DateOnly? CellResolutionOn { get; set; }
    /// <summary>Consent of the provincial-level committee for an applicant over 60.</summary>
    public string? ProvincialConsent { get; set; }
    public int? ApprovingOrganizationId { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionOn { get; set; }
    public DateOnly? CeremonyOn { get; set; }
    /// <summary>The ceremony was held after its 30 working days, with the higher committee's consent (LateCeremonyRule).</summary>
    public bool CeremonyLate { get; set; }
    /// <summary>The higher committee's consent to a late ceremony: its number, date and the committee.</summary>
    public string? LateConsentNumber { get; set; }
    public DateOnly? LateConsentOn { get; set; }
    public int? LateConsentOrganizationId { get; set; }
    /// <summary>The member record the ceremony created.</summary>
    public int? MemberId { get; set; }
    public DateOnly? DroppedOn { get; set; }
    public string? DropReason { get; set; }
}

/// <summary>A dated decision on a member's standing: recognition, exit, readmission.</summary>
public sealed class MemberDecision
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public DecisionKind Kind { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string? Number { get; set; }
    /// <summary>The committee that decided.</summary>
    public int? IssuerOrganizationId { get; set; }
    public string? Reason { get; set; }
    public NameRemovalCase? RemovalCase { get; set; }
    public bool ExtremeFamilyHardship { get; set; }
    public bool CorruptionOrSeriousCrime { get; set; }
    /// <summary>The exit was for causing serious internal disunity (bars readmission).</summary>
    public bool SeriousDisunity { get; set; }
    public string? ConsentDocument { get; set; }
    /// <summary>For a readmission: the official date of the membership it follows (null if never official), kept for the standing on past dates.</summary>
    public DateOnly? PriorOfficialOn { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A transfer of party activity: issued by the sending side, confirmed by the receiving cell.</summary>
public sealed class MemberTransfer : IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int MemberId { get; set; }
    public TransferKind Kind { get; set; }
    public int FromOrganizationId { get; set; }
    public string FromPath { get; set; } = "";
    public int ToOrganizationId { get; set; }
    public string ToPath { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string? LetterNumber { get; set; }
    public string? Reason { get; set; }
    /// <summary>The member presents the letter by this day (30 working days).</summary>
    public DateOnly PresentBy { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    /// <summary>Planned end of a temporary transfer.</summary>
    public DateOnly? ReturnOn { get; set; }
    public bool ForStudy { get; set; }
    public TransferState State { get; set; }
    /// <summary>A letter received after PresentBy: the receiving cell's reason for the lateness.</summary>
    public string? LateReason { get; set; }
    /// <summary>The competent committee's decision on the late period: number, date, whether it counts in party age, the committee.</summary>
    public string? LateDecisionNumber { get; set; }
    public DateOnly? LateDecidedOn { get; set; }
    public bool? LateCountsInPartyAge { get; set; }
    public int? LateDecisionOrganizationId { get; set; }
}

/// <summary>A party badge awarded (trao tặng) or awarded posthumously (truy tặng).</summary>
public sealed class BadgeAward
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public int Milestone { get; set; }
    public DateOnly OccasionOn { get; set; }
    public string? DecisionNumber { get; set; }
    public bool Posthumous { get; set; }
    /// <summary>Where the member was active when awarded, for counts by subtree.</summary>
    public string OrgPath { get; set; } = "";
}

/// <summary>
/// A year's exception to the statutory working calendar (a weekday given off, a weekend day worked), with the government's
/// or ministry's notice it comes from. Withdrawn with a date, never deleted; who recorded or withdrew it is in the audit trail.
/// </summary>
public sealed class CalendarExceptionEntry
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateOnly Date { get; set; }
    public PartyOrg.Domain.Common.CalendarExceptionKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Basis { get; set; }
    /// <summary>When an administrator withdrew it (UTC); null while it stands.</summary>
    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>A year of the working calendar as edited: its version is the ETag of the year's exceptions.</summary>
public sealed class CalendarYear : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
}
