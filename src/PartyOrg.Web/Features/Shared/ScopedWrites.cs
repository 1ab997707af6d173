using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>A cell offered in a form, with the organization above it (many cells share a name like "Chi bộ ấp 1").</summary>
public sealed record CellChoice(int Id, string Name, string ParentName);

/// <summary>Finds the records a write is aimed at, within the scope: outside it they do not exist for the user.</summary>
public sealed class ScopedWrites(AppDbContext db)
{
    /// <summary>An active cell the user may write in, or a Vietnamese error for the field.</summary>
    public async Task<(Organization? Cell, FieldError? Error)> WritableCellAsync(UserScope scope, int? organizationId, string field, string label)
    {
        if (organizationId is null) return (null, new(field, $"{label}: phải chọn chi bộ."));
        var cell = await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == organizationId);
        if (cell is null || !scope.CanWriteAt(cell.Path)) return (null, new(field, $"{label}: không có trong phạm vi được giao."));
        if (!cell.Type.IsCell()) return (null, new(field, $"{label}: \"{cell.Name}\" không phải chi bộ."));
        if (cell.EndedOn is not null) return (null, new(field, $"{label}: \"{cell.Name}\" đã kết thúc hoạt động."));
        return (cell, null);
    }

    /// <summary>The active cells the user may write in (within <paramref name="path"/> when given), by parent then name, the Vietnamese way.</summary>
    public async Task<IReadOnlyList<CellChoice>> WritableCellsAsync(UserScope scope, string? path = null)
    {
        var query = scope.Filter(db.Organizations.AsNoTracking())
            .Where(o => (o.Type == OrganizationType.BaseCell || o.Type == OrganizationType.DependentCell) && o.EndedOn == null);
        if (path is not null) query = query.Where(PathRange.WithinAny<Organization>(o => o.Path, [path]));
        var cells = (await query.ToListAsync()).Where(c => scope.CanWriteAt(c.Path)).ToList();
        var parentIds = cells.Select(c => c.ParentId).Distinct().ToList();
        var parents = await db.Organizations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return cells.Select(c => new CellChoice(c.Id, c.Name, c.ParentId is { } p ? parents.GetValueOrDefault(p, "") : ""))
            .OrderBy(c => VnText.CollationKey(c.ParentName), StringComparer.Ordinal)
            .ThenBy(c => VnText.CollationKey(c.Name), StringComparer.Ordinal).ToList();
    }

    /// <summary>The placement a write opens in the organization from the date lies inside its life (<see cref="PlacementWithinLifeRule"/>).</summary>
    public static FieldError? OpensWithinLife(Organization org, DateOnly from, string field, string label) =>
        PlacementWithinLifeRule.Check(field, label, new(org.Name, org.FoundedOn, org.EndedOn), from, null);

    /// <summary>Closes the member's open placement on the date (exclusive end).</summary>
    public async Task ClosePlacementAsync(int memberId, DateOnly on)
    {
        foreach (var p in await db.MemberPlacements.Where(p => p.MemberId == memberId && p.ToDate == null).ToListAsync())
            p.ToDate = on < p.FromDate ? p.FromDate : on;
    }

    public void OpenPlacement(Member member, DateOnly from) =>
        db.MemberPlacements.Add(new MemberPlacement { MemberId = member.Id, OrganizationId = member.OrganizationId, OrgPath = member.OrgPath, FromDate = from });
}
