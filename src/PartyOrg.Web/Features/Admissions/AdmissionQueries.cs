using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

public sealed record AdmissionCaseItem(
    int Id, string FullName, Gender Gender, DateOnly DateOfBirth, SourceGroup SourceGroup, string SourceGroupLabel, AdmissionStep Step, string StepLabel,
    int OrganizationId, string OrganizationName, DateOnly? NextDeadline, bool Overdue, int? MemberId, DateOnly SourceSince,
    bool CeremonyLate = false, string? LateMark = null);

/// <summary>A case with each step's date and document, the names behind its ids and the deadline of the step it waits for.</summary>
public sealed record AdmissionCaseDetail(
    AdmissionCaseItem Summary, string CitizenId, string EthnicGroupCode, string Religion, GeneralEducation GeneralEducation, string? Occupation,
    DateOnly SourceSince, string? CourseCertificateNumber, DateOnly? CourseCertificateOn,
    int? Sponsor1Id, string? Sponsor1Name, DateOnly? Sponsor1Since, int? Sponsor2Id, string? Sponsor2Name, DateOnly? Sponsor2Since, DateOnly? SponsorsOn,
    DateOnly? ApplicationOn, string? CellResolutionNumber, DateOnly? CellResolutionOn, string? ProvincialConsent,
    int? ApprovingOrganizationId, string? ApprovingOrganizationName, string? DecisionNumber, DateOnly? DecisionOn, DateOnly? CeremonyOn,
    DateOnly? DroppedOn, string? DropReason,
    string? LateConsentNumber = null, DateOnly? LateConsentOn = null, int? LateConsentOrganizationId = null, string? LateConsentOrganizationName = null);

public sealed class AdmissionQueries(AppDbContext db, Calendar calendar)
{
    public static bool IsOpen(AdmissionStep step) => step is not (AdmissionStep.Ceremony or AdmissionStep.Dropped);

    public static readonly string[] SortKeys = ["since", "name", "birth"];

    /// <summary>
    /// Cases of a subtree, open ones unless a step is asked for; by default the worklist order, longest in the pool first
    /// (<paramref name="sort"/>: since, name, birth; "-" for descending).
    /// </summary>
    /// <paramref name="late"/>: only the cases whose ceremony was held past its deadline with the higher committee's consent, whatever the step filter.
    public async Task<Page<AdmissionCaseItem>> ListAsync(UserScope scope, string path, AdmissionStep? step, string? q, int? page, int? pageSize, SortOrder? sort = null, bool late = false)
    {
        var query = scope.FilterByPath(db.AdmissionCases.AsNoTracking(), c => c.OrgPath).Where(PathRange.WithinAny<AdmissionCase>(c => c.OrgPath, [path]));
        query = late ? query.Where(c => c.CeremonyLate)
            : step is { } s ? query.Where(c => c.Step == s) : query.Where(c => c.Step != AdmissionStep.Ceremony && c.Step != AdmissionStep.Dropped);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(PathRange.StartsWith<AdmissionCase>(c => c.SearchName, VnText.Fold(q)));
        var order = sort ?? new SortOrder("since", false);
        var ordered = (order.Key, order.Descending) switch
        {
            ("name", false) => query.OrderBy(c => c.SearchName).ThenBy(c => c.Id),
            ("name", true) => query.OrderByDescending(c => c.SearchName).ThenByDescending(c => c.Id),
            ("birth", false) => query.OrderBy(c => c.DateOfBirth).ThenBy(c => c.Id),
            ("birth", true) => query.OrderByDescending(c => c.DateOfBirth).ThenByDescending(c => c.Id),
            (_, true) => query.OrderByDescending(c => c.SourceSince).ThenByDescending(c => c.Id),
            _ => query.OrderBy(c => c.SourceSince).ThenBy(c => c.Id),
        };
        var rows = await ordered.ToPageAsync(query, page, pageSize);
        return rows.Map(await ItemsAsync(rows.Items));
    }

    public async Task<AdmissionCaseDetail?> GetAsync(UserScope scope, int id)
    {
        var c = await scope.FilterByPath(db.AdmissionCases.AsNoTracking(), x => x.OrgPath).SingleOrDefaultAsync(x => x.Id == id);
        if (c is null) return null;
        var memberIds = new[] { c.Sponsor1Id, c.Sponsor2Id }.OfType<int>().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var approver = c.ApprovingOrganizationId is { } a ? await db.Organizations.AsNoTracking().Where(o => o.Id == a).Select(o => o.Name).SingleAsync() : null;
        var consenting = c.LateConsentOrganizationId is { } lc ? await db.Organizations.AsNoTracking().Where(o => o.Id == lc).Select(o => o.Name).SingleAsync() : null;
        return new AdmissionCaseDetail(
            (await ItemsAsync([c]))[0], c.CitizenId, c.EthnicGroupCode, c.Religion, c.GeneralEducation, c.Occupation, c.SourceSince,
            c.CourseCertificateNumber, c.CourseCertificateOn,
            c.Sponsor1Id, c.Sponsor1Id is { } s1 ? names.GetValueOrDefault(s1) : null, c.Sponsor1Since,
            c.Sponsor2Id, c.Sponsor2Id is { } s2 ? names.GetValueOrDefault(s2) : null, c.Sponsor2Since, c.SponsorsOn,
            c.ApplicationOn, c.CellResolutionNumber, c.CellResolutionOn, c.ProvincialConsent, c.ApprovingOrganizationId, approver,
            c.DecisionNumber, c.DecisionOn, c.CeremonyOn, c.DroppedOn, c.DropReason,
            c.LateConsentNumber, c.LateConsentOn, c.LateConsentOrganizationId, consenting);
    }

