using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Ratings;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Statistics;

namespace PartyOrg.Web.Features.Dashboard;

/// <summary>One bar of a chart: its key, label, count, share of the chart's whole (PercentRounding) and the list it counts, if one exists.</summary>
public sealed record DashboardBar(string Key, string Label, int Count, decimal? Percent, string? Link);

/// <summary>The decided ratings of the year for one kind of subject (members or base organizations), by level.</summary>
public sealed record RatingSeries(string Label, int Rated, IReadOnlyList<DashboardBar> Levels, int GoodOrAbove, decimal? GoodOrAbovePercent, string? GoodOrAboveLink);

public sealed record RatingChart(int Year, RatingSeries Members, RatingSeries BaseOrganizations);

/// <summary>Admissions of one month; the cumulative count to the month's end links to the year's admissions up to that day.</summary>
public sealed record MonthBar(int Month, string Label, int Count, int Cumulative, string? CumulativeLink);

/// <summary>A direct child: admitted in the year under it or the organizations merged into it, against its own target (0 when none).</summary>
public sealed record ChildBar(int OrganizationId, string Name, int Admitted, int Target, decimal? Percent, string Link);

public sealed record AdmissionsChart(int Admitted, int? Target, decimal? Percent, string AdmittedLink, bool ReadmissionsCounted, string ReadmissionNote,
    IReadOnlyList<MonthBar> Months, IReadOnlyList<ChildBar> Children);

/// <summary>One age band of the pyramid: men and women placed in the subtree on the date; the link lists the band (both genders).</summary>
public sealed record PyramidRow(string Key, string Label, int Men, int Women, string Link)
{
    public int Total => Men + Women;
}

public sealed record DashboardView(int OrganizationId, string OrganizationName, int Year, DateOnly Date, bool CurrentYear,
    IReadOnlyList<OrganizationRefView> StoodInPlace, int Members, RatingChart Ratings, AdmissionsChart Admissions,
    IReadOnlyList<PyramidRow> Pyramid, IReadOnlyList<DashboardBar> PartyAge, string PartyAgeNote,
    PercentRoundingMode PercentRounding, string PercentRoundingNote);

