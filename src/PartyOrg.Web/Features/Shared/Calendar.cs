using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>Today's date and the working-day calendar built from the holiday table, once per request.</summary>
public sealed class Calendar(AppDbContext db, TimeProvider clock)
{
    private WorkingCalendar? working;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<WorkingCalendar> WorkingAsync() =>
        working ??= new WorkingCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync());
}
