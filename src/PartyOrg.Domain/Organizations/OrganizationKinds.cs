namespace PartyOrg.Domain.Organizations;

/// <summary>Kinds of party organization. Depth is data: a 2019 tree has a district level, a 2026 one does not.</summary>
public enum OrganizationType
{
    /// <summary>Đảng bộ tỉnh, thành phố trực thuộc Trung ương.</summary>
    Provincial,
    /// <summary>Đảng bộ huyện, thị xã, thành phố thuộc tỉnh (abolished 1/7/2025).</summary>
    District,
    /// <summary>Đảng bộ xã, phường, đặc khu directly under the province since 1/7/2025 (above base level, QĐ 294).</summary>
    Commune,
    /// <summary>Đảng bộ trực thuộc tỉnh ủy: agency, armed-forces or enterprise blocks above base level.</summary>
    DirectlyUnderProvince,
    /// <summary>Đảng bộ cơ sở.</summary>
    BaseCommittee,
    /// <summary>Chi bộ cơ sở.</summary>
    BaseCell,
    /// <summary>Đảng bộ bộ phận.</summary>
    SubCommittee,
    /// <summary>Chi bộ trực thuộc.</summary>
    DependentCell,
    /// <summary>Tổ đảng.</summary>
    PartyGroup,
}

/// <summary>Field (loại hình) of the organization.</summary>
public enum OrganizationField
{
    General,
    Commune,
    Ward,
    SpecialZone,
    Township,
    Residential,
    Agency,
    PublicService,
    StateEnterprise,
    PrivateEnterprise,
    ArmedForces,
    Other,
}

/// <summary>What became of an organization; nothing is deleted, it ends with a state and a date.</summary>
public enum OrganizationState
{
    Active,
    Merged,
    Split,
    Dissolved,
}

public static class OrganizationKinds
{
    /// <summary>Tổ chức cơ sở đảng: đảng bộ cơ sở and chi bộ cơ sở (Party Charter 2011, Art. 21).</summary>
    public static bool IsBase(this OrganizationType type) => type is OrganizationType.BaseCommittee or OrganizationType.BaseCell;

    /// <summary>A cell is where a member is active (sinh hoạt).</summary>
    public static bool IsCell(this OrganizationType type) => type is OrganizationType.BaseCell or OrganizationType.DependentCell;

    /// <summary>
    /// A committee that may decide an admission: not a cell, a sub-committee or a party group (Charter Art. 4.3; QĐ 294-QĐ/TW
    /// moves the district's power to the commune level from 1/7/2025).
    /// </summary>
    public static bool MayDecideAdmission(this OrganizationType type) =>
        !type.IsCell() && type is not (OrganizationType.SubCommittee or OrganizationType.PartyGroup);

    public static string Label(this OrganizationType type) => type switch
    {
        OrganizationType.Provincial => "Đảng bộ tỉnh, thành phố",
        OrganizationType.District => "Đảng bộ huyện, thị xã, thành phố thuộc tỉnh",
        OrganizationType.Commune => "Đảng bộ xã, phường, đặc khu",
        OrganizationType.DirectlyUnderProvince => "Đảng bộ trực thuộc tỉnh ủy",
        OrganizationType.BaseCommittee => "Đảng bộ cơ sở",
        OrganizationType.BaseCell => "Chi bộ cơ sở",
        OrganizationType.SubCommittee => "Đảng bộ bộ phận",
        OrganizationType.DependentCell => "Chi bộ trực thuộc",
        OrganizationType.PartyGroup => "Tổ đảng",
    };

    public static string Label(this OrganizationField field) => field switch
    {
        OrganizationField.General => "Tổng hợp",
        OrganizationField.Commune => "Xã",
        OrganizationField.Ward => "Phường",
        OrganizationField.SpecialZone => "Đặc khu",
        OrganizationField.Township => "Thị trấn",
        OrganizationField.Residential => "Khu dân cư (thôn, ấp, khu phố)",
        OrganizationField.Agency => "Cơ quan",
        OrganizationField.PublicService => "Đơn vị sự nghiệp",
        OrganizationField.StateEnterprise => "Doanh nghiệp nhà nước",
        OrganizationField.PrivateEnterprise => "Doanh nghiệp ngoài nhà nước",
        OrganizationField.ArmedForces => "Lực lượng vũ trang",
        OrganizationField.Other => "Khác",
    };

    public static string Label(this OrganizationState state) => state switch
    {
        OrganizationState.Active => "Đang hoạt động",
        OrganizationState.Merged => "Đã hợp nhất, sáp nhập",
        OrganizationState.Split => "Đã chia tách",
        OrganizationState.Dissolved => "Đã giải thể",
    };
}

/// <summary>
/// Where an organization may stand in the tree: a province-level committee stands at the top; a cell (chi bộ) divides only
/// into party groups (tổ đảng, "subdivision of a cell" in the glossary of ../shared/DOMAIN.md); a party group has nothing
/// under it. The shape of the tree, not a numbered article: the Charter's text on it was not among the sources read.
/// In force for every date.
/// </summary>
public static class OrganizationNestingRule
{
    /// <summary>Why a child of this type cannot stand under that parent, or null when it can.</summary>
    public static string? Check(OrganizationType parent, OrganizationType child) => (parent, child) switch
    {
        (_, OrganizationType.Provincial) => "đảng bộ tỉnh, thành phố là cấp trên cùng, không trực thuộc tổ chức nào.",
        (OrganizationType.PartyGroup, _) => "tổ đảng không có tổ chức trực thuộc.",
        (OrganizationType.BaseCell or OrganizationType.DependentCell, not OrganizationType.PartyGroup) => "dưới chi bộ chỉ có tổ đảng.",
        _ => null,
    };
}
