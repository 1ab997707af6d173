using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Pickers;

/// <summary>Suggestions for the pickers on the forms, for the signed-in user (cookie) or an API client (token).</summary>
public static class PickersApi
{
    public static void MapPickersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pickers").WithTags("Chọn đảng viên, tổ chức");

        // GET /api/v1/pickers/members?q=&official=&former=  active members in scope, by name prefix (diacritics optional), CCCD or card
        // number; former=true adds those once official who have since left or died (sponsors of a past step are judged on its date)
        group.MapGet("/members", async (string? q, bool? official, bool? former, ScopeResolver scopes, AppDbContext db) =>
            Results.Ok(await new PickerQueries(db).MembersAsync(await scopes.CurrentAsync(), q, official ?? false, former ?? false)));

        // GET /api/v1/pickers/organizations?q=&kind=cell|committee|any|destination&under=&above=  active organizations; destinations are
        // active cells anywhere, the other kinds stay within the scope; kind=committee&above=id: the committees above that
        // organization that may sign its decisions, nearest first
        group.MapGet("/organizations", async (string? q, string? kind, int? under, int? above, ScopeResolver scopes, AppDbContext db) =>
        {
            var queries = new PickerQueries(db);
            var scope = await scopes.CurrentAsync();
            var pickKind = PickerQueries.KindFrom(kind);
            return Results.Ok(above is { } a && pickKind == PickKind.Committee
                ? await queries.CommitteesAboveAsync(scope, a, q)
                : await queries.OrganizationsAsync(scope, q, pickKind, under));
        });
    }
}
