using System.Net.Http.Json;

namespace PartyOrg.Web.Tests;

public static class ApiWrites
{
    /// <summary>PUT as a well-behaved client does: read the record, then write with its ETag in If-Match.</summary>
    public static async Task<HttpResponseMessage> PutReadFirstAsync<T>(this HttpClient client, string url, T body)
    {
        var read = await client.GetAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (read.Headers.ETag is { } etag) request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
