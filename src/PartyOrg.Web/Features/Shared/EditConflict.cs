using System.Reflection;

namespace PartyOrg.Web.Features.Shared;

public sealed record ConflictRow(string Label, string? Mine, string? Theirs);

/// <summary>
/// What a form shows when the record changed since it was opened: when and by whom, and each field where what the user
/// typed differs from what is stored now. Nothing was saved; the form keeps the typed values and the stored version,
/// so saving again is a deliberate choice made after seeing both.
/// </summary>
public sealed record EditConflict(DateTime? At, string? UserName, IReadOnlyList<ConflictRow> Rows)
{
    public static EditConflict Compare<TInput>(TInput mine, TInput theirs, Func<string, string> label, (DateTime At, string UserName)? last,
        Func<string, string?, string?>? show = null)
    {
        var rows = typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "Version" && p.CanRead)
            .Select(p => (p.Name, Mine: Text(p.GetValue(mine)), Theirs: Text(p.GetValue(theirs))))
            .Where(p => !string.Equals(p.Mine?.Trim() ?? "", p.Theirs?.Trim() ?? "", StringComparison.Ordinal))
            .Select(p => new ConflictRow(label(p.Name), show is null ? p.Mine : show(p.Name, p.Mine), show is null ? p.Theirs : show(p.Name, p.Theirs)))
            .ToList();
        return new EditConflict(last?.At, last?.UserName, rows);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
