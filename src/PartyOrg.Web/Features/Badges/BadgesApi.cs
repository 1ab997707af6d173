using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Badges;

/// <summary>Members due a badge on an occasion, with the count per milestone.</summary>
public sealed record BadgeEligibleList(DateOnly Occasion, IReadOnlyList<BadgeCandidate> Items, IReadOnlyList<MilestoneCount> ByMilestone);

public sealed record BadgeAwardView(int Id, int MemberId, int Milestone, DateOnly OccasionOn);

public static class BadgesApi
{
    public static void MapBadgesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/badges").WithTags("Huy hiệu Đảng");

        // GET /api/v1/badges/eligible?org=&occasion=2027-02-03  (default: the next occasion)
        group.MapGet("/eligible", async (int? org, DateOnly? occasion, ScopeResolver scopes, OrganizationQueries orgs, BadgeRegister badges, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            if (o is null) return OrganizationsApi.NotFound();
            var on = occasion ?? BadgeRule.NextOccasion(calendar.Today);
            var list = await badges.EligibleAsync(scope, o.Path, on);
            return Results.Ok(new BadgeEligibleList(on, list, list.Where(c => c.Barred is null).GroupBy(c => c.Milestone).OrderBy(g => g.Key).Select(g => new MilestoneCount(g.Key, g.Count())).ToList()));
        });

        group.MapPost("/awards", async (BadgeAwardInput input, ScopeResolver scopes, BadgeRegister badges) =>
        {
            var outcome = await badges.AwardAsync(await scopes.CurrentAsync(), input);
            return outcome.Failure() ?? Results.Ok(new BadgeAwardView(outcome.Value!.Id, outcome.Value.MemberId, outcome.Value.Milestone, outcome.Value.OccasionOn));
        });

        // GET /api/v1/badges/summary?org=&from=&to=  awards counted per milestone
        group.MapGet("/summary", async (int? org, DateOnly? from, DateOnly? to, ScopeResolver scopes, OrganizationQueries orgs, BadgeRegister badges, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var o = await orgs.FindOrRootAsync(scope, org);
            if (o is null) return OrganizationsApi.NotFound();
            var today = calendar.Today;
            return Results.Ok(await badges.SummaryAsync(scope, o.Path, from ?? new DateOnly(today.Year, 1, 1), to ?? new DateOnly(today.Year, 12, 31)));
        });
    }
}
