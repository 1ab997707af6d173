using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Tests;

/// <summary>Importing member and organization files through the API: all or nothing, every bad row, idempotent, previewed, scoped.</summary>
public class ImportTests(WebAppFixture app)
{
    private static int serial = Random.Shared.Next(100_000, 800_000);

    /// <summary>A fresh valid CCCD (Tây Ninh's birth code 072) for a person of that gender and birth year.</summary>
    internal static string NewCitizenId(Gender gender, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"072{Cccd.CenturyGenderDigit(gender, year)}{year % 100:00}{Interlocked.Increment(ref serial):000000}");

    /// <summary>A member row in the import format, valid unless changed: a probationary member admitted after the 2025 reorganization.</summary>
    internal static Dictionary<string, string> MemberRow(string name, Gender gender = Gender.Male, string cell = DemoCodes.SecretaryCell) => new()
    {
        ["citizenId"] = NewCitizenId(gender, 1995), ["fullName"] = name, ["gender"] = gender.Label(), ["dateOfBirth"] = "12/03/1995",
        ["ethnicGroup"] = "Kinh", ["religion"] = "Không theo tôn giáo", ["generalEducation"] = GeneralEducation.UpperSecondary.Label(),
        ["professionalDegree"] = ProfessionalDegree.Bachelor.Label(), ["politicalTheory"] = PoliticalTheory.Elementary.Label(),
        ["admittedOn"] = "02/09/2025", ["organizationCode"] = cell, ["profession"] = "Kỹ sư",
    };

