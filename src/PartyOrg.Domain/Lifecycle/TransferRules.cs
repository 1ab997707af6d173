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
        _ => field,
    };
}
