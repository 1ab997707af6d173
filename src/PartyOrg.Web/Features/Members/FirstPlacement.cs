using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>
/// Where a member's first placement starts when the admission date is written, and, for history before a merger, the
/// ended cell that holds the time from the admission to the merger (a backfill). The plan is checked before anything is
/// saved: every placement lies inside its organization's life (<see cref="PlacementWithinLifeRule"/>), and the member
/// continues from the ended cell into the organization it was merged into, following the merger links.
/// </summary>
public sealed class FirstPlacement(AppDbContext db)
{
    /// <summary>The first placement as it stands (or as a new record would have it).</summary>
    public sealed record Current(Organization Organization, DateOnly From, DateOnly? To);

    /// <summary>What to write: the first placement's new start, and the earlier placement to add before it, if any.</summary>
    public sealed record Plan(DateOnly FirstFrom, Organization? Earlier, DateOnly EarlierFrom);

    /// <summary>The answer is "not found": the earlier cell is outside the scope.</summary>
    public static readonly FieldError OutsideScope = new(MemberFields.EarlierOrganization, "");
    /// <summary>The answer is "forbidden": the earlier cell is in view but its history is not the user's to write.</summary>
    public static readonly FieldError NotTheirHistory = new(MemberFields.EarlierOrganization, " ");

