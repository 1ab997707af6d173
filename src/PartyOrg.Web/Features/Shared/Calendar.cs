using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// Today's date and the working-day calendar, once per request: the statutory days of the Labour Code for any year and the
/// exceptions the administrator keeps (the government's yearly notices).
/// </summary>
public sealed class Calendar(AppDbContext db, TimeProvider clock)
{
    private WorkingCalendar? working;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<WorkingCalendar> WorkingAsync() => working ??= new WorkingCalendar(await StandingExceptionsAsync(db));

    /// <summary>Forget the calendar read, after the exceptions changed within this request.</summary>
    public void Reset() => working = null;

    /// <summary>Every exception not withdrawn, of every year (a few dozen rows).</summary>
    public static async Task<List<CalendarException>> StandingExceptionsAsync(AppDbContext db, int? year = null)
    {
        var query = db.CalendarExceptions.AsNoTracking().Where(e => e.WithdrawnAt == null);
        if (year is { } y) query = query.Where(e => e.Year == y);
        return (await query.ToListAsync()).Select(e => new CalendarException(e.Date, e.Kind, e.Name, e.Basis)).ToList();
    }
}
