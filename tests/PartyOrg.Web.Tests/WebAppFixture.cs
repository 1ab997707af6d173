using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Tests.Shared;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

[assembly: AssemblyFixture(typeof(PartyOrg.Web.Tests.WebAppFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PartyOrg.Web.Tests;

/// <summary>The real application over a real database (SQLite or PostgreSQL), seeded with the demo province.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string Password = "Th3-Test-Password!";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TestDatabase database = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string Provider => database.Provider;
    public string ConnectionString => database.ConnectionString;
    /// <summary>The highest organization and placement ids the demo created: tests that judge the demo's data look no further.</summary>
    public (int Organization, int Placement) DemoLastIds { get; private set; }

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        Factory = TestApp.Create(database, Password);
        _ = Factory.Server;
        // A commission user who may only read, scoped to one commune: the scope tests use it.
        await WithDbAsync(async (db, sp) =>
        {
            var commune = await db.Organizations.SingleAsync(o => o.Code == "80.27694");
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "xem-phuong", ScopeOrganizationId = commune.Id, CanWrite = false };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, Roles.Commission);
            DemoLastIds = (await db.Organizations.MaxAsync(o => o.Id), await db.MemberPlacements.MaxAsync(p => p.Id));
        });
    }

    public async ValueTask DisposeAsync()
    {
        try { await Factory.DisposeAsync(); }
        finally { await database.DisposeAsync(); }
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<AppDbContext, IServiceProvider, Task> work) =>
        WithDbAsync<bool>(async (db, sp) => { await work(db, sp); return true; });

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client holding a bearer token for the user, obtained through the token endpoint.</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<int> OrganizationIdAsync(string code) =>
        WithDbAsync((db, _) => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    public Task<int> MemberIdInAsync(string cellCode) =>
        WithDbAsync((db, _) => db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == cellCode))
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
}

public static class DemoCodes
{
    public const string Province = DemoSeeder.NewProvinceCode;
    public const string SecretaryCell = DemoSeeder.SecretaryCellCode;
    /// <summary>A cell in another commune than the secretary's and the read-only user's.</summary>
    public const string ForeignCell = "80.25459.01";
    public const string OldLongAn = "080";
}
