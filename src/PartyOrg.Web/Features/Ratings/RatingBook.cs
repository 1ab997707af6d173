using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Ratings;

/// <summary>
/// The rating rounds: who is to be rated in a year within a subtree, the progress, the ratings, and their writes with the rule of
/// the year rated (<see cref="RatingRules"/>), the named settings (<see cref="ExcellentCapRule"/>, <see cref="DisciplineInYearRule"/>)
/// and the lock. Who is to be rated is read on the last day of the year (today for the current year) from the placement history and
/// the dated standing, never from today's status: every member active then, except those whose rating records an exemption; every
/// base organization and every cell or sub-committee in force then.
/// </summary>
public sealed class RatingBook(AppDbContext db, Standings standings, Calendar calendar, RatingSettings settings, PercentRounding rounding)
{
    public const int FirstYear = 2000;

    public DateOnly Today => calendar.Today;

    /// <summary>The day the year's subjects are read on: 31 December, or today for the current year.</summary>
    public DateOnly CountedOn(int year) => year >= Today.Year ? Today : new DateOnly(year, 12, 31);

    public static bool IsRatedOrganization(OrganizationType type) =>
        type.IsBase() || type is OrganizationType.SubCommittee or OrganizationType.DependentCell;

    /// <summary>Whether the account decides ratings (the competent committee): administrators and commission staff, never a cell secretary.</summary>
    private static bool Decides(UserScope scope) => scope.IsAdmin || scope.Role == Roles.Commission;

    /// <summary>Whether the account decides ratings where it can write (pages show the decision fields and the lock only then).</summary>
    public static bool CanDecide(UserScope scope) => Decides(scope);

    private sealed record MemberSubject(int MemberId, string Name, string SortKey, int CellId, IReadOnlyList<DisciplinePeriod> Discipline);

