using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Domain.Reference;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Discipline;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Ratings;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Statistics;

/// <summary>
/// What the statistics count: an organization read on a date. Before its founding it stands for the organizations that then stood in
/// its place (<see cref="OrganizationView.StoodInPlace"/>, read by OrganizationQueries), so <see cref="Paths"/> are their subtrees.
/// </summary>
public sealed record StatisticsSubject(Organization Organization, IReadOnlyList<OrganizationRefView> StoodInPlace, IReadOnlyList<string> Paths, IReadOnlyList<int> RootIds, DateOnly Date)
{
    /// <summary>The subtrees of the organization and of those merged into it: where the year's decisions and ratings were recorded.</summary>
    public IReadOnlyList<string> HistoryPaths { get; init; } = Paths;

    /// <summary>The year whose ratings the date reads (<see cref="StatisticsQueries.RatedYearAsync"/>), set before a drill-down into them.</summary>
    public int RatedYear { get; init; } = Date.Year;

    /// <summary>
    /// The flows ("in the year") run from 1 January of the date's year to the date itself, under <see cref="HistoryPaths"/>: a year
    /// that spans a merger counts what was decided under the predecessors before it and under the organization after it.
    /// </summary>
    public DateOnly YearStart => new(Date.Year, 1, 1);
}

/// <summary>
/// The statistics of quantity and quality of a subtree on a date, and the records behind each figure. Members are those placed in
/// the subtree on the date (MemberPlacements, not today's status), so a date before the 2025 merger counts the predecessors' trees
/// and every member once. Every member figure is one grouped query over the same rows the drill-down filters.
/// </summary>
public sealed class StatisticsQueries(AppDbContext db, OrganizationQueries organizations, AdmissionSettings settings, PercentRounding rounding)
{
    public DateOnly Today => organizations.Today;

