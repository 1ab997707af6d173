using Microsoft.EntityFrameworkCore.Migrations;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Data;

/// <summary>
/// The calendar every environment starts with, inserted by the WorkingCalendarExceptions migration on both databases:
/// the government's 2025 and 2026 swaps (<see cref="GovernmentNotices.Shipped"/>), each year at version 1. The old
/// Holidays table it replaces was only ever filled by the demo (there was no page or route to write it), so it is dropped;
/// the audit entries of its rows stay.
/// </summary>
public static class CalendarSeed
{
    public static void Insert(MigrationBuilder migrationBuilder)
    {
        foreach (var year in GovernmentNotices.Shipped.Select(e => e.Date.Year).Distinct().Order())
            migrationBuilder.InsertData("CalendarYears", ["Year", "Version"], [year, 1]);
        foreach (var e in GovernmentNotices.Shipped)
            migrationBuilder.InsertData("CalendarExceptions", ["Year", "Date", "Kind", "Name", "Basis"], [e.Date.Year, e.Date, e.Kind.ToString(), e.Name, e.Basis]);
    }
}
