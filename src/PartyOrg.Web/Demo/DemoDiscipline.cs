using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Demo;

/// <summary>
/// Discipline in the demo province: for each year 2021–2025 about 4 members per thousand (the seeds' "2 tổ chức đảng, 314 đảng viên"
/// are a province-wide figure for a far larger membership), mostly khiển trách and cảnh cáo, a few cách chức and khai trừ; a cell
/// reprimanded in two of the years; and, dated from today so they never go stale, two decisions still in force and one held by a
/// pending complaint. The secretary's commune and its neighbour 80.25459 are left alone (pages and tests count their members).
/// </summary>
internal sealed class DemoDiscipline(AppDbContext db, DateOnly today)
{
    private const int PerThousand = 4;
    private readonly Random rng = new(1945);

    private static readonly string[] Violations =
    [
        "Vi phạm nguyên tắc tập trung dân chủ trong sinh hoạt chi bộ.",
        "Không thực hiện nhiệm vụ đảng viên, bỏ sinh hoạt chi bộ nhiều kỳ không có lý do.",
        "Vi phạm quy định về những điều đảng viên không được làm (kinh doanh trái quy định).",
        "Thiếu trách nhiệm trong quản lý đất đai ở địa phương, để xảy ra sai phạm.",
        "Vi phạm chính sách dân số và kế hoạch hóa gia đình.",
        "Vi phạm quy định về phòng, chống tham nhũng, lãng phí.",
    ];

