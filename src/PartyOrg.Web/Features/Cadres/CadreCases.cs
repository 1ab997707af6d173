using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Discipline;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public sealed class CaseInput
{
    public string? Kind { get; set; }
    public int? MemberId { get; set; }
    public int? PostId { get; set; }
    public int? FromHoldingId { get; set; }
    public string? ProposedOn { get; set; }
    public string? Note { get; set; }
}

public sealed class CaseStepInput
{
    public string? On { get; set; }
    public string? Name { get; set; }
    public string? Document { get; set; }
}

public sealed class CaseDecisionInput
{
    public string? DecisionNumber { get; set; }
    public string? DecidedOn { get; set; }
    public string? EffectiveOn { get; set; }
}

public sealed class CaseWithdrawalInput
{
    public string? On { get; set; }
    public string? Reason { get; set; }
}

public static class CaseFields
{
    public const string Kind = "kind", Member = "memberId", Post = "postId", FromHolding = "fromHoldingId", ProposedOn = "proposedOn", Note = "note",
        On = "on", Name = "name", Document = "document", DecisionNumber = "decisionNumber", DecidedOn = "decidedOn", EffectiveOn = "effectiveOn", Reason = "reason";

    public static string Label(string field) => field switch
    {
        Kind => "Loại việc",
        Member => "Cán bộ",
        Post => "Chức danh đến",
        FromHolding => "Chức danh đang giữ",
        ProposedOn => "Ngày đề xuất",
        Note => "Ghi chú",
        On => "Ngày",
        Name => "Bước",
        Document => "Văn bản",
        DecisionNumber => "Số quyết định",
        DecidedOn => "Ngày quyết định",
        EffectiveOn => "Ngày có hiệu lực",
        Reason => "Lý do",
        _ => field,
    };
}

public sealed record CaseStepView(int Id, DateOnly On, string Name, string? Document);

public sealed record CaseView(int Id, CadreActKind Kind, string KindLabel, CadreActState State, string StateLabel, int MemberId, string MemberName,
    int? PostId, string? PostTitle, int? FromHoldingId, string? FromPostTitle, string ManagingName, DateOnly ProposedOn, string? DecisionNumber,
    DateOnly? DecidedOn, DateOnly? EffectiveOn, int? HoldingId, string? Note, IReadOnlyList<CaseStepView> Steps, int Version);

/// <summary>An appointment whose term ends soon: the reappointment (or the end of the post) is due from <see cref="DueFrom"/>.</summary>
public sealed record ReappointmentDue(int HoldingId, int? MemberId, string Name, int PostId, string PostTitle, DateOnly FromDate, DateOnly LastDay, DateOnly DueFrom,
    bool Overdue, int? OpenCaseId, string? OpenCaseKind);

public sealed record CaseCount(string Label, int Count);

/// <summary>Decided cases of a period: by kind and by the committee managing the post ("40 lượt cán bộ thuộc diện BTVTU quản lý").</summary>
public sealed record CaseFigures(DateOnly From, DateOnly To, int Total, IReadOnlyList<CaseCount> ByKind, IReadOnlyList<CaseCount> ByManaging);

public sealed record CasesView(int OrganizationId, string OrganizationName, int Year, IReadOnlyList<CaseView> Open, IReadOnlyList<CaseView> Decided,
    IReadOnlyList<ReappointmentDue> Due, CaseFigures Figures, IReadOnlyList<string> Notes);