    private async Task<(List<Organization> Orgs, List<MemberSubject> Members)> SubjectsAsync(Organization root, int year)
    {
        var on = CountedOn(year);
        var orgs = await db.Organizations.AsNoTracking().Where(PathRange.WithinAny<Organization>(o => o.Path, [root.Path])).ToListAsync();
        var placed = await db.MemberPlacements.AsNoTracking().Where(PathRange.WithinAny<MemberPlacement>(p => p.OrgPath, [root.Path]))
            .Where(p => p.FromDate <= on && (p.ToDate == null || p.ToDate > on))
            .Select(p => new { p.MemberId, p.OrganizationId }).ToListAsync();
        var ids = placed.Select(p => p.MemberId).Distinct().ToList();
        // The ids go as one array parameter (DatabaseSetup), so a province's thousands of members are one query each.
        var records = await standings.RecordsAsync(ids);
        var names = (await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName, m.SortKey }).ToListAsync())
            .ToDictionary(m => m.Id, m => (m.FullName, m.SortKey));
        var members = placed.GroupBy(p => p.MemberId).Select(g => g.First())
            .Where(p => records.TryGetValue(p.MemberId, out var r) && MemberStanding.On(r, on).IsActive)
            .Select(p => new MemberSubject(p.MemberId, names[p.MemberId].FullName, names[p.MemberId].SortKey, p.OrganizationId, records[p.MemberId].Discipline ?? []))
            .OrderBy(m => m.SortKey, StringComparer.Ordinal).ToList();
        return (orgs, members);
    }

    /// <summary>The year's round for an organization's subtree; null outside the scope.</summary>
    public async Task<RatingRoundView?> RoundAsync(UserScope scope, Organization root, int year)
    {
        var on = CountedOn(year);
        var (orgs, members) = await SubjectsAsync(root, year);
        var byId = orgs.ToDictionary(o => o.Id);
        var ratedOrgs = orgs.Where(o => IsRatedOrganization(o.Type) && o.IsActiveOn(on)).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.Year == year).Where(PathRange.WithinAny<Rating>(r => r.OrgPath, [root.Path])).ToListAsync();
        var memberRatings = ratings.Where(r => r.MemberId is not null).ToDictionary(r => r.MemberId!.Value);
        var orgRatings = ratings.Where(r => r.SubjectOrganizationId is not null).ToDictionary(r => r.SubjectOrganizationId!.Value);
        string OrgName(int id) => byId.TryGetValue(id, out var o) ? o.Name : "";

        var memberViews = members.Select(m => memberRatings.TryGetValue(m.MemberId, out var r)
            ? View(r, m.Name, OrgName(r.OrganizationId))
            : Empty(year, m.MemberId, null, m.Name, m.CellId, OrgName(m.CellId), RatingSubject.MemberWithoutPost)).ToList();
        var orgViews = ratedOrgs.Select(o => orgRatings.TryGetValue(o.Id, out var r)
            ? View(r, o.Name, o.Name)
            : Empty(year, null, o.Id, o.Name, o.Id, o.Name, RatingSubject.Collective)).ToList();

        var cells = memberViews.Select(v => v.OrganizationId).Concat(ratedOrgs.Select(o => o.Id)).Distinct()
            .Where(byId.ContainsKey).OrderBy(id => byId[id].Path, StringComparer.Ordinal);
        var progress = cells.Select(id =>
        {
            var inCell = memberViews.Where(v => v.OrganizationId == id).ToList();
            var exempt = inCell.Count(v => v.ExemptReason is not null);
            var toRate = inCell.Where(v => v.ExemptReason is null).ToList();
            var orgView = orgViews.FirstOrDefault(v => v.SubjectOrganizationId == id);
            return new OrganizationProgress(id, byId[id].Name, toRate.Count, toRate.Count(v => v.Rated), exempt,
                toRate.Where(v => !v.Rated).Select(v => new MissingName(v.MemberId!.Value, v.Name)).ToList(),
                orgView is not null, orgView?.Rated == true, toRate.Count(v => v.ProposedLevel is not null));
        }).ToList();

        var lockRound = await LockingRoundAsync(root.Path, year);
        var round = await db.RatingRounds.AsNoTracking().SingleOrDefaultAsync(r => r.OrganizationId == root.Id && r.Year == year);
        var rule = RatingRules.ForYear(year);
        return new RatingRoundView(root.Id, root.Name, year, on, rule.Source, rule.UsesPoints,
            lockRound is not null, lockRound?.OrganizationId, lockRound is null ? null : await NameAsync(lockRound.OrganizationId), lockRound?.LockedAt, lockRound?.LockedBy,
            Counts(memberViews), Counts(orgViews), progress, memberViews, orgViews, SettingNotes(), rounding.Note, round?.Version ?? 0);
    }

    private LevelCounts Counts(IReadOnlyList<RatingView> views)
    {
        var rated = views.Where(v => v.ExemptReason is null).ToList();
        int Of(RatingLevel l) => rated.Count(v => v.DecidedLevel == l);
        var decided = rated.Count(v => v.Rated);
        return new LevelCounts(rated.Count, decided, views.Count - rated.Count, Of(RatingLevel.Excellent), Of(RatingLevel.Good), Of(RatingLevel.Completed), Of(RatingLevel.NotCompleted),
            rounding.Percent(Of(RatingLevel.Excellent) + Of(RatingLevel.Good), decided));
    }

    public IReadOnlyList<string> SettingNotes() => [ExcellentCapRule.Note(settings), DisciplineInYearRule.Note(settings)];

    private async Task<string> NameAsync(int id) => await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync();

    /// <summary>The locked round covering a path in the year (its own or an ancestor's), if any.</summary>
    private async Task<RatingRound?> LockingRoundAsync(string path, int year)
    {
        var locked = await db.RatingRounds.AsNoTracking().Where(r => r.Year == year && r.Locked).ToListAsync();
        return locked.Where(r => path.StartsWith(r.OrgPath, StringComparison.Ordinal)).OrderBy(r => r.OrgPath.Length).FirstOrDefault();
    }

    private async Task<FieldError?> LockedErrorAsync(string path, int year) =>
        await LockingRoundAsync(path, year) is { } r
            ? new FieldError("year", $"Năm {year} đã khóa sổ xếp loại: {await NameAsync(r.OrganizationId)} khóa ngày {VnFormat.Date(DateOnly.FromDateTime(r.LockedAt ?? DateTime.UtcNow))} ({r.LockedBy}); cần mở khóa (có lý do) trước khi sửa.")
            : null;

    private FieldError? YearError(int year) => year < FirstYear || year > Today.Year
        ? new FieldError("year", $"Năm đánh giá: phải từ {FirstYear} đến {Today.Year}.")
        : null;

    public static RatingView View(Rating r, string name, string orgName) => new(r.Id, r.Version, r.Year, r.MemberId, r.SubjectOrganizationId, name, r.OrganizationId, orgName,
        r.Subject, r.SelfLevel, r.SelfPoints, r.SelfOn, r.SelfBy, r.ProposedLevel, r.ProposedOn, r.ProposedBy, r.DecidedLevel, r.Points, r.DecidedOn, r.DecidedBy,
        r.AllTasksOnTime, r.TasksExceededPercent, r.SubUnitOrLeaderDisciplined, r.TasksLatePercent, r.ExemptReason);

    private static RatingView Empty(int year, int? memberId, int? orgId, string name, int cellId, string cellName, RatingSubject subject) =>
        new(null, 0, year, memberId, orgId, name, cellId, cellName, subject, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The rating of a member for a year as the caller may see it; null outside the scope or not to be rated.</summary>
    public async Task<(RatingView View, Rating? Stored)?> MemberAsync(UserScope scope, int memberId, int year)
    {
        if (await MemberSubjectAsync(scope, memberId, year) is not { } s) return null;
        var stored = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.MemberId == memberId && r.Year == year);
        return (stored is null ? Empty(year, memberId, null, s.Name, s.Cell.Id, s.Cell.Name, RatingSubject.MemberWithoutPost) : View(stored, s.Name, s.Cell.Name), stored);
    }

    private sealed record MemberContext(string Name, Organization Cell, Standing Standing, IReadOnlyList<DisciplinePeriod> Discipline);

    private async Task<MemberContext?> MemberSubjectAsync(UserScope scope, int memberId, int year)
    {
        if (!scope.SeesOrganizations) return null;
        var on = CountedOn(year);
        if (!(await standings.RecordsAsync([memberId])).TryGetValue(memberId, out var record)) return null;
        var standing = MemberStanding.On(record, on);
        var cellId = standing.OrganizationId
            ?? record.Placements.Where(p => p.FromDate <= on).OrderByDescending(p => p.FromDate).Select(p => (int?)p.OrganizationId).FirstOrDefault()
            ?? record.Placements.OrderBy(p => p.FromDate).Select(p => (int?)p.OrganizationId).FirstOrDefault();
        if (cellId is null) return null;
        var cell = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == cellId);
        if (!scope.Covers(cell.Path)) return null;
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.FullName).SingleAsync();
        return new(name, cell, standing, record.Discipline ?? []);
    }

    /// <summary>Writes a member's rating of a year (PUT): the whole record as sent; a stored one needs its version.</summary>
    public async Task<Outcome<RatingView>> SaveMemberAsync(UserScope scope, int memberId, int year, RatingInput input, int? expectedVersion, bool versionRequired)
    {
        if (await MemberSubjectAsync(scope, memberId, year) is not { } s) return Outcome<RatingView>.NotFound();
        if (YearError(year) is { } yearError) return Outcome<RatingView>.Invalid([yearError]);
        if (!scope.CanWriteAt(s.Cell.Path)) return Outcome<RatingView>.Forbidden();
        if (!s.Standing.IsActive)
            return Outcome<RatingView>.Invalid([new("memberId", $"Đảng viên không thuộc diện đánh giá năm {year}: {s.Standing.NotActiveReason()}.")]);
        var stored = await db.Ratings.SingleOrDefaultAsync(r => r.MemberId == memberId && r.Year == year);
        if (stored is not null)
        {
            if (expectedVersion is null && versionRequired) return Outcome<RatingView>.VersionRequired();
            if (expectedVersion is { } v && v != stored.Version) return Outcome<RatingView>.Stale(View(stored, s.Name, s.Cell.Name));
        }
        if (await LockedErrorAsync(s.Cell.Path, year) is { } locked) return Outcome<RatingView>.Invalid([locked]);
        var rating = stored ?? new Rating { Year = year, MemberId = memberId, OrganizationId = s.Cell.Id, OrgPath = s.Cell.Path, Subject = RatingSubject.MemberWithoutPost };
        var errors = new List<FieldError>();
        var parsed = Parse(input, year, rating.Subject, errors, isMember: true);
        if (errors.Count == 0)
        {
            if (DecisionChanged(rating, parsed) && !Decides(scope))
                errors.Add(new("decidedLevel", "Chỉ cấp ủy có thẩm quyền quyết định mức xếp loại; bí thư chi bộ nhập tự đánh giá và đề xuất của chi bộ."));
            if (DisciplineInYearRule.DisciplinedIn(year, s.Discipline) is { } period)
            {
                if (parsed.Proposed is { } p && !DisciplineInYearRule.Allows(p, year, s.Discipline, settings)) errors.Add(new("proposedLevel", DisciplineInYearRule.Refusal(period)));
                if (parsed.Decided is { } d && !DisciplineInYearRule.Allows(d, year, s.Discipline, settings)) errors.Add(new("decidedLevel", DisciplineInYearRule.Refusal(period)));
            }
            if (parsed.Decided == RatingLevel.Excellent && rating.DecidedLevel != RatingLevel.Excellent
                && await CapErrorAsync(year, await RatedTogetherPathAsync(s.Cell), members: true, rating.Id) is { } cap)
                errors.Add(cap);
        }
        if (errors.Count > 0) return Outcome<RatingView>.Invalid(errors);
        Apply(rating, parsed, scope.UserName);
        if (stored is null) db.Ratings.Add(rating);
        else if (expectedVersion is { } ev && !Versions.Expect(db, rating, ev)) return Outcome<RatingView>.Stale(View(rating, s.Name, s.Cell.Name));
        if (!await Versions.TrySaveAsync(db))
            return Outcome<RatingView>.Invalid([new("memberId", "Bản xếp loại vừa được người khác lưu; hãy tải lại trang rồi nhập lại.")]);
        return Outcome<RatingView>.Ok(View(rating, s.Name, s.Cell.Name));
    }

    /// <summary>Writes an organization's rating of a year: self-assessment and proposal by its own committee or above, the decision by the committee directly above.</summary>
    public async Task<Outcome<RatingView>> SaveOrganizationAsync(UserScope scope, int orgId, int year, RatingInput input, int? expectedVersion, bool versionRequired)
    {
        var org = scope.SeesOrganizations ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == orgId) : null;
        if (org is null) return Outcome<RatingView>.NotFound();
        if (YearError(year) is { } yearError) return Outcome<RatingView>.Invalid([yearError]);
        if (!scope.CanWriteAt(org.Path)) return Outcome<RatingView>.Forbidden();
        if (!IsRatedOrganization(org.Type) || !org.IsActiveOn(CountedOn(year)))
            return Outcome<RatingView>.Invalid([new("orgId", $"{org.Name} không thuộc diện xếp loại năm {year} (chỉ tổ chức cơ sở đảng, đảng bộ bộ phận, chi bộ đang hoạt động).")]);
        var stored = await db.Ratings.SingleOrDefaultAsync(r => r.SubjectOrganizationId == orgId && r.Year == year);
        if (stored is not null)
        {
            if (expectedVersion is null && versionRequired) return Outcome<RatingView>.VersionRequired();
            if (expectedVersion is { } v && v != stored.Version) return Outcome<RatingView>.Stale(View(stored, org.Name, org.Name));
        }
        if (await LockedErrorAsync(org.Path, year) is { } locked) return Outcome<RatingView>.Invalid([locked]);
        var parent = org.ParentId is { } pid ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == pid) : null;
        var rating = stored ?? new Rating { Year = year, SubjectOrganizationId = orgId, OrganizationId = orgId, OrgPath = org.Path, Subject = RatingSubject.Collective };
        var errors = new List<FieldError>();
        var parsed = Parse(input, year, RatingSubject.Collective, errors, isMember: false);
        if (errors.Count == 0)
        {
            if (DecisionChanged(rating, parsed) && !(Decides(scope) && parent is not null && scope.CanWriteAt(parent.Path)))
                errors.Add(new("decidedLevel", $"Mức xếp loại của {org.Name} do ban thường vụ cấp ủy cấp trên trực tiếp ({parent?.Name ?? "cấp trên"}) quyết định."));
            if (parsed.Decided == RatingLevel.Excellent && rating.DecidedLevel != RatingLevel.Excellent && parent is not null
                && await CapErrorAsync(year, parent.Path, members: false, rating.Id, parent.Id) is { } cap)
                errors.Add(cap);
        }
        if (errors.Count > 0) return Outcome<RatingView>.Invalid(errors);
        Apply(rating, parsed, scope.UserName);
        if (stored is null) db.Ratings.Add(rating);
        else if (expectedVersion is { } ev && !Versions.Expect(db, rating, ev)) return Outcome<RatingView>.Stale(View(rating, org.Name, org.Name));
        if (!await Versions.TrySaveAsync(db))
            return Outcome<RatingView>.Invalid([new("orgId", "Bản xếp loại vừa được người khác lưu; hãy tải lại trang rồi nhập lại.")]);
        return Outcome<RatingView>.Ok(View(rating, org.Name, org.Name));
    }

    /// <summary>
    /// Members are rated together within their base organization (the base committee decides them); a cell outside any base
    /// organization stands alone. Organizations are rated together by the committee directly above (siblings).
    /// </summary>
    private async Task<string> RatedTogetherPathAsync(Organization cell)
    {
        var ids = Organization.IdsOnPath(cell.Path);
        var onPath = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Type, o.Path }).ToListAsync();
        return onPath.Where(o => o.Type.IsBase()).OrderBy(o => o.Path.Length).Select(o => o.Path).FirstOrDefault() ?? cell.Path;
    }

    private async Task<FieldError?> CapErrorAsync(int year, string path, bool members, int ratingId, int? parentId = null)
    {
        var query = db.Ratings.AsNoTracking().Where(r => r.Year == year && r.Id != ratingId && r.DecidedLevel != null)
            .Where(PathRange.WithinAny<Rating>(r => r.OrgPath, [path]));
        query = members ? query.Where(r => r.MemberId != null) : query.Where(r => r.SubjectOrganizationId != null && r.SubjectOrganizationId != parentId);
        var levels = await query.Select(r => r.DecidedLevel!.Value).ToListAsync();
        if (!members && parentId is { } p)
        {
            // Only the direct children of the committee above are rated together.
            var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == p).Select(o => o.Id).ToListAsync();
            levels = await db.Ratings.AsNoTracking().Where(r => r.Year == year && r.Id != ratingId && r.DecidedLevel != null && r.SubjectOrganizationId != null && children.Contains(r.SubjectOrganizationId.Value))
                .Select(r => r.DecidedLevel!.Value).ToListAsync();
        }
        var excellent = levels.Count(l => l == RatingLevel.Excellent) + 1;
        var goodOrAbove = levels.Count(l => l.IsGoodOrAbove()) + 1;
        return ExcellentCapRule.Within(excellent, goodOrAbove, settings) ? null
            : new FieldError("decidedLevel", ExcellentCapRule.Refusal(excellent, goodOrAbove, settings, rounding));
    }

    private sealed record Parsed(RatingLevel? Self, int? SelfPoints, RatingLevel? Proposed, RatingLevel? Decided, int? Points, DateOnly? DecidedOn, RatingFacts Facts, string? ExemptReason);

    private static bool DecisionChanged(Rating r, Parsed p) => r.DecidedLevel != p.Decided || r.Points != p.Points || r.DecidedOn != p.DecidedOn;

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["selfLevel"] = "Tự đánh giá, xếp loại",
        ["selfPoints"] = "Điểm tự chấm",
        ["proposedLevel"] = "Mức đề xuất",
        ["decidedLevel"] = "Mức quyết định",
        ["decidedOn"] = "Ngày quyết định",
        ["points"] = "Điểm",
        ["tasksExceededPercent"] = "Tỷ lệ nhiệm vụ vượt mức",
        ["tasksLatePercent"] = "Tỷ lệ nhiệm vụ chậm tiến độ",
        ["exemptReason"] = "Lý do không đánh giá",
    };

    private Parsed Parse(RatingInput input, int year, RatingSubject subject, List<FieldError> errors, bool isMember)
    {
        var parse = new InputParsing(errors, f => Labels.GetValueOrDefault(f, f));
        RatingLevel? Level(string field, string? value) => string.IsNullOrWhiteSpace(value) ? null : parse.Enum<RatingLevel>(field, value);
        var self = Level("selfLevel", input.SelfLevel);
        var proposed = Level("proposedLevel", input.ProposedLevel);
        var decided = Level("decidedLevel", input.DecidedLevel);
        var decidedOn = parse.Date("decidedOn", input.DecidedOn, required: decided is not null);
        var exempt = InputParsing.Optional(input.ExemptReason);
        var facts = new RatingFacts(input.AllTasksOnTime, input.TasksExceededPercent, input.SubUnitOrLeaderDisciplined, input.TasksLatePercent);
        foreach (var (field, value) in new[] { ("tasksExceededPercent", input.TasksExceededPercent), ("tasksLatePercent", input.TasksLatePercent) })
            if (value is < 0 or > 100) errors.Add(new(field, $"{Labels[field]}: phải từ 0 đến 100."));
        if (decidedOn is { } on && (on < new DateOnly(year, 1, 1) || on > Today))
            errors.Add(new("decidedOn", $"Ngày quyết định: phải từ 01/01/{year} đến hôm nay ({VnFormat.Date(Today)})."));
        if (decided is null && decidedOn is not null) errors.Add(new("decidedLevel", "Mức quyết định: cần chọn khi có ngày quyết định."));
        if (exempt is not null)
        {
            if (!isMember) errors.Add(new("exemptReason", "Lý do không đánh giá: chỉ dùng cho đảng viên (miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt đảng)."));
            else if (self is not null || proposed is not null || decided is not null || input.SelfPoints is not null || input.Points is not null)
                errors.Add(new("exemptReason", "Đảng viên không thuộc diện đánh giá thì không nhập mức xếp loại hay điểm."));
        }
        var rule = RatingRules.ForYear(year);
        if (!rule.UsesPoints)
        {
            foreach (var (field, points) in new[] { ("selfPoints", input.SelfPoints), ("points", input.Points) })
                if (points is not null)
                    errors.Add(new(field, $"{Labels[field]}: chỉ chấm điểm từ năm 2025; năm {year} xếp loại trực tiếp theo 4 mức, không nhập điểm ({rule.Source})."));
        }
        else
        {
            if (self is { } s) errors.AddRange(rule.Check(subject, s, input.SelfPoints, facts, "selfLevel", "selfPoints"));
            else if (input.SelfPoints is not null) errors.Add(new("selfLevel", "Tự đánh giá, xếp loại: cần chọn mức tương ứng với điểm tự chấm."));
            if (decided is { } d) errors.AddRange(rule.Check(subject, d, input.Points, facts, "decidedLevel", "points"));
            else if (input.Points is not null) errors.Add(new("decidedLevel", "Mức quyết định: cần chọn mức tương ứng với điểm."));
            foreach (var (field, points) in new[] { ("selfPoints", input.SelfPoints), ("points", input.Points) })
                if (points is < 0 or > 100 && !errors.Any(e => e.Field == field)) errors.Add(new(field, $"{Labels[field]}: phải từ 0 đến 100."));
        }
        return new Parsed(self, input.SelfPoints, proposed, decided, input.Points, decidedOn, facts, exempt);
    }

    private void Apply(Rating r, Parsed p, string user)
    {
        if (r.SelfLevel != p.Self || r.SelfPoints != p.SelfPoints)
        {
            r.SelfLevel = p.Self; r.SelfPoints = p.SelfPoints;
            r.SelfOn = p.Self is null ? null : Today;
            r.SelfBy = p.Self is null ? null : user;
        }
        if (r.ProposedLevel != p.Proposed)
        {
            r.ProposedLevel = p.Proposed;
            r.ProposedOn = p.Proposed is null ? null : Today;
            r.ProposedBy = p.Proposed is null ? null : user;
        }
        if (DecisionChanged(r, p))
        {
            r.DecidedLevel = p.Decided; r.Points = p.Points; r.DecidedOn = p.DecidedOn;
            r.DecidedBy = p.Decided is null ? null : user;
        }
        r.AllTasksOnTime = p.Facts.AllTasksOnTime;
        r.TasksExceededPercent = p.Facts.TasksExceededPercent;
        r.SubUnitOrLeaderDisciplined = p.Facts.SubUnitOrLeaderDisciplined;
        r.TasksLatePercent = p.Facts.TasksLatePercent;
        r.ExemptReason = p.ExemptReason;
    }

    /// <summary>One row of a bulk entry: a member's or an organization's rating as typed, with the version the page showed (0: none stored).</summary>
    public sealed record RowSave(int? MemberId, int? OrganizationId, RatingInput Input, int Version);

    /// <summary>
    /// Saves the rows of a bulk entry (a cell's page) all or nothing: each row through <see cref="SaveMemberAsync"/> or
    /// <see cref="SaveOrganizationAsync"/> with its rules and its version, inside one transaction that is committed only when
    /// every row went through. Otherwise nothing is saved and each row's outcome (errors, or the record as stored now when the
    /// row was stale) is given back for the page to show beside the row. With <paramref name="commit"/> false the rows are
    /// only checked (the page found other rows it could not read, and shows every error at once).
    /// </summary>
    public async Task<(bool Saved, IReadOnlyList<Outcome<RatingView>> Outcomes)> SaveAllAsync(UserScope scope, int year, IReadOnlyList<RowSave> rows, bool commit = true)
    {
        var outcomes = new List<Outcome<RatingView>>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            foreach (var row in rows)
                outcomes.Add(row.MemberId is { } memberId
                    ? await SaveMemberAsync(scope, memberId, year, row.Input, row.Version, versionRequired: false)
                    : await SaveOrganizationAsync(scope, row.OrganizationId!.Value, year, row.Input, row.Version, versionRequired: false));
            if (commit && outcomes.All(o => o.Kind == OutcomeKind.Ok))
            {
                await tx.CommitAsync();
                return (true, outcomes);
            }
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        return (false, outcomes);
    }

    /// <summary>Closes the year for the organization's subtree (its committee: commission staff or administrator with write rights).</summary>
    public async Task<Outcome<RatingRound>> LockAsync(UserScope scope, Organization org, int year)
    {
        if (!scope.CanWriteAt(org.Path) || !Decides(scope)) return Outcome<RatingRound>.Forbidden();
        if (YearError(year) is { } e) return Outcome<RatingRound>.Invalid([e]);
        if (await LockedErrorAsync(org.Path, year) is { } locked) return Outcome<RatingRound>.Invalid([locked]);
        var round = await db.RatingRounds.SingleOrDefaultAsync(r => r.OrganizationId == org.Id && r.Year == year);
        if (round is null) db.RatingRounds.Add(round = new RatingRound { OrganizationId = org.Id, OrgPath = org.Path, Year = year });
        round.Locked = true;
        round.LockedAt = DateTime.UtcNow;
        round.LockedBy = scope.UserName;
        await db.SaveChangesAsync();
        return Outcome<RatingRound>.Ok(round);
    }

    /// <summary>Reopens a year the organization's committee locked: a decision with its reason, kept in the round's history.</summary>
    public async Task<Outcome<RatingRound>> UnlockAsync(UserScope scope, Organization org, int year, string? reason)
    {
        if (!scope.CanWriteAt(org.Path) || !Decides(scope)) return Outcome<RatingRound>.Forbidden();
        var round = await db.RatingRounds.SingleOrDefaultAsync(r => r.OrganizationId == org.Id && r.Year == year && r.Locked);
        if (round is null)
        {
            var above = await LockingRoundAsync(org.Path, year);
            return Outcome<RatingRound>.Invalid([new("year", above is null
                ? $"Năm {year} của {org.Name} chưa khóa sổ xếp loại."
                : $"Năm {year} do {await NameAsync(above.OrganizationId)} khóa sổ; mở khóa tại đó.")]);
        }
        var text = InputParsing.Optional(reason);
        if (text is null) return Outcome<RatingRound>.Invalid([new("reason", "Lý do mở khóa: không được để trống.")]);
        round.Locked = false;
        round.UnlockedAt = DateTime.UtcNow;
        round.UnlockedBy = scope.UserName;
        round.UnlockReason = text;
        await db.SaveChangesAsync();
        return Outcome<RatingRound>.Ok(round);
    }
}
