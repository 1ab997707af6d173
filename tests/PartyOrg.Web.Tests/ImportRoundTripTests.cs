using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Reference;
using PartyOrg.Tests.Shared;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Imports;

namespace PartyOrg.Web.Tests;

/// <summary>A province imported, exported in the import formats and imported into an empty database reads back as the same records.</summary>
public class ImportRoundTripTests
{
    /// <summary>A province with the 2025 reorganization: a former commune and its cell, ended on 01/07/2025, merged into a new commune's cell.</summary>
    private static byte[] Tree() => ImportTests.Csv(OrganizationImportFormat.Columns,
    [
        new() { ["code"] = "R", ["name"] = "Đảng bộ tỉnh Vòng", ["type"] = "Đảng bộ tỉnh, thành phố", ["field"] = "Tổng hợp", ["foundedOn"] = "01/01/1990", ["state"] = "Đang hoạt động" },
        new() { ["code"] = "R.OLD", ["name"] = "Đảng bộ xã Cũ", ["type"] = "Đảng bộ xã, phường, đặc khu", ["field"] = "Xã", ["parentCode"] = "R", ["foundedOn"] = "01/01/1990",
                ["endedOn"] = "01/07/2025", ["state"] = "Đã hợp nhất, sáp nhập", ["successorCode"] = "R.NEW", ["endReason"] = "Sắp xếp đơn vị hành chính cấp xã" },
        new() { ["code"] = "R.OLD.1", ["name"] = "Chi bộ ấp Cũ", ["type"] = "Chi bộ cơ sở", ["field"] = "Khu dân cư (thôn, ấp, khu phố)", ["parentCode"] = "R.OLD",
                ["foundedOn"] = "01/01/1990", ["endedOn"] = "01/07/2025", ["state"] = "Đã hợp nhất, sáp nhập", ["successorCode"] = "R.NEW.1" },
        new() { ["code"] = "R.NEW", ["name"] = "Đảng bộ xã Mới", ["type"] = "Đảng bộ xã, phường, đặc khu", ["field"] = "Xã", ["parentCode"] = "R", ["foundedOn"] = "01/07/2025", ["state"] = "Đang hoạt động" },
        new() { ["code"] = "R.NEW.1", ["name"] = "Chi bộ ấp Mới", ["type"] = "Chi bộ cơ sở", ["field"] = "Khu dân cư (thôn, ấp, khu phố)", ["parentCode"] = "R.NEW", ["foundedOn"] = "01/07/2025", ["state"] = "Đang hoạt động" },
    ]);

