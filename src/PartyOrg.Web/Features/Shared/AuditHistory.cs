using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

public sealed record AuditRow(DateTime At, string UserName, string Action, IReadOnlyList<AuditChangeRow> Changes);

public sealed record AuditChangeRow(string Field, string Label, string? Before, string? After);

/// <summary>Reads a record's audit trail and renders field names and values for people.</summary>
public sealed class AuditHistory(AppDbContext db)
{
    public async Task<IReadOnlyList<AuditRow>> ForAsync(string entityType, int entityId)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id).ToListAsync();
        var changes = entries.ToDictionary(a => a.Id, a => JsonSerializer.Deserialize<List<AuditChange>>(a.Changes, AuditChange.Json) ?? []);
        var organizationNames = await OrganizationNamesAsync(changes.Values.SelectMany(c => c));
        string? Show(string field, string? value) =>
            OrganizationFields.Contains(field) && value is not null && organizationNames.TryGetValue(value, out var name) ? name : ShowValue(field, value);
        var order = Labels.Keys.ToList();
        return entries.Select(a => new AuditRow(
            DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserName, a.Action,
            changes[a.Id].OrderBy(c => order.IndexOf(c.Field) is var i and >= 0 ? i : int.MaxValue)
                .Select(c => new AuditChangeRow(c.Field, Label(c.Field), Show(c.Field, c.Before), Show(c.Field, c.After)))
                .ToList())).ToList();
    }

    private static readonly HashSet<string> OrganizationFields = [nameof(Member.OrganizationId), nameof(Organization.ParentId), nameof(Organization.SuccessorId)];

    private async Task<Dictionary<string, string>> OrganizationNamesAsync(IEnumerable<AuditChange> changes)
    {
        var ids = changes.Where(c => OrganizationFields.Contains(c.Field))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.Name);
    }

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Created => "Tạo mới",
        AuditActions.Updated => "Sửa",
        _ => action,
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Member.FullName)] = "Họ và tên",
        [nameof(Member.Gender)] = "Giới tính",
        [nameof(Member.DateOfBirth)] = "Ngày sinh",
        [nameof(Member.Birthplace)] = "Nơi sinh",
        [nameof(Member.HomeTown)] = "Quê quán",
        [nameof(Member.EthnicGroupCode)] = "Dân tộc",
        [nameof(Member.Religion)] = "Tôn giáo",
        [nameof(Member.CitizenId)] = "Số CCCD",
        [nameof(Member.PermanentAddress)] = "Nơi thường trú",
        [nameof(Member.CurrentAddress)] = "Nơi ở hiện nay",
        [nameof(Member.GeneralEducation)] = "Giáo dục phổ thông",
        [nameof(Member.ProfessionalDegree)] = "Chuyên môn",
        [nameof(Member.Profession)] = "Nghề nghiệp",
        [nameof(Member.PoliticalTheory)] = "Lý luận chính trị",
        [nameof(Member.AdmittedOn)] = "Ngày vào Đảng",
        [nameof(Member.OfficialOn)] = "Ngày chính thức",
        [nameof(Member.CardNumber)] = "Số thẻ đảng viên",
        [nameof(Member.OrganizationId)] = "Chi bộ sinh hoạt",
        [nameof(Member.Status)] = "Tình trạng",
        [nameof(Organization.Code)] = "Mã tổ chức",
        [nameof(Organization.Name)] = "Tên tổ chức",
        [nameof(Organization.Type)] = "Loại tổ chức",
        [nameof(Organization.Field)] = "Loại hình",
        [nameof(Organization.ParentId)] = "Tổ chức cấp trên",
        [nameof(Organization.FoundedOn)] = "Ngày thành lập",
        [nameof(Organization.EndedOn)] = "Ngày kết thúc",
        [nameof(Organization.State)] = "Trạng thái",
        [nameof(Organization.SuccessorId)] = "Tổ chức kế thừa",
        [nameof(Organization.EndReason)] = "Lý do kết thúc",
    };

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    private static string? ShowValue(string field, string? value)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            return VnFormat.Date(d);
        return field switch
        {
            nameof(Member.Gender) when Enum.TryParse<Gender>(value, out var g) => g.Label(),
            nameof(Member.Status) when Enum.TryParse<MemberStatus>(value, out var s) => s.Label(),
            nameof(Member.GeneralEducation) when Enum.TryParse<GeneralEducation>(value, out var e) => e.Label(),
            nameof(Member.ProfessionalDegree) when Enum.TryParse<ProfessionalDegree>(value, out var p) => p.Label(),
            nameof(Member.PoliticalTheory) when Enum.TryParse<PoliticalTheory>(value, out var t) => t.Label(),
            nameof(Member.EthnicGroupCode) => ReferenceLists.EthnicGroup(value)?.Name ?? value,
            nameof(Organization.Type) when Enum.TryParse<OrganizationType>(value, out var ot) => ot.Label(),
            nameof(Organization.Field) when Enum.TryParse<OrganizationField>(value, out var of) => of.Label(),
            nameof(Organization.State) when Enum.TryParse<OrganizationState>(value, out var os) => os.Label(),
            _ => value,
        };
    }
}
