using System.Collections.Concurrent;
using System.Globalization;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>What a commit does (or did): records created, changed, and rows equal to their record.</summary>
public sealed record ImportCounts(int Created, int Changed, int Unchanged);

/// <summary>The cells of a row as typed values, each bad one an error naming its column (the header).</summary>
public sealed class ImportValues(ImportRow row, IReadOnlyList<ImportColumn> columns, InputParsing parse, List<FieldError> errors)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ImportColumn>, Dictionary<string, int>> Indexes = new();
    /// <summary>The folded labels of each list of choices, built once: folding is the costly part of reading a row.</summary>
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> Choices = new();

    private int Index(string key) => Indexes.GetValue(columns, c => c.Select((column, i) => (column.Key, i)).ToDictionary(x => x.Key, x => x.i))[key];
    private string Header(string key) => columns[Index(key)].Header;

    private static readonly ConcurrentDictionary<string, string> FoldedValues = new();

    /// <summary>A cell's folded form, remembered for the few values a column of choices repeats ("Nam", "Kinh"), up to a bound.</summary>
    public static string Folded(string value)
    {
        if (FoldedValues.TryGetValue(value, out var folded)) return folded;
        folded = VnText.Fold(value);
        if (FoldedValues.Count < 10_000) FoldedValues.TryAdd(value, folded);
        return folded;
    }

    /// <summary>Trimmed text, null when empty; longer than <paramref name="max"/> is an error.</summary>
    public string? Text(string key, int max)
    {
        var value = row[Index(key)];
        if (value is not null && value.Length > max) errors.Add(new(key, $"{Header(key)}: dài quá {max} ký tự."));
        return value;
    }

    /// <summary>
    /// Cells holding what no register field may: control characters, direction overrides or invisible characters (the same
    /// characters the forms and the API refuse; line breaks only in the free-text columns), or U+FFFD, the mark of bytes that
    /// were not UTF-8.
    /// </summary>
    public static IEnumerable<FieldError> CharacterProblems(ImportRow row, IReadOnlyList<ImportColumn> columns, IReadOnlySet<string> freeText)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (row[i] is not { } value) continue;
            var header = columns[i].Header;
            if (value.Contains('\uFFFD'))
                yield return new(columns[i].Key, $"{header}: có ký tự không đọc được; hãy lưu tệp CSV với mã UTF-8 (Excel: \"CSV UTF-8\").");
            else if (PartyOrg.Web.Hosting.InputBounds.FirstForbidden(value, freeText.Contains(columns[i].Key) ? PartyOrg.Web.Hosting.TextKind.FreeText : PartyOrg.Web.Hosting.TextKind.Strict) is { } c)
                yield return new(columns[i].Key, $"{header}: có ký tự điều khiển hoặc ký tự ẩn (mã U+{(int)c:X4}) không được phép.");
        }
    }

    /// <summary>dd/mm/yyyy or yyyy-mm-dd, or an .xlsx date cell (a serial number).</summary>
    public DateOnly? Date(string key, bool required)
    {
        var value = row[Index(key)];
        // Only a number cell of a workbook is a serial date; "1990" typed in a CSV is a bad date, not 12/06/1905.
        if (row.Numeric[Index(key)] && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2_958_466)
            return DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + serial);
        return parse.Date(key, value, required);
    }

    /// <summary>One of a list, written as its Vietnamese label (any case, with or without diacritics) or its name.</summary>
    public T? Choice<T>(string key, IEnumerable<T> choices, Func<T, string> label) where T : struct, Enum
    {
        var value = row[Index(key)];
        if (value is null)
        {
            errors.Add(new(key, $"{Header(key)}: không được để trống."));
            return null;
        }
        var labels = Choices.GetOrAdd(typeof(T), _ => choices.GroupBy(c => VnText.Fold(label(c))).ToDictionary(g => g.Key, g => (object)g.First()));
        if (labels.TryGetValue(Folded(value), out var found)) return (T)found;
        // Names only, one at a time: a number or a list ("Male, Female") would pick a value the writer did not mean.
        if (!value.Any(c => char.IsAsciiDigit(c) || c == ',') && Enum.TryParse<T>(value, ignoreCase: true, out var named) && Enum.IsDefined(named)) return named;
        errors.Add(new(key, $"{Header(key)}: \"{InputParsing.Shown(value)}\" không có trong danh mục ({string.Join("; ", choices.Select(label))})."));
        return null;
    }
}

