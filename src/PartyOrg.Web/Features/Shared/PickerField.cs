using PartyOrg.Web.Features.Pickers;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// A member or organization picker on a form: a search box (sent with the page's GET search form, so it works without
/// scripts) and the matches as radio buttons carrying the chosen id in the posted form. A script suggests while typing.
/// </summary>
public sealed class PickerField
{
    /// <summary>The posted field, "Input.ToOrganizationId".</summary>
    public required string Name { get; init; }
    public required string Label { get; init; }
    /// <summary>The query-string name of the search text, unique on the page.</summary>
    public required string QueryName { get; init; }
    public string? Query { get; init; }
    /// <summary>The JSON suggestions for the logged-in user, with its fixed parameters ("...?kind=destination").</summary>
    public required string Source { get; init; }
    public string? Hint { get; init; }
    public PickItem? Selected { get; init; }
    public IReadOnlyList<PickItem> Matches { get; init; } = [];
    /// <summary>The id of the page's GET form that carries the searches.</summary>
    public string SearchForm { get; init; } = "pick";
    /// <summary>The model-state key the field's errors are shown under.</summary>
    public string? ErrorKey { get; init; }
    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    /// <summary>
    /// The organization chooser of a page read for one organization (statistics, reports, ratings, dashboard): field "org",
    /// its search "oq" in the page's GET form, the organization shown chosen, any organization in the scope offered.
    /// </summary>
    public static async Task<PickerField> OrganizationOfPageAsync(PickerQueries pickers, UserScope scope, int organizationId, string? query, string searchForm) => new()
    {
        Name = "org", Label = "Tổ chức", QueryName = "oq", Query = query, SearchForm = searchForm,
        Source = "/api/v1/pickers/organizations?kind=any",
        Hint = "Gõ tên tổ chức, có dấu hoặc không, rồi chọn một dòng.",
        Selected = await pickers.OrganizationAsync(scope, organizationId, PickKind.Any),
        Matches = !string.IsNullOrWhiteSpace(query) ? await pickers.OrganizationsAsync(scope, query, PickKind.Any) : [],
    };

    /// <summary>
    /// The member chooser of a page's form: field <paramref name="name"/> (its errors shown under the same key), its search "mq" in
    /// the page's GET form, the member chosen shown, the members of the scope offered (official ones only when asked).
    /// </summary>
    public static async Task<PickerField> MemberOfFormAsync(PickerQueries pickers, UserScope scope, string name, string label, int? selected, string? query,
        string searchForm, bool officialOnly, string hint) => new()
    {
        Name = name, Label = label, QueryName = "mq", Query = query, SearchForm = searchForm, ErrorKey = name,
        Source = $"/api/v1/pickers/members?official={(officialOnly ? "true" : "false")}", Hint = hint,
        Selected = await pickers.MemberAsync(scope, selected),
        Matches = !string.IsNullOrWhiteSpace(query) ? await pickers.MembersAsync(scope, query, officialOnly) : [],
    };
}
