using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Hosting;

// Not "Features.Calendar": that namespace would hide the Calendar service from every feature beside it.
namespace PartyOrg.Web.Features.WorkCalendar;

/// <summary>A day that is not what its weekday says, as the page and the API show it; source is "statutory" or "exception".</summary>
public sealed record CalendarDayView(DateOnly Date, string Weekday, string Name, string Source, string Basis, string? Placement);

/// <summary>An exception as recorded, with who recorded it and when (from the audit trail; none for the shipped ones).</summary>
public sealed record CalendarExceptionView(int Id, DateOnly Date, string Weekday, CalendarExceptionKind Kind, string Name, string Basis, DateTime? RecordedAt, string? RecordedBy);

/// <summary>A year of the working calendar: days off beyond Saturdays and Sundays, weekend days worked, the exceptions and the conventions used.</summary>
public sealed record CalendarYearView(
    int Year, int Version, IReadOnlyList<CalendarDayView> NonWorkingDays, IReadOnlyList<CalendarDayView> WorkedWeekendDays,
    IReadOnlyList<CalendarExceptionView> Exceptions, IReadOnlyList<string> Conventions, IReadOnlyList<string> Decisions, string? Notice);

/// <summary>One exception as typed in a form or sent to the API: strings, so each bad value gets its own Vietnamese error.</summary>
public sealed class CalendarExceptionInput
{
    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Basis { get; set; }
}

/// <summary>The body of PUT /api/v1/calendar/{year}: the year's exceptions, all of them.</summary>
public sealed class CalendarPutInput
{
    public List<CalendarExceptionInput?>? Exceptions { get; set; }
}

