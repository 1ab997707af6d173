namespace PartyOrg.Domain.Lifecycle;

/// <summary>
/// Whether a readmission (kết nạp lại) counts among the admissions of its date (kết nạp đảng viên) against the year's and the term's
/// targets and in the admission rate: counted on the day of the readmission decision, in the organization where the member was then
/// placed, like a first admission on the day of its decision.
/// <para>What was found: a readmission follows the admission procedure of Charter Art. 4.1–4.3, with the competent committee's
/// decision after the provincial standing committee's written consent, and the readmitted member serves probation like a new member
/// (QĐ 294-QĐ/TW points 3.5.1–3.5.4, in force 1/7/2025, same structure in QĐ 232-QĐ/TW and QĐ 24-QĐ/TW; REGULATIONS.md §9).
/// What was not found: whether the basic statistical forms (HD 11-HD/BTCTW of 13/12/2021, no replacement found; their layouts were
/// not found, REGULATIONS.md §18) count a readmission among "đảng viên mới kết nạp".</para>
/// <para>So this is a named setting, <see cref="SettingName"/>, on by default (a readmission is an admission decision followed by
/// probation), shown beside the figures it changes; the readmissions are always also given apart, so a commission whose forms
/// leave them out can read the other figure. Applies to every date: no text dates it.</para>
/// </summary>
public static class ReadmissionCountingRule
{
    public const string SettingName = "Admission:ReadmissionsCountAsAdmissions";

    public static bool Counts(AdmissionSettings settings) => settings.ReadmissionsCountAsAdmissions;

    /// <summary>
    /// The admissions of one member that count in the window [<paramref name="from"/>, <paramref name="to"/>]: the first admission
    /// decision, and the readmission decision when the setting counts it (a member is readmitted at most once).
    /// </summary>
    public static int AdmissionsIn(DateOnly admittedOn, DateOnly? readmittedOn, DateOnly from, DateOnly to, AdmissionSettings settings) =>
        (admittedOn >= from && admittedOn <= to ? 1 : 0)
        + (Counts(settings) && readmittedOn is { } r && r >= from && r <= to ? 1 : 0);

    /// <summary>The sentence shown beside the figures: what was counted, and that it is a setting.</summary>
    public static string Note(AdmissionSettings settings, int readmitted) => Counts(settings)
        ? $"Tính cả {Common.VnFormat.Number(readmitted)} lượt kết nạp lại (thiết lập {SettingName} = true: chưa tìm thấy văn bản quy định cách thống kê)."
        : $"Không tính {Common.VnFormat.Number(readmitted)} lượt kết nạp lại (thiết lập {SettingName} = false: chưa tìm thấy văn bản quy định cách thống kê).";
}
