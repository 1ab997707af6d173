using System.Globalization;
using System.Text;

namespace PartyOrg.Domain.Common;

/// <summary>Vietnamese text helpers: diacritic folding for search and a sort key for ordering people.</summary>
public static class VnText
{
    /// <summary>Lower-case, diacritics removed, đ→d, single spaces: "Nguyễn Văn Được" → "nguyen van duoc".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Collapses runs of white space and trims, keeping the diacritics (NFC).</summary>
    public static string NormalizeName(string? text) =>
        string.Join(' ', (text ?? "").Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The given name (tên): the last word of a Vietnamese full name.</summary>
    public static string GivenName(string fullName)
    {
        var words = NormalizeName(fullName).Split(' ');
        return words[^1];
    }

    /// <summary>Folded given name first, then the whole folded name: lets a search for "duoc" use an index.</summary>
    public static string GivenFirstFold(string fullName)
    {
        var folded = Fold(fullName);
        var lastSpace = folded.LastIndexOf(' ');
        return lastSpace < 0 ? folded : folded[(lastSpace + 1)..] + " " + folded;
    }

    // Vietnamese alphabetical order; f, j, w, z sit where Latin puts them, for names of foreign origin.
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
    private static int ToneOf(char combining) => combining switch
    {
        '\u0300' => 1, // huyền
        '\u0309' => 2, // hỏi
        '\u0303' => 3, // ngã
        '\u0301' => 4, // sắc
        '\u0323' => 5, // nặng
        _ => 0,
    };

    /// <summary>
    /// An ordinal-comparable key that sorts people the Vietnamese way: by given name, then surname and
    /// middle names, letters in Vietnamese order (a ă â … đ …), tones compared only when the letters tie.
    /// Stored beside the name so the database pages in the same order with a plain (binary) collation.
    /// </summary>
    public static string SortKey(string fullName)
    {
        var words = NormalizeName(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Key(words.Length <= 1 ? words : [words[^1], .. words[..^1]]);
    }

    /// <summary>The same ordering for names of things (organizations, places): words in their written order.</summary>
    public static string CollationKey(string text) =>
        Key(NormalizeName(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Key(string[] ordered)
    {
        if (ordered.Length == 0) return "";
        var primary = new StringBuilder();
        var tones = new StringBuilder();
        for (var w = 0; w < ordered.Length; w++)
        {
            if (w > 0) primary.Append('#');
            foreach (var (letter, tone) in Letters(ordered[w]))
            {
                var index = Alphabet.IndexOf(letter);
                primary.Append(index >= 0 ? (char)('0' + index) : letter);
                tones.Append((char)('0' + tone));
            }
        }
        // '!' sorts below '#', so a name whose letters are a prefix of another's comes first.
        return primary.Append('!').Append(tones).ToString();
    }

    private static IEnumerable<(char Letter, int Tone)> Letters(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var baseChar = decomposed[i];
            var tone = 0;
            var modifier = '\0';
            while (i + 1 < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i + 1]) == UnicodeCategory.NonSpacingMark)
            {
                i++;
                var mark = decomposed[i];
                if (mark is '\u0306' or '\u0302' or '\u031B') modifier = mark;
                else tone = Math.Max(tone, ToneOf(mark));
            }
            var letter = (baseChar, modifier) switch
            {
                ('a', '\u0306') => 'ă',
                ('a', '\u0302') => 'â',
                ('e', '\u0302') => 'ê',
                ('o', '\u0302') => 'ô',
                ('o', '\u031B') => 'ơ',
                ('u', '\u031B') => 'ư',
                _ => baseChar,
            };
            yield return (letter, tone);
        }
    }
}
