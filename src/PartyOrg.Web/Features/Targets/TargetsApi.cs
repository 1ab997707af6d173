using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

public static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Chỉ tiêu kết nạp");

        // GET /api/v1/targets/progress?org={id}&year={y}  or  ?org={id}&term=2020-2025[&asOf=2023-12-15]
        group.MapGet("/progress", async (int org, int? year, string? term, DateOnly? asOf, ScopeResolver scopes, TargetQueries targets) =>
        {
            if (year is null == string.IsNullOrWhiteSpace(term))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["year"] = ["Năm hoặc nhiệm kỳ: phải chọn đúng một trong hai (year hoặc term)."],
                }, title: "Dữ liệu không hợp lệ.");
            var progress = await targets.ProgressAsync(await scopes.CurrentAsync(), org, year, string.IsNullOrWhiteSpace(term) ? null : term.Trim(), asOf);
            return progress is null ? OrganizationsApi.NotFound() : Results.Ok(progress);
        });
    }
}
