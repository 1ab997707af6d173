using PartyOrg.Domain.Members;
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
        new("officialOn", "Ngày chính thức", false, "19/05/2016", "Để trống khi còn dự bị."),
        new("cardNumber", "Số thẻ đảng viên", false, "72012345", "8 chữ số; để trống khi chưa cấp."),
        new("organizationCode", "Mã chi bộ", true, "80.27694.01", "Mã chi bộ (hoặc đảng bộ cơ sở) nơi đảng viên đang sinh hoạt, như trên trang Tổ chức đảng."),
    ];

    public const string Title = "MẪU NHẬP DANH SÁCH ĐẢNG VIÊN";

    /// <summary>The template: the headers, one example row, and a note per column under it.</summary>
    public static XlsxSheet Template() => XlsxSheet.Of("Danh sách đảng viên", Title,
        [.. Columns.Select(c => new XlsxColumn(c.Header + (c.Required ? " (*)" : ""), Width: Math.Max(14, c.Header.Length + 6)))],
        [[.. Columns.Select(c => (object?)c.Example)]],
        totals: false,
        notes: ["(*) cột bắt buộc. Mỗi dòng một đảng viên; khóa là Số CCCD: nhập lại cùng tệp không tạo bản ghi mới. Xóa dòng ví dụ trước khi nhập.",
                .. Columns.Where(c => c.Note.Length > 0).Select(c => $"{c.Header}: {c.Note}")]);
}
