using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyOrg.Web.Tests;

public class OrganizationApiTests(WebAppFixture app)
{
    [Fact]
    public async Task Root_IsTheCallersProvinceWithItsWholeMembership()
    {
        var client = await app.ApiAsAsync("tochuc");
        var root = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root");
        Assert.Equal("80", root.GetProperty("code").GetString());
        Assert.Equal("Đảng bộ tỉnh Tây Ninh", root.GetProperty("name").GetString());
        Assert.Equal("Provincial", root.GetProperty("type").GetString());
        Assert.True(root.GetProperty("memberCount").GetInt32() > 1000);
    }

    [Fact]
    public async Task Children_CountsRollUpToTheParent()
    {
        var client = await app.ApiAsAsync("tochuc");
        var root = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/root");
        var children = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{root.GetProperty("id").GetInt32()}/children");
        // 96 communes and wards directly under the province since 1/7/2025, plus the four agency blocks.
        Assert.Equal(96, children.EnumerateArray().Count(c => c.GetProperty("type").GetString() == "Commune"));
        Assert.Equal(root.GetProperty("memberCount").GetInt32(), children.EnumerateArray().Sum(c => c.GetProperty("memberCount").GetInt32()));
        foreach (var field in new[] { "id", "code", "name", "type", "memberCount" })
            Assert.True(children[0].TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task AsOf_ShowsTheMergedProvinceAsItWasBeforeTheReform()
    {
        var client = await app.ApiAsAsync("tochuc");
        var longAn = await app.OrganizationIdAsync(DemoCodes.OldLongAn);
        var today = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{longAn}");
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{longAn}?asOf=2024-12-31");
        Assert.Equal("Merged", today.GetProperty("state").GetString());
        Assert.Equal(0, today.GetProperty("memberCount").GetInt32());
        Assert.True(before.GetProperty("memberCount").GetInt32() > 0);
        // The district level existed then: Long An's children on that date are its 15 district committees and the agency block.
        var districts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{longAn}/children?asOf=2024-12-31");
        Assert.Equal(15, districts.EnumerateArray().Count(c => c.GetProperty("type").GetString() == "District"));
        Assert.Equal(before.GetProperty("memberCount").GetInt32(), districts.EnumerateArray().Sum(c => c.GetProperty("memberCount").GetInt32()));
    }

    [Fact]
    public async Task Update_IsAuditedWithWhoAndWhat()
    {
        var client = await app.ApiAsAsync("tochuc");
        var id = await app.OrganizationIdAsync("80.27712.TH");
        var org = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        var input = new
        {
            code = org.GetProperty("code").GetString(),
            name = "Chi bộ Trường Tiểu học Tân An 1",
            type = org.GetProperty("type").GetString(),
            field = org.GetProperty("field").GetString(),
            foundedOn = org.GetProperty("foundedOn").GetString(),
        };

        var response = await client.PutReadFirstAsync($"/api/v1/organizations/{id}", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/history");
        var latest = history[0];
        Assert.Equal("tochuc", latest.GetProperty("userName").GetString());
        var change = Assert.Single(latest.GetProperty("changes").EnumerateArray());
        Assert.Equal("Name", change.GetProperty("field").GetString());
        Assert.Equal("Chi bộ Trường Tiểu học Tân An", change.GetProperty("before").GetString());
        Assert.Equal("Chi bộ Trường Tiểu học Tân An 1", change.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Update_EndingWithoutAState_IsRefusedInVietnamese()
    {
        var client = await app.ApiAsAsync("tochuc");
        var id = await app.OrganizationIdAsync("80.27712.YT");
        var response = await client.PutReadFirstAsync($"/api/v1/organizations/{id}",
            new { code = "80.27712.YT", name = "Chi bộ Trạm Y tế phường Tân An", type = "BaseCell", field = "PublicService", foundedOn = "2025-07-01", endedOn = "2025-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Ngày kết thúc: phải sau ngày thành lập.", errors.GetProperty("endedOn")[0].GetString());
        Assert.StartsWith("Trạng thái:", errors.GetProperty("state")[0].GetString());
    }

    [Fact]
    public async Task CreateChild_GivesItAPathUnderTheParent()
    {
        var client = await app.ApiAsAsync("tochuc");
        var parent = await app.OrganizationIdAsync("80.UB.GD");
        var response = await client.PostAsJsonAsync($"/api/v1/organizations/{parent}/children",
            new { code = "80.UB.GD.04", name = "Chi bộ Phòng Giáo dục thường xuyên", type = "DependentCell", field = "Agency", foundedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parent, created.GetProperty("parentId").GetInt32());
        Assert.False(created.GetProperty("isBase").GetBoolean());
        var children = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{parent}/children");
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("code").GetString() == "80.UB.GD.04");
    }
}
