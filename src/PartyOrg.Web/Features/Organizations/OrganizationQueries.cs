using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>An organization named in a link (a predecessor merged into another).</summary>
public sealed record OrganizationRef(int Id, string Code, string Name, DateOnly FoundedOn, DateOnly? EndedOn);

/// <summary>
/// An organization as pages and the API show it on a date (<see cref="AsOf"/>); memberCount is the whole subtree's on that
/// date. Before its founding an organization reads as the organizations that then stood in its place (<see cref="StoodInPlace"/>,
/// its predecessors through the merger links, or theirs), and its memberCount is their sum, so the figures agree whichever
/// door is used: the organization, each predecessor by id, or the children listed under it.
/// </summary>
public sealed record OrganizationView(
    int Id, string Code, string Name, OrganizationType Type, OrganizationField Field, int? ParentId, bool IsBase,
    DateOnly FoundedOn, DateOnly? EndedOn, OrganizationState State, int? SuccessorId, int MemberCount)
{
    /// <summary>The date the figures are read on.</summary>
    public DateOnly AsOf { get; init; }
    /// <summary>Whether the organization itself stood on <see cref="AsOf"/> (founded, not yet ended).</summary>
    public bool ActiveOnAsOf { get; init; }
    /// <summary>Not yet founded on <see cref="AsOf"/>: the organizations that stood in its place then, each with its own count.</summary>
    public IReadOnlyList<OrganizationView> StoodInPlace { get; init; } = [];
    /// <summary>Listed among the children of an organization not yet founded on the date: the id of the one whose place it held.</summary>
    public int? InPlaceOf { get; init; }
    /// <summary>The organizations merged into this one that the caller may open, whatever the date.</summary>
    public IReadOnlyList<OrganizationRef> Predecessors { get; init; } = [];
}

