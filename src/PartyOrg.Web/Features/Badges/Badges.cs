using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Badges;

/// <summary>A member due a milestone; <c>Barred</c>: why the badge may not be awarded at this occasion (discipline in force), shown instead of the award.</summary>
public sealed record BadgeCandidate(int MemberId, string FullName, string OrganizationName, DateOnly AdmittedOn, string PartyAge, int Milestone, string? Barred = null);

public sealed record MilestoneCount(int Milestone, int Count);

public sealed record BadgeSummary(DateOnly From, DateOnly To, int Total, int Posthumous, IReadOnlyList<MilestoneCount> ByMilestone);

public sealed class BadgeAwardInput
{
    public int? MemberId { get; set; }
    public int? Milestone { get; set; }
    public string? OccasionOn { get; set; }
    public string? DecisionNumber { get; set; }
    public bool Posthumous { get; set; }
}

/// <summary>Who is due a party badge at an occasion, the awards, and the counts per milestone the reports print.</summary>
public sealed class BadgeRegister(AppDbContext db, PartyAges partyAges, Calendar calendar, Standings standings)
{
    /// <summary>
    /// Official members of the subtree due a milestone at the occasion, highest milestone first. The admission date bounds the
    /// milestone reached (time out of activity only lowers it): the database keeps only those who may be due; their exact party
    /// age is worked out here.
    /// </summary>
    public async Task<IReadOnlyList<BadgeCandidate>> EligibleAsync(UserScope scope, string path, DateOnly occasion)
    {
        return await EligibleAmongAsync(MayBeDue(scope, path, ReachedBy(occasion)), occasion);
    }

