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
        var errors = await ApplyAsync(org, input);
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
        var errors = await ApplyAsync(org, input);
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

    private async Task<List<FieldError>> ApplyAsync(Organization org, OrganizationInput input)
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
