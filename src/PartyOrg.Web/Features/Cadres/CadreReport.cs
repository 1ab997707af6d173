using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Statistics;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>Young leaders (under 40 on the day) among the members holding posts at one level of the tree.</summary>
public sealed record YoungLeaders(string Level, int Holders, int Young);

/// <summary>Secretaries (bí thư) of the committees at one level and how many are not from the area ("15/15 bí thư … không là người địa phương").</summary>
public sealed record LocalSecretaries(string Level, int Secretaries, int NotLocal, int Unknown);

/// <summary>
/// The cadre section of a report (the seeds' "cán bộ lãnh đạo, quản lý cấp tỉnh trẻ dưới 40 tuổi là 18,18%…", "bổ sung quy hoạch 32
/// lượt", "lấy phiếu tín nhiệm … chưa có trường hợp cán bộ tín nhiệm thấp thuộc diện phải điều chỉnh"): posts and holders at the end
/// of the period, young leaders by level, plan entries added and removed in the period, confidence votes held in it, the cases
/// decided ("tham mưu điều động, bổ nhiệm, giới thiệu cán bộ ứng cử với 40 lượt cán bộ thuộc diện BTVTU quản lý") and the members sent
/// to training ("cử 179 đồng chí học cao cấp lý luận chính trị").
/// </summary>
public sealed record ReportCadres(DateOnly On, int Posts, int Seats, int Held, IReadOnlyList<YoungLeaders> YoungByLevel, int PlanAdded, int PlanRemoved,
    int Rounds, int CadresVoted, int LowMajority, CaseFigures Cases, TrainingFigures Training, IReadOnlyList<LocalSecretaries> SecretariesByLevel)
{
    public int Vacant => Math.Max(0, Seats - Held);

    /// <summary>Read from the records under the paths (the organization and those merged into it) for the period.</summary>
    public static async Task<ReportCadres> OfAsync(AppDbContext db, IReadOnlyList<string> paths, DateOnly from, DateOnly to, bool twoThirdsInclusive)
    {
        var posts = await db.Posts.AsNoTracking().Where(PathRange.WithinAny<Post>(p => p.OrgPath, paths)).Where(p => p.FromDate <= to && (p.ToDate == null || p.ToDate > to))
            .Join(db.Organizations.AsNoTracking(), p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, p.Seats, o.Type, p.KindCode, p.OrganizationId }).ToListAsync();
        var postIds = posts.Select(p => p.Id).ToList();
        var holders = await db.PostHoldings.AsNoTracking().Where(h => postIds.Contains(h.PostId) && h.FromDate <= to && (h.ToDate == null || h.ToDate > to))
            .Select(h => new { h.PostId, h.MemberId }).ToListAsync();
        var memberIds = holders.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Distinct().ToList();
        var people = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.DateOfBirth, m.HomeTown, m.Birthplace }).ToDictionaryAsync(m => m.Id);
        var births = people.ToDictionary(p => p.Key, p => p.Value.DateOfBirth);
        var typeOf = posts.ToDictionary(p => p.Id, p => p.Type);
        var young = holders.Where(h => h.MemberId != null && Level(typeOf[h.PostId]) is not null).GroupBy(h => typeOf[h.PostId]).OrderBy(g => g.Key)
            .Select(g =>
            {
                var people = g.Select(h => h.MemberId!.Value).Distinct().ToList();
                return new YoungLeaders(Level(g.Key)!, people.Count, people.Count(id => AgeBandRule.Age(births[id], to) < 40));
            }).ToList();

        var postOf = posts.ToDictionary(p => p.Id);
        var secretaryPosts = posts.Where(p => p.KindCode == "BI_THU" && Level(p.Type) is not null).ToList();
        var areas = await CadreRegister.AreasAsync(db, secretaryPosts.Select(p => p.OrganizationId).Distinct().ToList());
        var secretaries = holders.Where(h => h.MemberId != null && postOf[h.PostId].KindCode == "BI_THU" && Level(postOf[h.PostId].Type) is not null)
            .Select(h => (postOf[h.PostId].Type, Locality: LocalCadreRule.Of(people[h.MemberId!.Value].HomeTown, people[h.MemberId.Value].Birthplace, areas[postOf[h.PostId].OrganizationId])))
            .GroupBy(x => x.Type).OrderBy(g => g.Key)
            .Select(g => new LocalSecretaries(Level(g.Key)!, g.Count(), g.Count(x => x.Locality == Locality.NotLocal), g.Count(x => x.Locality == Locality.Unknown))).ToList();

        var entries = db.PlanEntries.AsNoTracking().Join(db.Posts.AsNoTracking().Where(PathRange.WithinAny<Post>(p => p.OrgPath, paths)), e => e.PostId, p => p.Id, (e, p) => e);
        var added = await entries.CountAsync(e => e.FromDate >= from && e.FromDate <= to);
        var removed = await entries.CountAsync(e => e.ToDate != null && e.ToDate >= from && e.ToDate <= to);
        var rounds = await db.ConfidenceRounds.AsNoTracking().Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .Join(db.Organizations.AsNoTracking().Where(PathRange.WithinAny<Organization>(o => o.Path, paths)), r => r.OrganizationId, o => o.Id, (r, o) => new { r.Id, r.BallotsReturned })
            .ToListAsync();
        var roundIds = rounds.Select(r => r.Id).ToList();
        var ballots = rounds.ToDictionary(r => r.Id, r => r.BallotsReturned);
        var results = await db.ConfidenceResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).Select(r => new { r.RoundId, r.Low }).ToListAsync();
        var cases = await CadreCases.FiguresAsync(db, db.AppointmentCases.AsNoTracking().Where(PathRange.WithinAny<AppointmentCase>(c => c.ManagingPath, paths)), from, to);
        var training = await CadreTraining.FiguresAsync(db, db.TrainingEnrolments.AsNoTracking().Where(PathRange.WithinAny<TrainingEnrolment>(e => e.OrgPath, paths)), from, to);
        return new ReportCadres(to, posts.Count, posts.Sum(p => p.Seats), holders.Count, young, added, removed, rounds.Count, results.Count,
            results.Count(r => ConfidenceConsequenceRule.Of(r.Low, ballots[r.RoundId], twoThirdsInclusive) != ConfidenceConsequence.None), cases, training, secretaries);
    }

    /// <summary>The level a post's organization stands at (the types are declared top down, so they order the levels too).</summary>
    private static string? Level(OrganizationType type) => type switch
    {
        OrganizationType.Provincial => "cấp tỉnh",
        OrganizationType.District => "cấp huyện",
        OrganizationType.Commune => "cấp xã",
        _ => null,
    };

    /// <summary>The section's sentences, each figure with the counts it rests on.</summary>
    public IReadOnlyList<string> Sentences(PercentRounding rounding)
    {
        var list = new List<string>
        {
            $"Đến ngày {VnFormat.Date(On)}: {VnFormat.Number(Posts)} chức danh lãnh đạo, quản lý với {VnFormat.Number(Seats)} vị trí; {VnFormat.Number(Held)} vị trí có người giữ, {VnFormat.Number(Vacant)} vị trí còn trống.",
        };
        if (YoungByLevel.Count > 0)
            list.Add("Cán bộ lãnh đạo, quản lý trẻ dưới 40 tuổi: " + string.Join("; ", YoungByLevel.Select(y =>
                $"{y.Level} {VnFormat.Percent(rounding.Percent(y.Young, y.Holders) ?? 0, rounding)} ({VnFormat.Number(y.Young)}/{VnFormat.Number(y.Holders)})")) + ".");
        if (SecretariesByLevel.Count > 0)
            list.Add("Bí thư cấp ủy không là người địa phương: " + string.Join("; ", SecretariesByLevel.Select(l =>
                $"{l.Level} {VnFormat.Number(l.NotLocal)}/{VnFormat.Number(l.Secretaries)}{(l.Unknown > 0 ? $" (chưa rõ quê quán {VnFormat.Number(l.Unknown)})" : "")}")) + ".");
        list.Add($"Quy hoạch cán bộ: bổ sung {VnFormat.Number(PlanAdded)} lượt, đưa ra khỏi quy hoạch {VnFormat.Number(PlanRemoved)} lượt trong kỳ.");
        list.Add(Rounds == 0 ? "Trong kỳ không tổ chức lấy phiếu tín nhiệm."
            : $"Lấy phiếu tín nhiệm {VnFormat.Number(Rounds)} lần với {VnFormat.Number(CadresVoted)} lượt cán bộ ({ConfidenceVotes.Source}); "
              + (LowMajority == 0 ? "chưa có trường hợp cán bộ tín nhiệm thấp thuộc diện phải điều chỉnh." : $"{VnFormat.Number(LowMajority)} trường hợp có trên 1/2 phiếu tín nhiệm thấp."));
        list.Add(Cases.Total == 0 ? "Trong kỳ không có quyết định bổ nhiệm, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm cán bộ."
            : $"Bổ nhiệm, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm: {VnFormat.Number(Cases.Total)} lượt cán bộ ("
              + string.Join("; ", Cases.ByKind.Select(k => $"{k.Label.ToLowerInvariant()} {VnFormat.Number(k.Count)}")) + "); "
              + string.Join("; ", Cases.ByManaging.Select(m => $"{VnFormat.Number(m.Count)} lượt thuộc d{m.Label[1..]}")) + ".");
        list.Add(Training.Sent == 0 ? "Trong kỳ không cử cán bộ đi đào tạo, bồi dưỡng."
            : $"Cử {VnFormat.Number(Training.Sent)} lượt đồng chí đi đào tạo, bồi dưỡng: " + string.Join("; ", Training.ByLevel.Select(l => $"{l.Label.ToLowerInvariant()} {VnFormat.Number(l.Count)}"))
              + (Training.Abroad > 0 ? $"; ở nước ngoài {VnFormat.Number(Training.Abroad)}" : "") + $"; đã hoàn thành {VnFormat.Number(Training.Completed)}.");
        return list;
    }

    /// <summary>The section's table rows: label and number.</summary>
    public IReadOnlyList<(string Label, long Value)> Rows() =>
    [
        ("Chức danh lãnh đạo, quản lý", Posts), ("Vị trí có người giữ", Held), ("Vị trí còn trống", Vacant),
        .. YoungByLevel.Select(y => ($"Cán bộ dưới 40 tuổi, {y.Level}", (long)y.Young)),
        .. SecretariesByLevel.Select(l => ($"Bí thư cấp ủy không là người địa phương, {l.Level}", (long)l.NotLocal)),
        ("Bổ sung quy hoạch (lượt)", PlanAdded), ("Đưa ra khỏi quy hoạch (lượt)", PlanRemoved),
        ("Lần lấy phiếu tín nhiệm", Rounds), ("Lượt cán bộ được lấy phiếu", CadresVoted), ("Trên 1/2 phiếu tín nhiệm thấp", LowMajority),
        ("Bổ nhiệm, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm (lượt)", Cases.Total),
        .. Cases.ByKind.Select(k => ($"– {k.Label}", (long)k.Count)),
        .. Cases.ByManaging.Select(m => ($"– {m.Label}", (long)m.Count)),
        ("Cử đi đào tạo, bồi dưỡng (lượt)", Training.Sent),
        .. Training.ByLevel.Select(l => ($"– {l.Label}", (long)l.Count)),
        ("Học ở nước ngoài (lượt)", Training.Abroad), ("Hoàn thành khóa học (lượt)", Training.Completed),
    ];
}
