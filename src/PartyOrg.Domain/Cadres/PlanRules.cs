using PartyOrg.Domain.Common;
using PartyOrg.Domain.Statistics;

namespace PartyOrg.Domain.Cadres;

/// <summary>
/// A post's rank for planning: posts of a higher organization (smaller depth in the tree) outrank those below it; at the same depth
/// the catalogue's order ranks them (bí thư before phó bí thư before ủy viên ban thường vụ…).
/// </summary>
public sealed record PostRank(int Depth, int Order, string Title)
{
    public bool IsHigherThan(PostRank other) => Depth < other.Depth || (Depth == other.Depth && Order < other.Order);
}

/// <summary>
/// Planning is only for a post higher than the one the cadre holds ("quy hoạch chức danh cao hơn"). Source: Quy định 377-QĐ/TW
/// (8/10/2025, effective on signing), REGULATIONS.md §15; the superseded QĐ 50-QĐ/TW (2021) planned the same way. A cadre
/// holding several posts on the entry's date must be planned above the highest of them.
/// </summary>
public static class PlanHigherPostRule
{
    public static FieldError? Check(string field, PostRank planned, IEnumerable<PostRank> held, string name)
    {
        var blocking = held.Where(h => !planned.IsHigherThan(h)).OrderBy(h => h.Depth).ThenBy(h => h.Order).FirstOrDefault();
        return blocking is null ? null
            : new(field, $"Đảng viên: đồng chí {name} đang giữ chức danh \"{blocking.Title}\", không thấp hơn \"{planned.Title}\"; chỉ quy hoạch chức danh cao hơn (Quy định 377-QĐ/TW).");
    }
}

/// <summary>
/// At most three cadres planned for one post, and one cadre planned for at most three posts at the same level. Source: Quy định
/// 377-QĐ/TW, in force from 8/10/2025: "mỗi chức danh … quy hoạch không quá ba cán bộ, một cán bộ quy hoạch không quá ba chức danh ở
/// cùng cấp" (REGULATIONS.md §15). Before that date the limits of QĐ 50-QĐ/TW (2021) were not found: entries dated earlier are
/// not checked, and the page says so.
/// </summary>
public static class PlanLimitsRule
{
    public static readonly DateOnly InForceFrom = new(2025, 10, 8);
    public const int CadresPerPost = 3, PostsPerCadre = 3;

    public static bool Applies(DateOnly on) => on >= InForceFrom;

    public static FieldError? CheckPost(string field, DateOnly on, int alreadyPlanned, string postTitle) =>
        Applies(on) && alreadyPlanned + 1 > CadresPerPost
            ? new(field, $"Chức danh: \"{postTitle}\" đã quy hoạch {alreadyPlanned} cán bộ; mỗi chức danh quy hoạch không quá {CadresPerPost} cán bộ (Quy định 377-QĐ/TW).")
            : null;

    public static FieldError? CheckCadre(string field, DateOnly on, int postsAtSameLevel, string name) =>
        Applies(on) && postsAtSameLevel + 1 > PostsPerCadre
            ? new(field, $"Đảng viên: đồng chí {name} đã được quy hoạch {postsAtSameLevel} chức danh cùng cấp; một cán bộ quy hoạch không quá {PostsPerCadre} chức danh ở cùng cấp (Quy định 377-QĐ/TW).")
            : null;
}

/// <summary>
/// Age for a plan: the cadre must be able to serve a whole term (QĐ 50-QĐ/TW 2021, "đủ tuổi công tác ít nhất một nhiệm kỳ"; the age
/// conditions of QĐ 377 were not found, REGULATIONS.md §15): not past the retirement age before the term ends. The retirement ages
/// are settings (<c>Cadres:RetirementAgeMen</c>, <c>Cadres:RetirementAgeWomen</c>, defaults 62 and 60, the end points of the Labour
/// Code 2019's roadmap; the yearly steps of the roadmap are not applied), shown beside the plan.
/// </summary>
public static class PlanAgeRule
{
    /// <summary>The day the cadre reaches the age, counted as the statistics count full years (<see cref="AgeBandRule.Age"/>).</summary>
    public static DateOnly FirstDayOfAge(DateOnly dateOfBirth, int age)
    {
        var day = dateOfBirth.AddYears(age).AddDays(-2);
        while (AgeBandRule.Age(dateOfBirth, day) < age) day = day.AddDays(1);
        return day;
    }

    public static FieldError? Check(string field, DateOnly dateOfBirth, int retirementAge, int termTo, string name)
    {
        var retires = FirstDayOfAge(dateOfBirth, retirementAge);
        var termEnds = new DateOnly(termTo, 12, 31);
        return retires > termEnds ? null
            : new(field, $"Đảng viên: đồng chí {name} đủ {retirementAge} tuổi ngày {VnFormat.Date(retires)}, trước khi hết nhiệm kỳ (năm {termTo}); quy hoạch phải đủ tuổi công tác trọn nhiệm kỳ (Quy định 50-QĐ/TW năm 2021; tuổi nghỉ hưu theo thiết lập Cadres:RetirementAge).");
    }
}

/// <summary>
/// The composition of a plan (or of the holders of posts): shares of women, of cadres under 40, of ethnic minorities, the three age
/// tiers, and the planning ratio (hệ số quy hoạch: cadres planned per seat of the posts planned). Percentages over the cadres counted.
/// </summary>
public sealed record PlanComposition(int Cadres, int Women, int Under40, int Minorities, int From40To50, int Over50, int Seats, int Entries)
{
    /// <summary>The three age tiers on the date: under 40 (<see cref="Under40"/>), 40 to 50, over 50 (the structure QĐ 377 aims at; the limits are the system's).</summary>
    public static PlanComposition Of(IEnumerable<(bool Woman, DateOnly DateOfBirth, bool Minority)> cadres, int seats, int entries, DateOnly on)
    {
        var list = cadres.ToList();
        int Age((bool, DateOnly DateOfBirth, bool) c) => AgeBandRule.Age(c.DateOfBirth, on);
        return new(list.Count, list.Count(c => c.Woman), list.Count(c => Age(c) < 40), list.Count(c => c.Minority),
            list.Count(c => Age(c) is >= 40 and <= 50), list.Count(c => Age(c) > 50), seats, entries);
    }

    /// <summary>Entries per seat, to two decimals.</summary>
    public decimal Ratio => Seats == 0 ? 0 : Math.Round((decimal)Entries / Seats, 2, MidpointRounding.AwayFromZero);
}
