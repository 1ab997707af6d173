using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Decisions;

/// <summary>Party age from the records: the periods out of activity come from exits later undone by readmission and from late transfers.</summary>
public sealed class PartyAges(AppDbContext db)
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
        // A letter presented after its deadline leaves the member out of activity from the deadline to the receipt.
        var late = await db.MemberTransfers.AsNoTracking()
            .Where(t => memberIds.Contains(t.MemberId) && t.ReceivedOn != null && t.ReceivedOn > t.PresentBy)
            .Select(t => new { t.MemberId, t.PresentBy, ReceivedOn = t.ReceivedOn!.Value }).ToListAsync();
        foreach (var t in late) gaps[t.MemberId].Add(new ActivityGap(t.PresentBy, t.ReceivedOn));
        return gaps;
    }

    public async Task<PartyAgeValue?> OfAsync(int memberId, DateOnly admittedOn, MemberStatus status, DateOnly asOf)
    {
        if (status != MemberStatus.Official) return null;
        var gaps = await GapsAsync([memberId]);
        return PartyAgeRule.On(admittedOn, isOfficial: true, gaps[memberId], asOf);
    }
}
