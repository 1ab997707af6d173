using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Targets;

namespace PartyOrg.Web.Tests;

/// <summary>
/// Figures computed for many organizations at once (progress of the children, member counts, badge candidates) agree with the
/// same figures computed one organization, one member at a time.
/// </summary>
public class RollUpTests(WebAppFixture app)
{
    private static readonly UserScope Admin = new() { UserName = "admin", Role = Roles.Admin, CanWrite = true };
    private static readonly DateOnly Occasion = new(2027, 2, 3);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Tree? tree;
    private static int serial;

    private sealed record Tree(int Province, int A, int B, int C, int A1, int C1, Dictionary<string, int> Badge);

    [Fact]
    public async Task ProgressOfEachChild_MatchesTheHandCountsAndTheOneByOneQueries()
    {
        var t = await TreeAsync();
        await app.WithDbAsync(async (db, sp) =>
        {
            var targets = sp.GetRequiredService<TargetQueries>();
            var organizations = sp.GetRequiredService<OrganizationQueries>();
            var cases = sp.GetRequiredService<AdmissionQueries>();
            var children = (await organizations.ChildrenAsync(Admin, t.Province))!;
            var rows = await targets.ProgressOfEachAsync(Admin, children, 2024, null);

            Assert.Equal(children.Select(c => c.Id), rows.Select(r => r.OrganizationId));
            var a = rows.Single(r => r.OrganizationId == t.A);
            var b = rows.Single(r => r.OrganizationId == t.B);
            var c = rows.Single(r => r.OrganizationId == t.C);
            // The allocated target prevails over the proposal; only allocations to the children are summed.
            Assert.Equal((6, 1, 4, 1, 1), (a.Target, a.Admitted, a.ChildrenTarget, a.SourcePool, a.Membership));
            // A child with a target and nothing else: no admissions, no pool, no members.
            Assert.Equal((3, 0, 0, 0, 0), (b.Target, b.Admitted, b.ChildrenTarget, b.SourcePool, b.Membership));
            Assert.Null(b.AdmissionRate);
            // Admitted while placed in C, moved to A afterwards: counts where it happened.
            Assert.Equal((0, 1, 0, 1, 1), (c.Target, c.Admitted, c.ChildrenTarget, c.SourcePool, c.Membership));

            foreach (var row in rows)
            {
                Assert.Equal(row, await targets.ProgressAsync(Admin, row.OrganizationId, 2024, null));
                var path = (await organizations.FindAsync(Admin, row.OrganizationId))!.Path;
                Assert.Equal(await SubtreeCountTests.RecountAdmissionsAsync(db, path, row.PeriodStart, row.CountedTo,
                    ReadmissionCountingRule.Counts(sp.GetRequiredService<AdmissionSettings>())), row.Admitted);
                Assert.Equal(await cases.PoolAsync(path, row.CountedTo), row.SourcePool);
                Assert.Equal(await SubtreeCountTests.RecountAsync(db, path, new DateOnly(2024, 1, 1)), row.Membership);
            }
            var counts = children.ToDictionary(v => v.Id, v => v.MemberCount);
            Assert.Equal((3, 0, 1), (counts[t.A], counts[t.B], counts[t.C]));
        });
    }

    [Fact]
    public async Task ProgressOfEachChild_ForATerm_KeepsEachTargetsOwnPeriod()
    {
        var t = await TreeAsync();
        await app.WithDbAsync(async (db, sp) =>
        {
            var targets = sp.GetRequiredService<TargetQueries>();
            var children = (await sp.GetRequiredService<OrganizationQueries>().ChildrenAsync(Admin, t.Province))!;
            var rows = await targets.ProgressOfEachAsync(Admin, children, null, "2024-2025");

            var a = rows.Single(r => r.OrganizationId == t.A);
            var c = rows.Single(r => r.OrganizationId == t.C);
            var b = rows.Single(r => r.OrganizationId == t.B);
            // A's term starts in May 2024, C's in January: the admission of March counts for A only if it falls in A's period.
            Assert.Equal((new DateOnly(2024, 5, 1), 0), (a.PeriodStart, a.Admitted));
            Assert.Equal((new DateOnly(2024, 1, 1), 1), (c.PeriodStart, c.Admitted));
            // No target for the term: counted over the term's years, against a target of 0.
            Assert.Equal((new DateOnly(2024, 1, 1), 0, 0), (b.PeriodStart, b.Target, b.Admitted));
            foreach (var row in rows) Assert.Equal(row, await targets.ProgressAsync(Admin, row.OrganizationId, null, "2024-2025"));
        });
    }

