using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartyOrg.Web.Features.Organizations;

namespace PartyOrg.Web.Data;

/// <summary>The one model; each provider has its own subclass so each keeps its own migrations.</summary>
public abstract class AppDbContext(DbContextOptions options, AuditActor actor) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberPlacement> MemberPlacements => Set<MemberPlacement>();
    public DbSet<MemberNameKey> MemberNameKeys => Set<MemberNameKey>();
    public DbSet<SubtreeCountChange> SubtreeCountChanges => Set<SubtreeCountChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AdmissionTarget> AdmissionTargets => Set<AdmissionTarget>();
    public DbSet<AdmissionCase> AdmissionCases => Set<AdmissionCase>();
    public DbSet<MemberDecision> MemberDecisions => Set<MemberDecision>();
    public DbSet<MemberTransfer> MemberTransfers => Set<MemberTransfer>();
    public DbSet<BadgeAward> BadgeAwards => Set<BadgeAward>();
    public DbSet<CalendarExceptionEntry> CalendarExceptions => Set<CalendarExceptionEntry>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<RatingRound> RatingRounds => Set<RatingRound>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportError> ImportErrors => Set<ImportError>();
    public DbSet<DisciplineDecision> DisciplineDecisions => Set<DisciplineDecision>();
    public DbSet<PostKind> PostKinds => Set<PostKind>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostHolding> PostHoldings => Set<PostHolding>();
    public DbSet<CadrePlan> CadrePlans => Set<CadrePlan>();
    public DbSet<PlanEntry> PlanEntries => Set<PlanEntry>();
    public DbSet<ConfidenceRound> ConfidenceRounds => Set<ConfidenceRound>();
    public DbSet<ConfidenceResult> ConfidenceResults => Set<ConfidenceResult>();
    public DbSet<AppointmentCase> AppointmentCases => Set<AppointmentCase>();
    public DbSet<AppointmentStep> AppointmentSteps => Set<AppointmentStep>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<TrainingEnrolment> TrainingEnrolments => Set<TrainingEnrolment>();

    /// <summary>Columns compared as byte strings (prefix ranges, ordering keys).</summary>
    protected static readonly string[] OrdinalColumns = [nameof(Member.SearchName), nameof(Member.SearchGiven), nameof(Member.SortKey), nameof(Member.OrgPath), nameof(Organization.Path)];

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<Organization>(e =>
        {
            e.HasIndex(o => o.Code).IsUnique();
            e.HasIndex(o => o.Path);
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => o.SuccessorId);
            e.Property(o => o.Code).HasMaxLength(40);
            e.Property(o => o.Name).HasMaxLength(300);
            e.Property(o => o.Path).HasMaxLength(200);
            e.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.Field).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Member>(e =>
        {
            e.HasIndex(m => m.CitizenId).IsUnique();
            e.HasIndex(m => m.CardNumber).IsUnique();
            e.HasIndex(m => m.SearchName);
            e.HasIndex(m => m.SearchGiven);
            e.HasIndex(m => new { m.OrgPath, m.SortKey });
            // Large subtrees in name or birth-date order: walked in order, the scope and the filters checked inside the index.
            e.HasIndex(m => new { m.SortKey, m.OrgPath, m.Status, m.Gender, m.DateOfBirth });
            e.HasIndex(m => new { m.DateOfBirth, m.OrgPath, m.Status, m.Gender });
            // The total of a filtered subtree list, counted inside the index without reading the rows.
            e.HasIndex(m => new { m.OrgPath, m.Status, m.Gender, m.DateOfBirth });
            e.HasIndex(m => m.OrganizationId);
            // The year's admissions and readmissions of the statistics and targets start from the decision dates.
            e.HasIndex(m => m.AdmittedOn);
            e.HasIndex(m => m.ReadmittedOn);
            e.Property(m => m.FullName).HasMaxLength(120);
            e.Property(m => m.SearchName).HasMaxLength(120);
            e.Property(m => m.SearchGiven).HasMaxLength(160);
            e.Property(m => m.SortKey).HasMaxLength(300);
            e.Property(m => m.OrgPath).HasMaxLength(200);
            e.Property(m => m.CitizenId).HasMaxLength(12);
            e.Property(m => m.CardNumber).HasMaxLength(20);
            e.Property(m => m.EthnicGroupCode).HasMaxLength(2);
            e.Property(m => m.Religion).HasMaxLength(120);
            foreach (var p in new[] { nameof(Member.Birthplace), nameof(Member.HomeTown), nameof(Member.PermanentAddress), nameof(Member.CurrentAddress), nameof(Member.Profession) })
                e.Property(p).HasMaxLength(300);
            e.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.GeneralEducation).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.ProfessionalDegree).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.PoliticalTheory).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MemberPlacement>(e =>
        {
            e.HasIndex(p => new { p.OrgPath, p.FromDate, p.ToDate }); // covers the "active on date" counts
            e.HasIndex(p => p.MemberId);
            e.Property(p => p.OrgPath).HasMaxLength(200);
            e.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SubtreeCountChange>(e =>
        {
            // The key is the read: one organization's changes up to a date, an index range.
            e.HasKey(c => new { c.OrganizationId, c.Measure, c.Date });
        });
        b.Entity<MemberNameKey>(e =>
        {
            e.HasKey(k => new { k.MemberId, k.Key });
            // Covering: the prefix range on Key, the scope on OrgPath and the member id, without reading the table.
            e.HasIndex(k => new { k.Key, k.OrgPath, k.MemberId });
            // Ordered: a search's first page walks the matched words, then the name order, and stops after a page.
            e.HasIndex(k => new { k.Key, k.SortKey, k.MemberId });
            e.Property(k => k.Key).HasMaxLength(120);
            e.Property(k => k.OrgPath).HasMaxLength(200);
            e.Property(k => k.SortKey).HasMaxLength(300);
            e.HasOne<Member>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AdmissionTarget>(e =>
        {
            // NULLs are distinct in a unique index on both databases, so yearly and term targets each get their own.
            e.HasIndex(t => new { t.OrganizationId, t.Year, t.Source }, "IX_AdmissionTargets_Yearly").IsUnique().HasFilter("\"Term\" IS NULL");
            e.HasIndex(t => new { t.OrganizationId, t.Term, t.Source }, "IX_AdmissionTargets_Term").IsUnique().HasFilter("\"Year\" IS NULL");
            e.Property(t => t.Term).HasMaxLength(20);
            e.Property(t => t.Document).HasMaxLength(300);
            e.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AdmissionCase>(e =>
        {
            e.HasIndex(c => new { c.OrgPath, c.Step });
            e.HasIndex(c => new { c.OrgPath, c.Step, c.SourceSince });
            e.HasIndex(c => c.CitizenId);
            // At most one open case per person, race-free: the second of two parallel writes fails on this index.
            e.HasIndex(c => c.CitizenId, "IX_AdmissionCases_CitizenId_Open").IsUnique().HasFilter("\"Step\" NOT IN ('Ceremony', 'Dropped')");
            e.HasIndex(c => c.SearchName);
            e.Property(c => c.FullName).HasMaxLength(120);
            e.Property(c => c.SearchName).HasMaxLength(120);
            e.Property(c => c.CitizenId).HasMaxLength(12);
            e.Property(c => c.EthnicGroupCode).HasMaxLength(2);
            e.Property(c => c.Religion).HasMaxLength(120);
            e.Property(c => c.OrgPath).HasMaxLength(200);
            foreach (var p in new[] { nameof(AdmissionCase.Occupation), nameof(AdmissionCase.DropReason), nameof(AdmissionCase.ProvincialConsent) })
                e.Property(p).HasMaxLength(300);
            foreach (var p in new[] { nameof(AdmissionCase.CourseCertificateNumber), nameof(AdmissionCase.CellResolutionNumber), nameof(AdmissionCase.DecisionNumber), nameof(AdmissionCase.LateConsentNumber) })
                e.Property(p).HasMaxLength(60);
            e.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.GeneralEducation).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.SourceGroup).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Step).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.ApprovingOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.LateConsentOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.Sponsor1Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.Sponsor2Id).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MemberDecision>(e =>
        {
            e.HasIndex(d => new { d.MemberId, d.DecidedOn });
            e.HasIndex(d => new { d.Kind, d.DecidedOn }); // the year's recognitions, exits and deaths of the statistics
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.RemovalCase).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.Number).HasMaxLength(60);
            e.Property(d => d.Reason).HasMaxLength(500);
            e.Property(d => d.ConsentDocument).HasMaxLength(120);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(d => d.IssuerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MemberTransfer>(e =>
        {
            e.HasIndex(t => new { t.FromPath, t.State });
            e.HasIndex(t => new { t.ToPath, t.State });
            e.HasIndex(t => t.MemberId);
            e.Property(t => t.FromPath).HasMaxLength(200);
            e.Property(t => t.ToPath).HasMaxLength(200);
            e.Property(t => t.LetterNumber).HasMaxLength(60);
            e.Property(t => t.Reason).HasMaxLength(300);
            e.Property(t => t.LateReason).HasMaxLength(300);
            e.Property(t => t.LateDecisionNumber).HasMaxLength(60);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.LateDecisionOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BadgeAward>(e =>
        {
            e.HasIndex(a => new { a.MemberId, a.Milestone }).IsUnique();
            e.HasIndex(a => new { a.OrgPath, a.OccasionOn });
            e.Property(a => a.OrgPath).HasMaxLength(200);
            e.Property(a => a.DecisionNumber).HasMaxLength(60);
            e.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CalendarExceptionEntry>(e =>
        {
            e.ToTable("CalendarExceptions");
            // One standing exception a day; withdrawn ones stay as history.
            e.HasIndex(x => x.Date, "IX_CalendarExceptions_Date_Standing").IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
            e.HasIndex(x => x.Year);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(PartyOrg.Domain.Common.CalendarExceptionRule.NameMaxLength);
            e.Property(x => x.Basis).HasMaxLength(PartyOrg.Domain.Common.CalendarExceptionRule.BasisMaxLength);
        });
        b.Entity<CalendarYear>(e => e.HasIndex(y => y.Year).IsUnique());
        b.Entity<Rating>(e =>
        {
            e.HasIndex(r => new { r.MemberId, r.Year }).IsUnique().HasFilter("\"MemberId\" IS NOT NULL");
            e.HasIndex(r => new { r.SubjectOrganizationId, r.Year }).IsUnique().HasFilter("\"SubjectOrganizationId\" IS NOT NULL");
            e.HasIndex(r => new { r.Year, r.OrgPath });
            e.Property(r => r.OrgPath).HasMaxLength(200);
            e.Property(r => r.Subject).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.SelfLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.ProposedLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.DecidedLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.SelfBy).HasMaxLength(256);
            e.Property(r => r.ProposedBy).HasMaxLength(256);
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.Property(r => r.ExemptReason).HasMaxLength(300);
            e.Property(r => r.TasksExceededPercent).HasPrecision(5, 2);
            e.Property(r => r.TasksLatePercent).HasPrecision(5, 2);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.SubjectOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RatingRound>(e =>
        {
            e.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
            e.Property(r => r.OrgPath).HasMaxLength(200);
            e.Property(r => r.LockedBy).HasMaxLength(256);
            e.Property(r => r.UnlockedBy).HasMaxLength(256);
            e.Property(r => r.UnlockReason).HasMaxLength(300);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ImportJob>(e =>
        {
            e.HasIndex(j => new { j.UserName, j.Id });
            e.HasIndex(j => j.State);
            e.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.UserName).HasMaxLength(256);
            e.Property(j => j.FileName).HasMaxLength(260);
            e.Property(j => j.StoredPath).HasMaxLength(1000);
            e.Property(j => j.Message).HasMaxLength(1000);
            e.Property(j => j.Ip).HasMaxLength(64);
        });
        b.Entity<ImportError>(e =>
        {
            e.HasIndex(x => new { x.JobId, x.Row });
            e.Property(x => x.Column).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DisciplineDecision>(e =>
        {
            e.HasIndex(d => new { d.MemberId, d.DecidedOn });
            e.HasIndex(d => new { d.OrganizationId, d.DecidedOn });
            e.HasIndex(d => new { d.OrgPath, d.DecidedOn });
            e.Property(d => d.Subject).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Form).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ReducedTo).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ComplaintOutcome).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.OrgPath).HasMaxLength(200);
            e.Property(d => d.Number).HasMaxLength(60);
            e.Property(d => d.ComplaintNumber).HasMaxLength(60);
            e.Property(d => d.Violation).HasMaxLength(500);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(d => d.IssuerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Member>().HasIndex(m => new { m.Status, m.AdmittedOn });
        CadreModel.Configure(b);
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.Property(a => a.EntityType).HasMaxLength(40);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.Property(a => a.RequestId).HasMaxLength(64);
        });
        b.Entity<AccountEvent>(e =>
        {
            e.HasIndex(a => new { a.UserName, a.At });
            e.HasIndex(a => a.At);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.ActorName).HasMaxLength(256);
            e.Property(a => a.Kind).HasMaxLength(40);
            e.Property(a => a.Detail).HasMaxLength(500);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.Property(a => a.RequestId).HasMaxLength(64);
        });
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(120);
        });
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            b.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    /// <summary>The records whose every change is kept in history.</summary>
    private static readonly HashSet<Type> AuditedTypes =
        [typeof(Organization), typeof(Member), typeof(AdmissionCase), typeof(MemberDecision), typeof(MemberTransfer), typeof(BadgeAward), typeof(AdmissionTarget), typeof(CalendarExceptionEntry), typeof(CalendarYear), typeof(DisciplineDecision), typeof(Rating), typeof(RatingRound), typeof(Post), typeof(PostHolding), typeof(CadrePlan), typeof(PlanEntry), typeof(ConfidenceRound), typeof(ConfidenceResult), typeof(AppointmentCase), typeof(AppointmentStep), typeof(TrainingCourse), typeof(TrainingEnrolment)];

    private static readonly HashSet<string> DerivedProperties =
        [nameof(Member.SearchName), nameof(Member.SearchGiven), nameof(Member.SortKey), nameof(Member.OrgPath), nameof(Organization.Path), nameof(Organization.Depth), nameof(IVersioned.Version)];

    /// <summary>Every write to an organization or member leaves an audit entry in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries()
            .Where(e => AuditedTypes.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (pending.Any(e => e.State == EntityState.Deleted))
            throw new InvalidOperationException("Records are never physically deleted; change their state instead.");
        // Each save of an edited record raises its version; the original value stays the concurrency check.
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = entry.OriginalValues.GetValue<int>(nameof(IVersioned.Version)) + 1;
        var renamed = ChangeTracker.Entries<Member>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && (
                e.Property(m => m.SearchName).IsModified || e.Property(m => m.SortKey).IsModified || e.Property(m => m.OrgPath).IsModified)))
            .Select(e => (Member: e.Entity, Added: e.State == EntityState.Added)).ToList();
        var counted = SubtreeCounts.PendingIn(ChangeTracker);
        if (pending.Count == 0 && counted.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var audits = pending.Select(e => (Entry: e, Audit: Describe(e))).Where(a => a.Audit is not null).ToList();
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await SubtreeCounts.BeforeSaveAsync(this, counted, cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ReplaceNameKeysAsync(renamed, cancellationToken);
            await SubtreeCounts.AfterSaveAsync(this, counted, cancellationToken);
            foreach (var (entry, audit) in audits)
            {
                audit!.EntityId = (int)entry.Property("Id").CurrentValue!;
                AuditEntries.Add(audit);
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// The search keys follow the name and the cell in the same transaction as the member: a new or renamed member
    /// is found by any inner word at once, and a moved one within its new scope.
    /// </summary>
    private async Task ReplaceNameKeysAsync(List<(Member Member, bool Added)> members, CancellationToken cancellationToken)
    {
        if (members.Count == 0) return;
        var changedIds = members.Where(m => !m.Added).Select(m => m.Member.Id).ToList();
        if (changedIds.Count > 0)
        {
            await MemberNameKeys.Where(k => changedIds.Contains(k.MemberId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var tracked in ChangeTracker.Entries<MemberNameKey>().Where(k => changedIds.Contains(k.Entity.MemberId)).ToList())
                tracked.State = EntityState.Detached;
        }
        foreach (var (member, _) in members)
            MemberNameKeys.AddRange(MemberNameKey.SuffixesOf(member.SearchName)
                .Select(key => new MemberNameKey { MemberId = member.Id, Key = key, OrgPath = member.OrgPath, SortKey = member.SortKey }));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private AuditEntry? Describe(EntityEntry entry)
    {
        var added = entry.State == EntityState.Added;
        var changes = entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !DerivedProperties.Contains(p.Metadata.Name))
            .Where(p => added ? p.CurrentValue is not null : p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => new AuditChange(p.Metadata.Name, added ? null : Show(p.OriginalValue), Show(p.CurrentValue)))
            .ToList();
        if (!added && changes.Count == 0) return null;
        return new AuditEntry
        {
            EntityType = entry.Entity.GetType().Name,
            Action = added ? AuditActions.Created : AuditActions.Updated,
            UserName = actor.UserName,
            At = DateTime.UtcNow,
            Ip = actor.Ip,
            RequestId = actor.RequestId,
            Changes = JsonSerializer.Serialize(changes, AuditChange.Json),
        };
    }

    /// <summary>A value as the audit trail stores it (dates yyyy-MM-dd, numbers invariant, enums by name).</summary>
    public static string? Show(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    /// <summary>Written by an import (created or changed): the entry's RequestId names the import job.</summary>
    public const string Imported = "Imported";
}

public sealed record AuditChange(string Field, string? Before, string? After)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Who is making the change: the signed-in user, or the system for start-up work.</summary>
public sealed class AuditActor(IHttpContextAccessor? http = null)
{
    public const string SystemName = "hệ thống";
    public static readonly AuditActor System = new();

    private (string UserName, string? Ip, string RequestId)? background;

    public string UserName => background?.UserName ?? http?.HttpContext?.User.Identity?.Name ?? SystemName;
    public string? Ip => background is { } b ? b.Ip : http?.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? RequestId => background?.RequestId ?? http?.HttpContext?.TraceIdentifier;

    /// <summary>Background work done for a user (an import): its writes are audited in that user's name, with the work's own id.</summary>
    public void ActFor(string userName, string? ip, string requestId) => background = (userName, ip, requestId);
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, AuditActor actor) : AppDbContext(options, actor);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, AuditActor actor) : AppDbContext(options, actor)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Byte-wise collation, so prefix ranges and sort keys compare as they do in SQLite and in C#.
        b.Entity<Member>(e => { foreach (var c in OrdinalColumns.Where(c => c != nameof(Organization.Path))) e.Property(c).UseCollation("C"); });
        b.Entity<Organization>().Property(o => o.Path).UseCollation("C");
        b.Entity<MemberPlacement>().Property(p => p.OrgPath).UseCollation("C");
        b.Entity<MemberNameKey>().Property(k => k.Key).UseCollation("C");
        b.Entity<MemberNameKey>().Property(k => k.OrgPath).UseCollation("C");
        b.Entity<MemberNameKey>().Property(k => k.SortKey).UseCollation("C");
        b.Entity<AdmissionCase>().Property(c => c.OrgPath).UseCollation("C");
        b.Entity<AdmissionCase>().Property(c => c.SearchName).UseCollation("C");
        b.Entity<MemberTransfer>().Property(t => t.FromPath).UseCollation("C");
        b.Entity<MemberTransfer>().Property(t => t.ToPath).UseCollation("C");
        b.Entity<BadgeAward>().Property(a => a.OrgPath).UseCollation("C");
        b.Entity<Rating>().Property(r => r.OrgPath).UseCollation("C");
        b.Entity<RatingRound>().Property(r => r.OrgPath).UseCollation("C");
        b.Entity<DisciplineDecision>().Property(d => d.OrgPath).UseCollation("C");
        // The cadre records are scoped by the managing committee's path, compared as prefix ranges like the others.
        b.Entity<Post>().Property(p => p.OrgPath).UseCollation("C");
        b.Entity<Post>().Property(p => p.ManagingPath).UseCollation("C");
        b.Entity<PostHolding>().Property(h => h.ManagingPath).UseCollation("C");
        b.Entity<CadrePlan>().Property(p => p.ManagingPath).UseCollation("C");
        b.Entity<PlanEntry>().Property(e => e.ManagingPath).UseCollation("C");
        b.Entity<ConfidenceRound>().Property(r => r.ManagingPath).UseCollation("C");
        b.Entity<ConfidenceResult>().Property(r => r.ManagingPath).UseCollation("C");
        b.Entity<AppointmentCase>().Property(c => c.ManagingPath).UseCollation("C");
        b.Entity<AppointmentStep>().Property(s => s.ManagingPath).UseCollation("C");
        b.Entity<TrainingCourse>().Property(c => c.OrgPath).UseCollation("C");
        b.Entity<TrainingEnrolment>().Property(e => e.OrgPath).UseCollation("C");
    }
}
