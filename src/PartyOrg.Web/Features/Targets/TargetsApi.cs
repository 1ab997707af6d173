using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

public static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Chỉ tiêu kết nạp");

        // GET /api/v1/targets/progress?org={id}&year={y}  or  ?org={id}&term=2020-2025[&asOf=2023-12-15]
        group.MapGet("/progress", async (int org, int? year, string? term, DateOnly? asOf, DateOnly? from, DateOnly? to, ScopeResolver scopes, TargetQueries targets) =>
        {
            // ?org={id}&from=2026-01-01&to=2026-06-30: admissions over any range.
            if (from is { } f && to is { } t && year is null && string.IsNullOrWhiteSpace(term))
                return await targets.RangeAsync(await scopes.CurrentAsync(), org, f, t) is { } range ? Results.Ok(range) : OrganizationsApi.NotFound();
            if (year is null == string.IsNullOrWhiteSpace(term))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["year"] = ["Năm hoặc nhiệm kỳ: phải chọn đúng một trong hai (year hoặc term)."],
                }, title: "Dữ liệu không hợp lệ.");
            var progress = await targets.ProgressAsync(await scopes.CurrentAsync(), org, year, string.IsNullOrWhiteSpace(term) ? null : term.Trim(), asOf);
            return progress is null ? OrganizationsApi.NotFound() : Results.Ok(progress);
        });

        // PUT /api/v1/targets  {"organizationId":1,"year":2026,"count":120,"source":"Allocated","document":"..."}
        group.MapPut("/", async (TargetInput input, ScopeResolver scopes, TargetQueries targets) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await targets.SetAsync(scope, input);
            return outcome.Failure() ?? Results.Ok(await targets.ProgressAsync(scope, input.OrganizationId!.Value, outcome.Value!.Year, outcome.Value.Term));
        });
    }
}