    [Fact]
    public async Task BadgeCandidates_NearAMilestone_FollowThePartyAgeNotTheAdmissionDate()
    {
        var t = await TreeAsync();
        var found = await app.WithDbAsync(async (db, sp) =>
        {
            var path = await db.Organizations.Where(o => o.Id == t.Badge["cell"]).Select(o => o.Path).SingleAsync();
            return await sp.GetRequiredService<BadgeRegister>().EligibleAsync(Admin, path, Occasion);
        });
        var due = found.ToDictionary(c => t.Badge.Single(b => b.Value == c.MemberId).Key, c => (c.Milestone, c.PartyAge));

        Assert.Equal((40, "40 năm"), due["exactly40"]);
        Assert.Equal((30, "39 năm 11 tháng"), due["dayShortOf40"]);
        Assert.Equal((30, "39 năm"), due["readmitted"]);
        Assert.Equal((45, "46 năm"), due["awarded40at46"]);
        Assert.Equal((30, "39 năm 11 tháng"), due["lateTransfer"]);
        Assert.Equal((70, "70 năm"), due["awarded65at70"]);
        // Awarded 30 and short of 40 (by the admission date or by the time out): nothing due; a day short of 30 is not due.
        Assert.Equal(6, due.Count);
        Assert.Equal([70, 45, 40, 30, 30, 30], found.Select(c => c.Milestone));
    }

