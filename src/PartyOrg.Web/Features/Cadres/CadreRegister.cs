using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Statistics;

namespace PartyOrg.Web.Features.Cadres;

/// <summary>
/// The numbers the appointment rules need and the text does not give (REGULATIONS.md §18): <c>Cadres:AppointmentTermYears</c>
/// (default 5) and <c>Cadres:ReappointmentNoticeDays</c> (default 90), see <see cref="AppointmentTermRule"/>; <c>Cadres:MinimumMonthsInPost</c>
/// (default 24), see <see cref="TimeInPostRule"/>.
/// </summary>
public sealed record CadreSettings(int AppointmentTermYears, int ReappointmentNoticeDays, int RetirementAgeMen = 62, int RetirementAgeWomen = 60,
    decimal WomenTargetPercent = 25, decimal YoungTargetPercent = 15, bool LowConfidenceTwoThirdsInclusive = true, int MinimumMonthsInPost = 24)
{
    public static CadreSettings From(IConfiguration config)
    {
        int Read(string name, int fallback, int min, int max)
        {
            var value = config.GetValue<int?>($"Cadres:{name}") ?? fallback;
            return value >= min && value <= max ? value : throw new InvalidOperationException($"Cadres:{name} \"{value}\" phải từ {min} đến {max}.");
        }
        return new(Read("AppointmentTermYears", 5, 1, 10), Read("ReappointmentNoticeDays", 90, 0, 365), Read("RetirementAgeMen", 62, 50, 75),
            Read("RetirementAgeWomen", 60, 50, 75), Read("WomenTargetPercent", 25, 0, 100), Read("YoungTargetPercent", 15, 0, 100),
            config.GetValue<bool?>("Cadres:LowConfidenceTwoThirdsInclusive") ?? true, Read("MinimumMonthsInPost", 24, 0, 120));
    }

    /// <summary>The retirement age of a man or a woman, by the settings.</summary>
    public int RetirementAge(PartyOrg.Domain.Members.Gender gender) => gender == PartyOrg.Domain.Members.Gender.Female ? RetirementAgeWomen : RetirementAgeMen;

    public string Label =>
        $"Thời hạn bổ nhiệm {AppointmentTermYears} năm, đến hạn xem xét bổ nhiệm lại trước {ReappointmentNoticeDays} ngày (thiết lập Cadres:AppointmentTermYears, Cadres:ReappointmentNoticeDays; Quy định 377-QĐ/TW chưa tìm thấy điều khoản này).";
}

public sealed class PostInput
{
    public int? OrganizationId { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public int? Seats { get; set; }
    public int? ManagingOrganizationId { get; set; }
    public string? FromDate { get; set; }
}

public sealed class HoldingInput
{
    public int? PostId { get; set; }
    public int? MemberId { get; set; }
    public string? OutsideName { get; set; }
    public string? FromDate { get; set; }
    public string? Basis { get; set; }
    public string? DecisionNumber { get; set; }
    public string? DecidedOn { get; set; }
    public int? TermFrom { get; set; }
    public int? TermTo { get; set; }
}

public sealed class HoldingEndInput
{
    public string? ToDate { get; set; }
    public string? Reason { get; set; }
}

public static class CadreFields
{
    public const string Organization = "organizationId", Kind = "kind", Title = "title", Seats = "seats", Managing = "managingOrganizationId",
        FromDate = "fromDate", Post = "postId", Member = "memberId", OutsideName = "outsideName", Basis = "basis", DecisionNumber = "decisionNumber",
        DecidedOn = "decidedOn", TermFrom = "termFrom", TermTo = "termTo", ToDate = "toDate", Reason = "reason", ApprovedOn = "approvedOn";

