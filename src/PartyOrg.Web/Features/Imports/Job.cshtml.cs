using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>One import: a progress bar while it runs (it survives a reload: the job runs on the server), then its counts and errors; a checked file is written from here.</summary>
public sealed class JobModel(ImportService imports) : ScopedPage
{
    /// <summary>The errors listed on the page; the .xlsx has them all.</summary>
    public const int ErrorsOnPage = 200;

    public ImportView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var scope = await ScopeAsync();
        if (await imports.FindAsync(scope, id) is not { } job) return NotFound();
        Job = await imports.ViewAsync(job, ErrorsOnPage);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int id)
    {
        var scope = await ScopeAsync();
        var outcome = await imports.CommitAsync(scope, id);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Ok) return Redirect($"/Imports/Job/{id}");
        if (await imports.FindAsync(scope, id) is not { } job) return NotFound();
        Job = await imports.ViewAsync(job, ErrorsOnPage);
        return Page();
    }

    public bool Running => Job.State == nameof(ImportState.Running);
    public string Percent => Job.Total == 0 ? "0" : Math.Min(100, 100.0 * Job.Processed / Job.Total).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
