using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Probation;

public static class ProbationApi
{
    public static void MapProbationApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/probation?org=&all=  due and overdue recognitions (all probationers with all=true)
        api.MapGet("/probation", async (int? org, bool? all, ScopeResolver scopes, OrganizationQueries orgs, ProbationQueries probation) =>
        {
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            return o is null ? OrganizationsApi.NotFound() : Results.Ok(await probation.ListAsync(scope, o.Path, all ?? false));
        }).WithTags("Đảng viên dự bị");
    }
}
