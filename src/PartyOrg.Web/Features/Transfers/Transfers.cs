using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

public sealed class TransferInput
{
    public int? MemberId { get; set; }
    public string? Kind { get; set; }
    public int? ToOrganizationId { get; set; }
    /// <summary>The receiving cell's code, as a clerk types it (used when no id is given).</summary>
    public string? ToOrganizationCode { get; set; }
    public string? IssuedOn { get; set; }
    public string? LetterNumber { get; set; }
    public string? Reason { get; set; }
    public string? ReturnOn { get; set; }
    public bool ForStudy { get; set; }
}

public sealed class TransferReceiptInput
{
    public string? ReceivedOn { get; set; }
    /// <summary>Required when the letter comes after its deadline: why it is late, for the committee to consider.</summary>
    public string? LateReason { get; set; }
}

/// <summary>The competent committee's decision on a letter received late: whether the late period counts in party age.</summary>
public sealed class TransferLateDecisionInput
{
    public string? Number { get; set; }
    public string? DecidedOn { get; set; }
    public bool? CountsInPartyAge { get; set; }
    public int? OrganizationId { get; set; }
}

/// <summary>
/// A transfer as both sides see it. <c>ReceivedLate</c>: the letter came after <c>PresentBy</c>; <c>AwaitingLateDecision</c>:
/// the committee has not yet decided on the late period (the worklist flags it); the decision's fields once it has.
/// </summary>
public sealed record TransferView(
    int Id, int MemberId, string MemberName, TransferKind Kind, string KindLabel, int FromOrganizationId, string FromOrganizationName,
    int ToOrganizationId, string ToOrganizationName, DateOnly IssuedOn, string? LetterNumber, DateOnly PresentBy, DateOnly? ReceivedOn,
    DateOnly? ReturnOn, TransferState State, string StateLabel, bool Open, bool Overdue, bool Outgoing, bool Incoming,
    bool ReceivedLate = false, bool AwaitingLateDecision = false, string? LateReason = null, string? LateDecisionNumber = null,
    DateOnly? LateDecidedOn = null, bool? LateCountsInPartyAge = null, int? LateDecisionOrganizationId = null, string? LateDecisionOrganizationName = null,
    string? LateMark = null);

/// <summary>
/// Transfers of party activity. The member stays placed in the sending cell until the receiving cell confirms, so they are never in
/// two cells nor in none; while in transit both sides see them with the deadline.
/// </summary>
public sealed class TransferLedger(AppDbContext db, Calendar calendar, ScopedWrites writes, Decisions.Standings standings)
{
    /// <summary>Received after the deadline and not yet decided on by the committee: flagged until it is.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<MemberTransfer, bool>> AwaitsLateDecision =
        t => t.ReceivedOn != null && t.ReceivedOn > t.PresentBy && t.LateDecidedOn == null
             && (t.State == TransferState.Received || t.State == TransferState.Returned);

    /// <summary>Not yet over: in transit, or a temporary stay the member has not come back from.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<MemberTransfer, bool>> IsOpen =
        t => t.State == TransferState.InTransit || (t.Kind == TransferKind.Temporary && t.State == TransferState.Received);

    private static readonly Func<MemberTransfer, bool> IsOpenNow = IsOpen.Compile();

    /// <summary>Transfers leaving or entering the scope (optionally one organization's subtree); open ones unless <paramref name="all"/>.</summary>
    public async Task<IReadOnlyList<TransferView>> ListAsync(UserScope scope, string? path, bool all)
    {
        var query = db.MemberTransfers.AsNoTracking();
        if (!all) query = query.Where(IsOpen);
        if (!scope.IsAdmin || path is not null)
        {
            IReadOnlyList<string> prefixes = path is null ? scope.Prefixes : [path];
            query = query.Where(PathRange.WithinAny<MemberTransfer>(t => t.FromPath, prefixes))
                .Union(query.Where(PathRange.WithinAny<MemberTransfer>(t => t.ToPath, prefixes)));
        }
        var rows = await query.OrderBy(t => t.PresentBy).Take(500).ToListAsync();
        return await ViewsAsync(scope, rows);
    }

