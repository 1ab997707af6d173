using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Pickers;

/// <summary>One choice offered by a picker: the name, and what tells namesakes apart (the cell and its committee).</summary>
public sealed record PickItem(int Id, string Label, string? Detail);

/// <summary>Which organizations an organization picker offers.</summary>
public enum PickKind
{
    /// <summary>Any active organization in the scope.</summary>
    Any,
    /// <summary>Active cells in the scope.</summary>
    Cell,
    /// <summary>Active committees (not cells) in the scope.</summary>
    Committee,
    /// <summary>Active cells anywhere in the country: where a member may be transferred to.</summary>
    Destination,
}

/// <summary>
/// Look-ups behind the member and organization pickers. Everything is filtered through the user's scope, except transfer
/// destinations, which are any active cell in the country (the letter may send a member anywhere).
/// </summary>
public sealed class PickerQueries(AppDbContext db)
{
    public const int Limit = 15;

    public static PickKind KindFrom(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "cell" => PickKind.Cell,
        "committee" => PickKind.Committee,
        "destination" => PickKind.Destination,
        _ => PickKind.Any,
    };

    /// <summary>
    /// Active members in scope whose full or given name starts with the text (diacritics optional), or with that CCCD or card number.
    /// <paramref name="includeFormer"/>: also those who were official once and have since left or died (a sponsor of a past fact is
    /// judged on that fact's date, so the pickers of past steps offer them, their exit shown beside the name).
    /// </summary>
    public async Task<IReadOnlyList<PickItem>> MembersAsync(UserScope scope, string? q, bool officialOnly = false, bool includeFormer = false)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return [];
        var query = scope.Filter(db.Members.AsNoTracking())
            .Where(m => m.Status == MemberStatus.Official || (!officialOnly && m.Status == MemberStatus.Probationary)
                        || (includeFormer && m.OfficialOn != null && m.Status != MemberStatus.Probationary));
        if (text.All(char.IsAsciiDigit))
            query = text.Length == 12 ? query.Where(m => m.CitizenId == text) : query.Where(m => m.CardNumber == text);
        else
        {
            var folded = VnText.Fold(text);
            query = query.Where(PathRange.StartsWith<Member>(m => m.SearchName, folded))
                .Union(query.Where(PathRange.StartsWith<Member>(m => m.SearchGiven, folded)));
        }
        var rows = await query.OrderBy(m => m.SortKey).ThenBy(m => m.Id).Take(Limit)
            .Select(m => new { m.Id, m.FullName, m.DateOfBirth, m.OrganizationId, m.Status }).ToListAsync();
        var places = await PlacesAsync(rows.Select(r => r.OrganizationId));
        return rows.Select(r => new PickItem(r.Id, r.FullName, $"sinh năm {r.DateOfBirth.Year} · {places.GetValueOrDefault(r.OrganizationId, "")}"
            + (r.Status.IsActive() ? "" : $" · {r.Status.Label().ToLowerInvariant()}"))).ToList();
    }

    /// <summary>A member in scope as a picker shows it once chosen; null when unknown or outside the scope.</summary>
    public async Task<PickItem?> MemberAsync(UserScope scope, int? id)
    {
        if (id is null) return null;
        var m = await scope.Filter(db.Members.AsNoTracking()).Where(x => x.Id == id)
            .Select(x => new { x.Id, x.FullName, x.DateOfBirth, x.OrganizationId }).SingleOrDefaultAsync();
        if (m is null) return null;
        var places = await PlacesAsync([m.OrganizationId]);
        return new PickItem(m.Id, m.FullName, $"sinh năm {m.DateOfBirth.Year} · {places.GetValueOrDefault(m.OrganizationId, "")}");
    }

    /// <summary>
    /// Active organizations of the kind whose name (with the name above it) contains every word typed as a word start,
    /// diacritics optional ("ap 1 thanh phuoc"); with no text, the ones directly under <paramref name="under"/> (browsing the tree).
    /// </summary>
    public async Task<IReadOnlyList<PickItem>> OrganizationsAsync(UserScope scope, string? q, PickKind kind, int? under = null)
    {
        var words = VnText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = Candidates(scope, kind);
        if (words.Length == 0)
        {
            if (kind == PickKind.Destination && under is null) return [];
            var parent = under is { } u ? await Visible(scope, kind == PickKind.Destination).SingleOrDefaultAsync(o => o.Id == u) : null;
            if (under is not null && parent is null) return [];
            candidates = parent is null
                ? candidates.Where(o => scope.RootOrganizationId == null ? o.ParentId == null : o.Id == scope.RootOrganizationId)
                : candidates.Where(o => o.ParentId == parent.Id);
        }
        var rows = await candidates.Select(o => new Row(o.Id, o.Name, o.ParentId)).ToListAsync();
        var parents = await NamesAsync(rows.Select(r => r.ParentId));
        return rows
            .Select(r => (Row: r, Parent: r.ParentId is { } p ? parents.GetValueOrDefault(p) : null))
            .Where(x => words.Length == 0 || Matches(VnText.Fold(x.Row.Name + " " + x.Parent), words))
            // What the words name by itself comes before what only its parent's name completes ("phuong long an": the ward, then its cells).
            .OrderBy(x => words.Length > 0 && Matches(VnText.Fold(x.Row.Name), words) ? 0 : 1)
            .ThenBy(x => VnText.CollationKey(x.Row.Name), StringComparer.Ordinal).ThenBy(x => VnText.CollationKey(x.Parent ?? ""), StringComparer.Ordinal)
            .Take(Limit * 2)
            .Select(x => new PickItem(x.Row.Id, x.Row.Name, x.Parent)).ToList();
    }

    /// <summary>
    /// The committees above an organization in scope that may decide an admission or a decision on a member, nearest first,
    /// matching the words typed (all of them with no text). A cell secretary's scope holds no committee, yet the committee
    /// above their cell signs its decisions, so these are offered whatever the scope, once the organization itself is visible.
    /// </summary>
    public async Task<IReadOnlyList<PickItem>> CommitteesAboveAsync(UserScope scope, int organizationId, string? q = null)
    {
        if (!scope.SeesOrganizations) return [];
        var below = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync();
        if (below is null) return [];
        var ids = Organization.IdsOnPath(below);
        var chain = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        var names = chain.ToDictionary(o => o.Id, o => o.Name);
        var words = VnText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return chain.Where(o => o.Id != organizationId && o.EndedOn == null && o.Type.MayDecideAdmission()).OrderByDescending(o => o.Depth)
            .Select(o => new PickItem(o.Id, o.Name, o.ParentId is { } p ? names.GetValueOrDefault(p) : null))
            .Where(i => words.Length == 0 || Matches(VnText.Fold(i.Label + " " + i.Detail), words)).ToList();
    }

    /// <summary>An organization the picker of this kind may offer, as it shows once chosen; null otherwise.</summary>
    public async Task<PickItem?> OrganizationAsync(UserScope scope, int? id, PickKind kind)
    {
        if (id is null) return null;
        var o = await Candidates(scope, kind).Where(x => x.Id == id).Select(x => new Row(x.Id, x.Name, x.ParentId)).SingleOrDefaultAsync();
        if (o is null) return null;
        var parents = await NamesAsync([o.ParentId]);
        return new PickItem(o.Id, o.Name, o.ParentId is { } p ? parents.GetValueOrDefault(p) : null);
    }

    /// <summary>"Chi bộ ấp 1 — Đảng bộ xã Thạnh Phước": a cell is never named without its committee.</summary>
    public static string OrganizationLine(PickItem organization) =>
        organization.Detail is { Length: > 0 } parent ? $"{organization.Label} — {parent}" : organization.Label;

    private sealed record Row(int Id, string Name, int? ParentId);

    private IQueryable<Organization> Visible(UserScope scope, bool country) =>
        country ? db.Organizations.AsNoTracking() : scope.Filter(db.Organizations.AsNoTracking());

    private IQueryable<Organization> Candidates(UserScope scope, PickKind kind)
    {
        // A plain member sees no organization at all, not even destinations.
        if (!scope.SeesOrganizations) return db.Organizations.Where(o => false);
        var query = Visible(scope, kind == PickKind.Destination).Where(o => o.EndedOn == null);
        return kind switch
        {
            PickKind.Cell or PickKind.Destination => query.Where(o => o.Type == OrganizationType.BaseCell || o.Type == OrganizationType.DependentCell),
            PickKind.Committee => query.Where(o => o.Type != OrganizationType.BaseCell && o.Type != OrganizationType.DependentCell),
            _ => query,
        };
    }

    private static bool Matches(string foldedName, string[] words)
    {
        var nameWords = foldedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal)));
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int?> ids)
    {
        var list = ids.OfType<int>().Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }

    /// <summary>Each cell named with the organization above it.</summary>
    private Task<Dictionary<int, string>> PlacesAsync(IEnumerable<int> cellIds) => OrganizationNames.OfAsync(db, cellIds);
}
