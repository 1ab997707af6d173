using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Admission;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against the target of one organization for a year or a term, rolled up from its subtree.</summary>
/// <remarks>
/// PeriodStart–PeriodEnd is the target's whole counting window; CountedFrom–CountedTo the part of it actually counted (narrowed by
/// from/asOf, the end capped at today). Admitted includes the readmissions of the window when <see cref="ReadmissionCountingRule"/>
/// counts them (ReadmissionsCounted); Readmitted gives them apart either way. Every percentage is rounded by PercentRounding.
/// </remarks>
public sealed record TargetProgressView(
    int OrganizationId, string OrganizationName, int? Year, string? Term, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly CountedFrom, DateOnly CountedTo,
    int Target, int Admitted, decimal? Percent, int ChildrenTarget,
    int SourcePool, decimal? SourcePoolRatio, bool SourcePoolShort, int Membership, decimal? AdmissionRate, bool AdmissionRateShort,
    int Readmitted, bool ReadmissionsCounted, PercentRoundingMode PercentRounding)
{
    /// <summary>Allocated to the children minus this level's own target (the "side by side" of top-down allocation).</summary>
    public int ChildrenDifference => ChildrenTarget - Target;
}

/// <summary>
/// Admissions in a subtree over a date range; with the target, year or term and percent of the one target whose window covers the
/// whole range, or the reason there is no percent.
/// </summary>
public sealed record AdmissionRangeView(int OrganizationId, string OrganizationName, DateOnly From, DateOnly To, int Admitted,
    DateOnly CountedFrom, DateOnly CountedTo, int Readmitted, bool ReadmissionsCounted,
    int? Target, int? Year, string? Term, decimal? Percent, string? PercentUnavailableReason, PercentRoundingMode PercentRounding);

/// <summary>A target set from above (giao) or proposed from below (đề xuất), for a year or a term.</summary>
public sealed class TargetInput
{
    public int? OrganizationId { get; set; }
    public int? Year { get; set; }
    public string? Term { get; set; }
    public int? Count { get; set; }
    public string? Source { get; set; }
    public string? Document { get; set; }
    /// <summary>The date of the document (for a term: the congress); a term counts from the next day unless <see cref="CountFrom"/> says otherwise.</summary>
    public string? DocumentDate { get; set; }
    /// <summary>For a term: the first day whose admissions count (default: the day after <see cref="DocumentDate"/>, else 1 January of the first year).</summary>
    public string? CountFrom { get; set; }
    /// <summary>For a term: the last day whose admissions count (default: 31 December of the last year).</summary>
    public string? CountTo { get; set; }
}

public sealed class TargetQueries(AppDbContext db, OrganizationQueries organizations, Admissions.AdmissionQueries cases, AdmissionSettings settings, PercentRounding rounding)
{
    public const string DocumentDateField = "documentDate";
    public const string CountFromField = "countFrom";
    public const string CountToField = "countTo";

