using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Admission;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

public static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Chỉ tiêu kết nạp");

        // GET /api/v1/targets/progress?org={id}&year={y}  or  ?org={id}&term=2020-2025[&from=2021-01-01][&asOf=2023-06-30]
        // or ?org={id}&from=2021-01-01&to=2023-06-30 (any range; a percent when exactly one target's window covers it).
        group.MapGet("/progress", async (int org, int? year, string? term, DateOnly? asOf, DateOnly? from, DateOnly? to, ScopeResolver scopes, TargetQueries targets) =>
        {
            var label = string.IsNullOrWhiteSpace(term) ? null : term.Trim();
            if (from is { } f && to is { } t && year is null && label is null)
            {
                if (f > t) return Invalid("to", $"Đến ngày (to): {VnFormat.Date(t)} phải từ ngày from ({VnFormat.Date(f)}) trở đi.");
                return await targets.RangeAsync(await scopes.CurrentAsync(), org, f, t) is { } range ? Results.Ok(range) : OrganizationsApi.NotFound();
            }
            if (year is null == (label is null))
                return Invalid("year", "Năm hoặc nhiệm kỳ: phải chọn đúng một trong hai (year hoặc term).");
            if (label is not null && TargetWindowRule.TermYears(label) is null)
                return Invalid("term", "Nhiệm kỳ (term): viết dạng 2020-2025.");
            if (to is not null)
                return Invalid("to", "Đến ngày (to): chỉ dùng cùng from khi không chọn năm hoặc nhiệm kỳ; với year hoặc term, dùng asOf.");
            var progress = await targets.NarrowedProgressAsync(await scopes.CurrentAsync(), org, year, label, from, asOf);
            return progress.Kind switch
            {
                OutcomeKind.Ok => Results.Ok(progress.Value),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(progress.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "Dữ liệu không hợp lệ.", detail: string.Join(" ", progress.Errors.Select(e => e.Message))),
                _ => OrganizationsApi.NotFound(),
            };
        });

        // GET /api/v1/targets?org=&year=|term=&source=  the stored target itself, with its ETag for a later PUT.
        group.MapGet("/", async (int org, int? year, string? term, string? source, HttpContext http, ScopeResolver scopes, OrganizationQueries orgs, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindAsync(scope, org) is null) return OrganizationsApi.NotFound();
            if (await FindAsync(db, org, year, term, source) is not { } t) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(t.Version);
            return Results.Ok(new TargetView(t.OrganizationId, t.Year, t.Term, t.Count, t.Source, t.Document, t.PeriodStart, t.PeriodEnd, t.DocumentDate));
        });

        // PUT /api/v1/targets  {"organizationId":1,"year":2026,"count":120,"source":"Allocated","document":"..."}
        // Creating needs no If-Match; changing a stored target needs the ETag read with GET /api/v1/targets.
        group.MapPut("/", async (TargetInput input, HttpContext http, ScopeResolver scopes, TargetQueries targets, OrganizationQueries orgs, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            var stored = input.OrganizationId is { } o && await orgs.FindAsync(scope, o) is { } org && scope.CanWriteAt(org.Path)
                ? await FindAsync(db, o, input.Year, input.Term, input.Source) : null;
            if (stored is not null)
            {
                if (Versions.FromIfMatch(http.Request) is not { } expected) return Versions.Required();
                if (expected != stored.Version)
                    return Versions.Stale(http, await targets.ProgressAsync(scope, stored.OrganizationId, stored.Year, stored.Term), stored.Version);
            }
            var outcome = await targets.SetAsync(scope, input);
            if (outcome.Failure() is { } failure) return failure;
            http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
            return Results.Ok(await targets.ProgressAsync(scope, input.OrganizationId!.Value, outcome.Value.Year, outcome.Value.Term));
        });
    }

    private static IResult Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: "Dữ liệu không hợp lệ.", detail: message);

    /// <summary>The stored target of an organization for a year or a term and a source (allocated by default).</summary>
    private static Task<AdmissionTarget?> FindAsync(AppDbContext db, int organizationId, int? year, string? term, string? source)
    {
        var label = string.IsNullOrWhiteSpace(term) ? null : term.Trim();
        var kind = Enum.TryParse<TargetSource>(source, ignoreCase: true, out var s) && !int.TryParse(source, out _) ? s : TargetSource.Allocated;
        var forYear = label is null ? year : null;
        return db.AdmissionTargets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.OrganizationId == organizationId && t.Year == forYear && t.Term == label && t.Source == kind);
    }
}

/// <summary>
/// An admission target as stored. PeriodStart–PeriodEnd is the window whose admissions count; CountFrom–CountTo repeat it under the
/// names the PUT takes, so that a target read can be written back as it is.
/// </summary>
public sealed record TargetView(int OrganizationId, int? Year, string? Term, int Count, TargetSource Source, string? Document, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly? DocumentDate)
{
    public DateOnly CountFrom => PeriodStart;
    public DateOnly CountTo => PeriodEnd;
}
