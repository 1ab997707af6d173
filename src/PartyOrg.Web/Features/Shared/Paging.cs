using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    /// <summary>The count stopped at <see cref="Total"/>: more rows match (a search by a common name), so the total is a floor.</summary>
    public bool TotalCapped { get; init; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;
    /// <summary>The API's bound on page numbers; pages clamp to it so the offset never overflows.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// The "page" query value of a list page. Read from the query string itself: in Razor Pages "page" is also the
    /// route value naming the page ("/Members/Index"), which model binding would find first.
    /// </summary>
    public static int? RequestedPage(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    /// <summary>
    /// One page of an ordered query. A page that is not full tells the total by itself (the usual case for a search by
    /// CCCD or a full name), so the count runs only when more rows may follow.
    /// </summary>
    public static Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, IQueryable<T> unordered, int? page, int? pageSize) =>
        ordered.ToPageAsync(unordered, page, pageSize, rows => rows);

    /// <summary>The same, with the page's rows projected (joined to names) after the skip and take, not before.</summary>
    /// <remarks>
    /// With <paramref name="countCap"/> the count stops past that many rows (or past the page asked, if further): a search
    /// matching a million names costs what one matching a thousand does, and says "more than" instead of an exact figure.
    /// </remarks>
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> ordered, IQueryable<T> unordered, int? page, int? pageSize,
        Func<IQueryable<T>, IQueryable<TOut>> project, int? countCap = null)
    {
        var (number, size) = Normalize(page, pageSize);
        var items = await project(ordered.Skip((number - 1) * size).Take(size)).ToListAsync();
        if (items.Count > 0 && items.Count < size) return new Page<TOut>(items, (number - 1) * size + items.Count, number, size);
        if (number == 1 && items.Count == 0) return new Page<TOut>(items, 0, number, size);
        if (countCap is not { } cap) return new Page<TOut>(items, await unordered.CountAsync(), number, size);
        var limit = Math.Max(cap, number * size);
        var counted = await unordered.Take(limit + 1).CountAsync();
        return new Page<TOut>(items, Math.Min(counted, limit), number, size) { TotalCapped = counted > limit };
    }

    /// <summary>A page of a list already computed in memory (short lists whose rows need a rule applied first).</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (number, size) = Normalize(page, pageSize);
        return new Page<T>(all.Skip((number - 1) * size).Take(size).ToList(), all.Count, number, size);
    }

    /// <summary>The same page with its rows turned into what the list shows.</summary>
    public static Page<TOut> Map<TIn, TOut>(this Page<TIn> page, IReadOnlyList<TOut> items) =>
        new(items, page.Total, page.PageNumber, page.PageSize) { TotalCapped = page.TotalCapped };
}

/// <summary>
/// A sort order chosen from a list's whitelist: "name" or "-name" (descending). Anything else is refused, so no
/// column name ever comes from the query string.
/// </summary>
public readonly record struct SortOrder(string Key, bool Descending)
{
    public const string Field = "sort";

    public static bool TryParse(string? text, IReadOnlyCollection<string> allowed, string fallback, out SortOrder order)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) value = fallback;
        var descending = value.StartsWith('-');
        var key = descending ? value[1..] : value;
        order = allowed.Contains(key) ? new SortOrder(key, descending) : Parse(fallback);
        return allowed.Contains(key);
    }

    private static SortOrder Parse(string text) => text.StartsWith('-') ? new(text[1..], true) : new(text, false);

    public static string Refused(IEnumerable<string> allowed) => $"Thứ tự sắp xếp: chỉ nhận {string.Join(", ", allowed)} (thêm dấu - để xếp ngược).";

    public override string ToString() => (Descending ? "-" : "") + Key;
}

/// <summary>What the shared pager shows: "Trang 2/37 · 912 đảng viên", with links that keep every other filter.</summary>
public sealed record Pager(int PageNumber, int PageCount, int Total, string Noun, bool TotalCapped = false)
{
    public static Pager For<T>(Page<T> page, string noun) => new(page.PageNumber, page.PageCount, page.Total, noun, page.TotalCapped);

    public bool HasNext => PageNumber < PageCount || TotalCapped;
}

/// <summary>Links of a list page: the current address with some query values changed, the others kept.</summary>
public static class ListLinks
{
    public static string With(HttpRequest request, params (string Name, string? Value)[] changes)
    {
        var values = request.Query
            .Where(kv => !changes.Any(c => c.Name.Equals(kv.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(kv => kv.Value.Select(v => (kv.Key, Value: v ?? "")))
            .Concat(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => (Key: c.Name, Value: c.Value!)))
            .Where(kv => kv.Value.Length > 0);
        var query = string.Join("&", values.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
        return request.Path + (query.Length == 0 ? "" : "?" + query);
    }

    /// <summary>A page of the same list.</summary>
    public static string ToPage(HttpRequest request, int page) => With(request, ("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A column header's link: that column ascending, or descending when it is already the order; back to page 1.</summary>
    public static string ToSort(HttpRequest request, SortOrder current, string key) =>
        With(request, (SortOrder.Field, current.Key == key && !current.Descending ? "-" + key : key), ("page", null));
}

/// <summary>A sortable column header: its label, its whitelisted key and the list's current order.</summary>
public sealed record SortHeader(string Label, string Key, SortOrder Current);

public static class ListProblems
{
    /// <summary>The API's 400 for a list asked with a filter or order it does not know.</summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: "Tham số của danh sách không hợp lệ.",
        detail: string.Join(" ", errors.Select(e => e.Message)));
}
