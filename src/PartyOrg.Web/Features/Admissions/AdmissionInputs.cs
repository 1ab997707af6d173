namespace PartyOrg.Web.Features.Admissions;

/// <summary>A person put into the source pool (nguồn kết nạp), as typed in the form or sent as JSON.</summary>
public sealed class AdmissionCaseInput
{
    public string? FullName { get; set; }
    public string? Gender { get; set; }
    public string? DateOfBirth { get; set; }
    public string? CitizenId { get; set; }
    public string? EthnicGroupCode { get; set; }
    public string? Religion { get; set; }
    public string? GeneralEducation { get; set; }
    public string? Occupation { get; set; }
    public string? SourceGroup { get; set; }
    public string? SourceSince { get; set; }
    public int? OrganizationId { get; set; }
}

/// <summary>The next step of a case with its date and document; which fields matter depends on the step.</summary>
public sealed class AdmissionStepInput
{
    public string? Step { get; set; }
    public string? Date { get; set; }
    /// <summary>The step's document number: certificate, cell resolution or admission decision.</summary>
    public string? Number { get; set; }
    public int? Sponsor1Id { get; set; }
    public string? Sponsor1Since { get; set; }
    public int? Sponsor2Id { get; set; }
    public string? Sponsor2Since { get; set; }
    public int? ApprovingOrganizationId { get; set; }
    /// <summary>Consent of the provincial-level committee for an applicant over 60.</summary>
    public string? ProvincialConsent { get; set; }
    /// <summary>For a ceremony past its 30 working days: the higher committee's consent (number, date, the committee).</summary>
    public string? LateConsentNumber { get; set; }
    public string? LateConsentOn { get; set; }
    public int? LateConsentOrganizationId { get; set; }
}

/// <summary>Dropping a case (dừng xem xét): the reason stays on the record.</summary>
public sealed class AdmissionDropInput
{
    public string? Date { get; set; }
    public string? Reason { get; set; }
}
