using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports;

public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Nhập tệp");

        // GET /api/v1/imports/{members|organizations}/template?format=csv|xlsx  the import format with Vietnamese headers and one example row.
        group.MapGet("/members/template", (string? format, HttpContext http, ScopeResolver scopes, OrganizationQueries orgs, Calendar calendar) =>
            TemplateAsync(format, "mau-nhap-dang-vien", MemberImportFormat.Template(), MemberImportFormat.Guide(), http, scopes, orgs, calendar))
            .Produces(StatusCodes.Status200OK, typeof(Stream), Exports.CsvContentType, XlsxWorkbook.ContentType);
        group.MapGet("/organizations/template", (string? format, HttpContext http, ScopeResolver scopes, OrganizationQueries orgs, Calendar calendar) =>
            TemplateAsync(format, "mau-nhap-to-chuc-dang", OrganizationImportFormat.Template(), OrganizationImportFormat.Guide(), http, scopes, orgs, calendar))
            .Produces(StatusCodes.Status200OK, typeof(Stream), Exports.CsvContentType, XlsxWorkbook.ContentType);

        // POST /api/v1/imports/{members|organizations}  multipart, field "file"; ?preview=true checks without writing.  202 {"id"}
        group.MapPost("/members", (bool? preview, HttpContext http, ScopeResolver scopes, ImportService imports) =>
            StartAsync(ImportKind.Members, preview ?? false, http, scopes, imports))
            .WithMetadata(new RequestSizeLimitAttribute(ImportService.MaxFileBytes));
        group.MapPost("/organizations", (bool? preview, HttpContext http, ScopeResolver scopes, ImportService imports) =>
            StartAsync(ImportKind.Organizations, preview ?? false, http, scopes, imports))
            .WithMetadata(new RequestSizeLimitAttribute(ImportService.MaxFileBytes));

        // GET /api/v1/imports/{id}  where the job stands: state, counts, the first errors (all of them in errors.xlsx).
        group.MapGet("/{id:int}", async (int id, ScopeResolver scopes, ImportService imports) =>
            await imports.FindAsync(await scopes.CurrentAsync(), id) is { } job ? Results.Ok(await imports.ViewAsync(job)) : OrganizationsApi.NotFound());

        group.MapGet("/{id:int}/errors.xlsx", async (int id, HttpContext http, ScopeResolver scopes, ImportService imports, Calendar calendar) =>
        {
            if (await imports.FindAsync(await scopes.CurrentAsync(), id) is not { } job) return OrganizationsApi.NotFound();
            return await Exports.XlsxAsync($"loi-nhap-tep-{id}.xlsx", new("BAN TỔ CHỨC", calendar.Today), [imports.ErrorsSheet(job)], http.RequestAborted);
        }).Produces(StatusCodes.Status200OK, typeof(Stream), XlsxWorkbook.ContentType);

        // POST /api/v1/imports/{id}/commit  writes a previewed job (its file is read and checked again).  202 {"id"}
        group.MapPost("/{id:int}/commit", async (int id, ScopeResolver scopes, ImportService imports) =>
        {
            var outcome = await imports.CommitAsync(await scopes.CurrentAsync(), id);
            return outcome.Failure() ?? Results.Accepted($"/api/v1/imports/{id}", new ImportStarted(id));
        });
    }

    private static async Task<IResult> StartAsync(ImportKind kind, bool preview, HttpContext http, ScopeResolver scopes, ImportService imports)
    {
        var scope = await scopes.CurrentAsync();
        if (!ImportService.MayImport(scope)) return (scope.SeesOrganizations ? Outcome<ImportJob>.Forbidden() : Outcome<ImportJob>.NotFound()).Failure()!;
        var boundary = http.Request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var media)
            ? HeaderUtilities.RemoveQuotes(media.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            return Invalid("Tệp: gửi tệp dạng multipart/form-data, trường \"file\".");
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            for (var section = await reader.ReadNextSectionAsync(http.RequestAborted); section is not null; section = await reader.ReadNextSectionAsync(http.RequestAborted))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value?.Trim('"') != "file") continue;
                var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value?.Trim('"');
                var outcome = await imports.StartAsync(scope, kind, fileName, section.Body, preview, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
                return outcome.Failure() ?? Results.Accepted($"/api/v1/imports/{outcome.Value!.Id}", new ImportStarted(outcome.Value.Id));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            return Invalid(ImportService.UploadBroken);
        }
        return Invalid("Tệp: thiếu trường \"file\" chứa tệp cần nhập.");
    }

    private static IResult Invalid(string message) => Outcome<ImportJob>.Invalid([new("file", message)]).Failure()!;

    public sealed record ImportStarted(int Id);

    private static async Task<IResult> TemplateAsync(string? format, string fileName, XlsxSheet template, XlsxSheet guide,
        HttpContext http, ScopeResolver scopes, OrganizationQueries orgs, Calendar calendar)
    {
        var errors = new List<FieldError>();
        var kind = ExportsApi.Format(format, errors, "xlsx", "csv");
        if (errors.Count > 0) return ListProblems.Invalid(errors);
        var scope = await scopes.CurrentAsync();
        if (!scope.SeesOrganizations || await orgs.FindOrRootAsync(scope, null) is not { } own) return OrganizationsApi.NotFound();
        return kind == "csv"
            ? await Exports.CsvAsync(fileName + ".csv", template, http.RequestAborted)
            : await Exports.XlsxAsync(fileName + ".xlsx", new(Exports.Upper(own.Name), calendar.Today), [template, guide], http.RequestAborted);
    }
}
