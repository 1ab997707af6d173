using System.Text;

namespace PartyOrg.Domain.Reference;

/// <summary>Reads RFC 4180 text (quoted fields, doubled quotes): the small lists shipped with the domain, and files given to it.</summary>
public static class Csv
{
    internal static IReadOnlyList<Dictionary<string, string>> ReadResource(string name)
    {
        using var stream = typeof(Csv).Assembly.GetManifestResourceStream($"PartyOrg.Reference.{name}.csv")
            ?? throw new InvalidOperationException($"Missing reference list {name}.csv");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        var header = rows[0];
        return rows.Skip(1)
            .Where(r => r.Count > 1 || (r.Count == 1 && r[0].Length > 0))
            .Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(p => p.h, p => p.v))
            .ToList();
    }

    public static List<List<string>> Parse(string text) => [.. Records(new StringReader(text))];

    /// <summary>
    /// The records of a text as they are read, one list of fields each, so a file of millions of rows goes through in bounded
    /// memory. A quote opens a quoted field only at the start of the field (where it may span lines); elsewhere it is a
    /// character of the field, so a stray quote never swallows the rows after it. A record ends at LF, CRLF or a lone CR.
    /// </summary>
    public static IEnumerable<List<string>> Records(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false; // the field has a character (or an opening quote) already
        var pendingQuote = false; // a quote inside a quoted field, waiting for the next character to say whether it is doubled
        var afterCr = false;
        var buffer = new char[1 << 16];
        for (var read = reader.Read(buffer, 0, buffer.Length); read > 0; read = reader.Read(buffer, 0, buffer.Length))
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (afterCr)
                {
                    afterCr = false;
                    if (c == '\n') continue;
                }
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"') { field.Append('"'); continue; }
                    quoted = false;
                }
                if (quoted)
                {
                    if (c == '"') pendingQuote = true;
                    else field.Append(c);
                    continue;
                }
                switch (c)
                {
                    case '"' when !fieldStarted: quoted = true; fieldStarted = true; break;
                    case ',': row.Add(field.ToString()); field.Clear(); fieldStarted = false; break;
                    case '\r' or '\n':
                        afterCr = c == '\r';
                        row.Add(field.ToString());
                        field.Clear();
                        fieldStarted = false;
                        yield return row;
                        row = [];
                        break;
                    default: field.Append(c); fieldStarted = true; break;
                }
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); yield return row; }
    }
}
