using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Ratings;

public static class RatingsApi
{
    public static void MapRatingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ratings").WithTags("Đánh giá, xếp loại");

        // GET /api/v1/ratings?org=&year=  progress per organization (rated / to rate, missing names) and the ratings.
        group.MapGet("/", async (int? org, int? year, ScopeResolver scopes, OrganizationQueries orgs, RatingBook book) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } root) return OrganizationsApi.NotFound();
            var y = year ?? book.Today.Year;
            if (y < RatingBook.FirstYear || y > book.Today.Year)
                return Invalid("year", $"Năm đánh giá: phải từ {RatingBook.FirstYear} đến {book.Today.Year}.");
            return Results.Ok(await book.RoundAsync(scope, root, y));
        });

        // PUT /api/v1/ratings/members/{memberId}/{year}  {"selfLevel","selfPoints","proposedLevel","decidedLevel","decidedOn","points"}
        group.MapPut("/members/{memberId:int}/{year:int}", async (int memberId, int year, RatingInput input, HttpContext http, ScopeResolver scopes, RatingBook book) =>
            Answer(http, await book.SaveMemberAsync(await scopes.CurrentAsync(), memberId, year, input, IfMatch(http), versionRequired: true)));

        // PUT /api/v1/ratings/organizations/{orgId}/{year}  same body; the decision by the committee directly above.
        group.MapPut("/organizations/{orgId:int}/{year:int}", async (int orgId, int year, RatingInput input, HttpContext http, ScopeResolver scopes, RatingBook book) =>
            Answer(http, await book.SaveOrganizationAsync(await scopes.CurrentAsync(), orgId, year, input, IfMatch(http), versionRequired: true)));

        // POST /api/v1/ratings/{orgId}/{year}/lock  the committee closes the year for its subtree.
        group.MapPost("/{orgId:int}/{year:int}/lock", async (int orgId, int year, ScopeResolver scopes, OrganizationQueries orgs, RatingBook book) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindAsync(scope, orgId) is not { } org) return OrganizationsApi.NotFound();
            var outcome = await book.LockAsync(scope, org, year);
            return outcome.Failure() ?? Results.Ok(await book.RoundAsync(scope, org, year));
        });

        // POST /api/v1/ratings/{orgId}/{year}/unlock  {"reason"}: an audited decision reopening the year.
        group.MapPost("/{orgId:int}/{year:int}/unlock", async (int orgId, int year, UnlockInput input, ScopeResolver scopes, OrganizationQueries orgs, RatingBook book) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindAsync(scope, orgId) is not { } org) return OrganizationsApi.NotFound();
            var outcome = await book.UnlockAsync(scope, org, year, input.Reason);
            return outcome.Failure() ?? Results.Ok(await book.RoundAsync(scope, org, year));
        });
    }

    private static int? IfMatch(HttpContext http) => Versions.FromIfMatch(http.Request);

    private static IResult Answer(HttpContext http, Outcome<RatingView> outcome)
    {
        if (outcome.Kind == OutcomeKind.Stale) return Versions.Stale(http, outcome.Value, outcome.Value!.Version);
        if (outcome.Failure() is { } failure) return failure;
        http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
        return Results.Ok(outcome.Value);
    }

    private static IResult Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: "Dữ liệu không hợp lệ.", detail: message);
}
