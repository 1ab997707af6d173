using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Cadres;

/// <summary>The acts of cadre work that move a cadre into, between or out of posts.</summary>
public enum CadreActKind
{
    /// <summary>Bổ nhiệm: into a post, possibly leaving the one held.</summary>
    Appointment,
    /// <summary>Bổ nhiệm lại: a new term in the post whose appointment ends.</summary>
    Reappointment,
    /// <summary>Điều động: moved to another post by the managing committee.</summary>
    Transfer,
    /// <summary>Luân chuyển: rotated to another place or level for training.</summary>
    Rotation,
    /// <summary>Giới thiệu ứng cử: proposed for an elected post; the election makes the holding.</summary>
    Nomination,
    /// <summary>Miễn nhiệm: relieved of the post.</summary>
    Dismissal,
    /// <summary>Cho thôi giữ chức vụ: leaves the post on request or for reasons the committee accepts.</summary>
    Resignation,
}

/// <summary>Where a case stands: proposed (the steps are under way), decided (the holdings are written) or withdrawn.</summary>
public enum CadreActState
{
    Proposed,
    Decided,
    Withdrawn,
}

public static class CadreActs
{
    public static string Label(this CadreActKind kind) => kind switch
    {
        CadreActKind.Appointment => "Bổ nhiệm",
        CadreActKind.Reappointment => "Bổ nhiệm lại",
        CadreActKind.Transfer => "Điều động",
        CadreActKind.Rotation => "Luân chuyển",
        CadreActKind.Nomination => "Giới thiệu ứng cử",
        CadreActKind.Dismissal => "Miễn nhiệm",
        CadreActKind.Resignation => "Cho thôi giữ chức vụ",
        _ => kind.ToString(),
    };

    public static string Label(this CadreActState state) => state switch
    {
        CadreActState.Proposed => "Đang thực hiện",
        CadreActState.Decided => "Đã quyết định",
        CadreActState.Withdrawn => "Đã dừng",
        _ => state.ToString(),
    };

    /// <summary>The act names a post the cadre goes to.</summary>
    public static bool HasTarget(this CadreActKind kind) => kind is CadreActKind.Appointment or CadreActKind.Transfer or CadreActKind.Rotation or CadreActKind.Nomination;

    /// <summary>The act must name the holding it ends (the post held); for an appointment, transfer or rotation the post left is optional.</summary>
    public static bool NeedsCurrentPost(this CadreActKind kind) => kind is CadreActKind.Reappointment or CadreActKind.Dismissal or CadreActKind.Resignation;

    /// <summary>The decision writes a new holding: every act but a nomination (the election writes it) and the two that only end one.</summary>
    public static bool CreatesHolding(this CadreActKind kind) => kind is CadreActKind.Appointment or CadreActKind.Reappointment or CadreActKind.Transfer or CadreActKind.Rotation;

    /// <summary>The basis of the holding the decision writes.</summary>
    public static HoldingBasis Basis(this CadreActKind kind) => kind is CadreActKind.Transfer or CadreActKind.Rotation ? HoldingBasis.Designation : HoldingBasis.Appointment;
}

/// <summary>
/// A local cadre appointed or nominated must be in the plan for that post or for an equivalent or higher one on the decision date.
/// Source: Quy định 377-QĐ/TW, Điều 34 (8/10/2025, effective on signing; REGULATIONS.md §18). Earlier decisions were made under QĐ
/// 80/2022 and QĐ 50/2021, whose wording on this was not found: they are not checked, and the page says so. Transfers and
/// rotations bring cadres from elsewhere and are not held to the local plan.
/// </summary>
public static class AppointmentPlanRule
{
    public static readonly DateOnly InForceFrom = new(2025, 10, 8);

    public static bool Applies(CadreActKind kind, DateOnly on) => on >= InForceFrom && kind is CadreActKind.Appointment or CadreActKind.Nomination;

    /// <summary>A planned post counts when it is the target's equivalent (same level and kind order) or higher.</summary>
    public static bool Covers(PostRank planned, PostRank target) =>
        planned.IsHigherThan(target) || (planned.Depth == target.Depth && planned.Order == target.Order);