    /// <summary>Late receipts in the scope still waiting for the committee's decision on the late period (the worklist's flag).</summary>
    public async Task<IReadOnlyList<TransferView>> AwaitingLateDecisionAsync(UserScope scope)
    {
        var query = db.MemberTransfers.AsNoTracking().Where(AwaitsLateDecision);
        if (!scope.IsAdmin)
            query = query.Where(PathRange.WithinAny<MemberTransfer>(t => t.FromPath, scope.Prefixes))
                .Union(query.Where(PathRange.WithinAny<MemberTransfer>(t => t.ToPath, scope.Prefixes)));
        return await ViewsAsync(scope, await query.OrderBy(t => t.ReceivedOn).ThenBy(t => t.Id).Take(500).ToListAsync());
    }

    /// <summary>One page of the same list, without the API's cap: leaving and entering the scope, nearest deadline first.</summary>
    public async Task<Page<TransferView>> PageAsync(UserScope scope, bool all, int? page, int? pageSize)
    {
        var query = db.MemberTransfers.AsNoTracking();
        if (!all) query = query.Where(IsOpen);
        if (!scope.IsAdmin)
            query = query.Where(PathRange.WithinAny<MemberTransfer>(t => t.FromPath, scope.Prefixes))
                .Union(query.Where(PathRange.WithinAny<MemberTransfer>(t => t.ToPath, scope.Prefixes)));
        var rows = await query.OrderBy(t => t.PresentBy).ThenBy(t => t.Id).ToPageAsync(query, page, pageSize);
        return rows.Map(await ViewsAsync(scope, rows.Items.ToList()));
    }

    /// <summary>The page's list: open transfers, or every one, or the late receipts awaiting the committee (<paramref name="late"/>).</summary>
    public async Task<Page<TransferView>> PageAsync(UserScope scope, bool all, bool late, int? page, int? pageSize)
    {
        if (!late) return await PageAsync(scope, all, page, pageSize);
        var query = db.MemberTransfers.AsNoTracking().Where(AwaitsLateDecision);
        if (!scope.IsAdmin)
            query = query.Where(PathRange.WithinAny<MemberTransfer>(t => t.FromPath, scope.Prefixes))
                .Union(query.Where(PathRange.WithinAny<MemberTransfer>(t => t.ToPath, scope.Prefixes)));
        var rows = await query.OrderBy(t => t.ReceivedOn).ThenBy(t => t.Id).ToPageAsync(query, page, pageSize);
        return rows.Map(await ViewsAsync(scope, rows.Items.ToList()));
    }

    public async Task<TransferView?> GetAsync(UserScope scope, int id)
    {
        var t = await db.MemberTransfers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (t is null || !(scope.Covers(t.FromPath) || scope.Covers(t.ToPath))) return null;
        return (await ViewsAsync(scope, [t]))[0];
    }

    /// <summary>The receiving cell's path of a transfer (whoever may write there receives it and records the late decision).</summary>
    public Task<string?> ToPathAsync(int id) => db.MemberTransfers.AsNoTracking().Where(t => t.Id == id).Select(t => t.ToPath).FirstOrDefaultAsync();

    private async Task<IReadOnlyList<TransferView>> ViewsAsync(UserScope scope, List<MemberTransfer> rows)
    {
        var memberIds = rows.Select(t => t.MemberId).Distinct().ToList();
        var orgIds = rows.SelectMany(t => new[] { t.FromOrganizationId, t.ToOrganizationId, t.LateDecisionOrganizationId ?? t.FromOrganizationId }).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var orgs = await OrganizationNames.OfAsync(db, orgIds);
        var today = calendar.Today;
        return rows.Select(t => new TransferView(
            t.Id, t.MemberId, names[t.MemberId], t.Kind, t.Kind.Label(), t.FromOrganizationId, orgs[t.FromOrganizationId], t.ToOrganizationId,
            orgs[t.ToOrganizationId], t.IssuedOn, t.LetterNumber, t.PresentBy, t.ReceivedOn, t.ReturnOn, t.State, t.State.Label(), IsOpenNow(t),
            t.State == TransferState.InTransit && today > t.PresentBy, scope.Covers(t.FromPath), scope.Covers(t.ToPath),
            ReceivedLate(t), ReceivedLate(t) && t.LateDecidedOn is null, t.LateReason, t.LateDecisionNumber, t.LateDecidedOn, t.LateCountsInPartyAge,
            t.LateDecisionOrganizationId, t.LateDecisionOrganizationId is { } o ? orgs[o] : null, LateMark(t))).ToList();
    }

