using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Lifecycle;

public enum TransferKind
{
    /// <summary>Chuyển sinh hoạt đảng chính thức.</summary>
    Official,
    /// <summary>Chuyển sinh hoạt đảng tạm thời.</summary>
    Temporary,
}

public enum TransferState
{
    /// <summary>Issued by the sending side, not yet confirmed by the receiving cell.</summary>
    InTransit,
    Received,
    /// <summary>Temporary transfer ended: the member is back in the home cell.</summary>
    Returned,
    Cancelled,
}

public static class TransferLabels
{
    public static string Label(this TransferKind k) => k switch
    {
        TransferKind.Official => "Chính thức",
        TransferKind.Temporary => "Tạm thời",
    };

    public static string Label(this TransferState s) => s switch
    {
        TransferState.InTransit => "Đang chuyển",
        TransferState.Received => "Đã tiếp nhận",
        TransferState.Returned => "Đã trở về",
        TransferState.Cancelled => "Đã hủy",
    };
}

/// <summary>
/// Transfers of party activity: the member presents the letter to the receiving cell within 30 working days of being introduced
/// (QĐ 294-QĐ/TW point 6.3.1); a temporary transfer is for 3 months to under 1 year away, up to 2 years for full-time study in
/// Vietnam (QĐ 29/2016 and 24/2021; not checked in 294).
/// </summary>
public static class TransferRule
{
    public const int PresentLetterWorkingDays = 30;
    public const int TemporaryMinimumMonths = 3;
    public const int TemporaryMaximumMonths = 12;
    public const int TemporaryStudyMaximumMonths = 24;

    public static DateOnly PresentBy(DateOnly issuedOn, WorkingCalendar calendar) => calendar.AddWorkingDays(issuedOn, PresentLetterWorkingDays);

    public static IEnumerable<FieldError> CheckTemporary(DateOnly issuedOn, DateOnly? returnOn, bool forStudy)
    {
        if (returnOn is not { } back)
        {
            yield return new(TransferFields.ReturnOn, "Ngày trở về: chuyển sinh hoạt tạm thời phải ghi thời hạn.");
            yield break;
        }
        var months = Members.AdmissionAgeRule.AgeInFullMonths(issuedOn, back);
        var max = forStudy ? TemporaryStudyMaximumMonths : TemporaryMaximumMonths;
        if (months < TemporaryMinimumMonths)
            yield return new(TransferFields.ReturnOn, $"Ngày trở về: chuyển sinh hoạt tạm thời từ {TemporaryMinimumMonths} tháng trở lên; dưới đó đảng viên vẫn sinh hoạt tại chi bộ cũ.");
        else if (forStudy ? months > max : months >= max)
            yield return new(TransferFields.ReturnOn, forStudy
                ? $"Ngày trở về: đi học tập trung trong nước được chuyển tạm thời tối đa {max / 12} năm."
                : "Ngày trở về: chuyển sinh hoạt tạm thời là dưới 1 năm; từ 1 năm trở lên phải chuyển chính thức.");
    }
}

/// <summary>
/// A letter presented after the 30 working days (<see cref="TransferRule.PresentBy"/>) is not cut from party age by the clock:
/// the one at fault reports the specific reason and the competent committee considers it (QĐ 294-QĐ/TW point 6.3.1 for the
/// 30 days, confirmed; the handling of an overdue letter from an older unit guidance, tccb.sgu.edu.vn, as the 294 summary read
/// was cut off there). So the receiving cell records the reason with the receipt, the receipt stays flagged until the
/// committee's decision (number, date, whether the late period counts in party age) is recorded, and party age loses the days
/// from the deadline to the receipt only when that decision says they do not count (point 4.5.1 of QĐ 24-QĐ/TW: "trừ thời
/// gian không tham gia sinh hoạt đảng").
/// </summary>
public static class LateTransferRule
{
    public const string AwaitingMark = "nộp giấy giới thiệu quá hạn — chờ cấp ủy xem xét";

    public static bool IsLate(DateOnly presentBy, DateOnly receivedOn) => receivedOn > presentBy;

