using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

/// <summary>The discipline decisions of a year in a subtree: members and organizations, in force or lapsed today.</summary>
public sealed class IndexModel(OrganizationQueries organizations, DisciplineRegister register, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<DisciplineView> Items { get; private set; } = [];
    public string SettingNote => register.Settings.Label;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        var org = await organizations.FindOrRootAsync(scope, Org);
        if (org is null) return NotFound();
        (OrganizationId, OrganizationName) = (org.Id, org.Name);
        var today = calendar.Today;
        ShownYear = Year is >= 1930 and <= 2100 ? Year.Value : today.Year;
        Items = await register.OfYearAsync(scope, org.Path, ShownYear, today);
        return Page();
    }
}