/// <summary>The organizations the importing user sees, by code and by id, with the placement rules of the member form.</summary>
public sealed class ImportTree(IReadOnlyList<Organization> organizations, UserScope scope)
{
    private readonly Dictionary<string, Organization> byCode = organizations.ToDictionary(o => o.Code, StringComparer.Ordinal);
    private readonly Dictionary<int, Organization> byId = organizations.ToDictionary(o => o.Id);

    public Organization? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>An active cell the user may write in, as <see cref="ScopedWrites.WritableCellAsync"/> asks of the form.</summary>
    public Organization? WritableCell(string? code, string label, string key, List<FieldError> errors)
    {
        if (code is null)
        {
            errors.Add(new(key, $"{label}: không được để trống."));
            return null;
        }
        var cell = ByCode(code);
        if (cell is null || !scope.CanWriteAt(cell.Path)) errors.Add(new(key, $"{label}: không có tổ chức mã \"{InputParsing.Shown(code)}\" trong phạm vi được giao."));
        else if (!cell.Type.IsCell()) errors.Add(new(key, $"{label}: \"{cell.Name}\" không phải chi bộ."));
        else if (cell.EndedOn is not null) errors.Add(new(key, $"{label}: \"{cell.Name}\" đã kết thúc hoạt động."));
        else return cell;
        return null;
    }

    /// <summary>
    /// The ended cell a member was admitted in before a merger brought them to <paramref name="cell"/> (the checks of
    /// <see cref="Members.FirstPlacement"/>); its end (the day the member continues in the cell), or null with the errors.
    /// </summary>
    public DateOnly? EarlierCell(string code, Organization cell, DateOnly admitted, List<FieldError> errors)
    {
        const string key = "earlierOrganizationCode";
        var label = MemberImport.Header(key);
        var cellLabel = MemberImport.Header("organizationCode");
        var earlier = ByCode(code);
        var before = errors.Count;
        if (earlier is null || !scope.CanWriteAt(earlier.Path)) errors.Add(new(key, $"{label}: không có tổ chức mã \"{InputParsing.Shown(code)}\" trong phạm vi được giao."));
        else if (!earlier.Type.IsCell()) errors.Add(new(key, $"{label}: \"{earlier.Name}\" không phải chi bộ."));
        else if (earlier.EndedOn is not { } end) errors.Add(new(key, $"{label}: \"{earlier.Name}\" vẫn đang hoạt động; chỉ ghi chi bộ đã kết thúc khi sắp xếp."));
        else if (PlacementWithinLifeRule.Check(key, label, new(earlier.Name, earlier.FoundedOn, earlier.EndedOn), admitted, end) is { } outside) errors.Add(outside);
        else if (cell.FoundedOn > end)
            errors.Add(new(key, $"{cellLabel}: \"{cell.Name}\" thành lập ngày {VnFormat.Date(cell.FoundedOn)}, sau khi \"{earlier.Name}\" kết thúc ({VnFormat.Date(end)}); quá trình sinh hoạt không được đứt quãng."));
        else if (MergedInto(earlier, end) is not { } successor)
            errors.Add(new(key, $"{label}: \"{earlier.Name}\" và các tổ chức cấp trên của nó không có tổ chức kế thừa."));
        else if (!cell.Path.StartsWith(successor.Path, StringComparison.Ordinal))
            errors.Add(new(key, $"{cellLabel}: \"{cell.Name}\" không thuộc \"{successor.Name}\", nơi \"{earlier.Name}\" được sắp xếp vào ngày {VnFormat.Date(end)}."));
        return errors.Count == before ? earlier!.EndedOn : null;
    }