    private static byte[] Register()
    {
        var rows = new List<Dictionary<string, string>>();
        for (var i = 0; i < 40; i++)
        {
            var row = ImportTests.MemberRow($"Hoàng {(i % 2 == 0 ? "Văn" : "Thị")} Vòng {i}".Replace(" 0", " Không"), i % 2 == 0 ? PartyOrg.Domain.Members.Gender.Male : PartyOrg.Domain.Members.Gender.Female, "R.NEW.1");
            row["fullName"] = $"Hoàng {(i % 2 == 0 ? "Văn" : "Thị")} {new[] { "An", "Bình", "Chi", "Dũng", "Hà" }[i % 5]} {new[] { "Một", "Hai", "Ba", "Tư" }[i / 10]}";
            (row["permanentAddress"], row["cardNumber"]) = ($"Ấp {i}, xã Mới, tỉnh Vòng", (70_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (i % 3 != 0) (row["admittedOn"], row["officialOn"], row["earlierOrganizationCode"]) = ("19/05/2015", "19/05/2016", "R.OLD.1");
            rows.Add(row);
        }
        return ImportTests.Csv(MemberImportFormat.Columns, rows);
    }

    /// <summary>An application on an empty database with one administrator, and a client holding the administrator's token.</summary>
    private static async Task<(WebApplicationFactory<Program> App, TestDatabase Database, HttpClient Client)> EmptyAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var empty = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", database.Provider);
            b.UseSetting("ConnectionStrings:PartyOrg", database.ConnectionString);
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "partyorg-test-keys-" + Guid.NewGuid().ToString("N")));
            b.UseSetting("Imports:Folder", Path.Combine(Path.GetTempPath(), "partyorg-test-imports-" + Guid.NewGuid().ToString("N")));
        });
        _ = empty.Server;
        await using (var scope = empty.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "quantri", CanWrite = true };
            Assert.True((await users.CreateAsync(admin, WebAppFixture.Password)).Succeeded);
            await users.AddToRoleAsync(admin, Roles.Admin);
        }
        var client = empty.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "quantri", password = WebAppFixture.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return (empty, database, client);
    }

    /// <summary>Imports the two files, then exports the province back in the same formats.</summary>
    private static async Task<(byte[] Organizations, byte[] Members)> ImportThenExportAsync(byte[] organizations, byte[] members, string provinceCode = "R")
    {
        var (app, database, client) = await EmptyAsync();
        await using var _ = database;
        await using var __ = app;
        var tree = await ImportTests.ImportAsync(client, "/api/v1/imports/organizations", organizations, "to-chuc.csv");
        Assert.True(tree.GetProperty("state").GetString() == "Committed", tree.ToString());
        var register = await ImportTests.ImportAsync(client, "/api/v1/imports/members", members, "dang-vien.csv");
        Assert.True(register.GetProperty("state").GetString() == "Committed", register.ToString());
        Assert.Equal(Csv.Parse(Encoding.UTF8.GetString(members).TrimStart('\uFEFF')).Count - 1, register.GetProperty("created").GetInt32());
        int province;
        await using (var scope = app.Services.CreateAsyncScope())
            province = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Code == provinceCode).Select(o => o.Id).SingleAsync();
        return (await client.GetByteArrayAsync($"/api/v1/exports/organizations?org={province}&format=csv"),
                await client.GetByteArrayAsync($"/api/v1/exports/members?org={province}&format=csv"));
    }

    [Fact]
    public async Task AProvinceImported_ExportedAndImportedIntoAnEmptyDatabase_ReadsBackAsTheSameRecords()
    {
        var (tree, register) = (Tree(), Register());
        var first = await ImportThenExportAsync(tree, register);
        var second = await ImportThenExportAsync(first.Organizations, first.Members);

        Assert.Equal(Rows(first.Organizations), Rows(second.Organizations));
        Assert.Equal(Rows(first.Members), Rows(second.Members));
        // The export holds what was imported: the format's columns of every row, the history before the merger included.
        Assert.Equal(Rows(tree), Rows(first.Organizations));
        Assert.Equal(Rows(register), Rows(first.Members, MemberImportFormat.Columns.Count));
        Assert.Equal(26, Rows(first.Members).Count(r => r.Contains("|R.OLD.1|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GeneratedProvince_PassesEveryRuleOfTheImport_AndExportsBackAsGenerated()
    {
        var directory = Directory.CreateTempSubdirectory("partyorg-generated-").FullName;
        Assert.Equal(0, await PartyOrg.Web.Features.Imports.Generation.GenerateCommand.RunAsync(
            ["generate", "--members", "3000", "--province", "80", "--seed", "7", "--out", directory], TextWriter.Null));
        var (organizations, members) = (File.ReadAllBytes(Path.Combine(directory, "to-chuc.csv")), File.ReadAllBytes(Path.Combine(directory, "dang-vien.csv")));
        var exported = await ImportThenExportAsync(organizations, members, "80");
        Assert.Equal(Rows(members), Rows(exported.Members, MemberImportFormat.Columns.Count));
    }

    [Fact]
    public async Task GenerateIntoDatabase_WritesTheProvinceThroughTheImport()
    {
        var (app, database, _) = await EmptyAsync();
        await using var __ = database;
        await using var ___ = app;
        var log = new StringWriter();
        var directory = Path.Combine(Path.GetTempPath(), "partyorg-generated-" + Guid.NewGuid().ToString("N"));
        Assert.True(0 == await PartyOrg.Web.Features.Imports.Generation.GenerateCommand.RunAsync(
            ["generate", "--members", "1500", "--province", "80", "--out", directory, "--into-database"], log, app.Services), log.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1500, await db.Members.CountAsync());
        Assert.Equal(2, await db.ImportJobs.CountAsync(j => j.State == ImportState.Committed && j.UserName == "generate"));
        Assert.Equal(1500, await db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.UserName == "generate"));
    }

    /// <summary>The data rows of an exported CSV in a stable order (the files list them in the order of their own pages).</summary>
    private static List<string> Rows(byte[] csv, int columns = int.MaxValue) =>
        Csv.Parse(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF')).Skip(1).Select(r => string.Join("|", r.Take(columns)) + "|").Order(StringComparer.Ordinal).ToList();
}
