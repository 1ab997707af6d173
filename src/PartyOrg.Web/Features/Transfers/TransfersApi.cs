using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
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

        group.MapGet("/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, TransferLedger transfers, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await transfers.GetAsync(scope, id) is not { } t) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag((await VersionAsync(db, scope, id))!.Value);
            return Results.Ok(t);
        });

        group.MapPost("/", async (TransferInput input, ScopeResolver scopes, TransferLedger transfers) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await transfers.IssueAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/transfers/{outcome.Value!.Id}", await transfers.GetAsync(scope, outcome.Value.Id));
        });

        // Receiving and closing take an optional If-Match: the ETag of the transfer as read.
        group.MapPost("/{id:int}/receive", async (int id, TransferReceiptInput input, HttpContext http, ScopeResolver scopes, TransferLedger transfers, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.CheckIfMatchAsync(http, await VersionAsync(db, scope, id), async () => await transfers.GetAsync(scope, id))
                ?? await Versions.AnswerAsync(http, await transfers.ReceiveAsync(scope, id, input), async () => await transfers.GetAsync(scope, id));
        });

        // POST /api/v1/transfers/{id}/late-decision  {"number","decidedOn","countsInPartyAge":bool,"organizationId"}: the committee's
        // decision on a letter received after its deadline (whether the late period counts in party age)
        group.MapPost("/{id:int}/late-decision", async (int id, TransferLateDecisionInput input, HttpContext http, ScopeResolver scopes, TransferLedger transfers, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.CheckIfMatchAsync(http, await VersionAsync(db, scope, id), async () => await transfers.GetAsync(scope, id))
                ?? await Versions.AnswerAsync(http, await transfers.DecideLateAsync(scope, id, input), async () => await transfers.GetAsync(scope, id));
        });

        group.MapPost("/{id:int}/close", async (int id, HttpContext http, ScopeResolver scopes, TransferLedger transfers, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.CheckIfMatchAsync(http, await VersionAsync(db, scope, id), async () => await transfers.GetAsync(scope, id))
                ?? await Versions.AnswerAsync(http, await transfers.CloseAsync(scope, id), async () => await transfers.GetAsync(scope, id));
        });
    }

    /// <summary>The stored version of a transfer either side of which is in the caller's scope (null otherwise).</summary>
    private static async Task<int?> VersionAsync(AppDbContext db, UserScope scope, int id) =>
        await db.MemberTransfers.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Version, t.FromPath, t.ToPath }).FirstOrDefaultAsync() is { } t
            && (scope.Covers(t.FromPath) || scope.Covers(t.ToPath)) ? t.Version : null;

}
