using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Statistics;

public static class StatisticsApi
{
    public static void MapStatisticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Thống kê");

        // GET /api/v1/statistics?org=&date=  the figures of the subtree on the date (default: the caller's organization, today).
        group.MapGet("/", async (int? org, DateOnly? date, ScopeResolver scopes, StatisticsQueries stats) =>
        {
            var subject = await stats.SubjectAsync(await scopes.CurrentAsync(), org, date);
            return subject.Failure() ?? Results.Ok(await stats.ReportAsync(subject.Value!));
        });

        // GET /api/v1/statistics/members?org=&date=&measure=&value=&page=&pageSize=[&ratingYear=]  exactly the members counted in one figure.
        group.MapGet("/members", async (int? org, DateOnly? date, string? measure, string? value, int? page, int? pageSize, int? ratingYear, ScopeResolver scopes, StatisticsQueries stats) =>
        {
            var subject = await stats.SubjectAsync(await scopes.CurrentAsync(), org, date);
            if (subject.Failure() is { } failure) return failure;
            var list = await stats.MembersAsync(subject.Value!, measure, value, page, pageSize, ratingYear);
            return list.Failure() ?? Results.Ok(ApiPage<StatisticsMemberItem>.From(list.Value!));
        });

        // GET /api/v1/statistics/organizations?org=&date=&measure=&value=&page=&pageSize=  the organizations counted in one figure.
        group.MapGet("/organizations", async (int? org, DateOnly? date, string? measure, string? value, int? page, int? pageSize, int? ratingYear, ScopeResolver scopes, StatisticsQueries stats) =>
        {
            var subject = await stats.SubjectAsync(await scopes.CurrentAsync(), org, date);
            if (subject.Failure() is { } failure) return failure;
            var list = await stats.OrganizationsAsync(subject.Value!, measure, value, page, pageSize, ratingYear);
            return list.Failure() ?? Results.Ok(ApiPage<StatisticsOrganizationItem>.From(list.Value!));
        });

        // GET /api/v1/statistics/forms/{form}.xlsx?org=&date=  a form template filled with the figures.
        group.MapGet("/forms/{form}.xlsx", async (string form, int? org, DateOnly? date, ScopeResolver scopes, StatisticsQueries stats) =>
        {
            if (FormTemplates.Find(form) is not { } template) return OrganizationsApi.NotFound();
            var subject = await stats.SubjectAsync(await scopes.CurrentAsync(), org, date);
            if (subject.Failure() is { } failure) return failure;
            var report = await stats.ReportAsync(subject.Value!);
            var name = $"{template.Id}-{InputParsing.Iso(report.Date)}.xlsx";
            return Results.File(FormWorkbook.Render(template, report), FormWorkbook.ContentType, name);
        }).Produces(StatusCodes.Status200OK, typeof(Stream), FormWorkbook.ContentType);
    }
}
