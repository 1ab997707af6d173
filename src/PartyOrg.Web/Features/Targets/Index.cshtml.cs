using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Targets;

/// <summary>Admissions against targets for an organization and each of its children, for a year or a term; setting a target for an organization picked by name.</summary>
public sealed class IndexModel(TargetQueries targets, OrganizationQueries organizations, AppDbContext db, PercentRounding rounding,
    PartyOrg.Domain.Lifecycle.AdmissionSettings admissionSettings) : ScopedPage
{
    /// <summary>Direct units offered without a search when there are this few; a province's dozens are searched by name.</summary>
    private const int BrowseLimit = 10;

    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    /// <summary>The organization already chosen for a target, carried by a search made without scripts.</summary>
    [BindProperty(SupportsGet = true, Name = "target")] public int? TargetParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "tq")] public string? TargetQuery { get; set; }
    /// <summary>The clerk's narrowing of the window counted (dd/mm/yyyy): from a later day, to an earlier one.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public string? FromText { get; set; }
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    /// <summary>Why the narrowing asked for was not applied (then the whole window is shown).</summary>
    public IReadOnlyList<FieldError> WindowErrors { get; private set; } = [];
    public PercentRounding Rounding => rounding;
    public PartyOrg.Domain.Lifecycle.AdmissionSettings AdmissionSettings => admissionSettings;

    [BindProperty] public TargetInput Input { get; set; } = new();
    /// <summary>
    /// The stored targets the form was drawn beside ("org:allocatedVersion:proposedVersion", -1 for none), so a target
    /// changed by someone else meanwhile is shown, not silently overwritten.
    /// </summary>
    [BindProperty] public string? Seen { get; set; }
    public TargetProgressView Current { get; private set; } = null!;
    public PickerField TargetPicker { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public IReadOnlyList<TargetProgressView> Children { get; private set; } = [];

    public Task<IActionResult> OnGetAsync()
    {
        Input.OrganizationId = TargetParam;
        return LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        if (Input.OrganizationId is null)
        {
            ShowErrors([new FieldError("organizationId", "Tổ chức: phải chọn tổ chức được giao chỉ tiêu.")]);
            return await LoadAsync();
        }
        if (await ChangedSinceSeenAsync() is { } changed)
        {
            ShowErrors([changed]);
            return await LoadAsync();
        }
        var outcome = await targets.SetAsync(scope, Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return await LoadAsync();
        var t = outcome.Value!;
        var org = await new PickerQueries(db).OrganizationAsync(scope, t.OrganizationId, PickKind.Any);
        var period = t.Year is { } y ? $"năm {y}" : $"nhiệm kỳ {t.Term}";
        TempData[Notice.Key] = $"Đã lưu chỉ tiêu kết nạp {period} của {(org is null ? "tổ chức" : PickerQueries.OrganizationLine(org))}: {VnFormat.Number(t.Count)} đảng viên.";
        // Back to the same view by GET, so a refresh does not post the target again.
        var back = Org is { } o ? $"org={o}&" : "";
        return Redirect($"/Targets?{back}{(t.Year is { } yy ? $"year={yy}" : $"term={Uri.EscapeDataString(t.Term ?? "")}")}");
    }

    private async Task<IActionResult> LoadAsync()
    {
        var scope = await ScopeAsync();
        var orgId = Org ?? (await organizations.RootAsync(scope))?.Id;
        if (orgId is null) return NotFound();
        var term = string.IsNullOrWhiteSpace(Term) ? null : Term.Trim();
        var year = term is null ? Year ?? organizations.Today.Year : (int?)null;
        Year = year;
        var windowErrors = new List<FieldError>();
        var dates = new InputParsing(windowErrors, f => f == "from" ? "Tính từ ngày" : "Tính đến ngày");
        var (from, asOf) = (dates.Date("from", FromText, required: false), dates.Date("asOf", AsOfText, required: false));
        var narrowed = windowErrors.Count == 0 ? await targets.NarrowedProgressAsync(scope, orgId.Value, year, term, from, asOf) : null;
        if (narrowed?.Kind == OutcomeKind.NotFound) return NotFound();
        if (narrowed?.Kind == OutcomeKind.Invalid) windowErrors.AddRange(narrowed.Errors);
        if (windowErrors.Count > 0)
        {
            // The narrowing is refused with its reason; the whole window is shown meanwhile.
            (WindowErrors, from, asOf) = (windowErrors, null, null);
            narrowed = await targets.NarrowedProgressAsync(scope, orgId.Value, year, term, null, null);
        }
        Current = narrowed!.Value!;
        var children = await organizations.ChildrenAsync(scope, orgId.Value) ?? [];
        CanWrite = (await organizations.FindAsync(scope, orgId.Value)) is { } self && scope.CanWriteAt(self.Path);
        Children = (await targets.ProgressOfEachAsync(scope, children, year, term, from, asOf)).Where(p => p.Target > 0 || p.Admitted > 0).ToList();
        if (CanWrite)
        {
            var queries = new PickerQueries(db);
            // The organization on screen unless another was chosen; a few direct units are offered without a search.
            Input.OrganizationId ??= Request.Method == HttpMethods.Get ? orgId : null;
            if (Input.OrganizationId is { } chosen && (Seen is null || Request.Method == HttpMethods.Get))
            {
                var versions = await StoredVersionsAsync(chosen);
                Seen = $"{chosen}:{versions.Allocated}:{versions.Proposed}";
                ModelState.Remove(nameof(Seen));
            }
            if (Request.Method == HttpMethods.Get && Input.OrganizationId is { } shown) await FillFromStoredAsync(shown, year, term);
            TargetPicker = new PickerField
            {
                Name = "Input.OrganizationId", Label = "Tổ chức được giao chỉ tiêu", QueryName = "tq", Query = TargetQuery, ErrorKey = "Input.OrganizationId",
                Source = "/api/v1/pickers/organizations?kind=any",
                Hint = "Gõ tên tổ chức hoặc tên cấp trên, có dấu hoặc không (ví dụ: phuong long an), rồi chọn một dòng.",
                Selected = await queries.OrganizationAsync(scope, Input.OrganizationId, PickKind.Any),
                Matches = !string.IsNullOrWhiteSpace(TargetQuery) ? await queries.OrganizationsAsync(scope, TargetQuery, PickKind.Any)
                    : children.Count <= BrowseLimit ? await queries.OrganizationsAsync(scope, null, PickKind.Any, orgId) : [],
            };
        }
        return Page();
    }

    public bool BehindPace(TargetProgressView p) => Features.IndexModel.IsBehind(p);

    /// <summary>"làm tròn" or "cắt bớt" when the configured rounding changed the percentage of part over whole; otherwise null.</summary>
    public string? RoundingMark(int part, int whole) => PercentRounding.Changes(part, whole) ? rounding.Label : null;

    /// <summary>
    /// The form starts from the stored target (the allocated one, else the proposal), so correcting the count keeps the document and
    /// the window: a PUT replaces every field, and an emptied day takes its default.
    /// </summary>
    private async Task FillFromStoredAsync(int organizationId, int? year, string? term)
    {
        var stored = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Year == year && t.Term == term)
            .OrderBy(t => t.Source).FirstOrDefaultAsync();
        if (stored is null) return;
        Input.Count ??= stored.Count;
        Input.Source ??= stored.Source.ToString();
        Input.Document ??= stored.Document;
        Input.DocumentDate ??= InputParsing.Show(stored.DocumentDate);
        if (term is not null)
        {
            Input.CountFrom ??= InputParsing.Show(stored.PeriodStart);
            Input.CountTo ??= InputParsing.Show(stored.PeriodEnd);
        }
    }

    /// <summary>The versions of the two stored targets (allocated, proposed) of an organization for the period on screen.</summary>
    private async Task<(int Allocated, int Proposed)> StoredVersionsAsync(int organizationId)
    {
        var term = string.IsNullOrWhiteSpace(Term) ? null : Term.Trim();
        var year = term is null ? Year : null;
        var rows = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Year == year && t.Term == term)
            .Select(t => new { t.Source, t.Version }).ToListAsync();
        // -1 for "none yet": a new target starts at version 0.
        return (rows.FirstOrDefault(r => r.Source == TargetSource.Allocated)?.Version ?? -1, rows.FirstOrDefault(r => r.Source == TargetSource.Proposed)?.Version ?? -1);
    }

    private async Task<FieldError?> ChangedSinceSeenAsync()
    {
        var parts = (Seen ?? "").Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var org) || org != Input.OrganizationId
            || !int.TryParse(parts[1], out var allocated) || !int.TryParse(parts[2], out var proposed)) return null;
        var proposedSource = string.Equals(Input.Source, nameof(TargetSource.Proposed), StringComparison.OrdinalIgnoreCase);
        var seen = proposedSource ? proposed : allocated;
        var stored = await StoredVersionsAsync(org);
        var storedVersion = proposedSource ? stored.Proposed : stored.Allocated;
        if (storedVersion == seen || storedVersion < 0) return null;
        var source = proposedSource ? TargetSource.Proposed : TargetSource.Allocated;
        var term = string.IsNullOrWhiteSpace(Term) ? null : Term.Trim();
        var year = term is null ? Year : null;
        var now = await db.AdmissionTargets.AsNoTracking().SingleAsync(t => t.OrganizationId == org && t.Year == year && t.Term == term && t.Source == source);
        var last = await Versions.LastChangeAsync(db, nameof(AdmissionTarget), now.Id);
        // Seen again: saving once more, after reading this, writes over it knowingly.
        Seen = null;
        return new FieldError("count", $"Chỉ tiêu này đã được người khác sửa{(last is { } l ? $" lúc {VietnamTime.Format(l.At)} ({l.UserName})" : "")}: hiện là {VnFormat.Number(now.Count)} đảng viên. Chưa lưu; xem lại rồi bấm Lưu lần nữa nếu vẫn muốn ghi con số của bạn.");
    }
}
