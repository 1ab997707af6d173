using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public sealed class ConfidenceInput
{
    public int? OrganizationId { get; set; }
    public string? HeldOn { get; set; }
    public int? Summoned { get; set; }
    public int? Present { get; set; }
    public int? BallotsReturned { get; set; }
    public List<ConfidenceCountInput> Results { get; set; } = [];
}

public sealed class ConfidenceCountInput
{
    public int? MemberId { get; set; }
    public int? High { get; set; }
    public int? Medium { get; set; }
    public int? Low { get; set; }
}

public sealed record ConfidenceResultView(int MemberId, string Name, IReadOnlyList<string> Posts, int High, int Medium, int Low,
    decimal? HighPercent, decimal? MediumPercent, decimal? LowPercent, ConfidenceConsequence Consequence, string ConsequenceLabel);

public sealed record ConfidenceRoundView(int Id, int OrganizationId, string OrganizationName, DateOnly HeldOn, int Summoned, int Present, int BallotsReturned,
    IReadOnlyList<ConfidenceResultView> Results, string Note);

public sealed record VoteCandidate(int MemberId, string Name, IReadOnlyList<string> Posts);

/// <summary>A cadre's result in one round, for their page.</summary>
public sealed record MemberVote(int RoundId, DateOnly HeldOn, string OrganizationName, int BallotsReturned, int High, int Medium, int Low, decimal? LowPercent,
    ConfidenceConsequence Consequence, string ConsequenceLabel);

/// <summary>
/// Confidence votes (issue: cadre work, section 4): a round per organization with the holders of its posts on the day, valid only
/// with two thirds present; each cadre's counts, the percentages over the ballots returned, and the consequences by QĐ 96-QĐ/TW,
/// which land on the plans in the same transaction: more than half "low" takes the cadre out of every plan entry in force.
/// </summary>
public sealed class ConfidenceRounds(AppDbContext db, OrganizationQueries organizations, Calendar calendar, CadreSettings settings, PercentRounding rounding)
{
    public const int MostResults = 500;

    public string Note => $"Tỷ lệ tính trên số phiếu thu về. Ngưỡng 2/3 {(settings.LowConfidenceTwoThirdsInclusive ? "tính cả đúng 2/3" : "không tính đúng 2/3")} (thiết lập Cadres:LowConfidenceTwoThirdsInclusive; văn bản chưa đọc được). {ConfidenceVotes.Source}.";

