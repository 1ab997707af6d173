using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Lifecycle;

/// <summary>
/// Probation lasts 12 months from the admission ceremony; the cell considers recognition within 30 working days after it
/// ends; a qualified member is official from the end of the 12 months even if the meeting is late; one not recognized has
/// their name removed (Charter Art. 5; point 4.2 of QĐ 24-QĐ/TW, same in 29/2016; 294 wording not seen).
/// </summary>
public static class ProbationRule
{
    public const int RecognitionWorkingDays = 30;

    public static DateOnly EndsOn(DateOnly ceremonyOn) => ceremonyOn.AddMonths(ProbationPeriodRule.ProbationMonths);

    public static DateOnly RecognitionDue(DateOnly ceremonyOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(EndsOn(ceremonyOn), RecognitionWorkingDays);

    /// <summary>The official date a recognition gives: the day the 12 months end, whatever the meeting's date.</summary>
    public static DateOnly OfficialFrom(DateOnly ceremonyOn) => EndsOn(ceremonyOn);

    public static IEnumerable<FieldError> CheckRecognition(DateOnly ceremonyOn, DateOnly decisionOn, DateOnly today)
    {
        var ends = EndsOn(ceremonyOn);
        if (decisionOn < ends)
            yield return new(DecisionFields.DecidedOn, $"Ngày quyết định: chưa hết 12 tháng dự bị (hết ngày {VnFormat.Date(ends)}) (Điều lệ Đảng, Điều 5).");
        if (decisionOn > today)
            yield return new(DecisionFields.DecidedOn, "Ngày quyết định: không được sau ngày hôm nay.");
    }
}

/// <summary>Where a probationary member stands against the recognition deadline.</summary>
public enum ProbationStanding
{
    /// <summary>Still within the 12 months and more than a month from the end.</summary>
    Running,
    /// <summary>Ends within the next 30 days, or ended and the cell is still within its 30 working days.</summary>
    Due,
    /// <summary>The cell's 30 working days after the end have passed without a decision.</summary>
    Overdue,
}

public static class ProbationStandings
{
    public static ProbationStanding Of(DateOnly ceremonyOn, DateOnly today, WorkingCalendar calendar)
    {
        if (today > ProbationRule.RecognitionDue(ceremonyOn, calendar)) return ProbationStanding.Overdue;
        return ProbationRule.EndsOn(ceremonyOn) <= today.AddDays(30) ? ProbationStanding.Due : ProbationStanding.Running;
    }

    public static string Label(this ProbationStanding s) => s switch
    {
        ProbationStanding.Running => "Đang dự bị",
        ProbationStanding.Due => "Đến hạn xét",
        ProbationStanding.Overdue => "Quá hạn xét",
    };
}

/// <summary>Decisions that change a member's standing, each dated and numbered.</summary>
public enum DecisionKind
{
    /// <summary>Công nhận đảng viên chính thức.</summary>
    Recognition,
    /// <summary>Không công nhận chính thức: the name is removed.</summary>
    NotRecognized,
    /// <summary>Xóa tên.</summary>
    NameRemoval,
    /// <summary>Cho ra khỏi Đảng (at the member's request).</summary>
    Release,
    /// <summary>Khai trừ (the discipline process is recorded elsewhere; here the outcome).</summary>
    Expulsion,
    /// <summary>Từ trần.</summary>
    Death,
    /// <summary>Kết nạp lại.</summary>
    Readmission,
}

/// <summary>
/// The five cases of name removal (Charter Art. 8; point 8.1 of QĐ 24-QĐ/TW; 294's list not seen), the first split in its two
/// grounds because readmission reads them differently: "bỏ sinh hoạt đảng hoặc không đóng đảng phí ba tháng trong năm mà không có
/// lý do chính đáng" — only abandoning activity bars readmission (points 3.5 of QĐ 232/294-QĐ/TW: "người bỏ sinh hoạt đảng").
/// </summary>
public enum NameRemovalCase
{
    /// <summary>Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng (bars readmission).</summary>
    AbandonedActivity,
    /// <summary>Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng (does not bar readmission; QĐ 01-QĐ/TW 2026 repeats it).</summary>
    UnpaidFees,
    /// <summary>Tự ý trả thẻ đảng viên hoặc tự hủy thẻ.</summary>
    ReturnedCard,
    /// <summary>Giảm sút ý chí phấn đấu, không tiến bộ sau 12 tháng chi bộ giáo dục.</summary>
    NoProgress,
    /// <summary>Hai năm liền vi phạm tư cách đảng viên.</summary>
    TwoYearsViolations,
    /// <summary>Không bảo đảm tiêu chuẩn chính trị.</summary>
    PoliticalStandard,
    /// <summary>Không đủ điều kiện công nhận chính thức sau thời gian dự bị.</summary>
    ProbationFailed,
}

public static class DecisionLabels
{
    public static string Label(this DecisionKind kind) => kind switch
    {
        DecisionKind.Recognition => "Công nhận đảng viên chính thức",
        DecisionKind.NotRecognized => "Không công nhận chính thức (xóa tên)",
        DecisionKind.NameRemoval => "Xóa tên",
        DecisionKind.Release => "Cho ra khỏi Đảng",
        DecisionKind.Expulsion => "Khai trừ",
        DecisionKind.Death => "Từ trần",
        DecisionKind.Readmission => "Kết nạp lại",
    };

