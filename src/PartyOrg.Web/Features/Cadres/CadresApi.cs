using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public static class CadresApi
{
    public static void MapCadresApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/posts?org=&date=  the organization's posts standing on the date with their holders and vacancies
        api.MapGet("/posts", async (int? org, DateOnly? date, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
            await register.OnDateAsync(await scopes.CurrentAsync(), org, date ?? calendar.Today) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/posts/{id:int}", async (int id, DateOnly? date, HttpContext http, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
        {
            if (await register.GetPostAsync(await scopes.CurrentAsync(), id, date ?? calendar.Today) is not { } post) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(post.Version);
            return Results.Ok(post);
        }).WithTags("Cán bộ");

        // POST /api/v1/posts  {"organizationId","kind","title","seats","managingOrganizationId","fromDate"}
        api.MapPost("/posts", async (PostInput input, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.AddPostAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/posts/{outcome.Value!.Id}", await register.GetPostAsync(scope, outcome.Value.Id, calendar.Today));
        }).WithTags("Cán bộ");

        // GET /api/v1/holdings?member=  a member's posts, latest first
        api.MapGet("/holdings", async (int member, ScopeResolver scopes, CadreRegister register) =>
            await register.CareerAsync(await scopes.CurrentAsync(), member) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        // POST /api/v1/holdings  {"postId","memberId" | "outsideName","fromDate","basis","decisionNumber","decidedOn","termFrom","termTo"}
        api.MapPost("/holdings", async (HoldingInput input, HttpContext http, ScopeResolver scopes, CadreRegister register) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.AddHoldingAsync(scope, input);
            if (outcome.Failure() is { } failure) return failure;
            http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
            return Results.Created($"/api/v1/holdings/{outcome.Value.Id}", await register.GetHoldingAsync(scope, outcome.Value.Id));
        }).WithTags("Cán bộ");

        // POST /api/v1/holdings/{id}/end  {"toDate","reason"}, If-Match optional
        api.MapPost("/holdings/{id:int}/end", async (int id, HoldingEndInput input, HttpContext http, ScopeResolver scopes, CadreRegister register) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.EndHoldingAsync(scope, id, input, Versions.FromIfMatch(http.Request));
            return await Versions.AnswerAsync(http, outcome, async () => await register.GetHoldingAsync(scope, id));
        }).WithTags("Cán bộ");
    }
}
