using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>One change to a record. <see cref="At"/> is UTC; <see cref="Time"/> is the same moment in Vietnam time for people.</summary>
public sealed record AuditRow(DateTime At, string UserName, string Action, IReadOnlyList<AuditChangeRow> Changes)
{
    public string Time => VietnamTime.Format(At);
    public string ActionLabel => AuditHistory.ActionLabel(Action);
}

public sealed record AuditChangeRow(string Field, string Label, string? Before, string? After);

/// <summary>Reads a record's audit trail and renders field names and values for people.</summary>
public sealed class AuditHistory(AppDbContext db)
{
    /// <summary>Copies of an organization's path kept for subtree filters: the organization's own row already says it.</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string> { nameof(MemberTransfer.FromPath), nameof(MemberTransfer.ToPath) };

    public async Task<IReadOnlyList<AuditRow>> ForAsync(string entityType, int entityId)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id).ToListAsync();
        var changes = entries.ToDictionary(a => a.Id, a => (JsonSerializer.Deserialize<List<AuditChange>>(a.Changes, AuditChange.Json) ?? [])
            .Where(c => !Hidden.Contains(c.Field)).ToList());
        var entity = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType);
        var all = changes.Values.SelectMany(c => c).ToList();
        var organizationNames = await NamesAsync<Organization>(entity, all, ids => db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name));
        var memberNames = await NamesAsync<Member>(entity, all, ids => db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName }).ToDictionaryAsync(m => m.Id, m => m.FullName));
        var names = DisplayNames.Fields.GetValueOrDefault(entityType);
        var order = names?.Keys.ToList() ?? [];

        string? Show(string field, string? value)
        {
            if (value is null) return null;
            var property = entity?.FindProperty(field);
            var principal = property is null ? null : PrincipalOf(property);
            if (principal == typeof(Organization) && Id(value) is { } o) return organizationNames.GetValueOrDefault(o, value);
            if (principal == typeof(Member) && Id(value) is { } m) return memberNames.GetValueOrDefault(m, value);
            return ShowValue(field, Nullable.GetUnderlyingType(property?.ClrType ?? typeof(string)) ?? property?.ClrType ?? typeof(string), value);
        }

        return entries.Select(a => new AuditRow(
            DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserName, a.Action,
            changes[a.Id].OrderBy(c => order.IndexOf(c.Field) is var i and >= 0 ? i : int.MaxValue)
                .Select(c => new AuditChangeRow(c.Field, DisplayNames.Field(entityType, c.Field) ?? c.Field, Show(c.Field, c.Before), Show(c.Field, c.After)))
                .ToList())).ToList();
    }

    /// <summary>The record a foreign-key property points to (a member, an organization), if any.</summary>
    private static Type? PrincipalOf(IProperty property) =>
        property.GetContainingForeignKeys().Select(k => k.PrincipalEntityType.ClrType).FirstOrDefault();

    private static int? Id(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Names of the referenced records of one type, looked up once for the whole trail.</summary>
    private static async Task<Dictionary<int, string>> NamesAsync<T>(IEntityType? entity, IEnumerable<AuditChange> changes, Func<List<int>, Task<Dictionary<int, string>>> load)
    {
        if (entity is null) return [];
        var ids = changes.Where(c => entity.FindProperty(c.Field) is { } p && PrincipalOf(p) == typeof(T))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => v is null ? null : Id(v)).OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? [] : await load(ids);
    }

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Created => "Tạo mới",
        AuditActions.Updated => "Sửa",
        AuditActions.Imported => "Nhập từ tệp",
        _ => action,
    };

    private static string ShowValue(string field, Type type, string value)
    {
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return VnFormat.Date(d);
        if (type == typeof(bool) && bool.TryParse(value, out var b)) return DisplayNames.Value(b);
        if (type.IsEnum && Enum.TryParse(type, value, out var e)) return DisplayNames.Value((Enum)e!);
        if (field == nameof(Member.EthnicGroupCode)) return ReferenceLists.EthnicGroup(value)?.Name ?? value;
        return value;
    }
}

/// <summary>Vietnam time (UTC+7, no daylight saving) for timestamps shown to people, whatever the server's zone.</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam"); }
    }

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc) => FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
