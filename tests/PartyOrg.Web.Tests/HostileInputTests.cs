using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyOrg.Web.Tests;

/// <summary>Requests a tester crafted by hand: each answered in Vietnamese with a 4xx, never a 500 or a stack trace.</summary>
public class HostileInputTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/api/v1/members/%2500")]
    [InlineData("/api/v1/organizations/%2500/children")]
    [InlineData("/Members/Details/%2500")]
    [InlineData("/%2500")]
    public async Task NulInThePath_AnswersA4xxWithoutInternals(string path)
    {
        var client = path.StartsWith("/api", StringComparison.Ordinal) ? await app.ApiAsAsync("tochuc") : await PageClient.SignInAsync(app, "tochuc");
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(".cs:line", body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Admissions")]
    [InlineData("/Organizations/Details/1")]
    public async Task PostToAPageThatTakesNoForm_Answers405InVietnamese(string page)
    {
        var client = await PageClient.SignInAsync(app, "admin");
        var response = await client.PostAsync(page, await PageClient.FormAsync(client, "/Members", []));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Không thực hiện được thao tác này", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACheckboxHoldingText_AnswersTheFieldNotA500()
    {
        var client = await PageClient.SignInAsync(app, "admin");
        var form = await PageClient.FormAsync(client, "/Users", new()
        {
            ["Input.UserName"] = "hop-kiem", ["Input.Password"] = "Khoi-Tao-2026!", ["Input.Role"] = "CellSecretary", ["Input.CanWrite"] = "AAAA",
        });
        var response = await client.PostAsync("/Users?handler=Create", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("canWrite: giá trị không hợp lệ.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffAccount_CannotBeLinkedToAMemberOfAnotherOrganization()
    {
        var admin = await app.ApiAsAsync("admin");
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var stranger = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        foreach (var memberId in new[] { stranger, int.MaxValue })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                userName = "lk" + Guid.NewGuid().ToString("N")[..8], password = "Khoi-Tao-2026!", role = "CellSecretary", organizationId = cell, memberId, canWrite = true,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _));
        }
    }
}
