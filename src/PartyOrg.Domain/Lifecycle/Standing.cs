using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Lifecycle;

/// <summary>A person's standing in the Party on one date.</summary>
public enum StandingStatus
{
    /// <summary>Not yet admitted on that date.</summary>
    NotMember,
    Probationary,
    Official,
    /// <summary>Out of the Party by name removal, non-recognition, release or expulsion.</summary>
    Exited,
    Deceased,
}

/// <summary>A dated decision as the standing reads it; a readmission carries the official date of the membership it follows.</summary>
public sealed record StandingDecision(DecisionKind Kind, DateOnly DecidedOn, DateOnly? PriorOfficialOn = null);

/// <summary>A period in one cell (ToDate exclusive), from the placements.</summary>
public sealed record PlacementPeriod(int OrganizationId, DateOnly FromDate, DateOnly? ToDate);

/// <summary>
/// A disciplinary measure and the days it is in force (InForceUntil exclusive; null while in force), as the lapse rule
/// (Discipline.DisciplineLapseRule) dates it; <see cref="Standing.DisciplineInForce"/> is where the rules that depend on it
/// (no transfer, appointment or award while in force: QĐ 69-QĐ/TW Art. 2) read it.
/// </summary>
public sealed record DisciplinePeriod(string Form, DateOnly InForceFrom, DateOnly? InForceUntil)
{
    public bool InForceOn(DateOnly date) => InForceFrom <= date && (InForceUntil is null || date < InForceUntil);
}

/// <summary>
/// What the register holds about one person's membership: the dates on the record (the first admission decision, the
/// official date and readmission of the current membership), the dated decisions and the placements. The current
/// status is only a fallback for records whose exit was entered without a decision.
/// </summary>
public sealed record MembershipRecord(
    DateOnly AdmittedOn,
    DateOnly? OfficialOn,
    MemberStatus CurrentStatus,
    IReadOnlyList<StandingDecision> Decisions,
    IReadOnlyList<PlacementPeriod> Placements,
    IReadOnlyList<DisciplinePeriod>? Discipline = null);

/// <summary>A person's standing on <see cref="On"/>: status, since when, the exit that ended it, the cell, discipline in force.</summary>
public sealed record Standing(
    DateOnly On,
    StandingStatus Status,
    DateOnly? OfficialSince,
    DateOnly? ExitedOn,
    DecisionKind? ExitKind,
    int? OrganizationId,
    DisciplinePeriod? DisciplineInForce)
{
    public bool IsActive => Status is StandingStatus.Probationary or StandingStatus.Official;
    public bool IsOfficial => Status == StandingStatus.Official;

    /// <summary>
    /// Why the person was not an active member on the date, in words that are true of that date:
    /// "đã từ trần ngày 01/03/2025", "đã ra khỏi Đảng ngày 10/05/2024 (xóa tên)", "chưa là đảng viên vào ngày 15/01/2026".
    /// </summary>
    public string NotActiveReason() => Status switch
    {
        StandingStatus.Deceased => ExitedOn is { } d ? $"đã từ trần ngày {VnFormat.Date(d)}" : "đã từ trần",
        StandingStatus.Exited => (ExitedOn is { } d ? $"đã ra khỏi Đảng ngày {VnFormat.Date(d)}" : "đã ra khỏi Đảng")
            + (ExitKind is { } k ? $" ({ExitLabel(k)})" : ""),
        StandingStatus.NotMember => $"chưa là đảng viên vào ngày {VnFormat.Date(On)}",
        _ => "",
    };

    /// <summary>Why the person was not an official member on the date (an exit, death, or not yet official then).</summary>
    public string NotOfficialReason() => Status is StandingStatus.Probationary or StandingStatus.NotMember
        ? $"chưa là đảng viên chính thức vào ngày {VnFormat.Date(On)}"
        : NotActiveReason();

    private static string ExitLabel(DecisionKind kind) => kind switch
    {
        DecisionKind.NameRemoval or DecisionKind.NotRecognized => "xóa tên",
        DecisionKind.Release => "cho ra khỏi Đảng",
        DecisionKind.Expulsion => "khai trừ",
        _ => kind.Label().ToLowerInvariant(),
    };
}

