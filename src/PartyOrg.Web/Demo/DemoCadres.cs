using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Demo;

/// <summary>
/// Posts and holders of the demo: the provincial committees of Long An and the former Tây Ninh for the 2020–2025 term (ending on
/// 30/06/2025), today's Tây Ninh from 1/7/2025 (designated by the Politburo, then elected at the congress for 2025–2030, one
/// deputy secretary's seat left vacant) and three of its communes. Holders are official members of the subtree on their first day.
/// </summary>
internal sealed class DemoCadres(AppDbContext db)
{
    private static readonly DateOnly Term2020 = new(2020, 10, 15), Congress2025 = new(2025, 10, 16), CommuneCongress = new(2025, 9, 20);
    private readonly Random rng = new(1954);
    private readonly HashSet<int> used = [];
    private List<(int MemberId, string Path, DateOnly From, DateOnly? To)> placements = [];

    public async Task BuildAsync()
    {
        // Official members since before 2018 still official today, with where they were placed: a holder comes from the subtree.
        var officials = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Official && m.OfficialOn != null && m.OfficialOn < new DateOnly(2018, 1, 1))
            .Select(m => m.Id).ToListAsync();
        placements = (await db.MemberPlacements.AsNoTracking().Where(p => officials.Contains(p.MemberId)).OrderBy(p => p.Id)
            .Select(p => new { p.MemberId, p.OrgPath, p.FromDate, p.ToDate }).ToListAsync()).Select(p => (p.MemberId, p.OrgPath, p.FromDate, p.ToDate)).ToList();
        var orgs = await db.Organizations.AsNoTracking().ToListAsync();
        var province = orgs.Single(o => o.Code == DemoSeeder.NewProvinceCode);
        var predecessors = orgs.Where(o => o.SuccessorId == province.Id).OrderBy(o => o.Id).ToList();
        var communes = orgs.Where(o => o.ParentId == province.Id && o.Type == OrganizationType.Commune).OrderBy(o => o.Code).Take(3).ToList();
        // The posts first: the holdings name them by id.
        var oldPosts = predecessors.Select(o => (Org: o, Posts: ProvincePosts(o, o.Name.Replace("Đảng bộ tỉnh ", "").Replace(" (trước sắp xếp)", "")))).ToList();
        var newPosts = ProvincePosts(province, "Tây Ninh");
        var communePosts = communes.Select(c =>
        {
            var name = c.Name.Replace("Đảng bộ ", "");
            return (Org: c, Posts: new[] { AddPost(c, "BI_THU", $"Bí thư Đảng ủy {name}", 1, province), AddPost(c, "PHO_BI_THU", $"Phó Bí thư Đảng ủy {name}", 2, province), AddPost(c, "CHU_TICH_UBND", $"Chủ tịch UBND {name}", 1, province) });
        }).ToList();
        await db.SaveChangesAsync();

        foreach (var (old, posts) in oldPosts)
        {
            foreach (var post in posts)
                for (var seat = 0; seat < post.Seats; seat++)
                    Hold(post, old.Path, Term2020, DemoSeeder.ReformDay, HoldingBasis.Election, "01-NQ/ĐH", 2020, 2025, "Hợp nhất tỉnh, kết thúc hoạt động của tỉnh ủy cũ");
        }

        foreach (var post in newPosts)
        {
            // Designated on the merger, then elected at the congress; one deputy secretary's seat is left vacant to show.
            var seats = post.KindCode == "PHO_BI_THU" ? post.Seats - 1 : post.Seats;
            for (var seat = 0; seat < seats; seat++)
            {
                var basis = post.KindCode == "GIAM_DOC_SO" ? HoldingBasis.Appointment : HoldingBasis.Designation;
                var first = Hold(post, province.Path, DemoSeeder.ReformDay, basis == HoldingBasis.Appointment ? null : Congress2025, basis,
                    basis == HoldingBasis.Appointment ? "1245/QĐ-UBND" : "2187-QĐ/TW", null, null, basis == HoldingBasis.Appointment ? null : "Đại hội Đảng bộ tỉnh bầu nhiệm kỳ 2025–2030");
                if (basis != HoldingBasis.Appointment)
                    Hold(post, province.Path, Congress2025, null, HoldingBasis.Election, "01-NQ/ĐH", 2025, 2030, null, first.MemberId);
            }
        }

