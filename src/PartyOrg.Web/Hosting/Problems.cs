using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PartyOrg.Web.Hosting;

/// <summary>
/// The one shape of every API error: ProblemDetails with a Vietnamese title, never HTML, never a stack trace.
/// Pages get the Vietnamese error page instead (see Features/Error.cshtml).
/// </summary>
public static partial class Problems
{
    public static bool IsApi(HttpContext http) => IsApiPath(http.Request.Path.Value);

    /// <summary>Plain string comparison: a path as sent may hold characters a PathString refuses (a NUL from "%00").</summary>
    public static bool IsApiPath(string? path) => Under(path, "/api") || Under(path, "/openapi");

    private static bool Under(string? path, string prefix) =>
        path is not null && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        401 => "Chưa đăng nhập hoặc phiên làm việc đã kết thúc.",
        403 => "Bạn không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy.",
        405 => "Địa chỉ này không nhận phương thức đó.",
        414 => "Địa chỉ yêu cầu quá dài.",
        409 => "Dữ liệu vừa được người khác ghi; vui lòng tải lại rồi thử lại.",
        412 => "Hồ sơ đã được người khác sửa; chưa lưu.",
        413 => "Dữ liệu gửi lên quá lớn.",
        415 => "Định dạng dữ liệu không được hỗ trợ: hãy gửi JSON (application/json).",
        428 => "Thiếu tiêu đề If-Match: hãy gửi ETag của bản đã đọc.",
        429 => "Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.",
        503 => "Cơ sở dữ liệu tạm thời không truy cập được; dữ liệu chưa thay đổi, vui lòng thử lại sau.",
        >= 500 => "Hệ thống gặp lỗi; dữ liệu chưa thay đổi. Vui lòng thử lại hoặc báo cho quản trị hệ thống.",
        _ => "Yêu cầu không thực hiện được.",
    };

    public static Task WriteAsync(HttpContext http, int status, string? detail = null, IDictionary<string, string[]>? errors = null, string? title = null)
    {
        ProblemDetails problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title ?? Title(status);
        problem.Detail = detail;
        problem.Extensions["requestId"] = http.TraceIdentifier;
        http.Response.StatusCode = status;
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return http.Response.WriteAsJsonAsync(problem, problem.GetType(), json, "application/problem+json");
    }

    /// <summary>A database that cannot be reached (stopped, refusing connections, busy or locked) rather than a fault of ours.</summary>
    public static bool IsDatabaseUnavailable(Exception error)
    {
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Turns a request the framework could not bind (malformed JSON, a wrong type, a missing body or a bad query value)
    /// into field errors in Vietnamese, keyed by the JSON path or parameter name.
    /// </summary>
    public static Dictionary<string, string[]> BindingErrors(BadHttpRequestException error)
    {
        if (error.InnerException is JsonException json)
        {
            var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
            var expected = ExpectedType(json.Message);
            var message = expected is null || field == "body"
                ? $"{field}: nội dung JSON không đúng cú pháp hoặc không đúng cấu trúc."
                : $"{field}: giá trị không đúng kiểu, cần {expected}.";
            return new() { [field] = [message] };
        }
        if (QueryValue().Match(error.Message) is { Success: true } q)
            return new() { [q.Groups["name"].Value] = [$"{q.Groups["name"].Value}: giá trị \"{Features.Shared.InputParsing.Shown(q.Groups["value"].Value)}\" không hợp lệ ({ExpectedType(q.Groups["type"].Value) ?? "sai kiểu"})."] };
        if (MissingValue().Match(error.Message) is { Success: true } m)
            return new() { [m.Groups["name"].Value] = [$"{m.Groups["name"].Value}: thiếu giá trị, bắt buộc phải có."] };
        if (error.Message.Contains("was not provided from body", StringComparison.Ordinal) || error.Message.Contains("empty body", StringComparison.OrdinalIgnoreCase))
            return new() { ["body"] = ["body: thiếu nội dung JSON."] };
        if (error.Message.Contains("JSON", StringComparison.Ordinal))
            return new() { ["body"] = ["body: nội dung JSON không đọc được."] };
        return new() { ["request"] = ["Yêu cầu không đúng định dạng."] };
    }


    private static string? ExpectedType(string text) => text switch
    {
        _ when text.Contains("Int32", StringComparison.Ordinal) || text.Contains("int", StringComparison.Ordinal) && !text.Contains("Point", StringComparison.Ordinal) => "số nguyên",
        _ when text.Contains("Decimal", StringComparison.Ordinal) || text.Contains("Double", StringComparison.Ordinal) => "số",
        _ when text.Contains("Boolean", StringComparison.Ordinal) || text.Contains("bool", StringComparison.Ordinal) => "true hoặc false",
        _ when text.Contains("DateOnly", StringComparison.Ordinal) => "ngày dạng yyyy-mm-dd",
        _ when text.Contains("String", StringComparison.Ordinal) || text.Contains("string", StringComparison.Ordinal) => "chuỗi ký tự",
        _ when text.Contains("could not be converted", StringComparison.Ordinal) => "giá trị khác",
        _ => null,
    };

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^\"]*?) (?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"", RegexOptions.Singleline)]
    private static partial Regex QueryValue();

    [GeneratedRegex("Required parameter \"(?<type>[^\"]*?) (?<name>[A-Za-z0-9_]+)\" was not provided from (query string|route|header)")]
    private static partial Regex MissingValue();
}

/// <summary>Answers API requests that failed with ProblemDetails; page requests fall through to the error page.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception error, CancellationToken cancellationToken)
    {
        var status = StatusFor(error);
        if (status >= 500) log.LogError(error, "Request {RequestId} failed with {Status}", http.TraceIdentifier, status);
        // The middleware has already pointed the request at /Error: the original path says whether it was an API call.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        if (!Problems.IsApiPath(path))
        {
            // The error page renders in Vietnamese; it reads the status from the feature set here.
            http.Items[ErrorStatusKey] = status;
            return false;
        }
        if (http.Response.HasStarted) return true;
        http.Response.Clear();
        if (error is BadHttpRequestException bad && status == 400)
            await Problems.WriteAsync(http, 400, errors: Problems.BindingErrors(bad), title: "Dữ liệu không hợp lệ, chưa lưu.");
        else
            await Problems.WriteAsync(http, status);
        return true;
    }

    public const string ErrorStatusKey = "PartyOrg.ErrorStatus";

    public static int StatusFor(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        // A parallel writer created the same record first (a unique index refused this one): nothing of ours was saved.
        DbUpdateException unique when PartyOrg.Web.Data.DbErrors.IsUniqueViolation(unique) => StatusCodes.Status409Conflict,
        _ when Problems.IsDatabaseUnavailable(error) => StatusCodes.Status503ServiceUnavailable,
        OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
