using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

/// <summary>
/// From which day a decision binds (<c>Discipline:InForceFrom</c> = <c>Decision</c> or <c>Announcement</c>): the text was not
/// found (REGULATIONS.md §14 quotes only the lapse "12 tháng, kể từ ngày công bố"), so it is a named setting, default the decision's date.
/// </summary>
public sealed record DisciplineSettings(DisciplineStart Start)
{
    public const string SettingName = "Discipline:InForceFrom";

    public static DisciplineSettings FromSetting(string? value) =>
        string.IsNullOrWhiteSpace(value) ? new(DisciplineStart.Decision)
        : Enum.TryParse<DisciplineStart>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) ? new(s)
        : throw new InvalidOperationException($"{SettingName}: \"{value}\" phải là Decision hoặc Announcement.");

    public string Label => Start == DisciplineStart.Decision
        ? "Quyết định kỷ luật được tính có hiệu lực từ ngày quyết định (thiết lập Discipline:InForceFrom; văn bản chưa tìm thấy)"
        : "Quyết định kỷ luật được tính có hiệu lực từ ngày công bố (thiết lập Discipline:InForceFrom; văn bản chưa tìm thấy)";
}

public sealed class DisciplineInput
{
    public string? Form { get; set; }
    public string? DecidedOn { get; set; }
    public string? AnnouncedOn { get; set; }
    public string? Number { get; set; }
    public int? IssuerOrganizationId { get; set; }
    public string? Violation { get; set; }
}

/// <summary>A complaint: filed (pending), then decided with an outcome (Upheld, Reduced with reducedTo, Annulled).</summary>
public sealed class ComplaintInput
{
    public string? FiledOn { get; set; }
    public string? DecidedOn { get; set; }
    public string? Outcome { get; set; }
    public string? ReducedTo { get; set; }
    public string? Number { get; set; }
}

public sealed record DisciplineView(
    int Id, DisciplineSubject Subject, int? MemberId, int? OrganizationId, string SubjectName, DisciplineForm Form, string FormLabel,
    DateOnly DecidedOn, DateOnly AnnouncedOn, string? Number, int IssuerOrganizationId, string IssuerName, string? Violation,
    DateOnly? ComplaintFiledOn, DateOnly? ComplaintDecidedOn, ComplaintOutcome? ComplaintOutcome, string? ComplaintOutcomeLabel,
    DisciplineForm? ReducedTo, string? ComplaintNumber, bool ComplaintPending, DateOnly AsOf, bool InForce, DateOnly? InForceUntil,
    string InForceNote, string RecordedBy, int Version);

public static class DisciplineFields
{
    public const string Form = "form", DecidedOn = "decidedOn", AnnouncedOn = "announcedOn", Number = "number",
        Issuer = "issuerOrganizationId", Violation = "violation", FiledOn = "filedOn", Outcome = "outcome", ReducedTo = "reducedTo";

    public static string Label(string field) => field switch
    {
        Form => "Hình thức kỷ luật",
        DecidedOn => "Ngày quyết định",
        AnnouncedOn => "Ngày công bố",
        Number => "Số quyết định",
        Issuer => "Cấp ủy, ủy ban kiểm tra quyết định",
        Violation => "Nội dung vi phạm",
        FiledOn => "Ngày khiếu nại",
        Outcome => "Kết quả giải quyết khiếu nại",
        ReducedTo => "Hình thức sau khi giảm",
        _ => field,
    };
}

/// <summary>
/// Records discipline on members and organizations and answers which decisions are in force on a date. Khai trừ is also an exit
/// (a MemberDecision of kind Expulsion closes the placement); giải tán ends the organization. Only commission staff (or an
/// administrator) with write rights over the subject record; cell secretaries read.
/// </summary>
public sealed class DisciplineRegister(AppDbContext db, Calendar calendar, ScopedWrites writes, Standings standings, DisciplineSettings settings)
{
    public DisciplineSettings Settings => settings;

