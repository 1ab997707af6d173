using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Transfers;

/// <summary>Issues a transfer letter: the member is picked by name, the receiving cell by name anywhere in the country.</summary>
public sealed class NewModel(TransferLedger transfers, AppDbContext db, Calendar calendar) : ScopedPage
{
    public const string ConfirmField = "confirmed";

    /// <summary>The member, when the page is opened from their record or chosen before a search.</summary>
    [BindProperty(SupportsGet = true, Name = "member")] public int? MemberParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public int? ToParam { get; set; }
    [BindProperty(SupportsGet = true, Name = "mq")] public string? MemberQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "toq")] public string? ToQuery { get; set; }
    [BindProperty] public TransferInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }

    public PickerField MemberPicker { get; private set; } = null!;
    public PickerField DestinationPicker { get; private set; } = null!;
    public PickItem? FixedMember { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Input.MemberId ??= MemberParam;
        Input.ToOrganizationId ??= ToParam;
        Input.IssuedOn ??= InputParsing.Show(calendar.Today);
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.CanWrite || !scope.SeesOrganizations) return Forbid();
        if (!Confirmed)
        {
            ShowErrors([new FieldError(ConfirmField, "Xác nhận: hãy đánh dấu “Tôi xác nhận” trước khi lập giấy giới thiệu.")]);
            return await PageAsync();
        }
        var outcome = await transfers.IssueAsync(scope, Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return await PageAsync();
        var t = outcome.Value!;
        var queries = new PickerQueries(db);
        var member = await queries.MemberAsync(scope, t.MemberId);
        var to = await queries.OrganizationAsync(scope, t.ToOrganizationId, PickKind.Destination);
        TempData[Notice.Key] = $"Đã lập giấy giới thiệu chuyển sinh hoạt đảng số {t.LetterNumber} cho đồng chí {member?.Label} đến {(to is null ? "chi bộ nơi đến" : PickerQueries.OrganizationLine(to))}.";
        // A new page to land on, so a refresh never issues a second letter.
        return Redirect("/Transfers");
    }

    private async Task<IActionResult> PageAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.CanWrite || !scope.SeesOrganizations) return Forbid();
        var queries = new PickerQueries(db);
        FixedMember = MemberParam is not null && Input.MemberId == MemberParam ? await queries.MemberAsync(scope, MemberParam) : null;
        if (MemberParam is not null && FixedMember is null) return NotFound();
        MemberPicker = new PickerField
        {
            Name = "Input.MemberId", Label = "Đảng viên chuyển đi", QueryName = "mq", Query = MemberQuery, ErrorKey = "Input.MemberId",
            Source = "/api/v1/pickers/members?official=false",
            Selected = await queries.MemberAsync(scope, Input.MemberId),
            Matches = await queries.MembersAsync(scope, MemberQuery),
        };
        DestinationPicker = new PickerField
        {
            Name = "Input.ToOrganizationId", Label = "Chi bộ nơi đến", QueryName = "toq", Query = ToQuery, ErrorKey = "Input.ToOrganizationId",
            Source = "/api/v1/pickers/organizations?kind=destination",
            Hint = "Mọi chi bộ đang hoạt động trong cả nước. Gõ tên chi bộ hoặc tên đảng bộ, có dấu hoặc không (ví dụ: tieu hoc tan ninh).",
            Selected = await queries.OrganizationAsync(scope, Input.ToOrganizationId, PickKind.Destination),
            Matches = await queries.OrganizationsAsync(scope, ToQuery, PickKind.Destination),
        };
        return Page();
    }
}
