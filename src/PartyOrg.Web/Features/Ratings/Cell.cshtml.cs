using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Rating;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Ratings;

/// <summary>One row of the bulk entry as typed: numbers stay text so that a wrong one comes back as typed with a Vietnamese error.</summary>
public sealed class RatingRowInput
{
    public int? MemberId { get; set; }
    public int? OrganizationId { get; set; }
    public int Version { get; set; }
    public string? SelfLevel { get; set; }
    public string? SelfPoints { get; set; }
    public string? ProposedLevel { get; set; }
    public string? DecidedLevel { get; set; }
    public string? Points { get; set; }
    public string? DecidedOn { get; set; }
    public bool? AllTasksOnTime { get; set; }
    public string? TasksExceededPercent { get; set; }
    public bool? SubUnitOrLeaderDisciplined { get; set; }
    public string? TasksLatePercent { get; set; }
    public string? ExemptReason { get; set; }

    public static RatingRowInput From(RatingView v) => new()
    {
        // -1: nothing stored when the page was read, so a record saved meanwhile by someone else is a conflict (a new record has version 0).
        MemberId = v.MemberId, OrganizationId = v.SubjectOrganizationId, Version = v.Id is null ? -1 : v.Version,
        SelfLevel = v.SelfLevel?.ToString(), SelfPoints = Text(v.SelfPoints), ProposedLevel = v.ProposedLevel?.ToString(),
        DecidedLevel = v.DecidedLevel?.ToString(), Points = Text(v.Points), DecidedOn = InputParsing.Show(v.DecidedOn),
        AllTasksOnTime = v.AllTasksOnTime, TasksExceededPercent = Text(v.TasksExceededPercent),
        SubUnitOrLeaderDisciplined = v.SubUnitOrLeaderDisciplined, TasksLatePercent = Text(v.TasksLatePercent), ExemptReason = v.ExemptReason,
    };

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(decimal? n) => n?.ToString("0.##", VnFormat.Culture);

    /// <summary>The same values, blanks and spacing aside: whether the row changes anything.</summary>
    public bool SameAs(RatingRowInput other) =>
        Same(SelfLevel, other.SelfLevel) && Same(SelfPoints, other.SelfPoints) && Same(ProposedLevel, other.ProposedLevel)
        && Same(DecidedLevel, other.DecidedLevel) && Same(Points, other.Points) && Same(DecidedOn, other.DecidedOn)
        && AllTasksOnTime == other.AllTasksOnTime && Same(TasksExceededPercent, other.TasksExceededPercent)
        && SubUnitOrLeaderDisciplined == other.SubUnitOrLeaderDisciplined && Same(TasksLatePercent, other.TasksLatePercent)
        && Same(ExemptReason, other.ExemptReason);

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.Ordinal);
}