    /// <summary>The organization asked for (or the caller's own) read on the date; errors name the parameter.</summary>
    public async Task<Outcome<StatisticsSubject>> SubjectAsync(UserScope scope, int? orgId, DateOnly? date)
    {
        if (!scope.SeesOrganizations) return Outcome<StatisticsSubject>.NotFound();
        var on = date ?? Today;
        if (on > Today) return Outcome<StatisticsSubject>.Invalid([new("date", $"Ngày thống kê (date): {VnFormat.Date(on)} sau ngày hôm nay.")]);
        if (on.Year < 1930) return Outcome<StatisticsSubject>.Invalid([new("date", "Ngày thống kê (date): phải từ năm 1930 trở đi.")]);
        var org = orgId is null && scope.RootOrganizationId is { } own
            ? await organizations.FindAsync(scope, own)
            : await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return Outcome<StatisticsSubject>.NotFound();
        var history = await organizations.PathsWithPredecessorsAsync(scope, org);
        if (on >= org.FoundedOn) return Outcome<StatisticsSubject>.Ok(new StatisticsSubject(org, [], [org.Path], [org.Id], on) { HistoryPaths = history });
        // Before its founding: the organizations that stood in its place, as the tree reads them (OrganizationQueries).
        var view = await organizations.ViewAsync(scope, org, on);
        var rootIds = view.StoodInPlace.Select(v => v.Id).ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => rootIds.Contains(o.Id)).Select(o => o.Path).ToListAsync();
        return Outcome<StatisticsSubject>.Ok(new StatisticsSubject(org, view.StoodInPlace.Select(v => new OrganizationRefView(v.Id, v.Name)).ToList(), paths, rootIds, on) { HistoryPaths = history });
    }

    // ---- the rows counted ----------------------------------------------------------------------------------------------

    /// <summary>One member placed in the subtree on the date, with every attribute a figure groups by.</summary>
    public sealed class MemberRow
    {
        public int MemberId { get; set; }
        public Gender Gender { get; set; }
        public string EthnicGroupCode { get; set; } = "";
        public string Religion { get; set; } = "";
        public GeneralEducation Education { get; set; }
        public ProfessionalDegree Degree { get; set; }
        public PoliticalTheory Theory { get; set; }
        public int AgeBand { get; set; }
        public bool Under40 { get; set; }
        public bool Official { get; set; }
        public int PartyAgeBand { get; set; }
    }

    private static Expression<Func<T, bool>> Within<T>(Expression<Func<T, string>> path, IReadOnlyList<string> paths) => PathRange.WithinAny(path, paths);

    private static Expression<Func<T, bool>> NotWithin<T>(Expression<Func<T, string>> path, IReadOnlyList<string> paths)
    {
        var within = PathRange.WithinAny(path, paths);
        return Expression.Lambda<Func<T, bool>>(Expression.Not(within.Body), within.Parameters);
    }

    private IQueryable<MemberPlacement> PlacementsOn(StatisticsSubject s, DateOnly date) =>
        db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.Paths))
            .Where(p => p.FromDate <= date && (p.ToDate == null || p.ToDate > date));

    /// <summary>
    /// The members placed in the subtree on the date. Official on the date: the record's official date, or, on a date before a
    /// readmission, the official date of the membership it followed (kept on the readmission decision). Age and party-age bands are
    /// ranges of birth and admission dates (<see cref="AgeBandRule"/>, <see cref="PartyAgeBandRule"/>).
    /// </summary>
    public IQueryable<MemberRow> Rows(StatisticsSubject s)
    {
        var d = s.Date;
        var a = AgeBandRule.Limits(d);
        var (a0, a1, a2, a3) = (a[0], a[1], a[2], a[3]);
        var under40 = AgeBandRule.Under40BornAfter(d);
        var p = PartyAgeBandRule.Limits(d);
        var (p0, p1, p2, p3) = (p[0], p[1], p[2], p[3]);
        var readmissions = db.MemberDecisions.AsNoTracking().Where(x => x.Kind == DecisionKind.Readmission);
        return from pl in PlacementsOn(s, d)
               join m in db.Members.AsNoTracking() on pl.MemberId equals m.Id
               let official = m.ReadmittedOn == null || m.ReadmittedOn <= d
                   ? m.OfficialOn != null && m.OfficialOn <= d
                   : readmissions.Any(x => x.MemberId == m.Id && x.PriorOfficialOn != null && x.PriorOfficialOn <= d)
               select new MemberRow
               {
                   MemberId = m.Id, Gender = m.Gender, EthnicGroupCode = m.EthnicGroupCode, Religion = m.Religion,
                   Education = m.GeneralEducation, Degree = m.ProfessionalDegree, Theory = m.PoliticalTheory,
                   AgeBand = m.DateOfBirth > a0 ? 0 : m.DateOfBirth > a1 ? 1 : m.DateOfBirth > a2 ? 2 : m.DateOfBirth > a3 ? 3 : 4,
                   Under40 = m.DateOfBirth > under40,
                   Official = official,
                   PartyAgeBand = !official ? 5 : m.AdmittedOn > p0 ? 0 : m.AdmittedOn > p1 ? 1 : m.AdmittedOn > p2 ? 2 : m.AdmittedOn > p3 ? 3 : 4,
               };
    }

    /// <summary>First admission decisions of the year in the subtree (the placement on the decision's date decides).</summary>
    private IQueryable<int> Admitted(StatisticsSubject s) =>
        from pl in db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.HistoryPaths))
        join m in db.Members.AsNoTracking() on pl.MemberId equals m.Id
        where m.AdmittedOn >= s.YearStart && m.AdmittedOn <= s.Date && pl.FromDate <= m.AdmittedOn && (pl.ToDate == null || pl.ToDate > m.AdmittedOn)
        select m.Id;

    /// <summary>
    /// First admissions and readmissions of the year from <see cref="SubtreeCounts"/>: each counted on its date in the cell that held
    /// the member, under the organization and those merged into it. Reading the records instead joins every placement of the subtree
    /// (at 5,6 million members a generic plan of that join ran past the command timeout).
    /// </summary>
    private async Task<(int Admitted, int Readmitted)> AdmissionsOfYearAsync(StatisticsSubject s)
    {
        var days = await SubtreeCounts.Admissions(db, SubtreeCounts.Outermost(s.HistoryPaths), s.YearStart, s.Date)
            .GroupBy(c => c.Measure).Select(g => new { Measure = g.Key, Count = g.Sum(c => c.Delta) }).ToListAsync();
        int Of(SubtreeMeasure measure) => days.Where(d => d.Measure == measure).Sum(d => d.Count);
        return (Of(SubtreeMeasure.Admitted), Of(SubtreeMeasure.Readmitted));
    }

    private IQueryable<int> Readmitted(StatisticsSubject s) =>
        from pl in db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.HistoryPaths))
        join m in db.Members.AsNoTracking() on pl.MemberId equals m.Id
        where m.ReadmittedOn >= s.YearStart && m.ReadmittedOn <= s.Date && pl.FromDate <= m.ReadmittedOn && (pl.ToDate == null || pl.ToDate > m.ReadmittedOn)
        select m.Id;

    /// <summary>Recognitions (công nhận chính thức) of the year, where the member was placed on the decision's date.</summary>
    private IQueryable<int> Recognized(StatisticsSubject s) =>
        from dc in db.MemberDecisions.AsNoTracking()
        where dc.Kind == DecisionKind.Recognition && dc.DecidedOn >= s.YearStart && dc.DecidedOn <= s.Date
        join pl in db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.HistoryPaths)) on dc.MemberId equals pl.MemberId
        where pl.FromDate <= dc.DecidedOn && (pl.ToDate == null || pl.ToDate > dc.DecidedOn)
        select dc.MemberId;

    /// <summary>Exits and deaths of the year, where the member was placed up to the decision (the exit closes that placement on its date).</summary>
    private IQueryable<ExitRow> ExitRows(StatisticsSubject s) =>
        from dc in db.MemberDecisions.AsNoTracking()
        where (dc.Kind == DecisionKind.NotRecognized || dc.Kind == DecisionKind.NameRemoval || dc.Kind == DecisionKind.Release
               || dc.Kind == DecisionKind.Expulsion || dc.Kind == DecisionKind.Death)
              && dc.DecidedOn >= s.YearStart && dc.DecidedOn <= s.Date
        join pl in db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.HistoryPaths)) on dc.MemberId equals pl.MemberId
        where pl.FromDate <= dc.DecidedOn && (pl.ToDate == null || pl.ToDate >= dc.DecidedOn)
        select new ExitRow { MemberId = dc.MemberId, Kind = dc.Kind };

    private IQueryable<int> Exited(StatisticsSubject s, DecisionKind kind) =>
        from dc in db.MemberDecisions.AsNoTracking()
        where dc.Kind == kind && dc.DecidedOn >= s.YearStart && dc.DecidedOn <= s.Date
        join pl in db.MemberPlacements.AsNoTracking().Where(Within<MemberPlacement>(p => p.OrgPath, s.HistoryPaths)) on dc.MemberId equals pl.MemberId
        where pl.FromDate <= dc.DecidedOn && (pl.ToDate == null || pl.ToDate >= dc.DecidedOn)
        select dc.MemberId;

    /// <summary>Discipline decided in the year on subjects of the subtree (<see cref="DisciplineTally"/>).</summary>
    private IQueryable<DisciplineDecision> Disciplined(StatisticsSubject s, DisciplineSubject subject) =>
        DisciplineTally.Decided(db, s.HistoryPaths, s.YearStart, s.Date, subject);

    /// <summary>
    /// The year rated that a date reads: the date's year once a rating of it is decided by the date, else the year before (ratings
    /// are decided at the end of the year or early in the next).
    /// </summary>
    public async Task<int> RatedYearAsync(StatisticsSubject s) =>
        await DecidedRatings(s, s.Date.Year).OfMembers().AnyAsync() || await DecidedRatings(s, s.Date.Year).OfBaseOrganizations(db).AnyAsync()
            ? s.Date.Year : s.Date.Year - 1;

    /// <summary>The rating year a drill-down lists: the one asked (ratingYear, up to the date's year), or the one the date reads.</summary>
    private async Task<StatisticsSubject> WithRatedYearAsync(StatisticsSubject s, int? ratingYear, List<FieldError> errors)
    {
        if (ratingYear is { } y && (y < RatingTallyFirstYear || y > s.Date.Year))
            errors.Add(new("ratingYear", $"Năm xếp loại (ratingYear): phải từ {RatingTallyFirstYear} đến năm của ngày thống kê ({s.Date.Year})."));
        return s with { RatedYear = ratingYear ?? await RatedYearAsync(s) };
    }

    private const int RatingTallyFirstYear = 2000;

    /// <summary>Whether a measure counts ratings (its list reads one rating year).</summary>
    public static bool IsRatingMeasure(string measure) => measure is Measures.Ratings or Measures.OrganizationRatings;

    private static int RatedYear(StatisticsSubject s, LevelTally members, LevelTally organizations) =>
        members.Rated + organizations.Rated > 0 ? s.Date.Year : s.Date.Year - 1;

    /// <summary>Ratings of the year(s) decided by the date, kept under the subtree or under the organizations merged into it.</summary>
    private IQueryable<Rating> DecidedRatings(StatisticsSubject s, int year, int? toYear = null) => RatingTally.Decided(db, s.HistoryPaths, year, toYear ?? year, s.Date);

    private IQueryable<Rating> MemberRatings(StatisticsSubject s, int year) => DecidedRatings(s, year).OfMembers();

    private IQueryable<Rating> BaseOrganizationRatings(StatisticsSubject s, int year) => DecidedRatings(s, year).OfBaseOrganizations(db);

    private IQueryable<Rating> ExemptRatings(StatisticsSubject s, int year) => RatingTally.Exempt(db, s.HistoryPaths, year);

    /// <summary>The ratings behind one value of a rating measure: all, a level, GoodOrAbove (the figure the reports quote).</summary>
    private static IQueryable<Rating>? RatingsOfValue(IQueryable<Rating> ratings, string value) =>
        value == "all" ? ratings
        : value == GoodOrAboveValue ? ratings.Where(r => r.DecidedLevel == RatingLevel.Excellent || r.DecidedLevel == RatingLevel.Good)
        : ExactName<RatingLevel>(value) is { } level ? ratings.Where(r => r.DecidedLevel == level)
        : null;

    /// <summary>The member of an enumeration written exactly by its name: not a number, not a comma list of flags, not another case.</summary>
    private static T? ExactName<T>(string value) where T : struct, Enum =>
        Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;

    public const string GoodOrAboveValue = "GoodOrAbove";
    public const string ExemptValue = "Exempt";

    /// <summary>Official transfers received in the year from outside the subtree (the placement moves on the receipt).</summary>
    private IQueryable<int> TransferredIn(StatisticsSubject s) =>
        db.MemberTransfers.AsNoTracking()
            .Where(t => t.Kind == TransferKind.Official && t.ReceivedOn != null && t.ReceivedOn >= s.YearStart && t.ReceivedOn <= s.Date)
            .Where(Within<MemberTransfer>(t => t.ToPath, s.HistoryPaths)).Where(NotWithin<MemberTransfer>(t => t.FromPath, s.HistoryPaths))
            .Select(t => t.MemberId);

    private IQueryable<int> TransferredOut(StatisticsSubject s) =>
        db.MemberTransfers.AsNoTracking()
            .Where(t => t.Kind == TransferKind.Official && t.ReceivedOn != null && t.ReceivedOn >= s.YearStart && t.ReceivedOn <= s.Date)
            .Where(Within<MemberTransfer>(t => t.FromPath, s.HistoryPaths)).Where(NotWithin<MemberTransfer>(t => t.ToPath, s.HistoryPaths))
            .Select(t => t.MemberId);

    /// <summary>The organizations standing in the subtree on the date, below the organization(s) counted.</summary>
    private IQueryable<Organization> OrganizationsOn(StatisticsSubject s)
    {
        var d = s.Date;
        var roots = s.RootIds;
        return db.Organizations.AsNoTracking().Where(Within<Organization>(o => o.Path, s.Paths))
            .Where(o => o.FoundedOn <= d && (o.EndedOn == null || o.EndedOn > d) && !roots.Contains(o.Id));
    }

    // ---- measures ------------------------------------------------------------------------------------------------------

    public static class Measures
    {
        public const string Organizations = "organizations";
        public const string BaseOrganizations = "organizations.base";
        public const string OrganizationType = "organizations.type";
        public const string OrganizationField = "organizations.field";
        public const string Members = "members";
        public const string Women = "members.women";
        public const string Under40 = "members.under40";
        public const string Status = "members.status";
        public const string Gender = "members.gender";
        public const string AgeBand = "members.ageBand";
        public const string EthnicGroup = "members.ethnicGroup";
        public const string Religion = "members.religion";
        public const string Education = "members.education";
        public const string Degree = "members.professionalDegree";
        public const string Theory = "members.politicalTheory";
        public const string PartyAgeBand = "members.partyAgeBand";
        public const string Admissions = "year.admissions";
        public const string Readmissions = "year.readmissions";
        public const string Recognitions = "year.recognitions";
        public const string Exits = "year.exits";
        public const string Deaths = "year.deaths";
        public const string TransfersIn = "year.transfersIn";
        public const string TransfersOut = "year.transfersOut";
        public const string Discipline = "year.discipline";
        public const string OrganizationDiscipline = "organizations.discipline";
        public const string Ratings = "year.ratings";
        public const string OrganizationRatings = "organizations.ratings";

        public static bool IsOrganizational(string measure) => measure.StartsWith("organizations", StringComparison.Ordinal);
    }

    /// <summary>Exit kinds counted apart (death is its own figure).</summary>
    public static readonly DecisionKind[] ExitKinds = [DecisionKind.NotRecognized, DecisionKind.NameRemoval, DecisionKind.Release, DecisionKind.Expulsion];

    private static readonly string[] StatusValues = [nameof(MemberStatus.Official), nameof(MemberStatus.Probationary)];

    // ---- the figures ----------------------------------------------------------------------------------------------------

    public async Task<StatisticsReport> ReportAsync(StatisticsSubject s)
    {
        var org = s.Organization;
        int? ratedYear = null;
        string Link(string measure, string value) =>
            $"/api/v1/statistics/{(Measures.IsOrganizational(measure) ? "organizations" : "members")}?org={org.Id}&date={InputParsing.Iso(s.Date)}&measure={measure}&value={Uri.EscapeDataString(value)}"
            + (IsRatingMeasure(measure) ? $"&ratingYear={ratedYear}" : "");
        Figure F(string measure, string value, int count, int whole) =>
            new(measure, value, FigureLabel(measure, value) ?? measure, count, whole < 0 ? null : rounding.Percent(count, whole), Link(measure, value));

        // Organizations: one grouped query.
        var orgGroups = await OrganizationsOn(s).GroupBy(o => new { o.Type, o.Field }).Select(g => new { g.Key.Type, g.Key.Field, Count = g.Count() }).ToListAsync();
        var orgTotal = orgGroups.Sum(g => g.Count);
        var baseCount = orgGroups.Where(g => g.Type.IsBase()).Sum(g => g.Count);
        var orgs = new OrganizationFigures(
            F(Measures.Organizations, "all", orgTotal, -1),
            F(Measures.BaseOrganizations, "all", baseCount, orgTotal),
            Enum.GetValues<OrganizationType>().Select(t => F(Measures.OrganizationType, t.ToString(), orgGroups.Where(g => g.Type == t).Sum(g => g.Count), orgTotal)).ToList(),
            Enum.GetValues<OrganizationField>().Select(f => F(Measures.OrganizationField, f.ToString(), orgGroups.Where(g => g.Field == f).Sum(g => g.Count), orgTotal)).ToList());

        // Members: one grouped query over every attribute at once; each figure sums the groups.
        var groups = await Rows(s)
            .GroupBy(r => new { r.Gender, r.EthnicGroupCode, r.Religion, r.Education, r.Degree, r.Theory, r.AgeBand, r.Under40, r.Official, r.PartyAgeBand })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync();
        var total = groups.Sum(g => g.Count);
        var keyed = groups.Select(g => (Key: new MemberKey(g.Key.Gender, g.Key.EthnicGroupCode, g.Key.Religion, g.Key.Education,
            g.Key.Degree, g.Key.Theory, g.Key.AgeBand, g.Key.Under40, g.Key.Official, g.Key.PartyAgeBand), g.Count)).ToList();
        int Count(Func<MemberKey, bool> predicate) => keyed.Where(g => predicate(g.Key)).Sum(g => g.Count);
        var knownEthnic = ReferenceLists.EthnicGroups.Select(e => e.Code).ToHashSet();
        var knownReligions = ReferenceLists.Religions.ToHashSet();
        var members = new MemberFigures(
            F(Measures.Members, "all", total, -1),
            F(Measures.Women, "all", Count(k => k.Gender == Gender.Female), total),
            F(Measures.Under40, "all", Count(k => k.Under40), total),
            [F(Measures.Status, StatusValues[0], Count(k => k.Official), total),
             F(Measures.Status, StatusValues[1], Count(k => !k.Official), total)],
            Enum.GetValues<Gender>().Select(g => F(Measures.Gender, g.ToString(), Count(k => k.Gender == g), total)).ToList(),
            AgeBandRule.Bands.Select((b, i) => F(Measures.AgeBand, b.Key, Count(k => k.AgeBand == i), total)).ToList(),
            ReferenceLists.EthnicGroups.Select(e => F(Measures.EthnicGroup, e.Code, Count(k => k.EthnicGroupCode == e.Code), total))
                .Append(F(Measures.EthnicGroup, OtherValue, Count(k => !knownEthnic.Contains(k.EthnicGroupCode)), total)).ToList(),
            ReferenceLists.Religions.Select(r => F(Measures.Religion, r, Count(k => k.Religion == r), total))
                .Append(F(Measures.Religion, OtherValue, Count(k => !knownReligions.Contains(k.Religion)), total)).ToList(),
            Enum.GetValues<GeneralEducation>().Select(e => F(Measures.Education, e.ToString(), Count(k => k.Education == e), total)).ToList(),
            Enum.GetValues<ProfessionalDegree>().Select(e => F(Measures.Degree, e.ToString(), Count(k => k.Degree == e), total)).ToList(),
            Enum.GetValues<PoliticalTheory>().Select(e => F(Measures.Theory, e.ToString(), Count(k => k.Theory == e), total)).ToList(),
            PartyAgeBandRule.Bands.Select((b, i) => F(Measures.PartyAgeBand, b.Key, Count(k => k.PartyAgeBand == i), total)).ToList());

        // The year's flows: admissions from the maintained subtree counts (the same rule as Admitted/Readmitted, which the
        // drill-down lists), the others one query each and one for the exits by kind.
        var (admitted, readmitted) = await AdmissionsOfYearAsync(s);
        var counts = ReadmissionCountingRule.Counts(settings);
        var exits = await ExitRows(s).Distinct().GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var year = new YearFigures(s.Date.Year, s.YearStart, s.Date,
            F(Measures.Admissions, "all", admitted + (counts ? readmitted : 0), -1),
            F(Measures.Readmissions, "all", readmitted, -1),
            counts, ReadmissionCountingRule.Note(settings, readmitted),
            F(Measures.Recognitions, "all", await Recognized(s).Distinct().CountAsync(), -1),
            ExitKinds.Select(k => F(Measures.Exits, k.ToString(), exits.GetValueOrDefault(k), -1)).ToList(),
            F(Measures.Deaths, "all", exits.GetValueOrDefault(DecisionKind.Death), -1),
            F(Measures.TransfersIn, "all", await TransferredIn(s).Distinct().CountAsync(), -1),
            F(Measures.TransfersOut, "all", await TransferredOut(s).Distinct().CountAsync(), -1));

        var tally = await DisciplineTally.OfAsync(db, s.HistoryPaths, s.YearStart, s.Date);
        Figure DisciplineFigure(DisciplineSubject subject, string measure, string value, DisciplineForm? form) =>
            F(measure, value, tally.Count(subject, form), -1);
        var discipline = new DisciplineFigures(
            DisciplineFigure(DisciplineSubject.Member, Measures.Discipline, "all", null),
            DisciplineFormRule.OfficialMemberForms.Select(f => DisciplineFigure(DisciplineSubject.Member, Measures.Discipline, f.ToString(), f)).ToList(),
            DisciplineFigure(DisciplineSubject.Organization, Measures.OrganizationDiscipline, "all", null),
            DisciplineFormRule.OrganizationForms.Select(f => DisciplineFigure(DisciplineSubject.Organization, Measures.OrganizationDiscipline, f.ToString(), f)).ToList());

        // The date's year and the one before in one grouped query each; the date reads the later once it has a decision.
        var memberCounts = await DecidedRatings(s, s.Date.Year - 1, s.Date.Year).OfMembers().CountByYearAndLevelAsync();
        var orgCounts = await DecidedRatings(s, s.Date.Year - 1, s.Date.Year).OfBaseOrganizations(db).CountByYearAndLevelAsync();
        var yearRated = RatedYear(s, LevelTally.From(s.Date.Year, memberCounts), LevelTally.From(s.Date.Year, orgCounts));
        ratedYear = yearRated;
        var memberLevels = LevelTally.From(yearRated, memberCounts);
        var orgLevels = LevelTally.From(yearRated, orgCounts);
        var ratingRule = RatingRules.ForYear(yearRated);
        IReadOnlyList<Figure> ByLevel(string measure, LevelTally levels) =>
            [.. RatingLevels.All.Select(l => F(measure, l.ToString(), levels.Of(l), levels.Rated))];
        Figure GoodOrAbove(string measure, LevelTally levels) => F(measure, GoodOrAboveValue, levels.GoodOrAbove, levels.Rated);
        var ratings = new RatingFigures(yearRated, ratingRule.Source,
            F(Measures.Ratings, "all", memberLevels.Rated, -1),
            ByLevel(Measures.Ratings, memberLevels),
            GoodOrAbove(Measures.Ratings, memberLevels),
            F(Measures.Ratings, ExemptValue, await ExemptRatings(s, yearRated).CountAsync(), -1),
            F(Measures.OrganizationRatings, "all", orgLevels.Rated, -1),
            ByLevel(Measures.OrganizationRatings, orgLevels),
            GoodOrAbove(Measures.OrganizationRatings, orgLevels));

        return new StatisticsReport(
            new SubjectView(org.Id, org.Name, org.Type, org.IsActiveOn(s.Date), s.StoodInPlace),
            s.Date, rounding.Mode, rounding.Note, orgs, members, year,
            Discipline: discipline, Ratings: ratings,
            new Dictionary<string, string>
            {
                ["discipline"] = $"Kỷ luật quyết định trong năm (từ {VnFormat.Date(s.YearStart)} đến {VnFormat.Date(s.Date)}), theo hình thức đã quyết định; quyết định bị hủy khi giải quyết khiếu nại không tính.",
                ["ratings"] = $"Xếp loại chất lượng năm {yearRated} ({ratingRule.Source}): các quyết định xếp loại đến ngày {VnFormat.Date(s.Date)}"
                    + (yearRated < s.Date.Year ? $" (năm {s.Date.Year} chưa có quyết định xếp loại nào)" : "")
                    + "; tỷ lệ tính trên số đã xếp loại; tổ chức: tổ chức cơ sở đảng; gồm cả số ghi nhận dưới các tổ chức đã hợp nhất vào tổ chức này.",
                ["partyAge"] = PartyAgeBandRule.Note,
                ["members"] = "Đảng viên đang sinh hoạt trong tổ chức vào ngày thống kê, theo lịch sử sinh hoạt; dân tộc, tôn giáo, trình độ theo hồ sơ hiện tại.",
                ["year"] = $"Trong năm: từ {VnFormat.Date(s.YearStart)} đến {VnFormat.Date(s.Date)}. Chuyển sinh hoạt: chỉ chuyển chính thức, tính vào ngày tiếp nhận.",
            });
    }

    public const string OtherValue = "other";

    /// <summary>
    /// The words of a figure by its measure and value, the one place they are written: the statistics, their forms and the page
    /// listing a figure's records read them from here, so the list can be titled without counting anything. Null for a value the
    /// measure does not take.
    /// </summary>
    public static string? FigureLabel(string measure, string value) => measure switch
    {
        Measures.Organizations => "Tổng số tổ chức đảng",
        Measures.BaseOrganizations => "Tổ chức cơ sở đảng",
        Measures.OrganizationType => ExactName<OrganizationType>(value)?.Label(),
        Measures.OrganizationField => ExactName<OrganizationField>(value)?.Label(),
        Measures.Members => "Tổng số đảng viên",
        Measures.Women => "Đảng viên nữ",
        Measures.Under40 => "Đảng viên dưới 40 tuổi",
        Measures.Status => StatusValues.Contains(value) ? Enum.Parse<MemberStatus>(value).Label() : null,
        Measures.Gender => ExactName<Gender>(value)?.Label(),
        Measures.AgeBand => AgeBandRule.Bands.FirstOrDefault(b => b.Key == value)?.Label,
        Measures.EthnicGroup => value == OtherValue ? "Khác (ngoài danh mục 54 dân tộc)" : ReferenceLists.EthnicGroups.FirstOrDefault(e => e.Code == value)?.Name,
        Measures.Religion => value == OtherValue ? "Khác (ngoài danh mục)" : ReferenceLists.Religions.Contains(value) ? value : null,
        Measures.Education => ExactName<GeneralEducation>(value)?.Label(),
        Measures.Degree => ExactName<ProfessionalDegree>(value)?.Label(),
        Measures.Theory => ExactName<PoliticalTheory>(value)?.Label(),
        Measures.PartyAgeBand => PartyAgeBandRule.Bands.FirstOrDefault(b => b.Key == value)?.Label,
        Measures.Admissions => "Kết nạp đảng viên",
        Measures.Readmissions => "Trong đó: kết nạp lại",
        Measures.Recognitions => "Công nhận đảng viên chính thức",
        Measures.Exits => ExactName<DecisionKind>(value) is { } kind && ExitKinds.Contains(kind) ? kind.Label() : null,
        Measures.Deaths => "Đảng viên từ trần",
        Measures.TransfersIn => "Chuyển sinh hoạt chính thức đến",
        Measures.TransfersOut => "Chuyển sinh hoạt chính thức đi",
        Measures.Discipline => value == "all" ? "Đảng viên bị kỷ luật"
            : ExactName<DisciplineForm>(value) is { } form && DisciplineFormRule.OfficialMemberForms.Contains(form) ? DisciplineFormRule.Label(form) : null,
        Measures.OrganizationDiscipline => value == "all" ? "Tổ chức đảng bị kỷ luật"
            : ExactName<DisciplineForm>(value) is { } form && DisciplineFormRule.OrganizationForms.Contains(form) ? DisciplineFormRule.Label(form) : null,
        Measures.Ratings => value switch
        {
            "all" => "Đảng viên được xếp loại",
            GoodOrAboveValue => "Đảng viên hoàn thành tốt nhiệm vụ trở lên",
            ExemptValue => "Đảng viên không đánh giá (miễn, đình chỉ sinh hoạt)",
            _ => ExactName<RatingLevel>(value)?.Label(),
        },
        Measures.OrganizationRatings => value switch
        {
            "all" => "Tổ chức cơ sở đảng được xếp loại",
            GoodOrAboveValue => "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
            _ => ExactName<RatingLevel>(value)?.Label(),
        },
        _ => null,
    };

    public sealed class ExitRow
    {
        public int MemberId { get; set; }
        public DecisionKind Kind { get; set; }
    }

    public sealed record MemberKey(Gender Gender, string EthnicGroupCode, string Religion, GeneralEducation Education, ProfessionalDegree Degree,
        PoliticalTheory Theory, int AgeBand, bool Under40, bool Official, int PartyAgeBand);

    // ---- drill-down -----------------------------------------------------------------------------------------------------

    /// <summary>The member ids behind a figure, or the error naming the parameter that was not understood.</summary>
    public IQueryable<int>? MemberIds(StatisticsSubject s, string measure, string value, List<FieldError> errors)
    {
        var rows = Rows(s);
        IQueryable<int>? Bad(string field, string message) { errors.Add(new(field, message)); return null; }
        IQueryable<int>? Enum<T>(Func<T, IQueryable<int>> select) where T : struct, System.Enum =>
            ExactName<T>(value) is { } v
                ? select(v) : Bad("value", $"Giá trị (value): \"{value}\" không thuộc chỉ tiêu {measure}.");
        IQueryable<int>? All(IQueryable<int> q) => value == "all" ? q : Bad("value", $"Giá trị (value): chỉ tiêu {measure} chỉ nhận all.");
        int Band(IReadOnlyList<Band> bands) => bands.Select(b => b.Key).ToList().IndexOf(value);

        switch (measure)
        {
            case Measures.Members: return All(rows.Select(r => r.MemberId));
            case Measures.Women: return All(rows.Where(r => r.Gender == Gender.Female).Select(r => r.MemberId));
            case Measures.Under40: return All(rows.Where(r => r.Under40).Select(r => r.MemberId));
            case Measures.Status:
                return value == StatusValues[0] ? rows.Where(r => r.Official).Select(r => r.MemberId)
                    : value == StatusValues[1] ? rows.Where(r => !r.Official).Select(r => r.MemberId)
                    : Bad("value", $"Giá trị (value): chỉ tiêu {measure} nhận {string.Join(", ", StatusValues)}.");
            case Measures.Gender: return Enum<Gender>(g => rows.Where(r => r.Gender == g).Select(r => r.MemberId));
            case Measures.Education: return Enum<GeneralEducation>(e => rows.Where(r => r.Education == e).Select(r => r.MemberId));
            case Measures.Degree: return Enum<ProfessionalDegree>(e => rows.Where(r => r.Degree == e).Select(r => r.MemberId));
            case Measures.Theory: return Enum<PoliticalTheory>(e => rows.Where(r => r.Theory == e).Select(r => r.MemberId));
            case Measures.AgeBand:
            {
                var i = Band(AgeBandRule.Bands);
                return i < 0 ? Bad("value", $"Giá trị (value): nhóm tuổi là một trong {string.Join(", ", AgeBandRule.Bands.Select(b => b.Key))}.")
                    : rows.Where(r => r.AgeBand == i).Select(r => r.MemberId);
            }
            case Measures.PartyAgeBand:
            {
                var i = Band(PartyAgeBandRule.Bands);
                return i < 0 ? Bad("value", $"Giá trị (value): nhóm tuổi đảng là một trong {string.Join(", ", PartyAgeBandRule.Bands.Select(b => b.Key))}.")
                    : rows.Where(r => r.PartyAgeBand == i).Select(r => r.MemberId);
            }
            case Measures.EthnicGroup:
            {
                var known = ReferenceLists.EthnicGroups.Select(e => e.Code).ToList();
                if (value == OtherValue) return rows.Where(r => !known.Contains(r.EthnicGroupCode)).Select(r => r.MemberId);
                return known.Contains(value) ? rows.Where(r => r.EthnicGroupCode == value).Select(r => r.MemberId)
                    : Bad("value", $"Giá trị (value): \"{value}\" không phải mã dân tộc trong danh mục (hoặc {OtherValue}).");
            }
            case Measures.Religion:
            {
                var known = ReferenceLists.Religions.ToList();
                if (value == OtherValue) return rows.Where(r => !known.Contains(r.Religion)).Select(r => r.MemberId);
                return known.Contains(value) ? rows.Where(r => r.Religion == value).Select(r => r.MemberId)
                    : Bad("value", $"Giá trị (value): \"{value}\" không phải tôn giáo trong danh mục (hoặc {OtherValue}).");
            }
            case Measures.Admissions:
                return All(ReadmissionCountingRule.Counts(settings) ? Admitted(s).Concat(Readmitted(s)) : Admitted(s));
            case Measures.Readmissions: return All(Readmitted(s));
            case Measures.Recognitions: return All(Recognized(s));
            case Measures.Deaths: return All(Exited(s, DecisionKind.Death));
            case Measures.Exits:
                return ExactName<DecisionKind>(value) is { } kind && ExitKinds.Contains(kind)
                    ? Exited(s, kind)
                    : Bad("value", $"Giá trị (value): hình thức ra khỏi Đảng là một trong {string.Join(", ", ExitKinds)}.");
            case Measures.TransfersIn: return All(TransferredIn(s));
            case Measures.TransfersOut: return All(TransferredOut(s));
            case Measures.Discipline:
                var disciplined = Disciplined(s, DisciplineSubject.Member);
                if (value == "all") return disciplined.Select(d => d.MemberId!.Value);
                return ExactName<DisciplineForm>(value) is { } form && DisciplineFormRule.OfficialMemberForms.Contains(form)
                    ? disciplined.Where(d => d.Form == form).Select(d => d.MemberId!.Value)
                    : Bad("value", $"Giá trị (value): hình thức kỷ luật là all hoặc một trong {string.Join(", ", DisciplineFormRule.OfficialMemberForms)}.");
            case Measures.Ratings:
            {
                if (value == ExemptValue) return ExemptRatings(s, s.RatedYear).Select(r => r.MemberId!.Value);
                var rated = RatingsOfValue(MemberRatings(s, s.RatedYear), value);
                return rated is null
                    ? Bad("value", $"Giá trị (value): chỉ tiêu {measure} nhận all, {GoodOrAboveValue}, {ExemptValue} hoặc một mức {string.Join(", ", RatingLevels.All)}.")
                    : rated.Select(r => r.MemberId!.Value);
            }
            default:
                return Bad("measure", $"Chỉ tiêu (measure): \"{measure}\" không có; dùng một trong {string.Join(", ", MemberMeasures)}.");
        }
    }

    public static readonly string[] MemberMeasures =
    [
        Measures.Members, Measures.Women, Measures.Under40, Measures.Status, Measures.Gender, Measures.AgeBand, Measures.EthnicGroup, Measures.Religion,
        Measures.Education, Measures.Degree, Measures.Theory, Measures.PartyAgeBand, Measures.Admissions, Measures.Readmissions, Measures.Recognitions,
        Measures.Exits, Measures.Deaths, Measures.TransfersIn, Measures.TransfersOut, Measures.Discipline, Measures.Ratings,
    ];

    public static readonly string[] OrganizationMeasures =
        [Measures.Organizations, Measures.BaseOrganizations, Measures.OrganizationType, Measures.OrganizationField, Measures.OrganizationDiscipline, Measures.OrganizationRatings];

    /// <summary>
    /// The words of a figure for the page listing its records: its label as the statistics show it (<see cref="FigureLabel"/>, without
    /// counting the figures), with the period a flow covers or the year a rating is of.
    /// </summary>
    public async Task<string> LabelAsync(StatisticsSubject s, string measure, string value, int? ratingYear)
    {
        var (m, v) = (measure.Trim(), value.Trim());
        var label = FigureLabel(m, v) ?? m;
        if (IsRatingMeasure(m)) return $"{label}, xếp loại năm {ratingYear ?? await RatedYearAsync(s)}";
        if (m.StartsWith("year.", StringComparison.Ordinal) || m == Measures.OrganizationDiscipline)
            return $"{label}, từ {VnFormat.Date(s.YearStart)} đến {VnFormat.Date(s.Date)}";
        return $"{label}, ngày {VnFormat.Date(s.Date)}";
    }

    /// <summary>The members behind a figure, a page of them ordered by name, with the total.</summary>
    public async Task<Outcome<Page<StatisticsMemberItem>>> MembersAsync(StatisticsSubject s, string? measure, string? value, int? page, int? pageSize, int? ratingYear = null)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(measure)) errors.Add(new("measure", "Chỉ tiêu (measure): bắt buộc."));
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new("value", "Giá trị (value): bắt buộc."));
        if (measure?.Trim() == Measures.Ratings) s = await WithRatedYearAsync(s, ratingYear, errors);
        var ids = errors.Count == 0 ? MemberIds(s, measure!.Trim(), value!.Trim(), errors) : null;
        if (ids is null) return Outcome<Page<StatisticsMemberItem>>.Invalid(errors);
        var distinct = ids.Distinct();
        var query = db.Members.AsNoTracking().Where(m => distinct.Contains(m.Id));
        var result = await query.OrderBy(m => m.SortKey).ThenBy(m => m.Id).ToPageAsync(query, page, pageSize, rows =>
            rows.Join(db.Organizations.AsNoTracking(), m => m.OrganizationId, o => o.Id,
                (m, o) => new StatisticsMemberItem(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.OrganizationId, o.Name, m.Status)));
        return Outcome<Page<StatisticsMemberItem>>.Ok(result);
    }

    /// <summary>The organizations behind an organization figure, a page ordered by name, with the total.</summary>
    public async Task<Outcome<Page<StatisticsOrganizationItem>>> OrganizationsAsync(StatisticsSubject s, string? measure, string? value, int? page, int? pageSize, int? ratingYear = null)
    {
        var errors = new List<FieldError>();
        if (measure?.Trim() == Measures.OrganizationRatings) s = await WithRatedYearAsync(s, ratingYear, errors);
        var query = OrganizationsOn(s);
        var m = measure?.Trim();
        var v = value?.Trim() ?? "";
        switch (m)
        {
            case Measures.Organizations when v == "all": break;
            case Measures.BaseOrganizations when v == "all":
                query = query.Where(o => o.Type == OrganizationType.BaseCommittee || o.Type == OrganizationType.BaseCell); break;
            case Measures.OrganizationType when ExactName<OrganizationType>(v) is { } t:
                query = query.Where(o => o.Type == t); break;
            case Measures.OrganizationField when ExactName<OrganizationField>(v) is { } f:
                query = query.Where(o => o.Field == f); break;
            case Measures.OrganizationDiscipline when v == "all" || (ExactName<DisciplineForm>(v) is { } df && DisciplineFormRule.OrganizationForms.Contains(df)):
                // Organizations disciplined in the year, including one dissolved since (not standing on the date any more).
                var decisions = Disciplined(s, DisciplineSubject.Organization);
                if (v != "all") { var form = Enum.Parse<DisciplineForm>(v); decisions = decisions.Where(d => d.Form == form); }
                var ids = decisions.Select(d => d.OrganizationId!.Value);
                query = db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)); break;
            case Measures.OrganizationRatings when RatingsOfValue(BaseOrganizationRatings(s, s.RatedYear), v) is { } rated:
                // Base organizations rated in the year, including one ended since.
                var ratedIds = rated.Select(r => r.SubjectOrganizationId!.Value);
                query = db.Organizations.AsNoTracking().Where(o => ratedIds.Contains(o.Id)); break;
            case Measures.Organizations or Measures.BaseOrganizations or Measures.OrganizationType or Measures.OrganizationField or Measures.OrganizationDiscipline or Measures.OrganizationRatings:
                errors.Add(new("value", $"Giá trị (value): \"{v}\" không thuộc chỉ tiêu {m}.")); break;
            default:
                errors.Add(new("measure", $"Chỉ tiêu (measure): dùng một trong {string.Join(", ", OrganizationMeasures)}.")); break;
        }
        if (errors.Count > 0) return Outcome<Page<StatisticsOrganizationItem>>.Invalid(errors);
        var result = await query.OrderBy(o => o.Path).ToPageAsync(query, page, pageSize, rows =>
            rows.Select(o => new StatisticsOrganizationItem(o.Id, o.Code, o.Name, o.Type, o.Field, o.FoundedOn, o.EndedOn)));
        return Outcome<Page<StatisticsOrganizationItem>>.Ok(result);
    }
}