    [Fact]
    public async Task BadgeCandidates_OfTheDemoProvince_MatchTheAgeOfEveryMember()
    {
        foreach (var occasion in new DateOnly[] { new(2026, 9, 2), new(2027, 2, 3), new(2027, 11, 7), new(2030, 2, 28) })
        {
            var (actual, expected) = await app.WithDbAsync(async (db, sp) =>
            {
                var path = await db.Organizations.Where(o => o.Code == DemoCodes.Province).Select(o => o.Path).SingleAsync();
                var found = await sp.GetRequiredService<BadgeRegister>().EligibleAsync(Admin, path, occasion);
                var members = await db.Members.AsNoTracking().Where(m => m.OrgPath.StartsWith(path) && m.Status == MemberStatus.Official).ToListAsync();
                var gaps = await sp.GetRequiredService<PartyAges>().GapsAsync(members.Select(m => m.Id).ToList());
                var awards = (await db.BadgeAwards.AsNoTracking().ToListAsync()).ToLookup(a => a.MemberId, a => a.Milestone);
                var reference = members
                    .Select(m => (m.Id, Age: PartyAgeRule.On(m.AdmittedOn, true, gaps[m.Id], occasion), Awarded: awards[m.Id].ToList()))
                    .Select(m => (m.Id, Milestone: BadgeRule.DueMilestone(m.Age, m.Awarded), Age: m.Age?.ToString()))
                    .Where(m => m.Milestone is not null).OrderBy(m => m.Id).ToList();
                // The worklist's counts per milestone, grouped in the database, are the reference's too.
                var counted = await sp.GetRequiredService<BadgeRegister>().DueCountsAsync(Admin, path, occasion);
                Assert.Equal(reference.GroupBy(m => m.Milestone!.Value).OrderByDescending(g => g.Key).Select(g => new MilestoneCount(g.Key, g.Count())), counted);
                return (found.Select(c => (c.MemberId, (int?)c.Milestone, (string?)c.PartyAge)).OrderBy(c => c.MemberId).ToList(), reference);
            });
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>A small province of its own: children with and without admissions, and members around the badge milestones.</summary>
    private async Task<Tree> TreeAsync()
    {
        await Once.WaitAsync();
        try
        {
            return tree ??= await app.WithDbAsync(async (db, _) =>
            {
                var province = await OrgAsync(db, null, "RU", "Đảng bộ tỉnh Thử Cộng Dồn", OrganizationType.Provincial);
                var a = await OrgAsync(db, province, "RU.A", "Đảng bộ xã An", OrganizationType.Commune);
                var b = await OrgAsync(db, province, "RU.B", "Đảng bộ xã Bình", OrganizationType.Commune);
                var c = await OrgAsync(db, province, "RU.C", "Đảng bộ xã Châu", OrganizationType.Commune);
                var a1 = await OrgAsync(db, a, "RU.A.1", "Chi bộ ấp An Một", OrganizationType.BaseCell);
                var c1 = await OrgAsync(db, c, "RU.C.1", "Chi bộ ấp Châu Một", OrganizationType.BaseCell);
                db.AdmissionTargets.AddRange(
                    Year(province, 10, TargetSource.Allocated), Year(a, 6, TargetSource.Allocated), Year(a, 8, TargetSource.Proposed),
                    Year(b, 3, TargetSource.Proposed), Year(a1, 4, TargetSource.Allocated), Year(c1, 2, TargetSource.Proposed),
                    Term(a, new(2024, 5, 1), 5), Term(c, new(2024, 1, 1), 7));

                var m1 = Member(a1, "Lê Văn Một", new(2024, 3, 1), MemberStatus.Probationary);
                var m2 = Member(a1, "Lê Văn Hai", new(2024, 6, 1), MemberStatus.Probationary);
                var m3 = Member(a1, "Lê Văn Ba", new(2010, 1, 1), MemberStatus.Official);
                var m4 = Member(c1, "Lê Văn Bốn", new(2023, 12, 31), MemberStatus.Probationary);
                db.Members.AddRange(m1, m2, m3, m4);
                await db.SaveChangesAsync();
                db.MemberPlacements.AddRange(
                    Placement(m1, a1, m1.AdmittedOn, null), Placement(m2, c1, m2.AdmittedOn, new(2024, 9, 1)), Placement(m2, a1, new(2024, 9, 1), null),
                    Placement(m3, a1, m3.AdmittedOn, null), Placement(m4, c1, m4.AdmittedOn, null));
                db.AdmissionCases.AddRange(
                    Case(a1, new(2024, 2, 1), null, null), Case(c1, new(2024, 1, 1), new(2024, 5, 1), null), Case(c1, new(2024, 1, 1), null, new(2025, 1, 10)));

                // Badges, under a province of their own so the counts above stay small.
                var badgeProvince = await OrgAsync(db, null, "RU-HH", "Đảng bộ tỉnh Thử Huy Hiệu", OrganizationType.Provincial);
                var cell = await OrgAsync(db, badgeProvince, "RU-HH.1", "Chi bộ Huy Hiệu", OrganizationType.BaseCell);
                var fortyBy = BadgeRule.LatestAdmissionReaching(40, Occasion);
                var people = new Dictionary<string, Member>
                {
                    ["exactly40"] = Member(cell, "Phạm Văn Bốn Mươi", fortyBy, MemberStatus.Official),
                    ["dayShortOf40Awarded30"] = Member(cell, "Phạm Văn Thiếu Ngày", fortyBy.AddDays(1), MemberStatus.Official),
                    ["dayShortOf40"] = Member(cell, "Phạm Văn Thiếu Một", fortyBy.AddDays(1), MemberStatus.Official),
                    ["readmittedAwarded30"] = Member(cell, "Phạm Văn Kết Lại", Occasion.AddYears(-41), MemberStatus.Official),
                    ["readmitted"] = Member(cell, "Phạm Văn Trở Lại", Occasion.AddYears(-41), MemberStatus.Official),
                    ["awarded40at46"] = Member(cell, "Phạm Văn Bốn Sáu", Occasion.AddYears(-46), MemberStatus.Official),
                    ["lateTransfer"] = Member(cell, "Phạm Văn Chuyển Muộn", Occasion.AddYears(-40).AddDays(-14), MemberStatus.Official),
                    ["dayShortOf30"] = Member(cell, "Phạm Văn Ba Mươi", BadgeRule.LatestAdmissionReaching(30, Occasion).AddDays(1), MemberStatus.Official),
                    ["awarded65at70"] = Member(cell, "Phạm Văn Bảy Mươi", Occasion.AddYears(-70), MemberStatus.Official),
                    ["removed"] = Member(cell, "Phạm Văn Xóa Tên", Occasion.AddYears(-50), MemberStatus.NameRemoved),
                };
                db.Members.AddRange(people.Values);
                await db.SaveChangesAsync();
                // Two years out between a name removal and the readmission: 41 years since admission, 39 of party age.
                foreach (var key in new[] { "readmittedAwarded30", "readmitted" })
                    db.MemberDecisions.AddRange(
                        new MemberDecision { MemberId = people[key].Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(1990, 1, 1) },
                        new MemberDecision { MemberId = people[key].Id, Kind = DecisionKind.Readmission, DecidedOn = new(1992, 1, 1) });
                db.MemberDecisions.Add(new MemberDecision { MemberId = people["removed"].Id, Kind = DecisionKind.NameRemoval, DecidedOn = new(2020, 1, 1) });
                // A letter presented 31 days late, the committee deciding the late days do not count: 40 years and 14 days since
                // admission, 39 years 11 months of party age.
                db.MemberTransfers.Add(new MemberTransfer
                {
                    MemberId = people["lateTransfer"].Id, Kind = TransferKind.Official, FromOrganizationId = cell.Id, FromPath = cell.Path,
                    ToOrganizationId = cell.Id, ToPath = cell.Path, IssuedOn = new(1999, 12, 20), PresentBy = new(2000, 1, 1),
                    ReceivedOn = new(2000, 2, 1), State = TransferState.Received, LateReason = "Ốm", LateDecisionNumber = "3-QĐ/HU",
                    LateDecidedOn = new(2000, 2, 10), LateCountsInPartyAge = false, LateDecisionOrganizationId = badgeProvince.Id,
                });
                db.BadgeAwards.AddRange(
                    Award(people["dayShortOf40Awarded30"], cell, 30), Award(people["readmittedAwarded30"], cell, 30),
                    Award(people["awarded40at46"], cell, 30), Award(people["awarded40at46"], cell, 40), Award(people["awarded65at70"], cell, 65));
                await db.SaveChangesAsync();
                var ids = people.ToDictionary(p => p.Key, p => p.Value.Id);
                ids["cell"] = cell.Id;
                return new Tree(province.Id, a.Id, b.Id, c.Id, a1.Id, c1.Id, ids);
            });
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<Organization> OrgAsync(AppDbContext db, Organization? parent, string code, string name, OrganizationType type)
    {
        var org = new Organization
        {
            Code = code, Name = name, Type = type, Field = OrganizationField.General, FoundedOn = new(1976, 1, 1),
            ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = $"{parent?.Path ?? "/"}{org.Id}/";
        await db.SaveChangesAsync();
        return org;
    }

    private static AdmissionTarget Year(Organization org, int count, TargetSource source) =>
        new() { OrganizationId = org.Id, Year = 2024, PeriodStart = new(2024, 1, 1), PeriodEnd = new(2024, 12, 31), Count = count, Source = source };

    private static AdmissionTarget Term(Organization org, DateOnly start, int count) =>
        new() { OrganizationId = org.Id, Term = "2024-2025", PeriodStart = start, PeriodEnd = new(2025, 12, 31), Count = count, Source = TargetSource.Allocated };

    private static Member Member(Organization cell, string name, DateOnly admittedOn, MemberStatus status) => new()
    {
        FullName = name, SearchName = VnText.Fold(name), SearchGiven = VnText.GivenFirstFold(name), SortKey = VnText.SortKey(name),
        Gender = Gender.Male, DateOfBirth = admittedOn.AddYears(-25), EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
        CitizenId = $"001097{700000 + Interlocked.Increment(ref serial):000000}", AdmittedOn = admittedOn,
        OrganizationId = cell.Id, OrgPath = cell.Path, Status = status,
    };

    private static MemberPlacement Placement(Member m, Organization cell, DateOnly from, DateOnly? to) =>
        new() { MemberId = m.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = from, ToDate = to };

    private static AdmissionCase Case(Organization cell, DateOnly since, DateOnly? decidedOn, DateOnly? droppedOn)
    {
        var name = "Võ Thị Nguồn";
        return new AdmissionCase
        {
            FullName = name, SearchName = VnText.Fold(name), Gender = Gender.Female, DateOfBirth = new(2000, 1, 1),
            CitizenId = $"001300{700000 + Interlocked.Increment(ref serial):000000}", EthnicGroupCode = "01", Religion = "Không theo tôn giáo",
            OrganizationId = cell.Id, OrgPath = cell.Path, SourceSince = since, DecisionOn = decidedOn, DroppedOn = droppedOn,
            Step = droppedOn is not null ? AdmissionStep.Dropped : decidedOn is not null ? AdmissionStep.Decision : AdmissionStep.Course,
        };
    }

    private static BadgeAward Award(Member m, Organization cell, int milestone) =>
        new() { MemberId = m.Id, Milestone = milestone, OccasionOn = m.AdmittedOn.AddYears(milestone), OrgPath = cell.Path };
}