/// <summary>Reads of the organization tree, always through the user's scope and "as of" a date.</summary>
public sealed class OrganizationQueries(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Organization?> FindAsync(UserScope scope, int id) =>
        scope.SeesOrganizations
            ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == id)
            : null;

    /// <summary>The organization asked for, or the user's own when none is given; null outside the scope.</summary>
    public async Task<Organization?> FindOrRootAsync(UserScope scope, int? id) =>
        id is { } given ? await FindAsync(scope, given) : (await RootAsync(scope)) is { } root ? await FindAsync(scope, root.Id) : null;

    public async Task<OrganizationView?> GetAsync(UserScope scope, int id, DateOnly? asOf = null)
    {
        var org = await FindAsync(scope, id);
        return org is null ? null : await ViewAsync(scope, org, asOf);
    }

    /// <summary>
    /// The user's own organization, read on the date (today when none is given); an administrator's is the first top-level
    /// organization in force today. Before its founding it reads as its predecessors (<see cref="OrganizationView.StoodInPlace"/>).
    /// </summary>
    public async Task<OrganizationView?> RootAsync(UserScope scope, DateOnly? asOf = null)
    {
        if (scope.RootOrganizationId is { } rootId) return await GetAsync(scope, rootId, asOf);
        if (!scope.IsAdmin) return null;
        var today = Today;
        var top = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == null && o.FoundedOn <= today && (o.EndedOn == null || o.EndedOn > today))
            .OrderBy(o => o.Id).FirstOrDefaultAsync();
        return top is null ? null : await ViewAsync(scope, top, asOf);
    }

    /// <summary>An administrator's top of the tree: every top-level organization standing on the date (or all of them).</summary>
    public async Task<IReadOnlyList<OrganizationView>> TopsAsync(UserScope scope, DateOnly asOf, bool includeEnded)
    {
        var tops = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => o.ParentId == null).ToListAsync();
        var shown = tops.Where(o => includeEnded || o.IsActiveOn(asOf))
            .OrderBy(o => o.IsActiveOn(asOf) ? 0 : 1).ThenBy(o => VnText.CollationKey(o.Name), StringComparer.Ordinal);
        return await ViewsAsync(scope, shown, asOf);
    }

    /// <summary>
    /// The children standing on the date (all of them with <paramref name="includeEnded"/>). Before the organization's
    /// founding, the organizations that stood in its place then, marked with <see cref="OrganizationView.InPlaceOf"/>: their
    /// counts add up to the organization's own.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationView>?> ChildrenAsync(UserScope scope, int id, DateOnly? asOf = null, bool includeEnded = false)
    {
        var parent = await FindAsync(scope, id);
        if (parent is null) return null;
        var date = asOf ?? Today;
        if (date < parent.FoundedOn)
        {
            var standing = (await StandingInPlaceAsync(scope, [parent], date))[parent.Id];
            return (await ViewsAsync(scope, standing, date)).Select(v => v with { InPlaceOf = parent.Id }).ToList();
        }
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id).ToListAsync();
        var shown = children.Where(o => includeEnded || o.IsActiveOn(date))
            .OrderBy(o => o.Type).ThenBy(o => o.Field).ThenBy(o => VnText.CollationKey(o.Name), StringComparer.Ordinal);
        return await ViewsAsync(scope, shown, date);
    }

    /// <summary>Ancestors from the top of the user's scope down to the organization itself.</summary>
    public async Task<IReadOnlyList<Organization>> BreadcrumbAsync(UserScope scope, Organization org)
    {
        var ids = Organization.IdsOnPath(org.Path);
        var chain = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => ids.Contains(o.Id)).ToListAsync();
        return chain.OrderBy(o => o.Depth).ToList();
    }

    /// <summary>
    /// Members placed in each organization's subtree on the date (organizations without any are absent): the maintained yearly
    /// changes before the date's year plus the daily ones of its year up to the date (<see cref="SubtreeCounts"/>), two index
    /// ranges per organization, so past dates read as they were and a province costs what a cell does.
    /// </summary>
    public async Task<Dictionary<int, int>> CountMembersOfEachAsync(IReadOnlyCollection<int> organizationIds, DateOnly asOf)
    {
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        var changes = db.SubtreeCountChanges.AsNoTracking().Where(c => organizationIds.Contains(c.OrganizationId));
        var yearsBefore = await changes.Where(c => c.Measure == SubtreeMeasure.PlacedInYear && c.Date < yearStart)
            .GroupBy(c => c.OrganizationId).Select(g => new { g.Key, Count = g.Sum(c => c.Delta) }).ToListAsync();
        var daysOfTheYear = await changes.Where(c => c.Measure == SubtreeMeasure.Placed && c.Date >= yearStart && c.Date <= asOf)
            .GroupBy(c => c.OrganizationId).Select(g => new { g.Key, Count = g.Sum(c => c.Delta) }).ToListAsync();
        return yearsBefore.Concat(daysOfTheYear).GroupBy(r => r.Key).Select(g => (g.Key, Count: g.Sum(r => r.Count)))
            .Where(r => r.Count != 0).ToDictionary(r => r.Key, r => r.Count);
    }

    /// <summary>An organization found in the scope, as the API shows it on a date (today when none is given).</summary>
    public async Task<OrganizationView> ViewAsync(UserScope scope, Organization o, DateOnly? asOf) =>
        (await ViewsAsync(scope, [o], asOf ?? Today))[0];

    /// <summary>
    /// The views of the organizations on the date, with a fixed number of queries whatever their number: the predecessors
    /// standing in the place of those not yet founded (one query per merger generation), every member count in one grouped
    /// query, the predecessors' names in one, and the successors the caller may see in one.
    /// </summary>
    private async Task<IReadOnlyList<OrganizationView>> ViewsAsync(UserScope scope, IEnumerable<Organization> orgs, DateOnly asOf)
    {
        var list = orgs.ToList();
        if (list.Count == 0) return [];
        var standing = await StandingInPlaceAsync(scope, list.Where(o => asOf < o.FoundedOn).DistinctBy(o => o.Id).ToList(), asOf);
        var counted = list.Concat(standing.Values.SelectMany(s => s)).ToList();
        var ids = counted.Select(o => o.Id).Distinct().ToList();
        var counts = await CountMembersOfEachAsync(ids, asOf);
        var predecessors = (await scope.Filter(db.Organizations.AsNoTracking())
                .Where(o => o.SuccessorId != null && ids.Contains(o.SuccessorId.Value)).ToListAsync())
            .OrderBy(o => VnText.CollationKey(o.Name), StringComparer.Ordinal)
            .ToLookup(o => o.SuccessorId!.Value, o => new OrganizationRef(o.Id, o.Code, o.Name, o.FoundedOn, o.EndedOn));
        var successorIds = counted.Select(o => o.SuccessorId).OfType<int>().Distinct().ToList();
        var visibleSuccessors = scope.IsAdmin || successorIds.Count == 0
            ? successorIds.ToHashSet()
            : (await scope.Filter(db.Organizations.AsNoTracking()).Where(o => successorIds.Contains(o.Id)).Select(o => o.Id).ToListAsync()).ToHashSet();

        OrganizationView View(Organization o, int count, IReadOnlyList<OrganizationView> stoodInPlace) =>
            new(o.Id, o.Code, o.Name, o.Type, o.Field, o.ParentId, o.Type.IsBase(), o.FoundedOn, o.EndedOn, o.State,
                o.SuccessorId is { } s && visibleSuccessors.Contains(s) ? s : null, count)
            {
                AsOf = asOf, ActiveOnAsOf = o.IsActiveOn(asOf), StoodInPlace = stoodInPlace, Predecessors = predecessors[o.Id].ToList(),
            };

        return list.Select(o =>
        {
            if (!standing.TryGetValue(o.Id, out var before)) return View(o, counts.GetValueOrDefault(o.Id), []);
            var inPlace = before.Select(p => View(p, counts.GetValueOrDefault(p.Id), []) with { InPlaceOf = o.Id }).ToList();
            return View(o, inPlace.Sum(p => p.MemberCount), inPlace);
        }).ToList();
    }

    /// <summary>
    /// The subtree paths of an organization and of every organization merged into it (the successor links followed back, within
    /// the scope), so that a period before a merger reads what was recorded under the predecessors.
    /// </summary>
    public async Task<List<string>> PathsWithPredecessorsAsync(UserScope scope, Organization org)
    {
        var paths = new List<string> { org.Path };
        var seen = new HashSet<int> { org.Id };
        var frontier = new List<int> { org.Id };
        while (frontier.Count > 0)
        {
            var ids = frontier;
            var predecessors = await scope.Filter(db.Organizations.AsNoTracking())
                .Where(o => o.SuccessorId != null && ids.Contains(o.SuccessorId.Value)).Select(o => new { o.Id, o.Path }).ToListAsync();
            frontier = predecessors.Where(p => seen.Add(p.Id)).Select(p => p.Id).ToList();
            paths.AddRange(predecessors.Where(p => frontier.Contains(p.Id)).Select(p => p.Path));
        }
        return paths;
    }

    /// <summary>
    /// For each organization not yet founded on the date, the organizations that stood in its place then: its predecessors
    /// (merger links, within the scope) standing on that date, or, for one itself not yet founded, its own predecessors, and so on.
    /// </summary>
    private async Task<Dictionary<int, List<Organization>>> StandingInPlaceAsync(UserScope scope, IReadOnlyList<Organization> notYetFounded, DateOnly asOf)
    {
        var result = notYetFounded.ToDictionary(o => o.Id, _ => new List<Organization>());
        var frontier = notYetFounded.Select(o => (Id: o.Id, Place: o.Id)).ToList();
        var seen = notYetFounded.Select(o => o.Id).ToHashSet();
        while (frontier.Count > 0)
        {
            var ids = frontier.Select(f => f.Id).Distinct().ToList();
            var placesOf = frontier.ToLookup(f => f.Id, f => f.Place);
            var predecessors = await scope.Filter(db.Organizations.AsNoTracking())
                .Where(o => o.SuccessorId != null && ids.Contains(o.SuccessorId.Value)).ToListAsync();
            frontier = [];
            foreach (var p in predecessors.Where(p => seen.Add(p.Id)))
                foreach (var place in placesOf[p.SuccessorId!.Value])
                {
                    if (p.IsActiveOn(asOf)) result[place].Add(p);
                    else if (asOf < p.FoundedOn) frontier.Add((p.Id, place));
                }
        }
        foreach (var places in result.Values) places.Sort((a, b) => string.CompareOrdinal(VnText.CollationKey(a.Name), VnText.CollationKey(b.Name)));
        return result;
    }
}
