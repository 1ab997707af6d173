using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Discipline;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Ratings;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;
using PartyOrg.Web.Features.Targets;

namespace PartyOrg.Web.Features.Reports;

/// <summary>The kinds of report a commission files: six months, the year, the term.</summary>
public enum ReportKind { Semiannual, Annual, Term }

/// <summary>One figure of a report: its label, the value, and (for admissions) the target and percentage beside it.</summary>
public sealed record ReportFigure(string Label, long Value, long? Target = null, decimal? Percent = null);

/// <summary>
/// The figures a report is written from, each read from the records: admissions of the period against the target (TargetQueries,
/// the same numbers as GET /targets/progress), admissions since the start of the term against the term's target, members at the
/// start and end of the period (the organization counts as of a date), exits of the period by kind (the decisions recorded).
/// </summary>
public sealed record ReportData(
    ReportKind Kind, int OrganizationId, string OrganizationName, int Year, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly CountedTo,
    TargetProgressView Admissions, TargetProgressView? TermAdmissions, string? TermTargetDocument, string? YearTargetDocument,
    int MembersAtStart, int MembersAtEnd, IReadOnlyList<ReportFigure> Exits, AdmissionRangeView? PreviousPeriod, PercentRounding Rounding,
    ReportDiscipline Discipline, ReportRatings Ratings, PredecessorAdmissions? BeforeFounding = null, bool PreviousIncludesMerged = false,
    Cadres.ReportCadres? Cadres = null)
{
    /// <summary>Admissions of the whole period: the organization's own and, before its founding, those of the organizations merged into it.</summary>
    public int AdmittedInPeriod => Admissions.Admitted + (BeforeFounding?.Admitted ?? 0);

    public string PeriodName => Kind switch
    {
        ReportKind.Semiannual => $"6 tháng đầu năm {Year}",
        ReportKind.Annual => $"năm {Year}",
        _ => $"nhiệm kỳ {Admissions.Term}",
    };
}

/// <summary>
/// Discipline decided in the period in the subtree (the path the subject held on the decision), annulled decisions left out:
/// distinct members and organizations, and each form as decided.
/// </summary>
/// <summary>
/// The ratings of the years the period reads (the year and the one before for a year's or half-year's report, each year of the term
/// for a term's), decided ratings only: base organizations and members by level (<see cref="RatingTally"/>).
/// </summary>
public sealed record ReportRatings(IReadOnlyList<LevelTally> BaseOrganizations, IReadOnlyList<LevelTally> Members)
{
    public bool Any => BaseOrganizations.Any(t => t.Rated > 0) || Members.Any(t => t.Rated > 0);
}

/// <summary>
/// Admissions of the part of the period before the organization was founded, made in the organizations merged into it: the target
/// progress counts where an admission happened, so a merged organization's year reads them apart.
/// </summary>
public sealed record PredecessorAdmissions(DateOnly From, DateOnly To, int Admitted, DateOnly FoundedOn);

public sealed record ReportDiscipline(int Members, IReadOnlyList<ReportFigure> MembersByForm, int Organizations, IReadOnlyList<ReportFigure> OrganizationsByForm);

/// <summary>
/// Builds the reports: the figures (<see cref="ReportData"/>), the narrative written only from them, and the .docx (Party document
/// format, <see cref="PartyDocument"/>) or .xlsx (<see cref="XlsxWorkbook"/>). A figure the records do not hold (a year not rated,
/// a target not set) is said to be missing ("chưa có số liệu"), never guessed.
/// </summary>
public sealed class ReportBuilder(AppDbContext db, TargetQueries targets, OrganizationQueries organizations, PercentRounding rounding, Cadres.CadreSettings cadreSettings)
{
    public const string NoFigures = "Chưa có số liệu";

    public static readonly string[] Kinds = ["semiannual", "annual", "term"];
    public static readonly string[] Formats = ["docx", "xlsx"];
    public const int FirstYear = 1930;

