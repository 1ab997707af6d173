using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Tests.Shared;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Tests;

/// <summary>The built application as an operator starts it: Production, no demo, the first administrator from the command line.</summary>
public class ProductionStartTests
{
    private static Process Start(TestDatabase database, string workDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyOrg.Web.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__PartyOrg"] = database.ConnectionString;
        info.Environment.Remove("Demo__Enabled");
        return Process.Start(info)!;
    }

    [Fact]
    public async Task FreshProduction_HasNoDemoAccount_SaysHowToCreateTheAdministrator_AndTheVerbCreatesOne()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workDir = Directory.CreateTempSubdirectory("partyorg-prod-").FullName;

        // 1. The server starts on an empty database and says how to create the first administrator, with no password in its output.
        using (var server = Start(database, workDir, "--urls", "http://127.0.0.1:0"))
        {
            var seen = new System.Text.StringBuilder();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !seen.ToString().Contains("create-admin", StringComparison.Ordinal))
            {
                var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
                if (line is null) break;
                seen.AppendLine(line);
            }
            server.Kill(entireProcessTree: true);
            Assert.Contains("create-admin", seen.ToString());
            Assert.DoesNotContain("DangVien@2026", seen.ToString());
            Assert.DoesNotContain("Tài khoản trình diễn", seen.ToString());
        }

        // 2. The verb reads the password from standard input and creates the administrator.
        using (var verb = Start(database, workDir, "create-admin", "quantri"))
        {
            await verb.StandardInput.WriteLineAsync("Quan-Tri-Dau-Tien-2026!");
            verb.StandardInput.Close();
            await verb.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(verb.ExitCode == 0, await verb.StandardError.ReadToEndAsync());
        }

        // 3. The administrator signs in; no demo account exists.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", database.Provider);
            b.UseSetting("ConnectionStrings:PartyOrg", database.ConnectionString);
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(workDir, "keys"));
        });
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "quantri", password = "Quan-Tri-Dau-Tien-2026!" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Null(await users.FindByNameAsync("admin"));
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync("quantri"))!, Roles.Admin));
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Members.AnyAsync());
    }
}
