using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Demo;

/// <summary>
/// The demo's working life on top of the register: admission cases at every step, transfers in transit,
/// exits, a readmission and badges awarded this year, so that every page shows something on first run.
/// </summary>
internal sealed class DemoLifecycle(AppDbContext db, DateOnly today)
{
    private readonly Random rng = new(1930);
    private readonly DemoNames names = new(new Random(2026));
    private readonly Features.Shared.ScopedWrites placements = new(db);

    public async Task BuildAsync()
    {
        var cells = await db.Organizations.AsNoTracking()
            .Where(o => (o.Type == OrganizationType.BaseCell || o.Type == OrganizationType.DependentCell) && o.EndedOn == null).ToListAsync();
        var committees = (await db.Organizations.AsNoTracking().Where(o => o.EndedOn == null).ToListAsync())
            .Where(o => o.Type.MayDecideAdmission()).ToDictionary(o => o.Id);
        var officialsByCell = (await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Official && m.OfficialOn != null)
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync()).ToLookup(m => m.OrganizationId, m => m.Id);
        var usedIds = (await db.Members.AsNoTracking().Select(m => m.CitizenId).ToListAsync()).ToHashSet();

        // Every fourth cell develops one or two people; the secretary's cell has one case at each step.
        var secretaryCell = cells.Single(c => c.Code == DemoSeeder.SecretaryCellCode);
        foreach (var cell in cells.Where((_, i) => i % 4 == 0).Append(secretaryCell))
        {
            var sponsors = officialsByCell[cell.Id].ToList();
            if (sponsors.Count < 2) continue;
            var steps = cell == secretaryCell ? Enum.GetValues<AdmissionStep>().Where(s => s != AdmissionStep.Ceremony) : [(AdmissionStep)rng.Next(0, 6)];
            foreach (var step in steps)
                db.AdmissionCases.Add(NewCase(cell, committees, sponsors, step, usedIds));
        }
        await db.SaveChangesAsync();
        await AddTransfersAndExitsAsync(cells);
        await AddBadgesAsync();
    }

    private AdmissionCase NewCase(Organization cell, Dictionary<int, Organization> committees, List<int> sponsors, AdmissionStep step, HashSet<string> usedIds)
    {
        var gender = rng.NextDouble() < 0.45 ? Gender.Female : Gender.Male;
        var birth = today.AddYears(-19 - rng.Next(16)).AddDays(-rng.Next(365));
        var name = names.FullName(gender);
        string citizenId;
        do citizenId = string.Create(CultureInfo.InvariantCulture, $"072{Cccd.CenturyGenderDigit(gender, birth.Year)}{birth.Year % 100:00}{rng.Next(1_000_000):000000}");
        while (!usedIds.Add(citizenId));
        // Steps are spread back from today so that each later step follows the one before.
        var source = today.AddDays(-200 - rng.Next(200));
        var c = new AdmissionCase
        {
            FullName = name, SearchName = VnText.Fold(name), Gender = gender, DateOfBirth = birth, CitizenId = citizenId,
            EthnicGroupCode = "01", Religion = "Không theo tôn giáo", GeneralEducation = GeneralEducation.UpperSecondary,
            Occupation = cell.Field == OrganizationField.Residential ? "Đoàn viên thanh niên ở ấp, khu phố" : "Viên chức",
            SourceGroup = cell.Field == OrganizationField.Residential ? SourceGroup.YouthUnion : (SourceGroup)rng.Next(0, 8),
            OrganizationId = cell.Id, OrgPath = cell.Path, SourceSince = source, Step = step,
        };
        if (step == AdmissionStep.Dropped)
        {
            (c.DroppedOn, c.DropReason) = (source.AddDays(90), "Chuyển đi làm việc ở tỉnh khác, không còn điều kiện bồi dưỡng.");
            return c;
        }
        if (step >= AdmissionStep.Course) (c.CourseCertificateOn, c.CourseCertificateNumber) = (source.AddDays(30), $"{rng.Next(100, 999)}/GCN-TTCT");
        if (step >= AdmissionStep.Sponsors)
        {
            var pair = sponsors.OrderBy(_ => rng.Next()).Take(2).ToList();
            (c.Sponsor1Id, c.Sponsor2Id, c.SponsorsOn) = (pair[0], pair[1], source.AddDays(45));
            (c.Sponsor1Since, c.Sponsor2Since) = (source.AddYears(-2), source.AddYears(-3));
        }
        if (step >= AdmissionStep.Application) c.ApplicationOn = source.AddDays(60);
        if (step >= AdmissionStep.CellResolution) (c.CellResolutionOn, c.CellResolutionNumber) = (source.AddDays(90), $"{rng.Next(1, 30)}-NQ/CB");
        if (step >= AdmissionStep.Decision)
        {
            var approver = Organization.IdsOnPath(cell.Path).Reverse().First(committees.ContainsKey);
            (c.ApprovingOrganizationId, c.DecisionOn, c.DecisionNumber) = (approver, today.AddDays(-10 - rng.Next(40)), $"{rng.Next(100, 999)}-QĐ/ĐU");
            if (c.DecisionOn <= c.CellResolutionOn) c.DecisionOn = c.CellResolutionOn.Value.AddDays(20);
        }
        return c;
    }

    /// <summary>A few transfers (one overdue), a name removal, a death and an old exit later undone by readmission.</summary>
    private async Task AddTransfersAndExitsAsync(List<Organization> cells)
    {
        var members = await db.Members.Where(m => m.Status == MemberStatus.Official).OrderBy(m => m.Id).Take(400).ToListAsync();
        // The calendar every environment ships with: the statutory days of any year and the government's recorded swaps.
        var working = new WorkingCalendar(await Features.Shared.Calendar.StandingExceptionsAsync(db));
        var pick = members.Where((_, i) => i % 50 == 7).ToList();
        for (var i = 0; i < 4 && i < pick.Count; i++)
        {
            var m = pick[i];
            var to = cells[(cells.FindIndex(c => c.Id == m.OrganizationId) + 40 + i) % cells.Count];
            var issued = today.AddDays(i == 0 ? -70 : -7 * (i + 1));
            var t = new MemberTransfer
            {
                MemberId = m.Id, Kind = i == 3 ? TransferKind.Temporary : TransferKind.Official, FromOrganizationId = m.OrganizationId, FromPath = m.OrgPath,
                ToOrganizationId = to.Id, ToPath = to.Path, IssuedOn = issued, LetterNumber = $"{rng.Next(10, 99)}-GGT/ĐU", PresentBy = TransferRule.PresentBy(issued, working),
                Reason = i == 3 ? "Đi học tập trung" : "Chuyển công tác", ReturnOn = i == 3 ? issued.AddMonths(6) : null, State = TransferState.InTransit,
            };
            db.MemberTransfers.Add(t);
        }
        var removed = pick[4];
        db.MemberDecisions.Add(new MemberDecision { MemberId = removed.Id, Kind = DecisionKind.NameRemoval, DecidedOn = today.AddMonths(-2), Number = "12-QĐ/ĐU", RemovalCase = NameRemovalCase.AbandonedActivity, RecordedBy = "hệ thống" });
        removed.Status = MemberStatus.NameRemoved;
        await placements.ClosePlacementAsync(removed.Id, today.AddMonths(-2));
        var deceased = pick[5];
        db.MemberDecisions.Add(new MemberDecision { MemberId = deceased.Id, Kind = DecisionKind.Death, DecidedOn = today.AddMonths(-1), RecordedBy = "hệ thống", Reason = "Từ trần" });
        deceased.Status = MemberStatus.Deceased;
        await placements.ClosePlacementAsync(deceased.Id, today.AddMonths(-1));
        // A member who left in 2005, was readmitted in 2010 and is official again: five years are out of their party age.
        var returned = members.First(m => m.AdmittedOn < new DateOnly(2000, 1, 1));
        db.MemberDecisions.Add(new MemberDecision { MemberId = returned.Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(2005, 3, 1), Number = "05-QĐ/HU", RemovalCase = NameRemovalCase.TwoYearsViolations, RecordedBy = "hệ thống" });
        db.MemberDecisions.Add(new MemberDecision { MemberId = returned.Id, Kind = DecisionKind.Readmission, DecidedOn = new(2010, 3, 1), Number = "21-QĐ/HU", ConsentDocument = "310-CV/TU", RecordedBy = "hệ thống", PriorOfficialOn = returned.OfficialOn });
        db.MemberDecisions.Add(new MemberDecision { MemberId = returned.Id, Kind = DecisionKind.Recognition, DecidedOn = new(2011, 3, 20), Number = "40-QĐ/HU", RecordedBy = "hệ thống" });
        (returned.ReadmittedOn, returned.CeremonyOn, returned.OfficialOn) = (new(2010, 3, 1), new(2010, 3, 15), new(2011, 3, 15));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Badges already given: every milestone a senior member reached before today was awarded at the first occasion after it
    /// (a few of this year's are still pending), so the next occasion's list holds only those who reach a milestone by then.
    /// </summary>
    private async Task AddBadgesAsync()
    {
        var senior = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Official && m.ReadmittedOn == null && m.AdmittedOn <= today.AddYears(-BadgeRule.Milestones[0]))
            .Select(m => new { m.Id, m.AdmittedOn, m.OrgPath }).ToListAsync();
        foreach (var m in senior)
            foreach (var milestone in BadgeRule.Milestones)
            {
                var occasion = BadgeRule.NextOccasion(m.AdmittedOn.AddYears(milestone));
                if (occasion >= today || (occasion.Year == today.Year && rng.NextDouble() < 0.1)) break;
                db.BadgeAwards.Add(new BadgeAward { MemberId = m.Id, Milestone = milestone, OccasionOn = occasion, OrgPath = m.OrgPath, DecisionNumber = $"{rng.Next(100, 999)}-QĐ/TU" });
            }
        await db.SaveChangesAsync();
    }
}