    public static string Label(string field) => field switch
    {
        Organization => "Tổ chức",
        Kind => "Loại chức danh",
        Title => "Tên chức danh",
        Seats => "Số người giữ",
        Managing => "Diện quản lý",
        FromDate => "Từ ngày",
        Post => "Chức danh",
        Member => "Đảng viên",
        OutsideName => "Người ngoài hồ sơ đảng viên",
        Basis => "Hình thức",
        DecisionNumber => "Số quyết định",
        DecidedOn => "Ngày quyết định",
        ApprovedOn => "Ngày phê duyệt",
        TermFrom => "Nhiệm kỳ từ năm",
        TermTo => "Nhiệm kỳ đến năm",
        ToDate => "Thôi giữ chức danh từ ngày",
        Reason => "Lý do",
        _ => field,
    };
}

public sealed record HolderView(int Id, int? MemberId, string Name, bool InRegister, DateOnly FromDate, DateOnly? ToDate, HoldingBasis Basis, string BasisLabel,
    string DecisionNumber, DateOnly DecidedOn, string? Term, DateOnly? AppointmentLastDay, string? EndReason, Locality Locality, string LocalityLabel, int Version);

public sealed record PostView(int Id, int OrganizationId, string OrganizationName, string KindCode, string KindName, PostBody Body, string BodyLabel, string Title,
    int Seats, int ManagingOrganizationId, string ManagingName, DateOnly FromDate, DateOnly? ToDate, IReadOnlyList<HolderView> Holders, int Vacancies, int Version);

public sealed record PostsOnDate(int OrganizationId, string OrganizationName, DateOnly Date, IReadOnlyList<OrganizationRefView> StoodInPlace,
    IReadOnlyList<PostView> Posts, int Seats, int Held, int Vacant, string TermNote, int Holders, IReadOnlyList<CompositionFigure> Composition);

public sealed record CareerItem(int HoldingId, int PostId, string Title, int OrganizationId, string OrganizationName, DateOnly FromDate, DateOnly? ToDate,
    HoldingBasis Basis, string BasisLabel, string DecisionNumber, DateOnly DecidedOn, string? Term, string? EndReason);

/// <summary>
/// Posts and who holds them (issue: cadre work, section 1). A post and its holders are seen and recorded by the commission whose
/// committee manages the post (its managing path in the user's scope) and by administrators; cell secretaries and members see none.
/// Everything reads on a date: the posts standing that day and the people holding them, and before an organization's founding the
/// posts of the organizations that then stood in its place.
/// </summary>
public sealed class CadreRegister(AppDbContext db, OrganizationQueries organizations, Standings standings, Calendar calendar, CadreSettings settings, PercentRounding rounding)
{
    public CadreSettings Settings => settings;

    public static bool SeesCadres(UserScope scope) => scope.IsAdmin || (scope.Role == Roles.Commission && scope.Prefixes.Count > 0);

    private static bool MayRecord(UserScope scope, string managingPath) => SeesCadres(scope) && scope.CanWriteAt(managingPath);

    /// <summary>
    /// Whose the organization's cadre records are (plans, confidence votes): the committee that manages its posts, or the
    /// organization itself while it has none.
    /// </summary>
    public static async Task<string> ManagingPathAsync(AppDbContext db, Data.Organization org) =>
        await db.Posts.AsNoTracking().Where(p => p.OrganizationId == org.Id).Select(p => p.ManagingPath).FirstOrDefaultAsync() ?? org.Path;

    private IQueryable<Post> VisiblePosts(UserScope scope) => scope.FilterByPath(db.Posts.AsNoTracking(), p => p.ManagingPath);

    public Task<List<PostKind>> KindsAsync() => db.PostKinds.AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Name).ToListAsync();

    /// <summary>The posts of an organization standing on the date with their holders then; null when not visible.</summary>
    public async Task<PostsOnDate?> OnDateAsync(UserScope scope, int? orgId, DateOnly date)
    {
        if (!SeesCadres(scope)) return null;
        var org = await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return null;
        IReadOnlyList<OrganizationRefView> stood = [];
        List<int> orgIds = [org.Id];
        if (date < org.FoundedOn)
        {
            var view = await organizations.ViewAsync(scope, org, date);
            stood = view.StoodInPlace.Select(v => new OrganizationRefView(v.Id, v.Name)).ToList();
            orgIds = stood.Select(s => s.Id).ToList();
        }
        var posts = await VisiblePosts(scope).Where(p => orgIds.Contains(p.OrganizationId) && p.FromDate <= date && (p.ToDate == null || p.ToDate > date)).ToListAsync();
        var (views, holders) = await ViewsAsync(posts, date);
        // The holders' composition (each person once, whatever the number of posts held), against the same targets as a plan.
        var composition = CadrePlans.CompositionOf(holders.Values.Select(m => (m.Gender, m.DateOfBirth, m.EthnicGroupCode)), 0, 0, date);
        return new PostsOnDate(org.Id, org.Name, date, stood, views, views.Sum(v => v.Seats), views.Sum(v => v.Holders.Count), views.Sum(v => v.Vacancies), settings.Label,
            holders.Count, CadrePlans.CompositionFigures(composition, settings, rounding));
    }

