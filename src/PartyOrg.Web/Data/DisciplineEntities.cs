using PartyOrg.Domain.Discipline;

namespace PartyOrg.Web.Data;

/// <summary>
/// A disciplinary decision (quyết định kỷ luật) on a member or an organization: a dated fact that other rules read through the
/// lapse rule (<see cref="DisciplineLapseRule"/>). The complaint and its result are recorded on it; never deleted.
/// </summary>
public sealed class DisciplineDecision : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DisciplineSubject Subject { get; set; }
    /// <summary>The member disciplined (Subject = Member).</summary>
    public int? MemberId { get; set; }
    /// <summary>The organization disciplined (Subject = Organization).</summary>
    public int? OrganizationId { get; set; }
    /// <summary>Where the subject stood on the decision's date (the member's cell then, or the organization): scope and lists by subtree.</summary>
    public string OrgPath { get; set; } = "";
    public DisciplineForm Form { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateOnly AnnouncedOn { get; set; }
    public string? Number { get; set; }
    /// <summary>The committee (or its inspection commission) that decided.</summary>
    public int IssuerOrganizationId { get; set; }
    /// <summary>The violation, in words.</summary>
    public string? Violation { get; set; }
    public DateOnly? ComplaintFiledOn { get; set; }
    public DateOnly? ComplaintDecidedOn { get; set; }
    public ComplaintOutcome? ComplaintOutcome { get; set; }
    /// <summary>The lighter form a reduced decision carries from the complaint's decision.</summary>
    public DisciplineForm? ReducedTo { get; set; }
    public string? ComplaintNumber { get; set; }
    public string RecordedBy { get; set; } = "";

    public DisciplineFacts Facts() => new(Id, Form, DecidedOn, AnnouncedOn, ComplaintFiledOn, ComplaintDecidedOn, ComplaintOutcome, ReducedTo);
}
