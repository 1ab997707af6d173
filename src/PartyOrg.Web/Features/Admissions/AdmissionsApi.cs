using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

public static class AdmissionsApi
{
    public static void MapAdmissionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admissions").WithTags("Phát triển đảng viên");

        // GET /api/v1/admissions?org=&step=&q=&page=&pageSize=&late=  (open cases unless a step is given; late=true: ceremonies held
        // past the deadline with the higher committee's consent)
        group.MapGet("/", async (int? org, AdmissionStep? step, string? q, int? page, int? pageSize, string? sort, bool? late, ScopeResolver scopes, OrganizationQueries orgs, AdmissionQueries cases) =>
        {
            if (!SortOrder.TryParse(sort, AdmissionQueries.SortKeys, "since", out var order))
                return ListProblems.Invalid([new(SortOrder.Field, SortOrder.Refused(AdmissionQueries.SortKeys))]);
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            if (o is null) return OrganizationsApi.NotFound();
            var result = await cases.ListAsync(scope, o.Path, step, q, page, pageSize, order, late ?? false);
            return Results.Ok(ApiPage<AdmissionCaseItem>.From(result));
        });

        group.MapGet("/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, AdmissionQueries cases, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await cases.GetAsync(scope, id) is not { } c) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag((await VersionAsync(db, scope, id))!.Value);
            return Results.Ok(c);
        });

        group.MapGet("/{id:int}/history", async (int id, ScopeResolver scopes, AdmissionQueries cases, AuditHistory history) =>
            await cases.GetAsync(await scopes.CurrentAsync(), id) is null ? OrganizationsApi.NotFound() : Results.Ok(await history.ForAsync("AdmissionCase", id)));

        group.MapPost("/", async (AdmissionCaseInput input, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await workflow.CreateAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/admissions/{outcome.Value!.Id}", await cases.GetAsync(scope, outcome.Value.Id));
        });

        // POST /api/v1/admissions/{id}/steps  {"step":"Course","date":"2026-03-02","number":"125/GCN"}
        // Steps and drops take an optional If-Match: the ETag of the case as read.
        group.MapPost("/{id:int}/steps", async (int id, AdmissionStepInput input, HttpContext http, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.CheckIfMatchAsync(http, await VersionAsync(db, scope, id), async () => await cases.GetAsync(scope, id))
                ?? await Versions.AnswerAsync(http, await workflow.AdvanceAsync(scope, id, input), async () => await cases.GetAsync(scope, id));
        });

        group.MapPost("/{id:int}/drop", async (int id, AdmissionDropInput input, HttpContext http, ScopeResolver scopes, AdmissionWorkflow workflow, AdmissionQueries cases, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.CheckIfMatchAsync(http, await VersionAsync(db, scope, id), async () => await cases.GetAsync(scope, id))
                ?? await Versions.AnswerAsync(http, await workflow.DropAsync(scope, id, input), async () => await cases.GetAsync(scope, id));
        });
    }

    /// <summary>The stored version of a case in the caller's scope (null outside it: no hint that it exists).</summary>
    private static Task<int?> VersionAsync(AppDbContext db, UserScope scope, int id) =>
        scope.FilterByPath(db.AdmissionCases.AsNoTracking(), c => c.OrgPath).Where(c => c.Id == id).Select(c => (int?)c.Version).FirstOrDefaultAsync();

}