/// <summary>
/// Cases of cadre work (issue: cadre work, section 3): appointment, reappointment, transfer, rotation, nomination, dismissal and
/// resignation. A case is opened with its cadre and posts, gathers its steps, and is decided: on the decision date the plan
/// (QĐ 377 Art. 34), the discipline bars, the age and the time in the current post are checked, and the holdings it creates or ends
/// are written in the same transaction. Same scope as the posts: the commission whose committee manages the post, and administrators.
/// </summary>
public sealed class CadreCases(AppDbContext db, OrganizationQueries organizations, Standings standings, Calendar calendar, CadreSettings settings, DisciplineSettings discipline)
{
    public IReadOnlyList<string> Notes =>
    [
        "Bổ nhiệm, giới thiệu ứng cử cán bộ tại chỗ phải có trong quy hoạch chức danh đó hoặc chức danh tương đương, cao hơn (Quy định 377-QĐ/TW, Điều 34, từ 08/10/2025); quyết định trước ngày này không kiểm tra vì văn bản cũ chưa tìm thấy.",
        $"Thời gian giữ chức danh hiện tại trước khi bổ nhiệm chức danh khác, điều động, luân chuyển: ít nhất {settings.MinimumMonthsInPost} tháng (thiết lập Cadres:MinimumMonthsInPost; Quy định 377-QĐ/TW chưa tìm thấy số tháng).",
        $"Bổ nhiệm, giới thiệu ứng cử lần đầu phải đủ tuổi công tác trọn thời hạn {settings.AppointmentTermYears} năm; tuổi nghỉ hưu nam {settings.RetirementAgeMen}, nữ {settings.RetirementAgeWomen} (thiết lập Cadres:RetirementAgeMen, Cadres:RetirementAgeWomen).",
        settings.Label,
    ];

    private IQueryable<AppointmentCase> Visible(UserScope scope) => scope.FilterByPath(db.AppointmentCases.AsNoTracking(), c => c.ManagingPath);

