using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>"Chi bộ ấp 1 — Đảng ủy xã Thạnh Phước": many cells share a name, so a cell is never shown without its committee.</summary>
public static class OrganizationNames
{
    public static string Of(string name, OrganizationType type, string? parentName) =>
        type.IsCell() && parentName is { Length: > 0 } ? $"{name} — {parentName}" : name;

    /// <summary>The display names of the given organizations, in one query.</summary>
    public static async Task<Dictionary<int, string>> OfAsync(AppDbContext db, IEnumerable<int> ids)
    {
        var list = ids.Distinct().ToList();
        var rows = await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Type, Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync();
        return rows.ToDictionary(o => o.Id, o => Of(o.Name, o.Type, o.Parent));
    }
}
