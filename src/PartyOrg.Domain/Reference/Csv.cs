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

    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
