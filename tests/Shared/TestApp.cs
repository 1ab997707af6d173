using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PartyOrg.Tests.Shared;

/// <summary>The real application on the given test database, with the demo province and accounts.</summary>
public static class TestApp
{
    public static WebApplicationFactory<Program> Create(TestDatabase database, string demoPassword) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", database.Provider);
            b.UseSetting("ConnectionStrings:PartyOrg", database.ConnectionString);
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Demo:Password", demoPassword);
            // The suite signs in hundreds of times from one address; the limits themselves are tested on their own host.
            b.UseSetting("Security:SignInAttemptsPerAddress", "100000");
            b.UseSetting("Security:SignInAttemptsPerUser", "100000");
            // Each test run keeps its own key ring.
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "partyorg-test-keys-" + Guid.NewGuid().ToString("N")));
        });
}
