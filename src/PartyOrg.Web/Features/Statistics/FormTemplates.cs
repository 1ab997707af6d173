using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyOrg.Web.Features.Statistics;

/// <summary>
/// A statistical form as data (Features/Statistics/Forms/*.json): its sheets, columns and rows, with a version and a note saying
/// what it is. The 2021 layouts of HD 11-HD/BTCTW were not published to us (REGULATIONS.md §18), so every template is a
/// reconstruction the commission corrects in the file; the code only reads figures by measure and value.
/// </summary>
public sealed record FormTemplate(string Id, string Title, string Version, string Note, IReadOnlyList<FormSheet> Sheets);

public sealed record FormSheet(string Name, IReadOnlyList<FormColumn> Columns, IReadOnlyList<FormRow> Rows);

/// <summary>A column: "count" or "percent" of the row's figure.</summary>
public sealed record FormColumn(string Header, string Source);

/// <summary>
/// A row: a heading (text only); one figure (measure and value); or every figure of a measure (each), followed by a sum row
/// when <see cref="Sum"/> is set. <see cref="Total"/> marks a row printed in bold as a total.
/// </summary>
public sealed record FormRow(string? Heading, string? Label, string? Measure, string? Value, bool Each, bool Sum, bool Total);

public static class FormTemplates
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The folder the templates are read from: beside the application, where the commission edits them.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Features", "Statistics", "Forms");

    private static readonly Lazy<IReadOnlyList<FormTemplate>> all = new(Load);

    public static IReadOnlyList<FormTemplate> All => all.Value;

    public static FormTemplate? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>Every template file, checked: a file that does not read, or names an unknown measure, stops here with its name.</summary>
    public static IReadOnlyList<FormTemplate> Load()
    {
        var known = StatisticsQueries.MemberMeasures.Concat(StatisticsQueries.OrganizationMeasures).ToHashSet();
        var list = new List<FormTemplate>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var template = JsonSerializer.Deserialize<FormTemplate>(File.ReadAllText(file), Options)
                ?? throw new InvalidOperationException($"Mẫu biểu {Path.GetFileName(file)}: tệp rỗng.");
            if (string.IsNullOrWhiteSpace(template.Id) || string.IsNullOrWhiteSpace(template.Version) || string.IsNullOrWhiteSpace(template.Note))
                throw new InvalidOperationException($"Mẫu biểu {Path.GetFileName(file)}: thiếu id, version hoặc note.");
            foreach (var row in template.Sheets.SelectMany(s => s.Rows).Where(r => r.Heading is null))
                if (row.Measure is null || !known.Contains(row.Measure) || (!row.Each && row.Value is null))
                    throw new InvalidOperationException($"Mẫu biểu {Path.GetFileName(file)}: hàng \"{row.Label ?? row.Measure}\" không có chỉ tiêu hợp lệ.");
            foreach (var column in template.Sheets.SelectMany(s => s.Columns))
                if (column.Source is not ("count" or "percent"))
                    throw new InvalidOperationException($"Mẫu biểu {Path.GetFileName(file)}: cột \"{column.Header}\" lấy \"{column.Source}\" (chỉ nhận count, percent).");
            list.Add(template);
        }
        return list;
    }

    /// <summary>Every figure of the report, in order (the same walk the drill-down test makes).</summary>
    public static IReadOnlyList<Figure> Figures(StatisticsReport r) =>
    [
        r.Organizations.Total, r.Organizations.Base, .. r.Organizations.ByType, .. r.Organizations.ByField,
        r.Members.Total, r.Members.Women, r.Members.Under40, .. r.Members.ByStatus, .. r.Members.ByGender, .. r.Members.ByAgeBand,
        .. r.Members.ByEthnicGroup, .. r.Members.ByReligion, .. r.Members.ByEducation, .. r.Members.ByProfessionalDegree,
        .. r.Members.ByPoliticalTheory, .. r.Members.ByPartyAgeBand,
        r.Year.Admissions, r.Year.Readmissions, r.Year.Recognitions, .. r.Year.ExitsByKind, r.Year.Deaths, r.Year.TransfersIn, r.Year.TransfersOut,
        .. r.Discipline.MembersByForm, r.Discipline.Members, .. r.Discipline.OrganizationsByForm, r.Discipline.Organizations,
        r.Ratings.Members, .. r.Ratings.MembersByLevel, r.Ratings.MembersGoodOrAbove, r.Ratings.MembersExempt,
        r.Ratings.BaseOrganizations, .. r.Ratings.BaseOrganizationsByLevel, r.Ratings.BaseOrganizationsGoodOrAbove,
    ];
}
