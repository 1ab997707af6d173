using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartyOrg.Web.Hosting;

public enum TextKind
{
    /// <summary>Names, codes, numbers, choices: no control, direction or invisible characters at all.</summary>
    Strict,
    /// <summary>Reasons, addresses, documents: tab and line breaks allowed, nothing else invisible.</summary>
    FreeText,
    /// <summary>Passwords: any visible character, bounded only in length.</summary>
    Secret,
}

/// <summary>
/// Bounds every string and number a request carries before anything reaches the database, the same on SQLite and
/// PostgreSQL: a length no column can overflow, no control characters (NUL, C0, C1), no direction overrides and no
/// zero-width characters where they could disguise a name or a number, and ids, years and page numbers in range.
/// A violation answers 400 naming the field in Vietnamese; nothing is read or saved.
/// </summary>
public static class InputBounds
{
    private sealed record Bound(int Max, TextKind Kind, string Label);

    /// <summary>Every string field of the forms and the API, by property name; the maximum never exceeds its column.</summary>
    private static readonly Dictionary<string, Bound> Strings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FullName"] = new(120, TextKind.Strict, "Họ và tên"),
        ["DisplayName"] = new(120, TextKind.Strict, "Họ tên"),
        ["UserName"] = new(256, TextKind.Strict, "Tên đăng nhập"),
        ["Name"] = new(300, TextKind.Strict, "Tên"),
        ["Code"] = new(40, TextKind.Strict, "Mã"),
        ["ToOrganizationCode"] = new(40, TextKind.Strict, "Mã tổ chức nhận"),
        ["CitizenId"] = new(12, TextKind.Strict, "Số CCCD"),
        ["CardNumber"] = new(20, TextKind.Strict, "Số thẻ đảng viên"),
        ["EthnicGroupCode"] = new(2, TextKind.Strict, "Dân tộc"),
        ["Religion"] = new(120, TextKind.Strict, "Tôn giáo"),
        ["Number"] = new(60, TextKind.Strict, "Số văn bản"),
        ["DecisionNumber"] = new(60, TextKind.Strict, "Số quyết định"),
        ["LetterNumber"] = new(60, TextKind.Strict, "Số giấy giới thiệu"),
        ["LateConsentNumber"] = new(60, TextKind.Strict, "Số văn bản đồng ý của cấp ủy cấp trên"),
        ["Term"] = new(20, TextKind.Strict, "Nhiệm kỳ"),
        ["Title"] = new(300, TextKind.Strict, "Tên chức danh"),
        ["Institution"] = new(300, TextKind.Strict, "Cơ sở đào tạo"),
        ["CertificateNumber"] = new(60, TextKind.Strict, "Số văn bằng, chứng chỉ"),
        ["Note"] = new(500, TextKind.FreeText, "Ghi chú"),
        // Dates and choices of the cadre forms: short values, named in Vietnamese when refused.
        ["ProposedOn"] = new(40, TextKind.Strict, "Ngày đề xuất"),
        ["On"] = new(40, TextKind.Strict, "Ngày"),
        ["DecidedOn"] = new(40, TextKind.Strict, "Ngày quyết định"),
        ["EffectiveOn"] = new(40, TextKind.Strict, "Ngày có hiệu lực"),
        ["FinishedOn"] = new(40, TextKind.Strict, "Ngày kết thúc học"),
        ["Kind"] = new(40, TextKind.Strict, "Loại"),
        ["Level"] = new(40, TextKind.Strict, "Chương trình"),
        ["Result"] = new(40, TextKind.Strict, "Kết quả"),
        ["ConsentDocument"] = new(120, TextKind.FreeText, "Văn bản đồng ý"),
        ["ProvincialConsent"] = new(300, TextKind.FreeText, "Văn bản đồng ý của cấp tỉnh"),
        ["Reason"] = new(300, TextKind.FreeText, "Lý do"),
        ["ExemptReason"] = new(300, TextKind.FreeText, "Lý do không đánh giá"),
        ["Violation"] = new(500, TextKind.FreeText, "Nội dung vi phạm"),
        ["LateReason"] = new(300, TextKind.FreeText, "Lý do nộp giấy giới thiệu quá hạn"),
        ["EndReason"] = new(300, TextKind.FreeText, "Lý do kết thúc"),
        ["Document"] = new(300, TextKind.FreeText, "Văn bản"),
        ["Basis"] = new(300, TextKind.Strict, "Căn cứ"),
        ["Birthplace"] = new(300, TextKind.FreeText, "Nơi sinh"),
        ["HomeTown"] = new(300, TextKind.FreeText, "Quê quán"),
        ["PermanentAddress"] = new(300, TextKind.FreeText, "Nơi thường trú"),
        ["CurrentAddress"] = new(300, TextKind.FreeText, "Nơi ở hiện nay"),
        ["Occupation"] = new(300, TextKind.FreeText, "Nghề nghiệp"),
        ["Profession"] = new(300, TextKind.FreeText, "Nghề nghiệp"),
        ["Password"] = new(256, TextKind.Secret, "Mật khẩu"),
        ["CurrentPassword"] = new(256, TextKind.Secret, "Mật khẩu hiện tại"),
        ["NewPassword"] = new(256, TextKind.Secret, "Mật khẩu mới"),
        ["ConfirmPassword"] = new(256, TextKind.Secret, "Nhập lại mật khẩu mới"),
        ["RefreshToken"] = new(4096, TextKind.Strict, "Mã gia hạn"),
        ["TwoFactorCode"] = new(10, TextKind.Strict, "Mã xác thực"),
        ["Q"] = new(100, TextKind.Strict, "Từ khóa tìm kiếm"),
        ["OrgQuery"] = new(100, TextKind.Strict, "Tìm tổ chức"),
        // Numbers of an address: only their labels are read from here.
        ["Year"] = new(10, TextKind.Strict, "Năm"),
        ["Org"] = new(10, TextKind.Strict, "Tổ chức"),
        ["Page"] = new(10, TextKind.Strict, "Trang"),
        ["PageSize"] = new(10, TextKind.Strict, "Số dòng mỗi trang"),
        ["Value"] = new(120, TextKind.Strict, "Giá trị"),
    };

    /// <summary>Dates, choices and anything not listed: short, single-line values.</summary>
    private static readonly Bound Other = new(40, TextKind.Strict, "");

    public const int MaxPage = 100_000;

    public static List<(string Field, string Message)> Check(string name, object? value, int depth = 0)
    {
        var errors = new List<(string, string)>();
        switch (value)
        {
            case null:
                break;
            case string text:
                CheckText(name, text, errors);
                break;
            case int number:
                CheckNumber(name, number, errors);
                break;
            case DateOnly date when date.Year is < 1900 or > 2100:
                errors.Add((Camel(name), $"{Camel(name)}: ngày {date:dd/MM/yyyy} nằm ngoài khoảng 01/01/1900 – 31/12/2100."));
                break;
            case var input when depth == 0 && input.GetType().Namespace?.StartsWith("PartyOrg.Web", StringComparison.Ordinal) == true && input.GetType().IsClass:
                foreach (var p in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
                    errors.AddRange(Check(p.Name, p.GetValue(input), depth + 1));
                break;
        }
        return errors;
    }

    private static void CheckText(string name, string text, List<(string, string)> errors)
    {
        var bound = Strings.GetValueOrDefault(name) ?? (name.EndsWith("Name", StringComparison.Ordinal) ? Strings["FullName"] : Other);
        var label = bound.Label.Length > 0 ? bound.Label : Camel(name);
        if (text.Length > bound.Max)
        {
            errors.Add((Camel(name), $"{label}: dài quá {bound.Max.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} ký tự."));
            return;
        }
        if (bound.Kind != TextKind.Secret && FirstForbidden(text, bound.Kind) is { } bad)
            errors.Add((Camel(name), $"{label}: có ký tự điều khiển hoặc ký tự ẩn không được phép (mã U+{(int)bad:X4})."));
    }

    private static void CheckNumber(string name, int number, List<(string, string)> errors)
    {
        var field = Camel(name);
        var label = Strings.TryGetValue(name, out var known) && known.Label.Length > 0 ? known.Label : field;
        if ((name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.Equals("org", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal)) && number < 1)
            errors.Add((field, $"{label}: mã phải là số dương."));
        else if (name.Equals("page", StringComparison.OrdinalIgnoreCase) && number is < 1 or > MaxPage)
            errors.Add((field, $"{label}: phải từ 1 đến {MaxPage.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}."));
        else if (name.Equals("pageSize", StringComparison.OrdinalIgnoreCase) && number is < 1 or > PartyOrg.Web.Features.Shared.Paging.MaxSize)
            errors.Add((field, $"{label}: phải từ 1 đến {PartyOrg.Web.Features.Shared.Paging.MaxSize}."));
        else if (name.Equals("year", StringComparison.OrdinalIgnoreCase) && number is < 1900 or > 2100)
            errors.Add((field, $"{label}: phải từ 1900 đến 2100."));
        else if ((name.Equals("count", StringComparison.OrdinalIgnoreCase) || name.Equals("milestone", StringComparison.OrdinalIgnoreCase)) && number > 10_000_000)
            errors.Add((field, $"{field}: số không hợp lệ."));
    }

    /// <summary>The first character a value of this kind may not hold, if any.</summary>
    public static char? FirstForbidden(string text, TextKind kind)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return c;
            if (kind == TextKind.FreeText && c is '\t' or '\r' or '\n') continue;
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F') return c;
            if (c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\u061C' or '\uFEFF') return c;
        }
        return null;
    }

    /// <summary>The Vietnamese label of a form key ("Input.CitizenId" → "Số CCCD"), or the key itself.</summary>
    private static string Label(string key)
    {
        var name = key[(key.LastIndexOf('.') + 1)..];
        return Strings.TryGetValue(name, out var bound) && bound.Label.Length > 0 ? bound.Label : Camel(name);
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static Dictionary<string, string[]> Group(IEnumerable<(string Field, string Message)> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>Checks every argument of an API endpoint (body objects, query values, route ids) before the handler runs.</summary>
    public static RouteGroupBuilder WithInputBounds(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            // Injected services are not input: their public properties (a note, a setting) are never the caller's to bound.
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var parameters = factory.MethodInfo.GetParameters();
            var names = parameters.Select(p => p.Name ?? "").ToArray();
            var input = parameters.Select(p => services?.IsService(p.ParameterType) != true).ToArray();
            return async context =>
            {
                var errors = new List<(string, string)>();
                for (var i = 0; i < context.Arguments.Count && i < names.Length; i++)
                    if (input[i]) errors.AddRange(Check(names[i], context.Arguments[i]));
                if (errors.Count == 0) return await next(context);
                return TypedResults.ValidationProblem(Group(errors), title: "Dữ liệu không hợp lệ, chưa lưu.");
            };
        });
        return group;
    }

    /// <summary>The same bounds on every page handler's bound properties and arguments: the answer is the 400 page listing the fields.</summary>
    public sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            // A form sent to a page that takes none (POST to a list page): 405, not a page drawn without its data.
            if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return;
            }
            var errors = new List<(string, string)>();
            // Values the binder could not convert (a number, a yes/no or a date field holding text): the page cannot be
            // drawn again with them, so the answer lists the fields.
            foreach (var (key, entry) in context.ModelState.Where(e => e.Value is { Errors.Count: > 0, AttemptedValue: not null }))
                errors.Add((key, $"{Label(key)}: giá trị không hợp lệ."));
            foreach (var (name, value) in context.HandlerArguments) errors.AddRange(Check(name, value));
            foreach (var p in context.HandlerInstance.GetType().GetProperties()
                         .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null && p.CanRead))
                errors.AddRange(Check(p.Name, p.GetValue(context.HandlerInstance)));
            if (errors.Count == 0)
            {
                await next();
                return;
            }
            context.HttpContext.Items[BoundsErrorsKey] = errors.Select(e => e.Item2).ToList();
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public const string BoundsErrorsKey = "PartyOrg.BoundsErrors";
}
