using System.Globalization;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared;

/// <summary>Turns form and JSON strings into values, collecting a Vietnamese error per bad field.</summary>
public sealed class InputParsing(List<FieldError> errors, Func<string, string> label)
{
    /// <summary>A value the user sent, as an error message repeats it: at most 40 characters, then "…".</summary>
    public static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>The ISO form the JSON API and links carry.</summary>
    public const string DateFormat = "yyyy-MM-dd";
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>The form people read and type, whatever the browser's language.</summary>
    public const string FormDateFormat = "dd/MM/yyyy";

    /// <summary>A form date field's pattern: dd/mm/yyyy, or ISO for values pasted from elsewhere.</summary>
    public const string DatePattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}";

    /// <summary>A date as a form field shows it (dd/MM/yyyy).</summary>
    public static string? Show(DateOnly? date) => date?.ToString(FormDateFormat, CultureInfo.InvariantCulture);

    /// <summary>A date as a link or an API value carries it (yyyy-MM-dd).</summary>
    public static string? Iso(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public string? Required(string field, string? value)
    {
        var trimmed = VnText.NormalizeName(value);
        if (trimmed.Length > 0) return trimmed;
        errors.Add(new(field, $"{label(field)}: không được để trống."));
        return null;
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public DateOnly? Date(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new(field, $"{label(field)}: không được để trống."));
            return null;
        }
        string[] formats = [DateFormat, FormDateFormat, "d/M/yyyy"];
        if (DateOnly.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date >= Earliest && date <= Latest) return date;
            errors.Add(new(field, $"{label(field)}: ngày {date:dd/MM/yyyy} nằm ngoài khoảng 01/01/1900 – 31/12/2100."));
            return null;
        }
        errors.Add(new(field, $"{label(field)}: \"{(value.Length > 20 ? value[..20] + "…" : value)}\" không phải ngày hợp lệ (dd/mm/yyyy)."));
        return null;
    }

    public T? Enum<T>(string field, string? value) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"{label(field)}: không được để trống."));
            return null;
        }
        // One name of the list exactly (case aside): a number would pick a value by its position, which changes when the list
        // grows, and "A,B" would be read as the flags A|B, another value altogether.
        var name = value.Trim();
        if (System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known) return System.Enum.Parse<T>(known);
        errors.Add(new(field, $"{label(field)}: giá trị \"{Shown(value)}\" không có trong danh mục."));
        return null;
    }
}
