using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PartyOrg.Web.Tests;

public class AccountAndStoreTests(WebAppFixture app)
{
    [Fact]
    public async Task Health_AnswersOkWhenTheDatabaseIsReachable() =>
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);

    [Fact]
    public async Task OpenApiDocument_ListsTheApi()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/members", doc);
        Assert.Contains("/api/v1/organizations/root", doc);
        Assert.Contains("/api/v1/auth/token", doc);
    }

    [Fact]
    public async Task PasswordPolicy_RefusesWeakPasswordsInVietnamese()
    {
        var result = await app.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartyOrg.Web.Data.AppUser>>();
            return await users.CreateAsync(new PartyOrg.Web.Data.AppUser { UserName = "yeu" }, "abc");
        });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description == "Mật khẩu: phải có ít nhất 10 ký tự.");
    }

    [Fact]
    public async Task Delete_IsNeverPhysical()
    {
        var id = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async (db, _) =>
        {
            db.Members.Remove(await db.Members.SingleAsync(m => m.Id == id));
            await db.SaveChangesAsync();
        }));
        Assert.Contains("never physically deleted", error.Message);
        Assert.True(await app.WithDbAsync((db, _) => db.Members.AnyAsync(m => m.Id == id)));
    }

    [Fact]
    public async Task Migrations_MatchTheModel() =>
        Assert.False(await app.WithDbAsync((db, _) => Task.FromResult(db.Database.HasPendingModelChanges())));

    [Fact]
    public async Task EditPage_InvalidForm_ShowsVietnameseReasonsAndKeepsTheRecord()
    {
        var client = await PageClient.SignInAsync(app, "tochuc");
        var id = await app.MemberIdInAsync(DemoCodes.SecretaryCell);
        var before = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        var page = $"/Members/Edit/{id}";
        var form = await PageClient.FormAsync(client, page, new()
        {
            ["Input.FullName"] = "Lê Văn Mới",
            ["Input.Gender"] = before.Gender.ToString(),
            ["Input.DateOfBirth"] = "2030-01-01",
            ["Input.CitizenId"] = "12345",
            ["Input.EthnicGroupCode"] = "01",
            ["Input.Religion"] = "Không theo tôn giáo",
            ["Input.AdmittedOn"] = "2020-01-01",
            ["Input.OrganizationId"] = before.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var response = await client.PostAsync(page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = doc.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("Ngày sinh: không được sau ngày hôm nay.", summary);
        Assert.Contains("Số CCCD: phải gồm đúng 12 chữ số.", summary);
        Assert.Equal("Lê Văn Mới", doc.QuerySelector("#Input_FullName")!.GetAttribute("value"));
        var after = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(before.FullName, after.FullName);
    }
}
