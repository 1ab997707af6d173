using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PartyOrg.Web.Tests;

/// <summary>Signs in through the real login form (antiforgery token and cookie) for page tests.</summary>
public static partial class PageClient
{
    public static async Task<HttpClient> SignInAsync(WebAppFixture app, string userName)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/Account/Login", await FormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = WebAppFixture.Password }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed for {userName}.");
        return client;
    }

    /// <summary>The form fields with the page's antiforgery token added.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
