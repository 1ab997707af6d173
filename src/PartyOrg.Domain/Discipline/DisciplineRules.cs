using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;

namespace PartyOrg.Domain.Discipline;

/// <summary>Forms of party discipline (hình thức kỷ luật), lightest first (QĐ 69-QĐ/TW Art. 7).</summary>
public enum DisciplineForm
{
    /// <summary>Khiển trách (members and organizations).</summary>
    Reprimand,
    /// <summary>Cảnh cáo (members and organizations).</summary>
    Warning,
    /// <summary>Cách chức (official members holding a post).</summary>
    Removal,
    /// <summary>Khai trừ (official members): also an exit from the Party.</summary>
    Expulsion,
    /// <summary>Giải tán (organizations): ends the organization.</summary>
    Dissolution,
}

/// <summary>Who a decision is about.</summary>
public enum DisciplineSubject
{
    Member,
    Organization,
}

/// <summary>
/// What the competent level decided on a complaint (khiếu nại) against a disciplinary decision. The three outcomes are this
/// system's choice (the wording of QĐ 296-QĐ/TW on complaints was not read): giữ nguyên, giảm hình thức, hủy bỏ.
/// </summary>
public enum ComplaintOutcome
{
    /// <summary>Giữ nguyên: the decision stands; it lapses at its usual date, or when the complaint was decided if later.</summary>
    Upheld,
    /// <summary>Giảm hình thức: a lighter form applies from the complaint's decision; the lapse still counts from the first announcement.</summary>
    Reduced,
    /// <summary>Hủy bỏ: the decision is void; it is read as never having been in force.</summary>
    Annulled,
}

/// <summary>
/// The forms each subject may receive (QĐ 69-QĐ/TW of 6/7/2022 Art. 7, as amended by QĐ 264-QĐ/TW of 14/2/2025; confirmed in
/// REGULATIONS.md §14): organizations khiển trách, cảnh cáo, giải tán; official members khiển trách, cảnh cáo, cách chức,
/// khai trừ; probationary members khiển trách, cảnh cáo only. The member's standing is the one on the decision's date.
/// </summary>
public static class DisciplineFormRule
{
    public static readonly RegulationText Qd69 = new("69-QĐ/TW", "Quy định về kỷ luật tổ chức đảng, đảng viên vi phạm (sửa đổi, bổ sung bởi Quy định 264-QĐ/TW ngày 14/02/2025)", new(2022, 7, 6), null);

    public static readonly DisciplineForm[] OrganizationForms = [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution];
    public static readonly DisciplineForm[] OfficialMemberForms = [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Removal, DisciplineForm.Expulsion];
    public static readonly DisciplineForm[] ProbationaryMemberForms = [DisciplineForm.Reprimand, DisciplineForm.Warning];

    public static IReadOnlyList<DisciplineForm> FormsFor(DisciplineSubject subject, bool probationary = false) =>
        subject == DisciplineSubject.Organization ? OrganizationForms : probationary ? ProbationaryMemberForms : OfficialMemberForms;

    /// <summary>The form checked against the member's standing on the decision's date; null when allowed.</summary>
    public static FieldError? CheckMember(string field, DisciplineForm form, Standing standing, string fullName)
    {
        if (!standing.IsActive)
            return new(field, $"Hình thức kỷ luật: ngày {VnFormat.Date(standing.On)} đồng chí {fullName} {standing.NotActiveReason()}.");
        var allowed = FormsFor(DisciplineSubject.Member, standing.Status == StandingStatus.Probationary);
        if (allowed.Contains(form)) return null;
        return standing.Status == StandingStatus.Probationary
            ? new(field, $"Hình thức kỷ luật: ngày {VnFormat.Date(standing.On)} đồng chí {fullName} là đảng viên dự bị; đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo (Quy định 69-QĐ/TW, Điều 7).")
            : new(field, $"Hình thức kỷ luật: \"{form.Label()}\" không áp dụng cho đảng viên (Quy định 69-QĐ/TW, Điều 7).");
    }

