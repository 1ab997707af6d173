using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public static class MembersApi
{
    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Đảng viên");

        // Optional filters and order beside the search: status=active|all|<status>, gender, ageFrom/ageTo (full years), sort=name|birth|cell (- for descending).
        group.MapGet("/", async (string? q, int? org, int? page, int? pageSize, bool? includeExited, string? status, string? gender, int? ageFrom, int? ageTo,
            string? sort, ScopeResolver scopes, MemberQueries members) =>
        {
            var errors = new MemberListQuery(q, org, status ?? (includeExited == true ? MemberListQuery.All : null), gender, ageFrom, ageTo, sort).Check(out var list);
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var result = await members.ListAsync(await scopes.CurrentAsync(), list, page, pageSize);
            return Results.Ok(ApiPage<MemberListItem>.From(result));
        });

        group.MapGet("/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, MemberQueries members) =>
        {
            if (await members.GetAsync(await scopes.CurrentAsync(), id) is not { } m) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(m.Version);
            return Results.Ok(m);
        });

        group.MapGet("/{id:int}/history", async (int id, ScopeResolver scopes, MemberQueries members, AuditHistory history) =>
            await members.GetAsync(await scopes.CurrentAsync(), id) is null ? OrganizationsApi.NotFound() : Results.Ok(await history.ForAsync("Member", id)));

        group.MapPost("/", async (MemberInput input, HttpContext http, ScopeResolver scopes, MemberEditor editor, MemberQueries members) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.CreateAsync(scope, input);
            if (outcome.Failure() is { } failure) return failure;
            http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
            return Results.Created($"/api/v1/members/{outcome.Value.Id}", await members.GetAsync(scope, outcome.Value.Id));
        });

        // PUT with If-Match: the ETag of the version read; a stale one answers 412 with the current record.
        group.MapPut("/{id:int}", async (int id, MemberInput input, HttpContext http, ScopeResolver scopes, MemberEditor editor, MemberQueries members) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await editor.UpdateAsync(scope, id, input, Versions.FromIfMatch(http.Request), versionRequired: true);
            return await Versions.AnswerAsync(http, outcome, async () => await members.GetAsync(scope, id));
        });
    }
}
