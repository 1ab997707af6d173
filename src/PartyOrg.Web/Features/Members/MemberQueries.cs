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

/// <summary>
/// What a member list asks for: search text, subtree, status ("active" by default, "all", or one status), gender, an age
/// band in full years today, and a whitelisted order. Unknown values are refused with a Vietnamese message per field.
/// </summary>
public sealed record MemberListQuery(
    string? Q = null, int? Org = null, string? Status = null, string? Gender = null, int? AgeFrom = null, int? AgeTo = null, string? Sort = null)
{
    public const string Active = "active";
    public const string All = "all";
    public const int MaxAge = 150;
    public static readonly string[] SortKeys = ["name", "birth", "cell"];

    public IReadOnlyList<FieldError> Check(out ParsedMemberListQuery parsed)
    {
        var errors = new List<FieldError>();
        MemberStatus? status = null;
        var statusText = (Status ?? "").Trim();
        var allStatuses = statusText.Equals(All, StringComparison.OrdinalIgnoreCase);
        if (statusText.Length > 0 && !allStatuses && !statusText.Equals(Active, StringComparison.OrdinalIgnoreCase))
        {
            if (IsName(statusText) && Enum.TryParse<MemberStatus>(statusText, true, out var s)) status = s;
            else errors.Add(new("status", $"Tình trạng: chỉ nhận {Active}, {All} hoặc {string.Join(", ", Enum.GetNames<MemberStatus>())}."));
        }
        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(Gender))
        {
            if (IsName(Gender.Trim()) && Enum.TryParse<Gender>(Gender.Trim(), true, out var g)) gender = g;
            else errors.Add(new("gender", "Giới tính: chỉ nhận Male hoặc Female."));
        }
        if (AgeFrom is < 0 or > MaxAge) errors.Add(new("ageFrom", $"Tuổi từ: phải từ 0 đến {MaxAge}."));
        if (AgeTo is < 0 or > MaxAge) errors.Add(new("ageTo", $"Tuổi đến: phải từ 0 đến {MaxAge}."));
        if (AgeFrom is { } from && AgeTo is { } to && from > to) errors.Add(new("ageTo", "Tuổi đến: không được nhỏ hơn tuổi từ."));
        if (!SortOrder.TryParse(Sort, SortKeys, "name", out var order)) errors.Add(new(SortOrder.Field, SortOrder.Refused(SortKeys)));
        parsed = new ParsedMemberListQuery(Q, Org, status, allStatuses, gender, AgeFrom, AgeTo, order);
        return errors;
    }

    // Enum.TryParse also takes "1" or "1,2"; only names are accepted here.
    private static bool IsName(string text) => text.All(char.IsAsciiLetter);
}

public sealed record ParsedMemberListQuery(
    string? Q, int? Org, MemberStatus? Status, bool AllStatuses, Gender? Gender, int? AgeFrom, int? AgeTo, SortOrder Order);