    /// <summary>
    /// The cases managed by the organization's committee or those below it, open and decided in the year, the appointments due
    /// for reappointment and the year's figures; null when not visible.
    /// </summary>
    public async Task<CasesView?> ListAsync(UserScope scope, int? orgId, int year)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var org = await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return null;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var under = Visible(scope).Where(PathRange.WithinAny<AppointmentCase>(c => c.ManagingPath, [org.Path]));
        var open = await under.Where(c => c.State == CadreActState.Proposed).OrderBy(c => c.ProposedOn).ThenBy(c => c.Id).ToListAsync();
        var decided = await under.Where(c => c.State == CadreActState.Decided && c.DecidedOn >= from && c.DecidedOn <= to)
            .OrderByDescending(c => c.DecidedOn).ThenByDescending(c => c.Id).ToListAsync();
        var views = await ViewsAsync(open.Concat(decided).ToList());
        return new CasesView(org.Id, org.Name, year, views.Take(open.Count).ToList(), views.Skip(open.Count).ToList(),
            await DueAsync(scope, org.Path, calendar.Today), await FiguresAsync(scope, org.Path, from, to), Notes);
    }

    public async Task<CaseView?> GetAsync(UserScope scope, int id)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var c = await Visible(scope).SingleOrDefaultAsync(x => x.Id == id);
        return c is null ? null : (await ViewsAsync([c]))[0];
    }

    private async Task<List<CaseView>> ViewsAsync(List<AppointmentCase> cases)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var steps = (await db.AppointmentSteps.AsNoTracking().Where(s => ids.Contains(s.CaseId)).OrderBy(s => s.On).ThenBy(s => s.Id).ToListAsync()).ToLookup(s => s.CaseId);
        var holdingIds = cases.Where(c => c.FromHoldingId != null).Select(c => c.FromHoldingId!.Value).ToList();
        var fromPosts = await db.PostHoldings.AsNoTracking().Where(h => holdingIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.PostId);
        var postIds = cases.Where(c => c.PostId != null).Select(c => c.PostId!.Value).Concat(fromPosts.Values).Distinct().ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title);
        var memberIds = cases.Select(c => c.MemberId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var managing = await ManagingNamesAsync(db, cases.Select(c => c.ManagingPath));
        return cases.Select(c => new CaseView(c.Id, c.Kind, c.Kind.Label(), c.State, c.State.Label(), c.MemberId, names.GetValueOrDefault(c.MemberId, ""),
            c.PostId, c.PostId is { } p ? titles.GetValueOrDefault(p) : null, c.FromHoldingId,
            c.FromHoldingId is { } h && fromPosts.TryGetValue(h, out var fp) ? titles.GetValueOrDefault(fp) : null, managing.GetValueOrDefault(c.ManagingPath, ""),
            c.ProposedOn, c.DecisionNumber, c.DecidedOn, c.EffectiveOn, c.HoldingId, c.Note,
            steps[c.Id].Select(s => new CaseStepView(s.Id, s.On, s.Name, s.Document)).ToList(), c.Version)).ToList();
    }

    /// <summary>"Diện Ban Thường vụ Tỉnh ủy Tây Ninh quản lý": the committee at the end of each managing path.</summary>
    private static async Task<Dictionary<string, string>> ManagingNamesAsync(AppDbContext db, IEnumerable<string> paths)
    {
        var byPath = paths.Distinct().ToDictionary(p => p, p => Data.Organization.IdsOnPath(p)[^1]);
        var names = await OrganizationNames.OfAsync(db, byPath.Values);
        return byPath.ToDictionary(kv => kv.Key, kv => names.GetValueOrDefault(kv.Value, ""));
    }

    /// <summary>
    /// Appointments held on the day whose term ends within the notice period (or has ended while still held), managed under the
    /// path: the reappointment is due. Elected and designated posts follow their congress instead.
    /// </summary>
    public async Task<IReadOnlyList<ReappointmentDue>> DueAsync(UserScope scope, string path, DateOnly today)
    {
        // A loose bound for the index (a day of slack for 29 February); the rule itself decides below.
        var startedBy = today.AddDays(settings.ReappointmentNoticeDays + 2).AddYears(-settings.AppointmentTermYears);
        var held = await scope.FilterByPath(db.PostHoldings.AsNoTracking(), h => h.ManagingPath).Where(PathRange.WithinAny<PostHolding>(h => h.ManagingPath, [path]))
            // Held with no end written: an appointment whose end is decided (renewed ahead, or left) is no longer due.
            .Where(h => h.Basis == HoldingBasis.Appointment && h.FromDate <= today && h.ToDate == null && h.FromDate <= startedBy)
            .ToListAsync();
        held = held.Where(h => AppointmentTermRule.DueFrom(h.FromDate, settings.AppointmentTermYears, settings.ReappointmentNoticeDays) <= today).ToList();
        var ids = held.Select(h => h.Id).ToList();
        var open = await Visible(scope).Where(c => c.State == CadreActState.Proposed && c.FromHoldingId != null && ids.Contains(c.FromHoldingId.Value))
            .Select(c => new { c.Id, c.FromHoldingId, c.Kind }).ToListAsync();
        var postIds = held.Select(h => h.PostId).Distinct().ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title);
        var memberIds = held.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        return held.Select(h =>
        {
            var last = AppointmentTermRule.LastDay(h.FromDate, settings.AppointmentTermYears);
            return new ReappointmentDue(h.Id, h.MemberId, h.MemberId is { } m ? names.GetValueOrDefault(m, "") : h.OutsideName ?? "", h.PostId, titles[h.PostId], h.FromDate,
                last, last.AddDays(-settings.ReappointmentNoticeDays), last < today, open.FirstOrDefault(o => o.FromHoldingId == h.Id)?.Id,
                open.FirstOrDefault(o => o.FromHoldingId == h.Id)?.Kind.Label());
        }).OrderBy(d => d.LastDay).ThenBy(d => d.HoldingId).ToList();
    }

    /// <summary>The cases decided in the period under the path, by kind and by managing committee, counted by the database.</summary>
    public Task<CaseFigures> FiguresAsync(UserScope scope, string path, DateOnly from, DateOnly to) =>
        FiguresAsync(db, Visible(scope).Where(PathRange.WithinAny<AppointmentCase>(c => c.ManagingPath, [path])), from, to);

    /// <summary>The decided cases among <paramref name="cases"/> in the period, by kind and by managing committee (the report reads it too).</summary>
    public static async Task<CaseFigures> FiguresAsync(AppDbContext db, IQueryable<AppointmentCase> cases, DateOnly from, DateOnly to)
    {
        var rows = await cases.Where(c => c.State == CadreActState.Decided && c.DecidedOn >= from && c.DecidedOn <= to)
            .GroupBy(c => new { c.Kind, c.ManagingPath }).Select(g => new { g.Key.Kind, g.Key.ManagingPath, Count = g.Count() }).ToListAsync();
        var names = await ManagingNamesAsync(db, rows.Select(r => r.ManagingPath));
        return new CaseFigures(from, to, rows.Sum(r => r.Count),
            rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new CaseCount(g.Key.Label(), g.Sum(r => r.Count))).ToList(),
            rows.GroupBy(r => r.ManagingPath).OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CaseCount($"Diện {names.GetValueOrDefault(g.Key, "")} quản lý", g.Sum(r => r.Count))).ToList());
    }

    /// <summary>The cases under the path still open, for the worklist.</summary>
    public Task<int> OpenCountAsync(UserScope scope, string path) =>
        Visible(scope).Where(PathRange.WithinAny<AppointmentCase>(c => c.ManagingPath, [path])).CountAsync(c => c.State == CadreActState.Proposed);

    /// <summary>The member's open cases for a post on a day, for the planning rule that does not plan a cadre while proposing them.</summary>
    public static Task<DateOnly?> ProposedSinceAsync(AppDbContext db, int memberId, int postId, DateOnly on) =>
        db.AppointmentCases.AsNoTracking()
            .Where(c => c.MemberId == memberId && c.PostId == postId && (c.Kind == CadreActKind.Appointment || c.Kind == CadreActKind.Nomination)
                && c.ProposedOn <= on && (c.State == CadreActState.Proposed || (c.State == CadreActState.Decided && c.DecidedOn > on)))
            .OrderBy(c => c.ProposedOn).Select(c => (DateOnly?)c.ProposedOn).FirstOrDefaultAsync();

    // ---- writes --------------------------------------------------------------------------------------------------------

    /// <summary>Opens a case: the kind, the cadre, the post they go to and/or the holding they leave, on the day it is proposed.</summary>
    public async Task<Outcome<AppointmentCase>> OpenAsync(UserScope scope, CaseInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<AppointmentCase>.NotFound();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CaseFields.Label);
        var kind = p.Enum<CadreActKind>(CaseFields.Kind, input.Kind);
        var proposed = p.Date(CaseFields.ProposedOn, input.ProposedOn, required: true);
        if (proposed > calendar.Today) errors.Add(new(CaseFields.ProposedOn, "Ngày đề xuất: không được sau ngày hôm nay."));
        var note = InputParsing.Optional(input.Note);
        if (note is { Length: > 500 }) errors.Add(new(CaseFields.Note, "Ghi chú: tối đa 500 ký tự."));
        var posts = scope.FilterByPath(db.Posts.AsNoTracking(), x => x.ManagingPath);
        var leaving = input.FromHoldingId is { } hid ? await scope.FilterByPath(db.PostHoldings.AsNoTracking(), h => h.ManagingPath).SingleOrDefaultAsync(h => h.Id == hid) : null;
        // Picking the holding names its holder: the cadre may be left out then.
        var memberId = input.MemberId ?? leaving?.MemberId;
        var member = memberId is { } mid ? await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == mid) : null;
        if (member is null) errors.Add(new(CaseFields.Member, "Cán bộ: phải chọn đảng viên trong phạm vi của bạn."));

        if (input.FromHoldingId is not null)
        {
            if (leaving is null || (member is not null && leaving.MemberId != member.Id))
                errors.Add(new(CaseFields.FromHolding, "Chức danh đang giữ: phải chọn một chức danh cán bộ này đang giữ."));
            else if (proposed is { } on && !(leaving.FromDate <= on && (leaving.ToDate is null || leaving.ToDate > on)))
                errors.Add(new(CaseFields.FromHolding, $"Chức danh đang giữ: ngày {VnFormat.Date(on)} cán bộ không giữ chức danh này."));
            if (kind == CadreActKind.Nomination) errors.Add(new(CaseFields.FromHolding, "Chức danh đang giữ: giới thiệu ứng cử không thôi giữ chức danh; để trống ô này."));
            if (kind == CadreActKind.Reappointment && leaving is { Basis: not HoldingBasis.Appointment })
                errors.Add(new(CaseFields.FromHolding, "Chức danh đang giữ: chỉ bổ nhiệm lại chức danh được bổ nhiệm."));
        }
        else if (kind?.NeedsCurrentPost() == true) errors.Add(new(CaseFields.FromHolding, $"Chức danh đang giữ: {kind.Value.Label().ToLowerInvariant()} phải chọn chức danh cán bộ đang giữ."));

        Post? target = null;
        if (kind == CadreActKind.Reappointment && leaving is not null) target = await posts.SingleOrDefaultAsync(x => x.Id == leaving.PostId);
        else if (kind?.HasTarget() == true)
        {
            target = input.PostId is { } pid ? await posts.SingleOrDefaultAsync(x => x.Id == pid) : null;
            if (target is null) errors.Add(new(CaseFields.Post, "Chức danh đến: phải chọn một chức danh trong phạm vi của bạn."));
            else if (proposed is { } on && target.ToDate is { } ended && ended <= on) errors.Add(new(CaseFields.Post, $"Chức danh đến: \"{target.Title}\" không còn từ {VnFormat.Date(ended)}."));
            else if (leaving is not null && leaving.PostId == target.Id) errors.Add(new(CaseFields.Post, "Chức danh đến: trùng chức danh đang giữ."));
        }
        else if (input.PostId is not null && kind is not null) errors.Add(new(CaseFields.Post, $"Chức danh đến: {kind.Value.Label().ToLowerInvariant()} không có chức danh đến; để trống ô này."));
        if (errors.Count > 0) return Outcome<AppointmentCase>.Invalid(errors);

        // Both committees must be the writer's; the case is filed under the higher of them, so a committee below never reads a
        // post it does not manage through a case.
        if ((target is not null && !scope.CanWriteAt(target.ManagingPath)) || (leaving is not null && !scope.CanWriteAt(leaving.ManagingPath)))
            return Outcome<AppointmentCase>.Forbidden();
        var managingPath = Higher(target?.ManagingPath, leaving?.ManagingPath);
        var k = kind!.Value;
        var duplicate = Duplicate(k, member!.FullName);
        if (await db.AppointmentCases.AnyAsync(c => c.State == CadreActState.Proposed
                && ((leaving != null && c.FromHoldingId == leaving.Id) || (target != null && c.MemberId == member.Id && c.Kind == k && c.PostId == target.Id))))
            return Outcome<AppointmentCase>.Invalid([duplicate]);
        var c = new AppointmentCase
        {
            Kind = k, State = CadreActState.Proposed, MemberId = member!.Id, PostId = target?.Id, FromHoldingId = leaving?.Id, ManagingPath = managingPath,
            ProposedOn = proposed!.Value, Note = note, RecordedBy = scope.UserName,
        };
        db.AppointmentCases.Add(c);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { return Outcome<AppointmentCase>.Invalid([duplicate]); }
        return Outcome<AppointmentCase>.Ok(c);
    }

    private static FieldError Duplicate(CadreActKind kind, string name) =>
        new(CaseFields.Kind, $"Loại việc: đồng chí {name} đã có hồ sơ đang thực hiện cho chức danh này ({kind.Label().ToLowerInvariant()} hoặc việc khác); hãy quyết định hoặc dừng hồ sơ đó trước.");

    /// <summary>The path of the committee above, when one manages the other's post; else the post gone to.</summary>
    private static string Higher(string? target, string? leaving) =>
        target is null ? leaving! : leaving is null ? target : target.StartsWith(leaving, StringComparison.Ordinal) ? leaving : target;

    private async Task<(AppointmentCase? Case, Outcome<AppointmentCase>? Refusal)> WritableAsync(UserScope scope, int id, int? expectedVersion)
    {
        if (!CadreRegister.SeesCadres(scope)) return (null, Outcome<AppointmentCase>.NotFound());
        var c = await scope.FilterByPath(db.AppointmentCases, x => x.ManagingPath).SingleOrDefaultAsync(x => x.Id == id);
        if (c is null) return (null, Outcome<AppointmentCase>.NotFound());
        if (!scope.CanWriteAt(c.ManagingPath)) return (null, Outcome<AppointmentCase>.Forbidden());
        if (!Versions.Expect(db, c, expectedVersion)) return (null, Outcome<AppointmentCase>.Stale(c));
        if (c.State != CadreActState.Proposed)
            return (null, Outcome<AppointmentCase>.Invalid([new(CaseFields.DecisionNumber, $"Hồ sơ: {c.State.Label().ToLowerInvariant()}{(c.DecidedOn is { } d ? $" ngày {VnFormat.Date(d)}" : "")}; không ghi thêm.")]));
        return (c, null);
    }

    /// <summary>A step of the case (the proposal, the vote of the leadership, the consultation…) with its date and document.</summary>
    public async Task<Outcome<AppointmentCase>> AddStepAsync(UserScope scope, int id, CaseStepInput input, int? expectedVersion)
    {
        var (c, refusal) = await WritableAsync(scope, id, expectedVersion);
        if (refusal is not null) return refusal;
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CaseFields.Label);
        var on = p.Date(CaseFields.On, input.On, required: true);
        var name = p.Required(CaseFields.Name, input.Name);
        var document = InputParsing.Optional(input.Document);
        if (name is { Length: > 300 }) errors.Add(new(CaseFields.Name, "Bước: tối đa 300 ký tự."));
        if (document is { Length: > 300 }) errors.Add(new(CaseFields.Document, "Văn bản: tối đa 300 ký tự."));
        if (on > calendar.Today) errors.Add(new(CaseFields.On, "Ngày: không được sau ngày hôm nay."));
        if (on < c!.ProposedOn) errors.Add(new(CaseFields.On, $"Ngày: không được trước ngày đề xuất ({VnFormat.Date(c.ProposedOn)})."));
        if (errors.Count > 0) return Outcome<AppointmentCase>.Invalid(errors);
        db.AppointmentSteps.Add(new AppointmentStep { CaseId = c.Id, ManagingPath = c.ManagingPath, On = on!.Value, Name = name!, Document = document, RecordedBy = scope.UserName });
        db.Entry(c).Property(nameof(IVersioned.Version)).IsModified = true;
        return await Versions.TrySaveAsync(db) ? Outcome<AppointmentCase>.Ok(c) : Outcome<AppointmentCase>.Stale(c);
    }

    /// <summary>The case is stopped on a day with its reason; nothing is written to the posts.</summary>
    public async Task<Outcome<AppointmentCase>> WithdrawAsync(UserScope scope, int id, CaseWithdrawalInput input, int? expectedVersion)
    {
        var (c, refusal) = await WritableAsync(scope, id, expectedVersion);
        if (refusal is not null) return refusal;
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CaseFields.Label);
        var on = p.Date(CaseFields.On, input.On, required: true);
        var reason = p.Required(CaseFields.Reason, input.Reason);
        if (reason is { Length: > 300 }) errors.Add(new(CaseFields.Reason, "Lý do: tối đa 300 ký tự."));
        if (on > calendar.Today) errors.Add(new(CaseFields.On, "Ngày: không được sau ngày hôm nay."));
        if (on < c!.ProposedOn) errors.Add(new(CaseFields.On, $"Ngày: không được trước ngày đề xuất ({VnFormat.Date(c.ProposedOn)})."));
        if (errors.Count > 0) return Outcome<AppointmentCase>.Invalid(errors);
        c.State = CadreActState.Withdrawn;
        db.AppointmentSteps.Add(new AppointmentStep { CaseId = c.Id, ManagingPath = c.ManagingPath, On = on!.Value, Name = "Dừng hồ sơ", Document = reason, RecordedBy = scope.UserName });
        return await Versions.TrySaveAsync(db) ? Outcome<AppointmentCase>.Ok(c) : Outcome<AppointmentCase>.Stale(c);
    }

    /// <summary>
    /// The decision: every rule read on its date, then in one transaction the holding left ends on the effective day and the new one
    /// starts that day. Of two decisions filling the post's last seat at once, the second is refused by the post's version.
    /// </summary>
    public async Task<Outcome<AppointmentCase>> DecideAsync(UserScope scope, int id, CaseDecisionInput input, int? expectedVersion)
    {
        var (c, refusal) = await WritableAsync(scope, id, expectedVersion);
        if (refusal is not null) return refusal;
        var versionRead = c!.Version;
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CaseFields.Label);
        var number = p.Required(CaseFields.DecisionNumber, input.DecisionNumber);
        if (number is { Length: > 60 }) errors.Add(new(CaseFields.DecisionNumber, "Số quyết định: tối đa 60 ký tự."));
        var decided = p.Date(CaseFields.DecidedOn, input.DecidedOn, required: true);
        var effective = p.Date(CaseFields.EffectiveOn, input.EffectiveOn, required: false) ?? decided;
        var today = calendar.Today;
        if (decided > today) errors.Add(new(CaseFields.DecidedOn, "Ngày quyết định: không được sau ngày hôm nay."));
        if (decided < c!.ProposedOn) errors.Add(new(CaseFields.DecidedOn, $"Ngày quyết định: không được trước ngày đề xuất ({VnFormat.Date(c.ProposedOn)})."));
        // The holding left, tracked: the decision writes its end.
        var leaving = c.FromHoldingId is { } held ? await db.PostHoldings.SingleAsync(h => h.Id == held) : null;
        if (leaving is not null && !scope.CanWriteAt(leaving.ManagingPath)) return Outcome<AppointmentCase>.Forbidden();
        // A reappointment is decided ahead and may start the day after the term ends; every other act takes effect by today.
        var latest = c.Kind == CadreActKind.Reappointment && leaving is not null
            ? new[] { today, AppointmentTermRule.LastDay(leaving.FromDate, settings.AppointmentTermYears).AddDays(1) }.Max() : today;
        if (effective > latest)
            errors.Add(new(CaseFields.EffectiveOn, latest == today ? "Ngày có hiệu lực: không được sau ngày hôm nay."
                : $"Ngày có hiệu lực: bổ nhiệm lại có hiệu lực muộn nhất ngày {VnFormat.Date(latest)}, ngày sau khi hết thời hạn bổ nhiệm."));
        if (effective < decided) errors.Add(new(CaseFields.EffectiveOn, "Ngày có hiệu lực: không được trước ngày quyết định."));
        if (errors.Count > 0) return Outcome<AppointmentCase>.Invalid(errors);

        var on = decided!.Value;
        var starts = effective!.Value;
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == c.MemberId);
        var target = c.PostId is { } pid ? await db.Posts.AsNoTracking().SingleAsync(x => x.Id == pid) : null;
        // A holding whose end is already written (retirement, another decision) keeps that end: the decision does not overwrite it.
        if (leaving is not null && (leaving.ToDate is not null || leaving.FromDate >= starts))
            errors.Add(new(CaseFields.EffectiveOn, leaving.ToDate is { } l
                ? $"Ngày có hiệu lực: chức danh đang giữ của hồ sơ đã ghi thôi giữ từ ngày {VnFormat.Date(l)}; quyết định không ghi đè ngày đó."
                : $"Ngày có hiệu lực: ngày {VnFormat.Date(starts)} cán bộ chưa giữ chức danh đang giữ của hồ sơ."));
        if (target is not null && c.Kind.CreatesHolding() && (target.FromDate > starts || target.ToDate is { } te && te <= starts))
            errors.Add(new(CaseFields.EffectiveOn, $"Ngày có hiệu lực: chức danh \"{target.Title}\" không có vào ngày {VnFormat.Date(starts)}."));

        // The rules, on the decision date.
        if (target is not null && AppointmentPlanRule.Applies(c.Kind, on))
        {
            var planned = await db.PlanEntries.AsNoTracking().Where(e => e.MemberId == member.Id && e.FromDate <= on && (e.ToDate == null || e.ToDate > on)).Select(e => e.PostId).ToListAsync();
            var ranks = await CadrePlans.RanksAsync(db, planned.Append(target.Id).Distinct().ToList());
            if (AppointmentPlanRule.Check(CaseFields.Member, c.Kind, on, ranks[target.Id], planned.Select(x => ranks[x]), member.FullName) is { } notPlanned) errors.Add(notPlanned);
        }
        if (c.Kind is CadreActKind.Appointment or CadreActKind.Nomination or CadreActKind.Transfer or CadreActKind.Rotation)
        {
            if (await CadrePlans.DisciplineBarAsync(db, discipline, member.Id, on) is { } bar) errors.Add(new(CaseFields.Member, $"Cán bộ: đồng chí {member.FullName} {bar}."));
        }
        var retirement = settings.RetirementAge(member.Gender);
        if (AppointmentAgeRule.Check(CaseFields.Member, c.Kind, member.DateOfBirth, retirement, on, settings.AppointmentTermYears, member.FullName) is { } age) errors.Add(age);
        if (leaving is not null && TimeInPostRule.Check(CaseFields.FromHolding, c.Kind, leaving.FromDate, on, settings.MinimumMonthsInPost,
                await db.Posts.Where(x => x.Id == leaving.PostId).Select(x => x.Title).SingleAsync()) is { } tooSoon) errors.Add(tooSoon);
        if (target is not null && c.Kind.CreatesHolding())
        {
            var body = await db.PostKinds.Where(k => k.Code == target.KindCode).Select(k => k.Body).SingleAsync();
            var standing = await standings.OnAsync(member.Id, starts);
            if (PartyCommitteePostRule.Check(CaseFields.Member, body, standing?.IsOfficial ?? false, starts, member.FullName) is { } notOfficial) errors.Add(notOfficial);
            var others = await db.PostHoldings.AsNoTracking().Where(h => h.PostId == target.Id && h.Id != (leaving == null ? 0 : leaving.Id)).ToListAsync();
            if (others.Any(o => o.MemberId == member.Id && PostSeatsRule.Overlaps(o.FromDate, o.ToDate, starts, null)))
                errors.Add(new(CaseFields.Member, $"Cán bộ: đồng chí {member.FullName} đang giữ chức danh \"{target.Title}\" trong thời gian này."));
            else if (PostSeatsRule.Check(CaseFields.EffectiveOn, target.Seats, target.Title, others.Select(o => (o.FromDate, o.ToDate)), starts, null) is { } full) errors.Add(full);
        }
        if (errors.Count > 0) return Outcome<AppointmentCase>.Invalid(errors);

        var reference = $"{c.Kind.Label()} theo Quyết định số {number} ngày {VnFormat.Date(on)}";
        if (leaving is not null) (leaving.ToDate, leaving.EndReason) = (starts, reference);
        PostHolding? created = null;
        if (target is not null && c.Kind.CreatesHolding())
        {
            created = new PostHolding
            {
                PostId = target.Id, ManagingPath = target.ManagingPath, MemberId = member.Id, FromDate = starts, Basis = c.Kind.Basis(), DecisionNumber = number!,
                DecidedOn = on, RecordedBy = scope.UserName,
            };
            db.PostHoldings.Add(created);
        }
        (c.State, c.DecisionNumber, c.DecidedOn, c.EffectiveOn) = (CadreActState.Decided, number, on, starts);
        await using var tx = await db.Database.BeginTransactionAsync();
        var saved = created is null ? await Versions.TrySaveAsync(db)
            : await Versions.TrySaveWithParentAsync(db, db.Posts.Where(x => x.Id == target!.Id && x.Version == target.Version));
        if (!saved)
        {
            // The case itself changed meanwhile (decided, stopped, a step): 412 with it as stored. Else the post's seats did.
            var stored = await db.AppointmentCases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
            return stored.Version != versionRead ? Outcome<AppointmentCase>.Stale(stored)
                : Outcome<AppointmentCase>.Invalid([new(CaseFields.EffectiveOn, "Ngày có hiệu lực: chức danh vừa được người khác cập nhật; hãy tải lại trang và ghi lại.")]);
        }
        if (created is not null)
        {
            c.HoldingId = created.Id;
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        return Outcome<AppointmentCase>.Ok(c);
    }
}
