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

        // GET /api/v1/imports/members/template?format=csv|xlsx  the import format with Vietnamese headers and one example row.
        group.MapGet("/members/template", async (string? format, HttpContext http, ScopeResolver scopes, OrganizationQueries orgs, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            var kind = ExportsApi.Format(format, errors, "xlsx", "csv");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (!scope.SeesOrganizations || await orgs.FindOrRootAsync(scope, null) is not { } own) return OrganizationsApi.NotFound();
            return kind == "csv"
                ? await Exports.CsvAsync("mau-nhap-dang-vien.csv", MemberImportFormat.Template(), http.RequestAborted)
                : await Exports.XlsxAsync("mau-nhap-dang-vien.xlsx", new(Exports.Upper(own.Name), calendar.Today), [MemberImportFormat.Template()], http.RequestAborted);
        }).Produces(StatusCodes.Status200OK, typeof(Stream), Exports.CsvContentType, XlsxWorkbook.ContentType);
    }
}
