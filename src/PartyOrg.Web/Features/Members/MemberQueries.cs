using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

public sealed record MemberListItem(int Id, string FullName, Gender Gender, DateOnly DateOfBirth, int OrganizationId, string OrganizationName, string? ParentOrganizationName, MemberStatus Status);

public sealed record MemberDetail(
    int Id, string FullName, Gender Gender, DateOnly DateOfBirth, string? Birthplace, string? HomeTown, string EthnicGroupCode,
    string Religion, string CitizenId, string? PermanentAddress, string? CurrentAddress, GeneralEducation GeneralEducation,
    ProfessionalDegree ProfessionalDegree, string? Profession, PoliticalTheory PoliticalTheory, DateOnly AdmittedOn, DateOnly? OfficialOn,
    string? CardNumber, int OrganizationId, string OrganizationName, string? ParentOrganizationName, MemberStatus Status,
    DateOnly? CeremonyOn, DateOnly? ReadmittedOn, int Version);

/// <summary>Member look-ups: by folded name prefix (full name or given name), CCCD or card number, within the scope.</summary>
public sealed class MemberQueries(AppDbContext db)
{
    public async Task<Page<MemberListItem>> SearchAsync(UserScope scope, string? q, int? org, int? page, int? pageSize, bool includeExited = false)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var query = scope.Filter(db.Members.AsNoTracking());
        if (!includeExited)
            query = query.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
        if (org is { } orgId)
        {
            var path = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync();
            if (path is null) return new Page<MemberListItem>([], 0, number, size);
            query = query.Where(PathRange.WithinAny<Member>(m => m.OrgPath, [path]));
        }
        query = Matching(query, q);
        var items = await query.OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Skip((number - 1) * size).Take(size)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id,
                (m, o) => new MemberListItem(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.OrganizationId, o.Name,
                    db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(), m.Status))
            .ToListAsync();
        // A first page that is not full already tells the total (the usual case for a CCCD or a full name).
        var total = number == 1 && items.Count < size ? items.Count : await query.CountAsync();
        return new Page<MemberListItem>(items, total, number, size);
    }

    /// <summary>Digits: a CCCD (12) or card number; otherwise a folded name prefix on the full or the given name.</summary>
    private static IQueryable<Member> Matching(IQueryable<Member> query, string? q)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return query;
        if (text.All(char.IsAsciiDigit))
            return text.Length == 12 ? query.Where(m => m.CitizenId == text) : query.Where(m => m.CardNumber == text);
        var folded = VnText.Fold(text);
        var byFullName = PathRange.StartsWith<Member>(m => m.SearchName, folded);
        var byGivenName = PathRange.StartsWith<Member>(m => m.SearchGiven, folded);
        // Union of two index ranges rather than one OR, so each side keeps its own index.
        return query.Where(byFullName).Union(query.Where(byGivenName));
    }

    public Task<MemberDetail?> GetAsync(UserScope scope, int id) =>
        scope.Filter(db.Members.AsNoTracking()).Where(m => m.Id == id)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new MemberDetail(
                m.Id, m.FullName, m.Gender, m.DateOfBirth, m.Birthplace, m.HomeTown, m.EthnicGroupCode, m.Religion, m.CitizenId,
                m.PermanentAddress, m.CurrentAddress, m.GeneralEducation, m.ProfessionalDegree, m.Profession, m.PoliticalTheory,
                m.AdmittedOn, m.OfficialOn, m.CardNumber, m.OrganizationId, o.Name,
                db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(), m.Status, m.CeremonyOn, m.ReadmittedOn, m.Version))
            .SingleOrDefaultAsync();

    /// <summary>Where the member was active, latest first.</summary>
    public async Task<IReadOnlyList<(MemberPlacement Placement, string OrganizationName)>> PlacementsAsync(int memberId)
    {
        var rows = await db.MemberPlacements.AsNoTracking().Where(p => p.MemberId == memberId)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p, o.Name })
            .OrderByDescending(x => x.p.FromDate).ToListAsync();
        return rows.Select(r => (r.p, r.Name)).ToList();
    }
}
