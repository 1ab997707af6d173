using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// What the signed-in user may see and change: the subtrees under their organization (with the organizations
/// merged into it, whose history it holds), or one member record. Every query passes through it.
/// </summary>
public sealed class UserScope
{
    public required string UserName { get; init; }
    public required string Role { get; init; }
    public bool IsAdmin => Role == Roles.Admin;
    public bool CanWrite { get; init; }
    /// <summary>The organization the user acts for; null for an administrator (everything) and a member.</summary>
    public int? RootOrganizationId { get; init; }
    /// <summary>Organization path prefixes in scope; empty for a plain member.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];
    /// <summary>The user's own member record, if any.</summary>
    public int? MemberId { get; init; }

    public bool SeesOrganizations => IsAdmin || Prefixes.Count > 0;

    public bool Covers(string path) => IsAdmin || Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    public IQueryable<Organization> Filter(IQueryable<Organization> query) =>
        IsAdmin ? query : query.Where(PathRange.WithinAny<Organization>(o => o.Path, Prefixes));

    public IQueryable<Member> Filter(IQueryable<Member> query)
    {
        if (IsAdmin) return query;
        if (Prefixes.Count == 0) return query.Where(m => m.Id == MemberId);
        return query.Where(PathRange.WithinAny<Member>(m => m.OrgPath, Prefixes));
    }

    /// <summary>Records placed in the tree by a path column (cases, awards): members only see none of them.</summary>
    public IQueryable<T> FilterByPath<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> path) =>
        IsAdmin ? query : query.Where(PathRange.WithinAny(path, Prefixes));

    /// <summary>Writable only within the user's subtree and when the account may write.</summary>
    public bool CanWriteAt(string path) => (IsAdmin || (CanWrite && Prefixes.Count > 0)) && Covers(path);
}

/// <summary>Builds the scope of the current request's user once, from the account's stored settings.</summary>
public sealed class ScopeResolver(AppDbContext db, IHttpContextAccessor http)
{
    private UserScope? cached;

    public async Task<UserScope> CurrentAsync()
    {
        if (cached is not null) return cached;
        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new UnauthorizedAccessException();
        var user = http.HttpContext!.Items[PartyOrg.Web.Hosting.SessionCheck.UserKey] as AppUser
            ?? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId)
            ?? throw new UnauthorizedAccessException();
        return cached = await ForUserAsync(db, user, principal.IsInRole);
    }

    public static async Task<UserScope> ForUserAsync(AppDbContext db, AppUser user, Func<string, bool> isInRole)
    {
        var role = Roles.All.FirstOrDefault(isInRole) ?? Roles.Member;
        var name = user.UserName ?? "";
        if (role == Roles.Admin)
            return new UserScope { UserName = name, Role = role, CanWrite = true, MemberId = user.MemberId };
        if (role == Roles.Member || user.ScopeOrganizationId is not { } rootId)
            return new UserScope { UserName = name, Role = Roles.Member, MemberId = user.MemberId };
        return new UserScope
        {
            UserName = name,
            Role = role,
            CanWrite = user.CanWrite,
            RootOrganizationId = rootId,
            Prefixes = await PrefixesWithPredecessorsAsync(db, rootId),
            MemberId = user.MemberId,
        };
    }

    /// <summary>The root's path and those of every organization merged into it, recursively (Long An into Tây Ninh).</summary>
    public static async Task<IReadOnlyList<string>> PrefixesWithPredecessorsAsync(AppDbContext db, int rootId)
    {
        var prefixes = new List<string>();
        var frontier = new List<int> { rootId };
        var seen = new HashSet<int>();
        while (frontier.Count > 0)
        {
            var batch = await db.Organizations.AsNoTracking()
                .Where(o => frontier.Contains(o.Id) || (o.SuccessorId != null && frontier.Contains(o.SuccessorId.Value)))
                .Select(o => new { o.Id, o.Path })
                .ToListAsync();
            frontier = [];
            foreach (var o in batch.Where(o => seen.Add(o.Id)))
            {
                if (!prefixes.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal))) prefixes.Add(o.Path);
                frontier.Add(o.Id);
            }
        }
        return prefixes;
    }
}
