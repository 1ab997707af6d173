using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Decisions;

/// <summary>A member's party age on a date (null before they are official).</summary>
public sealed record PartyAgeView(int MemberId, DateOnly AdmittedOn, int? Years, int? Months, string? Text);

public static class DecisionsApi
{
    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members/{id:int}").WithTags("Đảng viên");

        group.MapGet("/decisions", async (int id, ScopeResolver scopes, MemberDecisions decisions) =>
            await decisions.ListAsync(await scopes.CurrentAsync(), id) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound());

        // POST /api/v1/members/{id}/decisions  {"kind":"Recognition","decidedOn":"2026-11-20","number":"45-QĐ/ĐU"}
        group.MapPost("/decisions", async (int id, DecisionInput input, ScopeResolver scopes, MemberDecisions decisions) =>
        {
            var outcome = await decisions.RecordAsync(await scopes.CurrentAsync(), id, input);
            return outcome.Failure() ?? Results.Ok(MemberDecisions.View(outcome.Value!));
        });

        // GET /api/v1/members/{id}/party-age?asOf=  judged on the member's standing on that date (official then)
        group.MapGet("/party-age", async (int id, DateOnly? asOf, ScopeResolver scopes, Members.MemberQueries members, PartyAges ages, Calendar calendar) =>
        {
            var m = await members.GetAsync(await scopes.CurrentAsync(), id);
            if (m is null) return OrganizationsApi.NotFound();
            var age = await ages.OnDateAsync(m.Id, asOf ?? calendar.Today);
            return Results.Ok(new PartyAgeView(m.Id, m.AdmittedOn, age?.Years, age?.Months, age?.ToString()));
        });
    }
}