    /// <summary>A late receipt needs the reason for the lateness.</summary>
    public static IEnumerable<FieldError> CheckReceipt(DateOnly presentBy, DateOnly receivedOn, string? lateReason)
    {
        if (IsLate(presentBy, receivedOn) && string.IsNullOrWhiteSpace(lateReason))
            yield return new(TransferFields.LateReason,
                $"{TransferFields.Label(TransferFields.LateReason)}: giấy giới thiệu phải xuất trình chậm nhất ngày {VnFormat.Date(presentBy)} "
                + $"(30 ngày làm việc), nay tiếp nhận ngày {VnFormat.Date(receivedOn)}; hãy ghi lý do nộp quá hạn để cấp ủy xem xét (Quy định 294-QĐ/TW, điểm 6.3.1).");
    }

    /// <summary>The committee's decision on a late receipt: number, date (from the receipt to today), counted or not, the committee.</summary>
    public static IEnumerable<FieldError> CheckDecision(DateOnly presentBy, DateOnly? receivedOn, string? number, DateOnly? decidedOn, bool? countsInPartyAge, bool committeeChosen, DateOnly today)
    {
        if (receivedOn is not { } received || !IsLate(presentBy, received))
        {
            yield return new(TransferFields.LateDecisionNumber, "Quyết định về việc nộp giấy giới thiệu quá hạn: chỉ ghi cho việc chuyển đã tiếp nhận sau hạn xuất trình.");
            yield break;
        }
        if (string.IsNullOrWhiteSpace(number))
            yield return new(TransferFields.LateDecisionNumber, $"{TransferFields.Label(TransferFields.LateDecisionNumber)}: không được để trống.");
        if (decidedOn is not { } on)
            yield return new(TransferFields.LateDecidedOn, $"{TransferFields.Label(TransferFields.LateDecidedOn)}: không được để trống.");
        else if (on < received || on > today)
            yield return new(TransferFields.LateDecidedOn, $"{TransferFields.Label(TransferFields.LateDecidedOn)}: phải từ ngày tiếp nhận ({VnFormat.Date(received)}) đến hôm nay.");
        if (countsInPartyAge is null)
            yield return new(TransferFields.CountsInPartyAge, $"{TransferFields.Label(TransferFields.CountsInPartyAge)}: phải chọn có tính hay không tính vào tuổi đảng.");
        if (!committeeChosen)
            yield return new(TransferFields.LateOrganization, $"{TransferFields.Label(TransferFields.LateOrganization)}: phải chọn cấp ủy đã quyết định.");
    }

    /// <summary>The days out of activity a late receipt leaves: none until the committee decides, none if it decides they count.</summary>
    public static ActivityGap? Gap(DateOnly presentBy, DateOnly? receivedOn, bool? countsInPartyAge) =>
        receivedOn is { } r && IsLate(presentBy, r) && countsInPartyAge == false ? new ActivityGap(presentBy, r) : null;
}

public static class TransferFields
{
    public const string Member = "memberId";
    public const string Kind = "kind";
    public const string ToOrganization = "toOrganizationId";
    public const string IssuedOn = "issuedOn";
    public const string LetterNumber = "letterNumber";
    public const string ReturnOn = "returnOn";
    public const string ReceivedOn = "receivedOn";
    public const string Reason = "reason";
    public const string LateReason = "lateReason";
    public const string LateDecisionNumber = "number";
    public const string LateDecidedOn = "decidedOn";
    public const string CountsInPartyAge = "countsInPartyAge";
    public const string LateOrganization = "organizationId";

    public static string Label(string field) => field switch
    {
        Member => "Đảng viên",
        Kind => "Hình thức chuyển",
        ToOrganization => "Chi bộ nơi đến",
        IssuedOn => "Ngày giới thiệu chuyển đi",
        LetterNumber => "Số giấy giới thiệu",
        ReturnOn => "Ngày trở về",
        ReceivedOn => "Ngày tiếp nhận",
        Reason => "Lý do chuyển",
        LateReason => "Lý do nộp giấy giới thiệu quá hạn",
        LateDecisionNumber => "Số quyết định của cấp ủy về việc nộp quá hạn",
        LateDecidedOn => "Ngày quyết định",
        CountsInPartyAge => "Thời gian quá hạn",
        LateOrganization => "Cấp ủy quyết định",
        _ => field,
    };
}
