using PartyOrg.Domain.Common;
using PartyOrg.Domain.Reference;

namespace PartyOrg.Domain.Cadres;

/// <summary>Whether a holder is from the area of the post (người địa phương), as far as the record tells.</summary>
public enum Locality
{
    Local,
    NotLocal,
    /// <summary>The record names no place, or only the province around a commune's post.</summary>
    Unknown,
}

/// <summary>
/// The area of a post by names: <see cref="Own"/> the place of its level (the commune or district; for a provincial post the province
/// with those merged into it on 1/7/2025), <see cref="Province"/> the province around it and <see cref="Neighbours"/> the other
/// districts or communes of that province (a hometown naming one of them is from elsewhere).
/// </summary>
public sealed record CadreArea(IReadOnlyList<string> Own, IReadOnlyList<string> Province, IReadOnlyList<string>? Neighbours = null);

/// <summary>
/// "Bí thư không là người địa phương" (the seeds' "15/15 bí thư cấp ủy cấp huyện không là người địa phương"): a holder is local when
/// the hometown (quê quán; the birthplace when it is blank) names the post's own area, not local when it names another district or
/// commune of the province or another province, and unknown otherwise, such as a hometown naming only the province around a commune's or district's post. The policy of placing secretaries from
/// elsewhere is a personnel choice; the rule only reads the record, with the names of the 63 provinces of 2008 (reference list),
/// a province since 1/7/2025 covering those merged into it.
/// </summary>
public static class LocalCadreRule
{
    public static Locality Of(string? homeTown, string? birthplace, CadreArea area)
    {
        var text = Words(string.IsNullOrWhiteSpace(homeTown) ? birthplace : homeTown);
        if (text.Length == 2) return Locality.Unknown;
        if (area.Own.Any(n => Names(text, n))) return Locality.Local;
        if (area.Neighbours?.Any(n => Names(text, n)) == true) return Locality.NotLocal;
        if (area.Province.Any(n => Names(text, n))) return Locality.Unknown;
        return ReferenceLists.Provinces63.Any(p => Names(text, p.ShortName)) ? Locality.NotLocal : Locality.Unknown;
    }

    public static string Label(this Locality locality) => locality switch
    {
        Locality.Local => "Người địa phương",
        Locality.NotLocal => "Không là người địa phương",
        _ => "Chưa xác định",
    };

    /// <summary>
    /// The provinces an organization's name points to ("Đảng bộ tỉnh Tây Ninh"): the province named, and when the organization stands
    /// after the merger of 1/7/2025, every province merged into it (Tây Ninh: Tây Ninh and Long An).
    /// </summary>
    public static IReadOnlyList<string> ProvinceNames(string organizationName, bool afterMerger)
    {
        var text = Words(organizationName);
        var named = ReferenceLists.Provinces63.Where(p => Names(text, p.ShortName)).ToList();
        if (!afterMerger) return named.Select(p => p.ShortName).ToList();
        var merged = named.Select(p => p.MergedIntoCode).ToHashSet();
        return ReferenceLists.Provinces63.Where(p => merged.Contains(p.MergedIntoCode)).Select(p => p.ShortName).ToList();
    }

    /// <summary>
    /// The place a district's or commune's organization is named after: "Đảng bộ xã Tân Biên" → "Tân Biên", "Đảng bộ huyện Châu
    /// Thành" → "Châu Thành"; null for a place named only by a number ("Phường 1"), which a hometown cannot be told apart by.
    /// </summary>
    public static string? PlaceName(string organizationName)
    {
        var name = VnText.NormalizeName(organizationName);
        foreach (var prefix in new[] { "Đảng bộ ", "Chi bộ " })
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) name = name[prefix.Length..];
        foreach (var unit in new[] { "xã ", "phường ", "thị trấn ", "đặc khu ", "huyện ", "thị xã ", "thành phố ", "quận " })
            if (name.StartsWith(unit, StringComparison.OrdinalIgnoreCase)) { name = name[unit.Length..]; break; }
        return name.Length == 0 || name.All(c => char.IsDigit(c) || char.IsWhiteSpace(c)) ? null : name;
    }

    /// <summary>Folded words between spaces, so a name matches whole words only ("Ninh Bình" is not "Ninh").</summary>
    private static string Words(string? text) =>
        " " + string.Join(' ', new string(VnText.Fold(text).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";

    /// <summary>
    /// Whether the words name the place; a compound name ("Bà Rịa - Vũng Tàu") is also named by either of its parts, each a city of
    /// that province, as hometowns are often written ("Thành phố Vũng Tàu").
    /// </summary>
    private static bool Names(string words, string name) =>
        words.Contains(Words(name), StringComparison.Ordinal)
        || (name.Contains(" - ", StringComparison.Ordinal) && name.Split(" - ").Any(part => words.Contains(Words(part), StringComparison.Ordinal)));
}
