using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

/// <summary>What the discipline section of a member's or an organization's page shows.</summary>
public sealed record DisciplineSectionModel(string Title, IReadOnlyList<DisciplineView> Items, string? RecordLink, string SettingNote);

/// <summary>The discipline section placed on the member's decisions tab and the organization's details page (one line each).</summary>
public sealed class DisciplineSectionViewComponent(ScopeResolver scopes, DisciplineRegister register, Calendar calendar) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? memberId, int? organizationId)
    {
        var scope = await scopes.CurrentAsync();
        var today = calendar.Today;
        var items = memberId is { } m ? await register.ForMemberAsync(scope, m, today) : await register.ForOrganizationAsync(scope, organizationId!.Value, today);
        var mayRecord = scope.IsAdmin || (scope.Role == PartyOrg.Web.Data.Roles.Commission && scope.CanWrite);
        var link = !mayRecord ? null : memberId is { } mm ? $"/Discipline/Record?member={mm}" : $"/Discipline/Record?org={organizationId}";
        return View("/Features/Discipline/_Section.cshtml", new DisciplineSectionModel("Kỷ luật", items ?? [], link, register.Settings.Label));
    }
}