/// <summary>
/// The calendar kept by the administrator: reads a year, and replaces its exceptions (withdrawing, changing and adding
/// rows, never deleting), checked by <see cref="CalendarExceptionRule"/> and against the year's version. Transfers still
/// in transit get the deadline the new calendar gives.
/// </summary>
public sealed class CalendarBook(AppDbContext db, Shared.Calendar calendar)
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const int MaxEntries = 366;

    public static FieldError? YearError(int year) =>
        year is < MinYear or > MaxYear ? new FieldError("year", $"Năm: lịch làm việc chỉ có cho các năm {MinYear}–{MaxYear} (đã gửi {year.ToString(CultureInfo.InvariantCulture)}).") : null;

    public async Task<int> VersionAsync(int year) =>
        await db.CalendarYears.AsNoTracking().Where(y => y.Year == year).Select(y => (int?)y.Version).SingleOrDefaultAsync() ?? 0;

    public async Task<CalendarYearView> ViewAsync(int year)
    {
        var rows = await db.CalendarExceptions.AsNoTracking().Where(e => e.Year == year && e.WithdrawnAt == null).OrderBy(e => e.Date).ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var created = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(CalendarExceptionEntry) && ids.Contains(a.EntityId) && a.Action == AuditActions.Created)
                .Select(a => new { a.EntityId, a.At, a.UserName }).ToListAsync())
            .ToDictionary(a => a.EntityId);
        var working = new WorkingCalendar(rows.Select(r => new CalendarException(r.Date, r.Kind, r.Name, r.Basis))).Year(year);
        var decisions = GovernmentNotices.AgreeingDecisions(year);
        string? notice = rows.Count == 0 && decisions.Count == 0
            ? $"Chưa có văn bản nào của Chính phủ về ngày nghỉ năm {year} trong hệ thống: lịch gồm các ngày nghỉ theo Bộ luật Lao động và quy ước mặc định dưới đây. Khi có thông báo, quản trị hệ thống ghi các ngày hoán đổi tại đây."
            : null;
        return new CalendarYearView(
            year, await VersionAsync(year),
            working.NonWorkingDays.Select(Show).ToList(), working.WorkedWeekendDays.Select(Show).ToList(),
            rows.Select(r => new CalendarExceptionView(r.Id, r.Date, VnFormat.Weekday(r.Date), r.Kind, r.Name, r.Basis,
                created.TryGetValue(r.Id, out var c) ? DateTime.SpecifyKind(c.At, DateTimeKind.Utc) : null, created.TryGetValue(r.Id, out var by) ? by.UserName : null)).ToList(),
            PublicHolidayRule.ConventionsFor(year), decisions, notice);
    }

    private static CalendarDayView Show(CalendarDay d) =>
        new(d.Date, VnFormat.Weekday(d.Date), d.Name, d.Source == CalendarDaySource.Statutory ? "statutory" : "exception", d.Basis, d.Placement switch
        {
            HolidayPlacement.Fixed => "Ngày do luật định",
            HolidayPlacement.Convention => "Theo quy ước mặc định (Chính phủ quyết định hằng năm)",
            HolidayPlacement.Compensatory => "Nghỉ bù (Điều 111 khoản 3)",
            _ => null,
        });

    /// <summary>The labels of the API's fields: "exceptions[2].date" → "Ngày (dòng 3)".</summary>
    public static string ApiField(int index, string field) => $"exceptions[{index}].{field}";

    public static string ApiLabel(int index, string field) => field == "row" ? $"dòng {index + 1}" : $"{FieldLabel(field)} (dòng {index + 1})";

    public static string FieldLabel(string field) => field switch
    {
        "date" => "Ngày",
        "kind" => "Loại",
        "name" => "Tên",
        "basis" => "Căn cứ",
        _ => field,
    };

    /// <summary>Parses the inputs, one entry per input (null where a value was unreadable); the errors name each field with its row.</summary>
    public static List<CalendarException?> Parse(IReadOnlyList<CalendarExceptionInput?> inputs, List<FieldError> errors, Func<int, string, string> field, Func<int, string, string> label)
    {
        var parsed = new List<CalendarException?>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var index = i;
            var input = inputs[i];
            if (input is null)
            {
                errors.Add(new(field(i, "date"), $"{label(i, "row")}: thiếu nội dung ngoại lệ."));
                parsed.Add(null);
                continue;
            }
            var before = errors.Count;
            var keys = new[] { "date", "kind", "name", "basis" }.ToDictionary(f => field(index, f), f => label(index, f));
            var p = new InputParsing(errors, key => keys.GetValueOrDefault(key, key));
            var date = p.Date(field(i, "date"), input.Date, required: true);
            var kind = p.Enum<CalendarExceptionKind>(field(i, "kind"), input.Kind);
            var name = Text(errors, field(i, "name"), label(i, "name"), input.Name, CalendarExceptionRule.NameMaxLength);
            var basis = Text(errors, field(i, "basis"), label(i, "basis"), input.Basis, CalendarExceptionRule.BasisMaxLength);
            parsed.Add(errors.Count == before ? new(date!.Value, kind!.Value, name!, basis!) : null);
        }
        return parsed;
    }

    private static string? Text(List<FieldError> errors, string field, string label, string? value, int max)
    {
        var text = VnText.NormalizeName(value);
        if (text.Length == 0) errors.Add(new(field, $"{label}: không được để trống."));
        else if (text.Length > max) errors.Add(new(field, $"{label}: dài quá {max} ký tự."));
        else if (InputBounds.FirstForbidden(text, TextKind.Strict) is { } bad) errors.Add(new(field, $"{label}: có ký tự điều khiển hoặc ký tự ẩn không được phép (mã U+{(int)bad:X4})."));
        else return text;
        return null;
    }

    /// <summary>
    /// Makes <paramref name="desired"/> the year's exceptions. <paramref name="expectedVersion"/> is the year's version the
    /// writer read (null: no check). Invalid when a rule refuses an entry; stale (with the year as stored) when the year
    /// changed since it was read.
    /// </summary>
    public async Task<Outcome<CalendarYear>> ReplaceAsync(int year, int? expectedVersion, IReadOnlyList<CalendarException> desired,
        Func<int, string, string> field, Func<int, string, string> label)
    {
        if (YearError(year) is { } yearError) return Outcome<CalendarYear>.Invalid([yearError]);
        var errors = CalendarExceptionRule.Check(year, desired, field, label).ToList();
        if (errors.Count > 0) return Outcome<CalendarYear>.Invalid(errors);

        var yearRow = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year);
        if (yearRow is null)
        {
            if (expectedVersion is { } v && v != 0) return Outcome<CalendarYear>.Stale(new CalendarYear { Year = year, Version = 0 });
            // A year's first change is its version 1; a client that read version 0 before it is then stale.
            db.CalendarYears.Add(yearRow = new CalendarYear { Year = year, Version = 1 });
        }
        else
        {
            if (!Versions.Expect(db, yearRow, expectedVersion)) return Outcome<CalendarYear>.Stale(yearRow);
            db.Entry(yearRow).Property(y => y.Version).IsModified = true;
        }

        var standing = await db.CalendarExceptions.Where(e => e.Year == year && e.WithdrawnAt == null).ToListAsync();
        var wanted = desired.ToDictionary(e => e.Date);
        var now = DateTime.UtcNow;
        foreach (var row in standing)
        {
            if (!wanted.Remove(row.Date, out var e)) row.WithdrawnAt = now;
            else (row.Kind, row.Name, row.Basis) = (e.Kind, e.Name, e.Basis);
        }
        foreach (var e in wanted.Values.OrderBy(e => e.Date))
            db.CalendarExceptions.Add(new CalendarExceptionEntry { Year = year, Date = e.Date, Kind = e.Kind, Name = e.Name, Basis = e.Basis });

        // Letters still in transit: the deadline the new calendar gives when their 30 working days run through this year.
        var others = (await Shared.Calendar.StandingExceptionsAsync(db)).Where(e => e.Date.Year != year);
        var updated = new WorkingCalendar(others.Concat(desired));
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        foreach (var t in await db.MemberTransfers.Where(t => t.State == TransferState.InTransit && t.IssuedOn < yearEnd && t.PresentBy >= yearStart).ToListAsync())
            t.PresentBy = TransferRule.PresentBy(t.IssuedOn, updated);

        if (!await Versions.TrySaveAsync(db))
        {
            db.ChangeTracker.Clear();
            return Outcome<CalendarYear>.Stale(await db.CalendarYears.AsNoTracking().SingleAsync(y => y.Year == year));
        }
        calendar.Reset();
        return Outcome<CalendarYear>.Ok(yearRow);
    }

    /// <summary>The year's standing exceptions with their row ids, for the page's withdraw buttons.</summary>
    public Task<List<CalendarExceptionEntry>> StandingAsync(int year) =>
        db.CalendarExceptions.AsNoTracking().Where(e => e.Year == year && e.WithdrawnAt == null).OrderBy(e => e.Date).ToListAsync();
}