    public async Task BuildAsync()
    {
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        // The secretary's commune and the one beside it that the pages' examples and tests work in keep their members as they are.
        var secretaryCommune = orgs.Values.Single(o => o.Code == DemoSeeder.SecretaryCellCode).ParentId;
        var quiet = orgs.Values.Where(o => o.Code is "80.25459" || o.Id == secretaryCommune).Select(o => o.Path).ToList();
        bool Quiet(Organization o) => quiet.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal));
        var busy = (await db.MemberDecisions.AsNoTracking().Select(d => d.MemberId).ToListAsync())
            .Concat(await db.MemberTransfers.AsNoTracking().Select(t => t.MemberId).ToListAsync()).ToHashSet();
        var candidates = (await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Official && m.OfficialOn != null)
                .Select(m => new { m.Id, m.OfficialOn, m.OrganizationId }).ToListAsync())
            .Where(m => !busy.Contains(m.Id) && !Quiet(orgs[m.OrganizationId])).ToList();
        var placements = (await db.MemberPlacements.AsNoTracking().ToListAsync()).ToLookup(p => p.MemberId);
        var used = new HashSet<int>();
        var serial = 0;

        Organization? Issuer(string path) => Organization.IdsOnPath(path).Reverse().Select(id => orgs[id]).FirstOrDefault(o => o.Type.MayDecideAdmission());

        DisciplineDecision? ForMember(DateOnly decided, DisciplineForm form)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var m = candidates[rng.Next(candidates.Count)];
                if (used.Contains(m.Id) || m.OfficialOn > decided) continue;
                var placement = placements[m.Id].FirstOrDefault(p => p.FromDate <= decided && (p.ToDate is null || decided < p.ToDate));
                if (placement is null || (form == DisciplineForm.Expulsion && placement.ToDate is not null)) continue;
                if (Issuer(placement.OrgPath) is not { } issuer || !issuer.IsActiveOn(decided)) continue;
                used.Add(m.Id);
                return new DisciplineDecision
                {
                    Subject = DisciplineSubject.Member, MemberId = m.Id, OrgPath = placement.OrgPath, Form = form, DecidedOn = decided,
                    AnnouncedOn = decided.AddDays(3 + rng.Next(12)), Number = $"{++serial}-QĐ/UBKT", IssuerOrganizationId = issuer.Id,
                    Violation = Violations[rng.Next(Violations.Length)], RecordedBy = AuditActor.SystemName,
                };
            }
            return null;
        }

        var decisions = new List<DisciplineDecision>();
        var active = candidates.Count;
        for (var year = 2021; year <= 2025 && year <= today.Year; year++)
        {
            var last = new DateOnly(year, 12, 31) < today.AddDays(-60) ? new DateOnly(year, 12, 31) : today.AddDays(-60);
            var first = new DateOnly(year, 1, 1);
            if (last < first) break;
            var count = Math.Max(2, active * PerThousand / 1000);
            for (var i = 0; i < count; i++)
            {
                var roll = rng.Next(100);
                var form = roll < 60 ? DisciplineForm.Reprimand : roll < 88 ? DisciplineForm.Warning : roll < 95 ? DisciplineForm.Removal : DisciplineForm.Expulsion;
                var decided = DateOnly.FromDayNumber(first.DayNumber + rng.Next(last.DayNumber - first.DayNumber + 1));
                if (ForMember(decided, form) is { } d) decisions.Add(d);
            }
        }
        // Still in force today, and one held by a complaint not yet decided.
        foreach (var (days, form) in new[] { (40, DisciplineForm.Reprimand), (100, DisciplineForm.Warning) })
            if (ForMember(today.AddDays(-days), form) is { } d) decisions.Add(d);
        if (ForMember(today.AddDays(-420), DisciplineForm.Warning) is { } held)
        {
            held.ComplaintFiledOn = held.AnnouncedOn.AddDays(20);
            decisions.Add(held);
        }
        // A cell reprimanded in 2023 and warned in 2024 (a new violation keeps the first in force until the second lapses).
        var cell = orgs.Values.Where(o => o.Type.IsCell() && o.EndedOn == null && !Quiet(o) && o.FoundedOn < new DateOnly(2023, 1, 1))
            .OrderBy(o => o.Code, StringComparer.Ordinal).Skip(7).FirstOrDefault();
        if (cell is not null && Issuer(cell.Path[..cell.Path.TrimEnd('/').LastIndexOf('/')] + "/") is { } above)
            foreach (var (decided, form) in new[] { (new DateOnly(2023, 5, 12), DisciplineForm.Reprimand), (new DateOnly(2024, 3, 20), DisciplineForm.Warning) })
                if (decided < today && above.IsActiveOn(decided))
                    decisions.Add(new DisciplineDecision
                    {
                        Subject = DisciplineSubject.Organization, OrganizationId = cell.Id, OrgPath = cell.Path, Form = form, DecidedOn = decided,
                        AnnouncedOn = decided.AddDays(5), Number = $"{++serial}-QĐ/UBKT", IssuerOrganizationId = above.Id,
                        Violation = "Buông lỏng lãnh đạo, để nhiều đảng viên vi phạm kéo dài.", RecordedBy = AuditActor.SystemName,
                    });
        db.DisciplineDecisions.AddRange(decisions);

        // Khai trừ is also an exit: the status follows and the placement closes on the date.
        var expelled = decisions.Where(d => d.Form == DisciplineForm.Expulsion).ToList();
        var ids = expelled.Select(d => d.MemberId!.Value).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        var open = await db.MemberPlacements.Where(p => ids.Contains(p.MemberId) && p.ToDate == null).ToListAsync();
        foreach (var d in expelled)
        {
            db.MemberDecisions.Add(new MemberDecision
            {
                MemberId = d.MemberId!.Value, Kind = DecisionKind.Expulsion, DecidedOn = d.DecidedOn, Number = d.Number,
                IssuerOrganizationId = d.IssuerOrganizationId, Reason = d.Violation, RecordedBy = AuditActor.SystemName,
            });
            members[d.MemberId.Value].Status = MemberStatus.Expelled;
            foreach (var p in open.Where(p => p.MemberId == d.MemberId)) p.ToDate = d.DecidedOn;
        }
        await db.SaveChangesAsync();
    }
}