    /// <summary>The successor of the nearest organization on the path that has one, followed until one stands on the day.</summary>
    private Organization? MergedInto(Organization ended, DateOnly on)
    {
        var next = Organization.IdsOnPath(ended.Path).Select(byId.GetValueOrDefault).OfType<Organization>()
            .OrderByDescending(o => o.Depth).FirstOrDefault(o => o.SuccessorId is not null)?.SuccessorId;
        for (var hops = 0; next is { } id && hops < 10; hops++)
        {
            if (byId.GetValueOrDefault(id) is not { } successor) return null;
            if (successor.IsActiveOn(on)) return successor;
            next = successor.SuccessorId;
        }
        return null;
    }

}

/// <summary>The errors of a job, written in batches as they are found so that memory stays bounded whatever their number.</summary>
public sealed class ImportErrorSink(AppDbContext db, int jobId)
{
    private readonly List<ImportError> pending = [];
    public int Count { get; private set; }

    public async Task AddAsync(ImportProblem problem)
    {
        pending.Add(new ImportError { JobId = jobId, Row = problem.Row, Column = Cut(problem.Column, 200), Message = Cut(problem.Message, 1000) });
        Count++;
        if (pending.Count >= 2000) await FlushAsync();
    }

    public async Task FlushAsync()
    {
        if (pending.Count == 0) return;
        db.ImportErrors.AddRange(pending);
        await db.SaveChangesAsync();
        foreach (var e in pending) db.Entry(e).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        pending.Clear();
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}

/// <summary>Where a running job stands, kept in memory for the progress bar (a finished job's figures are in its row).</summary>
public sealed class ImportProgress
{
    public sealed record Snapshot(int Total, int Processed, string Phase);

    private readonly ConcurrentDictionary<int, Snapshot> running = new();

    public void Begin(int id, int total, string phase) => running[id] = new(total, 0, phase);
    public void Advance(int id, int processed)
    {
        if (processed % 500 == 0 && running.TryGetValue(id, out var s)) running[id] = s with { Processed = processed };
    }
    public void Phase(int id, string phase)
    {
        if (running.TryGetValue(id, out var s)) running[id] = s with { Processed = s.Total, Phase = phase };
    }
    public Snapshot? Of(int id) => running.GetValueOrDefault(id);
    public void End(int id) => running.TryRemove(id, out _);
}

/// <summary>The job row's transitions.</summary>
public static class ImportJobs
{
    public static string RequestId(int jobId) => "nhap-tep-" + jobId.ToString(CultureInfo.InvariantCulture);

    public static async Task FinishAsync(AppDbContext db, ImportJob job, ImportState state, int errors, ImportCounts? counts, string? message = null)
    {
        job.State = state;
        job.ErrorCount = errors;
        job.Processed = job.Total;
        // A refused job wrote nothing: its counts say so (what would have been written is the preview's to say).
        if (counts is not null && state != ImportState.Refused) (job.Created, job.Changed, job.Unchanged) = (counts.Created, counts.Changed, counts.Unchanged);
        job.Message = message;
        job.FinishedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>The job's committed state, written by the merge's own transaction so that it says exactly what the database holds.</summary>
    public static Task MarkCommittedAsync(Staging s, ImportJob job, ImportCounts counts) => s.ExecuteAsync("""
        UPDATE "ImportJobs" SET "State" = @state, "Created" = @created, "Changed" = @changed, "Unchanged" = @unchanged,
          "Processed" = "Total", "ErrorCount" = 0, "FinishedAt" = @at WHERE "Id" = @id
        """, ("state", nameof(ImportState.Committed)), ("created", counts.Created), ("changed", counts.Changed), ("unchanged", counts.Unchanged),
        ("at", DateTime.UtcNow), ("id", job.Id));
}
