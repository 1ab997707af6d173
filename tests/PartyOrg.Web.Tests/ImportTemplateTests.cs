using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Features.Imports;

namespace PartyOrg.Web.Tests;

/// <summary>The member import template: Vietnamese headers and one example row that the register's own rules accept.</summary>
public class ImportTemplateTests(WebAppFixture app)
{
    [Fact]
    public async Task MemberTemplate_Xlsx_HasEveryColumn_AndAnExampleTheRulesAccept()
    {
        var client = await app.ApiAsAsync("tochuc");
        var sheet = ExportTests.ReadWorkbook(await client.GetByteArrayAsync("/api/v1/imports/members/template?format=xlsx"))[0];
        var columns = MemberImportFormat.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = (char)('A' + i);
            Assert.Equal(columns[i].Header + (columns[i].Required ? " (*)" : ""), sheet.Text($"{column}4"));
            Assert.Equal(columns[i].Example, sheet.Text($"{column}5"));
        }
        Assert.Equal(1, sheet.DataRows());

        // The example is a valid member: its CCCD fits its gender and birth date, its choices are in the lists, its cell exists.
        string Example(string key) => columns.Single(c => c.Key == key).Example;
        var gender = Enum.GetValues<Gender>().Single(g => g.Label() == Example("gender"));
        var born = DateOnly.ParseExact(Example("dateOfBirth"), "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(Cccd.Problems(Example("citizenId"), gender, born));
        Assert.Contains(ReferenceLists.EthnicGroups, e => e.Name == Example("ethnicGroup"));
        Assert.Contains(Example("religion"), ReferenceLists.Religions);
        Assert.Contains(Enum.GetValues<PoliticalTheory>(), t => t.Label() == Example("politicalTheory"));
        var cell = Example("organizationCode");
        Assert.True(await app.WithDbAsync((db, _) => db.Organizations.AnyAsync(o => o.Code == cell)));
    }

    [Fact]
    public async Task MemberTemplate_Csv_IsUtf8WithBom_HeadersThenTheExample_QuotedWhereNeeded()
    {
        var client = await app.ApiAsAsync("tochuc");
        var bytes = await client.GetByteArrayAsync("/api/v1/imports/members/template?format=csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(2, lines.Count);
        Assert.Equal(MemberImportFormat.Columns.Select(c => c.Header + (c.Required ? " (*)" : "")), lines[0]);
        Assert.Equal(MemberImportFormat.Columns.Select(c => c.Example), lines[1]);
    }

    [Fact]
    public async Task MemberTemplate_RefusesAnUnknownFormat_AndAMemberAccount()
    {
        var client = await app.ApiAsAsync("tochuc");
        var bad = await client.GetAsync("/api/v1/imports/members/template?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));
        var member = await app.ApiAsAsync("dangvien");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/imports/members/template")).StatusCode);
    }
}
