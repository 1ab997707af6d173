using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Ratings;

/// <summary>
/// The year's rating round of a subtree (<see cref="RatingBook.RoundAsync"/>): the rule of the year, the named settings, the
/// counts by level, the progress of each organization with a link to its bulk entry, and the lock (for those who decide).
/// </summary>
public sealed class IndexModel(RatingBook book, OrganizationQueries organizations, AppDbContext db, PercentRounding rounding) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public RatingRoundView Round { get; private set; } = null!;
    public PickerField OrgPicker { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public int ThisYear => book.Today.Year;
    /// <summary>The account decides ratings here: lock, unlock (and the decision fields of the bulk pages).</summary>
    public bool Decides { get; private set; }
    /// <summary>The year asked could not be shown (out of 2000..this year): this year is shown instead.</summary>
    public string? YearNote { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostLockAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        if (YearNote is not null) return Page();
        var scope = await ScopeAsync();
        var outcome = await book.LockAsync(scope, await OrgAsync(scope), ShownYear);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        TempData[Notice.Key] = $"Đã khóa sổ xếp loại năm {ShownYear} của {Round.OrganizationName}.";
        return Redirect(Link(Round.OrganizationId, ShownYear));
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        if (YearNote is not null) return Page();
        var scope = await ScopeAsync();
        var outcome = await book.UnlockAsync(scope, await OrgAsync(scope), ShownYear, Reason);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        TempData[Notice.Key] = $"Đã mở khóa sổ xếp loại năm {ShownYear} của {Round.OrganizationName}. Lý do: {outcome.Value!.UnlockReason}";
        return Redirect(Link(Round.OrganizationId, ShownYear));
    }

    private async Task<Organization> OrgAsync(UserScope scope) => (await organizations.FindAsync(scope, Round.OrganizationId))!;

    /// <summary>Reads the round; a 404 outside the scope. The year out of 2000..this year shows this year with the error.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        if (await organizations.FindOrRootAsync(scope, Org) is not { } org) return NotFound();
        ShownYear = Year ?? ThisYear;
        if (ShownYear < RatingBook.FirstYear || ShownYear > ThisYear)
        {
            YearNote = $"Năm đánh giá: phải từ {RatingBook.FirstYear} đến {ThisYear}; đang hiện năm {ThisYear}.";
            ShownYear = ThisYear;
        }
        Round = (await book.RoundAsync(scope, org, ShownYear))!;
        Decides = RatingBook.CanDecide(scope) && scope.CanWriteAt(org.Path);
        OrgPicker = await PickerField.OrganizationOfPageAsync(new PickerQueries(db), scope, org.Id, OrgQuery, "rating-form");
        return null;
    }

    /// <summary>Names of members not yet rated shown per organization; the rest are counted, listed on its bulk page and in the workbook.</summary>
    public const int MissingShown = 12;

    public static string Link(int org, int year) => $"/Ratings?org={org}&year={year}";

    public static string CellLink(int org, int year) => $"/Ratings/Cell?org={org}&year={year}";

    public string Percent(decimal? p) => p is { } v ? VnFormat.Percent(v, rounding) : "—";

    public RatingView? OwnRating(int orgId) => Round.OrganizationRatings.FirstOrDefault(r => r.SubjectOrganizationId == orgId);

    public static string When(DateTime? utc) => utc is { } at ? VnFormat.Date(DateOnly.FromDateTime(at)) : "";
}
