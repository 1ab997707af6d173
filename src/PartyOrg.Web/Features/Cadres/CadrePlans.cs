using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Discipline;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public sealed class PlanInput
{
    public int? OrganizationId { get; set; }
    public int? TermFrom { get; set; }
    public int? TermTo { get; set; }
    public string? DecisionNumber { get; set; }
    public string? ApprovedOn { get; set; }
}

public sealed class PlanEntryInput
{
    public int? PostId { get; set; }
    public int? MemberId { get; set; }
    public string? FromDate { get; set; }
    public string? DecisionNumber { get; set; }
}

public sealed class PlanRemovalInput
{
    public string? ToDate { get; set; }
    public string? Reason { get; set; }
    public string? DecisionNumber { get; set; }
}

public sealed record PlanEntryView(int Id, int PostId, int MemberId, string Name, Gender Gender, DateOnly DateOfBirth, int Age, bool Minority, DateOnly FromDate,
    string DecisionNumber, DateOnly? ToDate, string? RemovalReason, IReadOnlyList<string> Flags, int Version);

public sealed record PlannedPostView(int PostId, string Title, int Seats, IReadOnlyList<PlanEntryView> Entries);

/// <summary>A share of the plan against its target (null when the target is not a minimum the regulation sets).</summary>
public sealed record CompositionFigure(string Label, int Count, decimal? Percent, decimal? Target, bool? Met);

public sealed record PlanView(int? Id, int OrganizationId, string OrganizationName, int TermFrom, int TermTo, string? DecisionNumber, DateOnly? ApprovedOn, DateOnly Date,
    IReadOnlyList<PlannedPostView> Posts, int Cadres, int Entries, int Seats, decimal Ratio, IReadOnlyList<CompositionFigure> Composition,
    IReadOnlyList<int> Terms, IReadOnlyList<string> Notes, int Version, string? Kind = null);

/// <summary>
/// Cadre planning per term (issue: cadre work, section 2): a plan of an organization's posts, its entries checked on their date by
/// QĐ 377's rules (higher post, three per post, three posts per cadre, discipline bars) and the full-term age, and its composition
/// against the targets. Same scope as the posts: the managing commission and administrators.
/// </summary>
public sealed class CadrePlans(AppDbContext db, OrganizationQueries organizations, Calendar calendar, CadreSettings settings, DisciplineSettings discipline, PercentRounding rounding)
{
    public const string Field = "memberId";

    public Task<List<string>> KindCodesAsync() => db.PostKinds.AsNoTracking().Select(k => k.Code).ToListAsync();

