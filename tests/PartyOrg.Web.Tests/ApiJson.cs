using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyOrg.Web.Tests;

/// <summary>The API calls the tests make by hand: a JSON POST read back whatever its status, and the messages a refusal gives a field.</summary>
internal static class ApiJson
{
    /// <summary>POSTs the body as JSON (an empty object when none), with If-Match when given; the status and the answer's JSON (default when empty).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    /// <summary>The messages of a ProblemDetails' errors for one field (none when the field has none).</summary>
    public static string[] ErrorsOf(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}