    public static FieldError? CheckOrganization(string field, DisciplineForm form) =>
        OrganizationForms.Contains(form) ? null
            : new(field, $"Hình thức kỷ luật: \"{form.Label()}\" không áp dụng cho tổ chức đảng; tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán (Quy định 69-QĐ/TW, Điều 7).");

    public static string Label(this DisciplineForm form) => form switch
    {
        DisciplineForm.Reprimand => "Khiển trách",
        DisciplineForm.Warning => "Cảnh cáo",
        DisciplineForm.Removal => "Cách chức",
        DisciplineForm.Expulsion => "Khai trừ",
        DisciplineForm.Dissolution => "Giải tán",
    };

    public static string Label(this ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Upheld => "Giữ nguyên",
        ComplaintOutcome.Reduced => "Giảm hình thức",
        ComplaintOutcome.Annulled => "Hủy bỏ",
    };

    /// <summary>Khai trừ and giải tán never lapse: the member is out, the organization is gone.</summary>
    public static bool NeverLapses(this DisciplineForm form) => form is DisciplineForm.Expulsion or DisciplineForm.Dissolution;
}

/// <summary>From which day a decision binds: not found in REGULATIONS.md, a named setting (<c>Discipline:InForceFrom</c>).</summary>
public enum DisciplineStart
{
    /// <summary>From the decision's date (default).</summary>
    Decision,
    /// <summary>From its announcement.</summary>
    Announcement,
}

/// <summary>One disciplinary decision as the lapse rule reads it.</summary>
public sealed record DisciplineFacts(
    int Id,
    DisciplineForm Form,
    DateOnly DecidedOn,
    DateOnly AnnouncedOn,
    DateOnly? ComplaintFiledOn = null,
    DateOnly? ComplaintDecidedOn = null,
    ComplaintOutcome? Outcome = null,
    DisciplineForm? ReducedTo = null);

/// <summary>A decision's days in force: one period per form that applied (a reduced decision has two). Until is exclusive; null: in force.</summary>
public sealed record DisciplineInForce(int Id, DisciplineForm Form, DateOnly From, DateOnly? Until, string Note)
{
    public bool InForceOn(DateOnly date) => From <= date && (Until is null || date < Until);
}

/// <summary>
/// When a disciplinary decision stops being in force. QĐ 69-QĐ/TW (6/7/2022) Art. 2.5, as amended by QĐ 264-QĐ/TW
/// (14/2/2025): "Sau 12 tháng, kể từ ngày công bố quyết định kỷ luật… nếu tổ chức đảng, đảng viên không khiếu nại, không tái
/// phạm… thì quyết định kỷ luật đương nhiên chấm dứt hiệu lực"; khai trừ and giải tán are excluded (REGULATIONS.md §14, confirmed).
/// Read here as: in force from the decision (or the announcement, <see cref="DisciplineStart"/>) until 12 months after the
/// announcement; a complaint filed before that day holds it while pending, and, when upheld, until the day it was decided if that
/// is later; a new decision on the same subject taken while it is in force (a new violation) holds it until the new one lapses;
/// an annulled decision was never in force; a reduced one applies the lighter form from the complaint's decision. Every rule that
/// depends on discipline asks <see cref="InForceOn"/> with the fact's date.
/// </summary>
public static class DisciplineLapseRule
{
    public const int LapseMonths = 12;

