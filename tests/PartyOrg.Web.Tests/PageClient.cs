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

    /// <summary>Every field of the page's first post form as the browser would send it (inputs, selected options, hidden token).</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string page) =>
        FieldsOf(await client.GetStringAsync(page));

    /// <summary>The fields of the last post form of a page already read.</summary>
    public static Dictionary<string, string> FieldsOf(string html)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = doc.QuerySelectorAll("form[method=post]").Last();
        var fields = new Dictionary<string, string>();
        // As a browser sends them: radio buttons and checkboxes only when checked.
        foreach (var input in form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") is not ("radio" or "checkbox") || i.HasAttribute("checked")))
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        foreach (var select in form.QuerySelectorAll("select[name]"))
            fields[select.GetAttribute("name")!] = (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";
        foreach (var area in form.QuerySelectorAll("textarea[name]"))
            fields[area.GetAttribute("name")!] = area.TextContent;
        return fields;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
