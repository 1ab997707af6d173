using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Tổ chức đảng");

        // ?asOf=: the root read on that date; before its founding, the organizations that then stood in its place come in
        // stoodInPlace (each with its count) and memberCount is their sum.
        group.MapGet("/root", async (DateOnly? asOf, ScopeResolver scopes, OrganizationQueries q) =>
            await q.RootAsync(await scopes.CurrentAsync(), asOf) is { } root ? Results.Ok(root) : NotFound());

        group.MapGet("/{id:int}", async (int id, DateOnly? asOf, HttpContext http, ScopeResolver scopes, OrganizationQueries q) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await q.FindAsync(scope, id) is not { } org) return NotFound();
            http.Response.Headers.ETag = Versions.ETag(org.Version);
            return Results.Ok(await q.ViewAsync(scope, org, asOf));
        });

        group.MapGet("/{id:int}/children", async (int id, DateOnly? asOf, bool? includeEnded, ScopeResolver scopes, OrganizationQueries q) =>
            await q.ChildrenAsync(await scopes.CurrentAsync(), id, asOf, includeEnded ?? false) is { } children ? Results.Ok(children) : NotFound());

        group.MapGet("/{id:int}/history", async (int id, ScopeResolver scopes, OrganizationQueries q, AuditHistory history) =>
            await q.FindAsync(await scopes.CurrentAsync(), id) is null ? NotFound() : Results.Ok(await history.ForAsync("Organization", id)));

        group.MapPost("/{id:int}/children", async (int id, OrganizationInput input, ScopeResolver scopes, OrganizationEditor editor, OrganizationQueries q) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.CreateAsync(scope, id, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/organizations/{outcome.Value!.Id}", await q.GetAsync(scope, outcome.Value.Id));
        });

        // PUT with If-Match: the ETag of the version read; a stale one answers 412 with the current record.
        group.MapPut("/{id:int}", async (int id, OrganizationInput input, HttpContext http, ScopeResolver scopes, OrganizationEditor editor, OrganizationQueries q) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.UpdateAsync(scope, id, input, Versions.FromIfMatch(http.Request), versionRequired: true);
            return await Versions.AnswerAsync(http, outcome, async () => await q.GetAsync(scope, id));
        });
    }

    internal static IResult NotFound() => Results.Problem(title: "Không tìm thấy.", statusCode: StatusCodes.Status404NotFound);
}