/// <summary>
/// A person's standing on a date, read from the dated decisions and placements, never from today's status: a rule about a
/// past fact (a sponsor on the day of the application, a member on the day of a decision or a letter) asks this with the
/// fact's date (Charter Art. 4, 5, 8; the rules are those in force on the fact's date, see <see cref="CharterTexts"/>).
/// Exits take effect on the decision's date; a readmission opens a new membership on its date. The official date of the
/// current membership is the record's; of an earlier one, what the readmission kept (else the recognition's date).
/// </summary>
public static class MemberStanding
{
    /// <summary>A membership from Start to End (exclusive); Undated: the exit has no date on record (taken as the start, not shown).</summary>
    private sealed record Period(DateOnly Start, DateOnly? End, DecisionKind? ExitKind, DateOnly? OfficialSince, bool Undated = false);

    public static Standing On(MembershipRecord record, DateOnly date)
    {
        var placement = record.Placements.Where(p => p.FromDate <= date && (p.ToDate is null || date < p.ToDate))
            .OrderByDescending(p => p.FromDate).FirstOrDefault();
        var discipline = record.Discipline?.FirstOrDefault(d => d.InForceOn(date));
        var periods = Periods(record);
        var current = periods.LastOrDefault(p => p.Start <= date);
        if (current is null)
            return new(date, StandingStatus.NotMember, null, null, null, placement?.OrganizationId, discipline);
        if (current.End is { } end && date >= end)
            return new(date, current.ExitKind == DecisionKind.Death ? StandingStatus.Deceased : StandingStatus.Exited,
                current.OfficialSince, current.Undated ? null : end, current.ExitKind, placement?.OrganizationId, discipline);
        var official = current.OfficialSince is { } since && since <= date;
        return new(date, official ? StandingStatus.Official : StandingStatus.Probationary, current.OfficialSince, null, null,
            placement?.OrganizationId, discipline);
    }

    private static List<Period> Periods(MembershipRecord record)
    {
        var decisions = record.Decisions.Select((d, i) => (d, i)).OrderBy(x => x.d.DecidedOn).ThenBy(x => x.i).Select(x => x.d).ToList();
        var periods = new List<Period>();
        var start = record.AdmittedOn;
        var open = true;
        DateOnly? recognizedOn = null;
        foreach (var d in decisions)
        {
            if (d.Kind == DecisionKind.Recognition && open) recognizedOn ??= d.DecidedOn;
            else if (d.Kind.IsExit() && open)
            {
                periods.Add(new Period(start, d.DecidedOn, d.Kind, recognizedOn));
                open = false;
            }
            else if (d.Kind == DecisionKind.Readmission)
            {
                // A readmission without a recorded exit still ends the membership before it.
                if (open) periods.Add(new Period(start, d.DecidedOn, null, recognizedOn));
                periods[^1] = periods[^1] with { OfficialSince = d.PriorOfficialOn ?? periods[^1].OfficialSince };
                (start, open, recognizedOn) = (d.DecidedOn, true, null);
            }
        }
        if (open)
        {
            var official = record.OfficialOn is { } o && o >= start ? o : recognizedOn;
            DateOnly? end = null;
            DecisionKind? exitKind = null;
            var undated = false;
            if (!record.CurrentStatus.IsActive())
            {
                // An exit entered without a decision: it took effect when the last placement closed; with no closed placement
                // its date is unknown, and the record is read as out of the party from the start rather than given a made-up date.
                exitKind = record.CurrentStatus switch
                {
                    MemberStatus.Deceased => DecisionKind.Death,
                    MemberStatus.Released => DecisionKind.Release,
                    MemberStatus.Expelled => DecisionKind.Expulsion,
                    _ => DecisionKind.NameRemoval,
                };
                undated = !(record.Placements.Count > 0 && record.Placements.All(p => p.ToDate is not null));
                end = undated ? start : record.Placements.Max(p => p.ToDate!.Value);
            }
            periods.Add(new Period(start, end, exitKind, official, undated));
        }
        else
        {
            // The current membership already closed by an exit: its official date is the record's.
            var last = periods[^1];
            if (record.OfficialOn is { } o && o >= last.Start && (last.End is null || o < last.End))
                periods[^1] = last with { OfficialSince = o };
        }
        return periods;
    }
}
