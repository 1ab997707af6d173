using System.Globalization;
using System.Text;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Imports.Generation;

namespace PartyOrg.Web.Tests;

/// <summary>
/// The national generator (issue 13 §1): its files are what the importer reads (the formats' headers and row writers), every
/// member passes the register's rules, identifiers and codes are unique, every code a row names exists, the history before
/// the 2025 reform leads each member to their cell, and the same arguments write the same bytes. No database is needed.
/// </summary>
public class GeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 15);
    private const string AsOfText = "15/03/2026";

    private static async Task<string> GenerateAsync(params string[] extra)
    {
        var dir = Path.Combine(Path.GetTempPath(), "partyorg-gen-" + Guid.NewGuid().ToString("N"));
        string[] args = ["generate", "--members", "5000", "--provinces", "3", "--seed", "7", "--as-of", AsOfText, "--out", dir, .. extra];
        var log = new StringWriter();
        Assert.True(await GenerateCommand.RunAsync(args, log) == 0, log.ToString());
        return dir;
    }

    private static (List<string> Header, List<Dictionary<string, string>> Rows) Read(string path, IReadOnlyList<ImportColumn> columns)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV starts with a UTF-8 byte-order mark");
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        var header = rows[0];
        Assert.Equal(columns.Select(ImportFormats.HeaderOf), header);
        return (header, rows.Skip(1).Select(r =>
        {
            Assert.Equal(columns.Count, r.Count);
            return columns.Select((c, i) => (c.Key, r[i])).ToDictionary(p => p.Key, p => p.Item2);
        }).ToList());
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static DateOnly? OptionalDate(string text) => text.Length == 0 ? null : Date(text);

    [Fact]
    public async Task Generator_SmallNationalDataset_PassesTheRegistersRules_WithUniqueIdentifiers_AndCodesThatExist()
    {
        var dir = await GenerateAsync();
        try
        {
            var (_, orgs) = Read(Path.Combine(dir, "to-chuc.csv"), OrganizationImportFormat.Columns);
            var (_, members) = Read(Path.Combine(dir, "dang-vien.csv"), MemberImportFormat.Columns);

            // Organizations: unique codes; every parent and successor exists; each lies inside its parent's life.
            var byCode = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var o in orgs) Assert.True(byCode.TryAdd(o["code"], o), $"organization code {o["code"]} is unique");
            var typeOf = Enum.GetValues<OrganizationType>().ToDictionary(t => t.Label());
            var stateOf = Enum.GetValues<OrganizationState>().ToDictionary(t => t.Label());
            var fields = Enum.GetValues<OrganizationField>().Select(f => f.Label()).ToHashSet();
            foreach (var o in orgs)
            {
                var type = typeOf[o["type"]];
                Assert.Contains(o["field"], fields);
                var state = stateOf[o["state"]];
                var ended = OptionalDate(o["endedOn"]);
                Assert.Equal(state == OrganizationState.Active, ended is null);
                if (type == OrganizationType.Provincial) Assert.Equal("", o["parentCode"]);
                else
                {
                    Assert.True(byCode.TryGetValue(o["parentCode"], out var parent), $"parent {o["parentCode"]} of {o["code"]} exists");
                    Assert.Empty(OrganizationWithinParentRule.Check(new(parent["name"], Date(parent["foundedOn"]), OptionalDate(parent["endedOn"])), Date(o["foundedOn"]), ended));
                }
                if (ended is { } end)
                {
                    Assert.Equal(NationalGenerator.ReformDay, end);
                    if (state == OrganizationState.Merged)
                    {
                        Assert.True(byCode.TryGetValue(o["successorCode"], out var successor), $"successor {o["successorCode"]} of {o["code"]} exists");
                        Assert.Equal("", successor["endedOn"]);
                        Assert.Equal(NationalGenerator.ReformDay, Date(successor["foundedOn"]));
                    }
                }
                else Assert.Equal(NationalGenerator.ReformDay, Date(o["foundedOn"]));
            }
            // Three provinces now, with the former provinces they were formed from (Tuyên Quang: Tuyên Quang and Hà Giang).
            Assert.Equal(["01", "04", "08"], orgs.Where(o => typeOf[o["type"]] == OrganizationType.Provincial && o["endedOn"] == "").Select(o => o["code"]).Order());
            Assert.Equal(["001", "002", "004", "008"], orgs.Where(o => typeOf[o["type"]] == OrganizationType.Provincial && o["endedOn"] != "").Select(o => o["code"]).Order());
            Assert.Equal("08", byCode["002"]["successorCode"]);
            // Every commune-level unit of the three provinces (126 + 56 + 124).
            Assert.Equal(306, orgs.Count(o => typeOf[o["type"]] == OrganizationType.Commune));

            // Members: exactly the number asked; every row passes the register's rules; identifiers unique.
            Assert.Equal(5000, members.Count);
            var ethnic = ReferenceLists.EthnicGroups.ToDictionary(e => e.Name, e => e.Code);
            var genders = Enum.GetValues<Gender>().ToDictionary(g => g.Label());
            var cccds = new HashSet<string>(StringComparer.Ordinal);
            var cards = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in members)
            {
                var facts = new MemberFacts(m["fullName"], genders[m["gender"]], Date(m["dateOfBirth"]), m["citizenId"],
                    ethnic.GetValueOrDefault(m["ethnicGroup"]), m["religion"], Date(m["admittedOn"]), OptionalDate(m["officialOn"]), OptionalDate(m["ceremonyOn"]));
                Assert.Empty(MemberRules.Check(facts, AsOf));
                Assert.InRange(facts.DateOfBirth.Year, 1935, 2007);
                Assert.True(cccds.Add(m["citizenId"]), $"CCCD {m["citizenId"]} is unique");
                Assert.Contains(Enum.GetValues<GeneralEducation>(), e => e.Label() == m["generalEducation"]);
                Assert.Contains(Enum.GetValues<ProfessionalDegree>(), e => e.Label() == m["professionalDegree"]);
                Assert.Contains(Enum.GetValues<PoliticalTheory>(), e => e.Label() == m["politicalTheory"]);
                // Official a year after admission when that year is past; a card only for official members.
                var official = facts.AdmittedOn.AddMonths(12);
                Assert.Equal(official <= AsOf ? official : null, facts.OfficialOn);
                if (facts.OfficialOn is null) Assert.Equal("", m["cardNumber"]);
                else
                {
                    Assert.Matches("^[0-9]{8}$", m["cardNumber"]);
                    Assert.True(cards.Add(m["cardNumber"]), $"card {m["cardNumber"]} is unique");
                }

                // The cell stands; a member admitted before the reform names the ended cell whose successor is that cell.
                var cell = byCode[m["organizationCode"]];
                Assert.True(typeOf[cell["type"]].IsCell() && cell["endedOn"] == "", $"{m["organizationCode"]} is an active cell");
                if (facts.AdmittedOn < NationalGenerator.ReformDay)
                {
                    var earlier = byCode[m["earlierOrganizationCode"]];
                    Assert.True(typeOf[earlier["type"]].IsCell());
                    Assert.Equal(m["organizationCode"], earlier["successorCode"]);
                    Assert.True(Date(earlier["foundedOn"]) <= facts.AdmittedOn);
                }
                else Assert.Equal("", m["earlierOrganizationCode"]);
            }
            // Plausible shares: about a third women, most Kinh, most without religion, some still probationary.
            Assert.InRange(members.Count(m => m["gender"] == Gender.Female.Label()), 1400, 2000);
            Assert.InRange(members.Count(m => m["ethnicGroup"] == "Kinh"), 3000, 4900);
            Assert.InRange(members.Count(m => m["religion"] == "Không theo tôn giáo"), 4300, 4900);
            Assert.Contains(members, m => m["officialOn"] == "");
            Assert.Contains(members, m => m["earlierOrganizationCode"] == "");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Generator_SameArguments_WriteTheSameBytes_AndOneProvinceIsItsPartOfTheCountry()
    {
        var first = await GenerateAsync();
        var second = await GenerateAsync();
        var other = await GenerateAsync("--seed", "8");
        // With --province, --members counts that province's members: given Tuyên Quang's share of the national run, the same rows.
        var share = File.ReadLines(Path.Combine(first, "dang-vien.csv")).Skip(1).Count(l => Csv.Parse(l)[0][18].StartsWith("08.", StringComparison.Ordinal));
        var one = await GenerateAsync("--province", "08", "--members", share.ToString(CultureInfo.InvariantCulture));
        var big = await GenerateAsync("--province", "08", "--members", "2000");
        try
        {
            foreach (var file in new[] { "to-chuc.csv", "dang-vien.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
                Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(other, file)));
            }
            // --province 08: exactly the rows of Tuyên Quang (its tree, the former Tuyên Quang and Hà Giang, its members).
            var national = File.ReadAllLines(Path.Combine(first, "dang-vien.csv")).Skip(1).Where(l => Csv.Parse(l)[0][18].StartsWith("08.", StringComparison.Ordinal)).ToList();
            var alone = File.ReadAllLines(Path.Combine(one, "dang-vien.csv")).Skip(1).ToList();
            Assert.NotEmpty(alone);
            Assert.Equal(national, alone);
            var nationalOrgs = File.ReadAllLines(Path.Combine(first, "to-chuc.csv")).Skip(1).ToHashSet();
            var aloneOrgs = File.ReadAllLines(Path.Combine(one, "to-chuc.csv")).Skip(1).ToList();
            Assert.All(aloneOrgs, o => Assert.Contains(o, nationalOrgs));
            Assert.Contains(aloneOrgs, o => o.StartsWith("002,", StringComparison.Ordinal));
            Assert.DoesNotContain(aloneOrgs, o => o.StartsWith("01,", StringComparison.Ordinal) || o.StartsWith("001", StringComparison.Ordinal));
            Assert.Equal(2000, File.ReadLines(Path.Combine(big, "dang-vien.csv")).Count() - 1);
        }
        finally
        {
            foreach (var d in new[] { first, second, other, one, big }) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public async Task Generator_Xlsx_HasTheHeaderOnRow4_AndTheSameRowsAsTheCsv()
    {
        var csv = await GenerateAsync("--provinces", "1", "--members", "300");
        var xlsx = await GenerateAsync("--provinces", "1", "--members", "300", "--format", "xlsx");
        try
        {
            var sheet = ExportTests.ReadWorkbook(File.ReadAllBytes(Path.Combine(xlsx, "dang-vien.xlsx")))[0];
            var lines = Csv.Parse(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(csv, "dang-vien.csv")).AsSpan(3)));
            Assert.Equal(300, sheet.DataRows());
            Assert.Equal(301, lines.Count);
            for (var i = 0; i < MemberImportFormat.Columns.Count; i++)
            {
                var column = XlsxColumnName(i);
                Assert.Equal(lines[0][i], sheet.Text($"{column}4"));
                Assert.Equal(lines[1][i], sheet.Text($"{column}5"));
                Assert.Equal(lines[300][i], sheet.Text($"{column}304"));
            }
            Assert.True(File.Exists(Path.Combine(xlsx, "to-chuc.xlsx")));
        }
        finally
        {
            Directory.Delete(csv, recursive: true);
            Directory.Delete(xlsx, recursive: true);
        }
    }

    private static string XlsxColumnName(int index) => PartyOrg.Web.Features.Shared.Exports.XlsxWorkbook.ColumnName(index + 1);

    [Theory]
    [InlineData("--members", "abc", "--members")]
    [InlineData("--members", "0", "--members")]
    [InlineData("--provinces", "35", "--provinces")]
    [InlineData("--format", "pdf", "--format")]
    [InlineData("--province", "99", "--province")]
    [InlineData("--as-of", "31/02/2026", "--as-of")]
    public async Task Generator_BadArgument_AnswersInVietnamese_NamingTheOption(string option, string value, string named)
    {
        string[] args = option == "--members" ? ["generate", option, value] : ["generate", "--members", "10", option, value];
        var log = new StringWriter();
        Assert.Equal(2, await GenerateCommand.RunAsync(args, log));
        Assert.StartsWith(named + ":", log.ToString());
        Assert.Contains("Cách dùng", log.ToString());
    }

    [Fact]
    public async Task Generator_MoreMembersInOneProvinceThanCardNumbers_IsRefusedBeforeWriting()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partyorg-gen-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        var members = (NationalGenerator.CardsPerProvince + 1).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2, await GenerateCommand.RunAsync(["generate", "--members", members, "--province", "79", "--out", dir], log));
        Assert.StartsWith("--members:", log.ToString());
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Generator_IntoDatabase_WithoutTheApplication_SaysHowToRunIt_AndWritesNothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partyorg-gen-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        Assert.Equal(2, await GenerateCommand.RunAsync(["generate", "--members", "10", "--out", dir, "--into-database"], log));
        Assert.Contains("--into-database cần cơ sở dữ liệu", log.ToString());
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Generator_Allocate_SumsExactly_InProportion()
    {
        Assert.Equal([3, 3, 4], NationalGenerator.Allocate(10, [1, 1, 1.2]));
        Assert.Equal(5_600_000, NationalGenerator.Allocate(5_600_000, [.. NationalGenerator.Provinces2025().Select(p => (double)p.Total)]).Sum());
        Assert.Equal([0, 7], NationalGenerator.Allocate(7, [0, 2]));
    }
}
