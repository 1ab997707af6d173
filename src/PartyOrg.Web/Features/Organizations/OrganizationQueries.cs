using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>An organization as pages and the API show it; memberCount is the whole subtree's.</summary>
public sealed record OrganizationView(
    int Id, string Code, string Name, OrganizationType Type, OrganizationField Field, int? ParentId, bool IsBase,
    DateOnly FoundedOn, DateOnly? EndedOn, OrganizationState State, int? SuccessorId, int MemberCount);

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
        return org is null ? null : await ViewAsync(org, asOf);
    }

    /// <summary>The user's own organization; an administrator's is the first top-level organization in force.</summary>
    public async Task<OrganizationView?> RootAsync(UserScope scope)
    {
        if (scope.RootOrganizationId is { } rootId) return await GetAsync(scope, rootId);
        if (!scope.IsAdmin) return null;
        var today = Today;
        var top = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == null && o.FoundedOn <= today && (o.EndedOn == null || o.EndedOn > today))
            .OrderBy(o => o.Id).FirstOrDefaultAsync();
        return top is null ? null : await ViewAsync(top, today);
    }

    /// <summary>Top-level organizations the user may open: their root and, for history, the ones merged into it.</summary>
    public async Task<IReadOnlyList<OrganizationView>> TopsAsync(UserScope scope, DateOnly asOf, bool includeEnded)
    {
        var query = scope.Filter(db.Organizations.AsNoTracking());
        query = scope.IsAdmin ? query.Where(o => o.ParentId == null) : query.Where(o => scope.Prefixes.Contains(o.Path));
        var tops = await query.ToListAsync();
        var shown = tops.Where(o => includeEnded || o.IsActiveOn(asOf))
            .OrderBy(o => o.IsActiveOn(asOf) ? 0 : 1).ThenBy(o => Domain.Common.VnText.CollationKey(o.Name), StringComparer.Ordinal);
        return await ViewsAsync(shown, asOf);
    }

    public async Task<IReadOnlyList<OrganizationView>?> ChildrenAsync(UserScope scope, int id, DateOnly? asOf = null, bool includeEnded = false)
    {
        var parent = await FindAsync(scope, id);
        if (parent is null) return null;
        var date = asOf ?? Today;
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id).ToListAsync();
        var shown = children.Where(o => includeEnded || o.IsActiveOn(date))
            .OrderBy(o => o.Type).ThenBy(o => o.Field).ThenBy(o => Domain.Common.VnText.CollationKey(o.Name), StringComparer.Ordinal);
        return await ViewsAsync(shown, date);
    }

    /// <summary>Ancestors from the top of the user's scope down to the organization itself.</summary>
    public async Task<IReadOnlyList<Organization>> BreadcrumbAsync(UserScope scope, Organization org)
    {
        var ids = Organization.IdsOnPath(org.Path);
        var chain = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => ids.Contains(o.Id)).ToListAsync();
        return chain.OrderBy(o => o.Depth).ToList();
    }

    /// <summary>Members active in the subtree on the date: counted from placements, so past dates read as they were.</summary>
    public Task<int> CountMembersAsync(string path, DateOnly asOf)
    {
        var upper = PathRange.UpperBound(path);
        return db.MemberPlacements.AsNoTracking()
            .Where(p => string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0)
            .Where(p => p.FromDate <= asOf && (p.ToDate == null || p.ToDate > asOf))
            .CountAsync();
    }

    /// <summary>
    /// <see cref="CountMembersAsync"/> for each organization at once: the organizations are joined to the placements of their
    /// subtrees (the path range's upper bound computed in SQL as <see cref="PathRange.UpperBound"/> does) and grouped.
    /// Organizations without members are absent.
    /// </summary>
    public async Task<Dictionary<int, int>> CountMembersOfEachAsync(IReadOnlyCollection<int> organizationIds, DateOnly asOf) =>
        await (from o in db.Organizations.AsNoTracking()
               where organizationIds.Contains(o.Id)
               from p in db.MemberPlacements.AsNoTracking()
               where string.Compare(p.OrgPath, o.Path) >= 0 && string.Compare(p.OrgPath, o.Path.Substring(0, o.Path.Length - 1) + "0") < 0
                     && p.FromDate <= asOf && (p.ToDate == null || p.ToDate > asOf)
               group p by o.Id into g
               select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Key, r => r.Count);

    private async Task<IReadOnlyList<OrganizationView>> ViewsAsync(IEnumerable<Organization> orgs, DateOnly asOf)
    {
        var list = orgs.ToList();
        if (list.Count == 0) return [];
        var counts = await CountMembersOfEachAsync(list.Select(o => o.Id).Distinct().ToList(), asOf);
        return list.Select(o => View(o, counts.GetValueOrDefault(o.Id))).ToList();
    }

    /// <summary>An organization found in the scope, as the API shows it on a date (today when none is given).</summary>
    public async Task<OrganizationView> ViewAsync(Organization o, DateOnly? asOf) => View(o, await CountMembersAsync(o.Path, asOf ?? Today));

    private static OrganizationView View(Organization o, int memberCount) =>
        new(o.Id, o.Code, o.Name, o.Type, o.Field, o.ParentId, o.Type.IsBase(), o.FoundedOn, o.EndedOn, o.State, o.SuccessorId, memberCount);
}
