using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Dashboard;

public static class DashboardApi
{
    /// <summary>GET /api/v1/dashboard?org=&amp;year=  the dashboard's figures (default: the caller's organization, this year).</summary>
    public static void MapDashboardApi(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (int? org, int? year, ScopeResolver scopes, DashboardQueries dashboard) =>
        {
            var view = await dashboard.GetAsync(await scopes.CurrentAsync(), org, year);
            return view.Failure() ?? Results.Ok(view.Value!);
        }).WithTags("Tổng quan");
}
