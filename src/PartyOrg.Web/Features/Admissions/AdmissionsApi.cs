using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

public static class AdmissionsApi
{
    public static void MapAdmissionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admissions").WithTags("Phát triển đảng viên");

        // GET /api/v1/admissions?org=&step=&q=&page=&pageSize=  (open cases unless a step is given)
        group.MapGet("/", async (int? org, AdmissionStep? step, string? q, int? page, int? pageSize, string? sort, ScopeResolver scopes, OrganizationQueries orgs, AdmissionQueries cases) =>
        {
            if (!SortOrder.TryParse(sort, AdmissionQueries.SortKeys, "since", out var order))
                return ListProblems.Invalid([new(SortOrder.Field, SortOrder.Refused(AdmissionQueries.SortKeys))]);
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            if (o is null) return OrganizationsApi.NotFound();
            var result = await cases.ListAsync(scope, o.Path, step, q, page, pageSize, order);
            return Results.Ok(new { items = result.Items, total = result.Total, page = result.PageNumber, pageSize = result.PageSize });
        });

        group.MapGet("/{id:int}", async (int id, ScopeResolver scopes, AdmissionQueries cases) =>
            await cases.GetAsync(await scopes.CurrentAsync(), id) is { } c ? Results.Ok(c) : OrganizationsApi.NotFound());

        group.MapGet("/{id:int}/history", async (int id, ScopeResolver scopes, AdmissionQueries cases, AuditHistory history) =>
            await cases.GetAsync(await scopes.CurrentAsync(), id) is null ? OrganizationsApi.NotFound() : Results.Ok(await history.ForAsync("AdmissionCase", id)));

        group.MapPost("/", async (AdmissionCaseInput input, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await workflow.CreateAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/admissions/{outcome.Value!.Id}", await cases.GetAsync(scope, outcome.Value.Id));
        });

        // POST /api/v1/admissions/{id}/steps  {"step":"Course","date":"2026-03-02","number":"125/GCN"}
        group.MapPost("/{id:int}/steps", async (int id, AdmissionStepInput input, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases) =>
        {
            var scope = await scopes.CurrentAsync();
            return (await workflow.AdvanceAsync(scope, id, input)).Failure() ?? Results.Ok(await cases.GetAsync(scope, id));
        });

        group.MapPost("/{id:int}/drop", async (int id, AdmissionDropInput input, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases) =>
        {
            var scope = await scopes.CurrentAsync();
            return (await workflow.DropAsync(scope, id, input)).Failure() ?? Results.Ok(await cases.GetAsync(scope, id));
        });
    }
}