/// <summary>
/// The dashboard of an organization for a year: each chart is one grouped query (two for the months: first admissions and
/// readmissions) over the rows the statistics count, read on 31/12 of the year, or today for the current year. Every figure links
/// to the statistics list (/Statistics/Records) that counts the same records.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, StatisticsQueries stats, OrganizationQueries organizations,
    AdmissionSettings settings, PercentRounding rounding)
{
    public DateOnly Today => stats.Today;

    /// <summary>The day the year is read on: 31 December, or today while the year runs.</summary>
    public DateOnly DateOf(int year) => year >= Today.Year ? Today : new DateOnly(year, 12, 31);

    public async Task<Outcome<DashboardView>> GetAsync(UserScope scope, int? orgId, int? year)
    {
        var y = year ?? Today.Year;
        if (y > Today.Year) return Outcome<DashboardView>.Invalid([new("year", $"Năm (year): {y} chưa đến; chọn năm {Today.Year} trở về trước.")]);
        if (y < 1930) return Outcome<DashboardView>.Invalid([new("year", "Năm (year): phải từ năm 1930 trở đi.")]);
        var subject = await stats.SubjectAsync(scope, orgId, DateOf(y));
        if (subject.Kind == OutcomeKind.Invalid) return Outcome<DashboardView>.Invalid(subject.Errors);
        if (subject.Kind != OutcomeKind.Ok) return Outcome<DashboardView>.NotFound();
        var s = subject.Value!;
        var org = s.Organization;

        var ratings = await RatingsAsync(s);
        var admissions = await AdmissionsAsync(scope, s);
        var (pyramid, partyAge, members) = await MembershipAsync(s);
        return Outcome<DashboardView>.Ok(new DashboardView(org.Id, org.Name, y, s.Date, y == Today.Year, s.StoodInPlace, members,
            ratings, admissions, pyramid, partyAge, PartyAgeBandRule.Note, rounding.Mode, rounding.Note));
    }

    private static string Records(int orgId, DateOnly date, string measure, string value) =>
        $"/Statistics/Records?org={orgId}&date={InputParsing.Iso(date)}&measure={measure}&value={Uri.EscapeDataString(value)}";

    // ---- 1. ratings --------------------------------------------------------------------------------------------------

    private sealed class RatingGroup
    {
        public bool OfMember { get; set; }
        public RatingLevel Level { get; set; }
        public int Count { get; set; }
        public DateOnly? LastDecided { get; set; }
    }

    /// <summary>
    /// One grouped query over the decided ratings of the year (decided by today) kept under the subtree or the organizations merged
    /// into it: members, and base organizations (the rated organization's type is a base one), by level.
    /// </summary>
    private async Task<RatingChart> RatingsAsync(StatisticsSubject s)
    {
        var year = s.Date.Year;
        var groups = await (
                from r in RatingTally.Decided(db, s.HistoryPaths, year, year, Today)
                join o in db.Organizations.AsNoTracking() on r.SubjectOrganizationId equals o.Id into os
                from o in os.DefaultIfEmpty()
                where r.MemberId != null || (o != null && (o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell))
                group r by new { OfMember = r.MemberId != null, Level = r.DecidedLevel!.Value } into g
                select new RatingGroup { OfMember = g.Key.OfMember, Level = g.Key.Level, Count = g.Count(), LastDecided = g.Max(r => r.DecidedOn) })
            .ToListAsync();
        // The statistics list counts the ratings decided by its date: the last decision's day shows them all.
        var last = groups.Select(g => g.LastDecided).Max();
        var listDate = last is { } l && l <= Today ? l : s.Date;
        var orgId = s.Organization.Id;
        var ratingYear = $"&ratingYear={year}"; // the list names the year it counts
        RatingSeries Series(bool ofMember, string label, string measure)
        {
            var mine = groups.Where(g => g.OfMember == ofMember).ToList();
            var rated = mine.Sum(g => g.Count);
            var bars = RatingLevels.All.Select(level =>
            {
                var count = mine.Where(g => g.Level == level).Sum(g => g.Count);
                return new DashboardBar(level.ToString(), level.Label(), count, rounding.Percent(count, rated),
                    rated > 0 ? Records(orgId, listDate, measure, level.ToString()) + ratingYear : null);
            }).ToList();
            var good = mine.Where(g => g.Level.IsGoodOrAbove()).Sum(g => g.Count);
            return new RatingSeries(label, rated, bars, good, rounding.Percent(good, rated),
                rated > 0 ? Records(orgId, listDate, measure, StatisticsQueries.GoodOrAboveValue) + ratingYear : null);
        }
        return new RatingChart(year,
            Series(true, "Đảng viên", StatisticsQueries.Measures.Ratings),
            Series(false, "Tổ chức cơ sở đảng", StatisticsQueries.Measures.OrganizationRatings));
    }

    // ---- 2. admissions against target --------------------------------------------------------------------------------

    /// <summary>
    /// Admissions of the year by month where the member was placed on the decision's date (as the statistics' year.admissions count
    /// them, merged predecessors included); readmissions by their own month when <see cref="ReadmissionCountingRule"/> counts them.
    /// The year's target is the organization's own (an allocated one prevails over a proposal).
    /// </summary>
    private async Task<AdmissionsChart> AdmissionsAsync(UserScope scope, StatisticsSubject s)
    {
        var (start, end) = (s.YearStart, s.Date);
        // From the maintained subtree counts: the days of the year under the organization and those merged into it.
        var days = await SubtreeCounts.Admissions(db, SubtreeCounts.Outermost(s.HistoryPaths), start, end)
            .GroupBy(c => new { c.Measure, c.Date }).Select(g => new { g.Key.Measure, g.Key.Date, Count = g.Sum(c => c.Delta) }).ToListAsync();
        Dictionary<int, int> ByMonth(SubtreeMeasure measure) =>
            days.Where(d => d.Measure == measure).GroupBy(d => d.Date.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var first = ByMonth(SubtreeMeasure.Admitted);
        var counts = ReadmissionCountingRule.Counts(settings);
        var again = ByMonth(SubtreeMeasure.Readmitted);
        var orgId = s.Organization.Id;
        var months = new List<MonthBar>();
        var cumulative = 0;
        for (var month = 1; month <= 12; month++)
        {
            var count = first.GetValueOrDefault(month) + (counts ? again.GetValueOrDefault(month) : 0);
            cumulative += count;
            var monthStart = new DateOnly(s.Date.Year, month, 1);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            months.Add(new MonthBar(month, $"Tháng {month}", count, cumulative,
                monthStart <= end ? Records(orgId, monthEnd < end ? monthEnd : end, StatisticsQueries.Measures.Admissions, "all") : null));
        }
        var target = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.OrganizationId == orgId && t.Year == s.Date.Year && t.Term == null)
            .OrderBy(t => t.Source).Select(t => (int?)t.Count).FirstOrDefaultAsync();

        var childBars = await ChildrenAsync(scope, s, counts);
        return new AdmissionsChart(cumulative, target, target is { } t && t > 0 ? rounding.Percent(cumulative, t) : null,
            Records(orgId, end, StatisticsQueries.Measures.Admissions, "all"), counts, ReadmissionCountingRule.Note(settings, again.Values.Sum()),
            months, childBars);
    }

    /// <summary>
    /// Each direct child on the date (before the parent's founding: the organizations that stood in its place) with the year's
    /// admissions under it or under the organizations merged into it, as the statistics count a child (so its list has as many), and
    /// its own target. Fixed cost whatever the number of children: the children, the walk back through the merger links (one query
    /// per generation), one grouped query each for first admissions and readmissions (a path range per organization, grouped by
    /// organization), and the targets.
    /// </summary>
    private async Task<List<ChildBar>> ChildrenAsync(UserScope scope, StatisticsSubject s, bool readmissionsCount)
    {
        var children = await organizations.ChildrenAsync(scope, s.Organization.Id, s.Date) ?? [];
        if (children.Count == 0) return [];
        var childIds = children.Select(c => c.Id).ToList();
        var entries = (await db.Organizations.AsNoTracking().Where(o => childIds.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToListAsync())
            .Select(o => (o.Id, o.Path, Child: o.Id)).ToList();
        var childOf = entries.ToDictionary(e => e.Id, e => e.Child);
        var frontier = childIds;
        while (frontier.Count > 0)
        {
            var ids = frontier;
            var predecessors = await scope.Filter(db.Organizations.AsNoTracking())
                .Where(o => o.SuccessorId != null && ids.Contains(o.SuccessorId.Value)).Select(o => new { o.Id, o.Path, Successor = o.SuccessorId!.Value }).ToListAsync();
            frontier = [];
            foreach (var p in predecessors.Where(p => !childOf.ContainsKey(p.Id)))
            {
                childOf[p.Id] = childOf[p.Successor];
                entries.Add((p.Id, p.Path, childOf[p.Id]));
                frontier.Add(p.Id);
            }
        }
        // A path inside another of the same child's is counted by the outer one already.
        var kept = entries.Where(e => !entries.Any(o => o.Child == e.Child && o.Id != e.Id && e.Path.Length > o.Path.Length
                                                        && e.Path.StartsWith(o.Path, StringComparison.Ordinal))).Select(e => e.Id).ToList();
        var (start, end) = (s.YearStart, s.Date);
        var counted = await SubtreeCounts.Admissions(db, kept, start, end)
            .Where(c => readmissionsCount || c.Measure == SubtreeMeasure.Admitted)
            .GroupBy(c => c.OrganizationId).Select(g => new { g.Key, Count = g.Sum(c => c.Delta) }).ToListAsync();
        var admitted = counted.GroupBy(g => childOf[g.Key]).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var year = s.Date.Year;
        var targets = (await db.AdmissionTargets.AsNoTracking().Where(t => childIds.Contains(t.OrganizationId) && t.Year == year && t.Term == null).ToListAsync())
            .GroupBy(t => t.OrganizationId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Source).First().Count); // allocated before proposed
        return children.Select(c =>
            {
                var count = admitted.GetValueOrDefault(c.Id);
                var target = targets.GetValueOrDefault(c.Id);
                return new ChildBar(c.Id, c.Name, count, target, target > 0 ? rounding.Percent(count, target) : null,
                    Records(c.Id, s.Date, StatisticsQueries.Measures.Admissions, "all"));
            })
            .Where(c => c.Target > 0 || c.Admitted > 0).ToList();
    }

    // ---- 3 and 4. membership by age band and gender, by party age ----------------------------------------------------

    /// <summary>One grouped query over the statistics' member rows on the date: (age band, gender, party-age band).</summary>
    private async Task<(IReadOnlyList<PyramidRow>, IReadOnlyList<DashboardBar>, int)> MembershipAsync(StatisticsSubject s)
    {
        var groups = await stats.Rows(s).GroupBy(r => new { r.AgeBand, r.Gender, r.PartyAgeBand })
            .Select(g => new { g.Key.AgeBand, g.Key.Gender, g.Key.PartyAgeBand, Count = g.Count() }).ToListAsync();
        var total = groups.Sum(g => g.Count);
        var orgId = s.Organization.Id;
        var pyramid = AgeBandRule.Bands.Select((b, i) => new PyramidRow(b.Key, b.Label,
            groups.Where(g => g.AgeBand == i && g.Gender == Gender.Male).Sum(g => g.Count),
            groups.Where(g => g.AgeBand == i && g.Gender == Gender.Female).Sum(g => g.Count),
            Records(orgId, s.Date, StatisticsQueries.Measures.AgeBand, b.Key))).ToList();
        var partyAge = PartyAgeBandRule.Bands.Select((b, i) =>
        {
            var count = groups.Where(g => g.PartyAgeBand == i).Sum(g => g.Count);
            return new DashboardBar(b.Key, b.Label, count, rounding.Percent(count, total), Records(orgId, s.Date, StatisticsQueries.Measures.PartyAgeBand, b.Key));
        }).ToList();
        return (pyramid, partyAge, total);
    }
}
