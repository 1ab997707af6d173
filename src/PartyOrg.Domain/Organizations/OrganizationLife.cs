using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Organizations;

/// <summary>
/// An organization's life as the tree reads dates: in force from its founding day (inclusive) to its end day (exclusive,
/// the first day it no longer stands; a merger's end day is the successor's founding day).
/// </summary>
public sealed record OrganizationLife(string Name, DateOnly FoundedOn, DateOnly? EndedOn)
{
    /// <summary>
    /// The day the 2025 reform took effect: the district level ended (QĐ 294-QĐ/TW, in force 01/7/2025) and the merged
    /// provinces of Nghị quyết 202/2025/QH15 began working as one (two-level local government from 01/7/2025).
    /// </summary>
    public static readonly DateOnly Reform2025 = new(2025, 7, 1);

    public bool IsActiveOn(DateOnly date) => FoundedOn <= date && (EndedOn is null || date < EndedOn);

    /// <summary>"thành lập 01/01/1990, kết thúc 01/07/2025" or "thành lập 01/07/2025".</summary>
    public string Dates => EndedOn is { } e
        ? $"thành lập {VnFormat.Date(FoundedOn)}, kết thúc {VnFormat.Date(e)}"
        : $"thành lập {VnFormat.Date(FoundedOn)}";
}

/// <summary>
/// A placement (the period a member is active in an organization) lies inside the organization's life: it starts on or
/// after the founding and, when the organization has ended, starts before and closes no later than its end.
/// Source: a member is always active in exactly one cell that stands, or in transit (DOMAIN.md "Transfer of activity",
/// QĐ 294-QĐ/TW point 6.3.1, from 01/7/2025, and QĐ 24-QĐ/TW of 2021 before it; the duty of party activity is Party Charter
/// 2011 Art. 2.4, recalled, not read). The regulations state no date arithmetic: this is what counting "as of" a date needs,
/// so that the members an organization counts on a day are the members its children count (issue 11, section 3).
/// In force for every date.
/// </summary>
public static class PlacementWithinLifeRule
{
    /// <param name="label">The form's label of the field that chose the organization ("Chi bộ sinh hoạt").</param>
    /// <param name="from">The first day of the placement.</param>
    /// <param name="to">The day the placement ends (exclusive); null while it is open.</param>
    public static FieldError? Check(string field, string label, OrganizationLife org, DateOnly from, DateOnly? to)
    {
        if (from < org.FoundedOn)
            return new(field, $"{label}: \"{org.Name}\" thành lập ngày {VnFormat.Date(org.FoundedOn)}, sau ngày {VnFormat.Date(from)}; không thể sinh hoạt ở tổ chức này trước ngày thành lập.");
        if (org.EndedOn is { } ended)
        {
            if (from >= ended)
                return new(field, $"{label}: \"{org.Name}\" đã kết thúc hoạt động ngày {VnFormat.Date(ended)} ({org.Dates}); không thể sinh hoạt ở tổ chức này từ ngày {VnFormat.Date(from)}.");
            if (to is null || to > ended)
                return new(field, $"{label}: \"{org.Name}\" kết thúc hoạt động ngày {VnFormat.Date(ended)} ({org.Dates}); việc sinh hoạt ở tổ chức này phải chấm dứt chậm nhất ngày đó.");
        }
        return null;
    }
}

/// <summary>
/// An organization lies inside the life of the organization above it: founded no earlier than its parent, not founded
/// once the parent has ended, and, under a parent that has ended, ended no later than the parent (such a record is
/// history being written down, never an organization still standing under one that no longer does).
/// Source: organizations are set up by the committee directly above them along the administrative units (Party Charter
/// 2011, Art. 11.1 and Art. 21, recalled, not read); the date order is what that implies, not a quoted rule (REGULATIONS.md has
/// no text on it).
/// In force for every date.
/// </summary>
public static class OrganizationWithinParentRule
{
    public const string FoundedField = "foundedOn";
    public const string EndedField = "endedOn";

    public static IReadOnlyList<FieldError> Check(OrganizationLife parent, DateOnly foundedOn, DateOnly? endedOn)
    {
        var errors = new List<FieldError>();
        if (foundedOn < parent.FoundedOn)
            errors.Add(new(FoundedField, $"Ngày thành lập: {VnFormat.Date(foundedOn)} trước ngày thành lập của tổ chức cấp trên \"{parent.Name}\" ({VnFormat.Date(parent.FoundedOn)}); tổ chức trực thuộc không thể thành lập trước tổ chức cấp trên."));
        if (parent.EndedOn is { } parentEnd)
        {
            if (foundedOn >= parentEnd)
                errors.Add(new(FoundedField, $"Ngày thành lập: tổ chức cấp trên \"{parent.Name}\" đã kết thúc hoạt động ngày {VnFormat.Date(parentEnd)} ({parent.Dates}); không thể thành lập tổ chức trực thuộc từ ngày đó."));
            else if (endedOn is null || endedOn > parentEnd)
                errors.Add(new(EndedField, $"Ngày kết thúc: tổ chức cấp trên \"{parent.Name}\" đã kết thúc hoạt động ngày {VnFormat.Date(parentEnd)} ({parent.Dates}); tổ chức trực thuộc chỉ được ghi lại như lịch sử và phải kết thúc chậm nhất ngày đó."));
        }
        return errors;
    }
}
