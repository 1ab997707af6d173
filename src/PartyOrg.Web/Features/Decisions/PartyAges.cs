using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Decisions;

/// <summary>
/// Party age from the records: the periods out of activity come from exits later undone by readmission and from late transfer
/// letters whose late period the competent committee decided does not count (LateTransferRule), never from the clock alone.
/// </summary>
public sealed class PartyAges(AppDbContext db, Standings standings)
{
    public async Task<Dictionary<int, List<ActivityGap>>> GapsAsync(IReadOnlyCollection<int> memberIds)
    {
        var gaps = memberIds.ToDictionary(id => id, _ => new List<ActivityGap>());
        var decisions = await db.MemberDecisions.AsNoTracking().Where(d => memberIds.Contains(d.MemberId))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).Select(d => new { d.MemberId, d.Kind, d.DecidedOn }).ToListAsync();
        foreach (var byMember in decisions.GroupBy(d => d.MemberId))
        {
            DateOnly? leftOn = null;
            foreach (var d in byMember)
            {
                if (d.Kind.IsExit()) leftOn = d.DecidedOn;
                else if (d.Kind == DecisionKind.Readmission && leftOn is { } left)
                {
                    gaps[d.MemberId].Add(new ActivityGap(left, d.DecidedOn));
                    leftOn = null;
                }
            }
        }
        // A letter presented after its deadline leaves the member out of activity from the deadline to the receipt only when the
        // committee decided so; until it decides, and when it decides the late period counts, nothing is cut.
        var late = await db.MemberTransfers.AsNoTracking()
            .Where(t => memberIds.Contains(t.MemberId) && t.ReceivedOn != null && t.ReceivedOn > t.PresentBy && t.LateCountsInPartyAge == false)
            .Select(t => new { t.MemberId, t.PresentBy, t.ReceivedOn, t.LateCountsInPartyAge }).ToListAsync();
        foreach (var t in late)
            if (LateTransferRule.Gap(t.PresentBy, t.ReceivedOn, t.LateCountsInPartyAge) is { } gap) gaps[t.MemberId].Add(gap);
        return gaps;
    }

    /// <summary>
    /// Party age on a date from the member's standing on that date (official then), not from today's status: a member who
    /// died in 2026 had a party age on 31/12/2024; a probationer readmitted later had one before the exit.
    /// </summary>
    public async Task<PartyAgeValue?> OnDateAsync(int memberId, DateOnly asOf)
    {
        var standing = await standings.OnAsync(memberId, asOf);
        if (standing is not { IsOfficial: true }) return null;
        var admittedOn = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.AdmittedOn).SingleAsync();
        var gaps = await GapsAsync([memberId]);
        return PartyAgeRule.On(admittedOn, isOfficial: true, gaps[memberId], asOf);
    }

    public async Task<PartyAgeValue?> OfAsync(int memberId, DateOnly admittedOn, MemberStatus status, DateOnly asOf)
    {
        if (status != MemberStatus.Official) return null;
        var gaps = await GapsAsync([memberId]);
        return PartyAgeRule.On(admittedOn, isOfficial: true, gaps[memberId], asOf);
    }
}
