using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Organizations;

/// <summary>The editable part of an organization; strings so that every bad value gets a Vietnamese answer.</summary>
public sealed class OrganizationInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Field { get; set; }
    public string? FoundedOn { get; set; }
    public string? EndedOn { get; set; }
    public string? State { get; set; }
    public string? EndReason { get; set; }
    /// <summary>The version the form was filled from (hidden field); the API sends it as If-Match.</summary>
    public int? Version { get; set; }

    public static string Label(string property) => property switch
    {
        nameof(Code) => "Mã tổ chức", nameof(Name) => "Tên tổ chức", nameof(Type) => "Loại tổ chức", nameof(Field) => "Loại hình",
        nameof(FoundedOn) => "Ngày thành lập", nameof(EndedOn) => "Ngày kết thúc", nameof(State) => "Trạng thái", nameof(EndReason) => "Lý do kết thúc",
        _ => property,
    };

    public static OrganizationInput From(Organization o) => new()
    {
        Version = o.Version,
        Code = o.Code, Name = o.Name, Type = o.Type.ToString(), Field = o.Field.ToString(),
        FoundedOn = InputParsing.Show(o.FoundedOn), EndedOn = InputParsing.Show(o.EndedOn), State = o.State.ToString(), EndReason = o.EndReason,
    };
}

