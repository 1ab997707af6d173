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

    public static MemberInput From(Member m) => new()
    {
        FullName = m.FullName, Gender = m.Gender.ToString(), DateOfBirth = InputParsing.Show(m.DateOfBirth),
        Birthplace = m.Birthplace, HomeTown = m.HomeTown, EthnicGroupCode = m.EthnicGroupCode, Religion = m.Religion,
        CitizenId = m.CitizenId, PermanentAddress = m.PermanentAddress, CurrentAddress = m.CurrentAddress,
        GeneralEducation = m.GeneralEducation.ToString(), ProfessionalDegree = m.ProfessionalDegree.ToString(), Profession = m.Profession,
        PoliticalTheory = m.PoliticalTheory.ToString(), AdmittedOn = InputParsing.Show(m.AdmittedOn), CeremonyOn = InputParsing.Show(m.CeremonyOn), OfficialOn = InputParsing.Show(m.OfficialOn),
        CardNumber = m.CardNumber, OrganizationId = m.OrganizationId,
    };
}