    /// <summary>The periods in force of every decision on one subject (the others are the "new violations").</summary>
    public static IReadOnlyList<DisciplineInForce> Periods(IEnumerable<DisciplineFacts> decisions, DisciplineStart start = DisciplineStart.Decision)
    {
        var list = decisions.Where(d => d.Outcome != ComplaintOutcome.Annulled).OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToList();
        var until = new Dictionary<int, DateOnly?>();
        // Later decisions first: an earlier one held by a new violation lasts as long as the new one.
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var d = list[i];
            var from = From(d, start);
            DateOnly? end = OwnLapse(d);
            foreach (var later in list.Skip(i + 1))
            {
                var withinLife = later.DecidedOn >= from && (end is null || later.DecidedOn < end);
                if (!withinLife) continue;
                var laterEnd = until[later.Id];
                end = laterEnd is null ? null : end is { } e && e > laterEnd ? e : laterEnd;
            }
            until[d.Id] = end;
        }
        var periods = new List<DisciplineInForce>();
        foreach (var d in list)
        {
            var from = From(d, start);
            var end = until[d.Id];
            var note = Note(d, end);
            if (d.Outcome == ComplaintOutcome.Reduced && d.ReducedTo is { } lighter && d.ComplaintDecidedOn is { } reducedOn && reducedOn > from)
            {
                var split = end is { } e && e < reducedOn ? e : reducedOn;
                periods.Add(new(d.Id, d.Form, from, split, note));
                if (end is null || end > reducedOn) periods.Add(new(d.Id, lighter, reducedOn, end, note));
            }
            else periods.Add(new(d.Id, d.Outcome == ComplaintOutcome.Reduced && d.ReducedTo is { } r ? r : d.Form, from, end, note));
        }
        return periods;
    }

    /// <summary>The period of the subject's discipline in force on the date (the heaviest form if several), or null.</summary>
    public static DisciplineInForce? InForceOn(IEnumerable<DisciplineFacts> decisions, DateOnly date, DisciplineStart start = DisciplineStart.Decision) =>
        InForceOn(Periods(decisions, start), date);

    public static DisciplineInForce? InForceOn(IEnumerable<DisciplineInForce> periods, DateOnly date) =>
        periods.Where(p => p.InForceOn(date)).OrderByDescending(p => p.Form).FirstOrDefault();

    public static DateOnly From(DisciplineFacts d, DisciplineStart start) => start == DisciplineStart.Announcement ? d.AnnouncedOn : d.DecidedOn;

    /// <summary>12 months after the announcement, held by a complaint filed before then (null while pending or for a form that never lapses).</summary>
    private static DateOnly? OwnLapse(DisciplineFacts d)
    {
        if (d.Form.NeverLapses() && d.Outcome != ComplaintOutcome.Reduced) return null;
        var lapse = d.AnnouncedOn.AddMonths(LapseMonths);
        if (d.ComplaintFiledOn is { } filed && filed < lapse)
        {
            if (d.ComplaintDecidedOn is not { } decided) return null;
            if (decided > lapse) lapse = decided;
        }
        return lapse;
    }

    private static string Note(DisciplineFacts d, DateOnly? end) =>
        d.Form.NeverLapses() && d.Outcome != ComplaintOutcome.Reduced ? "không có thời hạn chấm dứt hiệu lực"
        : end is null ? "đang khiếu nại hoặc có vi phạm mới: chưa chấm dứt hiệu lực"
        : $"chấm dứt hiệu lực từ ngày {VnFormat.Date(end.Value)}";

    /// <summary>A period as the member's standing carries it (<see cref="DisciplinePeriod"/>).</summary>
    public static DisciplinePeriod ToStanding(DisciplineInForce p) => new(p.Form.Label(), p.From, p.Until);
}

/// <summary>
/// While a decision is in force the member's party activity is not transferred (QĐ 69-QĐ/TW Art. 2 as summarised in REGULATIONS.md
/// §14: "no transfer or rotation, appointment, promotion in rank, or awards" while in force). The summary does not say whether
/// "transfer" there means the transfer of work or of party activity; this system applies it to the transfer of party activity, as
/// the issue asks, judged on the date of the letter.
/// </summary>
public static class DisciplineTransferRule
{
    public static FieldError? Check(string field, string fullName, DateOnly issuedOn, DisciplinePeriod? inForce) =>
        inForce is null ? null
            : new(field, $"Ngày giới thiệu chuyển đi: ngày {VnFormat.Date(issuedOn)} đồng chí {fullName} đang chịu kỷ luật {inForce.Form.ToLowerInvariant()} (từ ngày {VnFormat.Date(inForce.InForceFrom)}{Until(inForce)}); không chuyển sinh hoạt đảng khi quyết định kỷ luật còn hiệu lực (Quy định 69-QĐ/TW, Điều 2).");