/// <summary>Creates and edits organizations within the user's writable subtree; every change is audited.</summary>
public sealed class OrganizationEditor(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Organization>> CreateAsync(UserScope scope, int parentId, OrganizationInput input)
    {
        var parent = await scope.Filter(db.Organizations).SingleOrDefaultAsync(o => o.Id == parentId);
        if (parent is null) return Outcome<Organization>.NotFound();
        if (!MayEditTree(scope, parent.Path)) return Outcome<Organization>.Forbidden();
        var org = new Organization { Code = "", Name = "", ParentId = parent.Id, Depth = parent.Depth + 1 };
        var errors = await ApplyAsync(org, parent, input);
        if (errors.Count > 0) return Outcome<Organization>.Invalid(errors);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = parent.Path + org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<Organization>.Ok(org);
    }

    public async Task<Outcome<Organization>> UpdateAsync(UserScope scope, int id, OrganizationInput input, int? expectedVersion = null, bool versionRequired = false)
    {
        var org = await scope.Filter(db.Organizations).SingleOrDefaultAsync(o => o.Id == id);
        if (org is null) return Outcome<Organization>.NotFound();
        if (!MayEditTree(scope, org.Path)) return Outcome<Organization>.Forbidden();
        if (expectedVersion is null && versionRequired) return Outcome<Organization>.VersionRequired();
        if (!Versions.Expect(db, org, expectedVersion)) return Outcome<Organization>.Stale(org);
        var parent = org.ParentId is { } parentId ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == parentId) : null;
        var errors = await ApplyAsync(org, parent, input);
        if (errors.Count > 0) return Outcome<Organization>.Invalid(errors);
        if (await Versions.TrySaveAsync(db)) return Outcome<Organization>.Ok(org);
        db.ChangeTracker.Clear();
        return Outcome<Organization>.Stale(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
    }

    /// <summary>
    /// The tree (codes, types, ends) belongs to the committees: a cell secretary keeps their members' records and their
    /// cell's steps, but the cell itself is edited by the committee above it.
    /// </summary>
    public static bool MayEditTree(UserScope scope, string path) => scope.CanWriteAt(path) && scope.Role != Roles.CellSecretary;

    private async Task<List<FieldError>> ApplyAsync(Organization org, Organization? parent, OrganizationInput input)
    {
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, OrganizationFieldLabel);
        var code = p.Required("code", input.Code);
        var name = p.Required("name", input.Name);
        var type = p.Enum<OrganizationType>("type", input.Type);
        var field = p.Enum<OrganizationField>("field", input.Field);
        var founded = p.Date("foundedOn", input.FoundedOn, required: true);
        var ended = p.Date("endedOn", input.EndedOn, required: false);
        var state = string.IsNullOrWhiteSpace(input.State) ? OrganizationState.Active : p.Enum<OrganizationState>("state", input.State);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (founded > today) errors.Add(new("foundedOn", "Ngày thành lập: không được sau ngày hôm nay."));
        if (ended is { } e && founded is { } f && e <= f) errors.Add(new("endedOn", "Ngày kết thúc: phải sau ngày thành lập."));
        if (ended is not null && state == OrganizationState.Active)
            errors.Add(new("state", "Trạng thái: tổ chức đã có ngày kết thúc thì phải chọn hợp nhất, chia tách hoặc giải thể."));
        if (ended is null && state is not null and not OrganizationState.Active)
            errors.Add(new("endedOn", "Ngày kết thúc: bắt buộc khi tổ chức không còn hoạt động."));
        if (founded is { } life && errors.All(e => e.Field is not ("foundedOn" or "endedOn")))
            errors.AddRange(await LifeErrorsAsync(org, parent, life, ended));
        if (code is not null && await db.Organizations.AnyAsync(o => o.Code == code && o.Id != org.Id))
            errors.Add(new("code", $"Mã tổ chức: mã \"{code}\" đã được dùng cho tổ chức khác."));
        if (errors.Count > 0) return errors;
        org.Code = code!;
        org.Name = name!;
        org.Type = type!.Value;
        org.Field = field!.Value;
        org.FoundedOn = founded!.Value;
        org.EndedOn = ended;
        org.State = state!.Value;
        org.EndReason = string.IsNullOrWhiteSpace(input.EndReason) ? null : input.EndReason.Trim();
        return errors;
    }

    /// <summary>
    /// The organization's life lies inside its parent's (<see cref="OrganizationWithinParentRule"/>), and, when an existing one
    /// is re-dated, its children and the placements of its members still lie inside its own (<see cref="PlacementWithinLifeRule"/>).
    /// Only the dates that change are checked, so an edit of the name never trips over older records.
    /// </summary>
    private async Task<List<FieldError>> LifeErrorsAsync(Organization org, Organization? parent, DateOnly founded, DateOnly? ended)
    {
        var errors = new List<FieldError>();
        var isNew = org.Id == 0;
        var foundedChanged = isNew || founded != org.FoundedOn;
        var endedChanged = isNew || ended != org.EndedOn;
        if (!foundedChanged && !endedChanged) return errors;
        if (parent is not null)
            errors.AddRange(OrganizationWithinParentRule.Check(new(parent.Name, parent.FoundedOn, parent.EndedOn), founded, ended));
        if (isNew) return errors;

        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == org.Id).ToListAsync();
        if (foundedChanged && children.Where(c => c.FoundedOn < founded).MinBy(c => c.FoundedOn) is { } early)
            errors.Add(new("foundedOn", $"Ngày thành lập: tổ chức trực thuộc \"{early.Name}\" thành lập ngày {VnFormat.Date(early.FoundedOn)}, trước ngày {VnFormat.Date(founded)}; tổ chức cấp trên không thể thành lập sau tổ chức trực thuộc."));
        if (endedChanged && ended is { } end && children.Where(c => c.EndedOn is null || c.EndedOn > end).ToList() is { Count: > 0 } standing)
            errors.Add(new("endedOn", $"Ngày kết thúc: tổ chức trực thuộc \"{standing[0].Name}\"{(standing.Count > 1 ? $" và {standing.Count - 1} tổ chức khác" : "")} còn hoạt động sau ngày {VnFormat.Date(end)}; kết thúc hoặc chuyển các tổ chức đó trước."));

        var upper = PathRange.UpperBound(org.Path);
        var placements = db.MemberPlacements.AsNoTracking().Where(p => string.Compare(p.OrgPath, org.Path) >= 0 && string.Compare(p.OrgPath, upper) < 0);
        if (foundedChanged && await placements.Where(p => p.FromDate < founded).OrderBy(p => p.FromDate).Select(p => (DateOnly?)p.FromDate).FirstOrDefaultAsync() is { } first)
            errors.Add(new("foundedOn", $"Ngày thành lập: đã có đảng viên sinh hoạt tại tổ chức từ ngày {VnFormat.Date(first)}, trước ngày {VnFormat.Date(founded)}."));
        if (endedChanged && ended is { } last && await placements.CountAsync(p => p.ToDate == null || p.ToDate > last) is > 0 and var still)
            errors.Add(new("endedOn", $"Ngày kết thúc: còn {VnFormat.Number(still)} đảng viên sinh hoạt tại tổ chức sau ngày {VnFormat.Date(last)}; chuyển sinh hoạt cho họ trước khi kết thúc tổ chức."));
        return errors;
    }

    public static string OrganizationFieldLabel(string field) => field switch
    {
        "code" => "Mã tổ chức",
        "name" => "Tên tổ chức",
        "type" => "Loại tổ chức",
        "field" => "Loại hình",
        "foundedOn" => "Ngày thành lập",
        "endedOn" => "Ngày kết thúc",
        "state" => "Trạng thái",
        "endReason" => "Lý do kết thúc",
        "parentId" => "Tổ chức cấp trên",
        "successorId" => "Tổ chức kế thừa",
        _ => field,
    };
}
