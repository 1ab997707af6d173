using PartyOrg.Domain.Common;
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
    }

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