        var elected = new List<(Post Post, int MemberId)>();
        foreach (var (commune, posts) in communePosts)
            foreach (var post in posts)
                for (var seat = 0; seat < post.Seats; seat++)
                {
                    var first = Hold(post, commune.Path, DemoSeeder.ReformDay, CommuneCongress, HoldingBasis.Designation, "15-QĐ/TU", null, null, "Đại hội Đảng bộ xã bầu nhiệm kỳ 2025–2030");
                    Hold(post, commune.Path, CommuneCongress, null, HoldingBasis.Election, "01-NQ/ĐH", 2025, 2030, null, first.MemberId);
                    elected.Add((post, first.MemberId!.Value));
                }
        await db.SaveChangesAsync();
        await HomeTownsAsync(newPosts.Single(p => p.KindCode == "BI_THU"), communePosts[0].Posts[0], communePosts[0].Org, communePosts[1].Posts[0]);
        foreach (var (old, posts) in oldPosts) await FormerPlanAsync(old, posts);
        var plan = await PlanAsync(province, newPosts, elected);
        await VoteAsync(province, newPosts);
        await CasesAsync(province, plan, communePosts.Select(c => c.Org).ToList(), elected);
        await TrainingAsync(province);
    }

    /// <summary>
    /// Hometowns precise enough to tell: the provincial secretary comes from another province (the seeds' "bí thư không là người địa
    /// phương"), the first commune's secretary from that commune, the second's from the first. The demo's other hometowns name only the
    /// province.
    /// </summary>
    private async Task HomeTownsAsync(Post provinceSecretary, Post communeSecretary, Organization commune, Post neighbourSecretary)
    {
        async Task SetAsync(Post post, string homeTown)
        {
            var id = await db.PostHoldings.Where(h => h.PostId == post.Id && h.ToDate == null).Select(h => h.MemberId!.Value).SingleAsync();
            var member = await db.Members.SingleAsync(m => m.Id == id);
            member.HomeTown = homeTown;
        }
        await SetAsync(provinceSecretary, "Tỉnh Bến Tre");
        var place = commune.Name.Replace("Đảng bộ ", "");
        await SetAsync(communeSecretary, $"{char.ToUpperInvariant(place[0])}{place[1..]}, tỉnh Tây Ninh");
        await SetAsync(neighbourSecretary, $"{char.ToUpperInvariant(place[0])}{place[1..]}, tỉnh Tây Ninh");
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The year's cases: a deputy head of the organization commission appointed from the plan (the plan then flags the entry: the
    /// cadre holds the post), a cadre transferred to a commune's vacant vice-chair post, and a commune secretary proposed for the
    /// province's vacant deputy secretary seat, still open. Each meets its rules on its dates (plan, age, no discipline).
    /// </summary>
    private async Task CasesAsync(Organization province, CadrePlan plan, List<Organization> communes, List<(Post Post, int MemberId)> communeHolders)
    {
        var deputyHead = AddPost(province, "PHO_BAN_TC", "Phó Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh", 1, province);
        var commune = communes[^1];
        var viceChair = AddPost(commune, "PHO_CHU_TICH_UBND", $"Phó Chủ tịch UBND {commune.Name.Replace("Đảng bộ ", "")}", 1, province);
        await db.SaveChangesAsync();
        var people = await db.Members.AsNoTracking().Select(m => new { m.Id, m.DateOfBirth, m.Gender }).ToDictionaryAsync(m => m.Id);
        var disciplined = (await db.DisciplineDecisions.AsNoTracking().Where(d => d.MemberId != null).Select(d => d.MemberId!.Value).ToListAsync()).ToHashSet();
        // Young enough for a whole appointment term (AppointmentAgeRule at the default settings) and never disciplined.
        int Fit(DateOnly on)
        {
            while (true)
            {
                var id = Pick(province.Path, on);
                var m = people[id];
                if (!disciplined.Contains(id) && AppointmentAgeRule.Check("", CadreActKind.Appointment, m.DateOfBirth, m.Gender == Gender.Female ? 60 : 62, on, 5, "") is null) return id;
            }
        }

        var appointed = Fit(new DateOnly(2026, 4, 1));
        db.PlanEntries.Add(new PlanEntry { PlanId = plan.Id, PostId = deputyHead.Id, MemberId = appointed, ManagingPath = plan.ManagingPath, FromDate = plan.ApprovedOn, DecisionNumber = plan.DecisionNumber, RecordedBy = "demo" });
        var appointment = Case(CadreActKind.Appointment, appointed, deputyHead, new DateOnly(2026, 3, 2), "412-QĐ/TU", new DateOnly(2026, 4, 1));
        var transferred = Fit(new DateOnly(2026, 8, 3));
        var transfer = Case(CadreActKind.Transfer, transferred, viceChair, new DateOnly(2026, 7, 6), "905-QĐ/TU", new DateOnly(2026, 8, 3));
        var deputyPost = await db.Posts.SingleAsync(p => p.OrganizationId == province.Id && p.KindCode == "PHO_BI_THU");
        var nominee = communeHolders.First(h => h.Post.KindCode == "BI_THU").MemberId;
        var nomination = Case(CadreActKind.Nomination, nominee, deputyPost, new DateOnly(2026, 10, 5), null, null);
        await db.SaveChangesAsync();

        Step(appointment, new DateOnly(2026, 3, 10), "Ban Thường vụ Tỉnh ủy thống nhất chủ trương, cơ cấu", "Thông báo số 45-TB/TU");
        Step(appointment, new DateOnly(2026, 3, 20), "Lấy phiếu giới thiệu tại hội nghị cán bộ chủ chốt Ban Tổ chức Tỉnh ủy", "Biên bản kiểm phiếu");
        Step(appointment, new DateOnly(2026, 3, 25), "Ban Thường vụ Tỉnh ủy biểu quyết nhân sự", "Tờ trình số 18-TTr/BTCTU");
        Step(transfer, new DateOnly(2026, 7, 20), "Trao đổi với cấp ủy xã nơi cán bộ đến", null);
        Step(nomination, new DateOnly(2026, 10, 12), "Ban Thường vụ Tỉnh ủy thảo luận, giới thiệu nhân sự", "Tờ trình số 31-TTr/BTCTU");
        var created = new[] { (appointment, deputyHead), (transfer, viceChair) }.Select(x =>
        {
            var h = new PostHolding
            {
                PostId = x.Item2.Id, ManagingPath = x.Item2.ManagingPath, MemberId = x.Item1.MemberId, FromDate = x.Item1.EffectiveOn!.Value, Basis = x.Item1.Kind.Basis(),
                DecisionNumber = x.Item1.DecisionNumber!, DecidedOn = x.Item1.DecidedOn!.Value, RecordedBy = "demo",
            };
            db.PostHoldings.Add(h);
            return (x.Item1, h);
        }).ToList();
        await db.SaveChangesAsync();
        foreach (var (c, h) in created) c.HoldingId = h.Id;
        await db.SaveChangesAsync();
    }

    private AppointmentCase Case(CadreActKind kind, int memberId, Post post, DateOnly proposed, string? number, DateOnly? decided)
    {
        var c = new AppointmentCase
        {
            Kind = kind, State = decided is null ? CadreActState.Proposed : CadreActState.Decided, MemberId = memberId, PostId = post.Id, ManagingPath = post.ManagingPath,
            ProposedOn = proposed, DecisionNumber = number, DecidedOn = decided, EffectiveOn = decided, RecordedBy = "demo",
        };
        db.AppointmentCases.Add(c);
        return c;
    }

    private void Step(AppointmentCase c, DateOnly on, string name, string? document) =>
        db.AppointmentSteps.Add(new AppointmentStep { CaseId = c.Id, ManagingPath = c.ManagingPath, On = on, Name = name, Document = document, RecordedBy = "demo" });

    /// <summary>
    /// A year of training sent by the province: an intermediate theory class finishing in 2026 (its certificates raise the
    /// learners' records), a senior class under way, state management, defence and security, and a study visit abroad.
    /// </summary>
    private async Task TrainingAsync(Organization province)
    {
        (TrainingLevel Level, string Name, string Institution, bool Abroad, DateOnly From, DateOnly To, int Learners, DateOnly? Finished)[] courses =
        [
            (TrainingLevel.TheoryIntermediate, "Lớp trung cấp lý luận chính trị hệ không tập trung khóa 2025–2026", "Trường Chính trị tỉnh Tây Ninh", false, new(2025, 9, 15), new(2026, 9, 18), 14, new(2026, 9, 18)),
            (TrainingLevel.TheoryAdvanced, "Lớp cao cấp lý luận chính trị hệ không tập trung khóa 2026–2027", "Học viện Chính trị khu vực II", false, new(2026, 3, 9), new(2027, 9, 30), 8, null),
            (TrainingLevel.StatePrincipalOfficer, "Lớp bồi dưỡng ngạch chuyên viên chính năm 2026", "Trường Chính trị tỉnh Tây Ninh", false, new(2026, 6, 1), new(2026, 8, 28), 5, new(2026, 8, 28)),
            (TrainingLevel.DefenceGroup2, "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 2 năm 2026", "Học viện Quốc phòng", false, new(2026, 5, 11), new(2026, 5, 29), 3, new(2026, 5, 29)),
            (TrainingLevel.PostUpdate, "Bồi dưỡng kinh nghiệm quản trị địa phương năm 2026", "Học viện Công vụ Singapore", true, new(2026, 10, 12), new(2026, 10, 23), 2, new(2026, 10, 23)),
        ];
        var number = 0;
        foreach (var c in courses)
        {
            var course = new TrainingCourse
            {
                OrganizationId = province.Id, OrgPath = province.Path, Level = c.Level, Name = c.Name, Institution = c.Institution, Abroad = c.Abroad, FromDate = c.From,
                ToDate = c.To, RecordedBy = "demo",
            };
            db.TrainingCourses.Add(course);
            await db.SaveChangesAsync();
            for (var i = 0; i < c.Learners; i++)
            {
                var learner = Pick(province.Path, c.From);
                var member = await db.Members.SingleAsync(m => m.Id == learner);
                var done = c.Finished is not null;
                db.TrainingEnrolments.Add(new TrainingEnrolment
                {
                    CourseId = course.Id, MemberId = member.Id, OrgPath = course.OrgPath, Result = done ? TrainingResult.Completed : TrainingResult.Studying, FinishedOn = c.Finished,
                    CertificateNumber = done ? $"TN{c.From.Year}-{++number:0000}" : null, RecordedBy = "demo",
                });
                if (done && TrainingRecordRule.RaisedTheory(c.Level, member.PoliticalTheory) is { } theory) member.PoliticalTheory = theory;
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A mid-year confidence vote at the provincial committee: 43 of 45 present, every holder of its posts rated, no low majority.</summary>
    private async Task VoteAsync(Organization province, List<Post> posts)
    {
        var on = new DateOnly(2026, 6, 15);
        var postIds = posts.Select(p => p.Id).ToList();
        var holders = await db.PostHoldings.AsNoTracking().Where(h => postIds.Contains(h.PostId) && h.MemberId != null && h.FromDate <= on && (h.ToDate == null || h.ToDate > on))
            .Select(h => h.MemberId!.Value).Distinct().OrderBy(id => id).ToListAsync();
        var round = new ConfidenceRound { OrganizationId = province.Id, ManagingPath = province.Path, HeldOn = on, Summoned = 45, Present = 43, BallotsReturned = 43, RecordedBy = "demo" };
        db.ConfidenceRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var id in holders)
        {
            var high = 22 + rng.Next(15);
            var low = rng.Next(4);
            db.ConfidenceResults.Add(new ConfidenceResult { RoundId = round.Id, MemberId = id, ManagingPath = round.ManagingPath, High = high, Low = low, Medium = 43 - high - low });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A predecessor's plan for 2020–2025, approved after its congress: its deputy secretaries for the secretary's post and its
    /// standing committee's members below them for the deputies'. The entries end with the province on 01/07/2025.
    /// </summary>
    private async Task FormerPlanAsync(Organization old, List<Post> posts)
    {
        var approved = new DateOnly(2020, 12, 15);
        var plan = new CadrePlan { OrganizationId = old.Id, ManagingPath = old.Path, TermFrom = 2020, TermTo = 2025, DecisionNumber = "35-QĐ/TU", ApprovedOn = approved, RecordedBy = "demo" };
        db.CadrePlans.Add(plan);
        await db.SaveChangesAsync();
        Post Of(string kind) => posts.Single(p => p.KindCode == kind);
        var holders = (await db.PostHoldings.AsNoTracking().Where(h => posts.Select(p => p.Id).Contains(h.PostId) && h.FromDate == Term2020)
            .Select(h => new { h.PostId, MemberId = h.MemberId!.Value }).ToListAsync()).ToLookup(h => h.PostId, h => h.MemberId);
        var wanted = holders[Of("PHO_BI_THU").Id].Select(m => (Of("BI_THU"), m))
            .Concat(holders[Of("TRUONG_BAN_TC").Id].Concat(holders[Of("CHU_NHIEM_UBKT").Id]).Select(m => (Of("PHO_BI_THU"), m)));
        foreach (var (post, memberId) in wanted)
            db.PlanEntries.Add(new PlanEntry
            {
                PlanId = plan.Id, PostId = post.Id, MemberId = memberId, ManagingPath = plan.ManagingPath, FromDate = approved, DecisionNumber = plan.DecisionNumber,
                ToDate = DemoSeeder.ReformDay, RemovalReason = "Hợp nhất tỉnh, kết thúc quy hoạch của tỉnh ủy cũ", RemovalDecision = "2187-QĐ/TW", RecordedBy = "demo",
            });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The province's plan for 2025–2030, approved after the congress: the deputy secretaries for the secretary's post, the communes'
    /// secretaries for deputy secretary and the head of the organization commission, their deputies for the inspection commission.
    /// </summary>
    private async Task<CadrePlan> PlanAsync(Organization province, List<Post> posts, List<(Post Post, int MemberId)> communeHolders)
    {
        var approved = new DateOnly(2025, 10, 20);
        var plan = new CadrePlan { OrganizationId = province.Id, ManagingPath = province.Path, TermFrom = 2025, TermTo = 2030, DecisionNumber = "156-QĐ/TU", ApprovedOn = approved, RecordedBy = "demo" };
        db.CadrePlans.Add(plan);
        await db.SaveChangesAsync();
        var deputyPost = posts.Single(p => p.KindCode == "PHO_BI_THU").Id;
        var deputies = await db.PostHoldings.AsNoTracking().Where(h => h.PostId == deputyPost && h.FromDate == Congress2025)
            .Select(h => h.MemberId!.Value).ToListAsync();
        Post Of(string kind) => posts.Single(p => p.KindCode == kind);
        var secretaries = communeHolders.Where(h => h.Post.KindCode == "BI_THU").Select(h => h.MemberId).ToList();
        var communeDeputies = communeHolders.Where(h => h.Post.KindCode == "PHO_BI_THU").Select(h => h.MemberId).ToList();
        var wanted = deputies.Select(m => (Of("BI_THU"), m))
            .Concat(secretaries.Select(m => (Of("PHO_BI_THU"), m)))
            .Concat(secretaries.Take(2).Select(m => (Of("TRUONG_BAN_TC"), m)))
            .Concat(communeDeputies.Take(3).Select(m => (Of("CHU_NHIEM_UBKT"), m)));
        var births = await db.Members.AsNoTracking().Select(m => new { m.Id, m.DateOfBirth, m.Gender }).ToDictionaryAsync(m => m.Id);
        foreach (var (post, memberId) in wanted)
        {
            // Only those who can serve the whole term (PlanAgeRule at the default retirement ages).
            var m = births[memberId];
            if (PlanAgeRule.Check("", m.DateOfBirth, m.Gender == Gender.Female ? 60 : 62, plan.TermTo, "") is not null) continue;
            db.PlanEntries.Add(new PlanEntry { PlanId = plan.Id, PostId = post.Id, MemberId = memberId, ManagingPath = plan.ManagingPath, FromDate = approved, DecisionNumber = "156-QĐ/TU", RecordedBy = "demo" });
        }
        await db.SaveChangesAsync();
        return plan;
    }

    private List<Post> ProvincePosts(Organization org, string name)
    {
        var managing = org;
        var posts = new List<Post>
        {
            AddPost(org, "BI_THU", $"Bí thư Tỉnh ủy {name}", 1, managing),
            AddPost(org, "PHO_BI_THU", $"Phó Bí thư Tỉnh ủy {name}", 3, managing),
            AddPost(org, "TRUONG_BAN_TC", $"Trưởng Ban Tổ chức Tỉnh ủy {name}", 1, managing),
            AddPost(org, "CHU_NHIEM_UBKT", $"Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy {name}", 1, managing),
            AddPost(org, "CHU_TICH_UBND", $"Chủ tịch UBND tỉnh {name}", 1, managing),
        };
        if (org.EndedOn is null) posts.Add(AddPost(org, "GIAM_DOC_SO", "Giám đốc Sở Nội vụ tỉnh Tây Ninh", 1, managing));
        return posts;
    }

    private Post AddPost(Organization org, string kind, string title, int seats, Organization managing)
    {
        var post = new Post
        {
            OrganizationId = org.Id, OrgPath = org.Path, KindCode = kind, Title = title, Seats = seats, ManagingOrganizationId = managing.Id,
            ManagingPath = managing.Path, FromDate = org.FoundedOn, ToDate = org.EndedOn, RecordedBy = "demo",
        };
        db.Posts.Add(post);
        return post;
    }

    private PostHolding Hold(Post post, string subtree, DateOnly from, DateOnly? to, HoldingBasis basis, string number, int? termFrom, int? termTo, string? endReason, int? memberId = null)
    {
        memberId ??= Pick(subtree, from);
        var holding = new PostHolding
        {
            PostId = post.Id, ManagingPath = post.ManagingPath, MemberId = memberId, FromDate = from, ToDate = to, Basis = basis, DecisionNumber = number,
            DecidedOn = from, TermFrom = termFrom, TermTo = termTo, EndReason = endReason, RecordedBy = "demo",
        };
        db.PostHoldings.Add(holding);
        return holding;
    }

    private int Pick(string subtree, DateOnly on)
    {
        var pool = placements.Where(p => p.Path.StartsWith(subtree, StringComparison.Ordinal) && p.From <= on && (p.To is null || on < p.To) && !used.Contains(p.MemberId))
            .Select(p => p.MemberId).Distinct().ToList();
        var id = pool[rng.Next(pool.Count)];
        used.Add(id);
        return id;
    }
}
