namespace PartyOrg.Web.Features.Decisions;

/// <summary>A decision on a member's standing as typed in the form or sent as JSON.</summary>
public sealed class DecisionInput
{
    public string? Kind { get; set; }
    public string? DecidedOn { get; set; }
    public string? Number { get; set; }
    public int? IssuerOrganizationId { get; set; }
    public string? Reason { get; set; }
    /// <summary>For a name removal: which of the five cases.</summary>
    public string? RemovalCase { get; set; }
    /// <summary>For a release at the member's request: extremely difficult family circumstances (keeps readmission open).</summary>
    public bool ExtremeFamilyHardship { get; set; }
    /// <summary>For an exit: convicted of corruption or a serious crime (bars readmission).</summary>
    public bool CorruptionOrSeriousCrime { get; set; }
    /// <summary>For an exit: it was for causing serious internal disunity (bars readmission, QĐ 294 point 3.5).</summary>
    public bool SeriousDisunity { get; set; }
    /// <summary>For a readmission: the provincial standing committee's written consent.</summary>
    public string? ConsentDocument { get; set; }
    /// <summary>For a readmission: the ceremony date and the cell.</summary>
    public string? CeremonyOn { get; set; }
    public int? OrganizationId { get; set; }
}
