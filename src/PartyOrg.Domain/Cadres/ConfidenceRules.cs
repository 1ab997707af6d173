using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Cadres;

/// <summary>The source of the confidence-vote rules: Quy định 96-QĐ/TW of 2/2/2023, in force (not on QĐ 377's list of texts it replaces).</summary>
public static class ConfidenceVotes
{
    public const string Source = "Quy định 96-QĐ/TW ngày 02/02/2023";
    public static readonly DateOnly InForceFrom = new(2023, 2, 2);
}

/// <summary>A voting meeting is valid only with at least two thirds of those summoned present (QĐ 96-QĐ/TW, REGULATIONS.md §11).</summary>
public static class ConfidenceQuorumRule
{
    public static bool Met(int summoned, int present) => summoned > 0 && present * 3 >= summoned * 2;

    public static FieldError? Check(string field, int summoned, int present) => Met(summoned, present) ? null
        : new(field, $"Số có mặt: {VnFormat.Number(present)}/{VnFormat.Number(summoned)} người được triệu tập, chưa đủ 2/3; hội nghị lấy phiếu không hợp lệ ({ConfidenceVotes.Source}).");
}

/// <summary>What a cadre's result leads to, by the share of "tín nhiệm thấp" over the ballots returned.</summary>
public enum ConfidenceConsequence
{
    None,
    /// <summary>More than 1/2 and under 2/3 low: out of planning for higher posts; considered for leaving the post, reassignment or resignation.</summary>
    OutOfPlanning,
    /// <summary>2/3 or more low: out of planning too, and considered for dismissal.</summary>
    Dismissal,
}

/// <summary>
/// The consequences of a cadre's result (QĐ 96-QĐ/TW): more than half the ballots returned "tín nhiệm thấp" takes the cadre out of
/// planning for higher posts and puts leaving the post, reassignment or resignation to the competent body; two thirds or more
/// leads to dismissal. Whether exactly two thirds counts as "2/3 or more" was not read in the text: the setting
/// <c>Cadres:LowConfidenceTwoThirdsInclusive</c> (default true) decides, shown with the result. Percentages are over the ballots returned.
/// </summary>
public static class ConfidenceConsequenceRule
{
    public static ConfidenceConsequence Of(int low, int ballotsReturned, bool twoThirdsInclusive)
    {
        if (ballotsReturned <= 0 || low * 2 <= ballotsReturned) return ConfidenceConsequence.None;
        var twoThirds = twoThirdsInclusive ? low * 3 >= ballotsReturned * 2 : low * 3 > ballotsReturned * 2;
        return twoThirds ? ConfidenceConsequence.Dismissal : ConfidenceConsequence.OutOfPlanning;
    }

    public static string Label(ConfidenceConsequence c) => c switch
    {
        ConfidenceConsequence.OutOfPlanning => $"Trên 1/2 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn, xem xét cho thôi giữ chức vụ, điều động hoặc từ chức ({ConfidenceVotes.Source})",
        ConfidenceConsequence.Dismissal => $"Từ 2/3 phiếu tín nhiệm thấp trở lên: đưa ra khỏi quy hoạch, xem xét miễn nhiệm ({ConfidenceVotes.Source})",
        _ => "",
    };
}

/// <summary>
/// A cadre's counts: the three levels together cannot exceed the ballots returned (a ballot may leave a name unmarked), and a cadre
/// is voted on in at most two places in one year's round (QĐ 96-QĐ/TW, as the issue reads it; REGULATIONS.md §11 did not quote it).
/// </summary>
public static class ConfidenceBallotRule
{
    public const int MostPlacesPerYear = 2;

    public static FieldError? CheckCounts(string field, int high, int medium, int low, int ballotsReturned, string name) =>
        high < 0 || medium < 0 || low < 0 ? new(field, $"Số phiếu của đồng chí {name}: không được âm.")
        : (long)high + medium + low > ballotsReturned ? new(field, $"Số phiếu của đồng chí {name}: tổng {VnFormat.Number((long)high + medium + low)} vượt số phiếu thu về ({VnFormat.Number(ballotsReturned)}).")
        : null;

    public static FieldError? CheckPlaces(string field, int placesAlready, int year, string name) => placesAlready + 1 > MostPlacesPerYear
        ? new(field, $"Đồng chí {name} đã được lấy phiếu tín nhiệm ở {placesAlready} nơi trong năm {year}; mỗi cán bộ được lấy phiếu không quá {MostPlacesPerYear} nơi ({ConfidenceVotes.Source}).")
        : null;
}
