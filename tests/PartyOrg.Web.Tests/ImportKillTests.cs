using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Tests.Shared;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Imports;

namespace PartyOrg.Web.Tests;

/// <summary>An import killed with SIGKILL while it writes leaves the register exactly as it was, and the next start says so.</summary>
public class ImportKillTests
{
    private const string AdminPassword = "Quan-Tri-Nhap-Tep-2026!";
    private const int Members = 120_000;

    private static Process Start(TestDatabase database, string workDir, params string[] args) => Start(database, workDir, new StringBuilder(), args);

    private static Process Start(TestDatabase database, string workDir, StringBuilder errors, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyOrg.Web.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__PartyOrg"] = database.ConnectionString;
        info.Environment["DataProtection__KeysFolder"] = Path.Combine(workDir, "keys");
        info.Environment["Imports__Folder"] = Path.Combine(workDir, "imports");
        info.Environment.Remove("Demo__Enabled");
        var process = Process.Start(info)!;
        // Drain the output (the migrations of a fresh database log a lot) so that the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ImportKilledWhileWriting_LeavesNothing_AndTheJobIsRefusedAtTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workDir = Directory.CreateTempSubdirectory("partyorg-kill-").FullName;
        var verbErrors = new StringBuilder();
        using (var verb = Start(database, workDir, verbErrors, "create-admin", "quantri"))
        {
            await verb.StandardInput.WriteLineAsync(AdminPassword);
            verb.StandardInput.Close();
            await verb.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            Assert.True(verb.ExitCode == 0, verbErrors.ToString());
        }

        var port = FreePort();
        int jobId;
        string lastSeen;
        using (var server = Start(database, workDir, "--urls", $"http://127.0.0.1:{port}"))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var token = await WaitForTokenAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // A small tree, then a large member file into its cell.
            var orgs = ImportTests.Csv(OrganizationImportFormat.Columns,
            [
                new() { ["code"] = "K", ["name"] = "Đảng bộ tỉnh Thử", ["type"] = "Đảng bộ tỉnh, thành phố", ["field"] = "Tổng hợp", ["foundedOn"] = "01/01/1990" },
                new() { ["code"] = "K.1", ["name"] = "Đảng bộ xã Thử", ["type"] = "Đảng bộ xã, phường, đặc khu", ["field"] = "Xã", ["parentCode"] = "K", ["foundedOn"] = "01/01/1990" },
                new() { ["code"] = "K.1.1", ["name"] = "Chi bộ ấp Thử", ["type"] = "Chi bộ cơ sở", ["field"] = "Khu dân cư (thôn, ấp, khu phố)", ["parentCode"] = "K.1", ["foundedOn"] = "01/01/1990" },
            ]);
            var tree = await ImportTests.ImportAsync(client, "/api/v1/imports/organizations", orgs, "to-chuc.csv");
            Assert.Equal("Committed", tree.GetProperty("state").GetString());

            var started = await ImportTests.PostFileAsync(client, "/api/v1/imports/members", LargeMemberFile());
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

            // Kill the server the moment the job starts writing (SIGKILL: no shutdown, no rollback by the application).
            var deadline = DateTime.UtcNow.AddSeconds(300);
            while (true)
            {
                var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{jobId}");
                lastSeen = job.ToString();
                Assert.True(job.GetProperty("state").GetString() == "Running", lastSeen);
                if (job.GetProperty("phase").GetString() == "Đang ghi vào cơ sở dữ liệu") break;
                Assert.True(DateTime.UtcNow < deadline, lastSeen);
                await Task.Delay(20);
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        // The next start closes the job and the register holds none of the file.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", database.Provider);
            b.UseSetting("ConnectionStrings:PartyOrg", database.ConnectionString);
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(workDir, "keys"));
            b.UseSetting("Imports:Folder", Path.Combine(workDir, "imports"));
        });
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        Assert.Equal(ImportState.Refused, stored.State);
        Assert.Equal(ImportRunner.Interrupted, stored.Message);
        Assert.Equal(0, await db.Members.CountAsync());
        Assert.Equal(0, await db.MemberPlacements.CountAsync());
        Assert.Equal(0, await db.MemberNameKeys.CountAsync());
        Assert.Equal(0, await db.SubtreeCountChanges.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Member)));
        Assert.Equal(3, await db.Organizations.CountAsync());
        Assert.False(File.Exists(stored.StoredPath), "the uploaded file of a closed job is removed");
    }

    private static async Task<string> WaitForTokenAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "quantri", password = AdminPassword });
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static byte[] LargeMemberFile() => ImportTests.Csv(MemberImportFormat.Columns, Enumerable.Range(0, Members).Select(i =>
    {
        var gender = i % 3 == 0 ? Gender.Female : Gender.Male;
        var year = 1950 + i % 40;
        return new Dictionary<string, string>
        {
            ["citizenId"] = string.Create(CultureInfo.InvariantCulture, $"072{Cccd.CenturyGenderDigit(gender, year)}{year % 100:00}{i:000000}"),
            ["fullName"] = $"Nguyễn {(gender == Gender.Female ? "Thị" : "Văn")} Thử", ["gender"] = gender.Label(),
            ["dateOfBirth"] = $"15/03/{year}", ["ethnicGroup"] = "Kinh", ["religion"] = "Không theo tôn giáo",
            ["generalEducation"] = GeneralEducation.UpperSecondary.Label(), ["professionalDegree"] = ProfessionalDegree.Bachelor.Label(),
            ["politicalTheory"] = PoliticalTheory.Elementary.Label(), ["admittedOn"] = "02/09/2010", ["officialOn"] = "02/09/2011", ["organizationCode"] = "K.1.1",
        };
    }));
}
