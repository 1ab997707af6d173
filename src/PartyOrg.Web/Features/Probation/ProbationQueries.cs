using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Probation;

public sealed record ProbationItem(
    int MemberId, string FullName, int OrganizationId, string OrganizationName, DateOnly CeremonyOn, DateOnly EndsOn, DateOnly RecognitionDue,
    ProbationStanding Standing, string StandingLabel);

/// <summary>Probationary members with the day their 12 months end and the cell's deadline to consider them.</summary>
public sealed class ProbationQueries(AppDbContext db, Calendar calendar)
{
    /// <summary>Members of the subtree due or overdue for recognition (all probationers when <paramref name="all"/>), soonest first.</summary>
    public async Task<IReadOnlyList<ProbationItem>> ListAsync(UserScope scope, string path, bool all)
    {
        var today = calendar.Today;
        var working = await calendar.WorkingAsync();
        var query = Probationers(scope, path);
        // Due means the 12 months end within 30 days: ceremonies up to 11 months ago (a conservative bound for the index).
        if (!all)
        {
            var latestCeremony = today.AddMonths(-11);
            query = query.Where(m => (m.CeremonyOn ?? m.AdmittedOn) <= latestCeremony);
        }
        var rows = await query.Join(db.Organizations, m => m.OrganizationId, o => o.Id,
                (m, o) => new { m.Id, m.FullName, m.OrganizationId, Cell = o.Name, Ceremony = m.CeremonyOn ?? m.AdmittedOn })
            .ToListAsync();
        return rows.Select(r =>
            {
                var standing = ProbationStandings.Of(r.Ceremony, today, working);
                return new ProbationItem(r.Id, r.FullName, r.OrganizationId, r.Cell, r.Ceremony, ProbationRule.EndsOn(r.Ceremony),
                    ProbationRule.RecognitionDue(r.Ceremony, working), standing, standing.Label());
            })
            .Where(i => all || i.Standing != ProbationStanding.Running)
            .OrderBy(i => i.EndsOn).ToList();
    }

    /// <summary>
    /// One page of the same list, paged in the database: "due" is turned into an exact bound on the ceremony date
    /// (the 12 months end within 30 days), so no row is read only to be dropped.
    /// </summary>
    public async Task<Page<ProbationItem>> PageAsync(UserScope scope, string path, bool all, int? page, int? pageSize)
    {
        var today = calendar.Today;
        var working = await calendar.WorkingAsync();
        var query = Probationers(scope, path);
        if (!all)
        {
            var latestCeremony = LatestCeremonyDueBy(today.AddDays(30));
            query = query.Where(m => (m.CeremonyOn ?? m.AdmittedOn) <= latestCeremony);
        }
        var rows = await query.OrderBy(m => m.CeremonyOn ?? m.AdmittedOn).ThenBy(m => m.Id).ToPageAsync(query, page, pageSize, q => q
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id,
                (m, o) => new { m.Id, m.FullName, m.OrganizationId, Cell = o.Name, Ceremony = m.CeremonyOn ?? m.AdmittedOn }));
        return rows.Map(rows.Items.Select(r =>
        {
            var standing = ProbationStandings.Of(r.Ceremony, today, working);
            return new ProbationItem(r.Id, r.FullName, r.OrganizationId, r.Cell, r.Ceremony, ProbationRule.EndsOn(r.Ceremony),
                ProbationRule.RecognitionDue(r.Ceremony, working), standing, standing.Label());
        }).ToList());
    }

    /// <summary>The last ceremony date whose 12 months end on or before the day (29 February ends on 28 February).</summary>
    private static DateOnly LatestCeremonyDueBy(DateOnly day)
    {
        var latest = day.AddMonths(-12);
        while (ProbationRule.EndsOn(latest.AddDays(1)) <= day) latest = latest.AddDays(1);
        return latest;
    }

    /// <summary>The probationary members of a subtree, within the scope.</summary>
    private IQueryable<Member> Probationers(UserScope scope, string path) =>
        scope.Filter(db.Members.AsNoTracking())
            .Where(PathRange.WithinAny<Member>(m => m.OrgPath, [path]))
            .Where(m => m.Status == MemberStatus.Probationary);
}