public sealed record Figure(string Measure, string Value, string Label, int Count, decimal? Percent, string Link);

public sealed record OrganizationRefView(int Id, string Name);

public sealed record SubjectView(int Id, string Name, OrganizationType Type, bool ActiveOnDate, IReadOnlyList<OrganizationRefView> StoodInPlace);

public sealed record OrganizationFigures(Figure Total, Figure Base, IReadOnlyList<Figure> ByType, IReadOnlyList<Figure> ByField);

public sealed record MemberFigures(Figure Total, Figure Women, Figure Under40, IReadOnlyList<Figure> ByStatus, IReadOnlyList<Figure> ByGender,
    IReadOnlyList<Figure> ByAgeBand, IReadOnlyList<Figure> ByEthnicGroup, IReadOnlyList<Figure> ByReligion, IReadOnlyList<Figure> ByEducation,
    IReadOnlyList<Figure> ByProfessionalDegree, IReadOnlyList<Figure> ByPoliticalTheory, IReadOnlyList<Figure> ByPartyAgeBand);

public sealed record YearFigures(int Year, DateOnly From, DateOnly To, Figure Admissions, Figure Readmissions, bool ReadmissionsCounted, string ReadmissionNote,
    Figure Recognitions, IReadOnlyList<Figure> ExitsByKind, Figure Deaths, Figure TransfersIn, Figure TransfersOut);