    /// <summary>
    /// How many are due each milestone (the barred included), as <see cref="EligibleAsync"/> would list them, for the whole subtree
    /// of <paramref name="path"/> (within the scope). A member never out of activity is due the highest milestone the admission
    /// date reaches unless awarded it or higher: counted from the maintained subtree counts (<see cref="SubtreeCounts"/>), the
    /// official members by admission date less those already awarded, per milestone's window of admission dates, whatever the
    /// size of the subtree. The few with time out (a readmission, a letter received late) have their party age worked out one by one.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneCount>> DueCountsAsync(UserScope scope, string path, DateOnly occasion)
    {
        var reachedBy = ReachedBy(occasion);
        var organizationId = Organization.IdsOnPath(path)[^1];
        var latest = reachedBy[0].AdmittedBy;
        var basis = await db.SubtreeCountChanges.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && c.Measure >= SubtreeMeasure.OfficialByAdmission && c.Date <= latest)
            .Select(WindowOf(reachedBy))
            .GroupBy(w => new { w.Measure, w.Milestone }).Select(g => new { g.Key.Measure, g.Key.Milestone, Count = g.Sum(w => w.Delta) })
            .ToListAsync();
        // Due m: official by an admission date in m's window, less those whose highest badge is m or above.
        var plain = BadgeRule.Milestones.Select(m => new MilestoneCount(m,
            basis.Where(b => b.Milestone == m && b.Measure == SubtreeMeasure.OfficialByAdmission).Sum(b => b.Count)
            - basis.Where(b => b.Milestone == m && b.Measure > SubtreeMeasure.HighestAward && (int)b.Measure - (int)SubtreeMeasure.HighestAward >= m).Sum(b => b.Count)));
        // The members with time out come from the two small tables that record it, not from a test on every candidate.
        var timeOut = WithTimeOut;
        var withTimeOut = await EligibleAmongAsync(MayBeDue(scope, path, reachedBy).Where(m => timeOut.Contains(m.Id)), occasion);
        return plain.Concat(withTimeOut.Select(c => new MilestoneCount(c.Milestone, 1)))
            .GroupBy(c => c.Milestone).Select(g => new MilestoneCount(g.Key, g.Sum(c => c.Count))).Where(c => c.Count > 0)
            .OrderByDescending(c => c.Milestone).ToList();
    }

    /// <summary>
    /// Members with time out of activity, which comes only from a readmission or a letter received late (the maintained badge
    /// basis leaves out the same members, <see cref="SubtreeCounts"/>).
    /// </summary>
    private IQueryable<int> WithTimeOut =>
        db.MemberDecisions.Where(d => d.Kind == DecisionKind.Readmission).Select(d => d.MemberId)
            .Union(db.MemberTransfers.Where(t => t.ReceivedOn != null && t.ReceivedOn > t.PresentBy).Select(t => t.MemberId));

    private static List<(int Milestone, DateOnly AdmittedBy)> ReachedBy(DateOnly occasion) =>
        BadgeRule.Milestones.Select(m => (Milestone: m, AdmittedBy: BadgeRule.LatestAdmissionReaching(m, occasion))).ToList();

    private sealed class BasisInWindow
    {
        public SubtreeMeasure Measure { get; init; }
        public int Milestone { get; init; }
        public int Delta { get; init; }
    }

    /// <summary>A stored change with the milestone its admission date reaches at the occasion (<see cref="Reached"/> on the change's date).</summary>
    private static Expression<Func<SubtreeCountChange, BasisInWindow>> WindowOf(IReadOnlyList<(int Milestone, DateOnly AdmittedBy)> reachedBy)
    {
        var change = Expression.Parameter(typeof(SubtreeCountChange), "c");
        var reached = Reached(reachedBy);
        var milestone = ReplacingExpressionVisitor.Replace(reached.Parameters[0], Expression.Property(change, nameof(SubtreeCountChange.Date)), reached.Body);
        return Expression.Lambda<Func<SubtreeCountChange, BasisInWindow>>(Expression.MemberInit(Expression.New(typeof(BasisInWindow)),
            Expression.Bind(typeof(BasisInWindow).GetProperty(nameof(BasisInWindow.Measure))!, Expression.Property(change, nameof(SubtreeCountChange.Measure))),
            Expression.Bind(typeof(BasisInWindow).GetProperty(nameof(BasisInWindow.Milestone))!, milestone),
            Expression.Bind(typeof(BasisInWindow).GetProperty(nameof(BasisInWindow.Delta))!, Expression.Property(change, nameof(SubtreeCountChange.Delta)))), change);
    }

    /// <summary>
    /// Official members of the subtree admitted early enough for 30 years by the occasion and not awarded the highest milestone
    /// their admission date reaches (the index on (Status, AdmittedOn)): everyone who may be due.
    /// </summary>
    private IQueryable<Member> MayBeDue(UserScope scope, string path, IReadOnlyList<(int Milestone, DateOnly AdmittedBy)> reachedBy)
    {
        var latestAdmission = reachedBy[0].AdmittedBy;
        return scope.Filter(db.Members.AsNoTracking())
            .Where(PathRange.WithinAny<Member>(m => m.OrgPath, [path]))
            .Where(m => m.Status == MemberStatus.Official && m.AdmittedOn <= latestAdmission)
            .Where(NotAwardedUpToBound(reachedBy));
    }

    /// <summary>Those of <paramref name="members"/> due a milestone at the occasion, with their exact party age; the barred marked.</summary>
    private async Task<IReadOnlyList<BadgeCandidate>> EligibleAmongAsync(IQueryable<Member> members, DateOnly occasion)
    {
        var timeOut = WithTimeOut;
        var rows = await members
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new
            {
                m.Id, m.FullName, m.AdmittedOn, m.SortKey, Cell = o.Name,
                Awarded = db.BadgeAwards.Where(a => a.MemberId == m.Id).Max(a => (int?)a.Milestone),
                // Only the few members with time out get their gaps read.
                TimeOut = timeOut.Contains(m.Id),
            })
            .ToListAsync();
        var withTimeOut = rows.Where(m => m.TimeOut).Select(m => m.Id).ToList();
        var gaps = withTimeOut.Count == 0 ? [] : await partyAges.GapsAsync(withTimeOut);
        var result = new List<BadgeCandidate>();
        foreach (var m in rows.OrderBy(m => m.SortKey, StringComparer.Ordinal))
        {
            var age = PartyAgeRule.On(m.AdmittedOn, true, gaps.GetValueOrDefault(m.Id) ?? [], occasion);
            // Only the highest award matters: a milestone is due unless one as high was given.
            if (BadgeRule.DueMilestone(age, m.Awarded is { } awarded ? [awarded] : []) is { } milestone)
                result.Add(new BadgeCandidate(m.Id, m.FullName, m.Cell, m.AdmittedOn, age!.Value.ToString(), milestone));
        }
        // Discipline in force on the occasion's date bars the award (DisciplineBadgeRule): the candidate stays listed, marked with the reason.
        if (result.Count > 0)
        {
            var ids = result.Select(c => c.MemberId).ToList();
            var disciplined = await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId != null && ids.Contains(d.MemberId.Value))
                .Select(d => d.MemberId!.Value).Distinct().ToListAsync();
            var records = disciplined.Count == 0 ? [] : await standings.RecordsAsync(disciplined);
            for (var i = 0; i < result.Count; i++)
                if (records.TryGetValue(result[i].MemberId, out var record)
                    && PartyOrg.Domain.Discipline.DisciplineBadgeRule.Reason(result[i].FullName, occasion, MemberStanding.On(record, occasion).DisciplineInForce) is { } reason)
                    result[i] = result[i] with { Barred = reason };
        }
        return result.OrderByDescending(c => c.Milestone).ToList();
    }

    /// <summary>
    /// The highest milestone an admission date reaches at the occasion, with no time out of activity:
    /// <c>CASE WHEN AdmittedOn &lt;= @d90 THEN 90 WHEN ... ELSE 30 END</c> (30 for every member the query keeps).
    /// </summary>
    private static Expression<Func<DateOnly, int>> Reached(IReadOnlyList<(int Milestone, DateOnly AdmittedBy)> reachedBy)
    {
        var admittedOn = Expression.Parameter(typeof(DateOnly), "admittedOn");
        Expression bound = Expression.Constant(reachedBy[0].Milestone);
        foreach (var (milestone, admittedBy) in reachedBy.Skip(1))
        {
            // Captured as a closure so the database sees a parameter, not a literal.
            var date = Expression.Property(Expression.Constant(new DateBox(admittedBy)), nameof(DateBox.Value));
            bound = Expression.Condition(
                Expression.LessThanOrEqual(admittedOn, date),
                Expression.Constant(milestone), bound);
        }
        return Expression.Lambda<Func<DateOnly, int>>(bound, admittedOn);
    }

    /// <summary>No award at or above the highest milestone the admission date allows: <c>NOT EXISTS (award with Milestone >= CASE ... END)</c>.</summary>
    private Expression<Func<Member, bool>> NotAwardedUpToBound(IReadOnlyList<(int Milestone, DateOnly AdmittedBy)> reachedBy)
    {
        Expression<Func<Member, int, bool>> template =
            (m, bound) => !db.BadgeAwards.Any(a => a.MemberId == m.Id && a.Milestone >= bound);
        var reached = Reached(reachedBy);
        var body = ReplacingExpressionVisitor.Replace(template.Parameters[1],
            ReplacingExpressionVisitor.Replace(reached.Parameters[0], Expression.Property(template.Parameters[0], nameof(Member.AdmittedOn)), reached.Body), template.Body);
        return Expression.Lambda<Func<Member, bool>>(body, template.Parameters[0]);
    }

    private sealed record DateBox(DateOnly Value);

    public async Task<Outcome<BadgeAward>> AwardAsync(UserScope scope, BadgeAwardInput input)
    {
        var member = input.MemberId is { } id ? await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id) : null;
        if (member is null) return Outcome<BadgeAward>.NotFound();
        if (!scope.CanWriteAt(member.OrgPath)) return Outcome<BadgeAward>.Forbidden();
        var errors = new List<FieldError>();
        var occasion = new InputParsing(errors, f => f == "occasionOn" ? "Dịp trao tặng" : "Huy hiệu").Date("occasionOn", input.OccasionOn, required: true);
        if (input.Milestone is not { } milestone || !BadgeRule.Milestones.Contains(milestone))
            errors.Add(new("milestone", $"Huy hiệu: phải là một mốc {string.Join(", ", BadgeRule.Milestones)} năm tuổi đảng."));
        else if (occasion is { } on)
        {
            // The member is judged on the occasion's date, not today: one who died after the occasion was awarded alive, one who
            // had died before it is awarded posthumously. Posthumous awards may come up to 12 months early (section 18, HD 01-HD/TW 2021).
            var then = (await standings.OnAsync(member.Id, on))!;
            var deadThen = then.Status == StandingStatus.Deceased;
            if (PartyOrg.Domain.Discipline.DisciplineBadgeRule.Reason(member.FullName, on, then.DisciplineInForce) is { } barred)
                errors.Add(new("occasionOn", $"Dịp trao tặng: {barred}."));
            if (then.Status is StandingStatus.Exited or StandingStatus.NotMember)
                errors.Add(new("occasionOn", $"Dịp trao tặng: ngày {VnFormat.Date(on)} đồng chí {member.FullName} {then.NotActiveReason()}."));
            else
            {
                var ageStatus = then.IsOfficial || (input.Posthumous && deadThen) ? MemberStatus.Official : MemberStatus.Probationary;
                var age = await partyAges.OfAsync(member.Id, member.AdmittedOn, ageStatus, on.AddMonths(input.Posthumous ? BadgeRule.EarlyMonthsAllowed(milestone, true) : 0));
                if (age is null || age.Value.TotalMonths < milestone * 12)
                    errors.Add(new("milestone", $"Huy hiệu: đồng chí {member.FullName} chưa đủ {milestone} năm tuổi đảng vào ngày {VnFormat.Date(on)}."));
                if (input.Posthumous != deadThen)
                    errors.Add(new("posthumous", input.Posthumous
                        ? $"Truy tặng: chỉ dành cho đảng viên đã từ trần trước dịp trao tặng; ngày {VnFormat.Date(on)} đồng chí {member.FullName} còn sinh hoạt đảng."
                        : $"Truy tặng: ngày {VnFormat.Date(on)} đồng chí {member.FullName} {then.NotActiveReason()}; hãy chọn truy tặng."));
            }
            if (on > calendar.Today.AddYears(1)) errors.Add(new("occasionOn", "Dịp trao tặng: quá xa so với hôm nay."));
            if (await db.BadgeAwards.AnyAsync(a => a.MemberId == member.Id && a.Milestone >= milestone))
                errors.Add(new("milestone", $"Huy hiệu: đồng chí {member.FullName} đã được tặng Huy hiệu {milestone} năm tuổi đảng hoặc cao hơn."));
        }
        if (errors.Count > 0) return Outcome<BadgeAward>.Invalid(errors);
        var award = new BadgeAward
        {
            MemberId = member.Id, Milestone = input.Milestone!.Value, OccasionOn = occasion!.Value, DecisionNumber = InputParsing.Optional(input.DecisionNumber),
            Posthumous = input.Posthumous, OrgPath = member.OrgPath,
        };
        db.BadgeAwards.Add(award);
        await db.SaveChangesAsync();
        return Outcome<BadgeAward>.Ok(award);
    }

    /// <summary>"Trao tặng, truy tặng 1.205 Huy hiệu Đảng, trong đó 70 năm cho 2 đồng chí, 75 năm cho 4 đồng chí".</summary>
    public async Task<BadgeSummary> SummaryAsync(UserScope scope, string path, DateOnly from, DateOnly to)
    {
        var rows = await scope.FilterByPath(db.BadgeAwards.AsNoTracking(), a => a.OrgPath)
            .Where(PathRange.WithinAny<BadgeAward>(a => a.OrgPath, [path]))
            .Where(a => a.OccasionOn >= from && a.OccasionOn <= to)
            .GroupBy(a => new { a.Milestone, a.Posthumous }).Select(g => new { g.Key.Milestone, g.Key.Posthumous, Count = g.Count() })
            .ToListAsync();
        var byMilestone = rows.GroupBy(r => r.Milestone).OrderBy(g => g.Key).Select(g => new MilestoneCount(g.Key, g.Sum(r => r.Count))).ToList();
        return new BadgeSummary(from, to, rows.Sum(r => r.Count), rows.Where(r => r.Posthumous).Sum(r => r.Count), byMilestone);
    }
}
