using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;

namespace PartyOrg.Web.Data;

/// <summary>
/// A kind of post (chức danh) in the catalogue: bí thư, phó bí thư, chủ tịch UBND… The catalogue is data: the migration seeds the
/// usual kinds and more can be added as rows.
/// </summary>
public sealed class PostKind
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public PostBody Body { get; set; }
    /// <summary>How the post is usually filled; a holding records its own basis.</summary>
    public HoldingBasis UsualBasis { get; set; }
    /// <summary>Whether someone outside the register (not a member) may hold it: never for a post of a Party committee.</summary>
    public bool OutsideRegisterAllowed { get; set; }
    public int Order { get; set; }
}

/// <summary>
/// A post of an organization of the tree, or of a state or mass body attached to it ("Chủ tịch UBND xã …"), with its seats and the
/// committee that manages it (diện … quản lý). It lives as long as the organization unless ended earlier; never deleted.
/// </summary>
public sealed class Post : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public string KindCode { get; set; } = "";
    /// <summary>The post as people name it: "Bí thư Tỉnh ủy", "Chủ tịch UBND phường Tân Ninh".</summary>
    public string Title { get; set; } = "";
    public int Seats { get; set; } = 1;
    /// <summary>The committee whose standing committee manages the post (diện quản lý); its commission sees the post.</summary>
    public int ManagingOrganizationId { get; set; }
    public string ManagingPath { get; set; } = "";
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// Someone holding a post from a day to a day (exclusive; open while held), by election, appointment or designation, under a
/// decision, for a term. The holder is a member of the register, or for a post that allows it a person outside it named in words.
/// Ending a holding writes its last day and reason; nothing is deleted.
/// </summary>
public sealed class PostHolding : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int PostId { get; set; }
    /// <summary>The post's managing path, for scope.</summary>
    public string ManagingPath { get; set; } = "";
    public int? MemberId { get; set; }
    public string? OutsideName { get; set; }
    public DateOnly FromDate { get; set; }
    /// <summary>The first day no longer held (null while held).</summary>
    public DateOnly? ToDate { get; set; }
    public HoldingBasis Basis { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    /// <summary>The congress term of an elected post ("2025–2030"), by its years.</summary>
    public int? TermFrom { get; set; }
    public int? TermTo { get; set; }
    public string? EndReason { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// The plan (quy hoạch) of an organization's posts for a term ("2025–2030"), approved by a decision of the managing committee. Its
/// entries are added and removed at the yearly review, each with its decision; nothing is deleted.
/// </summary>
public sealed class CadrePlan : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int OrganizationId { get; set; }
    public string ManagingPath { get; set; } = "";
    public int TermFrom { get; set; }
    public int TermTo { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A cadre planned for a post of the plan's organization, from a day (its decision) until removed.</summary>
public sealed class PlanEntry : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int PlanId { get; set; }
    public int PostId { get; set; }
    public int MemberId { get; set; }
    public string ManagingPath { get; set; } = "";
    public DateOnly FromDate { get; set; }
    public string DecisionNumber { get; set; } = "";
    /// <summary>The first day no longer in the plan (null while planned).</summary>
    public DateOnly? ToDate { get; set; }
    public string? RemovalReason { get; set; }
    public string? RemovalDecision { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A confidence vote (lấy phiếu tín nhiệm) held by an organization on a day: who was summoned, present, ballots returned.</summary>
public sealed class ConfidenceRound : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int OrganizationId { get; set; }
    public string ManagingPath { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public int Summoned { get; set; }
    public int Present { get; set; }
    public int BallotsReturned { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>One cadre's counts in a round: tín nhiệm cao, tín nhiệm, tín nhiệm thấp.</summary>
public sealed class ConfidenceResult
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int MemberId { get; set; }
    public string ManagingPath { get; set; } = "";
    public int High { get; set; }
    public int Medium { get; set; }
    public int Low { get; set; }
}

/// <summary>
/// A case of cadre work (bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm, cho thôi giữ chức vụ): the
/// cadre, the post they go to and/or the holding they leave, its steps, and the decision that writes or ends the holdings. Scope is
/// the managing committee of the post concerned.
/// </summary>
public sealed class AppointmentCase : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public CadreActKind Kind { get; set; }
    public CadreActState State { get; set; }
    public int MemberId { get; set; }
    /// <summary>The post the cadre goes to (appointment, transfer, rotation, nomination; for a reappointment the same post).</summary>
    public int? PostId { get; set; }
    /// <summary>The holding the act ends (the post left, or the appointment renewed).</summary>
    public int? FromHoldingId { get; set; }
    public string ManagingPath { get; set; } = "";
    public DateOnly ProposedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>The first day of the new holding, or the first day the ended one is no longer held.</summary>
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>The holding the decision wrote.</summary>
    public int? HoldingId { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A step of a case with its date and document ("Tờ trình số 12-TTr/BTCTU", "Lấy phiếu giới thiệu tại hội nghị cán bộ chủ chốt").</summary>
public sealed class AppointmentStep
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string ManagingPath { get; set; } = "";
    public DateOnly On { get; set; }
    public string Name { get; set; } = "";
    public string? Document { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// A course (lớp đào tạo, bồi dưỡng) an organization sends cadres to: its level, institution, dates, and whether it is abroad.
/// </summary>
public sealed class TrainingCourse : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    /// <summary>The organization whose committee sends the cadres; its commission sees the course.</summary>
    public int OrganizationId { get; set; }
    public string OrgPath { get; set; } = "";
    public TrainingLevel Level { get; set; }
    public string Name { get; set; } = "";
    public string Institution { get; set; } = "";
    public bool Abroad { get; set; }
    public DateOnly FromDate { get; set; }
    /// <summary>The course's last day as planned.</summary>
    public DateOnly ToDate { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A member sent to a course, and how it ended: the certificate of a completed course raises the member's record.</summary>
public sealed class TrainingEnrolment : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int CourseId { get; set; }
    public int MemberId { get; set; }
    /// <summary>The course's organization path, for scope.</summary>
    public string OrgPath { get; set; } = "";
    public TrainingResult Result { get; set; }
    public DateOnly? FinishedOn { get; set; }
    public string? CertificateNumber { get; set; }
    public string RecordedBy { get; set; } = "";
}

public static class CadreModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<PostKind>(e =>
        {
            e.HasKey(k => k.Code);
            e.Property(k => k.Code).HasMaxLength(40);
            e.Property(k => k.Name).HasMaxLength(120);
            e.Property(k => k.Body).HasConversion<string>().HasMaxLength(20);
            e.Property(k => k.UsualBasis).HasConversion<string>().HasMaxLength(20);
            e.HasData(Catalogue);
        });
        b.Entity<Post>(e =>
        {
            e.HasIndex(p => new { p.OrganizationId, p.FromDate });
            // One post of a title per organization: the same post sent twice at once is refused, not recorded twice.
            e.HasIndex(p => new { p.OrganizationId, p.Title }).IsUnique();
            e.HasIndex(p => p.ManagingPath);
            e.Property(p => p.OrgPath).HasMaxLength(200);
            e.Property(p => p.ManagingPath).HasMaxLength(200);
            e.Property(p => p.KindCode).HasMaxLength(40);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.RecordedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.ManagingOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PostKind>().WithMany().HasForeignKey(p => p.KindCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PostHolding>(e =>
        {
            e.HasIndex(h => new { h.PostId, h.FromDate });
            e.HasIndex(h => new { h.MemberId, h.FromDate });
            e.Property(h => h.ManagingPath).HasMaxLength(200);
            e.Property(h => h.OutsideName).HasMaxLength(120);
            e.Property(h => h.Basis).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.DecisionNumber).HasMaxLength(60);
            e.Property(h => h.EndReason).HasMaxLength(300);
            e.Property(h => h.RecordedBy).HasMaxLength(256);
            e.HasOne<Post>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CadrePlan>(e =>
        {
            e.HasIndex(p => new { p.OrganizationId, p.TermFrom }).IsUnique();
            e.Property(p => p.ManagingPath).HasMaxLength(200);
            e.Property(p => p.DecisionNumber).HasMaxLength(60);
            e.Property(p => p.RecordedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PlanEntry>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.PostId });
            e.HasIndex(x => new { x.MemberId, x.FromDate });
            e.Property(x => x.ManagingPath).HasMaxLength(200);
            e.Property(x => x.DecisionNumber).HasMaxLength(60);
            e.Property(x => x.RemovalDecision).HasMaxLength(60);
            e.Property(x => x.RemovalReason).HasMaxLength(300);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<CadrePlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ConfidenceRound>(e =>
        {
            // One round per organization and day: the same round sent twice at once is refused, not recorded twice.
            e.HasIndex(r => new { r.OrganizationId, r.HeldOn }).IsUnique();
            e.Property(r => r.ManagingPath).HasMaxLength(200);
            e.Property(r => r.RecordedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ConfidenceResult>(e =>
        {
            e.HasIndex(r => new { r.RoundId, r.MemberId }).IsUnique();
            e.HasIndex(r => r.MemberId);
            e.Property(r => r.ManagingPath).HasMaxLength(200);
            e.HasOne<ConfidenceRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AppointmentCase>(e =>
        {
            e.HasIndex(c => new { c.MemberId, c.State });
            e.HasIndex(c => new { c.ManagingPath, c.DecidedOn });
            // One open case per holding left, and per cadre, post and act: the same case sent twice at once is opened once.
            e.HasIndex(c => c.FromHoldingId).IsUnique().HasFilter("\"State\" = 'Proposed' AND \"FromHoldingId\" IS NOT NULL").HasDatabaseName("IX_AppointmentCases_OpenFromHolding");
            e.HasIndex(c => new { c.MemberId, c.PostId, c.Kind }).IsUnique().HasFilter("\"State\" = 'Proposed' AND \"PostId\" IS NOT NULL").HasDatabaseName("IX_AppointmentCases_OpenForPost");
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.ManagingPath).HasMaxLength(200);
            e.Property(c => c.DecisionNumber).HasMaxLength(60);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PostHolding>().WithMany().HasForeignKey(c => c.FromHoldingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PostHolding>().WithMany().HasForeignKey(c => c.HoldingId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AppointmentStep>(e =>
        {
            e.HasIndex(s => new { s.CaseId, s.On });
            e.Property(s => s.ManagingPath).HasMaxLength(200);
            e.Property(s => s.Name).HasMaxLength(300);
            e.Property(s => s.Document).HasMaxLength(300);
            e.Property(s => s.RecordedBy).HasMaxLength(256);
            e.HasOne<AppointmentCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TrainingCourse>(e =>
        {
            e.HasIndex(c => new { c.OrgPath, c.FromDate });
            e.Property(c => c.OrgPath).HasMaxLength(200);
            e.Property(c => c.Level).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Institution).HasMaxLength(300);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TrainingEnrolment>(e =>
        {
            // A member enrols once per course: the same enrolment sent twice at once is refused, not recorded twice.
            e.HasIndex(x => new { x.CourseId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.MemberId);
            e.Property(x => x.OrgPath).HasMaxLength(200);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CertificateNumber).HasMaxLength(60);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<TrainingCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>The usual posts of a committee and of the bodies attached to it.</summary>
    public static readonly PostKind[] Catalogue =
    [
        new() { Code = "BI_THU", Name = "Bí thư", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Election, Order = 10 },
        new() { Code = "PHO_BI_THU", Name = "Phó Bí thư", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Election, Order = 20 },
        new() { Code = "UV_BTV", Name = "Ủy viên Ban Thường vụ", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Election, Order = 30 },
        new() { Code = "CAP_UY_VIEN", Name = "Cấp ủy viên", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Election, Order = 40 },
        new() { Code = "TRUONG_BAN_TC", Name = "Trưởng Ban Tổ chức", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Designation, Order = 50 },
        new() { Code = "PHO_BAN_TC", Name = "Phó Trưởng Ban Tổ chức", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Appointment, Order = 55 },
        new() { Code = "CHU_NHIEM_UBKT", Name = "Chủ nhiệm Ủy ban Kiểm tra", Body = PostBody.PartyCommittee, UsualBasis = HoldingBasis.Election, Order = 60 },
        new() { Code = "CHU_TICH_HDND", Name = "Chủ tịch Hội đồng nhân dân", Body = PostBody.State, UsualBasis = HoldingBasis.Election, Order = 70 },
        new() { Code = "CHU_TICH_UBND", Name = "Chủ tịch Ủy ban nhân dân", Body = PostBody.State, UsualBasis = HoldingBasis.Election, Order = 80 },
        new() { Code = "PHO_CHU_TICH_UBND", Name = "Phó Chủ tịch Ủy ban nhân dân", Body = PostBody.State, UsualBasis = HoldingBasis.Election, Order = 90 },
        new() { Code = "GIAM_DOC_SO", Name = "Giám đốc sở, thủ trưởng cơ quan chuyên môn", Body = PostBody.State, UsualBasis = HoldingBasis.Appointment, OutsideRegisterAllowed = true, Order = 100 },
        new() { Code = "CHU_TICH_MTTQ", Name = "Chủ tịch Ủy ban Mặt trận Tổ quốc", Body = PostBody.MassOrganization, UsualBasis = HoldingBasis.Election, OutsideRegisterAllowed = true, Order = 110 },
    ];
}
