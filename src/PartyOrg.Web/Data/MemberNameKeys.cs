namespace PartyOrg.Web.Data;

/// <summary>
/// One word-suffix of a member's folded name ("nguyen van anh", "van anh", "anh"): a search for words in order
/// ("van anh", "thi thu", "bich th") is a prefix range over these keys, served by an index. Kept in step with the
/// member's name, sort key and cell on every save (<see cref="AppDbContext"/>), never written by hand.
/// </summary>
public sealed class MemberNameKey
{
    public int MemberId { get; set; }
    public string Key { get; set; } = "";
    /// <summary>Copy of the member's cell path, so a scoped search filters inside the key index.</summary>
    public string OrgPath { get; set; } = "";
    /// <summary>Copy of the member's sort key: a search lists the matched words in order, then names in Vietnamese order, straight from an index.</summary>
    public string SortKey { get; set; } = "";

    /// <summary>The word-suffixes of a folded name, longest first; duplicates cannot occur (each is shorter than the last).</summary>
    public static IEnumerable<string> SuffixesOf(string foldedName)
    {
        if (foldedName.Length == 0) yield break;
        yield return foldedName;
        for (var i = foldedName.IndexOf(' '); i >= 0; i = foldedName.IndexOf(' ', i + 1))
            yield return foldedName[(i + 1)..];
    }
}
