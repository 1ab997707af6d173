using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports;

/// <summary>One column of an import file: its Vietnamese header (what the file carries), whether a row needs it, an example and how to write it.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string Example, string Note);

/// <summary>
/// The import format of members: the columns of the member list 7-HSĐV and of the phiếu đảng viên 2-HSĐV (HD 12-HD/BTCTW 2022)
/// that the register holds, one member a row, keyed by the CCCD (a second file with the same CCCD updates, never duplicates).
/// The 14 columns of 7-HSĐV were not published to us; these follow the register's fields and are named as the forms name them.
/// Dates are dd/mm/yyyy (ISO yyyy-mm-dd also read); choices are written as the labels below.
/// </summary>
public static class MemberImportFormat
{
    private static string Choices(IEnumerable<string> labels) => "Một trong: " + string.Join("; ", labels) + ".";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("citizenId", "Số CCCD", true, "072190012345", "12 chữ số; mã tỉnh nơi đăng ký khai sinh, giới tính và năm sinh phải khớp với các cột dưới."),
        new("fullName", "Họ và tên", true, "Nguyễn Thị Lan", "Họ và tên khai sinh, có dấu."),
        new("gender", "Giới tính", true, Gender.Female.Label(), Choices(Enum.GetValues<Gender>().Select(g => g.Label()))),
        new("dateOfBirth", "Ngày sinh", true, "15/03/1990", "dd/mm/yyyy."),
        new("birthplace", "Nơi sinh", false, "Xã Hòa Thành, tỉnh Tây Ninh", ""),
        new("homeTown", "Quê quán", false, "Xã Hòa Thành, tỉnh Tây Ninh", ""),
        new("ethnicGroup", "Dân tộc", true, "Kinh", "Tên một trong 54 dân tộc theo danh mục."),
        new("religion", "Tôn giáo", true, "Không theo tôn giáo", Choices(ReferenceLists.Religions)),
        new("permanentAddress", "Nơi thường trú", false, "Khu phố 1, phường Tân Ninh, tỉnh Tây Ninh", ""),
        new("currentAddress", "Nơi ở hiện nay", false, "Khu phố 1, phường Tân Ninh, tỉnh Tây Ninh", ""),
        new("generalEducation", "Giáo dục phổ thông", true, GeneralEducation.UpperSecondary.Label(), Choices(Enum.GetValues<GeneralEducation>().Select(e => e.Label()))),
        new("professionalDegree", "Chuyên môn, nghiệp vụ", true, ProfessionalDegree.Bachelor.Label(), Choices(Enum.GetValues<ProfessionalDegree>().Select(e => e.Label()))),
        new("profession", "Nghề nghiệp", false, "Giáo viên", ""),
        new("politicalTheory", "Lý luận chính trị", true, PoliticalTheory.Elementary.Label(), "Trình độ cao nhất. " + Choices(Enum.GetValues<PoliticalTheory>().Select(e => e.Label()))),
        new("admittedOn", "Ngày vào Đảng", true, "19/05/2015", "Ngày ký quyết định kết nạp, dd/mm/yyyy."),
        new("ceremonyOn", "Ngày lễ kết nạp", false, "", "Để trống khi trùng ngày vào Đảng; thời gian dự bị 12 tháng tính từ ngày này."),
        new("officialOn", "Ngày chính thức", false, "19/05/2016", "Để trống khi còn dự bị."),
        new("cardNumber", "Số thẻ đảng viên", false, "72012345", "8 chữ số; để trống khi chưa cấp."),
        new("organizationCode", "Mã chi bộ", true, "80.27694.01", "Mã chi bộ nơi đảng viên đang sinh hoạt, như trên trang Tổ chức đảng."),
        new("earlierOrganizationCode", "Mã chi bộ khi vào Đảng (trước sắp xếp)", false, "080.10.01.02", "Chỉ ghi khi chi bộ hiện nay thành lập sau ngày vào Đảng (sắp xếp tổ chức): mã chi bộ đã kết thúc nơi đảng viên sinh hoạt từ ngày vào Đảng; đảng viên được ghi sinh hoạt ở đó đến ngày sắp xếp rồi tiếp tục ở chi bộ hiện nay."),
    ];

    public const string Title = "MẪU NHẬP DANH SÁCH ĐẢNG VIÊN";

    /// <summary>Read-only columns an export adds for people after the format's own; an import skips them.</summary>
    public static readonly IReadOnlySet<string> IgnoredHeaders = new HashSet<string> { "Tên chi bộ", "Trạng thái" };

    /// <summary>The template: the headers and one example row (the notes go on a sheet of their own, so the first sheet imports as is).</summary>
    public static XlsxSheet Template() => ImportFormats.Template("Danh sách đảng viên", Title, Columns);

    /// <summary>
    /// A member as a row of the format, in <see cref="Columns"/> order (every cell text, dates dd/mm/yyyy): what the export and the
    /// generator write and the import reads back.
    /// </summary>
    public static object?[] Row(Member m, string cellCode, string? earlierCellCode) =>
    [
        m.CitizenId, m.FullName, m.Gender.Label(), VnFormat.Date(m.DateOfBirth), m.Birthplace, m.HomeTown,
        ReferenceLists.EthnicGroup(m.EthnicGroupCode)?.Name ?? m.EthnicGroupCode, m.Religion, m.PermanentAddress, m.CurrentAddress,
        m.GeneralEducation.Label(), m.ProfessionalDegree.Label(), m.Profession, m.PoliticalTheory.Label(),
        VnFormat.Date(m.AdmittedOn), VnFormat.Date(m.CeremonyOn), VnFormat.Date(m.OfficialOn), m.CardNumber, cellCode, earlierCellCode,
    ];

    /// <summary>The guide sheet of the .xlsx template.</summary>
    public static XlsxSheet Guide() => ImportFormats.Guide(Columns,
        "Mỗi dòng một đảng viên; khóa là Số CCCD: nhập lại cùng tệp không tạo bản ghi mới, dòng khác với hồ sơ đang có thì sửa hồ sơ đó. Xóa dòng ví dụ trước khi nhập.");
}

/// <summary>What the import formats share: the header as written in a file, the template sheet and its guide.</summary>
public static class ImportFormats
{
    public static string HeaderOf(ImportColumn c) => c.Header + (c.Required ? " (*)" : "");

    public static XlsxSheet Template(string name, string title, IReadOnlyList<ImportColumn> columns) => XlsxSheet.Of(name, title,
        [.. columns.Select(c => new XlsxColumn(HeaderOf(c), Width: Math.Max(14, c.Header.Length + 6)))],
        [[.. columns.Select(c => (object?)c.Example)]],
        totals: false);

    public static XlsxSheet Guide(IReadOnlyList<ImportColumn> columns, string rule) => XlsxSheet.Of("Hướng dẫn", "HƯỚNG DẪN ĐIỀN TỆP NHẬP",
        [new("Cột"), new("Bắt buộc", Width: 10), new("Ví dụ", Width: 24), new("Cách ghi", Width: 90)],
        columns.Select(c => new object?[] { c.Header, c.Required ? "Có" : "", c.Example, c.Note }),
        totals: false,
        notes: ["(*) cột bắt buộc. " + rule, "Ngày ghi dd/mm/yyyy (cũng đọc được yyyy-mm-dd). Tệp CSV mã UTF-8, có hoặc không có BOM, phân cách bằng dấu phẩy.",
                "Cả tệp được kiểm tra theo cùng các quy định như khi nhập trên biểu mẫu: chỉ cần một dòng sai thì không dòng nào được ghi, và mọi dòng sai được liệt kê."]);
}
