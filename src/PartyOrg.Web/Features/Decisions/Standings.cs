using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Decisions;

/// <summary>
/// Reads members' standing on a date (<see cref="MemberStanding"/>) from their decisions and placements, for the rules that
/// judge a past fact: sponsors, decisions, transfers, party age.
/// </summary>
public sealed class Standings(AppDbContext db, Discipline.DisciplineSettings? discipline = null)
{
    /// <summary>The standing of one member on the date; null when there is no such member.</summary>
    public async Task<Standing?> OnAsync(int memberId, DateOnly date) =>
        (await RecordsAsync([memberId])).TryGetValue(memberId, out var record) ? MemberStanding.On(record, date) : null;

    /// <summary>What the register holds about each member's membership (members not found are absent).</summary>
    public async Task<Dictionary<int, MembershipRecord>> RecordsAsync(IReadOnlyCollection<int> memberIds)
    {
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.AdmittedOn, m.OfficialOn, m.Status }).ToListAsync();
        var decisions = (await db.MemberDecisions.AsNoTracking().Where(d => memberIds.Contains(d.MemberId))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id)
            .Select(d => new { d.MemberId, d.Kind, d.DecidedOn, d.PriorOfficialOn }).ToListAsync())
            .ToLookup(d => d.MemberId, d => new StandingDecision(d.Kind, d.DecidedOn, d.PriorOfficialOn));
        var placements = (await db.MemberPlacements.AsNoTracking().Where(p => memberIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.OrganizationId, p.FromDate, p.ToDate }).ToListAsync())
            .ToLookup(p => p.MemberId, p => new PlacementPeriod(p.OrganizationId, p.FromDate, p.ToDate));
        // Each member's discipline in force, by the lapse rule (QĐ 69-QĐ/TW Art. 2.5): every rule reading the standing sees it on the fact's date.
        var periods = await Discipline.DisciplineRegister.PeriodsOfMembersAsync(db, memberIds, (discipline ?? new(PartyOrg.Domain.Discipline.DisciplineStart.Decision)).Start);
        return members.ToDictionary(m => m.Id, m => new MembershipRecord(
            m.AdmittedOn, m.OfficialOn, m.Status, decisions[m.Id].ToList(), placements[m.Id].ToList(),
            periods.TryGetValue(m.Id, out var p) ? p : []));
    }
}
