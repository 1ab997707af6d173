using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Admission;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against the target of one organization for a year or a term, rolled up from its subtree.</summary>
public sealed record TargetProgressView(
    int OrganizationId, string OrganizationName, int? Year, string? Term, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly CountedTo,
    int Target, int Admitted, decimal? Percent, int ChildrenTarget);

public sealed class TargetQueries(AppDbContext db, OrganizationQueries organizations)
{
    /// <summary>
    /// Progress for the year or the term (one of them), counting to <paramref name="asOf"/> (default today, capped at the period's end).
    /// Null when the organization is outside the scope; target 0 when none was set.
    /// </summary>
    public async Task<TargetProgressView?> ProgressAsync(UserScope scope, int organizationId, int? year, string? term, DateOnly? asOf = null)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        if (org is null) return null;
        var target = await TargetAsync(org.Id, year, term);
        var (start, end) = target is not null
            ? (target.PeriodStart, target.PeriodEnd)
            : year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MinValue, DateOnly.MinValue);
        var countedTo = Min(end, asOf ?? organizations.Today);
        var admitted = target is null && year is null ? 0 : await CountAdmissionsAsync(org.Path, start, countedTo);
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == org.Id).Select(o => o.Id).ToListAsync();
        var childrenTarget = await db.AdmissionTargets.AsNoTracking()
            .Where(t => children.Contains(t.OrganizationId) && t.Year == year && t.Term == term && t.Source == TargetSource.Allocated)
            .SumAsync(t => (int?)t.Count) ?? 0;
        var progress = new TargetProgress(target?.Count ?? 0, admitted);
        return new TargetProgressView(org.Id, org.Name, year, term, start, end, countedTo, progress.Target, admitted, progress.Percent, childrenTarget);
    }

    /// <summary>
    /// Members admitted from <paramref name="first"/> to <paramref name="last"/> (inclusive) while active in the subtree: the placement on the admission date decides,
    /// so admissions made before a merger still count where they happened.
    /// </summary>
    public Task<int> CountAdmissionsAsync(string path, DateOnly first, DateOnly last)
    {
        var upper = PathRange.UpperBound(path);
        return (from p in db.MemberPlacements.AsNoTracking()
                where string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0
                join m in db.Members.AsNoTracking() on p.MemberId equals m.Id
                where m.AdmittedOn >= first && m.AdmittedOn <= last
                      && p.FromDate <= m.AdmittedOn && (p.ToDate == null || p.ToDate > m.AdmittedOn)
                select m.Id).Distinct().CountAsync();
    }

    private Task<AdmissionTarget?> TargetAsync(int organizationId, int? year, string? term) =>
        db.AdmissionTargets.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Year == year && t.Term == term)
            .OrderBy(t => t.Source) // an allocated target prevails over a proposal
            .FirstOrDefaultAsync();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