    /// <summary>
    /// The organization's plan for the term (default: the term holding the date's year, else the latest) read on the date; with a
    /// kind, only the posts of that kind (the plan of the secretaries, of the deputies…) and the composition of their cadres.
    /// </summary>
    public async Task<PlanView?> ReadAsync(UserScope scope, int? orgId, int? termFrom, DateOnly date, string? kind = null)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var org = await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return null;
        var plans = await scope.FilterByPath(db.CadrePlans.AsNoTracking(), p => p.ManagingPath).Where(p => p.OrganizationId == org.Id).OrderBy(p => p.TermFrom).ToListAsync();
        var plan = termFrom is { } t ? plans.FirstOrDefault(p => p.TermFrom == t)
            : plans.LastOrDefault(p => p.TermFrom <= date.Year && date.Year <= p.TermTo) ?? plans.LastOrDefault();
        var posts = await scope.FilterByPath(db.Posts.AsNoTracking(), p => p.ManagingPath)
            .Where(p => p.OrganizationId == org.Id && p.FromDate <= date && (p.ToDate == null || p.ToDate > date)).ToListAsync();
        var kinds = await db.PostKinds.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Order);
        posts = posts.Where(p => kind is null || p.KindCode == kind).OrderBy(p => kinds[p.KindCode]).ThenBy(p => p.Title).ToList();
        var postIds = posts.Select(p => p.Id).ToList();
        var entries = plan is null ? [] : await db.PlanEntries.AsNoTracking()
            .Where(e => e.PlanId == plan.Id && postIds.Contains(e.PostId) && e.FromDate <= date && (e.ToDate == null || e.ToDate > date))
            .OrderBy(e => e.FromDate).ThenBy(e => e.Id).ToListAsync();
        var memberIds = entries.Select(e => e.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.Gender, m.DateOfBirth, m.EthnicGroupCode }).ToDictionaryAsync(m => m.Id);
        var flags = await FlagsAsync(entries, date);
        var views = entries.Select(e =>
        {
            var m = members[e.MemberId];
            return new PlanEntryView(e.Id, e.PostId, e.MemberId, m.FullName, m.Gender, m.DateOfBirth, Domain.Statistics.AgeBandRule.Age(m.DateOfBirth, date),
                m.EthnicGroupCode != KinhCode, e.FromDate, e.DecisionNumber, e.ToDate, e.RemovalReason, flags.GetValueOrDefault(e.Id, []), e.Version);
        }).ToLookup(v => v.PostId);
        var seats = posts.Sum(p => p.Seats);
        var composition = CompositionOf(members.Values.Select(m => (m.Gender, m.DateOfBirth, m.EthnicGroupCode)), seats, entries.Count, date);
        // Without a plan, the term asked for (five years) or the date's term, for the page's form.
        var (termStart, termEnd) = plan is not null ? (plan.TermFrom, plan.TermTo) : termFrom is { } asked ? (asked, asked + 5) : TermOf(date);
        return new PlanView(plan?.Id, org.Id, org.Name, termStart, termEnd, plan?.DecisionNumber, plan?.ApprovedOn, date,
            posts.Select(p => new PlannedPostView(p.Id, p.Title, p.Seats, views[p.Id].ToList())).ToList(),
            composition.Cadres, composition.Entries, seats, composition.Ratio, Figures(composition), plans.Select(p => p.TermFrom).ToList(), Notes(date), plan?.Version ?? 0, kind);
    }

    private const string KinhCode = "01";

    /// <summary>The composition of people on the date (a plan's cadres or the holders of posts): women, age tiers, ethnic minorities (not Kinh).</summary>
    public static PlanComposition CompositionOf(IEnumerable<(Gender Gender, DateOnly DateOfBirth, string EthnicGroupCode)> people, int seats, int entries, DateOnly on) =>
        PlanComposition.Of(people.Select(p => (p.Gender == Gender.Female, p.DateOfBirth, p.EthnicGroupCode != KinhCode)), seats, entries, on);

    /// <summary>The five-year congress term holding the date: 2025–2030, 2030–2035…; before 2025 the 2020–2025 term.</summary>
    private static (int From, int To) TermOf(DateOnly date) => date.Year >= 2025 ? (2025 + (date.Year - 2025) / 5 * 5, 2030 + (date.Year - 2025) / 5 * 5) : (2020, 2025);

    private IReadOnlyList<CompositionFigure> Figures(PlanComposition c) => CompositionFigures(c, settings, rounding);

    /// <summary>The shares of a composition against the targets (the settings), for a plan and for the holders of the posts alike.</summary>
    public static IReadOnlyList<CompositionFigure> CompositionFigures(PlanComposition c, CadreSettings settings, PercentRounding rounding)
    {
        CompositionFigure F(string label, int count, decimal? target)
        {
            var percent = rounding.Percent(count, c.Cadres);
            return new(label, count, percent, target, target is { } t && percent is { } p ? p >= t : null);
        }
        return
        [
            F("Nữ", c.Women, settings.WomenTargetPercent),
            F("Dưới 40 tuổi", c.Under40, settings.YoungTargetPercent),
            F("Dân tộc thiểu số", c.Minorities, null),
            F("Từ 40 đến 50 tuổi", c.From40To50, null),
            F("Trên 50 tuổi", c.Over50, null),
        ];
    }

    private List<string> Notes(DateOnly date) =>
    [
        $"Tỷ lệ tối thiểu nữ {settings.WomenTargetPercent}%, dưới 40 tuổi {settings.YoungTargetPercent}%: mặc định theo Quy định 50-QĐ/TW năm 2021 (đã được thay thế; tỷ lệ của Quy định 377-QĐ/TW chưa tìm thấy), thiết lập Cadres:WomenTargetPercent, Cadres:YoungTargetPercent.",
        $"Hệ số quy hoạch: số lượt cán bộ trong quy hoạch trên tổng số người của các chức danh. Tuổi nghỉ hưu để xét đủ tuổi trọn nhiệm kỳ: nam {settings.RetirementAgeMen}, nữ {settings.RetirementAgeWomen} (thiết lập Cadres:RetirementAgeMen, Cadres:RetirementAgeWomen; mốc cuối của lộ trình Bộ luật Lao động 2019).",
        PlanLimitsRule.Applies(date) ? "Mỗi chức danh không quá 3 cán bộ, mỗi cán bộ không quá 3 chức danh cùng cấp (Quy định 377-QĐ/TW, từ 08/10/2025)."
            : "Trước 08/10/2025 giới hạn số cán bộ mỗi chức danh theo Quy định 50-QĐ/TW chưa tìm thấy; hệ thống không kiểm tra.",
        "Sau kỷ luật chỉ quy hoạch, bổ nhiệm chức vụ cao hơn khi đã qua 24 tháng (khiển trách), 36 tháng (cảnh cáo), 60 tháng (cách chức) (Quy định 377-QĐ/TW); " + discipline.Label + ".",
    ];

    /// <summary>The entries in force on the date of the plans managed under the path that need review, for the worklist.</summary>
    public async Task<int> FlaggedAsync(UserScope scope, string path, DateOnly date)
    {
        var entries = await scope.FilterByPath(db.PlanEntries.AsNoTracking(), e => e.ManagingPath).Where(PathRange.WithinAny<PlanEntry>(e => e.ManagingPath, [path]))
            .Where(e => e.FromDate <= date && (e.ToDate == null || e.ToDate > date)).ToListAsync();
        return (await FlagsAsync(entries, date)).Count;
    }

    /// <summary>Why each entry needs review on the date: a discipline bar in force, or the cadre now holds the planned post or a higher one.</summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> FlagsAsync(List<PlanEntry> entries, DateOnly date)
    {
        var memberIds = entries.Select(e => e.MemberId).Distinct().ToList();
        var decisions = (await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId != null && memberIds.Contains(d.MemberId.Value)).ToListAsync())
            .ToLookup(d => d.MemberId!.Value, d => d.Facts());
        var held = await HeldAsync(memberIds, date);
        var ranks = await RanksAsync(db, entries.Select(e => e.PostId).Concat(held.SelectMany(h => h)).Distinct().ToList());
        var result = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var e in entries)
        {
            var list = new List<string>();
            if (DisciplineBars.Reason(decisions[e.MemberId], date, discipline.Start) is { } bar) list.Add($"Đang {bar}.");
            if (PlanHigherPostRule.Check(Field, ranks[e.PostId], held[e.MemberId].Select(id => ranks[id]), "") is not null)
                list.Add("Đã giữ chức danh được quy hoạch hoặc chức danh cao hơn: xem xét đưa ra khỏi quy hoạch chức danh này.");
            if (list.Count > 0) result[e.Id] = list;
        }
        return result;
    }

    /// <summary>Why a member may not be planned, appointed or nominated to a higher post on the date after discipline (QĐ 377's bars), or null.</summary>
    public static async Task<string?> DisciplineBarAsync(AppDbContext db, DisciplineSettings discipline, int memberId, DateOnly on) =>
        DisciplineBars.Reason((await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId == memberId).ToListAsync()).Select(d => d.Facts()), on, discipline.Start);

    /// <summary>The posts each member holds on the date.</summary>
    private async Task<ILookup<int, int>> HeldAsync(IReadOnlyCollection<int> memberIds, DateOnly date) =>
        (await db.PostHoldings.AsNoTracking().Where(h => h.MemberId != null && memberIds.Contains(h.MemberId.Value) && h.FromDate <= date && (h.ToDate == null || h.ToDate > date))
            .Select(h => new { MemberId = h.MemberId!.Value, h.PostId }).ToListAsync()).ToLookup(h => h.MemberId, h => h.PostId);

    /// <summary>Each post's rank for planning: the depth of its organization, then the catalogue's order.</summary>
    public static async Task<Dictionary<int, PostRank>> RanksAsync(AppDbContext db, IReadOnlyCollection<int> postIds) =>
        (await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Join(db.Organizations.AsNoTracking(), p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, o.Depth, p.KindCode, p.Title })
            .Join(db.PostKinds.AsNoTracking(), x => x.KindCode, k => k.Code, (x, k) => new { x.Id, x.Depth, k.Order, x.Title }).ToListAsync())
            .ToDictionary(x => x.Id, x => new PostRank(x.Depth, x.Order, x.Title));

    // ---- writes --------------------------------------------------------------------------------------------------------

    public async Task<Outcome<CadrePlan>> CreateAsync(UserScope scope, PlanInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<CadrePlan>.NotFound();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        var org = input.OrganizationId is { } oid ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == oid) : null;
        if (org is null) return Outcome<CadrePlan>.NotFound();
        var approved = p.Date(CadreFields.ApprovedOn, input.ApprovedOn, required: true);
        var number = p.Required(CadreFields.DecisionNumber, input.DecisionNumber);
        if (number is { Length: > 60 }) errors.Add(new(CadreFields.DecisionNumber, "Số quyết định: tối đa 60 ký tự."));
        if (input.TermFrom is not { } tf || input.TermTo is not { } tt || tt - tf is < 1 or > 10 || tf < 1930 || tt > 2100)
            errors.Add(new(CadreFields.TermFrom, "Nhiệm kỳ: ghi năm đầu và năm cuối, ví dụ 2025–2030."));
        if (approved > calendar.Today) errors.Add(new(CadreFields.ApprovedOn, "Ngày phê duyệt: không được sau ngày hôm nay."));
        // The plan is the managing committee's: the organization's own committee, or the one above that manages its posts.
        var managing = await CadreRegister.ManagingPathAsync(db, org);
        if (!scope.CanWriteAt(managing)) return Outcome<CadrePlan>.Forbidden();
        if (input.TermFrom is { } from && await db.CadrePlans.AnyAsync(x => x.OrganizationId == org.Id && x.TermFrom == from))
            errors.Add(new(CadreFields.TermFrom, $"Nhiệm kỳ: \"{org.Name}\" đã có quy hoạch nhiệm kỳ {from}–{input.TermTo}."));
        if (errors.Count > 0) return Outcome<CadrePlan>.Invalid(errors);
        var plan = new CadrePlan
        {
            OrganizationId = org.Id, ManagingPath = managing, TermFrom = input.TermFrom!.Value, TermTo = input.TermTo!.Value, DecisionNumber = number!,
            ApprovedOn = approved!.Value, RecordedBy = scope.UserName,
        };
        db.CadrePlans.Add(plan);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<CadrePlan>.Invalid([new(CadreFields.TermFrom, $"Nhiệm kỳ: \"{org.Name}\" đã có quy hoạch nhiệm kỳ {plan.TermFrom}–{plan.TermTo}.")]);
        }
        return Outcome<CadrePlan>.Ok(plan);
    }

    /// <summary>A cadre enters the plan for a post from a day: every rule read on that day.</summary>
    public async Task<Outcome<PlanEntry>> AddEntryAsync(UserScope scope, int planId, PlanEntryInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<PlanEntry>.NotFound();
        var plan = await scope.FilterByPath(db.CadrePlans.AsNoTracking(), x => x.ManagingPath).SingleOrDefaultAsync(x => x.Id == planId);
        if (plan is null) return Outcome<PlanEntry>.NotFound();
        if (!scope.CanWriteAt(plan.ManagingPath)) return Outcome<PlanEntry>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        var from = p.Date(CadreFields.FromDate, input.FromDate, required: true);
        var number = p.Required(CadreFields.DecisionNumber, input.DecisionNumber);
        if (number is { Length: > 60 }) errors.Add(new(CadreFields.DecisionNumber, "Số quyết định: tối đa 60 ký tự."));
        if (from > calendar.Today) errors.Add(new(CadreFields.FromDate, "Từ ngày: không được sau ngày hôm nay."));
        if (from < plan.ApprovedOn) errors.Add(new(CadreFields.FromDate, $"Từ ngày: không được trước ngày phê duyệt quy hoạch ({VnFormat.Date(plan.ApprovedOn)})."));
        var post = input.PostId is { } pid ? await db.Posts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == pid && x.OrganizationId == plan.OrganizationId) : null;
        if (post is null) errors.Add(new(CadreFields.Post, "Chức danh: phải chọn một chức danh của tổ chức."));
        else if (from is { } f0 && (f0 < post.FromDate || (post.ToDate is { } pe && f0 >= pe))) errors.Add(new(CadreFields.FromDate, $"Từ ngày: chức danh \"{post.Title}\" không có vào ngày này."));
        var member = input.MemberId is { } mid ? await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == mid) : null;
        if (member is null) errors.Add(new(Field, "Đảng viên: phải chọn cán bộ trong phạm vi của bạn."));
        if (errors.Count > 0) return Outcome<PlanEntry>.Invalid(errors);

        var on = from!.Value;
        var active = await db.PlanEntries.AsNoTracking().Where(e => e.FromDate <= on && (e.ToDate == null || e.ToDate > on)).Where(e => e.PostId == post!.Id || e.MemberId == member!.Id).ToListAsync();
        if (active.Any(e => e.PostId == post!.Id && e.MemberId == member!.Id))
            errors.Add(new(Field, $"Đảng viên: đồng chí {member!.FullName} đã trong quy hoạch chức danh \"{post!.Title}\"."));
        if (PlanLimitsRule.CheckPost(CadreFields.Post, on, active.Count(e => e.PostId == post!.Id), post!.Title) is { } perPost) errors.Add(perPost);
        var heldIds = (await HeldAsync([member!.Id], on))[member.Id].ToList();
        var ranks = await RanksAsync(db, active.Where(e => e.MemberId == member.Id).Select(e => e.PostId).Concat(heldIds).Append(post.Id).Distinct().ToList());
        var sameLevel = active.Where(e => e.MemberId == member.Id).Select(e => e.PostId).Distinct().Count(id => ranks[id].Depth == ranks[post.Id].Depth);
        if (PlanLimitsRule.CheckCadre(Field, on, sameLevel, member.FullName) is { } perCadre) errors.Add(perCadre);
        if (PlanHigherPostRule.Check(Field, ranks[post.Id], heldIds.Select(id => ranks[id]), member.FullName) is { } higher) errors.Add(higher);
        if (PlanWhileProposedRule.Check(Field, on, await CadreCases.ProposedSinceAsync(db, member.Id, post.Id, on), member.FullName, post.Title) is { } proposed) errors.Add(proposed);
        if (await DisciplineBarAsync(db, discipline, member.Id, on) is { } bar) errors.Add(new(Field, $"Đảng viên: đồng chí {member.FullName} {bar}."));
        if (await ConfidenceRounds.PlanningBarAsync(db, member.Id, on, settings.LowConfidenceTwoThirdsInclusive) is { } lowVote) errors.Add(new(Field, $"Đảng viên: đồng chí {member.FullName} {lowVote}."));
        var age = settings.RetirementAge(member.Gender);
        if (PlanAgeRule.Check(Field, member.DateOfBirth, age, plan.TermTo, member.FullName) is { } old) errors.Add(old);
        if (errors.Count > 0) return Outcome<PlanEntry>.Invalid(errors);

        var entry = new PlanEntry
        {
            PlanId = plan.Id, PostId = post.Id, MemberId = member.Id, ManagingPath = plan.ManagingPath, FromDate = on, DecisionNumber = number!, RecordedBy = scope.UserName,
        };
        db.PlanEntries.Add(entry);
        // The plan's version moves with every entry: two clerks adding the fourth cadre at once cannot both pass the limit.
        if (!await Versions.TrySaveWithParentAsync(db, db.CadrePlans.Where(x => x.Id == plan.Id && x.Version == plan.Version)))
            return Outcome<PlanEntry>.Invalid([new(CadreFields.Post, "Chức danh: quy hoạch vừa được người khác cập nhật; hãy tải lại trang và ghi lại.")]);
        return Outcome<PlanEntry>.Ok(entry);
    }

    /// <summary>A cadre leaves the plan from a day, with the reason and decision (the yearly review, a confidence vote, discipline).</summary>
    public async Task<Outcome<PlanEntry>> RemoveEntryAsync(UserScope scope, int entryId, PlanRemovalInput input, int? expectedVersion)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<PlanEntry>.NotFound();
        var entry = await scope.FilterByPath(db.PlanEntries, e => e.ManagingPath).SingleOrDefaultAsync(e => e.Id == entryId);
        if (entry is null) return Outcome<PlanEntry>.NotFound();
        if (!scope.CanWriteAt(entry.ManagingPath)) return Outcome<PlanEntry>.Forbidden();
        if (!Versions.Expect(db, entry, expectedVersion)) return Outcome<PlanEntry>.Stale(entry);
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        var to = p.Date(CadreFields.ToDate, input.ToDate, required: true);
        var reason = p.Required(CadreFields.Reason, input.Reason);
        var number = p.Required(CadreFields.DecisionNumber, input.DecisionNumber);
        if (reason is { Length: > 300 }) errors.Add(new(CadreFields.Reason, "Lý do: tối đa 300 ký tự."));
        if (number is { Length: > 60 }) errors.Add(new(CadreFields.DecisionNumber, "Số quyết định: tối đa 60 ký tự."));
        if (entry.ToDate is { } was) errors.Add(new(CadreFields.ToDate, $"Đưa ra khỏi quy hoạch từ ngày: đã ghi ngày {VnFormat.Date(was)}."));
        if (to is { } t && t <= entry.FromDate) errors.Add(new(CadreFields.ToDate, $"Đưa ra khỏi quy hoạch từ ngày: phải sau ngày đưa vào ({VnFormat.Date(entry.FromDate)})."));
        if (to > calendar.Today) errors.Add(new(CadreFields.ToDate, "Đưa ra khỏi quy hoạch từ ngày: không được sau ngày hôm nay."));
        if (errors.Count > 0) return Outcome<PlanEntry>.Invalid(errors);
        (entry.ToDate, entry.RemovalReason, entry.RemovalDecision) = (to, reason, number);
        if (!await Versions.TrySaveAsync(db)) return Outcome<PlanEntry>.Stale(entry);
        return Outcome<PlanEntry>.Ok(entry);
    }
}
