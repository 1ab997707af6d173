using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>A member's record as typed in a form or sent as JSON: strings, so every bad value gets a Vietnamese answer.</summary>
public sealed class MemberInput
{
    public string? FullName { get; set; }
    public string? Gender { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Birthplace { get; set; }
    public string? HomeTown { get; set; }
    public string? EthnicGroupCode { get; set; }
    public string? Religion { get; set; }
    public string? CitizenId { get; set; }
    public string? PermanentAddress { get; set; }
    public string? CurrentAddress { get; set; }
    public string? GeneralEducation { get; set; }
    public string? ProfessionalDegree { get; set; }
    public string? Profession { get; set; }
    public string? PoliticalTheory { get; set; }
    public string? AdmittedOn { get; set; }
    public string? CeremonyOn { get; set; }
    public string? OfficialOn { get; set; }
    public string? CardNumber { get; set; }
    public int? OrganizationId { get; set; }
    /// <summary>
    /// History before a merger: the ended cell the member was active in from the admission date, when today's cell was founded
    /// later. The member is placed there from the admission to its end, then continues in today's cell (which must lie in the
    /// organization it was merged into). Only a commission whose scope holds that cell's history may write it.
    /// </summary>
    public int? EarlierOrganizationId { get; set; }
    /// <summary>The version of the record the form was filled from (hidden field); the API sends it as If-Match.</summary>
    public int? Version { get; set; }

    /// <summary>The form's label of each field, for messages that name it.</summary>
    public static string Label(string property) => property switch
    {
        nameof(FullName) => "Họ và tên", nameof(Gender) => "Giới tính", nameof(DateOfBirth) => "Ngày sinh", nameof(Birthplace) => "Nơi sinh",
        nameof(HomeTown) => "Quê quán", nameof(EthnicGroupCode) => "Dân tộc", nameof(Religion) => "Tôn giáo", nameof(CitizenId) => "Số CCCD",
        nameof(PermanentAddress) => "Nơi thường trú", nameof(CurrentAddress) => "Nơi ở hiện nay", nameof(GeneralEducation) => "Giáo dục phổ thông",
        nameof(ProfessionalDegree) => "Chuyên môn", nameof(Profession) => "Nghề nghiệp", nameof(PoliticalTheory) => "Lý luận chính trị",
        nameof(AdmittedOn) => "Ngày vào Đảng", nameof(CeremonyOn) => "Ngày lễ kết nạp", nameof(OfficialOn) => "Ngày chính thức",
        nameof(CardNumber) => "Số thẻ đảng viên", nameof(OrganizationId) => "Chi bộ sinh hoạt",
        nameof(EarlierOrganizationId) => "Chi bộ khi vào Đảng (trước sắp xếp)",
        _ => property,
    };

    public static MemberInput From(Member m) => new()
    {
        FullName = m.FullName, Gender = m.Gender.ToString(), DateOfBirth = InputParsing.Show(m.DateOfBirth),
        Birthplace = m.Birthplace, HomeTown = m.HomeTown, EthnicGroupCode = m.EthnicGroupCode, Religion = m.Religion,
        CitizenId = m.CitizenId, PermanentAddress = m.PermanentAddress, CurrentAddress = m.CurrentAddress,
        GeneralEducation = m.GeneralEducation.ToString(), ProfessionalDegree = m.ProfessionalDegree.ToString(), Profession = m.Profession,
        PoliticalTheory = m.PoliticalTheory.ToString(), AdmittedOn = InputParsing.Show(m.AdmittedOn), CeremonyOn = InputParsing.Show(m.CeremonyOn), OfficialOn = InputParsing.Show(m.OfficialOn),
        CardNumber = m.CardNumber, OrganizationId = m.OrganizationId, Version = m.Version,
    };
}