    public async Task<IReadOnlyList<ConfidenceRoundView>?> ListAsync(UserScope scope, int? orgId)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var org = await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return null;
        var rounds = await scope.FilterByPath(db.ConfidenceRounds.AsNoTracking(), r => r.ManagingPath).Where(r => r.OrganizationId == org.Id)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).ToListAsync();
        return await ViewsAsync(rounds);
    }

    public async Task<ConfidenceRoundView?> GetAsync(UserScope scope, int id)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var round = await scope.FilterByPath(db.ConfidenceRounds.AsNoTracking(), r => r.ManagingPath).SingleOrDefaultAsync(r => r.Id == id);
        return round is null ? null : (await ViewsAsync([round]))[0];
    }

    /// <summary>The rounds with their results, read together: one query each for the results, the posts held and the names.</summary>
    private async Task<List<ConfidenceRoundView>> ViewsAsync(List<ConfidenceRound> rounds)
    {
        if (rounds.Count == 0) return [];
        var ids = rounds.Select(r => r.Id).ToList();
        var results = (await db.ConfidenceResults.AsNoTracking().Where(x => ids.Contains(x.RoundId)).ToListAsync()).ToLookup(x => x.RoundId);
        var orgIds = rounds.Select(r => r.OrganizationId).Distinct().ToList();
        var held = await HeldPostsAsync(orgIds, rounds.Min(r => r.HeldOn), rounds.Max(r => r.HeldOn));
        var memberIds = results.SelectMany(g => g).Select(x => x.MemberId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName);
        var orgNames = await OrganizationNames.OfAsync(db, orgIds);
        return rounds.Select(r =>
        {
            var candidates = Candidates(held, r.OrganizationId, r.HeldOn).ToDictionary(c => c.MemberId);
            return new ConfidenceRoundView(r.Id, r.OrganizationId, orgNames.GetValueOrDefault(r.OrganizationId, ""), r.HeldOn, r.Summoned, r.Present, r.BallotsReturned,
                results[r.Id].OrderBy(x => candidates.ContainsKey(x.MemberId) ? 0 : 1).ThenBy(x => x.Id).Select(x =>
                {
                    var consequence = ConfidenceConsequenceRule.Of(x.Low, r.BallotsReturned, settings.LowConfidenceTwoThirdsInclusive);
                    return new ConfidenceResultView(x.MemberId, names.GetValueOrDefault(x.MemberId, ""), candidates.TryGetValue(x.MemberId, out var c) ? c.Posts : [],
                        x.High, x.Medium, x.Low, rounding.Percent(x.High, r.BallotsReturned), rounding.Percent(x.Medium, r.BallotsReturned), rounding.Percent(x.Low, r.BallotsReturned),
                        consequence, ConfidenceConsequenceRule.Label(consequence));
                }).ToList(), Note);
        }).ToList();
    }

    private sealed record HeldPost(int OrganizationId, int MemberId, string Title, int Order, string FullName, DateOnly From, DateOnly? To);

    /// <summary>The posts of the organizations held by members on some day of [from, to].</summary>
    private Task<List<HeldPost>> HeldPostsAsync(IReadOnlyCollection<int> organizationIds, DateOnly from, DateOnly to) =>
        db.PostHoldings.AsNoTracking().Where(h => h.MemberId != null && h.FromDate <= to && (h.ToDate == null || h.ToDate > from))
            .Join(db.Posts.AsNoTracking().Where(p => organizationIds.Contains(p.OrganizationId)), h => h.PostId, p => p.Id,
                (h, p) => new { MemberId = h.MemberId!.Value, p.OrganizationId, p.Title, p.KindCode, h.FromDate, h.ToDate })
            .Join(db.PostKinds.AsNoTracking(), x => x.KindCode, k => k.Code, (x, k) => new { x, k.Order })
            .Join(db.Members.AsNoTracking(), y => y.x.MemberId, m => m.Id, (y, m) => new HeldPost(y.x.OrganizationId, y.x.MemberId, y.x.Title, y.Order, m.FullName, y.x.FromDate, y.x.ToDate))
            .ToListAsync();

    /// <summary>Those holding a post of the organization on the day, each with their posts, the highest first.</summary>
    private static List<VoteCandidate> Candidates(IEnumerable<HeldPost> held, int organizationId, DateOnly on) =>
        held.Where(r => r.OrganizationId == organizationId && r.From <= on && (r.To == null || r.To > on)).GroupBy(r => r.MemberId)
            .OrderBy(g => g.Min(r => r.Order)).ThenBy(g => g.First().FullName)
            .Select(g => new VoteCandidate(g.Key, g.First().FullName, g.OrderBy(r => r.Order).Select(r => r.Title).ToList())).ToList();

    /// <summary>Who is voted on: the members holding a post of the organization on the day (elected or appointed), each with their posts.</summary>
    public async Task<IReadOnlyList<VoteCandidate>> CandidatesAsync(int organizationId, DateOnly on) =>
        Candidates(await HeldPostsAsync([organizationId], on, on), organizationId, on);

    /// <summary>A round and every cadre's counts, all checked, written at once with their consequences on the plans.</summary>
    public async Task<Outcome<ConfidenceRound>> RecordAsync(UserScope scope, ConfidenceInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<ConfidenceRound>.NotFound();
        var org = input.OrganizationId is { } oid ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == oid) : null;
        if (org is null) return Outcome<ConfidenceRound>.NotFound();
        var managing = await CadreRegister.ManagingPathAsync(db, org);
        if (!scope.CanWriteAt(managing)) return Outcome<ConfidenceRound>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, f => f switch { "heldOn" => "Ngày lấy phiếu", _ => f });
        var heldOn = p.Date("heldOn", input.HeldOn, required: true);
        if (heldOn > calendar.Today) errors.Add(new("heldOn", "Ngày lấy phiếu: không được sau ngày hôm nay."));
        if (heldOn < ConfidenceVotes.InForceFrom) errors.Add(new("heldOn", $"Ngày lấy phiếu: hệ thống ghi các lần lấy phiếu theo {ConfidenceVotes.Source} (từ ngày {VnFormat.Date(ConfidenceVotes.InForceFrom)})."));
        int summoned = input.Summoned ?? 0, present = input.Present ?? -1, ballots = input.BallotsReturned ?? -1;
        if (summoned is < 1 or > 100_000) errors.Add(new("summoned", "Số được triệu tập: từ 1 đến 100.000."));
        if (present < 0 || present > summoned) errors.Add(new("present", "Số có mặt: từ 0 đến số được triệu tập."));
        else if (ConfidenceQuorumRule.Check("present", summoned, present) is { } quorum) errors.Add(quorum);
        if (ballots < 0 || ballots > Math.Max(present, 0)) errors.Add(new("ballotsReturned", "Số phiếu thu về: từ 0 đến số có mặt."));
        // A round votes on the holders of one organization's posts: a few dozen at most, so a longer list is refused before it is read.
        input.Results ??= [];
        if (input.Results.Count == 0 || input.Results.Any(r => r is null)) errors.Add(new("results", "Kết quả: phải ghi số phiếu của ít nhất một cán bộ, mỗi dòng một cán bộ."));
        else if (input.Results.Count > MostResults) errors.Add(new("results", $"Kết quả: nhiều nhất {VnFormat.Number(MostResults)} cán bộ trong một lần lấy phiếu."));
        if (errors.Count > 0 || heldOn is not { } on) return Outcome<ConfidenceRound>.Invalid(errors);

        if (await db.ConfidenceRounds.AnyAsync(r => r.OrganizationId == org.Id && r.HeldOn == on)) return Outcome<ConfidenceRound>.Invalid([SameDay(org, on)]);
        var candidates = (await CandidatesAsync(org.Id, on)).ToDictionary(c => c.MemberId);
        var ids = input.Results.Select(r => r.MemberId ?? 0).ToList();
        var year = (new DateOnly(on.Year, 1, 1), new DateOnly(on.Year, 12, 31));
        var places = (await db.ConfidenceResults.AsNoTracking().Where(r => ids.Contains(r.MemberId))
            .Join(db.ConfidenceRounds.AsNoTracking().Where(r => r.HeldOn >= year.Item1 && r.HeldOn <= year.Item2), r => r.RoundId, r => r.Id, (x, r) => new { x.MemberId, r.OrganizationId })
            .ToListAsync()).ToLookup(x => x.MemberId);
        for (var i = 0; i < input.Results.Count; i++)
        {
            var r = input.Results[i];
            var field = $"results[{i}]";
            if (r.MemberId is not { } mid || !candidates.TryGetValue(mid, out var who))
            {
                errors.Add(new(field, $"Kết quả dòng {i + 1}: người này không giữ chức danh nào của \"{org.Name}\" ngày {VnFormat.Date(on)}; chỉ lấy phiếu với người giữ chức danh."));
                continue;
            }
            if (ids.Count(x => x == mid) > 1) errors.Add(new(field, $"Kết quả dòng {i + 1}: đồng chí {who.Name} được ghi hai lần."));
            if (ConfidenceBallotRule.CheckCounts(field, r.High ?? 0, r.Medium ?? 0, r.Low ?? 0, ballots, who.Name) is { } counts) errors.Add(counts);
            if (ConfidenceBallotRule.CheckPlaces(field, places[mid].Select(x => x.OrganizationId).Distinct().Count(o => o != org.Id), on.Year, who.Name) is { } many)
                errors.Add(many);
        }
        if (errors.Count > 0) return Outcome<ConfidenceRound>.Invalid(errors.DistinctBy(e => e.Message).ToList());

        await using var tx = await db.Database.BeginTransactionAsync();
        var round = new ConfidenceRound { OrganizationId = org.Id, ManagingPath = managing, HeldOn = on, Summoned = summoned, Present = present, BallotsReturned = ballots, RecordedBy = scope.UserName };
        db.ConfidenceRounds.Add(round);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { return Outcome<ConfidenceRound>.Invalid([SameDay(org, on)]); }
        foreach (var r in input.Results)
        {
            db.ConfidenceResults.Add(new ConfidenceResult { RoundId = round.Id, MemberId = r.MemberId!.Value, ManagingPath = managing, High = r.High ?? 0, Medium = r.Medium ?? 0, Low = r.Low ?? 0 });
            var consequence = ConfidenceConsequenceRule.Of(r.Low ?? 0, ballots, settings.LowConfidenceTwoThirdsInclusive);
            if (consequence == ConfidenceConsequence.None) continue;
            // Out of planning for higher posts: every entry in force that day ends on it (or the day after one starting that day).
            // Entries still open: one already given an end keeps the removal it records.
            var entries = await db.PlanEntries.Where(e => e.MemberId == r.MemberId && e.FromDate <= on && e.ToDate == null).ToListAsync();
            foreach (var e in entries)
                (e.ToDate, e.RemovalReason, e.RemovalDecision) = (on > e.FromDate ? on : e.FromDate.AddDays(1), ConfidenceConsequenceRule.Label(consequence), $"Lấy phiếu {VnFormat.Date(on)}");
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<ConfidenceRound>.Ok(round);
    }

    private static FieldError SameDay(Data.Organization org, DateOnly on) =>
        new("heldOn", $"Ngày lấy phiếu: \"{org.Name}\" đã ghi một lần lấy phiếu ngày {VnFormat.Date(on)}.");

    /// <summary>A member's results in the rounds the user may see, latest first (the consequences shown on the cadre's page).</summary>
    public async Task<IReadOnlyList<MemberVote>> OfMemberAsync(UserScope scope, int memberId)
    {
        if (!CadreRegister.SeesCadres(scope)) return [];
        var rows = await scope.FilterByPath(db.ConfidenceResults.AsNoTracking(), r => r.ManagingPath).Where(r => r.MemberId == memberId)
            .Join(db.ConfidenceRounds.AsNoTracking(), x => x.RoundId, r => r.Id, (x, r) => new { x.RoundId, r.HeldOn, r.OrganizationId, r.BallotsReturned, x.High, x.Medium, x.Low })
            .ToListAsync();
        var names = await OrganizationNames.OfAsync(db, rows.Select(r => r.OrganizationId));
        return rows.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RoundId).Select(r =>
        {
            var consequence = ConfidenceConsequenceRule.Of(r.Low, r.BallotsReturned, settings.LowConfidenceTwoThirdsInclusive);
            return new MemberVote(r.RoundId, r.HeldOn, names.GetValueOrDefault(r.OrganizationId, ""), r.BallotsReturned, r.High, r.Medium, r.Low,
                rounding.Percent(r.Low, r.BallotsReturned), consequence, ConfidenceConsequenceRule.Label(consequence));
        }).ToList();
    }

    /// <summary>
    /// Cadres of the rounds held under the path in the period whose low votes carry a consequence (out of planning, dismissal to
    /// consider), for the worklist. The share is compared in memory: the threshold setting is the rule's, not the database's.
    /// </summary>
    public async Task<int> LowMajoritiesAsync(UserScope scope, string path, DateOnly from, DateOnly to)
    {
        var rows = await scope.FilterByPath(db.ConfidenceRounds.AsNoTracking(), r => r.ManagingPath).Where(PathRange.WithinAny<ConfidenceRound>(r => r.ManagingPath, [path]))
            .Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .Join(db.ConfidenceResults.AsNoTracking().Where(x => x.Low > 0), r => r.Id, x => x.RoundId, (r, x) => new { x.Low, r.BallotsReturned }).ToListAsync();
        return rows.Count(x => ConfidenceConsequenceRule.Of(x.Low, x.BallotsReturned, settings.LowConfidenceTwoThirdsInclusive) != ConfidenceConsequence.None);
    }

    /// <summary>The cadre's latest result up to the day, when it bars planning (more than half "low"); null otherwise.</summary>
    public static async Task<string?> PlanningBarAsync(AppDbContext db, int memberId, DateOnly on, bool twoThirdsInclusive)
    {
        var latest = await db.ConfidenceResults.AsNoTracking().Where(r => r.MemberId == memberId)
            .Join(db.ConfidenceRounds.AsNoTracking().Where(r => r.HeldOn <= on), x => x.RoundId, r => r.Id, (x, r) => new { x.Low, r.BallotsReturned, r.HeldOn, r.Id })
            .OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id).FirstOrDefaultAsync();
        return latest is not null && ConfidenceConsequenceRule.Of(latest.Low, latest.BallotsReturned, twoThirdsInclusive) != ConfidenceConsequence.None
            ? $"có trên 1/2 phiếu tín nhiệm thấp khi lấy phiếu ngày {VnFormat.Date(latest.HeldOn)}: không quy hoạch chức vụ cao hơn ({ConfidenceVotes.Source})"
            : null;
    }
}
