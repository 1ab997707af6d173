using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>
/// The tree browser: one organization, its ancestors and its children with rolled-up member counts, as of a date. Before an
/// organization's founding it shows the organizations that then stood in its place (its predecessors through the merger
/// links); an ended organization links to its successor, a successor to its predecessors.
/// </summary>
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
    /// <summary>The organization the current one was merged into, when the user may open it.</summary>
    public Organization? Successor { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly Today => queries.Today;
    public bool IsToday => Date == Today;
    /// <summary>Before the current organization's founding: its children are the organizations that stood in its place.</summary>
    public bool NotYetFounded => Current is { } c && Date < c.FoundedOn;
    /// <summary>The day the merger behind the current organization took effect (the national reform day when there is none).</summary>
    public DateOnly MergerDay { get; private set; } = OrganizationLife.Reform2025;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        Date = AsOf ?? Today;
        // A commission or a secretary starts at their own organization; an administrator at the top-level organizations.
        var id = Id ?? scope.RootOrganizationId;
        if (id is null)
        {
            Children = await queries.TopsAsync(scope, Date, Ended);
            return Page();
        }
        var org = await queries.FindAsync(scope, id.Value);
        if (org is null) return NotFound();
        Current = await queries.ViewAsync(scope, org, Date);
        Breadcrumb = await queries.BreadcrumbAsync(scope, org);
        Children = await queries.ChildrenAsync(scope, org.Id, Date, Ended) ?? [];
        Successor = Current.SuccessorId is { } s ? await queries.FindAsync(scope, s) : null;
        var predecessorEnds = Current.Predecessors.Select(p => p.EndedOn).OfType<DateOnly>().ToList();
        if (predecessorEnds.Count > 0) MergerDay = predecessorEnds.Max();
        else if (Current.EndedOn is { } ended && Current.State == OrganizationState.Merged) MergerDay = ended;
        return Page();
    }

    /// <summary>The quick moves between dates: the last day before the merger, and today.</summary>
    public IReadOnlyList<(string Label, DateOnly Date)> QuickDates =>
    [
        ($"Trước sáp nhập ({Domain.Common.VnFormat.Date(MergerDay.AddDays(-1))})", MergerDay.AddDays(-1)),
        ("Hôm nay", Today),
    ];

    public string Link(int? id, DateOnly? asOf = null, bool? ended = null)
    {
        var query = new List<string>();
        if (id is not null) query.Add($"id={id}");
        var date = asOf ?? AsOf;
        if (date is not null && date != Today) query.Add($"asOf={InputParsing.Iso(date)}");
        if (ended ?? Ended) query.Add("ended=true");
        return "/Organizations" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
