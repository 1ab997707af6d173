using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public sealed class DetailsModel(MemberQueries members, AuditHistory history, MemberDecisions decisions, PartyAges partyAges, Calendar calendar, AppDbContext db) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public string Tab { get; set; } = "record";
    /// <summary>The kind of decision whose form is open on the decisions tab.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    /// <summary>Search text of the cell picker (readmission).</summary>
    [BindProperty(SupportsGet = true, Name = "cq")] public string? CellQuery { get; set; }
    [BindProperty] public DecisionInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The decisions the member's standing allows: a probationer is recognized or not, or exits; an exited member may be readmitted.</summary>
    public IReadOnlyList<DecisionKind> OfferedKinds { get; private set; } = [];
    public DecisionKind? OpenKind { get; private set; }
    /// <summary>The committees above the member's cell, nearest first: who may sign the decision.</summary>
    public IReadOnlyList<PickItem> Issuers { get; private set; } = [];
    public PickerField? CellPicker { get; private set; }
    public bool CanTransfer { get; private set; }
    private string OrgPath { get; set; } = "";

    public static IReadOnlyList<DecisionKind> KindsFor(MemberStatus status) => status switch
    {
        MemberStatus.Probationary => [DecisionKind.Recognition, DecisionKind.NotRecognized, DecisionKind.NameRemoval, DecisionKind.Release, DecisionKind.Expulsion, DecisionKind.Death],
        MemberStatus.Official => [DecisionKind.NameRemoval, DecisionKind.Release, DecisionKind.Expulsion, DecisionKind.Death],
        MemberStatus.NameRemoved or MemberStatus.Released or MemberStatus.Expelled => [DecisionKind.Readmission],
        _ => [],
    };

    public MemberDetail Member { get; private set; } = null!;
    public IReadOnlyList<(MemberPlacement Placement, string OrganizationName)> Placements { get; private set; } = [];
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];
    public PartyAgeValue? PartyAge { get; private set; }
    /// <summary>The consent behind a ceremony held past its deadline (LateCeremonyRule), when the member was admitted so.</summary>
    public (string? Number, DateOnly? On, string? Committee)? LateAdmission { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Records a decision (recognition, exit, readmission) from the decisions tab, once confirmed.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id)
    {
        Tab = "decisions";
        Kind = Input.Kind;
        if (!await LoadAsync(id)) return NotFound();
        if (!CanEdit) return Forbid();
        var errors = new List<FieldError>();
        if (OpenKind is null)
            errors.Add(new(DecisionFields.Kind, $"Loại quyết định: không áp dụng cho đảng viên {Member.Status.Label().ToLowerInvariant()}."));
        if (Input.IssuerOrganizationId is { } issuer && Issuers.All(i => i.Id != issuer))
            errors.Add(new("issuerOrganizationId", "Cấp ủy quyết định: phải là cấp ủy cấp trên của chi bộ đảng viên."));
        if (!Confirmed)
            errors.Add(new("confirmed", "Xác nhận: hãy đánh dấu “Tôi xác nhận” – quyết định đã ghi không hoàn tác được."));
        if (errors.Count > 0)
        {
            ShowErrors(errors);
            return Page();
        }
        var outcome = await decisions.RecordAsync(await ScopeAsync(), id, Input);
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        var label = outcome.Value!.Kind.Label();
        TempData[Notice.Key] = $"Đã ghi quyết định {char.ToLowerInvariant(label[0])}{label[1..]} cho đồng chí {Member.FullName}.";
        // Landing on a new page: a refresh does not record the decision twice.
        return Redirect($"/Members/Details/{id}?tab=decisions");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var scope = await ScopeAsync();
        var member = await members.GetAsync(scope, id);
        if (member is null) return false;
        Member = member;
        Placements = await members.PlacementsAsync(id);
        PartyAge = await partyAges.OfAsync(id, member.AdmittedOn, member.Status, calendar.Today);
        if (await db.AdmissionCases.AsNoTracking().Where(c => c.MemberId == id && c.CeremonyLate)
            .Select(c => new { c.LateConsentNumber, c.LateConsentOn, Committee = db.Organizations.Where(o => o.Id == c.LateConsentOrganizationId).Select(o => o.Name).FirstOrDefault() })
            .FirstOrDefaultAsync() is { } late)
            LateAdmission = (late.LateConsentNumber, late.LateConsentOn, late.Committee);
        if (Tab == "history") History = await history.ForAsync("Member", id);
        if (Tab == "decisions") Decisions = await decisions.ListAsync(scope, id) ?? [];
        CanEdit = scope.SeesOrganizations && scope.CanWrite;
        OrgPath = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => m.OrgPath).SingleAsync();
        CanTransfer = CanEdit && scope.CanWriteAt(OrgPath) && member.Status.IsActive();
        if (Tab == "decisions" && CanEdit) await LoadDecisionFormAsync(scope, member);
        return true;
    }

    private async Task LoadDecisionFormAsync(UserScope scope, MemberDetail member)
    {
        OfferedKinds = KindsFor(member.Status);
        OpenKind = Enum.TryParse<DecisionKind>(Kind, ignoreCase: false, out var k) && OfferedKinds.Contains(k) ? k : null;
        var ids = Organization.IdsOnPath(OrgPath);
        var chain = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        var names = chain.ToDictionary(o => o.Id, o => o.Name);
        Issuers = chain.Where(o => o.Type.MayDecideAdmission() && o.EndedOn == null).OrderByDescending(o => o.Depth)
            .Select(o => new PickItem(o.Id, o.Name, o.ParentId is { } p ? names.GetValueOrDefault(p) : null)).ToList();
        if (OpenKind == DecisionKind.Readmission)
        {
            var queries = new PickerQueries(db);
            Input.OrganizationId ??= member.OrganizationId;
            CellPicker = new PickerField
            {
                Name = "Input.OrganizationId", Label = "Chi bộ sinh hoạt khi kết nạp lại", QueryName = "cq", Query = CellQuery, ErrorKey = "Input.OrganizationId",
                Source = "/api/v1/pickers/organizations?kind=cell",
                Selected = await queries.OrganizationAsync(scope, Input.OrganizationId, PickKind.Cell),
                Matches = await queries.OrganizationsAsync(scope, CellQuery, PickKind.Cell),
            };
        }
    }
}
