using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.WorkCalendar;

/// <summary>
/// A year of the working calendar, readable by all staff: the days off beyond Saturdays and Sundays with their source,
/// the weekend days worked, the exceptions with their notices, and the conventions used. The administrator adds and
/// withdraws exceptions here.
/// </summary>
public sealed class IndexModel(CalendarBook book, Shared.Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public CalendarExceptionInput Input { get; set; } = new();
    /// <summary>The year's version the form was drawn with.</summary>
    [BindProperty] public int? Version { get; set; }

    public CalendarYearView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public int Shown => Year ?? calendar.Today.Year;

    public async Task<IActionResult> OnGetAsync()
    {
        if (OutOfRange() is { } refused) return refused;
        await LoadAsync();
        Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (OutOfRange() is { } refused) return refused;
        var year = Shown;
        var errors = new List<FieldError>();
        if (CalendarBook.Parse([Input], errors, (_, f) => f, (_, f) => CalendarBook.FieldLabel(f)) is not [{ } entry]) return await RedrawAsync(errors);
        List<CalendarException> added = [entry];
        var standing = await book.StandingAsync(year);
        var desired = standing.Select(e => new CalendarException(e.Date, e.Kind, e.Name, e.Basis)).Concat(added).ToList();
        var newIndex = desired.Count - 1;
        var outcome = await book.ReplaceAsync(year, Version, desired,
            (i, f) => i == newIndex ? f : $"stored.{f}",
            (i, f) => i == newIndex ? CalendarBook.FieldLabel(f) : f == "row" ? $"ngoại lệ đã ghi cho ngày {VnFormat.Date(desired[i].Date)}" : CalendarBook.FieldLabel(f));
        if (await AnswerAsync(outcome) is { } answer) return answer;
        var e = added[0];
        TempData[Notice.Key] = $"Đã ghi {e.Kind.Label().ToLowerInvariant()} {VnFormat.Date(e.Date)} ({VnFormat.Weekday(e.Date)}): {e.Name}.";
        return Redirect($"/Calendar/{year}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (OutOfRange() is { } refused) return refused;
        var year = Shown;
        var standing = await book.StandingAsync(year);
        if (standing.SingleOrDefault(e => e.Id == id) is not { } withdrawn) return NotFound();
        var desired = standing.Where(e => e.Id != id).Select(e => new CalendarException(e.Date, e.Kind, e.Name, e.Basis)).ToList();
        var outcome = await book.ReplaceAsync(year, Version, desired, (_, f) => f, (_, f) => CalendarBook.FieldLabel(f));
        if (await AnswerAsync(outcome) is { } answer) return answer;
        TempData[Notice.Key] = $"Đã thu hồi ngoại lệ ngày {VnFormat.Date(withdrawn.Date)}: {withdrawn.Name}. Bản ghi vẫn được lưu trong lịch sử.";
        return Redirect($"/Calendar/{year}");
    }

    /// <summary>Null when saved; else the page again with the errors, or with what changed meanwhile.</summary>
    private async Task<IActionResult?> AnswerAsync(Outcome<CalendarYear> outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok: return null;
            case OutcomeKind.Stale:
                Version = null;
                ModelState.Remove(nameof(Version));
                return await RedrawAsync([new("date", $"Lịch năm {Shown} vừa được người khác sửa; chưa lưu. Xem lại các ngày dưới đây rồi ghi lại nếu vẫn cần.")]);
            case OutcomeKind.NotFound or OutcomeKind.Forbidden:
                return Refusal(outcome)!;
            default:
                return await RedrawAsync(outcome.Errors);
        }
    }

    private async Task<IActionResult> RedrawAsync(IReadOnlyList<FieldError> errors)
    {
        ShowErrors(errors);
        await LoadAsync();
        Version ??= View.Version;
        return Page();
    }

    private async Task LoadAsync()
    {
        View = await book.ViewAsync(Shown);
        CanEdit = User.IsInRole(Roles.Admin);
    }

    private IActionResult? OutOfRange()
    {
        if (CalendarBook.YearError(Shown) is not { } error) return null;
        HttpContext.Items[InputBounds.BoundsErrorsKey] = new List<string> { error.Message };
        return StatusCode(StatusCodes.Status400BadRequest);
    }
}
