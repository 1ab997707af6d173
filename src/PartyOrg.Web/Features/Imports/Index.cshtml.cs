using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>Sends a member or organization file to import (checked first by default), with the templates and the user's latest imports.</summary>
[RequestSizeLimit(ImportService.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes)]
public sealed class IndexModel(ImportService imports) : ScopedPage
{
    [BindProperty] public string Kind { get; set; } = nameof(ImportKind.Members);
    /// <summary>Check and count first, write after the user has seen the counts (the default).</summary>
    [BindProperty] public bool Preview { get; set; } = true;
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportJob> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!ImportService.MayImport(scope)) return scope.SeesOrganizations ? Forbid() : NotFound();
        Recent = await imports.RecentAsync(scope);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        if (!ImportService.MayImport(scope)) return scope.SeesOrganizations ? Forbid() : NotFound();
        var kind = Kind == nameof(ImportKind.Organizations) ? ImportKind.Organizations : ImportKind.Members;
        if (Upload is null || Upload.Length == 0)
        {
            ShowErrors([new FieldError("file", "Tệp: chọn tệp .xlsx hoặc .csv cần nhập.")]);
            Recent = await imports.RecentAsync(scope);
            return Page();
        }
        await using var content = Upload.OpenReadStream();
        var outcome = await imports.StartAsync(scope, kind, Upload.FileName, content, Preview, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok)
        {
            Recent = await imports.RecentAsync(scope);
            return Page();
        }
        return Redirect($"/Imports/Job/{outcome.Value!.Id}");
    }

    public static string Time(DateTime utc) => VietnamTime.Format(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