    internal static byte[] Csv(IReadOnlyList<ImportColumn> columns, IEnumerable<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Exports.CsvLine(columns.Select(c => (object?)ImportFormats.HeaderOf(c))));
        foreach (var row in rows) text.AppendLine(Exports.CsvLine(columns.Select(c => (object?)row.GetValueOrDefault(c.Key, ""))));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string route, byte[] bytes, string fileName = "dang-vien.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : XlsxContentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(route, form);
    }

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Sends a file and waits for its job to finish; the job's JSON.</summary>
    internal static async Task<JsonElement> ImportAsync(HttpClient client, string route, byte[] bytes, string fileName = "dang-vien.csv")
    {
        var response = await PostFileAsync(client, route, bytes, fileName);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location?.ToString());
        return await WaitAsync(client, id);
    }

    internal static async Task<JsonElement> WaitAsync(HttpClient client, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("state").GetString() != "Running") return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} still running: {job}");
            await Task.Delay(100);
        }
    }

    private static List<(int Row, string Column, string Message)> Errors(JsonElement job) =>
        job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    private Task<int> CountAsync(IEnumerable<string> citizenIds)
    {
        var ids = citizenIds.ToList();
        return app.WithDbAsync((db, _) => db.Members.CountAsync(m => ids.Contains(m.CitizenId)));
    }

    [Fact]
    public async Task MemberImport_WithBadRows_WritesNothing_AndReportsEveryBadRowWithItsColumn()
    {
        var client = await app.ApiAsAsync("tochuc");
        var good1 = MemberRow("Trần Văn Tốt");
        var good2 = MemberRow("Lê Thị Hiền", Gender.Female);
        var badGender = MemberRow("Phạm Văn Giới"); badGender["gender"] = "Nam giới";
        var future = MemberRow("Võ Văn Sau"); future["admittedOn"] = "01/01/2999";
        var twice = MemberRow("Đỗ Văn Trùng"); twice["citizenId"] = good1["citizenId"];
        var nowhere = MemberRow("Hồ Văn Lạc", cell: "99.99999.99");
        var rows = new[] { good1, good2, badGender, future, twice, nowhere };

        var job = await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, rows));

        Assert.Equal("Refused", job.GetProperty("state").GetString());
        Assert.Equal(6, job.GetProperty("total").GetInt32());
        var errors = Errors(job);
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Giới tính" && e.Message.Contains("Nam giới", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "Ngày vào Đảng");
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "Số CCCD" && e.Message.Contains("trùng với dòng 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "Mã chi bộ" && e.Message.Contains("99.99999.99", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row is 2 or 3);
        Assert.Equal(0, await CountAsync(rows.Select(r => r["citizenId"])));

        // The errors file lists every error, with the same rows.
        var sheet = ExportTests.ReadWorkbook(await client.GetByteArrayAsync($"/api/v1/imports/{job.GetProperty("id").GetInt32()}/errors.xlsx"))[0];
        Assert.Equal(job.GetProperty("errorCount").GetInt32(), sheet.DataRows());
        Assert.Equal(errors.Count, sheet.DataRows());
        Assert.Equal("4", sheet.Text("A5"));
    }

    [Fact]
    public async Task MemberImport_Commits_TheSameFileAgainChangesNothing_AndAChangedRowUpdatesWithItsHistory()
    {
        var client = await app.ApiAsAsync("tochuc");
        var rows = new[] { MemberRow("Nguyễn Văn Nhập Một"), MemberRow("Nguyễn Thị Nhập Hai", Gender.Female), MemberRow("Trương Văn Nhập Ba") };
        var bytes = Csv(MemberImportFormat.Columns, rows);

        var first = await ImportAsync(client, "/api/v1/imports/members", bytes);
        Assert.Equal("Committed", first.GetProperty("state").GetString());
        Assert.Equal((3, 0, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("changed").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var cell = await app.OrganizationIdAsync(DemoCodes.SecretaryCell);
        var stored = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().Where(m => m.CitizenId == rows[1]["citizenId"]).SingleAsync());
        Assert.Equal(("Nguyễn Thị Nhập Hai", Gender.Female, new DateOnly(2025, 9, 2), cell, MemberStatus.Probationary),
            (stored.FullName, stored.Gender, stored.AdmittedOn, stored.OrganizationId, stored.Status));
        var placements = await app.WithDbAsync((db, _) => db.MemberPlacements.Where(p => p.MemberId == stored.Id).ToListAsync());
        Assert.Equal((cell, new DateOnly(2025, 9, 2), (DateOnly?)null), (placements.Single().OrganizationId, placements.Single().FromDate, placements.Single().ToDate));
        // Found by inner words of the name at once (the search keys were written with the record).
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?q=nhap%20hai");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt32() == stored.Id);

        var again = await ImportAsync(client, "/api/v1/imports/members", bytes);
        Assert.Equal("Committed", again.GetProperty("state").GetString());
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(3, await CountAsync(rows.Select(r => r["citizenId"])));
        Assert.Equal(stored.Version, await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == stored.Id).Select(m => m.Version).SingleAsync()));

        rows[1]["profession"] = "Giáo viên";
        var changed = await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, rows));
        Assert.Equal((0, 1, 2), (changed.GetProperty("created").GetInt32(), changed.GetProperty("changed").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{stored.Id}/history");
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("Nhập từ tệp", e.GetProperty("actionLabel").GetString()));
        var change = entries[0].GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("Kỹ sư", "Giáo viên"), (change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task MemberImport_Preview_CountsWithoutWriting_ThenTheCommitWrites()
    {
        var client = await app.ApiAsAsync("tochuc");
        var existing = MemberRow("Phan Văn Có Sẵn");
        await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, [existing]));
        existing["currentAddress"] = "Ấp 3, xã Hòa Hội";
        var fresh = MemberRow("Phan Thị Mới", Gender.Female);
        var unchanged = MemberRow("Phan Văn Như Cũ");
        await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, [unchanged]));

        var response = await PostFileAsync(client, "/api/v1/imports/members?preview=true", Csv(MemberImportFormat.Columns, [existing, fresh, unchanged]));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var preview = await WaitAsync(client, id);
        Assert.Equal("Previewed", preview.GetProperty("state").GetString());
        Assert.Equal((1, 1, 1), (preview.GetProperty("created").GetInt32(), preview.GetProperty("changed").GetInt32(), preview.GetProperty("unchanged").GetInt32()));
        Assert.Equal(0, await CountAsync([fresh["citizenId"]]));
        Assert.Null(await app.WithDbAsync((db, _) => db.Members.Where(m => m.CitizenId == existing["citizenId"]).Select(m => m.CurrentAddress).SingleAsync()));

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/v1/imports/{id}/commit", null)).StatusCode);
        var committed = await WaitAsync(client, id);
        Assert.Equal("Committed", committed.GetProperty("state").GetString());
        Assert.Equal(1, await CountAsync([fresh["citizenId"]]));
        Assert.Equal("Ấp 3, xã Hòa Hội", await app.WithDbAsync((db, _) => db.Members.Where(m => m.CitizenId == existing["citizenId"]).Select(m => m.CurrentAddress).SingleAsync()));
        // A job is committed once.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/imports/{id}/commit", null)).StatusCode);
    }

    [Fact]
    public async Task MemberImport_ReadsTheXlsxTemplate_HeaderOnRowFour_AndNamesTheSheetRowOfAnError()
    {
        var client = await app.ApiAsAsync("tochuc");
        var template = await client.GetByteArrayAsync("/api/v1/imports/members/template?format=xlsx");
        var preview = await PostFileAsync(client, "/api/v1/imports/members?preview=true", template, "mau.xlsx");
        var job = await WaitAsync(client, (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        Assert.Equal("Previewed", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("created").GetInt32());

        // The same workbook with a bad date in the example row: the error names row 5, as the spreadsheet shows it.
        var broken = ReplaceInSheet(template, "15/03/1990", "31/02/1990");
        var refused = await ImportAsync(client, "/api/v1/imports/members", broken, "mau.xlsx");
        Assert.Contains(Errors(refused), e => e.Row == 5 && e.Column == "Ngày sinh");
    }

    private static byte[] ReplaceInSheet(byte[] workbook, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml.Replace(from, to, StringComparison.Ordinal));
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task MemberImport_HeaderWithoutARequiredColumn_OrWithAnUnknownOne_IsRefusedOnRowOne()
    {
        var client = await app.ApiAsAsync("tochuc");
        var columns = MemberImportFormat.Columns.Where(c => c.Key != "dateOfBirth").Append(new ImportColumn("x", "Cột lạ", false, "", "")).ToList();
        var job = await ImportAsync(client, "/api/v1/imports/members", Csv(columns, [MemberRow("Ngô Văn Thiếu")]));
        Assert.Equal("Refused", job.GetProperty("state").GetString());
        var errors = Errors(job);
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "Ngày sinh" && e.Message.Contains("Thiếu cột bắt buộc", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 1 && e.Message.Contains("Cột lạ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrganizationImport_CreatesATreeInAnyRowOrder_RerunChangesNothing_AndRefusesLoopsAndUnknownParents()
    {
        var client = await app.ApiAsAsync("tochuc");
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> Org(string code, string name, string type, string parent) => new()
        {
            ["code"] = code, ["name"] = name, ["type"] = type, ["field"] = "Cơ quan", ["parentCode"] = parent, ["foundedOn"] = "01/08/2025",
        };
        var committee = Org($"80.T{suffix}", "Đảng bộ Trường Cao đẳng Thử", "Đảng bộ cơ sở", DemoCodes.Province);
        var cells = new[] { Org($"80.T{suffix}.01", "Chi bộ Khoa Một", "Chi bộ trực thuộc", committee["code"]), Org($"80.T{suffix}.02", "Chi bộ Khoa Hai", "Chi bộ trực thuộc", committee["code"]) };
        // Children before their parent: the order of the rows does not matter.
        var bytes = Csv(OrganizationImportFormat.Columns, [.. cells, committee]);
        var job = await ImportAsync(client, "/api/v1/imports/organizations", bytes, "to-chuc.csv");
        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.Equal(3, job.GetProperty("created").GetInt32());
        var saved = await app.WithDbAsync((db, _) => db.Organizations.AsNoTracking().Where(o => o.Code.StartsWith($"80.T{suffix}")).ToListAsync());
        var parent = saved.Single(o => o.Code == committee["code"]);
        var province = await app.OrganizationIdAsync(DemoCodes.Province);
        Assert.Equal(province, parent.ParentId);
        Assert.All(saved.Where(o => o != parent), c => Assert.Equal((parent.Id, parent.Path + c.Id + "/"), (c.ParentId!.Value, c.Path)));

        var again = await ImportAsync(client, "/api/v1/imports/organizations", bytes, "to-chuc.csv");
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        var loopA = Org($"80.L{suffix}.A", "Đảng bộ bộ phận A", "Đảng bộ bộ phận", $"80.L{suffix}.B");
        var loopB = Org($"80.L{suffix}.B", "Đảng bộ bộ phận B", "Đảng bộ bộ phận", $"80.L{suffix}.A");
        var orphan = Org($"80.L{suffix}.C", "Chi bộ C", "Chi bộ trực thuộc", "00.khong-co");
        var refused = await ImportAsync(client, "/api/v1/imports/organizations", Csv(OrganizationImportFormat.Columns, [loopA, loopB, orphan]), "to-chuc.csv");
        Assert.Equal("Refused", refused.GetProperty("state").GetString());
        var errors = Errors(refused);
        Assert.Contains(errors, e => e.Row == 2 && e.Message.Contains("vòng lặp", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Mã tổ chức cấp trên" && e.Message.Contains("00.khong-co", StringComparison.Ordinal));

        // A cell under a cell, a province under anything, and an organization that succeeds itself.
        var cellUnderCell = Org($"80.N{suffix}.1", "Chi bộ lồng", "Chi bộ trực thuộc", cells[0]["code"]);
        var self = Org($"80.N{suffix}.2", "Chi bộ tự kế thừa", "Chi bộ trực thuộc", committee["code"]);
        self["successorCode"] = self["code"];
        var nested = await ImportAsync(client, "/api/v1/imports/organizations", Csv(OrganizationImportFormat.Columns, [cellUnderCell, self]), "to-chuc.csv");
        Assert.Contains(Errors(nested), e => e.Row == 2 && e.Column == "Loại tổ chức" && e.Message.Contains("dưới chi bộ chỉ có tổ đảng", StringComparison.Ordinal));
        Assert.Contains(Errors(nested), e => e.Row == 3 && e.Column == "Mã tổ chức kế thừa");
        Assert.False(await app.WithDbAsync((db, _) => db.Organizations.AnyAsync(o => o.Code.StartsWith($"80.L{suffix}"))));
    }

    [Fact]
    public async Task Import_IsForACommissionThatWrites_AJobIsItsSendersOnly_AndACccdOutsideTheScopeIsNotNamed()
    {
        var bytes = Csv(MemberImportFormat.Columns, [MemberRow("Lý Văn Quyền")]);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFileAsync(await app.ApiAsAsync("bithu"), "/api/v1/imports/members", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFileAsync(await app.ApiAsAsync("xem-phuong"), "/api/v1/imports/members", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFileAsync(await app.ApiAsAsync("dangvien"), "/api/v1/imports/members", bytes)).StatusCode);

        // A commission that writes in one commune only: a CCCD held in another commune is refused without saying whose.
        await app.WithDbAsync(async (db, sp) =>
        {
            if (await db.Users.AnyAsync(u => u.UserName == "nhap-phuong")) return;
            var commune = await db.Organizations.SingleAsync(o => o.Code == "80.27694");
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "nhap-phuong", ScopeOrganizationId = commune.Id, CanWrite = true };
            await users.CreateAsync(user, WebAppFixture.Password);
            await users.AddToRoleAsync(user, Roles.Commission);
        });
        var foreignId = await app.MemberIdInAsync(DemoCodes.ForeignCell);
        var foreign = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.Id == foreignId));
        var row = MemberRow("Lý Văn Mượn", foreign.Gender);
        (row["citizenId"], row["dateOfBirth"]) = (foreign.CitizenId, VnFormat.Date(foreign.DateOfBirth));
        var local = await app.ApiAsAsync("nhap-phuong");
        var job = await ImportAsync(local, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, [row]));
        var error = Errors(job).Single(e => e.Column == "Số CCCD");
        Assert.Equal(IdentifierCheck.CitizenIdTaken, error.Message);
        Assert.DoesNotContain(foreign.FullName, job.ToString());

        // Another user does not learn that the job exists.
        var id = job.GetProperty("id").GetInt32();
        var other = await app.ApiAsAsync("tochuc");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{id}/errors.xlsx")).StatusCode);
    }

    [Fact]
    public async Task MemberImport_AColumnLeftOut_KeepsWhatTheRecordHolds_AndOnlyTheSenderCommits()
    {
        var client = await app.ApiAsAsync("tochuc");
        var row = MemberRow("Đinh Văn Giữ");
        (row["officialOn"], row["cardNumber"], row["currentAddress"]) = ("02/09/2026", "8" + row["citizenId"][^7..], "Ấp 2");
        await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, [row]));

        // Only the required columns, without the last ones: the record keeps its address, official date, status and card.
        var required = MemberImportFormat.Columns.Where(c => c.Required).ToList();
        row["profession"] = "Bác sĩ";
        var job = await ImportAsync(client, "/api/v1/imports/members", Csv(required, [row]));
        Assert.Equal(("Committed", 0, 1), (job.GetProperty("state").GetString(), job.GetProperty("changed").GetInt32(), job.GetProperty("unchanged").GetInt32()));
        var stored = await app.WithDbAsync((db, _) => db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == row["citizenId"]));
        Assert.Equal(("Ấp 2", (DateOnly?)new DateOnly(2026, 9, 2), MemberStatus.Official, row["cardNumber"], "Kỹ sư"),
            (stored.CurrentAddress, stored.OfficialOn, stored.Status, stored.CardNumber, stored.Profession));

        // A previewed job is committed by its sender, not by an administrator looking at it.
        var preview = await PostFileAsync(client, "/api/v1/imports/members?preview=true", Csv(MemberImportFormat.Columns, [MemberRow("Đinh Thị Chờ", Gender.Female)]));
        var id = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await WaitAsync(client, id);
        var admin = await app.ApiAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/imports/{id}/commit", null)).StatusCode);
    }

    [Fact]
    public async Task MemberImport_RefusesHiddenCharacters_BadBytes_AndAYearTypedAsADate_NamingTheColumn()
    {
        var client = await app.ApiAsAsync("tochuc");
        var hidden = MemberRow("Bùi Văn\u202E Ẩn");
        var control = MemberRow("Bùi Văn Lệnh"); control["birthplace"] = "Xã A\u0007";
        var year = MemberRow("Bùi Văn Năm"); year["dateOfBirth"] = "1990";
        var job = await ImportAsync(client, "/api/v1/imports/members", Csv(MemberImportFormat.Columns, [hidden, control, year]));
        var errors = Errors(job);
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "Họ và tên" && e.Message.Contains("U+202E", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "Nơi sinh");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Ngày sinh" && e.Message.Contains("\"1990\"", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), (job.GetProperty("created").GetInt32(), job.GetProperty("changed").GetInt32(), job.GetProperty("unchanged").GetInt32()));

        // A truncated upload is a 400, and leaves no job and no file behind.
        using var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");
        var answer = await client.PostAsync("/api/v1/imports/members", broken);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("file", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
