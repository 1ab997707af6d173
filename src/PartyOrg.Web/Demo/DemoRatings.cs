using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Ratings;

namespace PartyOrg.Web.Demo;

/// <summary>
/// The year-end ratings of the demo province for every finished year from 2021 (the current year is left to be rated): every member
/// active on 31 December and every base organization, sub-committee and cell then in force, each decided by the rule of its year
/// (points from 2025). The share rated "tốt" or above follows the seeds' Long An report for 2021 (organizations 96,2%, members
/// 96,5%) and 2022 (97,15%, 97,2%); later years use <see cref="LaterShare"/>, a demo value. A member disciplined in the year is
/// rated at most "hoàn thành" (<see cref="DisciplineInYearRule"/>); "xuất sắc" stays within the cap of each group rated together
/// (<see cref="ExcellentCapRule"/>); a few elderly members are exempted with the reason. The years before 2025 are locked by the
/// provinces of the time.
/// </summary>
internal sealed class DemoRatings(AppDbContext db, DateOnly today)
{
    private const decimal LaterShare = 97.5m;
    /// <summary>Excellent among those rated good or above in a group: below the 20% cap whatever the group's size.</summary>
    private const decimal ExcellentShare = 0.17m;
    private readonly Random rng = new(1930);

    private static (decimal Organizations, decimal Members) GoodOrAboveShare(int year) => year switch
    {
        2021 => (96.2m, 96.5m),
        2022 => (97.15m, 97.2m),
        _ => (LaterShare, LaterShare),
    };