/// <summary>
/// Bulk entry of one organization's ratings for a year: every member of it to be rated, each as a card of fields, and the
/// organization's own rating when it is rated; one submit saves every changed row through <see cref="RatingBook"/>, all or
/// nothing (<see cref="RatingBook.SaveAllAsync"/>). The decision fields are shown to those who decide only; a locked year is
/// read-only.
/// </summary>
/// A cell of several hundred members sends more than the default 1.024 form values (about 12 a member), hence the higher limit.
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class CellModel(RatingBook book, OrganizationQueries organizations) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<RatingRowInput> Rows { get; set; } = [];

    public RatingRoundView Round { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public int ShownYear { get; private set; }
    public bool UsesPoints { get; private set; }
    public bool Decides { get; private set; }
    public bool ReadOnly { get; private set; }
    /// <summary>The year asked could not be shown (out of 2000..this year): this year is shown instead.</summary>
    public string? YearNote { get; private set; }
    /// <summary>The subjects in the order shown: members first, then the organization itself (when rated).</summary>
    public IReadOnlyList<RatingView> Subjects { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<FieldError>> RowErrors { get; private set; } = new Dictionary<int, IReadOnlyList<FieldError>>();
    /// <summary>Rows whose record changed since the page was read: the record as stored now.</summary>
    public IReadOnlyDictionary<int, RatingView> RowConflicts { get; private set; } = new Dictionary<int, RatingView>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        Rows = Subjects.Select(RatingRowInput.From).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Rows;
        if (await LoadAsync() is { } missing) return missing;
        var scope = await ScopeAsync();
        if (ReadOnly || YearNote is not null)
        {
            Rows = Subjects.Select(RatingRowInput.From).ToList();
            Errors = [new FieldError("year", YearNote is not null ? YearNote + " Chưa lưu."
                : Round.Locked
                ? $"Năm {ShownYear} đã khóa sổ xếp loại ({Round.LockedAtOrganizationName}, {IndexModel.When(Round.LockedAt)}); chưa lưu."
                : "Tài khoản không có quyền ghi ở đây; chưa lưu.")];
            return Page();
        }
        // Rows in the order of the subjects; a row for anyone else is ignored (the page never sends one).
        Rows = Subjects.Select(s => posted.FirstOrDefault(p => s.MemberId is { } m ? p.MemberId == m : p.MemberId is null && p.OrganizationId == s.SubjectOrganizationId)
            ?? RatingRowInput.From(s)).ToList();
        var errors = new Dictionary<int, List<FieldError>>();
        var saves = new List<(int Index, RatingBook.RowSave Save)>();
        for (var i = 0; i < Subjects.Count; i++)
        {
            var row = Rows[i];
            if (row.SameAs(RatingRowInput.From(Subjects[i]))) continue;
            var rowErrors = new List<FieldError>();
            var input = new RatingInput
            {
                SelfLevel = row.SelfLevel, SelfPoints = Whole(rowErrors, "selfPoints", row.SelfPoints), ProposedLevel = row.ProposedLevel,
                DecidedLevel = row.DecidedLevel, Points = Whole(rowErrors, "points", row.Points), DecidedOn = row.DecidedOn,
                AllTasksOnTime = row.AllTasksOnTime, TasksExceededPercent = Share(rowErrors, "tasksExceededPercent", row.TasksExceededPercent),
                SubUnitOrLeaderDisciplined = row.SubUnitOrLeaderDisciplined, TasksLatePercent = Share(rowErrors, "tasksLatePercent", row.TasksLatePercent),
                ExemptReason = row.ExemptReason,
            };
            if (rowErrors.Count > 0) errors[i] = rowErrors;
            else saves.Add((i, new RatingBook.RowSave(Subjects[i].MemberId, Subjects[i].MemberId is null ? Subjects[i].SubjectOrganizationId : null, input, row.Version)));
        }
        if (errors.Count == 0 && saves.Count == 0)
        {
            TempData[Notice.Key] = "Không có thay đổi nào để lưu.";
            return Redirect(IndexModel.CellLink(OrganizationId, ShownYear));
        }
        if (saves.Count > 0)
        {
            var (saved, outcomes) = await book.SaveAllAsync(scope, ShownYear, saves.Select(s => s.Save).ToList(), commit: errors.Count == 0);
            if (saved)
            {
                var members = saves.Count(s => s.Save.MemberId is not null);
                var org = saves.Count - members;
                TempData[Notice.Key] = $"Đã lưu đánh giá, xếp loại năm {ShownYear}: {VnFormat.Number(members)} đảng viên" + (org > 0 ? $" và xếp loại của {OrganizationName}." : ".");
                return Redirect(IndexModel.CellLink(OrganizationId, ShownYear));
            }
            var conflicts = new Dictionary<int, RatingView>();
            for (var k = 0; k < saves.Count; k++)
            {
                var (i, outcome) = (saves[k].Index, outcomes[k]);
                switch (outcome.Kind)
                {
                    case OutcomeKind.NotFound: return NotFound();
                    case OutcomeKind.Forbidden: return Forbid();
                    case OutcomeKind.Invalid: errors[i] = outcome.Errors.ToList(); break;
                    case OutcomeKind.Stale:
                        conflicts[i] = outcome.Value!;
                        // The form keeps what was typed and now carries the stored version: saving again is a deliberate choice.
                        Rows[i].Version = outcome.Value!.Version;
                        break;
                }
            }
            RowConflicts = conflicts;
        }
        RowErrors = errors.ToDictionary(e => e.Key, e => (IReadOnlyList<FieldError>)e.Value);
        var summary = errors.OrderBy(e => e.Key).SelectMany(e => e.Value.Select(f => new FieldError(f.Field, $"{Subjects[e.Key].Name}: {f.Message}"))).ToList();
        summary.AddRange(RowConflicts.OrderBy(c => c.Key).Select(c => new FieldError("version",
            $"{Subjects[c.Key].Name}: bản xếp loại vừa được {c.Value.SelfBy ?? c.Value.ProposedBy ?? c.Value.DecidedBy ?? "người khác"} lưu trong lúc bạn nhập; xem bản đang lưu bên dưới dòng này rồi bấm Lưu lại nếu vẫn muốn ghi đè.")));
        Errors = summary;
        return Page();
    }

    private int? Whole(List<FieldError> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100) return n;
        errors.Add(new(field, $"{(field == "points" ? "Điểm" : "Điểm tự chấm")}: phải là số nguyên từ 0 đến 100."));
        return null;
    }

    private decimal? Share(List<FieldError> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().TrimEnd('%').Trim();
        if ((decimal.TryParse(t, NumberStyles.Number, VnFormat.Culture, out var n) || decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out n)) && n is >= 0 and <= 100)
            return n;
        errors.Add(new(field, $"{(field == "tasksLatePercent" ? "Tỷ lệ nhiệm vụ chậm tiến độ" : "Tỷ lệ nhiệm vụ vượt mức")}: phải là số từ 0 đến 100."));
        return null;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations) return NotFound();
        if (await organizations.FindOrRootAsync(scope, Org) is not { } org) return NotFound();
        (OrganizationId, OrganizationName) = (org.Id, org.Name);
        var thisYear = book.Today.Year;
        ShownYear = Year ?? thisYear;
        if (ShownYear < RatingBook.FirstYear || ShownYear > thisYear)
        {
            YearNote = $"Năm đánh giá: phải từ {RatingBook.FirstYear} đến {thisYear}; đang hiện năm {thisYear}.";
            ShownYear = thisYear;
        }
        Round = (await book.RoundAsync(scope, org, ShownYear))!;
        UsesPoints = Round.UsesPoints;
        Decides = RatingBook.CanDecide(scope) && scope.CanWriteAt(org.Path);
        ReadOnly = Round.Locked || !scope.CanWriteAt(org.Path);
        Subjects = Round.MemberRatings.Where(v => v.OrganizationId == org.Id)
            .Concat(Round.OrganizationRatings.Where(v => v.SubjectOrganizationId == org.Id)).ToList();
        return null;
    }

    public IReadOnlyList<FieldError> ErrorsOf(int row, params string[] fields) =>
        RowErrors.TryGetValue(row, out var list) ? list.Where(e => fields.Contains(e.Field)).ToList() : [];

    /// <summary>Errors of a row not tied to a field shown on it (the member, the year; the decision for those who do not decide).</summary>
    public IReadOnlyList<FieldError> RowLevelErrors(int row) =>
        RowErrors.TryGetValue(row, out var list) ? list.Where(e => !ShownFields().Contains(e.Field)).ToList() : [];

    private IEnumerable<string> ShownFields()
    {
        string[] always = ["selfLevel", "proposedLevel", "exemptReason"];
        string[] points = UsesPoints ? ["selfPoints", "tasksExceededPercent", "tasksLatePercent"] : [];
        string[] decision = Decides ? ["decidedLevel", "decidedOn", .. UsesPoints ? new[] { "points" } : []] : [];
        return always.Concat(points).Concat(decision);
    }

    public static string Level(RatingLevel? level) => level?.Label() ?? "—";
}