    public static FieldError? Check(string field, CadreActKind kind, DateOnly on, PostRank target, IEnumerable<PostRank> planned, string name) =>
        !Applies(kind, on) || planned.Any(p => Covers(p, target)) ? null
            : new(field, $"Cán bộ: ngày {VnFormat.Date(on)} đồng chí {name} không có trong quy hoạch chức danh \"{target.Title}\" hoặc chức danh tương đương, cao hơn; {kind.Label().ToLowerInvariant()} phải là người trong quy hoạch (Quy định 377-QĐ/TW, Điều 34).");
}

/// <summary>
/// Age on the decision date. A first appointment or a nomination needs the whole appointment term before the retirement age (the
/// superseded QĐ 80/2022 and QĐ 50/2021 asked the same; QĐ 377's age conditions were not found, REGULATIONS.md §15, §18). A
/// reappointment, transfer or rotation only needs the cadre not to have reached it. Retirement ages and the term are settings (<c>Cadres:RetirementAgeMen</c>, <c>Cadres:RetirementAgeWomen</c>,
/// <c>Cadres:AppointmentTermYears</c>).
/// </summary>
public static class AppointmentAgeRule
{
    public static FieldError? Check(string field, CadreActKind kind, DateOnly dateOfBirth, int retirementAge, DateOnly on, int termYears, string name)
    {
        if (kind is CadreActKind.Dismissal or CadreActKind.Resignation) return null;
        var retires = PlanAgeRule.FirstDayOfAge(dateOfBirth, retirementAge);
        if (retires <= on)
            return new(field, $"Cán bộ: ngày {VnFormat.Date(on)} đồng chí {name} đã đủ {retirementAge} tuổi (từ {VnFormat.Date(retires)}); không {kind.Label().ToLowerInvariant()} (tuổi nghỉ hưu theo thiết lập Cadres:RetirementAge).");
        if (kind is CadreActKind.Appointment or CadreActKind.Nomination && retires <= AppointmentTermRule.LastDay(on, termYears))
            return new(field, $"Cán bộ: đồng chí {name} đủ {retirementAge} tuổi ngày {VnFormat.Date(retires)}, trước khi hết thời hạn {termYears} năm tính từ {VnFormat.Date(on)}; {kind.Label().ToLowerInvariant()} lần đầu phải đủ tuổi công tác trọn thời hạn (Quy định 80-QĐ/TW năm 2022, đã được thay thế; điều kiện tuổi của Quy định 377-QĐ/TW chưa tìm thấy).");
        return null;
    }
}

/// <summary>
/// Time in the current post before moving: a cadre appointed to another post, transferred or rotated should have held the post left
/// for a number of months on the decision date. The number was not found in QĐ 377 (REGULATIONS.md §18); it is the setting
/// <c>Cadres:MinimumMonthsInPost</c>, default 24, shown beside the cases.
/// </summary>
public static class TimeInPostRule
{
    public static bool Applies(CadreActKind kind) => kind is CadreActKind.Appointment or CadreActKind.Transfer or CadreActKind.Rotation;

    public static FieldError? Check(string field, CadreActKind kind, DateOnly heldFrom, DateOnly on, int months, string postTitle) =>
        !Applies(kind) || heldFrom.AddMonths(months) <= on ? null
            : new(field, $"Chức danh đang giữ: giữ \"{postTitle}\" từ {VnFormat.Date(heldFrom)}, đến {VnFormat.Date(on)} chưa đủ {months} tháng (thiết lập Cadres:MinimumMonthsInPost; Quy định 377-QĐ/TW chưa tìm thấy số tháng).");
}

/// <summary>
/// Planning and proposing are not done at once: a cadre proposed for appointment or nomination to a post is not added to the plan
/// for that post while the case is open. Source: Quy định 377-QĐ/TW (8/10/2025), REGULATIONS.md §15 ("không thực hiện quy hoạch
/// đồng thời với đề xuất bổ nhiệm, giới thiệu ứng cử").
/// </summary>
public static class PlanWhileProposedRule
{
    public static FieldError? Check(string field, DateOnly on, DateOnly? proposedOn, string name, string postTitle) =>
        on < AppointmentPlanRule.InForceFrom || proposedOn is not { } since ? null
            : new(field, $"Đảng viên: đồng chí {name} đang được đề xuất bổ nhiệm, giới thiệu ứng cử chức danh \"{postTitle}\" (từ {VnFormat.Date(since)}); không quy hoạch đồng thời với đề xuất bổ nhiệm (Quy định 377-QĐ/TW).");
}