    /// <summary>The kind, format and year asked, or the errors naming each parameter.</summary>
    public static IReadOnlyList<FieldError> Check(string kind, string? format, int? year, DateOnly today, out ReportKind parsed, out string theFormat, out int theYear)
    {
        var errors = new List<FieldError>();
        parsed = (kind ?? "").Trim().ToLowerInvariant() switch
        {
            "semiannual" => ReportKind.Semiannual,
            "annual" => ReportKind.Annual,
            "term" => ReportKind.Term,
            _ => (ReportKind)(-1),
        };
        if (!Enum.IsDefined(parsed)) errors.Add(new("kind", "Loại báo cáo: chỉ nhận semiannual (6 tháng), annual (năm) hoặc term (nhiệm kỳ)."));
        theFormat = string.IsNullOrWhiteSpace(format) ? "docx" : format.Trim().ToLowerInvariant();
        if (!Formats.Contains(theFormat)) errors.Add(new("format", "Định dạng: chỉ nhận docx hoặc xlsx."));
        theYear = year ?? today.Year;
        if (theYear < FirstYear || theYear > today.Year)
            errors.Add(new("year", $"Năm: phải từ {FirstYear} đến năm nay ({today.Year})."));
        return errors;
    }

    /// <summary>The figures of the report; NotFound outside the scope, Invalid for a term report without a term target.</summary>
    public async Task<Outcome<ReportData>> DataAsync(UserScope scope, int organizationId, ReportKind kind, int year)
    {
        var org = await organizations.FindAsync(scope, organizationId);
        if (org is null) return Outcome<ReportData>.NotFound();
        var today = organizations.Today;
        // A period wholly after the organization ended, or wholly before it and everything merged into it, has nothing to report.
        var (periodFirst, periodLast) = kind == ReportKind.Semiannual ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (org.EndedOn is { } ended && ended <= periodFirst)
            return Outcome<ReportData>.Invalid([new("year", $"Năm: {org.Name} đã kết thúc hoạt động ngày {VnFormat.Date(ended)}; chọn năm trước đó hoặc tổ chức kế tục.")]);
        if (kind != ReportKind.Term && org.FoundedOn > periodLast && (await organizations.PathsWithPredecessorsAsync(scope, org)).Count == 1)
            return Outcome<ReportData>.Invalid([new("year", $"Năm: {org.Name} thành lập ngày {VnFormat.Date(org.FoundedOn)}; chọn từ năm {org.FoundedOn.Year}.")]);
        var yearEnd = new DateOnly(year, 12, 31);
        var stored = await db.AdmissionTargets.AsNoTracking().Where(t => t.OrganizationId == org.Id).ToListAsync();
        var termTarget = stored.Where(t => t.Term != null && t.PeriodStart <= Min(yearEnd, today) && t.PeriodEnd >= new DateOnly(year, 1, 1))
            .OrderBy(t => t.Source).ThenByDescending(t => t.PeriodStart).FirstOrDefault();
        var yearTarget = stored.Where(t => t.Year == year).OrderBy(t => t.Source).FirstOrDefault();

        DateOnly start, end;
        TargetProgressView admissions;
        switch (kind)
        {
            case ReportKind.Term:
                if (termTarget is null)
                    return Outcome<ReportData>.Invalid([new("year", $"Năm: {org.Name} chưa có chỉ tiêu nhiệm kỳ nào có thời gian tính trong năm {year}; ghi chỉ tiêu nhiệm kỳ (trang Chỉ tiêu) trước khi lập báo cáo nhiệm kỳ.")]);
                (start, end) = (termTarget.PeriodStart, termTarget.PeriodEnd);
                admissions = (await targets.ProgressAsync(scope, org.Id, null, termTarget.Term, Clamp(today, start, end)))!;
                break;
            case ReportKind.Semiannual:
                (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30));
                admissions = (await targets.ProgressAsync(scope, org.Id, year, null, Clamp(today, start, end)))!;
                break;
            default:
                (start, end) = (new DateOnly(year, 1, 1), yearEnd);
                admissions = (await targets.ProgressAsync(scope, org.Id, year, null, Clamp(today, start, end)))!;
                break;
        }
        var countedTo = admissions.CountedTo;
        TargetProgressView? term = null;
        if (kind != ReportKind.Term && termTarget is not null)
            term = await targets.ProgressAsync(scope, org.Id, null, termTarget.Term, Clamp(countedTo, termTarget.PeriodStart, termTarget.PeriodEnd));
        var atStart = (await organizations.GetAsync(scope, org.Id, start.AddDays(-1)))?.MemberCount ?? 0;
        var atEnd = (await organizations.GetAsync(scope, org.Id, countedTo))?.MemberCount ?? 0;
        var previous = kind == ReportKind.Term ? null
            : await targets.RangeAsync(scope, org.Id, start.AddYears(-1), countedTo.AddYears(-1));
        var paths = await organizations.PathsWithPredecessorsAsync(scope, org);
        var (firstRated, lastRated) = kind == ReportKind.Term ? (start.Year, countedTo.Year) : (year - 1, year);
        // The target progress counts where an admission happened: before its founding, a merged organization's period is read
        // under the organizations merged into it (a handful of paths, one count each).
        async Task<int> BeforeFoundingAsync(DateOnly from, DateOnly to)
        {
            var admitted = 0;
            if (from < org.FoundedOn)
                foreach (var path in paths.Where(p => p != org.Path)) admitted += await targets.CountAdmissionsAsync(path, from, Min(org.FoundedOn.AddDays(-1), to));
            return admitted;
        }
        PredecessorAdmissions? beforeFounding = kind != ReportKind.Term && start < org.FoundedOn && paths.Count > 1
            ? new(start, Min(org.FoundedOn.AddDays(-1), countedTo), await BeforeFoundingAsync(start, countedTo), org.FoundedOn)
            : null;
        var previousIncludesMerged = previous is not null && previous.From < org.FoundedOn && paths.Count > 1;
        if (previousIncludesMerged)
            previous = previous! with { Admitted = previous.Admitted + await BeforeFoundingAsync(previous.From, previous.To) };
        return Outcome<ReportData>.Ok(new ReportData(kind, org.Id, org.Name, year, start, end, countedTo, admissions, term,
            termTarget?.Document, yearTarget?.Document, atStart, atEnd, await ExitsAsync(paths, start, countedTo), previous, rounding,
            await DisciplineAsync(paths, start, countedTo), await RatingsAsync(paths, firstRated, lastRated), beforeFounding, previousIncludesMerged,
            // The cadre section for those who see cadre records (the managing commissions and administrators).
            Cadres.CadreRegister.SeesCadres(scope) ? await Cadres.ReportCadres.OfAsync(db, paths, start, countedTo, cadreSettings.LowConfidenceTwoThirdsInclusive) : null));
    }

    /// <summary>Two grouped queries: the levels of each year for base organizations and for members.</summary>
    private async Task<ReportRatings> RatingsAsync(IReadOnlyList<string> paths, int fromYear, int toYear)
    {
        var decided = RatingTally.Decided(db, paths, fromYear, toYear);
        var organizationCounts = await decided.OfBaseOrganizations(db).CountByYearAndLevelAsync();
        var memberCounts = await decided.OfMembers().CountByYearAndLevelAsync();
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        return new([.. years.Select(y => LevelTally.From(y, organizationCounts))], [.. years.Select(y => LevelTally.From(y, memberCounts))]);
    }

    /// <summary>
    /// The ratings in the reports' register ("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên năm 2021 đạt 96,2%; năm 2022 đạt
    /// 97,15%"), each percentage with the counts it rests on; a year without decided ratings says so rather than a number.
    /// </summary>
    public static IReadOnlyList<string> RatingSentences(ReportData d)
    {
        if (!d.Ratings.Any) return [$"{NoFigures}: kết quả đánh giá, xếp loại chất lượng các năm {d.Ratings.Members[0].Year}–{d.Ratings.Members[^1].Year} chưa được ghi trong hệ thống."];
        string Years(IReadOnlyList<LevelTally> tallies, string unit, string verb) => string.Join("; ", tallies.Select(t => t.Rated == 0
            ? $"năm {t.Year} chưa có số liệu"
            : $"năm {t.Year} {verb} {VnFormat.Percent(d.Rounding.Percent(t.GoodOrAbove, t.Rated)!.Value, d.Rounding)} ({VnFormat.Number(t.GoodOrAbove)}/{VnFormat.Number(t.Rated)} {unit})"));
        var sentences = new List<string>
        {
            $"Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: {Years(d.Ratings.BaseOrganizations, "tổ chức cơ sở đảng được xếp loại", "đạt")}.",
            $"Đảng viên hoàn thành tốt nhiệm vụ trở lên: {Years(d.Ratings.Members, "đảng viên được xếp loại", "là")}.",
        };
        string Levels(LevelTally t) => string.Join(", ", RatingLevels.All.Select(l => $"{VnFormat.Number(t.Of(l))} {l.Label().ToLower(VnFormat.Culture)}"));
        if (d.Ratings.BaseOrganizations[^1] is { Rated: > 0 } lastOrgs)
            sentences.Add($"Năm {lastOrgs.Year}, tổ chức cơ sở đảng: {Levels(lastOrgs)}.");
        if (d.Ratings.Members[^1] is { Rated: > 0 } lastMembers)
            sentences.Add($"Năm {lastMembers.Year}, đảng viên: {Levels(lastMembers)}.");
        return sentences;
    }

    /// <summary>One row per subject and year: rated, each level, the share "tốt" or above.</summary>
    private IEnumerable<(string Label, LevelTally Tally)> RatingRows(ReportData d) =>
        d.Ratings.BaseOrganizations.Select(t => ($"Tổ chức cơ sở đảng năm {t.Year}", t))
            .Concat(d.Ratings.Members.Select(t => ($"Đảng viên năm {t.Year}", t)));

    private object?[] RatingValues(string label, LevelTally t) =>
        [label, t.Rated, .. RatingLevels.All.Select(l => (object?)t.Of(l)), rounding.Percent(t.GoodOrAbove, t.Rated)];

    private IReadOnlyList<string> RatingCells(string label, LevelTally t) =>
        [label, VnFormat.Number(t.Rated), .. RatingLevels.All.Select(l => VnFormat.Number(t.Of(l))), rounding.Percent(t.GoodOrAbove, t.Rated) is { } p ? Percent(p) : ""];

    private static readonly string[] RatingHeaders = ["Nội dung", "Được xếp loại", "Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành", "Tốt trở lên"];

    private async Task<ReportDiscipline> DisciplineAsync(IReadOnlyList<string> paths, DateOnly from, DateOnly to)
    {
        var tally = await DisciplineTally.OfAsync(db, paths, from, to);
        return new(tally.Count(DisciplineSubject.Member),
            DisciplineFormRule.OfficialMemberForms.Select(f => new ReportFigure(DisciplineFormRule.Label(f), tally.Count(DisciplineSubject.Member, f))).ToList(),
            tally.Count(DisciplineSubject.Organization),
            DisciplineFormRule.OrganizationForms.Select(f => new ReportFigure(DisciplineFormRule.Label(f), tally.Count(DisciplineSubject.Organization, f))).ToList());
    }

    /// <summary>The discipline sentence in the reports' register ("thi hành kỷ luật 2 tổ chức đảng, 314 đảng viên"), only from the records.</summary>
    public static string DisciplineSentence(ReportData d)
    {
        var k = d.Discipline;
        if (k.Members == 0 && k.Organizations == 0)
            return $"Trong kỳ không có quyết định kỷ luật tổ chức đảng, đảng viên nào được ghi trong hệ thống.";
        static string Forms(IEnumerable<ReportFigure> forms) =>
            string.Join(", ", forms.Where(f => f.Value > 0).Select(f => $"{f.Label.ToLower(VnFormat.Culture)} {VnFormat.Number(f.Value)}"));
        var parts = new List<string>();
        if (k.Organizations > 0) parts.Add($"{VnFormat.Number(k.Organizations)} tổ chức đảng ({Forms(k.OrganizationsByForm)})");
        if (k.Members > 0) parts.Add($"{VnFormat.Number(k.Members)} đảng viên ({Forms(k.MembersByForm)})");
        return $"Thi hành kỷ luật theo thẩm quyền đối với {string.Join(", ", parts)}.";
    }

    public static readonly DecisionKind[] ExitKinds = [DecisionKind.NotRecognized, DecisionKind.NameRemoval, DecisionKind.Release, DecisionKind.Expulsion, DecisionKind.Death];

    /// <summary>Exits decided in the period by members placed in the subtree up to the decision (which closes that placement), by kind.</summary>
    private async Task<IReadOnlyList<ReportFigure>> ExitsAsync(IReadOnlyList<string> paths, DateOnly from, DateOnly to)
    {
        var (first, last) = (from, to);
        var counts = await (
                from dc in db.MemberDecisions.AsNoTracking()
                where dc.DecidedOn >= first && dc.DecidedOn <= last && ExitKinds.Contains(dc.Kind)
                join pl in db.MemberPlacements.AsNoTracking().Where(PathRange.WithinAny<MemberPlacement>(p => p.OrgPath, paths)) on dc.MemberId equals pl.MemberId
                where pl.FromDate <= dc.DecidedOn && (pl.ToDate == null || pl.ToDate >= dc.DecidedOn)
                select new { dc.MemberId, dc.Kind }).Distinct()
            .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync();
        return ExitKinds.Select(k => new ReportFigure(k.Label(), counts.FirstOrDefault(c => c.Kind == k)?.Count ?? 0)).ToList();
    }

    /// <summary>
    /// The narrative, one sentence per figure that exists: nothing is said about a figure the records do not hold (no target: the
    /// admissions alone; no term target: no sentence on the term).
    /// </summary>
    public static IReadOnlyList<string> AdmissionSentences(ReportData d)
    {
        string Percent(decimal value) => VnFormat.Percent(value, d.Rounding);
        var a = d.Admissions;
        var sentences = new List<string>();
        var upTo = a.CountedTo < d.PeriodEnd ? $" (tính đến ngày {VnFormat.Date(a.CountedTo)})" : "";
        var against = a.Term is not null ? $"nhiệm kỳ {a.Term}" : $"năm {d.Year}";
        var document = a.Term is not null ? d.TermTargetDocument : d.YearTargetDocument;
        var source = string.IsNullOrWhiteSpace(document) ? against : $"{document} {(a.Term is null ? $"năm {d.Year}" : "")}".TrimEnd();
        if (a.Target > 0 && a.Percent is { } p)
            sentences.Add($"{Capital(d.PeriodName)}{upTo}, kết nạp {VnFormat.Number(a.Admitted)}/{VnFormat.Number(a.Target)} đảng viên, đạt {Percent(p)} so với chỉ tiêu {source}"
                + (d.TermAdmissions is { Target: > 0, Percent: { } tp } t
                    ? $"; tính từ đầu nhiệm kỳ đến nay kết nạp {VnFormat.Number(t.Admitted)}/{VnFormat.Number(t.Target)}, đạt {Percent(tp)} so với chỉ tiêu nhiệm kỳ {t.Term}."
                    : "."));
        else
            sentences.Add($"{Capital(d.PeriodName)}{upTo}, kết nạp {VnFormat.Number(a.Admitted)} đảng viên (chưa có chỉ tiêu {against} được ghi trong hệ thống nên chưa tính tỷ lệ)."
                + (d.TermAdmissions is { Target: > 0, Percent: { } tp2 } t2
                    ? $" Tính từ đầu nhiệm kỳ đến nay kết nạp {VnFormat.Number(t2.Admitted)}/{VnFormat.Number(t2.Target)}, đạt {Percent(tp2)} so với chỉ tiêu nhiệm kỳ {t2.Term}."
                    : ""));
        if (d.BeforeFounding is { } b)
            sentences.Add($"{d.OrganizationName} thành lập ngày {VnFormat.Date(b.FoundedOn)}: số kết nạp trên tính từ ngày đó; "
                + $"từ {VnFormat.Date(b.From)} đến {VnFormat.Date(b.To)} các tổ chức đảng hợp nhất vào {d.OrganizationName} kết nạp {VnFormat.Number(b.Admitted)} đảng viên, "
                + $"cả kỳ {VnFormat.Number(b.Admitted + a.Admitted)} đảng viên.");
        if (a.ReadmissionsCounted && a.Readmitted > 0)
            sentences.Add($"Trong số kết nạp có {VnFormat.Number(a.Readmitted)} trường hợp kết nạp lại.");
        if (d.PreviousPeriod is { } prev)
            sentences.Add($"Cùng kỳ năm trước ({VnFormat.Date(prev.From)} – {VnFormat.Date(prev.To)}) kết nạp {VnFormat.Number(prev.Admitted)} đảng viên"
                + (d.PreviousIncludesMerged ? ", gồm cả các tổ chức đảng hợp nhất vào." : "."));
        return sentences;
    }

    public static IReadOnlyList<string> MemberSentences(ReportData d)
    {
        var sentences = new List<string>
        {
            $"Đến ngày {VnFormat.Date(d.CountedTo)}, {d.OrganizationName} có {VnFormat.Number(d.MembersAtEnd)} đảng viên"
            + (d.MembersAtStart > 0 ? $" (ngày {VnFormat.Date(d.PeriodStart.AddDays(-1))}: {VnFormat.Number(d.MembersAtStart)} đảng viên)." : "."),
        };
        var exits = d.Exits.Where(e => e.Value > 0).ToList();
        sentences.Add(exits.Count == 0
            ? $"Trong kỳ không có quyết định nào về đảng viên ra khỏi Đảng được ghi trong hệ thống."
            : $"Trong kỳ có {VnFormat.Number(exits.Sum(e => e.Value))} đảng viên ra khỏi danh sách: {string.Join("; ", exits.Select(e => $"{e.Label.ToLower(VnFormat.Culture)} {VnFormat.Number(e.Value)}"))}.");
        return sentences;
    }

    /// <summary>The discipline table: members, then organizations, each total followed by its forms.</summary>
    private static IEnumerable<ReportFigure> DisciplineRows(ReportData d) =>
        [new("Đảng viên bị kỷ luật", d.Discipline.Members), .. d.Discipline.MembersByForm.Select(f => f with { Label = "Đảng viên – " + f.Label.ToLower(VnFormat.Culture) }),
         new("Tổ chức đảng bị kỷ luật", d.Discipline.Organizations), .. d.Discipline.OrganizationsByForm.Select(f => f with { Label = "Tổ chức đảng – " + f.Label.ToLower(VnFormat.Culture) })];

    private string Percent(decimal value) => VnFormat.Percent(value, rounding);

    public static string BeforeFoundingLabel(PredecessorAdmissions b) =>
        $"Các tổ chức hợp nhất vào, từ {VnFormat.Date(b.From)} đến {VnFormat.Date(b.To)}";
    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VnFormat.Culture) + text[1..];

    /// <summary>The report as a Party document.</summary>
    public async Task<byte[]> DocxAsync(ReportData d)
    {
        var (parent, issuer, suffix, authority, place) = await IssuerAsync(d.OrganizationId);
        var a = d.Admissions;
        var admissionRows = new List<IReadOnlyList<string>>
        {
            new[] { "Kết nạp đảng viên", VnFormat.Number(a.Admitted), a.Target > 0 ? VnFormat.Number(a.Target) : "Chưa có", a.Percent is { } p ? Percent(p) : "" },
        };
        if (d.TermAdmissions is { } t)
            admissionRows.Add(new[] { $"Từ đầu nhiệm kỳ {t.Term}", VnFormat.Number(t.Admitted), t.Target > 0 ? VnFormat.Number(t.Target) : "Chưa có", t.Percent is { } tp ? Percent(tp) : "" });
        if (d.BeforeFounding is { } b)
            admissionRows.Add(new[] { BeforeFoundingLabel(b), VnFormat.Number(b.Admitted), "", "" });
        var spec = new PartyDocumentSpec(
            IssuerParent: parent, Issuer: issuer, Number: $"Số      -BC/{suffix}", Place: place, Date: organizations.Today,
            Kind: "BÁO CÁO", Summary: $"kết quả công tác tổ chức xây dựng Đảng {d.PeriodName}",
            Sections:
            [
                new DocSection("I. CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN", [
                    .. AdmissionSentences(d).Select(s => new DocParagraph(s)),
                    new DocTable(["Nội dung", "Kết quả", "Chỉ tiêu", "Tỷ lệ"], admissionRows, [46, 18, 18, 18]),
                    new DocParagraph(rounding.Note, Italic: true),
                ]),
                new DocSection("II. SỐ LƯỢNG ĐẢNG VIÊN", [
                    .. MemberSentences(d).Select(s => new DocParagraph(s)),
                    new DocTable(["Nội dung", "Số lượng"], [
                        new[] { $"Đảng viên ngày {VnFormat.Date(d.PeriodStart.AddDays(-1))}", VnFormat.Number(d.MembersAtStart) },
                        new[] { "Kết nạp trong kỳ", VnFormat.Number(d.AdmittedInPeriod) },
                        .. d.Exits.Select(e => (IReadOnlyList<string>)new[] { e.Label, VnFormat.Number(e.Value) }),
                        new[] { $"Đảng viên ngày {VnFormat.Date(d.CountedTo)}", VnFormat.Number(d.MembersAtEnd) },
                    ], [70, 30]),
                ]),
                new DocSection("III. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN", [
                    .. RatingSentences(d).Select(s => new DocParagraph(s)),
                    .. d.Ratings.Any ? new DocBlock[] { new DocTable(RatingHeaders,
                        [.. RatingRows(d).Select(r => RatingCells(r.Label, r.Tally))], [28, 12, 12, 12, 12, 12, 12]) } : [],
                ]),
                new DocSection("IV. CÔNG TÁC KỶ LUẬT ĐẢNG", [
                    new DocParagraph(DisciplineSentence(d)),
                    new DocTable(["Hình thức kỷ luật", "Số lượng"], [.. DisciplineRows(d).Select(r => (IReadOnlyList<string>)new[] { r.Label, VnFormat.Number(r.Value) })], [70, 30]),
                ]),
                .. d.Cadres is { } c ? new[] { new DocSection("V. CÔNG TÁC CÁN BỘ", [
                    .. c.Sentences(rounding).Select(s => new DocParagraph(s)),
                    new DocTable(["Nội dung", "Số lượng"], [.. c.Rows().Select(r => (IReadOnlyList<string>)new[] { r.Label, VnFormat.Number(r.Value) })], [70, 30]),
                ]) } : [],
            ],
            Signature: new DocSignature(authority, "Bí thư", null),
            Recipients: ["Cấp ủy cấp trên (để báo cáo)", "Các đồng chí cấp ủy viên", "Lưu Văn phòng."]);
        return PartyDocument.Write(spec);
    }

    /// <summary>The report as a workbook: one sheet per section.</summary>
    public IReadOnlyList<XlsxSheet> Sheets(ReportData d)
    {
        var a = d.Admissions;
        var admissionRows = new List<object?[]> { new object?[] { "Kết nạp đảng viên " + d.PeriodName, a.Admitted, a.Target > 0 ? a.Target : null, a.Percent } };
        if (d.TermAdmissions is { } t) admissionRows.Add(["Từ đầu nhiệm kỳ " + t.Term, t.Admitted, t.Target > 0 ? t.Target : null, t.Percent]);
        if (d.BeforeFounding is { } b) admissionRows.Add([BeforeFoundingLabel(b), b.Admitted, null, null]);
        if (d.PreviousPeriod is { } prev) admissionRows.Add([$"Cùng kỳ năm trước ({VnFormat.Date(prev.From)} – {VnFormat.Date(prev.To)})", prev.Admitted, null, null]);
        XlsxColumn[] twoColumns = [new("Nội dung", Width: 50), new("Số lượng", XlsxKind.Integer, 14)];
        return
        [
            XlsxSheet.Of("Phát triển đảng viên", $"KẾT QUẢ KẾT NẠP ĐẢNG VIÊN {d.PeriodName.ToUpper(VnFormat.Culture)}",
                [new("Nội dung", Width: 50), new("Kết quả", XlsxKind.Integer, 12), new("Chỉ tiêu", XlsxKind.Integer, 12), new("Tỷ lệ", XlsxKind.Percent, 12)],
                admissionRows, totals: false, notes: [.. AdmissionSentences(d), rounding.Note]),
            XlsxSheet.Of("Số lượng đảng viên", $"SỐ LƯỢNG ĐẢNG VIÊN {d.PeriodName.ToUpper(VnFormat.Culture)}", twoColumns,
                [
                    [$"Đảng viên ngày {VnFormat.Date(d.PeriodStart.AddDays(-1))}", d.MembersAtStart],
                    ["Kết nạp trong kỳ", d.AdmittedInPeriod],
                    .. d.Exits.Select(e => new object?[] { e.Label, e.Value }),
                    [$"Đảng viên ngày {VnFormat.Date(d.CountedTo)}", d.MembersAtEnd],
                ], totals: false, notes: MemberSentences(d)),
            XlsxSheet.Of("Đánh giá, xếp loại", "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
                [new(RatingHeaders[0], Width: 34), .. RatingHeaders[1..^1].Select(h => new XlsxColumn(h, XlsxKind.Integer, 12)), new(RatingHeaders[^1], XlsxKind.Percent, 12)],
                [.. RatingRows(d).Select(r => RatingValues(r.Label, r.Tally))],
                totals: false, notes: [.. RatingSentences(d), rounding.Note]),
            XlsxSheet.Of("Kỷ luật", "CÔNG TÁC KỶ LUẬT ĐẢNG", twoColumns, [.. DisciplineRows(d).Select(r => new object?[] { r.Label, r.Value })],
                totals: false, notes: [DisciplineSentence(d)]),
            .. d.Cadres is { } c ? new[] { XlsxSheet.Of("Công tác cán bộ", "CÔNG TÁC CÁN BỘ", twoColumns, [.. c.Rows().Select(r => new object?[] { r.Label, r.Value })],
                totals: false, notes: c.Sentences(rounding)) } : [],
        ];
    }

    /// <summary>
    /// Who issues: a committee's standing committee ("ĐẢNG BỘ TỈNH TÂY NINH" / "BAN THƯỜNG VỤ", signed "T/M BAN THƯỜNG VỤ",
    /// number …-BC/TU for a province, …-BC/ĐU below), a cell itself ("CHI BỘ …" under its committee, "T/M CHI BỘ", …-BC/CB).
    /// The place is the province's name (the top of the tree).
    /// </summary>
    public async Task<(string Parent, string Issuer, string Suffix, string Authority, string Place)> IssuerAsync(int organizationId)
    {
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId);
        var ids = Organization.IdsOnPath(org.Path);
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var place = Members.MemberCard.PlaceOf(names.GetValueOrDefault(ids[0]) ?? org.Name);
        var isCell = org.Type is OrganizationType.BaseCell or OrganizationType.DependentCell;
        if (isCell)
            return (org.ParentId is { } p && names.TryGetValue(p, out var parentName) ? parentName : "", org.Name, "CB", "T/M CHI BỘ", place);
        return (org.Name, "BAN THƯỜNG VỤ", org.Type == OrganizationType.Provincial ? "TU" : "ĐU", "T/M BAN THƯỜNG VỤ", place);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Clamp(DateOnly d, DateOnly lo, DateOnly hi) => d < lo ? lo : d > hi ? hi : d;
}

public static class ReportsApi
{
    /// <summary>GET /api/v1/reports/{kind}?org=&amp;year=&amp;format=docx|xlsx</summary>
    public static void MapReportsApi(this RouteGroupBuilder api) =>
        api.MapGet("/reports/{kind}", async (string kind, int? org, int? year, string? format, HttpContext http, ScopeResolver scopes,
            OrganizationQueries orgs, ReportBuilder reports, Exports exports) =>
        {
            var errors = ReportBuilder.Check(kind, format, year, orgs.Today, out var parsed, out var theFormat, out var theYear);
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var data = await reports.DataAsync(scope, o.Id, parsed, theYear);
            if (data.Failure() is { } failure) return failure;
            var d = data.Value!;
            await exports.AuditAsync(scope, $"Báo cáo {d.PeriodName} ({theFormat})", http.Request);
            var name = $"bao-cao-{kind.ToLowerInvariant()}-{theYear}";
            return theFormat == "xlsx"
                ? await Exports.XlsxAsync(name + ".xlsx", new(Exports.Upper(d.OrganizationName), d.CountedTo), reports.Sheets(d), http.RequestAborted)
                : Exports.Docx(name + ".docx", await reports.DocxAsync(d));
        }).WithTags("Báo cáo");
}
