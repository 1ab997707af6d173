using Microsoft.AspNetCore.Mvc;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Cadres;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Probation;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Targets;
using PartyOrg.Web.Features.Transfers;

namespace PartyOrg.Web.Features;

/// <summary>
/// Home: the worklist of what is due in the user's scope (probations ending, transfers overdue, badges for the next occasion,
/// targets behind pace, admission cases past their deadline). A member goes to their own record.
/// </summary>
public sealed class IndexModel(
    OrganizationQueries organizations, ProbationQueries probation, TransferLedger transfers, BadgeRegister badges,
    TargetQueries targets, AdmissionQueries cases, CadreCases cadreCases, CadrePlans plans, ConfidenceRounds votes, Calendar calendar) : ScopedPage
{
    public OrganizationView Root { get; private set; } = null!;
    public IReadOnlyList<ProbationItem> Probation { get; private set; } = [];
    public IReadOnlyList<TransferView> Transfers { get; private set; } = [];
    /// <summary>Letters received late whose late period the committee has not yet decided on.</summary>
    public IReadOnlyList<TransferView> LateTransfers { get; private set; } = [];
    /// <summary>Ceremonies of this year held past their deadline with the higher committee's consent.</summary>
    public int LateCeremonies { get; private set; }
    public int Year { get; private set; }
    public DateOnly Occasion { get; private set; }
    /// <summary>Members due a badge at the next occasion, per milestone, highest first.</summary>
    public IReadOnlyList<MilestoneCount> Badges { get; private set; } = [];
    public TargetProgressView? Target { get; private set; }
    public IReadOnlyList<TargetProgressView> BehindPace { get; private set; } = [];
    public IReadOnlyList<AdmissionCaseItem> OverdueCases { get; private set; } = [];
    public int OpenCases { get; private set; }
    /// <summary>Cadre work, for the commissions that see it: null for others.</summary>
    public CadreWork? Cadres { get; private set; }

    /// <summary>Appointments due for reappointment, open cases, plan entries to review and the year's low-confidence results.</summary>
    public sealed record CadreWork(IReadOnlyList<ReappointmentDue> Due, int OpenCases, int FlaggedEntries, int LowMajorities);

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await ScopeAsync();
        if (!scope.SeesOrganizations)
            return scope.MemberId is { } id ? Redirect($"/Members/Details/{id}") : Redirect("/Account/Login");
        var root = await organizations.RootAsync(scope);
        if (root is null) return Redirect("/Organizations");
        Root = root;
        var path = (await organizations.FindAsync(scope, root.Id))!.Path;
        var today = calendar.Today;
        Probation = await probation.ListAsync(scope, path, all: false);
        Transfers = (await transfers.ListAsync(scope, null, all: false)).Where(t => t.State == TransferState.InTransit).ToList();
        LateTransfers = await transfers.AwaitingLateDecisionAsync(scope);
        Year = today.Year;
        LateCeremonies = await cases.LateCeremoniesAsync(scope, path, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        Occasion = BadgeRule.NextOccasion(today);
        Badges = await badges.DueCountsAsync(scope, path, Occasion);
        Target = await targets.ProgressAsync(scope, root.Id, today.Year, null);
        var children = await targets.ProgressOfEachAsync(scope, await organizations.ChildrenAsync(scope, root.Id) ?? [], today.Year, null);
        BehindPace = (Target is null ? children : children.Prepend(Target)).Where(IsBehind).ToList();
        var open = await cases.ListAsync(scope, path, null, null, 1, 500);
        OpenCases = open.Total;
        OverdueCases = open.Items.Where(c => c.Overdue).ToList();
        if (CadreRegister.SeesCadres(scope))
            Cadres = new CadreWork(await cadreCases.DueAsync(scope, path, today), await cadreCases.OpenCountAsync(scope, path), await plans.FlaggedAsync(scope, path, today),
                await votes.LowMajoritiesAsync(scope, path, today.AddYears(-1).AddDays(1), today));
        return Page();
    }

    /// <summary>Behind pace: the share admitted is below the share of the period already past.</summary>
    public static bool IsBehind(TargetProgressView p)
    {
        // A window narrowed to start later is not compared with the pace of the whole period.
        if (p.Target == 0 || p.PeriodEnd <= p.PeriodStart || p.CountedFrom != p.PeriodStart) return false;
        var elapsed = (decimal)(p.CountedTo.DayNumber - p.PeriodStart.DayNumber + 1) / (p.PeriodEnd.DayNumber - p.PeriodStart.DayNumber + 1);
        return p.Admitted < p.Target * elapsed;
    }
}