    /// <summary>
    /// Progress for the year or the term (one of them), counting from <paramref name="from"/> (default the target's start) to
    /// <paramref name="asOf"/> (default today), both kept inside the target's window. Null when the organization is outside the
    /// scope; target 0 when none was set.
    /// </summary>
    public async Task<TargetProgressView?> ProgressAsync(UserScope scope, int organizationId, int? year, string? term, DateOnly? asOf = null, DateOnly? from = null)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        return org is null ? null : (await ProgressOfAsync([org], year, term, from, asOf))[0];
    }

    /// <summary>
    /// The progress narrowed by the caller: <paramref name="from"/> not before the target's start, <paramref name="asOf"/> not after
    /// its end, and from not after asOf; otherwise the errors, each naming its parameter.
    /// </summary>
    public async Task<Outcome<TargetProgressView>> NarrowedProgressAsync(UserScope scope, int organizationId, int? year, string? term, DateOnly? from, DateOnly? asOf)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        if (org is null) return Outcome<TargetProgressView>.NotFound();
        if (from is not null || asOf is not null)
        {
            var errors = await NarrowingErrorsAsync(org.Id, year, term, from, asOf);
            if (errors.Count > 0) return Outcome<TargetProgressView>.Invalid(errors);
        }
        return Outcome<TargetProgressView>.Ok((await ProgressOfAsync([org], year, term, from, asOf))[0]);
    }

    private async Task<List<FieldError>> NarrowingErrorsAsync(int organizationId, int? year, string? term, DateOnly? from, DateOnly? asOf)
    {
        var errors = new List<FieldError>();
        var stored = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Year == year && t.Term == term)
            .OrderBy(t => t.Source).Select(t => new { t.PeriodStart, t.PeriodEnd }).FirstOrDefaultAsync();
        // Without a stored target the window is the calendar year, or the term's years.
        (DateOnly Start, DateOnly End)? window = stored is not null ? (stored.PeriodStart, stored.PeriodEnd)
            : year is { } y ? TargetWindowRule.Year(y)
            : TargetWindowRule.TermYears(term) is { } ty ? (new DateOnly(ty.First, 1, 1), TargetWindowRule.DefaultTermEnd(ty.Last)) : null;
        if (window is not { } w) return errors;
        var period = year is { } yy ? $"năm {yy}" : $"nhiệm kỳ {term}";
        var span = $"thời gian tính của {period} là {VnFormat.Date(w.Start)} – {VnFormat.Date(w.End)}";
        if (from is { } f && (f < w.Start || f > w.End))
            errors.Add(new("from", $"Tính từ ngày (from): {VnFormat.Date(f)} nằm ngoài {span}."));
        if (asOf is { } a && (a < w.Start || a > w.End))
            errors.Add(new("asOf", $"Tính đến ngày (asOf): {VnFormat.Date(a)} nằm ngoài {span}."));
        var until = asOf ?? Min(w.End, organizations.Today);
        if (errors.Count == 0 && from is { } ff && ff > until)
            errors.Add(new("from", $"Tính từ ngày (from): {VnFormat.Date(ff)} sau ngày tính đến {VnFormat.Date(until)}{(asOf is null ? " (hôm nay)" : "")}."));
        return errors;
    }

    /// <summary>Progress of each of the given child organizations, in their order (those outside the scope are left out).</summary>
    public async Task<IReadOnlyList<TargetProgressView>> ProgressOfEachAsync(UserScope scope, IEnumerable<OrganizationView> organizations, int? year, string? term,
        DateOnly? from = null, DateOnly? asOf = null)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        if (ids.Count == 0) return [];
        var found = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        return await ProgressOfAsync(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), year, term, from, asOf);
    }

    /// <summary>
    /// The same figures for many organizations with a fixed number of queries: each count joins the organizations to the rows of
    /// their subtrees (a path range per organization) and groups by organization, so a page of children costs what one costs.
    /// Each organization counts inside its own target's window, narrowed by from/asOf where they fall inside it.
    /// </summary>
    private async Task<IReadOnlyList<TargetProgressView>> ProgressOfAsync(IReadOnlyList<Organization> orgs, int? year, string? term, DateOnly? from, DateOnly? asOf)
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
            // Without a stored target the window is the calendar year, or the term's years.
            var window = target is not null ? (target.PeriodStart, target.PeriodEnd)
                : year is { } y ? TargetWindowRule.Year(y)
                : TargetWindowRule.TermYears(term) is { } ty ? (new DateOnly(ty.First, 1, 1), TargetWindowRule.DefaultTermEnd(ty.Last))
                : ((DateOnly, DateOnly)?)null;
            var (start, end) = window ?? (DateOnly.MinValue, DateOnly.MinValue);
            return (Start: start, End: end, CountedFrom: from is { } f && f > start ? f : start, CountedTo: Min(end, countTo),
                CountsAdmissions: window is not null);
        });

        // Windows differ only where a target was stored with its own dates: one query per distinct window, usually one.
        var admitted = new Dictionary<int, AdmissionCount>();
        foreach (var group in ids.Where(id => periods[id].CountsAdmissions).GroupBy(id => (periods[id].CountedFrom, periods[id].CountedTo)))
            foreach (var (id, count) in await CountOfEachAsync(group.ToList(), group.Key.CountedFrom, group.Key.CountedTo))
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
            var (start, end, countedFrom, countedTo, _) = periods[org.Id];
            var counts = admitted.GetValueOrDefault(org.Id) ?? AdmissionCount.None;
            var count = counts.Counted(settings);
            var progress = new TargetProgress(targets.GetValueOrDefault(org.Id)?.Count ?? 0, count, rounding);
            // The pool is set against the year's target (1,5–2×); the rate against the membership at the start of the year (3–4%).
            var poolCount = pool.GetValueOrDefault(org.Id);
            var members = membership.GetValueOrDefault(org.Id);
            return new TargetProgressView(org.Id, org.Name, year, term, start, end, countedFrom, countedTo, progress.Target, count, progress.Percent,
                childrenTarget.GetValueOrDefault(org.Id),
                poolCount, SourcePoolRule.Ratio(poolCount, progress.Target), year is not null && SourcePoolRule.FallsShort(poolCount, progress.Target, settings),
                members, AdmissionRateRule.Percent(count, members, rounding),
                year is not null && countedFrom == start && countedTo >= end && AdmissionRateRule.FallsShort(count, members, settings),
                counts.Readmissions, ReadmissionCountingRule.Counts(settings), rounding.Mode);
        }).ToList();
    }

    /// <summary>
    /// Admissions in the subtree over any date range; with a percent when exactly one of the organization's targets (a year or a
    /// term) has a window covering the whole range, otherwise the reason there is none. Null outside the scope.
    /// </summary>
    public async Task<AdmissionRangeView?> RangeAsync(UserScope scope, int organizationId, DateOnly from, DateOnly to)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        if (org is null) return null;
        var counts = (await CountOfEachAsync([org.Id], from, to)).GetValueOrDefault(org.Id) ?? AdmissionCount.None;
        var admitted = counts.Counted(settings);
        var covering = (await db.AdmissionTargets.AsNoTracking()
                .Where(t => t.OrganizationId == org.Id && t.PeriodStart <= from && t.PeriodEnd >= to).ToListAsync())
            .GroupBy(t => (t.Year, t.Term))
            .Select(g => g.OrderBy(t => t.Source).First()) // an allocated target prevails over a proposal
            .OrderBy(t => t.Year == null).ThenBy(t => t.Year).ThenBy(t => t.Term, StringComparer.Ordinal).ToList();
        var span = $"{VnFormat.Date(from)} – {VnFormat.Date(to)}";
        AdmissionTarget? target = covering.Count == 1 ? covering[0] : null;
        var percent = target is null ? null : new TargetProgress(target.Count, admitted, rounding).Percent;
        var reason = covering.Count switch
        {
            0 => $"Không có chỉ tiêu năm hoặc nhiệm kỳ nào có thời gian tính bao trọn khoảng {span}: chỉ có số kết nạp, không có tỷ lệ so với chỉ tiêu.",
            1 when percent is null => "Chỉ tiêu bằng 0: không tính tỷ lệ.",
            1 => null,
            _ => $"Khoảng {span} nằm trong thời gian tính của {covering.Count} chỉ tiêu ({string.Join(", ", covering.Select(Label))}): "
                 + "chọn year hoặc term để biết tỷ lệ so với chỉ tiêu nào.",
        };
        return new AdmissionRangeView(org.Id, org.Name, from, to, admitted, from, to, counts.Readmissions, ReadmissionCountingRule.Counts(settings),
            target?.Count, target?.Year, target?.Term, percent, reason, rounding.Mode);
    }

    private static string Label(AdmissionTarget t) => t.Year is { } y ? $"năm {y}" : $"nhiệm kỳ {t.Term}";

    private static string FieldLabel(string field) => field switch
    {
        DocumentDateField => "Ngày văn bản",
        CountFromField => "Tính từ ngày",
        CountToField => "Tính đến ngày",
        _ => field,
    };

    /// <summary>
    /// Sets (or corrects) a target; the writer must cover the organization. A yearly target counts its calendar year. A term target
    /// counts from countFrom (default: the day after documentDate, else 1 January of its first year) to countTo (default: 31 December
    /// of its last year), checked by <see cref="TargetWindowRule"/> and against the other terms of the organization. Like every field of
    /// the PUT, an omitted day takes its default: the form shows the stored days, so editing keeps them.
    /// </summary>
    public async Task<Outcome<AdmissionTarget>> SetAsync(UserScope scope, TargetInput input)
    {
        var org = input.OrganizationId is { } id ? await organizations.FindAsync(scope, id) : null;
        if (org is null) return Outcome<AdmissionTarget>.NotFound();
        if (!scope.CanWriteAt(org.Path)) return Outcome<AdmissionTarget>.Forbidden();
        var errors = new List<FieldError>();
        var term = string.IsNullOrWhiteSpace(input.Term) ? null : input.Term.Trim();
        var dates = new InputParsing(errors, FieldLabel);
        var documentDate = dates.Date(DocumentDateField, input.DocumentDate, required: false);
        var countFrom = dates.Date(CountFromField, input.CountFrom, required: false);
        var countTo = dates.Date(CountToField, input.CountTo, required: false);
        if (documentDate > organizations.Today) errors.Add(new(DocumentDateField, "Ngày văn bản: không được sau ngày hôm nay."));
        (DateOnly Start, DateOnly End)? period = null;
        if (input.Year is { } y && term is null && y is >= 2000 and <= 2100)
        {
            period = TargetWindowRule.Year(y);
            if (countFrom is { } cf && cf != period.Value.Start)
                errors.Add(new(CountFromField, $"Tính từ ngày: chỉ tiêu năm tính theo năm dương lịch, từ {VnFormat.Date(period.Value.Start)}; ngày bắt đầu riêng chỉ đặt cho chỉ tiêu nhiệm kỳ."));
            if (countTo is { } ct && ct != period.Value.End)
                errors.Add(new(CountToField, $"Tính đến ngày: chỉ tiêu năm tính theo năm dương lịch, đến {VnFormat.Date(period.Value.End)}; ngày kết thúc riêng chỉ đặt cho chỉ tiêu nhiệm kỳ."));
        }
        else if (input.Year is null && term is not null && TargetWindowRule.TermYears(term) is { } years)
        {
            period = (countFrom ?? TargetWindowRule.DefaultTermStart(years.First, documentDate), countTo ?? TargetWindowRule.DefaultTermEnd(years.Last));
            var fromField = countFrom is null && documentDate is not null ? DocumentDateField : CountFromField;
            if (!errors.Any(e => e.Field is CountFromField or CountToField or DocumentDateField))
                errors.AddRange(TargetWindowRule.CheckTerm(term, period.Value.Start, period.Value.End, fromField, CountToField));
            if (errors.Count == 0)
            {
                // Another term of the same organization counting any of these days would count an admission twice.
                var others = await db.AdmissionTargets.AsNoTracking()
                    .Where(t => t.OrganizationId == org.Id && t.Term != null && t.Term != term && t.PeriodStart <= period.Value.End && t.PeriodEnd >= period.Value.Start)
                    .OrderBy(t => t.PeriodStart).ToListAsync();
                if (others.FirstOrDefault() is { } other)
                    errors.Add(TargetWindowRule.OverlapError(term, period.Value.Start, period.Value.End, other.Term!, other.PeriodStart, other.PeriodEnd,
                        other.PeriodStart <= period.Value.Start ? fromField : CountToField));
            }
        }
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
        (target.PeriodStart, target.PeriodEnd, target.Count, target.Document, target.DocumentDate) =
            (period!.Value.Start, period.Value.End, input.Count!.Value, InputParsing.Optional(input.Document), documentDate);
        await db.SaveChangesAsync();
        return Outcome<AdmissionTarget>.Ok(target);
    }

    /// <summary>
    /// Admissions that count from <paramref name="first"/> to <paramref name="last"/> (inclusive) while active in the subtree: the
    /// placement on the decision's date decides, so admissions made before a merger still count where they happened; readmissions
    /// count on their own date as <see cref="ReadmissionCountingRule"/> says.
    /// </summary>
    public async Task<int> CountAdmissionsAsync(string path, DateOnly first, DateOnly last)
    {
        var id = Organization.IdsOnPath(path)[^1];
        return ((await CountOfEachAsync([id], first, last)).GetValueOrDefault(id) ?? AdmissionCount.None).Counted(settings);
    }

    /// <summary>First admissions and readmissions of a window, apart; which of them count is the rule's.</summary>
    private sealed record AdmissionCount(int First, int Readmissions)
    {
        public static readonly AdmissionCount None = new(0, 0);
        public int Counted(AdmissionSettings settings) => First + (ReadmissionCountingRule.Counts(settings) ? Readmissions : 0);
    }

    /// <summary>
    /// <see cref="CountAdmissionsAsync"/> for each organization at once, from the maintained subtree counts (<see cref="SubtreeCounts"/>):
    /// one index range per organization and measure. Organizations without admissions are absent.
    /// </summary>
    private async Task<Dictionary<int, AdmissionCount>> CountOfEachAsync(IReadOnlyCollection<int> organizationIds, DateOnly first, DateOnly last)
    {
        var rows = await SubtreeCounts.Admissions(db, organizationIds, first, last)
            .GroupBy(c => new { c.OrganizationId, c.Measure })
            .Select(g => new { g.Key.OrganizationId, g.Key.Measure, Count = g.Sum(c => c.Delta) })
            .ToListAsync();
        return rows.Where(r => r.Count != 0).GroupBy(r => r.OrganizationId).ToDictionary(g => g.Key, g => new AdmissionCount(
            g.Where(r => r.Measure == SubtreeMeasure.Admitted).Sum(r => r.Count), g.Where(r => r.Measure == SubtreeMeasure.Readmitted).Sum(r => r.Count)));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
