using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Decisions;

public sealed record DecisionView(int Id, int MemberId, DecisionKind Kind, string KindLabel, DateOnly DecidedOn, string? Number, string? Reason,
    NameRemovalCase? RemovalCase, string? ConsentDocument, string RecordedBy, string? RemovalCaseLabel = null, bool SeriousDisunity = false);

/// <summary>
/// Records recognition, exits and readmission as dated decisions. The member's status follows the decision; an exit closes the
/// placement, so the member stays readable in history where they were.
/// </summary>
public sealed class MemberDecisions(AppDbContext db, Calendar calendar, ScopedWrites writes, Standings standings)
{
    public async Task<IReadOnlyList<DecisionView>?> ListAsync(UserScope scope, int memberId)
    {
        if (!await scope.Filter(db.Members.AsNoTracking()).AnyAsync(m => m.Id == memberId)) return null;
        var rows = await db.MemberDecisions.AsNoTracking().Where(d => d.MemberId == memberId).OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync();
        return rows.Select(View).ToList();
    }

    public static DecisionView View(MemberDecision d) =>
        new(d.Id, d.MemberId, d.Kind, d.Kind.Label(), d.DecidedOn, d.Number, d.Reason, d.RemovalCase, d.ConsentDocument, d.RecordedBy,
            d.RemovalCase?.Label(), d.SeriousDisunity);

    public async Task<Outcome<MemberDecision>> RecordAsync(UserScope scope, int memberId, DecisionInput input)
    {
        var member = await scope.Filter(db.Members).SingleOrDefaultAsync(m => m.Id == memberId);
        if (member is null) return Outcome<MemberDecision>.NotFound();
        if (!scope.CanWriteAt(member.OrgPath)) return Outcome<MemberDecision>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, DecisionFields.Label);
        var kind = p.Enum<DecisionKind>(DecisionFields.Kind, input.Kind);
        var on = p.Date(DecisionFields.DecidedOn, input.DecidedOn, required: true);
        var number = InputParsing.Optional(input.Number);
        if (kind is null || on is null) return Outcome<MemberDecision>.Invalid(errors);
        var today = calendar.Today;
        var decidedOn = on.Value;
        if (decidedOn > today) errors.Add(new(DecisionFields.DecidedOn, "Ngày quyết định: không được sau ngày hôm nay."));

