using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>
/// Training of an organization's subtree in a year: the courses with their learners and results, the year's figures per programme,
/// and for the commission the forms to record a course, send a member (picked by name) and write how a learner finished.
/// </summary>
public sealed class TrainingModel(CadreTraining training, AppDbContext db, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "mq")] public string? MemberQuery { get; set; }
    [BindProperty] public CourseInput Course { get; set; } = new();
    [BindProperty] public EnrolmentInput Enrolment { get; set; } = new();
    [BindProperty] public int? CourseId { get; set; }
    [BindProperty] public EnrolmentResultInput Result { get; set; } = new();

    public TrainingView View { get; private set; } = null!;
    public PickerField OrgPicker { get; private set; } = null!;
    public PickerField MemberPicker { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public int? FailedEnrolment { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        var year = Year is >= 1930 and <= 2100 ? Year.Value : calendar.Today.Year;
        if (await training.ListAsync(scope, Org, year) is not { } view) return false;
        View = view;
        var pickers = new PickerQueries(db);
        OrgPicker = await PickerField.OrganizationOfPageAsync(pickers, scope, view.OrganizationId, OrgQuery, "training-form");
        var org = await db.Organizations.FindAsync(view.OrganizationId);
        MayWrite = scope.CanWriteAt(org!.Path);
        MemberPicker = await PickerField.MemberOfFormAsync(pickers, scope, "Enrolment.MemberId", "Học viên", Enrolment.MemberId, MemberQuery, "training-form",
            officialOnly: false, "Gõ họ tên, có dấu hoặc không, rồi chọn một dòng.");
        return true;
    }

    private string Back => $"/Cadres/Training?org={Org}&year={Year}";

    public async Task<IActionResult> OnPostCourseAsync()
    {
        Course.OrganizationId = Org;
        return await AnswerAsync(await training.CreateCourseAsync(await ScopeAsync(), Course), "Course", null, c => $"Đã ghi lớp \"{c.Name}\".");
    }

    public async Task<IActionResult> OnPostEnrolAsync() =>
        await AnswerAsync(await training.EnrolAsync(await ScopeAsync(), CourseId ?? 0, Enrolment), "Enrolment", null, e => "Đã cử học viên vào lớp.");

    public async Task<IActionResult> OnPostFinishAsync(int id, int version) =>
        await AnswerAsync(await training.FinishAsync(await ScopeAsync(), id, Result, version), "Result", id, e => $"Đã ghi kết quả học ngày {VnFormat.Date(e.FinishedOn)}.");

    private async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, string prefix, int? enrolment, Func<T, string> notice)
    {
        if (outcome.Kind is OutcomeKind.NotFound && prefix == "Enrolment")
        {
            // The course list is the page's own: an unknown course is a field to pick again, not a missing page.
            ShowErrors([new FieldError("courseId", "Lớp: phải chọn một lớp trong danh sách.")], "Enrolment");
            return await LoadAsync() ? Page() : NotFound();
        }
        if (outcome.Kind != OutcomeKind.Ok) FailedEnrolment = enrolment;
        return await AnswerFormAsync(outcome, Back, notice, prefix, TrainingFields.Result, LoadAsync);
    }
}
