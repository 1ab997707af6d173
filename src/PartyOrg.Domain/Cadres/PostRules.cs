using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Cadres;

/// <summary>Where a post sits: the Party committee itself, the state body or a mass organization attached to the organization.</summary>
public enum PostBody
{
    PartyCommittee,
    State,
    MassOrganization,
}

/// <summary>How a holder came to the post: elected (bầu), appointed (bổ nhiệm) or designated by the committee above (chỉ định, phân công).</summary>
public enum HoldingBasis
{
    Election,
    Appointment,
    Designation,
}

public static class CadreLabels
{
    public static string Label(this PostBody body) => body switch
    {
        PostBody.PartyCommittee => "Cấp ủy đảng",
        PostBody.State => "Chính quyền",
        PostBody.MassOrganization => "Mặt trận, đoàn thể",
        _ => body.ToString(),
    };

    public static string Label(this HoldingBasis basis) => basis switch
    {
        HoldingBasis.Election => "Bầu",
        HoldingBasis.Appointment => "Bổ nhiệm",
        HoldingBasis.Designation => "Chỉ định, phân công",
        _ => basis.ToString(),
    };
}

/// <summary>
/// A post of a Party committee (bí thư, phó bí thư, ủy viên ban thường vụ, cấp ủy viên, chủ nhiệm ủy ban kiểm tra…) is held only
/// by an official member on the holding's first day. Source: Điều lệ Đảng (2011), Điều 3: "Đảng viên dự bị có các quyền trên đây,
/// trừ quyền biểu quyết, ứng cử và bầu cử cơ quan lãnh đạo của Đảng"; the Charter of 2011 is still in force (REGULATIONS.md, chain of
/// documents). Posts of the state and mass bodies may be held by people outside the register where the post kind allows it.
/// </summary>
public static class PartyCommitteePostRule
{
    public const string Source = "Điều lệ Đảng (2011), Điều 3";

    /// <param name="official">Whether the holder is an official member on <paramref name="from"/> (null: not in the register).</param>
    public static FieldError? Check(string field, PostBody body, bool? official, DateOnly from, string holderName)
    {
        if (body != PostBody.PartyCommittee) return null;
        return official switch
        {
            null => new(field, "Người giữ chức danh: chức danh của cấp ủy đảng phải do đảng viên trong hồ sơ đảm nhiệm; hãy chọn đảng viên."),
            false => new(field, $"Người giữ chức danh: ngày {VnFormat.Date(from)} đồng chí {holderName} chưa là đảng viên chính thức; đảng viên dự bị không ứng cử, bầu cử cơ quan lãnh đạo của Đảng ({Source})."),
            _ => null,
        };
    }
}

/// <summary>
/// The seats of a post: on no day may more people hold it than it has seats (one bí thư, the phó bí thư the committee decided), and
/// nobody holds the same post twice at once. The number of seats is data on the post, set by the commission (the structure of each
/// committee is decided per congress); the rule only keeps the record consistent.
/// </summary>
public static class PostSeatsRule
{
    /// <summary>The most holders on any one day of [from, to) counting the new holding; the periods are [From, To) with To exclusive.</summary>
    public static int MostAtOnce(IEnumerable<(DateOnly From, DateOnly? To)> others, DateOnly from, DateOnly? to)
    {
        var overlapping = others.Where(o => Overlaps(o.From, o.To, from, to)).ToList();
        // The count changes only where a period starts: test each start within the new period.
        var starts = overlapping.Select(o => o.From < from ? from : o.From).Append(from).Distinct();
        return starts.Max(day => 1 + overlapping.Count(o => o.From <= day && (o.To is null || day < o.To)));
    }

    public static bool Overlaps(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        (bTo is null || aFrom < bTo) && (aTo is null || bFrom < aTo);

    public static FieldError? Check(string field, int seats, string postTitle, IEnumerable<(DateOnly From, DateOnly? To)> others, DateOnly from, DateOnly? to)
    {
        var most = MostAtOnce(others, from, to);
        return most <= seats ? null
            : new(field, $"Ngày giữ chức danh: trong thời gian này \"{postTitle}\" đã có đủ {VnFormat.Number(seats)} người giữ; ghi ngày thôi giữ chức danh của người trước hoặc sửa số người của chức danh.");
    }
}

/// <summary>
/// The term of an appointment (bổ nhiệm): it ends after a number of years unless renewed, and the reappointment case is due some
/// days before. QĐ 377-QĐ/TW governs appointment, but its term and its reappointment steps were not found (REGULATIONS.md §18);
/// both numbers are settings (<c>Cadres:AppointmentTermYears</c>, default 5, the term of the superseded rules; <c>Cadres:ReappointmentNoticeDays</c>,
/// default 90), shown to the user as such. Elected posts follow the congress's term instead.
/// </summary>
public static class AppointmentTermRule
{
    /// <summary>The last day of an appointment made on <paramref name="from"/>: the day before its anniversary (01/03 for a 29/02 start in a common year).</summary>
    public static DateOnly LastDay(DateOnly from, int years)
    {
        var anniversary = from.AddYears(years);
        if (from is { Month: 2, Day: 29 } && anniversary.Day == 28) anniversary = anniversary.AddDays(1);
        return anniversary.AddDays(-1);
    }

    /// <summary>From which day the reappointment is due on the worklist.</summary>
    public static DateOnly DueFrom(DateOnly from, int years, int noticeDays) => LastDay(from, years).AddDays(-noticeDays);
}