    /// <param name="startsAtAdmission">The first placement starts with the admission (a new record, or one whose first placement began on the old admission date).</param>
    public async Task<Plan?> PlanAsync(UserScope scope, Current first, DateOnly admitted, bool startsAtAdmission, int? earlierId, List<FieldError> errors)
    {
        var cellLabel = MemberFields.Label(MemberFields.Organization);
        if (earlierId is null || earlierId == first.Organization.Id)
        {
            if (!startsAtAdmission) return new(first.From, null, default);
            if (first.To is { } to && admitted >= to)
            {
                errors.Add(new(MemberFields.AdmittedOn, $"Ngày vào Đảng: {VnFormat.Date(admitted)} không trước ngày đảng viên thôi sinh hoạt ở \"{first.Organization.Name}\" ({VnFormat.Date(to)}); sửa quá trình sinh hoạt trước."));
                return null;
            }
            if (PlacementWithinLifeRule.Check(MemberFields.Organization, cellLabel, Life(first.Organization), admitted, first.To) is { } outside)
            {
                errors.Add(admitted < first.Organization.FoundedOn
                    ? outside with { Message = outside.Message + $" Nếu đảng viên vào Đảng ở một chi bộ đã sắp xếp, chọn chi bộ đó ở mục \"{MemberFields.Label(MemberFields.EarlierOrganization)}\"." }
                    : outside);
                return null;
            }
            return new(admitted, null, default);
        }

        var earlier = await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == earlierId);
        if (earlier is null)
        {
            errors.Add(OutsideScope);
            return null;
        }
        // The history of an ended organization is written by the commission that holds it, never by a cell secretary.
        if (!scope.CanWriteAt(earlier.Path) || scope.Role == Roles.CellSecretary)
        {
            errors.Add(NotTheirHistory);
            return null;
        }
        var label = MemberFields.Label(MemberFields.EarlierOrganization);
        var before = errors.Count;
        if (!earlier.Type.IsCell())
            errors.Add(new(MemberFields.EarlierOrganization, $"{label}: \"{earlier.Name}\" không phải chi bộ."));
        else if (earlier.EndedOn is not { } end)
            errors.Add(new(MemberFields.EarlierOrganization, $"{label}: \"{earlier.Name}\" vẫn đang hoạt động; chỉ chọn chi bộ đã kết thúc khi sắp xếp (chi bộ đang hoạt động thì chọn ở mục \"{cellLabel}\")."));
        else
        {
            if (PlacementWithinLifeRule.Check(MemberFields.EarlierOrganization, label, Life(earlier), admitted, end) is { } outside)
                errors.Add(outside);
            else if (first.Organization.FoundedOn > end)
                errors.Add(new(MemberFields.Organization, $"{cellLabel}: \"{first.Organization.Name}\" thành lập ngày {VnFormat.Date(first.Organization.FoundedOn)}, sau khi \"{earlier.Name}\" kết thúc ({VnFormat.Date(end)}); quá trình sinh hoạt không được đứt quãng."));
            else if (first.To is { } to && to <= end)
                errors.Add(new(MemberFields.Organization, $"{cellLabel}: đảng viên đã thôi sinh hoạt ở \"{first.Organization.Name}\" ngày {VnFormat.Date(to)}, trước khi \"{earlier.Name}\" kết thúc ({VnFormat.Date(end)})."));
            else if (await MergedIntoAsync(earlier, end) is not { } successor)
                errors.Add(new(MemberFields.EarlierOrganization, $"{label}: \"{earlier.Name}\" và các tổ chức cấp trên của nó không có tổ chức kế thừa; ghi việc chuyển sinh hoạt đảng thay vì sáp nhập."));
            else if (!first.Organization.Path.StartsWith(successor.Path, StringComparison.Ordinal))
                errors.Add(new(MemberFields.Organization, $"{cellLabel}: \"{first.Organization.Name}\" không thuộc \"{successor.Name}\", nơi \"{earlier.Name}\" được sắp xếp vào ngày {VnFormat.Date(end)}; đảng viên phải tiếp tục sinh hoạt ở tổ chức kế thừa."));
            if (errors.Count == before) return new(end, earlier, admitted);
        }
        return null;
    }

    /// <summary>Writes the plan: the earlier placement (closed at the merger) and the first placement's start.</summary>
    public void Apply(Plan plan, Member member, MemberPlacement? first)
    {
        if (plan.Earlier is { } earlier)
            db.MemberPlacements.Add(new MemberPlacement { MemberId = member.Id, OrganizationId = earlier.Id, OrgPath = earlier.Path, FromDate = plan.EarlierFrom, ToDate = plan.FirstFrom });
        if (first is null)
            db.MemberPlacements.Add(new MemberPlacement { MemberId = member.Id, OrganizationId = member.OrganizationId, OrgPath = member.OrgPath, FromDate = plan.FirstFrom });
        else first.FromDate = plan.FirstFrom;
    }

    /// <summary>
    /// The organization an ended one's members went to: the successor of the nearest organization on its path that has one
    /// (a cell ends with its commune, the commune names the new commune), followed along further mergers until one stands
    /// on the day of the merger.
    /// </summary>
    private async Task<Organization?> MergedIntoAsync(Organization ended, DateOnly on)
    {
        var ids = Organization.IdsOnPath(ended.Path);
        var chain = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        var next = chain.OrderByDescending(o => o.Depth).FirstOrDefault(o => o.SuccessorId is not null)?.SuccessorId;
        for (var hops = 0; next is { } id && hops < 10; hops++)
        {
            var successor = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
            if (successor is null) return null;
            if (successor.IsActiveOn(on)) return successor;
            next = successor.SuccessorId;
        }
        return null;
    }

    /// <summary>
    /// The ended cells whose history the user may write (a commission's predecessors, never a cell secretary's), by the
    /// organization above them, for the member form; empty for everyone else.
    /// </summary>
    public async Task<IReadOnlyList<CellChoice>> ChoicesAsync(UserScope scope)
    {
        if (!scope.CanWrite || scope.Role == Roles.CellSecretary || !scope.SeesOrganizations) return [];
        var cells = (await scope.Filter(db.Organizations.AsNoTracking())
                .Where(o => (o.Type == OrganizationType.BaseCell || o.Type == OrganizationType.DependentCell) && o.EndedOn != null)
                .Select(o => new { o.Id, o.Name, o.Path, o.ParentId, o.EndedOn }).ToListAsync())
            .Where(c => scope.CanWriteAt(c.Path)).ToList();
        var parentIds = cells.Select(c => c.ParentId).OfType<int>().Distinct().ToList();
        var parents = await OrganizationNames.OfAsync(db, parentIds);
        return cells
            .Select(c => new CellChoice(c.Id, $"{c.Name} (đến {VnFormat.Date(c.EndedOn!.Value.AddDays(-1))})", c.ParentId is { } p ? parents.GetValueOrDefault(p, "") : ""))
            .OrderBy(c => VnText.CollationKey(c.ParentName), StringComparer.Ordinal)
            .ThenBy(c => VnText.CollationKey(c.Name), StringComparer.Ordinal).ToList();
    }

    private static OrganizationLife Life(Organization o) => new(o.Name, o.FoundedOn, o.EndedOn);
}
