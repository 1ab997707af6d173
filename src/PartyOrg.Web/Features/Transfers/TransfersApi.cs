using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

public static class TransfersApi
{
    public static void MapTransfersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transfers").WithTags("Chuyển sinh hoạt đảng");

        // GET /api/v1/transfers?org=&all=  open transfers leaving or entering the subtree
        group.MapGet("/", async (int? org, bool? all, ScopeResolver scopes, OrganizationQueries orgs, TransferLedger transfers) =>
        {
            var scope = await scopes.CurrentAsync();
            var o = org is null ? null : await orgs.FindAsync(scope, org.Value);
            if (org is not null && o is null) return OrganizationsApi.NotFound();
            return Results.Ok(await transfers.ListAsync(scope, o?.Path, all ?? false));
        });

        group.MapGet("/{id:int}", async (int id, ScopeResolver scopes, TransferLedger transfers) =>
            await transfers.GetAsync(await scopes.CurrentAsync(), id) is { } t ? Results.Ok(t) : OrganizationsApi.NotFound());

        group.MapPost("/", async (TransferInput input, ScopeResolver scopes, TransferLedger transfers) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await transfers.IssueAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/transfers/{outcome.Value!.Id}", await transfers.GetAsync(scope, outcome.Value.Id));
        });

        group.MapPost("/{id:int}/receive", async (int id, TransferReceiptInput input, ScopeResolver scopes, TransferLedger transfers) =>
        {
            var scope = await scopes.CurrentAsync();
            return (await transfers.ReceiveAsync(scope, id, input)).Failure() ?? Results.Ok(await transfers.GetAsync(scope, id));
        });

        group.MapPost("/{id:int}/close", async (int id, ScopeResolver scopes, TransferLedger transfers) =>
        {
            var scope = await scopes.CurrentAsync();
            return (await transfers.CloseAsync(scope, id)).Failure() ?? Results.Ok(await transfers.GetAsync(scope, id));
        });
    }
}