    public Task<string> CellPathAsync(int organizationId) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();

    /// <summary>Open cases of the subtree on a date: the source pool set against the target (the 1,5–2× rule).</summary>
    public Task<int> PoolAsync(string path, DateOnly asOf) =>
        db.AdmissionCases.AsNoTracking().Where(PathRange.WithinAny<AdmissionCase>(c => c.OrgPath, [path]))
            .Where(c => c.SourceSince <= asOf)
            .Where(c => (c.DecisionOn == null || c.DecisionOn > asOf) && (c.DroppedOn == null || c.DroppedOn > asOf))
            .CountAsync();

    /// <summary><see cref="PoolAsync"/> for each organization's subtree at once; organizations without a pool are absent.</summary>
    public async Task<Dictionary<int, int>> PoolOfEachAsync(IReadOnlyCollection<int> organizationIds, DateOnly asOf) =>
        await (from o in db.Organizations.AsNoTracking()
               where organizationIds.Contains(o.Id)
               from c in db.AdmissionCases.AsNoTracking()
               where string.Compare(c.OrgPath, o.Path) >= 0 && string.Compare(c.OrgPath, o.Path.Substring(0, o.Path.Length - 1) + "0") < 0
                     && c.SourceSince <= asOf
                     && (c.DecisionOn == null || c.DecisionOn > asOf) && (c.DroppedOn == null || c.DroppedOn > asOf)
               group c by o.Id into g
               select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Key, r => r.Count);

    /// <summary>Ceremonies of the subtree held in the window past their deadline, with the higher committee's consent (the worklist's count).</summary>
    public Task<int> LateCeremoniesAsync(UserScope scope, string path, DateOnly from, DateOnly to) =>
        scope.FilterByPath(db.AdmissionCases.AsNoTracking(), c => c.OrgPath).Where(PathRange.WithinAny<AdmissionCase>(c => c.OrgPath, [path]))
            .Where(c => c.CeremonyLate && c.CeremonyOn >= from && c.CeremonyOn <= to).CountAsync();

    /// <summary>The admission case that made a member, when it was held past its deadline: the member's record shows the mark.</summary>
    public Task<AdmissionCase?> LateCaseOfMemberAsync(int memberId) =>
        db.AdmissionCases.AsNoTracking().Where(c => c.MemberId == memberId && c.CeremonyLate).FirstOrDefaultAsync();

    /// <summary>Open cases per step in the subtree, for the pipeline summary.</summary>
    public async Task<IReadOnlyList<(AdmissionStep Step, int Count)>> CountByStepAsync(UserScope scope, string path)
    {
        var rows = await scope.FilterByPath(db.AdmissionCases.AsNoTracking(), c => c.OrgPath).Where(PathRange.WithinAny<AdmissionCase>(c => c.OrgPath, [path]))
            .Where(c => c.Step != AdmissionStep.Ceremony && c.Step != AdmissionStep.Dropped)
            .GroupBy(c => c.Step).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return rows.OrderBy(r => r.Key).Select(r => (r.Key, r.Count)).ToList();
    }

    private async Task<IReadOnlyList<AdmissionCaseItem>> ItemsAsync(IReadOnlyList<AdmissionCase> rows)
    {
        var orgIds = rows.Select(c => c.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var working = await calendar.WorkingAsync();
        var today = calendar.Today;
        return rows.Select(c =>
        {
            // Only the committee's decision and the ceremony have deadlines in the regulation.
            DateOnly? due = c.Step switch
            {
                AdmissionStep.CellResolution => AdmissionDeadlines.DecisionDue(c.CellResolutionOn!.Value, working),
                AdmissionStep.Decision => AdmissionDeadlines.CeremonyDue(c.DecisionOn!.Value, working),
                _ => null,
            };
            return new AdmissionCaseItem(c.Id, c.FullName, c.Gender, c.DateOfBirth, c.SourceGroup, c.SourceGroup.Label(), c.Step, c.Step.Label(),
                c.OrganizationId, orgs[c.OrganizationId], due, due < today, c.MemberId, c.SourceSince,
                c.CeremonyLate, c.CeremonyLate ? LateCeremonyRule.Mark : null);
        }).ToList();
    }
}

/// <summary>Choices the admission forms offer: sponsors and the committees that may decide.</summary>
public sealed class AdmissionChoices(AppDbContext db)
{
    /// <summary>Official members of the case's cell, the usual sponsors.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SponsorsAsync(int cellId) =>
        (await db.Members.AsNoTracking().Where(m => m.OrganizationId == cellId && m.Status == MemberStatus.Official)
            .OrderBy(m => m.SortKey).Select(m => new { m.Id, m.FullName }).ToListAsync()).Select(m => (m.Id, m.FullName)).ToList();

    /// <summary>The committees above the cell, nearest first (the commune or base committee decides in practice).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ApproversAsync(string cellPath)
    {
        var ids = Organization.IdsOnPath(cellPath);
        var chain = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        return chain.Where(o => o.Type.MayDecideAdmission() && o.EndedOn == null)
            .OrderByDescending(o => o.Depth).Select(o => (o.Id, o.Name)).ToList();
    }
}
