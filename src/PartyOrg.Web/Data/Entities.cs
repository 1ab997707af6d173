using Microsoft.AspNetCore.Identity;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;

namespace PartyOrg.Web.Data;

/// <summary>A party organization. Never deleted: it ends with a date and a state, and its tree stays readable.</summary>
public sealed class Organization : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrganizationType Type { get; set; }
    public OrganizationField Field { get; set; }
    public int? ParentId { get; set; }
    /// <summary>Materialized path of ids, "/1/17/240/": a subtree is one index range.</summary>
    public string Path { get; set; } = "";
    public int Depth { get; set; }
    public DateOnly FoundedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public OrganizationState State { get; set; }
    /// <summary>The organization that took over this one's members and history (merger).</summary>
    public int? SuccessorId { get; set; }
    public string? EndReason { get; set; }
    public int Version { get; set; }

    public bool IsActiveOn(DateOnly date) => FoundedOn <= date && (EndedOn is null || EndedOn > date);

    /// <summary>The ids along a path, top first: "/1/17/240/" → 1, 17, 240.</summary>
    public static IReadOnlyList<int> IdsOnPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>A member's record (the Party member form, lý lịch đảng viên).</summary>
public sealed class Member : IVersioned
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    /// <summary>Folded full name ("nguyen van duoc") for diacritic-free prefix search.</summary>
    public string SearchName { get; set; } = "";
    /// <summary>Folded given name, then the folded full name ("duoc nguyen van duoc").</summary>
    public string SearchGiven { get; set; } = "";
    /// <summary>Vietnamese ordering key (given name first), compared ordinally.</summary>
    public string SortKey { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Birthplace { get; set; }
    /// <summary>Quê quán.</summary>
    public string? HomeTown { get; set; }
    public required string EthnicGroupCode { get; set; }
    public required string Religion { get; set; }
    /// <summary>Số định danh cá nhân (CCCD).</summary>
    public required string CitizenId { get; set; }
    /// <summary>Nơi thường trú.</summary>
    public string? PermanentAddress { get; set; }
    /// <summary>Nơi ở hiện nay.</summary>
    public string? CurrentAddress { get; set; }
    public GeneralEducation GeneralEducation { get; set; }
    public ProfessionalDegree ProfessionalDegree { get; set; }
    public string? Profession { get; set; }
    public PoliticalTheory PoliticalTheory { get; set; }
    /// <summary>Ngày vào Đảng: the (first) admission decision; party age counts from it.</summary>
    public DateOnly AdmittedOn { get; set; }
    /// <summary>The admission ceremony (or the readmission's): probation runs 12 months from it.</summary>
    public DateOnly? CeremonyOn { get; set; }
    /// <summary>Ngày kết nạp lại, for a readmitted member.</summary>
    public DateOnly? ReadmittedOn { get; set; }
    public DateOnly? OfficialOn { get; set; }
    public string? CardNumber { get; set; }
    /// <summary>The cell where the member is active.</summary>
    public int OrganizationId { get; set; }
    /// <summary>Copy of the cell's path, so subtree filters need no join.</summary>
    public string OrgPath { get; set; } = "";
    public MemberStatus Status { get; set; }
    public int Version { get; set; }
}

/// <summary>Where a member was active and when (ToDate exclusive): the tree "as of" any date counts these.</summary>
public sealed class MemberPlacement
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
}

/// <summary>
/// An admission target (chỉ tiêu kết nạp đảng viên) of an organization for a year or a term (nhiệm kỳ),
/// allocated from above or proposed from below.
/// </summary>
public sealed class AdmissionTarget : IVersioned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    /// <summary>The year, for a yearly target; null for a term target.</summary>
    public int? Year { get; set; }
    /// <summary>The term label ("2020-2025"), for a term target; null for a yearly target.</summary>
    public string? Term { get; set; }
    /// <summary>
    /// The first day whose admissions count (countFrom): 1 January for a yearly target; for a term, by default the day after the
    /// congress that set it (<see cref="DocumentDate"/> + 1), or the day the commission chose (TargetWindowRule).
    /// </summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>The last day whose admissions count (countTo): 31 December for a yearly target; the term's end for a term.</summary>
    public DateOnly PeriodEnd { get; set; }
    public int Count { get; set; }
    public TargetSource Source { get; set; }
    /// <summary>The document that set it, e.g. "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI".</summary>
    public string? Document { get; set; }
    /// <summary>The date of that document (for a term, the congress): a term counts from the next day unless told otherwise.</summary>
    public DateOnly? DocumentDate { get; set; }
    public int Version { get; set; }
}

public enum TargetSource
{
    /// <summary>Giao (allocated top-down).</summary>
    Allocated,
    /// <summary>Đề xuất (proposed bottom-up).</summary>
    Proposed,
}

/// <summary>One change to a record: who, when, which fields, before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }
    /// <summary>JSON array of {field, before, after}.</summary>
    public required string Changes { get; set; }
    /// <summary>The address the request came from, and its id in the server log.</summary>
    public string? Ip { get; set; }
    public string? RequestId { get; set; }
}

/// <summary>
/// A record edited by people: the version is the optimistic-concurrency token (sent as ETag, expected as If-Match
/// and as a hidden field in forms), raised on every save, so a write based on a stale read is refused, not lost.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>Top of the subtree a commission user or cell secretary acts in.</summary>
    public int? ScopeOrganizationId { get; set; }
    /// <summary>The member record of a user with the Member role.</summary>
    public int? MemberId { get; set; }
    public bool CanWrite { get; set; }
    /// <summary>Disabled by an administrator: no sign-in, and every session and token ends at once.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>Set by a password reset: the user must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>An account event (sign-in, failure, password change, role or scope change, disable): the security audit.</summary>
public sealed class AccountEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The account the event is about (as typed, for a failed sign-in of an unknown name).</summary>
    public required string UserName { get; set; }
    /// <summary>Who caused it: the user themself, an administrator, or the system.</summary>
    public required string ActorName { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? Ip { get; set; }
    public string? RequestId { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Commission = "Commission";
    public const string CellSecretary = "CellSecretary";
    public const string Member = "Member";

    public static readonly string[] All = [Admin, Commission, CellSecretary, Member];

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Commission => "Cán bộ Ban Tổ chức",
        CellSecretary => "Bí thư chi bộ",
        Member => "Đảng viên",
        _ => role,
    };
}
