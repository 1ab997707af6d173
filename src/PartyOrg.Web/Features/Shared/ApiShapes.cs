namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// One page of a list as the API answers it: {"items","total","page","pageSize","totalCapped"}; totalCapped true means the count
/// stopped at total and more rows match (a name search).
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalCapped = false)
{
    public static ApiPage<T> From(Page<T> page) => new(page.Items, page.Total, page.PageNumber, page.PageSize, page.TotalCapped);
}
