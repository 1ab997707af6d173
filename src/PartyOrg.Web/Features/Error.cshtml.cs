using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features;

/// <summary>
/// The error page for every failure on a page route (404, 403, 429, 500, 503): Vietnamese, inside the layout, with a way back.
/// It also answers a re-executed API status (an empty 401/404/405) with ProblemDetails. Any method may land here, since a
/// failed POST is re-executed as a POST, so it takes no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>The fields a form sent out of bounds (too long, hidden characters), named in Vietnamese.</summary>
    public IReadOnlyList<string> FieldErrors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int? status) => RenderAsync(status);
    public Task<IActionResult> OnPostAsync(int? status) => RenderAsync(status);
    public Task<IActionResult> OnPutAsync(int? status) => RenderAsync(status);
    public Task<IActionResult> OnDeleteAsync(int? status) => RenderAsync(status);

    private async Task<IActionResult> RenderAsync(int? routeStatus)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Status = HttpContext.Items[ApiExceptionHandler.ErrorStatusKey] as int?
            ?? routeStatus
            ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? 500 : 404);
        if (reExecuted is not null && Problems.IsApiPath(reExecuted.OriginalPath))
        {
            await Problems.WriteAsync(HttpContext, Status);
            return new EmptyResult();
        }
        Response.StatusCode = Status;
        FieldErrors = HttpContext.Items[InputBounds.BoundsErrorsKey] as List<string> ?? [];
        (Heading, Explanation) = Status switch
        {
            403 => ("Bạn không có quyền xem trang này", "Trang hoặc thao tác này dành cho tài khoản có vai trò khác. Nếu cần, hãy đề nghị quản trị hệ thống cấp quyền."),
            404 => ("Không tìm thấy", "Trang hoặc hồ sơ này không có, hoặc nằm ngoài phạm vi tài khoản được giao."),
            // A page opened with a wrong value in its address (a link edited by hand) is not a stale form.
            400 when HttpMethods.IsGet(Request.Method) && FieldErrors.Count > 0
                => ("Địa chỉ trang có giá trị không hợp lệ", "Hãy sửa các mục dưới đây trên địa chỉ trang, hoặc mở lại trang từ danh mục."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc không đúng. Hãy mở lại trang và thử lại; dữ liệu chưa thay đổi."),
            429 => ("Quá nhiều lần thử", "Vui lòng chờ ít phút rồi thử lại."),
            405 => ("Không thực hiện được thao tác này", "Trang này không nhận biểu mẫu gửi đến. Hãy mở lại trang và dùng các nút trên trang."),
            503 => ("Cơ sở dữ liệu tạm thời không truy cập được", "Dữ liệu chưa thay đổi. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, báo cho quản trị hệ thống."),
            _ => ("Đã có lỗi xảy ra", "Hệ thống chưa xử lý được yêu cầu. Dữ liệu chưa thay đổi. Vui lòng thử lại hoặc báo cho quản trị hệ thống."),
        };
        return Page();
    }
}
