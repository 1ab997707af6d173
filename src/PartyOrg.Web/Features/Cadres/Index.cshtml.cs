using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>
/// Who holds each post of an organization on a date, with the vacancies; for the commission that manages the posts, the forms to
/// record a new holder, a holder leaving, and a new post. The organization is picked by name, the date typed or chosen.
/// </summary>
public sealed class IndexModel(CadreRegister register, AppDbContext db, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? DateText { get; set; }
    [BindProperty(SupportsGet = true, Name = "oq")] public string? OrgQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "mq")] public string? MemberQuery { get; set; }
    [BindProperty] public HoldingInput Input { get; set; } = new();
    [BindProperty] public HoldingEndInput End { get; set; } = new();
    [BindProperty] public PostInput NewPost { get; set; } = new();

    public PostsOnDate Posts { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public DateOnly Today => calendar.Today;
    public PickerField OrgPicker { get; private set; } = null!;
    public PickerField MemberPicker { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public IReadOnlyList<PostKind> Kinds { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Managers { get; private set; } = [];
    public int? EndFor { get; private set; }
    /// <summary>Which form the errors belong to: "holding", "end" or "post".</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        if (!CadreRegister.SeesCadres(scope)) return false;
        var errors = new List<FieldError>();
        var date = new InputParsing(errors, _ => "Ngày xem").Date("date", DateText, required: false) ?? Today;
        if (date > Today) { errors.Add(new("date", $"Ngày xem: {VnFormat.Date(date)} sau ngày hôm nay; đang hiện hôm nay.")); date = Today; }
        if (errors.Count > 0 && Errors.Count == 0) Errors = errors;
        var posts = await register.OnDateAsync(scope, Org, date);
        if (posts is null) return false;
        (Posts, Date) = (posts, date);
        var pickers = new PickerQueries(db);
        OrgPicker = await PickerField.OrganizationOfPageAsync(pickers, scope, posts.OrganizationId, OrgQuery, "cadre-form");
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == posts.OrganizationId);
        MayWrite = scope.CanWriteAt(org.Path) && org.IsActiveOn(Today);
        if (MayWrite)
        {
            MemberPicker = await PickerField.MemberOfFormAsync(pickers, scope, "Input.MemberId", "Đảng viên giữ chức danh", Input.MemberId, MemberQuery, "cadre-form",
                officialOnly: false, "Gõ họ tên, có dấu hoặc không, rồi chọn một dòng. Người ngoài hồ sơ đảng viên (chức danh chính quyền, đoàn thể) ghi ở ô bên dưới.");
            Kinds = await register.KindsAsync();
            var ids = Data.Organization.IdsOnPath(org.Path).ToList();
            Managers = (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync())
                .Where(o => o.Type.MayDecideAdmission() && scope.CanWriteAt(o.Path)).OrderByDescending(o => o.Depth).Select(o => (o.Id, o.Name)).ToList();
        }
        return true;
    }

    public IReadOnlyList<(string Label, DateOnly Date)> QuickDates =>
    [
        ("Hôm nay", Today),
        ($"31/12/{Today.Year - 2}", new DateOnly(Today.Year - 2, 12, 31)),
        ("30/06/2025 (trước sáp nhập)", new DateOnly(2025, 6, 30)),
    ];

    public string Link(DateOnly date) => $"/Cadres?org={Posts.OrganizationId}&date={InputParsing.Iso(date)}";

    public async Task<IActionResult> OnPostHoldingAsync()
    {
        var outcome = await register.AddHoldingAsync(await ScopeAsync(), Input);
        return await AnswerAsync(outcome, "holding", null, h => $"Đã ghi người giữ chức danh từ ngày {VnFormat.Date(h.FromDate)}.");
    }

    public async Task<IActionResult> OnPostEndAsync(int id)
    {
        var outcome = await register.EndHoldingAsync(await ScopeAsync(), id, End, null);
        return await AnswerAsync(outcome, "end", id, h => $"Đã ghi thôi giữ chức danh từ ngày {VnFormat.Date(h.ToDate)}.");
    }

    public async Task<IActionResult> OnPostPostAsync()
    {
        NewPost.OrganizationId = Org;
        var outcome = await register.AddPostAsync(await ScopeAsync(), NewPost);
        return await AnswerAsync(outcome, "post", null, p => $"Đã thêm chức danh \"{p.Title}\".");
    }

    private async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, string form, int? endFor, Func<T, string> notice)
    {
        if (outcome.Kind != OutcomeKind.Ok) (FailedForm, EndFor) = (form, endFor);
        return await AnswerFormAsync(outcome, $"/Cadres?org={Org}&date={DateText}", notice, form switch { "end" => "End", "post" => "NewPost", _ => "Input" }, CadreFields.ToDate, LoadAsync);
    }
}

/// <summary>The strip linking the cadre pages for one organization, the current page marked.</summary>
public sealed record CadreTabs(string Current, int OrganizationId)
{
    public static readonly (string Page, string Label)[] Pages =
        [("", "Chức danh"), ("Plan", "Quy hoạch cán bộ"), ("Votes", "Lấy phiếu tín nhiệm"), ("Cases", "Bổ nhiệm, điều động"), ("Training", "Đào tạo, bồi dưỡng")];
}
