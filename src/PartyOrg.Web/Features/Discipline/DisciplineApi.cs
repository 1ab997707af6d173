using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

public static class DisciplineApi
{
    public static void MapDisciplineApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/members/{id}/discipline?asOf=  each decision with inForce on the date (default today)
        api.MapGet("/members/{id:int}/discipline", async (int id, DateOnly? asOf, ScopeResolver scopes, DisciplineRegister register, Calendar calendar) =>
            await register.ForMemberAsync(await scopes.CurrentAsync(), id, asOf ?? calendar.Today) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Kỷ luật");

        // POST /api/v1/members/{id}/discipline  {"form","decidedOn","announcedOn","number","issuerOrganizationId","violation"}
        api.MapPost("/members/{id:int}/discipline", async (int id, DisciplineInput input, ScopeResolver scopes, DisciplineRegister register, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.RecordForMemberAsync(scope, id, input);
            return outcome.Failure() ?? Results.Ok(await register.GetAsync(scope, outcome.Value!.Id, calendar.Today));
        }).WithTags("Kỷ luật");

        api.MapGet("/organizations/{id:int}/discipline", async (int id, DateOnly? asOf, ScopeResolver scopes, DisciplineRegister register, Calendar calendar) =>
            await register.ForOrganizationAsync(await scopes.CurrentAsync(), id, asOf ?? calendar.Today) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Kỷ luật");

        api.MapPost("/organizations/{id:int}/discipline", async (int id, DisciplineInput input, ScopeResolver scopes, DisciplineRegister register, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.RecordForOrganizationAsync(scope, id, input);
            return outcome.Failure() ?? Results.Ok(await register.GetAsync(scope, outcome.Value!.Id, calendar.Today));
        }).WithTags("Kỷ luật");

        // POST /api/v1/discipline/{id}/complaint  {"filedOn"} then {"filedOn","decidedOn","outcome":"Upheld|Reduced|Annulled","reducedTo","number"}
        api.MapPost("/discipline/{id:int}/complaint", async (int id, ComplaintInput input, HttpRequest request, ScopeResolver scopes, DisciplineRegister register, Calendar calendar) =>
        {
            var expected = Versions.FromIfMatch(request);
            var scope = await scopes.CurrentAsync();
            var outcome = await register.ComplaintAsync(scope, id, input, expected);
            if (outcome.Kind == OutcomeKind.Stale) return Versions.Stale(request.HttpContext, await register.GetAsync(scope, id, calendar.Today), outcome.Value!.Version);
            return outcome.Failure() ?? Results.Ok(await register.GetAsync(scope, id, calendar.Today));
        }).WithTags("Kỷ luật");

        // GET /api/v1/discipline?org=&year=&asOf=  decisions of a year in a subtree
        api.MapGet("/discipline", async (int? org, int? year, DateOnly? asOf, ScopeResolver scopes, OrganizationQueries orgs, DisciplineRegister register, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            if (o is null) return OrganizationsApi.NotFound();
            var today = calendar.Today;
            var y = year ?? today.Year;
            if (y is < 1930 or > 2100)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Năm: phải từ 1930 đến 2100."] }, title: "Dữ liệu không hợp lệ, chưa lưu.");
            return Results.Ok(await register.OfYearAsync(scope, o.Path, y, asOf ?? today));
        }).WithTags("Kỷ luật");
    }
}
