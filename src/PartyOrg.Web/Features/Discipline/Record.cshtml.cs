using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Discipline;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

/// <summary>Records a disciplinary decision on a member (?member=) or an organization (?org=), and complaints on its decisions.</summary>
public sealed class RecordModel(AppDbContext db, DisciplineRegister register, Calendar calendar) : ScopedPage
{
    [BindProperty(SupportsGet = true)] public int? Member { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty] public DisciplineInput Input { get; set; } = new();
    [BindProperty] public ComplaintInput Complaint { get; set; } = new();

    public string SubjectName { get; private set; } = "";
    public string BackLink { get; private set; } = "/";
    public IReadOnlyList<DisciplineForm> Forms { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Issuers { get; private set; } = [];
    public IReadOnlyList<DisciplineView> Items { get; private set; } = [];
    public int? ComplaintFor { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        var scope = await ScopeAsync();
        var today = calendar.Today;
        if (Member is { } m)
        {
            var member = await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(x => x.Id == m);
            if (member is null) return false;
            (SubjectName, BackLink) = ($"đồng chí {member.FullName}", $"/Members/Details/{m}?tab=decisions");
            Forms = member.Status == PartyOrg.Domain.Members.MemberStatus.Probationary ? DisciplineFormRule.ProbationaryMemberForms : DisciplineFormRule.OfficialMemberForms;
            Issuers = await register.IssuersAsync(member.OrgPath, false);
            Items = await register.ForMemberAsync(scope, m, today) ?? [];
            return true;
        }
        if (Org is { } o)
        {
            var org = await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(x => x.Id == o);
            if (org is null) return false;
            (SubjectName, BackLink) = (org.Name, $"/Organizations/Details/{o}");
            Forms = DisciplineFormRule.OrganizationForms;
            Issuers = await register.IssuersAsync(org.Path, true);
            Items = await register.ForOrganizationAsync(scope, o, today) ?? [];
            return true;
        }
        return false;
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        var scope = await ScopeAsync();
        var outcome = Member is { } m ? await register.RecordForMemberAsync(scope, m, Input)
            : Org is { } o ? await register.RecordForOrganizationAsync(scope, o, Input) : Outcome<DisciplineDecision>.NotFound();
        if (!await LoadAsync()) return NotFound();
        if (Refusal(outcome) is { } refused) return refused;
        if (outcome.Kind != OutcomeKind.Ok) return Page();
        TempData[Notice.Key] = $"Đã ghi quyết định kỷ luật {outcome.Value!.Form.Label().ToLowerInvariant()} số {outcome.Value.Number} đối với {SubjectName}.";
        return Redirect(BackLink);
    }

    public async Task<IActionResult> OnPostComplaintAsync(int id)
    {
        var scope = await ScopeAsync();
        var outcome = await register.ComplaintAsync(scope, id, Complaint);
        if (!await LoadAsync()) return NotFound();
        ComplaintFor = id;
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ShowErrors(outcome.Errors, "Complaint");
            return Page();
        }
        if (Refusal(outcome) is { } refused) return refused;
        TempData[Notice.Key] = outcome.Value!.ComplaintDecidedOn is null
            ? $"Đã ghi khiếu nại ngày {PartyOrg.Domain.Common.VnFormat.Date(outcome.Value.ComplaintFiledOn)} đối với quyết định số {outcome.Value.Number} ({SubjectName})."
            : $"Đã ghi kết quả giải quyết khiếu nại ({outcome.Value.ComplaintOutcome!.Value.Label().ToLowerInvariant()}) đối với quyết định số {outcome.Value.Number} ({SubjectName}).";
        return Redirect(BackLink);
    }
}