public sealed record StatisticsReport(SubjectView Organization, DateOnly Date, PercentRoundingMode PercentRounding, string PercentRoundingNote,
    OrganizationFigures Organizations, MemberFigures Members, YearFigures Year, DisciplineFigures Discipline, RatingFigures Ratings, IReadOnlyDictionary<string, string> Notes);

/// <summary>Ratings of a year by level: members (apart, those not rated with the reason) and base organizations.</summary>
public sealed record RatingFigures(int Year, string Rule, Figure Members, IReadOnlyList<Figure> MembersByLevel, Figure MembersGoodOrAbove, Figure MembersExempt,
    Figure BaseOrganizations, IReadOnlyList<Figure> BaseOrganizationsByLevel, Figure BaseOrganizationsGoodOrAbove);

public sealed record DisciplineFigures(Figure Members, IReadOnlyList<Figure> MembersByForm, Figure Organizations, IReadOnlyList<Figure> OrganizationsByForm);

public sealed record StatisticsMemberItem(int Id, string FullName, Gender Gender, DateOnly DateOfBirth, int OrganizationId, string OrganizationName, MemberStatus Status);

public sealed record StatisticsOrganizationItem(int Id, string Code, string Name, OrganizationType Type, OrganizationField Field, DateOnly FoundedOn, DateOnly? EndedOn);