        var decision = new MemberDecision
        {
            MemberId = member.Id, Kind = kind.Value, DecidedOn = decidedOn, Number = number, IssuerOrganizationId = input.IssuerOrganizationId,
            Reason = InputParsing.Optional(input.Reason), ExtremeFamilyHardship = input.ExtremeFamilyHardship,
            CorruptionOrSeriousCrime = input.CorruptionOrSeriousCrime, ConsentDocument = InputParsing.Optional(input.ConsentDocument), RecordedBy = scope.UserName,
            SeriousDisunity = kind.Value.IsExit() && kind != DecisionKind.Death && input.SeriousDisunity,
        };
        // The member's standing is read on the decision's date, not today's: a decision about a past day judges that day.
        var standing = (await standings.OnAsync(member.Id, decidedOn))!;
        var latest = await db.MemberDecisions.AsNoTracking().Where(d => d.MemberId == member.Id).MaxAsync(d => (DateOnly?)d.DecidedOn);
        if (latest is { } last && decidedOn < last)
            errors.Add(new(DecisionFields.DecidedOn, $"Ngày quyết định: không được trước quyết định đã ghi gần nhất của đồng chí {member.FullName} (ngày {VnFormat.Date(last)})."));
        Organization? newCell = null;
        DateOnly? readmissionCeremony = null;
        switch (kind.Value)
        {
            case DecisionKind.Recognition or DecisionKind.NotRecognized:
                if (member.Status != MemberStatus.Probationary)
                    errors.Add(new(DecisionFields.Kind, $"Loại quyết định: đồng chí {member.FullName} không phải đảng viên dự bị."));
                else
                {
                    errors.AddRange(ProbationRule.CheckRecognition(member.CeremonyOn ?? member.AdmittedOn, decidedOn, today));
                    if (standing.Status != StandingStatus.Probationary && decidedOn >= member.AdmittedOn)
                        errors.Add(new(DecisionFields.DecidedOn, $"Ngày quyết định: ngày {VnFormat.Date(decidedOn)} đồng chí {member.FullName} không phải đảng viên dự bị ({standing.NotOfficialReason()})."));
                }
                if (kind == DecisionKind.NotRecognized) decision.RemovalCase = NameRemovalCase.ProbationFailed;
                break;
            case DecisionKind.NameRemoval or DecisionKind.Release or DecisionKind.Expulsion or DecisionKind.Death:
                if (!member.Status.IsActive())
                    errors.Add(new(DecisionFields.Kind, $"Loại quyết định: đồng chí {member.FullName} đã {member.Status.Label().ToLowerInvariant()}."));
                else if (!standing.IsActive)
                    errors.Add(new(DecisionFields.DecidedOn, $"Ngày quyết định: ngày {VnFormat.Date(decidedOn)} đồng chí {member.FullName} {standing.NotActiveReason()}."));
                if (kind == DecisionKind.NameRemoval)
                    decision.RemovalCase = p.Enum<NameRemovalCase>(DecisionFields.RemovalCase, input.RemovalCase);
                if (kind is DecisionKind.Release or DecisionKind.Expulsion && decision.Reason is null)
                    errors.Add(new(DecisionFields.Reason, "Lý do: không được để trống."));
                if (await HasOpenTransferAsync(member.Id))
                    errors.Add(new(DecisionFields.Kind, "Loại quyết định: đảng viên đang chuyển sinh hoạt; tiếp nhận hoặc hủy việc chuyển trước."));
                break;
            case DecisionKind.Readmission:
                var history = await db.MemberDecisions.AsNoTracking().Where(d => d.MemberId == member.Id).OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync();
                var lastExit = history.LastOrDefault(d => d.Kind.IsExit());
                var exitFacts = member.Status.IsActive() || lastExit is null
                    ? null
                    : new ExitFacts(lastExit.Kind, lastExit.DecidedOn, lastExit.RemovalCase, lastExit.ExtremeFamilyHardship, lastExit.CorruptionOrSeriousCrime, lastExit.SeriousDisunity);
                errors.AddRange(ReadmissionRule.Check(exitFacts, history.Any(d => d.Kind == DecisionKind.Readmission), decidedOn, decision.ConsentDocument));
                readmissionCeremony = p.Date(DecisionFields.CeremonyOn, input.CeremonyOn, required: true);
                if (readmissionCeremony is { } rc && (rc < decidedOn || rc > today))
                    errors.Add(new(DecisionFields.CeremonyOn, "Ngày lễ kết nạp lại: phải từ ngày quyết định đến hôm nay."));
                var (cell, cellError) = await writes.WritableCellAsync(scope, input.OrganizationId, DecisionFields.Organization, DecisionFields.Label(DecisionFields.Organization));
                if (cellError is not null) errors.Add(cellError);
                else if (ScopedWrites.OpensWithinLife(cell!, decidedOn, DecisionFields.Organization, DecisionFields.Label(DecisionFields.Organization)) is { } outsideLife) errors.Add(outsideLife);
                newCell = cell;
                break;
        }
        if (number is null && kind != DecisionKind.Death) errors.Add(new(DecisionFields.Number, "Số quyết định: không được để trống."));
        if (errors.Count > 0) return Outcome<MemberDecision>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync();
        db.MemberDecisions.Add(decision);
        member.Status = kind.Value.ResultingStatus();
        if (kind == DecisionKind.Recognition) member.OfficialOn = ProbationRule.OfficialFrom(member.CeremonyOn ?? member.AdmittedOn);
        if (kind.Value.IsExit()) await writes.ClosePlacementAsync(member.Id, decidedOn);
        if (kind == DecisionKind.Readmission)
        {
            // Party age keeps counting from the first admission; the new probation runs from the new ceremony. The official date of
            // the membership that ended stays on the decision, so the standing on a date before the exit still reads it.
            decision.PriorOfficialOn = member.OfficialOn;
            (member.ReadmittedOn, member.CeremonyOn, member.OfficialOn) = (decidedOn, readmissionCeremony, null);
            (member.OrganizationId, member.OrgPath) = (newCell!.Id, newCell.Path);
            writes.OpenPlacement(member, decidedOn);
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<MemberDecision>.Ok(decision);
    }

    private Task<bool> HasOpenTransferAsync(int memberId) =>
        db.MemberTransfers.AnyAsync(t => t.MemberId == memberId && t.State == TransferState.InTransit);
}