    internal static string Until(DisciplinePeriod p) => p.InForceUntil is { } u ? $", chấm dứt hiệu lực từ ngày {VnFormat.Date(u)}" : ", chưa chấm dứt hiệu lực";
}

/// <summary>
/// No party badge while a disciplinary decision is in force on the occasion's date (QĐ 69-QĐ/TW Art. 2: no awards while in force;
/// HD 01-HD/TW 2021 section 18: none while a khiển trách is in force). The guidance's earlier consideration after 6, 9 or 12
/// months of good correction is a decision of the committee, not recorded here.
/// </summary>
public static class DisciplineBadgeRule
{
    public static string? Reason(string fullName, DateOnly occasion, DisciplinePeriod? inForce) =>
        inForce is null ? null
            : $"ngày {VnFormat.Date(occasion)} đồng chí {fullName} đang chịu kỷ luật {inForce.Form.ToLowerInvariant()} (từ ngày {VnFormat.Date(inForce.InForceFrom)}{DisciplineTransferRule.Until(inForce)}); không xét tặng Huy hiệu Đảng khi quyết định kỷ luật còn hiệu lực (Quy định 69-QĐ/TW, Điều 2; Hướng dẫn 01-HD/TW, mục 18)";
}

/// <summary>
/// Bars after discipline for appointment or nomination to a higher post (QĐ 377-QĐ/TW of 8/10/2025, effective on signing,
/// replacing QĐ 41-QĐ/TW 2021): only after 24 months for khiển trách, 36 for cảnh cáo, 60 for cách chức (reported by dantri
/// 17/10/2025, REGULATIONS.md §18). From which date the months count was not found: counted from the day the decision binds
/// (<see cref="DisciplineStart"/>, the setting <c>Discipline:InForceFrom</c>). Cadre work (issue 10) reads it.
/// </summary>
public static class DisciplineBars
{
    public static readonly RegulationText Qd377 = new("377-QĐ/TW", "Quy định về phân cấp quản lý cán bộ và quy hoạch, bổ nhiệm, giới thiệu ứng cử…", new(2025, 10, 8), null);

    /// <summary>Months that must pass before a higher post; null for forms that leave no cadre to appoint.</summary>
    public static int? Months(DisciplineForm form) => form switch
    {
        DisciplineForm.Reprimand => 24,
        DisciplineForm.Warning => 36,
        DisciplineForm.Removal => 60,
        _ => null,
    };

    /// <summary>The first day a higher post may be considered after this decision.</summary>
    public static DateOnly? EligibleFrom(DisciplineFacts d, DisciplineStart start = DisciplineStart.Decision)
    {
        if (d.Outcome == ComplaintOutcome.Annulled) return null;
        var form = d.Outcome == ComplaintOutcome.Reduced && d.ReducedTo is { } r ? r : d.Form;
        return Months(form) is { } m ? DisciplineLapseRule.From(d, start).AddMonths(m) : null;
    }

    /// <summary>Why the person may not be appointed or nominated to a higher post on the date, or null.</summary>
    public static string? Reason(IEnumerable<DisciplineFacts> decisions, DateOnly on, DisciplineStart start = DisciplineStart.Decision)
    {
        var bar = decisions.Select(d => (d, until: EligibleFrom(d, start))).Where(x => x.until is { } u && on < u && DisciplineLapseRule.From(x.d, start) <= on)
            .OrderByDescending(x => x.until).FirstOrDefault();
        if (bar.d is null) return null;
        var form = bar.d.Outcome == ComplaintOutcome.Reduced && bar.d.ReducedTo is { } r ? r : bar.d.Form;
        return $"bị kỷ luật {form.Label().ToLowerInvariant()} ngày {VnFormat.Date(bar.d.DecidedOn)}: chỉ được xem xét bổ nhiệm, giới thiệu ứng cử chức vụ cao hơn sau {Months(form)} tháng, từ ngày {VnFormat.Date(bar.until!.Value)} (Quy định 377-QĐ/TW)";
    }
}
