using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PartyOrg.Web.Demo;
using static PartyOrg.Web.Tests.ApiJson;

namespace PartyOrg.Web.Tests;

/// <summary>Every failure answers in Vietnamese, as ProblemDetails on the API and as a page on the site.</summary>
public class ErrorAnswerTests(WebAppFixture app)
{
    [Theory]
    [InlineData("{\"fullName\": ", "fullName")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"fullName\": \"A\", \"organizationId\": \"mười\"}", "organizationId")]
    [InlineData("{\"fullName\": 12345678}", "fullName")]
    public async Task MalformedJsonOrWrongType_Answers400NamingTheField(string json, string field)
    {
        var client = await app.ApiAsAsync("tochuc");
        var response = await client.PostAsync("/api/v1/members", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", text[..Math.Min(2000, text.Length)]);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Dữ liệu không hợp lệ, chưa lưu.", body.GetProperty("title").GetString());
        var message = body.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.StartsWith(field + ":", message);
        Assert.DoesNotContain("System.", message);
    }

    [Fact]
    public async Task BadQueryValue_Answers400NamingTheParameter()
    {
        var client = await app.ApiAsAsync("tochuc");
        var response = await client.GetAsync("/api/v1/members?page=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("không hợp lệ", body.GetProperty("errors").GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task AChoiceWrittenAsTwoNames_IsRefused_NotReadAsAThirdValue()
    {
        // "Reappointment,Transfer" would otherwise be read as the flags of both, which is "Rotation".
        var (status, problem) = await PostAsync(await app.ApiAsAsync("tochuc"), "/api/v1/appointments", new { kind = "Reappointment,Transfer", proposedOn = "2026-11-01" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorsOf(problem, "kind"), m => m.Contains("không có trong danh mục"));
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        (status, problem) = await PostAsync(await app.ApiAsAsync("tochuc"), "/api/v1/training", new { organizationId = province, level = "TheoryElementary, TheoryIntermediate" });
        Assert.Contains(ErrorsOf(problem, "level"), m => m.Contains("không có trong danh mục"));
    }

    [Fact]
    public async Task MissingRequiredQueryValue_Answers400NamingTheParameter()
    {
        var response = await (await app.ApiAsAsync("tochuc")).GetAsync("/api/v1/holdings");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("member: thiếu giá trị, bắt buộc phải có.", body.GetProperty("errors").GetProperty("member")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/khong-co")]
    [InlineData("/api/v1/members/999999999")]
    public async Task UnknownApiRoutes_AnswerProblemDetailsInVietnamese(string path)
    {
        var response = await (await app.ApiAsAsync("tochuc")).GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Không tìm thấy.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApiWithoutToken_Answers401ProblemDetails()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/members");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PageErrors_AreVietnamesePagesInsideTheLayout_NeverJson()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var response = await client.GetAsync("/Members/Details/999999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("Không tìm thấy", StringComparison.Ordinal), html[..Math.Min(html.Length, 3000)]);
        Assert.Contains("Về trang chủ", html);
        Assert.Contains("app-header", html);
    }

    [Fact]
    public async Task Headers_ForbidFramingSniffingInlineScriptAndCaching()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        foreach (var path in new[] { "/", "/Account/Login" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.True(response.Headers.Contains("Permissions-Policy"));
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.False(response.Headers.Contains("Server"));
        }
        var api = await (await app.ApiAsAsync("tochuc")).GetAsync("/api/v1/organizations/root");
        Assert.True(api.Headers.CacheControl?.NoStore);
        var css = await app.Anonymous().GetAsync("/css/site.css");
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task DatabaseOutage_Answers503ProblemDetailsOnTheApi_AndAVietnamesePageOnTheSite()
    {
        // A host on a database that cannot be reached: every read fails the way a stopped server does.
        var unreachable = app.Provider == "Postgres"
            ? "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2"
            : $"Data Source={Path.Combine(Path.GetTempPath(), "khong-co-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly";
        await using var host = app.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:PartyOrg", unreachable));
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var api = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tochuc", password = WebAppFixture.Password });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cơ sở dữ liệu tạm thời không truy cập được", await api.Content.ReadAsStringAsync());
        Assert.DoesNotContain("   at ", await api.Content.ReadAsStringAsync());

        var page = await client.PostAsync("/Account/Login", await PageClient.FormAsync(client, "/Account/Login", new() { ["UserName"] = "tochuc", ["Password"] = "x" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Cơ sở dữ liệu tạm thời không truy cập được", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void DemoData_IsOnByDefaultOnlyInDevelopment(string environment, string? flag, bool expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = flag }).Build();
        var env = new TestEnvironment { EnvironmentName = environment };
        Assert.Equal(expected, DemoOptions.From(config, env).Enabled);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "PartyOrg.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
