using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.WorkCalendar;

public static class CalendarApi
{
    public static void MapCalendarApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Lịch làm việc").RequireAuthorization(AccountSecurity.StaffPolicy);

        // GET /api/v1/calendar/2026: the year's days off and worked weekend days, the exceptions and the conventions; ETag = the year's version.
        group.MapGet("/{year:int}", async (int year, HttpContext http, CalendarBook book) =>
        {
            if (CalendarBook.YearError(year) is { } error) return Invalid([error]);
            var view = await book.ViewAsync(year);
            http.Response.Headers.ETag = Versions.ETag(view.Version);
            return Results.Ok(view);
        });

        // PUT /api/v1/calendar/2026  {"exceptions":[{"date":"2026-01-02","kind":"DayOff","name":"…","basis":"…"}]}  (administrator, If-Match)
        group.MapPut("/{year:int}", async (int year, CalendarPutInput? input, HttpContext http, CalendarBook book) =>
        {
            if (!http.User.IsInRole(Roles.Admin))
                return TypedResults.Problem(title: Problems.Title(StatusCodes.Status403Forbidden), statusCode: StatusCodes.Status403Forbidden,
                    detail: "Chỉ quản trị hệ thống được sửa lịch làm việc.");
            if (CalendarBook.YearError(year) is { } yearError) return Invalid([yearError]);
            if (Versions.FromIfMatch(http.Request) is not { } expected) return Versions.Required();
            if (input?.Exceptions is not { } entries)
                return Invalid([new("exceptions", "Danh sách ngoại lệ (exceptions): không được để trống; gửi [] nếu năm không có ngoại lệ nào.")]);
            if (entries.Count > CalendarBook.MaxEntries)
                return Invalid([new("exceptions", $"Danh sách ngoại lệ (exceptions): nhiều nhất {CalendarBook.MaxEntries} dòng.")]);
            var errors = new List<FieldError>();
            // The rules judge every readable entry too, each error keyed by the entry's own row.
            var readable = CalendarBook.Parse(entries, errors, CalendarBook.ApiField, CalendarBook.ApiLabel)
                .Select((entry, row) => (Entry: entry, Row: row)).Where(e => e.Entry is not null).ToList();
            string Field(int i, string name) => CalendarBook.ApiField(readable[i].Row, name);
            string Label(int i, string name) => CalendarBook.ApiLabel(readable[i].Row, name);
            var parsed = readable.Select(e => e.Entry!).ToList();
            errors.AddRange(CalendarExceptionRule.Check(year, parsed, Field, Label));
            if (errors.Count > 0) return Invalid(errors);
            var outcome = await book.ReplaceAsync(year, expected, parsed, Field, Label);
            return await Versions.AnswerAsync(http, outcome, async () => await book.ViewAsync(year));
        });
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) => Outcome<object>.Invalid(errors).Failure()!;
}