    public static string Label(this NameRemovalCase c) => c switch
    {
        NameRemovalCase.AbandonedActivity => "Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng",
        NameRemovalCase.UnpaidFees => "Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng",
        NameRemovalCase.ReturnedCard => "Tự ý trả hoặc hủy thẻ đảng viên",
        NameRemovalCase.NoProgress => "Không tiến bộ sau 12 tháng được giáo dục",
        NameRemovalCase.TwoYearsViolations => "Hai năm liền vi phạm tư cách đảng viên",
        NameRemovalCase.PoliticalStandard => "Không bảo đảm tiêu chuẩn chính trị",
        NameRemovalCase.ProbationFailed => "Không đủ điều kiện công nhận chính thức",
    };

    /// <summary>The status a decision leaves the member in.</summary>
    public static MemberStatus ResultingStatus(this DecisionKind kind) => kind switch
    {
        DecisionKind.Recognition => MemberStatus.Official,
        DecisionKind.NotRecognized or DecisionKind.NameRemoval => MemberStatus.NameRemoved,
        DecisionKind.Release => MemberStatus.Released,
        DecisionKind.Expulsion => MemberStatus.Expelled,
        DecisionKind.Death => MemberStatus.Deceased,
        DecisionKind.Readmission => MemberStatus.Probationary,
    };

    public static bool IsExit(this DecisionKind kind) =>
        kind is DecisionKind.NotRecognized or DecisionKind.NameRemoval or DecisionKind.Release or DecisionKind.Expulsion or DecisionKind.Death;
}

public static class DecisionFields
{
    public const string Kind = "kind";
    public const string DecidedOn = "decidedOn";
    public const string Number = "number";
    public const string Reason = "reason";
    public const string RemovalCase = "removalCase";
    public const string ConsentDocument = "consentDocument";
    public const string SeriousDisunity = "seriousDisunity";
    public const string CeremonyOn = "ceremonyOn";
    public const string Organization = "organizationId";

    public static string Label(string field) => field switch
    {
        Kind => "Loại quyết định",
        DecidedOn => "Ngày quyết định",
        Number => "Số quyết định",
        Reason => "Lý do",
        RemovalCase => "Trường hợp xóa tên",
        ConsentDocument => "Văn bản đồng ý của Ban Thường vụ Tỉnh ủy",
        SeriousDisunity => "Gây mất đoàn kết nội bộ nghiêm trọng",
        CeremonyOn => "Ngày lễ kết nạp lại",
        Organization => "Chi bộ sinh hoạt",
        _ => field,
    };
}