/// <summary>Member look-ups: any words of the name in order, CCCD or card number, with filters and an order, within the scope.</summary>
public sealed class MemberQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The plain search: active members (every member with <paramref name="includeExited"/>) in name order.</summary>
    public Task<Page<MemberListItem>> SearchAsync(UserScope scope, string? q, int? org, int? page, int? pageSize, bool includeExited = false)
    {
        new MemberListQuery(q, org, includeExited ? MemberListQuery.All : null).Check(out var parsed);
        return ListAsync(scope, parsed, page, pageSize);
    }

    /// <summary>A search by name counts its matches up to this many, then says "more than": typing more words narrows it.</summary>
    public const int NameMatchCountCap = 1000;

    public async Task<Page<MemberListItem>> ListAsync(UserScope scope, ParsedMemberListQuery list, int? page, int? pageSize)
    {
        if (await FilteredAsync(scope, list) is not var (query, ordered, byName))
            return new Page<MemberListItem>([], 0, Paging.Normalize(page, pageSize).Page, Paging.Normalize(page, pageSize).Size);
        return await ordered.ToPageAsync(query, page, pageSize, Project, byName ? NameMatchCountCap : null);
    }

    /// <summary>
    /// The list's members, filtered, scoped and ordered exactly as the page lists them (every status filter, the search, the
    /// age band), as a query to project further (the import-format export); null when the organization asked is outside the scope.
    /// </summary>
    public async Task<IQueryable<Member>?> OrderedAsync(UserScope scope, ParsedMemberListQuery list) =>
        await FilteredAsync(scope, list) is var (_, ordered, _) ? ordered : null;

    private IQueryable<MemberListItem> Project(IQueryable<Member> rows) => rows
        .Join(db.Organizations, m => m.OrganizationId, o => o.Id,
            (m, o) => new MemberListItem(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.OrganizationId, o.Name,
                db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(), m.Status));

    /// <summary>
    /// The list's filters and order; null when the organization asked is outside the scope. ByName: the list is a search by
    /// words of the name, whose count is capped.
    /// </summary>
    private async Task<(IQueryable<Member> Query, IQueryable<Member> Ordered, bool ByName)?> FilteredAsync(UserScope scope, ParsedMemberListQuery list)
    {
        var query = scope.Filter(db.Members.AsNoTracking());
        string? orgPath = null;
        if (list.Org is { } orgId)
        {
            orgPath = await scope.Filter(db.Organizations.AsNoTracking()).Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync();
            if (orgPath is null) return null;
            query = query.Where(PathRange.WithinAny<Member>(m => m.OrgPath, [orgPath]));
        }
        if (list.Status is { } status) query = query.Where(m => m.Status == status);
        else if (!list.AllStatuses) query = query.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
        if (list.Gender is { } gender) query = query.Where(m => m.Gender == gender);
        // Age in full years today: at least A means born on or before today − A years; at most B means born after today − (B+1) years.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (list.AgeFrom is { } from)
        {
            var bornBy = today.AddYears(-from);
            query = query.Where(m => m.DateOfBirth <= bornBy);
        }
        if (list.AgeTo is { } to)
        {
            var bornAfter = today.AddYears(-(to + 1));
            query = query.Where(m => m.DateOfBirth > bornAfter);
        }
        // Digits: a CCCD (12) or a card number. Otherwise words of the name.
        var text = (list.Q ?? "").Trim();
        var byName = text.Length > 0 && !text.All(char.IsAsciiDigit);
        if (text.Length > 0 && !byName)
            query = text.Length == 12 ? query.Where(m => m.CitizenId == text) : query.Where(m => m.CardNumber == text);
        if (byName)
        {
            var matches = NameMatches(scope, query, VnText.Fold(text), orgPath);
            if (list.Order.Key == "name")
                return (matches.Select(x => x.Member), list.Order.Descending
                    ? matches.OrderByDescending(x => x.Key.Key).ThenByDescending(x => x.Key.SortKey).ThenByDescending(x => x.Key.MemberId).Select(x => x.Member)
                    : matches.OrderBy(x => x.Key.Key).ThenBy(x => x.Key.SortKey).ThenBy(x => x.Key.MemberId).Select(x => x.Member), true);
            query = matches.Select(x => x.Member);
        }
        IQueryable<Member> ordered = (list.Order.Key, list.Order.Descending) switch
        {
            ("birth", false) => query.OrderBy(m => m.DateOfBirth).ThenBy(m => m.Id),
            ("birth", true) => query.OrderByDescending(m => m.DateOfBirth).ThenByDescending(m => m.Id),
            ("cell", false) => query.OrderBy(m => m.OrgPath).ThenBy(m => m.SortKey).ThenBy(m => m.Id),
            ("cell", true) => query.OrderByDescending(m => m.OrgPath).ThenByDescending(m => m.SortKey).ThenByDescending(m => m.Id),
            (_, true) => query.OrderByDescending(m => m.SortKey).ThenByDescending(m => m.Id),
            _ => query.OrderBy(m => m.SortKey).ThenBy(m => m.Id),
        };
        return (query, ordered, byName);
    }

    // Settable properties, not a constructor: the database orders by them after the projection.
    private sealed class NameMatch
    {
        public required MemberNameKey Key { get; init; }
        public required Member Member { get; init; }
    }

    /// <summary>
    /// The folded words in order from a word boundary, the last one possibly cut short: a prefix range over the name's
    /// word-suffixes ("van anh" finds "Nguyễn Văn Anh"), filtered by scope in the same index. In name order a search lists by the
    /// matched words, then by name: names that are exactly the words come first, and the first page is read off the
    /// (Key, SortKey) index however many names match.
    /// </summary>
    private IQueryable<NameMatch> NameMatches(UserScope scope, IQueryable<Member> members, string folded, string? orgPath)
    {
        var inRange = PathRange.StartsWith<MemberNameKey>(k => k.Key, folded);
        var keys = db.MemberNameKeys.AsNoTracking().Where(inRange);
        if (orgPath is not null) keys = keys.Where(PathRange.WithinAny<MemberNameKey>(k => k.OrgPath, [orgPath]));
        else if (!scope.IsAdmin && scope.Prefixes.Count > 0) keys = keys.Where(PathRange.WithinAny<MemberNameKey>(k => k.OrgPath, scope.Prefixes));
        // A name repeating the words ("Thu Thủy" for "thu") matches on two suffixes: the longer one stands for the member. The
        // member's few keys are read by its id; the prefix is compared on them, not as a range the planner might scan instead.
        var length = folded.Length;
        keys = keys.Where(k => !db.MemberNameKeys.Any(l => l.MemberId == k.MemberId && l.Key.Length > k.Key.Length && l.Key.Substring(0, length) == folded));
        // The list's filters as a test on each key's member, not as a join: the keys' index leads (SQLite would otherwise start
        // from every member of the scope), and the member is read for the page only.
        keys = keys.Where(k => members.Any(m => m.Id == k.MemberId));
        return keys.Join(db.Members.AsNoTracking(), k => k.MemberId, m => m.Id, (k, m) => new NameMatch { Key = k, Member = m });
    }

    /// <summary>The organizations directly under one (or the tops of the scope): the list's cell filter, one level at a time.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SubOrganizationsAsync(UserScope scope, Organization? parent)
    {
        var query = scope.Filter(db.Organizations.AsNoTracking()).Where(o => o.EndedOn == null);
        query = parent is null
            ? scope.IsAdmin ? query.Where(o => o.ParentId == null) : query.Where(o => o.Id == scope.RootOrganizationId)
            : query.Where(o => o.ParentId == parent.Id);
        var rows = await query.Select(o => new { o.Id, o.Name }).Take(500).ToListAsync();
        return rows.OrderBy(o => VnText.CollationKey(o.Name), StringComparer.Ordinal).Select(o => (o.Id, o.Name)).ToList();
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
