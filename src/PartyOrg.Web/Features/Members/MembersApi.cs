using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public static class MembersApi
{
    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Đảng viên");

        group.MapGet("/", async (string? q, int? org, int? page, int? pageSize, bool? includeExited, ScopeResolver scopes, MemberQueries members) =>
        {
            var result = await members.SearchAsync(await scopes.CurrentAsync(), q, org, page, pageSize, includeExited ?? false);
            return Results.Ok(new { items = result.Items, total = result.Total, page = result.PageNumber, pageSize = result.PageSize });
        });

        group.MapGet("/{id:int}", async (int id, ScopeResolver scopes, MemberQueries members) =>
            await members.GetAsync(await scopes.CurrentAsync(), id) is { } m ? Results.Ok(m) : OrganizationsApi.NotFound());

        group.MapGet("/{id:int}/history", async (int id, ScopeResolver scopes, MemberQueries members, AuditHistory history) =>
            await members.GetAsync(await scopes.CurrentAsync(), id) is null ? OrganizationsApi.NotFound() : Results.Ok(await history.ForAsync("Member", id)));

        group.MapPost("/", async (MemberInput input, ScopeResolver scopes, MemberEditor editor, MemberQueries members) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.CreateAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/members/{outcome.Value!.Id}", await members.GetAsync(scope, outcome.Value.Id));
        });

        group.MapPut("/{id:int}", async (int id, MemberInput input, ScopeResolver scopes, MemberEditor editor, MemberQueries members) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.UpdateAsync(scope, id, input);
            return outcome.Failure() ?? Results.Ok(await members.GetAsync(scope, id));
        });
    }
}