    public async Task BuildAsync()
    {
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var ids = await db.Members.AsNoTracking().Select(m => m.Id).ToListAsync();
        var births = (await db.Members.AsNoTracking().Select(m => new { m.Id, m.DateOfBirth }).ToListAsync()).ToDictionary(m => m.Id, m => m.DateOfBirth);
        var records = await new Standings(db).RecordsAsync(ids);
        var orgDiscipline = await db.DisciplineDecisions.AsNoTracking().Where(d => d.Subject == DisciplineSubject.Organization)
            .Select(d => new { d.OrganizationId, d.DecidedOn }).ToListAsync();

        for (var year = 2021; year < today.Year; year++)
        {
            var on = new DateOnly(year, 12, 31);
            var decidedOn = new DateOnly(year, 12, 20);
            var (orgShare, memberShare) = GoodOrAboveShare(year);
            var ratings = new List<Rating>();

            // Members, grouped by the base organization that rates them together.
            var subjects = records.Where(r => MemberStanding.On(r.Value, on).IsActive)
                .Select(r => (Id: r.Key, Record: r.Value, Cell: MemberStanding.On(r.Value, on).OrganizationId))
                .Where(s => s.Cell is not null && orgs.ContainsKey(s.Cell.Value)).ToList();
            var exempt = subjects.Where(s => births[s.Id] <= on.AddYears(-75) && rng.Next(4) == 0).Select(s => s.Id).ToHashSet();
            var rated = subjects.Where(s => !exempt.Contains(s.Id)).ToList();
            var disciplined = rated.Where(s => DisciplineInYearRule.DisciplinedIn(year, s.Record.Discipline ?? []) is not null).Select(s => s.Id).ToHashSet();
            var below = rated.GroupBy(s => Province(orgs[s.Cell!.Value])).SelectMany(p => BelowGood(p.Select(s => s.Id).ToList(), memberShare, disciplined)).ToHashSet();
            foreach (var group in rated.GroupBy(s => RatedTogether(orgs, orgs[s.Cell!.Value])))
                foreach (var (id, level) in Levels(group.Select(s => s.Id).ToList(), below))
                {
                    var cell = orgs[group.First(s => s.Id == id).Cell!.Value];
                    ratings.Add(Rated(year, RatingSubject.MemberWithoutPost, level, decidedOn, cell, memberId: id));
                }
            foreach (var s in subjects.Where(s => exempt.Contains(s.Id)))
            {
                var cell = orgs[s.Cell!.Value];
                ratings.Add(new Rating
                {
                    Year = year, MemberId = s.Id, OrganizationId = cell.Id, OrgPath = cell.Path, Subject = RatingSubject.MemberWithoutPost,
                    ExemptReason = "Miễn công tác và sinh hoạt đảng (tuổi cao, sức yếu).",
                });
            }

            // Organizations, grouped by the committee directly above.
            var ratedOrgs = orgs.Values.Where(o => RatingBook.IsRatedOrganization(o.Type) && o.IsActiveOn(on)).ToList();
            var orgDisciplined = orgDiscipline.Where(d => d.DecidedOn.Year == year).Select(d => d.OrganizationId!.Value).ToHashSet();
            var belowOrgs = ratedOrgs.GroupBy(o => (Province(o), o.Type.IsBase()))
                .SelectMany(p => BelowGood(p.Select(o => o.Id).ToList(), orgShare, orgDisciplined)).ToHashSet();
            foreach (var group in ratedOrgs.GroupBy(o => o.ParentId))
                foreach (var (id, level) in Levels(group.Select(o => o.Id).ToList(), belowOrgs))
                    ratings.Add(Rated(year, RatingSubject.Collective, level, decidedOn.AddDays(5), orgs[id], subjectOrgId: id));

            db.Ratings.AddRange(ratings);
            if (year < 2025)
                foreach (var province in orgs.Values.Where(o => o.ParentId is null && o.Type == OrganizationType.Provincial && o.IsActiveOn(on)))
                    db.RatingRounds.Add(new RatingRound
                    {
                        OrganizationId = province.Id, OrgPath = province.Path, Year = year, Locked = true,
                        LockedAt = new DateTime(year + 1, 1, 15, 3, 0, 0, DateTimeKind.Utc), LockedBy = AuditActor.SystemName,
                    });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The subjects rated below "tốt": those disciplined in the year first, then drawn at random up to the year's share.</summary>
    private HashSet<int> BelowGood(List<int> ids, decimal goodOrAboveShare, HashSet<int> disciplined)
    {
        var count = ids.Count - (int)Math.Round(ids.Count * goodOrAboveShare / 100m, MidpointRounding.AwayFromZero);
        var below = ids.Where(disciplined.Contains).ToHashSet();
        foreach (var id in ids.Where(id => !below.Contains(id)).OrderBy(_ => rng.Next()))
        {
            if (below.Count >= count) break;
            below.Add(id);
        }
        return below;
    }

    /// <summary>Levels within one group rated together: "xuất sắc" for a share of those good or above, within the cap.</summary>
    private IEnumerable<(int Id, RatingLevel Level)> Levels(List<int> group, HashSet<int> below)
    {
        var good = group.Where(id => !below.Contains(id)).OrderBy(_ => rng.Next()).ToList();
        var excellent = (int)Math.Floor(good.Count * ExcellentShare);
        for (var i = 0; i < good.Count; i++) yield return (good[i], i < excellent ? RatingLevel.Excellent : RatingLevel.Good);
        foreach (var id in group.Where(below.Contains)) yield return (id, rng.Next(8) == 0 ? RatingLevel.NotCompleted : RatingLevel.Completed);
    }

    /// <summary>The shares are met within each province of the time (the seeds' figures are a province's).</summary>
    private static int Province(Organization o) => Organization.IdsOnPath(o.Path)[0];

    private static string RatedTogether(Dictionary<int, Organization> orgs, Organization cell) =>
        Organization.IdsOnPath(cell.Path).Select(id => orgs[id]).Where(o => o.Type.IsBase()).Select(o => o.Path).FirstOrDefault() ?? cell.Path;

    /// <summary>A decided rating; from 2025 with points and facts that give the level by <see cref="Rating2025Rule"/>.</summary>
    private Rating Rated(int year, RatingSubject subject, RatingLevel level, DateOnly decidedOn, Organization org, int? memberId = null, int? subjectOrgId = null)
    {
        var rating = new Rating
        {
            Year = year, MemberId = memberId, SubjectOrganizationId = subjectOrgId, OrganizationId = org.Id, OrgPath = org.Path, Subject = subject,
            SelfLevel = level, SelfOn = decidedOn.AddDays(-12), SelfBy = AuditActor.SystemName,
            ProposedLevel = level, ProposedOn = decidedOn.AddDays(-6), ProposedBy = AuditActor.SystemName,
            DecidedLevel = level, DecidedOn = decidedOn, DecidedBy = AuditActor.SystemName,
        };
        if (RatingRules.ForYear(year).UsesPoints)
        {
            var points = level switch
            {
                RatingLevel.Excellent => 90 + rng.Next(8),
                RatingLevel.Good => 70 + rng.Next(20),
                RatingLevel.Completed => 50 + rng.Next(20),
                _ => 30 + rng.Next(20),
            };
            rating.AllTasksOnTime = level == RatingLevel.Excellent;
            rating.TasksExceededPercent = level == RatingLevel.Excellent ? 30 + rng.Next(30) : rng.Next(30);
            rating.SubUnitOrLeaderDisciplined = subject == RatingSubject.Collective ? false : null;
            rating.TasksLatePercent = subject == RatingSubject.Collective ? (level == RatingLevel.NotCompleted ? 25 : rng.Next(10)) : null;
            var facts = new RatingFacts(rating.AllTasksOnTime, rating.TasksExceededPercent, rating.SubUnitOrLeaderDisciplined, rating.TasksLatePercent);
            if (level == RatingLevel.Good && points >= 90) points = 89;
            if (Rating2025Rule.LevelFor(subject, points, facts) != level)
                throw new InvalidOperationException($"Demo rating {points} points does not give {level}.");
            rating.Points = points;
            rating.SelfPoints = Math.Min(100, points + rng.Next(3));
            if (Rating2025Rule.LevelFor(subject, rating.SelfPoints.Value, facts) != level) rating.SelfPoints = points;
        }
        return rating;
    }
}