    public async Task<PostView?> GetPostAsync(UserScope scope, int id, DateOnly date)
    {
        if (!SeesCadres(scope)) return null;
        var post = await VisiblePosts(scope).SingleOrDefaultAsync(p => p.Id == id);
        return post is null ? null : (await ViewsAsync([post], date)).Views[0];
    }

    /// <summary>The posts with their holders on the date, and the holders' records (read once, for their locality and composition).</summary>
    private async Task<(List<PostView> Views, Dictionary<int, HolderRecord> Holders)> ViewsAsync(List<Post> posts, DateOnly date)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var holdings = (await db.PostHoldings.AsNoTracking().Where(h => ids.Contains(h.PostId) && h.FromDate <= date && (h.ToDate == null || h.ToDate > date))
            .ToListAsync()).ToLookup(h => h.PostId);
        var kinds = await db.PostKinds.AsNoTracking().ToDictionaryAsync(k => k.Code);
        var names = await OrganizationNames.OfAsync(db, posts.SelectMany(p => new[] { p.OrganizationId, p.ManagingOrganizationId }));
        var holders = await HoldersAsync(holdings.SelectMany(g => g).ToList());
        var areas = await AreasAsync(db, posts.Select(p => p.OrganizationId).Distinct().ToList());
        var views = posts.OrderBy(p => kinds[p.KindCode].Order).ThenBy(p => p.Title).ThenBy(p => p.Id).Select(p =>
        {
            var kind = kinds[p.KindCode];
            var held = holdings[p.Id].OrderBy(h => h.FromDate).ThenBy(h => h.Id).Select(h => Holder(h, holders, areas[p.OrganizationId])).ToList();
            return new PostView(p.Id, p.OrganizationId, names.GetValueOrDefault(p.OrganizationId, ""), p.KindCode, kind.Name, kind.Body, kind.Body.Label(), p.Title,
                p.Seats, p.ManagingOrganizationId, names.GetValueOrDefault(p.ManagingOrganizationId, ""), p.FromDate, p.ToDate, held, Math.Max(0, p.Seats - held.Count), p.Version);
        }).ToList();
        return (views, holders);
    }

    private sealed record HolderRecord(string FullName, string? HomeTown, string? Birthplace, PartyOrg.Domain.Members.Gender Gender, DateOnly DateOfBirth, string EthnicGroupCode);

    private async Task<Dictionary<int, HolderRecord>> HoldersAsync(List<PostHolding> holdings)
    {
        var memberIds = holdings.Where(h => h.MemberId != null).Select(h => h.MemberId!.Value).Distinct().ToList();
        return await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new HolderRecord(m.FullName, m.HomeTown, m.Birthplace, m.Gender, m.DateOfBirth, m.EthnicGroupCode));
    }

    /// <summary>
    /// The area of each organization's posts by the names on its path (<see cref="LocalCadreRule"/>): a commune's or district's own
    /// name within its province; a province's names, with those merged into it when it stands after the reform of 1/7/2025.
    /// </summary>
    public static async Task<Dictionary<int, CadreArea>> AreasAsync(AppDbContext db, IReadOnlyCollection<int> organizationIds)
    {
        var orgs = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).Select(o => new { o.Id, o.Path, o.Name, o.Type, o.ParentId }).ToListAsync();
        var onPaths = orgs.SelectMany(o => Data.Organization.IdsOnPath(o.Path)).Distinct().ToList();
        var provinces = await db.Organizations.AsNoTracking().Where(o => onPaths.Contains(o.Id) && o.Type == OrganizationType.Provincial)
            .Select(o => new { o.Id, o.Name, o.FoundedOn }).ToDictionaryAsync(o => o.Id);
        // The other districts and communes under the same parents: a hometown naming one of them is from elsewhere.
        var parents = orgs.Where(o => o.Type is OrganizationType.Commune or OrganizationType.District && o.ParentId != null).Select(o => o.ParentId!.Value).Distinct().ToList();
        var siblings = (await db.Organizations.AsNoTracking()
                .Where(o => o.ParentId != null && parents.Contains(o.ParentId.Value) && (o.Type == OrganizationType.Commune || o.Type == OrganizationType.District))
                .Select(o => new { o.Id, ParentId = o.ParentId!.Value, o.Name }).ToListAsync())
            .ToLookup(o => o.ParentId);
        return orgs.ToDictionary(o => o.Id, o =>
        {
            var province = Data.Organization.IdsOnPath(o.Path).Where(provinces.ContainsKey).Select(id => provinces[id]).FirstOrDefault();
            var provinceNames = province is null ? [] : LocalCadreRule.ProvinceNames(province.Name, province.FoundedOn >= OrganizationLife.Reform2025);
            if (o.Type is not (OrganizationType.Commune or OrganizationType.District)) return new CadreArea(provinceNames, provinceNames);
            var place = LocalCadreRule.PlaceName(o.Name);
            var neighbours = o.ParentId is { } parent
                ? siblings[parent].Where(x => x.Id != o.Id).Select(x => LocalCadreRule.PlaceName(x.Name)).OfType<string>().Where(n => n != place).Distinct().ToList()
                : [];
            return new CadreArea(place is null ? [] : [place], provinceNames, neighbours);
        });
    }

    private HolderView Holder(PostHolding h, Dictionary<int, HolderRecord> holders, CadreArea area)
    {
        var record = h.MemberId is { } m ? holders.GetValueOrDefault(m) : null;
        var locality = record is null ? Locality.Unknown : LocalCadreRule.Of(record.HomeTown, record.Birthplace, area);
        return new(h.Id, h.MemberId, record?.FullName ?? h.OutsideName ?? "", h.MemberId is not null, h.FromDate, h.ToDate, h.Basis, h.Basis.Label(),
            h.DecisionNumber, h.DecidedOn, Term(h), h.Basis == HoldingBasis.Appointment ? AppointmentTermRule.LastDay(h.FromDate, settings.AppointmentTermYears) : null, h.EndReason,
            locality, locality.Label(), h.Version);
    }

    private static string? Term(PostHolding h) => h.TermFrom is { } a && h.TermTo is { } b ? $"{a}–{b}" : null;

    /// <summary>A member's posts, every one the user may see, latest first; null when the member is not visible.</summary>
    public async Task<IReadOnlyList<CareerItem>?> CareerAsync(UserScope scope, int memberId)
    {
        if (!SeesCadres(scope) || !await scope.Filter(db.Members.AsNoTracking()).AnyAsync(m => m.Id == memberId)) return null;
        var rows = await scope.FilterByPath(db.PostHoldings.AsNoTracking(), h => h.ManagingPath).Where(h => h.MemberId == memberId)
            .Join(db.Posts.AsNoTracking(), h => h.PostId, p => p.Id, (h, p) => new { h, p }).ToListAsync();
        var names = await OrganizationNames.OfAsync(db, rows.Select(r => r.p.OrganizationId));
        return rows.OrderByDescending(r => r.h.FromDate).ThenByDescending(r => r.h.Id).Select(r => new CareerItem(r.h.Id, r.p.Id, r.p.Title, r.p.OrganizationId,
            names.GetValueOrDefault(r.p.OrganizationId, ""), r.h.FromDate, r.h.ToDate, r.h.Basis, r.h.Basis.Label(), r.h.DecisionNumber, r.h.DecidedOn, Term(r.h), r.h.EndReason)).ToList();
    }

    // ---- writes --------------------------------------------------------------------------------------------------------

    /// <summary>A new post of an organization, managed by the organization itself or a committee above it.</summary>
    public async Task<Outcome<Post>> AddPostAsync(UserScope scope, PostInput input)
    {
        if (!SeesCadres(scope)) return Outcome<Post>.NotFound();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        var org = input.OrganizationId is { } oid ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == oid) : null;
        if (org is null) errors.Add(new(CadreFields.Organization, "Tổ chức: phải chọn một tổ chức trong phạm vi của bạn."));
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? null : await db.PostKinds.AsNoTracking().SingleOrDefaultAsync(k => k.Code == input.Kind.Trim());
        if (kind is null) errors.Add(new(CadreFields.Kind, "Loại chức danh: phải chọn một loại trong danh mục."));
        var title = p.Required(CadreFields.Title, input.Title);
        if (title is { Length: > 300 }) errors.Add(new(CadreFields.Title, "Tên chức danh: tối đa 300 ký tự."));
        var seats = input.Seats ?? 1;
        if (seats is < 1 or > 200) errors.Add(new(CadreFields.Seats, "Số người giữ: từ 1 đến 200."));
        var from = p.Date(CadreFields.FromDate, input.FromDate, required: false);
        Data.Organization? managing = null;
        if (org is not null)
        {
            from ??= org.FoundedOn;
            if (from < org.FoundedOn || (org.EndedOn is { } ended && from >= ended))
                errors.Add(new(CadreFields.FromDate, $"Từ ngày: \"{org.Name}\" hoạt động từ {VnFormat.Date(org.FoundedOn)}{(org.EndedOn is { } e ? $" đến {VnFormat.Date(e.AddDays(-1))}" : "")}."));
            var onPath = Data.Organization.IdsOnPath(org.Path);
            var managingId = input.ManagingOrganizationId ?? org.Id;
            managing = onPath.Contains(managingId) ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == managingId) : null;
            if (managing is null || !managing.Type.MayDecideAdmission())
                errors.Add(new(CadreFields.Managing, "Diện quản lý: phải là cấp ủy của chính tổ chức hoặc cấp ủy cấp trên."));
            else if (!MayRecord(scope, managing.Path))
                errors.Add(new(CadreFields.Managing, $"Diện quản lý: bạn không có quyền ghi chức danh thuộc diện {managing.Name} quản lý."));
        }
        if (org is not null && title is not null && await db.Posts.AnyAsync(p => p.OrganizationId == org.Id && p.Title == title))
            errors.Add(new(CadreFields.Title, $"Tên chức danh: \"{org.Name}\" đã có chức danh \"{title}\"."));
        if (errors.Count > 0) return Outcome<Post>.Invalid(errors);
        var post = new Post
        {
            OrganizationId = org!.Id, OrgPath = org.Path, KindCode = kind!.Code, Title = title!, Seats = seats, ManagingOrganizationId = managing!.Id,
            ManagingPath = managing.Path, FromDate = from!.Value, ToDate = org.EndedOn, RecordedBy = scope.UserName,
        };
        db.Posts.Add(post);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<Post>.Invalid([new(CadreFields.Title, $"Tên chức danh: \"{org.Name}\" đã có chức danh \"{title}\".")]);
        }
        return Outcome<Post>.Ok(post);
    }

    /// <summary>Someone takes a post: the seats, the Party Charter's official-member rule and the dates are checked on its first day.</summary>
    public async Task<Outcome<PostHolding>> AddHoldingAsync(UserScope scope, HoldingInput input)
    {
        if (!SeesCadres(scope)) return Outcome<PostHolding>.NotFound();
        var post = input.PostId is { } pid ? await VisiblePosts(scope).SingleOrDefaultAsync(x => x.Id == pid) : null;
        if (input.PostId is not null && post is null) return Outcome<PostHolding>.NotFound();
        if (post is not null && !MayRecord(scope, post.ManagingPath)) return Outcome<PostHolding>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        if (post is null) errors.Add(new(CadreFields.Post, "Chức danh: phải chọn chức danh."));
        var kind = post is null ? null : await db.PostKinds.AsNoTracking().SingleAsync(k => k.Code == post.KindCode);
        var from = p.Date(CadreFields.FromDate, input.FromDate, required: true);
        var decided = p.Date(CadreFields.DecidedOn, input.DecidedOn, required: true);
        var basis = p.Enum<HoldingBasis>(CadreFields.Basis, input.Basis);
        var number = p.Required(CadreFields.DecisionNumber, input.DecisionNumber);
        if (number is { Length: > 60 }) errors.Add(new(CadreFields.DecisionNumber, "Số quyết định: tối đa 60 ký tự."));
        var today = calendar.Today;
        if (from > today) errors.Add(new(CadreFields.FromDate, "Từ ngày: không được sau ngày hôm nay."));
        if (decided is { } d && from is { } f0 && d > f0) errors.Add(new(CadreFields.DecidedOn, $"Ngày quyết định: không được sau ngày bắt đầu giữ chức danh ({VnFormat.Date(f0)})."));
        if (post is not null && from is { } f1 && (f1 < post.FromDate || (post.ToDate is { } pe && f1 >= pe)))
            errors.Add(new(CadreFields.FromDate, $"Từ ngày: chức danh \"{post.Title}\" có từ {VnFormat.Date(post.FromDate)}{(post.ToDate is { } e2 ? $" đến {VnFormat.Date(e2.AddDays(-1))}" : "")}."));
        if (input.TermFrom is not null || input.TermTo is not null)
        {
            if (input.TermFrom is not { } tf || input.TermTo is not { } tt || tt <= tf || tt - tf > 10 || tf < 1930 || tt > 2100)
                errors.Add(new(CadreFields.TermFrom, "Nhiệm kỳ: ghi năm đầu và năm cuối, ví dụ 2025–2030."));
            else if (from is { } f2 && (f2.Year < tf || f2.Year > tt))
                errors.Add(new(CadreFields.TermFrom, $"Nhiệm kỳ: ngày bắt đầu {VnFormat.Date(f2)} không thuộc nhiệm kỳ {tf}–{tt}."));
        }

        // The holder: a member of the register, or a person outside it where the post allows.
        var outside = InputParsing.Optional(input.OutsideName);
        string holderName = "";
        if (input.MemberId is { } mid)
        {
            var member = await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == mid);
            if (member is null) errors.Add(new(CadreFields.Member, "Đảng viên: không tìm thấy trong phạm vi của bạn."));
            else holderName = member.FullName;
            if (outside is not null) errors.Add(new(CadreFields.OutsideName, "Người ngoài hồ sơ đảng viên: đã chọn đảng viên thì để trống ô này."));
            if (member is not null && from is { } f3 && kind is not null)
            {
                var standing = await standings.OnAsync(member.Id, f3);
                if (PartyCommitteePostRule.Check(CadreFields.Member, kind.Body, standing?.IsOfficial ?? false, f3, member.FullName) is { } e) errors.Add(e);
            }
        }
        else if (outside is not null)
        {
            holderName = outside;
            if (outside.Length > 120) errors.Add(new(CadreFields.OutsideName, "Người ngoài hồ sơ đảng viên: tối đa 120 ký tự."));
            if (kind is not null && !kind.OutsideRegisterAllowed)
                errors.Add(PartyCommitteePostRule.Check(CadreFields.Member, kind.Body, null, from ?? today, outside)
                    ?? new(CadreFields.OutsideName, $"Người ngoài hồ sơ đảng viên: chức danh \"{post!.Title}\" phải do đảng viên đảm nhiệm; hãy chọn đảng viên."));
        }
        else errors.Add(new(CadreFields.Member, "Đảng viên: phải chọn người giữ chức danh."));

        if (errors.Count > 0) return Outcome<PostHolding>.Invalid(errors);
        var others = await db.PostHoldings.AsNoTracking().Where(h => h.PostId == post!.Id).ToListAsync();
        if (input.MemberId is { } same && others.Any(o => o.MemberId == same && PostSeatsRule.Overlaps(o.FromDate, o.ToDate, from!.Value, null)))
            errors.Add(new(CadreFields.Member, $"Đảng viên: đồng chí {holderName} đang giữ chức danh \"{post!.Title}\" trong thời gian này."));
        else if (PostSeatsRule.Check(CadreFields.FromDate, post!.Seats, post.Title, others.Select(o => (o.FromDate, o.ToDate)), from!.Value, null) is { } full)
            errors.Add(full);
        if (errors.Count > 0) return Outcome<PostHolding>.Invalid(errors);
        var holding = new PostHolding
        {
            PostId = post.Id, ManagingPath = post.ManagingPath, MemberId = input.MemberId, OutsideName = input.MemberId is null ? outside : null, FromDate = from!.Value,
            Basis = basis!.Value, DecisionNumber = number!, DecidedOn = decided!.Value, TermFrom = input.TermFrom, TermTo = input.TermTo, RecordedBy = scope.UserName,
        };
        db.PostHoldings.Add(holding);
        // The post's version moves with every new holder: of two people given the last seat at once, the second write fails here
        // instead of filling the seat twice.
        if (!await Versions.TrySaveWithParentAsync(db, db.Posts.Where(x => x.Id == post.Id && x.Version == post.Version)))
            return Outcome<PostHolding>.Invalid([new(CadreFields.Post, $"Chức danh: \"{post.Title}\" vừa được người khác cập nhật; hãy tải lại trang và ghi lại.")]);
        return Outcome<PostHolding>.Ok(holding);
    }

    /// <summary>The holder leaves the post from a day (the first day no longer held), with the reason; written once.</summary>
    public async Task<Outcome<PostHolding>> EndHoldingAsync(UserScope scope, int id, HoldingEndInput input, int? expectedVersion)
    {
        if (!SeesCadres(scope)) return Outcome<PostHolding>.NotFound();
        var holding = await scope.FilterByPath(db.PostHoldings, h => h.ManagingPath).SingleOrDefaultAsync(h => h.Id == id);
        if (holding is null) return Outcome<PostHolding>.NotFound();
        if (!MayRecord(scope, holding.ManagingPath)) return Outcome<PostHolding>.Forbidden();
        if (!Versions.Expect(db, holding, expectedVersion)) return Outcome<PostHolding>.Stale(holding);
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, CadreFields.Label);
        var to = p.Date(CadreFields.ToDate, input.ToDate, required: true);
        var reason = p.Required(CadreFields.Reason, input.Reason);
        if (reason is { Length: > 300 }) errors.Add(new(CadreFields.Reason, "Lý do: tối đa 300 ký tự."));
        if (holding.ToDate is { } was) errors.Add(new(CadreFields.ToDate, $"Thôi giữ chức danh từ ngày: đã ghi ngày {VnFormat.Date(was)}."));
        if (to is { } t && t <= holding.FromDate) errors.Add(new(CadreFields.ToDate, $"Thôi giữ chức danh từ ngày: phải sau ngày bắt đầu ({VnFormat.Date(holding.FromDate)})."));
        if (to > calendar.Today) errors.Add(new(CadreFields.ToDate, "Thôi giữ chức danh từ ngày: không được sau ngày hôm nay."));
        if (errors.Count > 0) return Outcome<PostHolding>.Invalid(errors);
        (holding.ToDate, holding.EndReason) = (to, reason);
        if (!await Versions.TrySaveAsync(db)) return Outcome<PostHolding>.Stale(holding);
        return Outcome<PostHolding>.Ok(holding);
    }

    public async Task<HolderView?> GetHoldingAsync(UserScope scope, int id)
    {
        if (!SeesCadres(scope)) return null;
        var h = await scope.FilterByPath(db.PostHoldings.AsNoTracking(), x => x.ManagingPath).SingleOrDefaultAsync(x => x.Id == id);
        if (h is null) return null;
        var organizationId = await db.Posts.Where(p => p.Id == h.PostId).Select(p => p.OrganizationId).SingleAsync();
        return Holder(h, await HoldersAsync([h]), (await AreasAsync(db, [organizationId]))[organizationId]);
    }
}