    public async Task<IReadOnlyList<DisciplineView>?> ForMemberAsync(UserScope scope, int memberId, DateOnly asOf)
    {
        if (!await scope.Filter(db.Members.AsNoTracking()).AnyAsync(m => m.Id == memberId)) return null;
        return await ViewsAsync(await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId == memberId).ToListAsync(), asOf);
    }

    public async Task<IReadOnlyList<DisciplineView>?> ForOrganizationAsync(UserScope scope, int organizationId, DateOnly asOf)
    {
        if (!await scope.Filter(db.Organizations.AsNoTracking()).AnyAsync(o => o.Id == organizationId)) return null;
        return await ViewsAsync(await db.DisciplineDecisions.AsNoTracking().Where(d => d.OrganizationId == organizationId).ToListAsync(), asOf);
    }

    /// <summary>The decisions of a year in a subtree (members and organizations), in force or lapsed on <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<DisciplineView>> OfYearAsync(UserScope scope, string path, int year, DateOnly asOf)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await scope.FilterByPath(db.DisciplineDecisions.AsNoTracking(), d => d.OrgPath)
            .Where(PathRange.WithinAny<DisciplineDecision>(d => d.OrgPath, [path]))
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to).ToListAsync();
        return await ViewsAsync(rows, asOf);
    }

    /// <summary>The discipline periods of each member, for the standing (<see cref="MemberStanding"/>).</summary>
    public static async Task<Dictionary<int, List<DisciplinePeriod>>> PeriodsOfMembersAsync(AppDbContext db, IReadOnlyCollection<int> memberIds, DisciplineStart start)
    {
        var rows = await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId != null && memberIds.Contains(d.MemberId.Value)).ToListAsync();
        return rows.GroupBy(d => d.MemberId!.Value).ToDictionary(g => g.Key,
            g => DisciplineLapseRule.Periods(g.Select(d => d.Facts()), start).Select(DisciplineLapseRule.ToStanding).ToList());
    }

    private async Task<IReadOnlyList<DisciplineView>> ViewsAsync(List<DisciplineDecision> rows, DateOnly asOf)
    {
        if (rows.Count == 0) return [];
        // Every decision on the same subjects: a later one (a new violation) holds an earlier one.
        var memberIds = rows.Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).Distinct().ToList();
        var orgIds = rows.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var all = await db.DisciplineDecisions.AsNoTracking()
            .Where(d => (d.MemberId != null && memberIds.Contains(d.MemberId.Value)) || (d.OrganizationId != null && orgIds.Contains(d.OrganizationId.Value)))
            .ToListAsync();
        var periods = all.GroupBy(d => (d.Subject, Id: d.MemberId ?? d.OrganizationId ?? 0))
            .SelectMany(g => DisciplineLapseRule.Periods(g.Select(d => d.Facts()), settings.Start)).ToLookup(p => p.Id);
        var memberNames = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var orgNames = await OrganizationNames.OfAsync(db, orgIds.Concat(rows.Select(r => r.IssuerOrganizationId)));
        return rows.OrderByDescending(r => r.DecidedOn).ThenByDescending(r => r.Id).Select(r =>
        {
            var own = periods[r.Id].ToList();
            var inForce = own.Any(p => p.InForceOn(asOf));
            DateOnly? until = own.Count == 0 ? r.ComplaintDecidedOn : own.Any(p => p.Until is null) ? null : own.Max(p => p.Until);
            var pending = r.ComplaintFiledOn is not null && r.ComplaintDecidedOn is null;
            var note = r.ComplaintOutcome == ComplaintOutcome.Annulled ? "đã bị hủy bỏ khi giải quyết khiếu nại"
                : r.Form.NeverLapses() && r.ComplaintOutcome != ComplaintOutcome.Reduced ? "không có thời hạn chấm dứt hiệu lực"
                : pending ? "đang khiếu nại: chưa chấm dứt hiệu lực"
                : until is { } u ? (inForce ? $"còn hiệu lực đến hết ngày {VnFormat.Date(u.AddDays(-1))}" : $"đã chấm dứt hiệu lực từ ngày {VnFormat.Date(u)}")
                : "có vi phạm mới: chưa chấm dứt hiệu lực";
            var subject = r.MemberId is { } mid ? memberNames.GetValueOrDefault(mid, "") : orgNames.GetValueOrDefault(r.OrganizationId ?? 0, "");
            return new DisciplineView(r.Id, r.Subject, r.MemberId, r.OrganizationId, subject, r.Form, r.Form.Label(), r.DecidedOn, r.AnnouncedOn,
                r.Number, r.IssuerOrganizationId, orgNames.GetValueOrDefault(r.IssuerOrganizationId, ""), r.Violation, r.ComplaintFiledOn,
                r.ComplaintDecidedOn, r.ComplaintOutcome, r.ComplaintOutcome?.Label(), r.ReducedTo, r.ComplaintNumber, pending, asOf, inForce,
                until, note, r.RecordedBy, r.Version);
        }).ToList();
    }

    /// <summary>Only commission staff and administrators record discipline, and only with write rights over the subject.</summary>
    private static bool MayRecord(UserScope scope, string path) =>
        (scope.IsAdmin || scope.Role == Roles.Commission) && scope.CanWriteAt(path);

    private sealed record Common(DisciplineForm? Form, DateOnly? DecidedOn, DateOnly? AnnouncedOn, string? Number, string? Violation);

    private Common Parse(DisciplineInput input, List<FieldError> errors)
    {
        var p = new InputParsing(errors, DisciplineFields.Label);
        var form = p.Enum<DisciplineForm>(DisciplineFields.Form, input.Form);
        var decided = p.Date(DisciplineFields.DecidedOn, input.DecidedOn, required: true);
        var announced = p.Date(DisciplineFields.AnnouncedOn, input.AnnouncedOn, required: true);
        var number = p.Required(DisciplineFields.Number, input.Number);
        var violation = p.Required(DisciplineFields.Violation, input.Violation);
        var today = calendar.Today;
        if (decided > today) errors.Add(new(DisciplineFields.DecidedOn, "Ngày quyết định: không được sau ngày hôm nay."));
        if (announced > today) errors.Add(new(DisciplineFields.AnnouncedOn, "Ngày công bố: không được sau ngày hôm nay."));
        if (decided is { } d && announced is { } a && a < d)
            errors.Add(new(DisciplineFields.AnnouncedOn, $"Ngày công bố: không được trước ngày quyết định ({VnFormat.Date(d)})."));
        return new(form, decided, announced, number, violation);
    }

    /// <summary>
    /// The issuer: a committee above the subject on the decision's date (not a cell, sub-committee or party group), active then. The
    /// tree has no inspection-commission organizations: a decision of an inspection commission is recorded under its committee.
    /// </summary>
    private async Task<Organization?> IssuerAsync(int? issuerId, string subjectPath, bool subjectIsOrganization, DateOnly? on, List<FieldError> errors)
    {
        const string f = DisciplineFields.Issuer;
        if (issuerId is null) { errors.Add(new(f, $"{DisciplineFields.Label(f)}: phải chọn cấp ủy.")); return null; }
        var ancestors = Organization.IdsOnPath(subjectPath).ToList();
        if (subjectIsOrganization && ancestors.Count > 0) ancestors.RemoveAt(ancestors.Count - 1);
        var issuer = ancestors.Contains(issuerId.Value) ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == issuerId) : null;
        if (issuer is null) { errors.Add(new(f, $"{DisciplineFields.Label(f)}: phải là cấp ủy cấp trên của đối tượng bị kỷ luật.")); return null; }
        if (!issuer.Type.MayDecideAdmission())
            errors.Add(new(f, $"{DisciplineFields.Label(f)}: \"{issuer.Name}\" không phải cấp ủy có thẩm quyền (chi bộ, đảng bộ bộ phận, tổ đảng không quyết định kỷ luật ở đây)."));
        else if (on is { } d && !issuer.IsActiveOn(d))
            errors.Add(new(f, $"{DisciplineFields.Label(f)}: ngày {VnFormat.Date(d)} \"{issuer.Name}\" không hoạt động."));
        return issuer;
    }

    public async Task<Outcome<DisciplineDecision>> RecordForMemberAsync(UserScope scope, int memberId, DisciplineInput input)
    {
        var member = await scope.Filter(db.Members).SingleOrDefaultAsync(m => m.Id == memberId);
        if (member is null) return Outcome<DisciplineDecision>.NotFound();
        if (!MayRecord(scope, member.OrgPath)) return Outcome<DisciplineDecision>.Forbidden();
        var errors = new List<FieldError>();
        var c = Parse(input, errors);
        var path = member.OrgPath;
        if (c.DecidedOn is { } on)
        {
            // The member as they stood on the decision's date: probationary or official then, and in which cell.
            var standing = (await standings.OnAsync(member.Id, on))!;
            if (c.Form is { } form && DisciplineFormRule.CheckMember(DisciplineFields.Form, form, standing, member.FullName) is { } formError) errors.Add(formError);
            if (standing.OrganizationId is { } cellThen && cellThen != member.OrganizationId)
                path = await db.Organizations.AsNoTracking().Where(o => o.Id == cellThen).Select(o => o.Path).SingleAsync();
            if (c.Form == DisciplineForm.Expulsion)
            {
                var latest = await db.MemberDecisions.AsNoTracking().Where(d => d.MemberId == member.Id).MaxAsync(d => (DateOnly?)d.DecidedOn);
                if (latest is { } last && on < last)
                    errors.Add(new(DisciplineFields.DecidedOn, $"Ngày quyết định: khai trừ không được trước quyết định đã ghi gần nhất của đồng chí {member.FullName} (ngày {VnFormat.Date(last)})."));
                if (!member.Status.IsActive())
                    errors.Add(new(DisciplineFields.Form, $"Hình thức kỷ luật: đồng chí {member.FullName} đã {member.Status.Label().ToLowerInvariant()}."));
                if (await db.MemberTransfers.AnyAsync(t => t.MemberId == member.Id && t.State == TransferState.InTransit))
                    errors.Add(new(DisciplineFields.Form, "Hình thức kỷ luật: đảng viên đang chuyển sinh hoạt; tiếp nhận hoặc hủy việc chuyển trước khi khai trừ."));
            }
        }
        var issuer = await IssuerAsync(input.IssuerOrganizationId, path, false, c.DecidedOn, errors);
        if (errors.Count > 0) return Outcome<DisciplineDecision>.Invalid(errors);

        var decision = new DisciplineDecision
        {
            Subject = DisciplineSubject.Member, MemberId = member.Id, OrgPath = path, Form = c.Form!.Value, DecidedOn = c.DecidedOn!.Value,
            AnnouncedOn = c.AnnouncedOn!.Value, Number = c.Number, IssuerOrganizationId = issuer!.Id, Violation = c.Violation, RecordedBy = scope.UserName,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        db.DisciplineDecisions.Add(decision);
        if (decision.Form == DisciplineForm.Expulsion)
        {
            // Khai trừ is also an exit, recorded as the existing exits are: the status follows, the placement closes on the date.
            db.MemberDecisions.Add(new MemberDecision
            {
                MemberId = member.Id, Kind = DecisionKind.Expulsion, DecidedOn = decision.DecidedOn, Number = decision.Number,
                IssuerOrganizationId = issuer.Id, Reason = decision.Violation, RecordedBy = scope.UserName,
            });
            member.Status = DecisionKind.Expulsion.ResultingStatus();
            await writes.ClosePlacementAsync(member.Id, decision.DecidedOn);
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<DisciplineDecision>.Ok(decision);
    }

    public async Task<Outcome<DisciplineDecision>> RecordForOrganizationAsync(UserScope scope, int organizationId, DisciplineInput input)
    {
        var org = await scope.Filter(db.Organizations).SingleOrDefaultAsync(o => o.Id == organizationId);
        if (org is null) return Outcome<DisciplineDecision>.NotFound();
        if (!MayRecord(scope, org.Path)) return Outcome<DisciplineDecision>.Forbidden();
        var errors = new List<FieldError>();
        var c = Parse(input, errors);
        if (c.Form is { } form && DisciplineFormRule.CheckOrganization(DisciplineFields.Form, form) is { } formError) errors.Add(formError);
        if (c.DecidedOn is { } on && !org.IsActiveOn(on))
            errors.Add(new(DisciplineFields.DecidedOn, $"Ngày quyết định: ngày {VnFormat.Date(on)} \"{org.Name}\" không hoạt động."));
        if (c.Form == DisciplineForm.Dissolution && c.DecidedOn is { } end)
        {
            // Giải tán ends the organization: nobody may still be active in it and no child may outlive it.
            var activeMembers = await db.Members.AsNoTracking().Where(PathRange.WithinAny<Member>(m => m.OrgPath, [org.Path]))
                .CountAsync(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
            var activeChildren = await db.Organizations.AsNoTracking().CountAsync(o => o.ParentId == org.Id && (o.EndedOn == null || o.EndedOn > end));
            if (activeMembers > 0)
                errors.Add(new(DisciplineFields.Form, $"Hình thức kỷ luật: \"{org.Name}\" còn {VnFormat.Number(activeMembers)} đảng viên đang sinh hoạt; chuyển sinh hoạt hoặc giải quyết đảng tịch của họ trước khi giải tán."));
            if (activeChildren > 0)
                errors.Add(new(DisciplineFields.Form, $"Hình thức kỷ luật: \"{org.Name}\" còn {VnFormat.Number(activeChildren)} tổ chức trực thuộc đang hoạt động; kết thúc hoặc chuyển các tổ chức đó trước khi giải tán."));
            if (org.EndedOn is not null)
                errors.Add(new(DisciplineFields.Form, $"Hình thức kỷ luật: \"{org.Name}\" đã kết thúc hoạt động."));
        }
        var issuer = await IssuerAsync(input.IssuerOrganizationId, org.Path, true, c.DecidedOn, errors);
        if (errors.Count > 0) return Outcome<DisciplineDecision>.Invalid(errors);

        var decision = new DisciplineDecision
        {
            Subject = DisciplineSubject.Organization, OrganizationId = org.Id, OrgPath = org.Path, Form = c.Form!.Value, DecidedOn = c.DecidedOn!.Value,
            AnnouncedOn = c.AnnouncedOn!.Value, Number = c.Number, IssuerOrganizationId = issuer!.Id, Violation = c.Violation, RecordedBy = scope.UserName,
        };
        db.DisciplineDecisions.Add(decision);
        if (decision.Form == DisciplineForm.Dissolution)
            (org.EndedOn, org.State, org.EndReason) = (decision.DecidedOn, OrganizationState.Dissolved, $"Giải tán theo quyết định kỷ luật số {decision.Number} ngày {VnFormat.Date(decision.DecidedOn)}");
        await db.SaveChangesAsync();
        return Outcome<DisciplineDecision>.Ok(decision);
    }

    /// <summary>A complaint: first filed (the decision is held while pending), then decided once; nothing is overwritten after that.</summary>
    public async Task<Outcome<DisciplineDecision>> ComplaintAsync(UserScope scope, int id, ComplaintInput input, int? expectedVersion = null)
    {
        var d = await scope.FilterByPath(db.DisciplineDecisions, x => x.OrgPath).SingleOrDefaultAsync(x => x.Id == id);
        if (d is null) return Outcome<DisciplineDecision>.NotFound();
        if (!MayRecord(scope, d.OrgPath)) return Outcome<DisciplineDecision>.Forbidden();
        if (!Versions.Expect(db, d, expectedVersion)) return Outcome<DisciplineDecision>.Stale(d);
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, DisciplineFields.Label);
        var filed = p.Date(DisciplineFields.FiledOn, input.FiledOn, required: true);
        var decided = p.Date(DisciplineFields.DecidedOn, input.DecidedOn, required: false);
        var today = calendar.Today;
        if (d.ComplaintDecidedOn is not null)
            errors.Add(new(DisciplineFields.Outcome, $"Kết quả giải quyết khiếu nại: đã ghi ngày {VnFormat.Date(d.ComplaintDecidedOn)} ({d.ComplaintOutcome?.Label()}); không sửa lại."));
        if (filed is { } f)
        {
            if (f < d.AnnouncedOn) errors.Add(new(DisciplineFields.FiledOn, $"Ngày khiếu nại: không được trước ngày công bố quyết định ({VnFormat.Date(d.AnnouncedOn)})."));
            if (f > today) errors.Add(new(DisciplineFields.FiledOn, "Ngày khiếu nại: không được sau ngày hôm nay."));
            if (d.ComplaintFiledOn is { } was && was != f) errors.Add(new(DisciplineFields.FiledOn, $"Ngày khiếu nại: đã ghi ngày {VnFormat.Date(was)}."));
        }
        ComplaintOutcome? outcome = null;
        DisciplineForm? reducedTo = null;
        if (decided is { } dd)
        {
            if (filed is { } ff && dd < ff) errors.Add(new(DisciplineFields.DecidedOn, "Ngày giải quyết khiếu nại: không được trước ngày khiếu nại."));
            if (dd > today) errors.Add(new(DisciplineFields.DecidedOn, "Ngày giải quyết khiếu nại: không được sau ngày hôm nay."));
            outcome = p.Enum<ComplaintOutcome>(DisciplineFields.Outcome, input.Outcome);
            if (outcome is not null and not ComplaintOutcome.Upheld && d.Form.NeverLapses())
                errors.Add(new(DisciplineFields.Outcome, $"Kết quả giải quyết khiếu nại: hệ thống chưa ghi việc giảm hoặc hủy quyết định {d.Form.Label().ToLowerInvariant()} (khôi phục đảng tịch, tổ chức); chỉ ghi \"giữ nguyên\"."));
            else if (outcome == ComplaintOutcome.Reduced)
            {
                reducedTo = p.Enum<DisciplineForm>(DisciplineFields.ReducedTo, input.ReducedTo);
                if (reducedTo is { } r && (r >= d.Form || !DisciplineFormRule.FormsFor(d.Subject).Contains(r)))
                    errors.Add(new(DisciplineFields.ReducedTo, $"Hình thức sau khi giảm: phải nhẹ hơn {d.Form.Label().ToLowerInvariant()}."));
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Outcome))
            errors.Add(new(DisciplineFields.DecidedOn, "Ngày giải quyết khiếu nại: phải ghi khi có kết quả."));
        if (errors.Count > 0) return Outcome<DisciplineDecision>.Invalid(errors);
        d.ComplaintFiledOn = filed;
        if (decided is not null)
            (d.ComplaintDecidedOn, d.ComplaintOutcome, d.ReducedTo, d.ComplaintNumber) = (decided, outcome, reducedTo, InputParsing.Optional(input.Number));
        if (!await Versions.TrySaveAsync(db)) return Outcome<DisciplineDecision>.Stale(d);
        return Outcome<DisciplineDecision>.Ok(d);
    }

    /// <summary>The committees a user may pick as issuer for a subject: the committees above it, nearest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> IssuersAsync(string subjectPath, bool subjectIsOrganization)
    {
        var ids = Organization.IdsOnPath(subjectPath).ToList();
        if (subjectIsOrganization && ids.Count > 0) ids.RemoveAt(ids.Count - 1);
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        return orgs.Where(o => o.Type.MayDecideAdmission()).OrderByDescending(o => o.Depth).Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<DisciplineView?> GetAsync(UserScope scope, int id, DateOnly asOf)
    {
        var d = await scope.FilterByPath(db.DisciplineDecisions.AsNoTracking(), x => x.OrgPath).SingleOrDefaultAsync(x => x.Id == id);
        return d is null ? null : (await ViewsAsync([d], asOf))[0];
    }
}
