using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Admission;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against the target of one organization for a year or a term, rolled up from its subtree.</summary>
public sealed record TargetProgressView(
    int OrganizationId, string OrganizationName, int? Year, string? Term, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly CountedTo,
    int Target, int Admitted, decimal? Percent, int ChildrenTarget,
    int SourcePool, decimal? SourcePoolRatio, bool SourcePoolShort, int Membership, decimal? AdmissionRate, bool AdmissionRateShort)
{
    /// <summary>Allocated to the children minus this level's own target (the "side by side" of top-down allocation).</summary>
    public int ChildrenDifference => ChildrenTarget - Target;
}

/// <summary>A target set from above (giao) or proposed from below (đề xuất), for a year or a term.</summary>
/// <summary>Admissions in a subtree over a date range.</summary>
public sealed record AdmissionRangeView(int OrganizationId, string OrganizationName, DateOnly From, DateOnly To, int Admitted);

public sealed class TargetInput
{
    public int? OrganizationId { get; set; }
    public int? Year { get; set; }
    public string? Term { get; set; }
    public int? Count { get; set; }
    public string? Source { get; set; }
    public string? Document { get; set; }
}

public sealed class TargetQueries(AppDbContext db, OrganizationQueries organizations, Admissions.AdmissionQueries cases, PartyOrg.Domain.Lifecycle.AdmissionSettings settings)
{
    /// <summary>
    /// Progress for the year or the term (one of them), counting to <paramref name="asOf"/> (default today, capped at the period's end).
    /// Null when the organization is outside the scope; target 0 when none was set.
    /// </summary>
    public async Task<TargetProgressView?> ProgressAsync(UserScope scope, int organizationId, int? year, string? term, DateOnly? asOf = null)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        return org is null ? null : (await ProgressOfAsync([org], year, term, asOf))[0];
    }

    /// <summary>Progress of each of the given child organizations, in their order (those outside the scope are left out).</summary>
    public async Task<IReadOnlyList<TargetProgressView>> ProgressOfEachAsync(UserScope scope, IEnumerable<OrganizationView> organizations, int? year, string? term)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        if (ids.Count == 0) return [];
        var found = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        return await ProgressOfAsync(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), year, term, null);
    }

    /// <summary>
    /// The same figures for many organizations with a fixed number of queries: each count joins the organizations to the rows of
    /// their subtrees (a path range per organization) and groups by organization, so a page of children costs what one costs.
    /// </summary>
    private async Task<IReadOnlyList<TargetProgressView>> ProgressOfAsync(IReadOnlyList<Organization> orgs, int? year, string? term, DateOnly? asOf)
    {
        if (orgs.Count == 0) return [];
        var ids = orgs.Select(o => o.Id).Distinct().ToList();
        var targets = (await db.AdmissionTargets.AsNoTracking()
                .Where(t => ids.Contains(t.OrganizationId) && t.Year == year && t.Term == term).ToListAsync())
            .GroupBy(t => t.OrganizationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Source).First()); // an allocated target prevails over a proposal
        var countTo = asOf ?? organizations.Today;
        var periods = ids.ToDictionary(id => id, id =>
        {
            var target = targets.GetValueOrDefault(id);
            var (start, end) = target is not null
                ? (target.PeriodStart, target.PeriodEnd)
                : year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MinValue, DateOnly.MinValue);
            return (Start: start, End: end, CountedTo: Min(end, countTo), CountsAdmissions: target is not null || year is not null);
        });

        // Periods differ only where a target was stored with its own dates: one query per distinct period, usually one.
        var admitted = new Dictionary<int, int>();
        foreach (var group in ids.Where(id => periods[id].CountsAdmissions).GroupBy(id => (periods[id].Start, periods[id].CountedTo)))
            foreach (var (id, count) in await CountAdmissionsOfEachAsync(group.ToList(), group.Key.Start, group.Key.CountedTo))
                admitted[id] = count;
        var pool = new Dictionary<int, int>();
        foreach (var group in ids.GroupBy(id => periods[id].CountedTo))
            foreach (var (id, count) in await cases.PoolOfEachAsync(group.ToList(), group.Key))
                pool[id] = count;
        var membership = year is { } yy ? await organizations.CountMembersOfEachAsync(ids, new DateOnly(yy, 1, 1)) : [];
        var childrenTarget = await (
                from t in db.AdmissionTargets.AsNoTracking()
                join c in db.Organizations.AsNoTracking() on t.OrganizationId equals c.Id
                where c.ParentId != null && ids.Contains(c.ParentId.Value)
                      && t.Year == year && t.Term == term && t.Source == TargetSource.Allocated
                group t.Count by c.ParentId!.Value into g
                select new { g.Key, Sum = g.Sum() })
            .ToDictionaryAsync(r => r.Key, r => r.Sum);

        return orgs.Select(org =>
        {
            var (start, end, countedTo, _) = periods[org.Id];
            var count = admitted.GetValueOrDefault(org.Id);
            var progress = new TargetProgress(targets.GetValueOrDefault(org.Id)?.Count ?? 0, count);
            // The pool is set against the year's target (1,5–2×); the rate against the membership at the start of the year (3–4%).
            var poolCount = pool.GetValueOrDefault(org.Id);
            var members = membership.GetValueOrDefault(org.Id);
            return new TargetProgressView(org.Id, org.Name, year, term, start, end, countedTo, progress.Target, count, progress.Percent,
                childrenTarget.GetValueOrDefault(org.Id),
                poolCount, SourcePoolRule.Ratio(poolCount, progress.Target), year is not null && SourcePoolRule.FallsShort(poolCount, progress.Target, settings),
                members, AdmissionRateRule.Percent(count, members),
                year is not null && countedTo >= end && AdmissionRateRule.FallsShort(count, members, settings));
        }).ToList();
    }

    /// <summary>Admissions in the subtree over any date range (no target applies).</summary>
    public async Task<AdmissionRangeView?> RangeAsync(UserScope scope, int organizationId, DateOnly from, DateOnly to)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        if (org is null) return null;
        return new AdmissionRangeView(org.Id, org.Name, from, to, await CountAdmissionsAsync(org.Path, from, to));
    }

    /// <summary>Sets (or corrects) a target; the writer must cover the organization. The period follows the year or the term label.</summary>
    public async Task<Outcome<AdmissionTarget>> SetAsync(UserScope scope, TargetInput input)
    {
        var org = input.OrganizationId is { } id ? await organizations.FindAsync(scope, id) : null;
        if (org is null) return Outcome<AdmissionTarget>.NotFound();
        if (!scope.CanWriteAt(org.Path)) return Outcome<AdmissionTarget>.Forbidden();
        var errors = new List<Domain.Common.FieldError>();
        var term = string.IsNullOrWhiteSpace(input.Term) ? null : input.Term.Trim();
        (DateOnly Start, DateOnly End)? period = null;
        if (input.Year is { } y && term is null && y is >= 2000 and <= 2100) period = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        else if (input.Year is null && term is not null && TermYears(term) is { } years) period = (new DateOnly(years.First, 1, 1), new DateOnly(years.Last, 12, 31));
        if (period is null) errors.Add(new("year", "Năm hoặc nhiệm kỳ: phải chọn đúng một trong hai; nhiệm kỳ viết dạng 2025-2030."));
        if (input.Count is not ({ } c and >= 0 and <= 1_000_000)) errors.Add(new("count", "Chỉ tiêu: phải là số nguyên không âm."));
        var source = new InputParsing(errors, f => "Hình thức").Enum<TargetSource>("source", input.Source ?? nameof(TargetSource.Allocated));
        if (errors.Count > 0) return Outcome<AdmissionTarget>.Invalid(errors);
        var year = term is null ? input.Year : null;
        var target = await db.AdmissionTargets.SingleOrDefaultAsync(t => t.OrganizationId == org.Id && t.Year == year && t.Term == term && t.Source == source);
        if (target is null)
        {
            target = new AdmissionTarget { OrganizationId = org.Id, Year = year, Term = term, Source = source!.Value };
            db.AdmissionTargets.Add(target);
        }
        (target.PeriodStart, target.PeriodEnd, target.Count, target.Document) = (period!.Value.Start, period.Value.End, input.Count!.Value, InputParsing.Optional(input.Document));
        await db.SaveChangesAsync();
        return Outcome<AdmissionTarget>.Ok(target);
    }

    private static (int First, int Last)? TermYears(string term)
    {
        var parts = term.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && a >= 2000 && b > a && b - a <= 10 ? (a, b) : null;
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

    /// <summary>
    /// <see cref="CountAdmissionsAsync"/> for each organization at once; organizations without admissions are absent.
    /// The upper bound of a subtree's path range is computed in SQL the same way as <see cref="PathRange.UpperBound"/>.
    /// </summary>
    private async Task<Dictionary<int, int>> CountAdmissionsOfEachAsync(IReadOnlyCollection<int> organizationIds, DateOnly first, DateOnly last) =>
        await (from o in db.Organizations.AsNoTracking()
               where organizationIds.Contains(o.Id)
               from p in db.MemberPlacements.AsNoTracking()
               where string.Compare(p.OrgPath, o.Path) >= 0 && string.Compare(p.OrgPath, o.Path.Substring(0, o.Path.Length - 1) + "0") < 0
               join m in db.Members.AsNoTracking() on p.MemberId equals m.Id
               where m.AdmittedOn >= first && m.AdmittedOn <= last
                     && p.FromDate <= m.AdmittedOn && (p.ToDate == null || p.ToDate > m.AdmittedOn)
               group m.Id by o.Id into g
               select new { g.Key, Count = g.Distinct().Count() })
            .ToDictionaryAsync(r => r.Key, r => r.Count);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