    private static bool ReceivedLate(MemberTransfer t) => t.ReceivedOn is { } r && LateTransferRule.IsLate(t.PresentBy, r);

    /// <summary>What a late receipt shows: waiting for the committee, or its decision on the late period.</summary>
    public static string? LateMark(MemberTransfer t) =>
        !ReceivedLate(t) ? null
        : t.LateDecidedOn is null ? LateTransferRule.AwaitingMark
        : t.LateCountsInPartyAge == true ? $"nộp giấy giới thiệu quá hạn — cấp ủy quyết định tính vào tuổi đảng (số {t.LateDecisionNumber}, ngày {VnFormat.Date(t.LateDecidedOn)})"
        : $"nộp giấy giới thiệu quá hạn — cấp ủy quyết định không tính vào tuổi đảng {VnFormat.Number(t.ReceivedOn!.Value.DayNumber - t.PresentBy.DayNumber)} ngày (số {t.LateDecisionNumber}, ngày {VnFormat.Date(t.LateDecidedOn)})";

    public async Task<Outcome<MemberTransfer>> IssueAsync(UserScope scope, TransferInput input)
    {
        var member = input.MemberId is { } id ? await scope.Filter(db.Members).SingleOrDefaultAsync(m => m.Id == id) : null;
        if (member is null) return Outcome<MemberTransfer>.NotFound();
        if (!scope.CanWriteAt(member.OrgPath)) return Outcome<MemberTransfer>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, TransferFields.Label);
        var kind = p.Enum<TransferKind>(TransferFields.Kind, input.Kind);
        var issuedOn = p.Date(TransferFields.IssuedOn, input.IssuedOn, required: true);
        var returnOn = p.Date(TransferFields.ReturnOn, input.ReturnOn, required: false);
        var letter = p.Required(TransferFields.LetterNumber, input.LetterNumber);
        if (!member.Status.IsActive()) errors.Add(new(TransferFields.Member, $"Đảng viên: đồng chí {member.FullName} đã {member.Status.Label().ToLowerInvariant()}."));
        // A letter dated in the past is judged on its date: the member must have been active in the party then.
        else if (issuedOn is { } dated && await standings.OnAsync(member.Id, dated) is { } then)
        {
            if (!then.IsActive)
                errors.Add(new(TransferFields.IssuedOn, $"Ngày giới thiệu chuyển đi: ngày {VnFormat.Date(dated)} đồng chí {member.FullName} {then.NotActiveReason()}."));
            // No transfer while a disciplinary decision is in force on the letter's date (QĐ 69-QĐ/TW Art. 2).
            else if (PartyOrg.Domain.Discipline.DisciplineTransferRule.Check(TransferFields.IssuedOn, member.FullName, dated, then.DisciplineInForce) is { } barred)
                errors.Add(barred);
        }
        if (await db.MemberTransfers.Where(t => t.MemberId == member.Id).AnyAsync(IsOpen))
            errors.Add(new(TransferFields.Member, $"Đảng viên: đồng chí {member.FullName} đang có một lần chuyển sinh hoạt chưa kết thúc."));
        if (issuedOn > calendar.Today) errors.Add(new(TransferFields.IssuedOn, "Ngày giới thiệu chuyển đi: không được sau ngày hôm nay."));
        if (kind == TransferKind.Temporary && issuedOn is { } io) errors.AddRange(TransferRule.CheckTemporary(io, returnOn, input.ForStudy));
        // The receiving cell may lie anywhere in the country: it is looked up outside the sender's scope, by id or code.
        var code = InputParsing.Optional(input.ToOrganizationCode);
        var to = input.ToOrganizationId is { } toId ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == toId)
            : code is not null ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code) : null;
        if (to is null) errors.Add(new(TransferFields.ToOrganization, "Chi bộ nơi đến: phải chọn một chi bộ đang hoạt động."));
        else if (!to.Type.IsCell() || to.EndedOn is not null) errors.Add(new(TransferFields.ToOrganization, $"Chi bộ nơi đến: \"{to.Name}\" không phải chi bộ đang hoạt động."));
        else if (to.Id == member.OrganizationId) errors.Add(new(TransferFields.ToOrganization, "Chi bộ nơi đến: trùng với chi bộ đang sinh hoạt."));
        if (errors.Count > 0) return Outcome<MemberTransfer>.Invalid(errors);

        var transfer = new MemberTransfer
        {
            MemberId = member.Id, Kind = kind!.Value, FromOrganizationId = member.OrganizationId, FromPath = member.OrgPath,
            ToOrganizationId = to!.Id, ToPath = to.Path, IssuedOn = issuedOn!.Value, LetterNumber = letter,
            Reason = InputParsing.Optional(input.Reason), PresentBy = TransferRule.PresentBy(issuedOn.Value, await calendar.WorkingAsync()),
            ReturnOn = kind == TransferKind.Temporary ? returnOn : null, ForStudy = input.ForStudy, State = TransferState.InTransit,
        };
        db.MemberTransfers.Add(transfer);
        await db.SaveChangesAsync();
        return Outcome<MemberTransfer>.Ok(transfer);
    }

    /// <summary>The receiving side confirms: an official transfer moves the member's placement; a temporary one keeps the home cell.</summary>
    public async Task<Outcome<MemberTransfer>> ReceiveAsync(UserScope scope, int id, TransferReceiptInput input)
    {
        var t = await db.MemberTransfers.SingleOrDefaultAsync(x => x.Id == id);
        if (t is null || !(scope.Covers(t.FromPath) || scope.Covers(t.ToPath))) return Outcome<MemberTransfer>.NotFound();
        if (!scope.CanWriteAt(t.ToPath)) return Outcome<MemberTransfer>.Forbidden();
        var errors = new List<FieldError>();
        var receivedOn = new InputParsing(errors, TransferFields.Label).Date(TransferFields.ReceivedOn, input.ReceivedOn, required: true);
        if (t.State != TransferState.InTransit) errors.Add(new(TransferFields.ReceivedOn, $"Ngày tiếp nhận: việc chuyển đã ở trạng thái \"{t.State.Label()}\"."));
        if (receivedOn is { } r && (r < t.IssuedOn || r > calendar.Today))
            errors.Add(new(TransferFields.ReceivedOn, $"Ngày tiếp nhận: phải từ ngày giới thiệu ({VnFormat.Date(t.IssuedOn)}) đến hôm nay."));
        if (receivedOn is { } on && t.Kind == TransferKind.Official
            && ScopedWrites.OpensWithinLife(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == t.ToOrganizationId), on, TransferFields.ReceivedOn, TransferFields.Label(TransferFields.ToOrganization)) is { } outsideLife)
            errors.Add(outsideLife);
        var lateReason = InputParsing.Optional(input.LateReason);
        if (receivedOn is { } rl && t.State == TransferState.InTransit) errors.AddRange(LateTransferRule.CheckReceipt(t.PresentBy, rl, lateReason));
        if (errors.Count > 0) return Outcome<MemberTransfer>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync();
        (t.State, t.ReceivedOn) = (TransferState.Received, receivedOn);
        // A late letter keeps its reason and waits for the committee; an on-time one keeps none.
        t.LateReason = LateTransferRule.IsLate(t.PresentBy, receivedOn!.Value) ? lateReason : null;
        if (t.Kind == TransferKind.Official)
        {
            var member = await db.Members.SingleAsync(m => m.Id == t.MemberId);
            await writes.ClosePlacementAsync(member.Id, receivedOn!.Value);
            (member.OrganizationId, member.OrgPath) = (t.ToOrganizationId, t.ToPath);
            writes.OpenPlacement(member, receivedOn.Value);
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<MemberTransfer>.Ok(t);
    }

    /// <summary>
    /// The competent committee's decision on a letter received late: whether the late period counts in party age. Recorded by the
    /// receiving side (whose committee decides), once; the receipt stays flagged until then.
    /// </summary>
    public async Task<Outcome<MemberTransfer>> DecideLateAsync(UserScope scope, int id, TransferLateDecisionInput input)
    {
        var t = await db.MemberTransfers.SingleOrDefaultAsync(x => x.Id == id);
        if (t is null || !(scope.Covers(t.FromPath) || scope.Covers(t.ToPath))) return Outcome<MemberTransfer>.NotFound();
        if (!scope.CanWriteAt(t.ToPath)) return Outcome<MemberTransfer>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, TransferFields.Label);
        var decidedOn = p.Date(TransferFields.LateDecidedOn, input.DecidedOn, required: false);
        var number = InputParsing.Optional(input.Number);
        if (t.LateDecidedOn is not null)
            errors.Add(new(TransferFields.LateDecisionNumber, $"Quyết định về việc nộp giấy giới thiệu quá hạn: đã ghi (số {t.LateDecisionNumber}, ngày {VnFormat.Date(t.LateDecidedOn)})."));
        else if (errors.Count == 0)
            errors.AddRange(LateTransferRule.CheckDecision(t.PresentBy, t.State is TransferState.Received or TransferState.Returned ? t.ReceivedOn : null,
                number, decidedOn, input.CountsInPartyAge, input.OrganizationId is not null, calendar.Today));
        if (errors.Count == 0 && await CommitteeAboveErrorAsync(t, input.OrganizationId!.Value, decidedOn!.Value) is { } committeeError) errors.Add(committeeError);
        if (errors.Count > 0) return Outcome<MemberTransfer>.Invalid(errors);
        (t.LateDecisionNumber, t.LateDecidedOn, t.LateCountsInPartyAge, t.LateDecisionOrganizationId) = (number, decidedOn, input.CountsInPartyAge, input.OrganizationId);
        await db.SaveChangesAsync();
        return Outcome<MemberTransfer>.Ok(t);
    }

    /// <summary>The committee deciding on a late letter stands above the receiving cell and may decide on members (not a cell or party group).</summary>
    private async Task<FieldError?> CommitteeAboveErrorAsync(MemberTransfer t, int committeeId, DateOnly on)
    {
        const string field = TransferFields.LateOrganization;
        var label = TransferFields.Label(field);
        var committee = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == committeeId);
        if (committee is null || !t.ToPath.StartsWith(committee.Path, StringComparison.Ordinal) || committee.Id == t.ToOrganizationId)
            return new(field, $"{label}: phải là cấp ủy cấp trên của chi bộ nơi đến.");
        if (!committee.Type.MayDecideAdmission())
            return new(field, $"{label}: {committee.Type.Label()} không có thẩm quyền quyết định việc này.");
        if (!committee.IsActiveOn(on))
            return new(field, $"{label}: \"{committee.Name}\" không hoạt động vào ngày {VnFormat.Date(on)}.");
        return null;
    }

    /// <summary>The sending side withdraws a letter not yet received, or closes a temporary transfer when the member is back.</summary>
    public async Task<Outcome<MemberTransfer>> CloseAsync(UserScope scope, int id)
    {
        var t = await db.MemberTransfers.SingleOrDefaultAsync(x => x.Id == id);
        if (t is null || !(scope.Covers(t.FromPath) || scope.Covers(t.ToPath))) return Outcome<MemberTransfer>.NotFound();
        if (!scope.CanWriteAt(t.FromPath)) return Outcome<MemberTransfer>.Forbidden();
        if (t.State == TransferState.InTransit) t.State = TransferState.Cancelled;
        else if (IsOpenNow(t)) t.State = TransferState.Returned;
        else return Outcome<MemberTransfer>.Invalid([new(TransferFields.Kind, $"Việc chuyển đã ở trạng thái \"{t.State.Label()}\".")]);
        await db.SaveChangesAsync();
        return Outcome<MemberTransfer>.Ok(t);
    }
}
