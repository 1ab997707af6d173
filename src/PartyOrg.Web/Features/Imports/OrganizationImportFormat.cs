using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Imports;

/// <summary>
/// The import format of organizations: one organization a row, keyed by its code; the parent is named by its code (in the
/// same file or already in the register), so a whole tree (a province with its communes, base organizations and cells, and
/// the ended organizations of the 2025 reorganization with their successors) loads from one file in any row order.
/// </summary>
public static class OrganizationImportFormat
{
    private static string Choices(IEnumerable<string> labels) => "Một trong: " + string.Join("; ", labels) + ".";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("code", "Mã tổ chức", true, "80.27694.09", "Mã duy nhất trong cả hệ thống; nhập lại cùng mã thì sửa tổ chức đó."),
        new("name", "Tên tổ chức", true, "Chi bộ ấp Mới", ""),
        new("type", "Loại tổ chức", true, OrganizationType.BaseCell.Label(), Choices(Enum.GetValues<OrganizationType>().Select(t => t.Label()))),
        new("field", "Loại hình", true, OrganizationField.Residential.Label(), Choices(Enum.GetValues<OrganizationField>().Select(f => f.Label()))),
        new("parentCode", "Mã tổ chức cấp trên", false, "80.27694", "Mã tổ chức cấp trên trực tiếp, trong tệp hoặc đã có trên hệ thống; bắt buộc với mọi tổ chức trừ đảng bộ tỉnh, thành phố (cấp trên cùng, do quản trị hệ thống nhập)."),
        new("foundedOn", "Ngày thành lập", true, "01/07/2025", "dd/mm/yyyy."),
        new("endedOn", "Ngày kết thúc", false, "", "Để trống khi đang hoạt động."),
        new("state", "Trạng thái", false, OrganizationState.Active.Label(), "Để trống là đang hoạt động. " + Choices(Enum.GetValues<OrganizationState>().Select(s => s.Label()))),
        new("successorCode", "Mã tổ chức kế thừa", false, "", "Tổ chức nhận đảng viên và lịch sử khi hợp nhất, sáp nhập."),
        new("endReason", "Lý do kết thúc", false, "", ""),
    ];

    public const string Title = "MẪU NHẬP DANH SÁCH TỔ CHỨC ĐẢNG";

    /// <summary>An organization as a row of the format, in <see cref="Columns"/> order (every cell text, dates dd/mm/yyyy).</summary>
    public static object?[] Row(Organization o, string? parentCode, string? successorCode) =>
    [
        o.Code, o.Name, o.Type.Label(), o.Field.Label(), parentCode, VnFormat.Date(o.FoundedOn), VnFormat.Date(o.EndedOn),
        o.State.Label(), successorCode, o.EndReason,
    ];

    public static XlsxSheet Template() => ImportFormats.Template("Danh sách tổ chức", Title, Columns);

    public static XlsxSheet Guide() => ImportFormats.Guide(Columns,
        "Mỗi dòng một tổ chức; khóa là Mã tổ chức. Tổ chức cấp trên có thể nằm ở dòng bất kỳ của tệp. Xóa dòng ví dụ trước khi nhập.");
}
