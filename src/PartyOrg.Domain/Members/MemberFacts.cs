namespace PartyOrg.Domain.Members;

/// <summary>What the register rules look at in a member's record.</summary>
public sealed record MemberFacts(
    string? FullName,
    Gender Gender,
    DateOnly DateOfBirth,
    string? CitizenId,
    string? EthnicGroupCode,
    string? Religion,
    DateOnly AdmittedOn,
    DateOnly? OfficialOn,
    DateOnly? CeremonyOn = null);

/// <summary>Vietnamese names of the record's fields, as the Party member form prints them.</summary>
public static class MemberFields
{
    public const string FullName = "fullName";
    public const string Gender = "gender";
    public const string DateOfBirth = "dateOfBirth";
    public const string CitizenId = "citizenId";
    public const string EthnicGroup = "ethnicGroupCode";
    public const string Religion = "religion";
    public const string AdmittedOn = "admittedOn";
    public const string OfficialOn = "officialOn";
    public const string CardNumber = "cardNumber";
    public const string Organization = "organizationId";
    public const string CeremonyOn = "ceremonyOn";
    /// <summary>The ended cell the member was active in from the admission, before a merger brought them to today's cell.</summary>
    public const string EarlierOrganization = "earlierOrganizationId";

    public static string Label(string field) => field switch
    {
        FullName => "Họ và tên",
        Gender => "Giới tính",
        DateOfBirth => "Ngày sinh",
        CitizenId => "Số CCCD",
        EthnicGroup => "Dân tộc",
        Religion => "Tôn giáo",
        AdmittedOn => "Ngày vào Đảng",
        OfficialOn => "Ngày chính thức",
        CardNumber => "Số thẻ đảng viên",
        Organization => "Chi bộ sinh hoạt",
        CeremonyOn => "Ngày lễ kết nạp",
        EarlierOrganization => "Chi bộ khi vào Đảng (trước sắp xếp)",
        _ => field,
    };
}
