using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>The tree browser: one organization, its ancestors and its children with rolled-up member counts, as of a date.</summary>
public sealed class IndexModel(OrganizationQueries queries) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>The date as typed (dd/mm/yyyy) or linked (yyyy-MM-dd); an unreadable one means today.</summary>
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    public DateOnly? AsOf => new InputParsing([], _ => "").Date("asOf", AsOfText, required: false);
    [BindProperty(SupportsGet = true)] public bool Ended { get; set; }

    public OrganizationView? Current { get; private set; }
    public IReadOnlyList<Organization> Breadcrumb { get; private set; } = [];
    public IReadOnlyList<OrganizationView> Children { get; private set; } = [];
    public DateOnly Date { get; private set; }
    public bool IsToday => Date == queries.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        Date = AsOf ?? queries.Today;
        if (Id is null)
        {
            // The top: the user's organization and the ones merged into it, so the past stays reachable.
            Children = await queries.TopsAsync(scope, Date, includeEnded: true);
            return Page();
        }
        var org = await queries.FindAsync(scope, Id.Value);
        if (org is null) return NotFound();
        Current = await queries.GetAsync(scope, org.Id, Date);
        Breadcrumb = await queries.BreadcrumbAsync(scope, org);
        Children = await queries.ChildrenAsync(scope, org.Id, Date, Ended) ?? [];
        return Page();
    }

    public string Link(int? id, DateOnly? asOf = null, bool? ended = null)
    {
        var query = new List<string>();
        if (id is not null) query.Add($"id={id}");
        var date = asOf ?? AsOf;
        if (date is not null) query.Add($"asOf={InputParsing.Iso(date)}");
        if (ended ?? Ended) query.Add("ended=true");
        return "/Organizations" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
