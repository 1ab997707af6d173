using System.Globalization;
using System.Text;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Features.Account;

namespace PartyOrg.Web.Features.Shared.Exports;

/// <summary>
/// HTTP answers for exported files, and the audit of each export. A file is written to a temporary file that deletes itself
/// when the answer is sent (the OpenXML writers are synchronous and the response body refuses synchronous writes), so memory
/// stays bounded whatever the length of the list. Usage in an endpoint:
/// <code>
/// await exports.AuditAsync("members.xlsx", http.Request);
/// return await Exports.XlsxAsync("dang-vien.xlsx", new("ĐẢNG BỘ …", today), [sheet]);
/// </code>
/// </summary>
public sealed class Exports(AccountLog log)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string DocxContentType = PartyDocument.ContentType;

    /// <summary>Records who exported what (an account event "Exported", with the route and its query).</summary>
    public Task AuditAsync(UserScope scope, string what, HttpRequest request) =>
        log.WriteAsync(scope.UserName, AccountEventKinds.Exported, $"{what} {request.Path}{request.QueryString}");

    /// <summary>An .xlsx answer built by <see cref="XlsxWorkbook"/>.</summary>
    public static Task<IResult> XlsxAsync(string fileName, XlsxWorkbook.Heading heading, IReadOnlyList<XlsxSheet> sheets, CancellationToken cancel = default) =>
        FileAsync(fileName, XlsxWorkbook.ContentType, stream => XlsxWorkbook.WriteAsync(stream, heading, sheets, cancel));

    /// <summary>A .docx answer built by <see cref="PartyDocument"/>.</summary>
    public static IResult Docx(string fileName, byte[] bytes) =>
        Results.File(bytes, PartyDocument.ContentType, fileName);

    /// <summary>
    /// A CSV answer of the same sheet (UTF-8 with a byte-order mark so Excel reads the diacritics; comma-separated, RFC 4180
    /// quoting; dates dd/mm/yyyy; numbers without thousands separators, so that a program can read them back).
    /// </summary>
    public static Task<IResult> CsvAsync(string fileName, XlsxSheet sheet, CancellationToken cancel = default) =>
        FileAsync(fileName, CsvContentType, async stream =>
        {
            await using var writer = new StreamWriter(stream, CsvEncoding, 1 << 16, leaveOpen: true);
            await writer.WriteLineAsync(CsvLine(sheet.Columns.Select(c => (object?)c.Header)));
            await foreach (var row in sheet.Rows.WithCancellation(cancel))
                await writer.WriteLineAsync(CsvLine(sheet.Columns.Select((c, i) => i < row.Length ? row[i] : null)));
        });

    /// <summary>The encoding of every CSV file the application writes: UTF-8 with a byte-order mark.</summary>
    public static readonly UTF8Encoding CsvEncoding = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>One CSV line (without its line break): the cells comma-separated, quoted as RFC 4180 needs, dates dd/mm/yyyy.</summary>
    public static string CsvLine(IEnumerable<object?> cells) => string.Join(",", cells.Select(c => Quote(CsvValue(c))));

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateOnly d => VnFormat.Date(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static async Task<IResult> FileAsync(string fileName, string contentType, Func<Stream, Task> write)
    {
        var path = Path.Combine(Path.GetTempPath(), "partyorg-export-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await write(file);
            await file.FlushAsync();
            file.Position = 0;
            return Results.File(file, contentType, fileName); // disposed (and deleted) once sent
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every row of a paged list, page after page through the same query the page uses (same filters, same order).</summary>
    public static async IAsyncEnumerable<T> AllPages<T>(Func<int, Task<Page<T>>> fetch)
    {
        for (var number = 1; ; number++)
        {
            var page = await fetch(number);
            foreach (var item in page.Items) yield return item;
            if (page.Items.Count == 0 || number >= page.PageCount || number >= Paging.MaxPage) yield break;
        }
    }

    /// <summary>The committee's name as a heading: "ĐẢNG BỘ TỈNH TÂY NINH".</summary>
    public static string Upper(string name) => name.ToUpper(VnFormat.Culture);
}

/// <summary>The "Tải Excel" link of a list page: the export route with the page's own query (its filters and order), without the page number.</summary>
public static class ExportLink
{
    public static string For(HttpRequest request, string list, params (string Name, string? Value)[] extra)
    {
        var values = request.Query
            .Where(kv => !kv.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !extra.Any(e => e.Name.Equals(kv.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(kv => kv.Value.Select(v => (kv.Key, Value: v ?? "")))
            .Concat(extra.Where(e => !string.IsNullOrEmpty(e.Value)).Select(e => (Key: e.Name, Value: e.Value!)))
            .Where(kv => kv.Value.Length > 0);
        var query = string.Join("&", values.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
        return $"/api/v1/exports/{list}" + (query.Length == 0 ? "" : "?" + query);
    }
}
