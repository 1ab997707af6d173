using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Members;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>
/// Imports a member file: every row checked by the register's rules (<see cref="MemberRules"/>, the cell and the placement
/// rules of the form), then the file-wide checks in SQL over a staging table (a CCCD or card number twice in the file or
/// already someone else's), then, only when no row failed, one transaction that inserts the new members, updates the changed
/// ones, writes their placements, search keys and audit entries, and marks the job committed. A row whose CCCD is already in
/// the register updates that record; one equal to it changes nothing.
/// </summary>
public sealed class MemberImport(AppDbContext db, ImportProgress progress, IdentifierCheck identifiers)
{
    private const string Table = "import_members";
    private const string Changes = "import_changes";

    /// <summary>The register's fields an import writes, in the order of the staging table; the audit names them so.</summary>
    private static readonly (string Name, StageType Type, Func<Member, object?> Get)[] Register =
    [
        (nameof(Member.FullName), StageType.Text, m => m.FullName),
        (nameof(Member.Gender), StageType.Text, m => m.Gender.ToString()),
        (nameof(Member.DateOfBirth), StageType.Date, m => m.DateOfBirth),
        (nameof(Member.Birthplace), StageType.Text, m => m.Birthplace),
        (nameof(Member.HomeTown), StageType.Text, m => m.HomeTown),
        (nameof(Member.EthnicGroupCode), StageType.Text, m => m.EthnicGroupCode),
        (nameof(Member.Religion), StageType.Text, m => m.Religion),
        (nameof(Member.CitizenId), StageType.Text, m => m.CitizenId),
        (nameof(Member.PermanentAddress), StageType.Text, m => m.PermanentAddress),
        (nameof(Member.CurrentAddress), StageType.Text, m => m.CurrentAddress),
        (nameof(Member.GeneralEducation), StageType.Text, m => m.GeneralEducation.ToString()),
        (nameof(Member.ProfessionalDegree), StageType.Text, m => m.ProfessionalDegree.ToString()),
        (nameof(Member.Profession), StageType.Text, m => m.Profession),
        (nameof(Member.PoliticalTheory), StageType.Text, m => m.PoliticalTheory.ToString()),
        (nameof(Member.AdmittedOn), StageType.Date, m => m.AdmittedOn),
        (nameof(Member.CeremonyOn), StageType.Date, m => m.CeremonyOn),
        (nameof(Member.OfficialOn), StageType.Date, m => m.OfficialOn),
        (nameof(Member.CardNumber), StageType.Text, m => m.CardNumber),
        (nameof(Member.OrganizationId), StageType.Integer, m => m.OrganizationId),
        (nameof(Member.Status), StageType.Text, m => m.Status.ToString()),
    ];

    /// <summary>Kept in step with the fields above by the register's own rules (search and sort keys, the cell's path).</summary>
    private static readonly (string Name, Func<Member, object?> Get)[] Derived =
    [
        (nameof(Member.SearchName), m => m.SearchName), (nameof(Member.SearchGiven), m => m.SearchGiven),
        (nameof(Member.SortKey), m => m.SortKey), (nameof(Member.OrgPath), m => m.OrgPath),
    ];

    private static readonly StageColumn[] StageColumns =
    [
        new("Row", StageType.Integer),
        .. Register.Select(f => new StageColumn(f.Name, f.Type)),
        .. Derived.Select(f => new StageColumn(f.Name, StageType.Ordinal)),
        new("EarlierId", StageType.Integer), new("EarlierPath", StageType.Ordinal), new("FirstFrom", StageType.Date), new("CreatedChanges", StageType.Text),
        // Filled by the file-wide checks from the record with the same CCCD, if any.
        new("MemberId", StageType.Integer), new("ReadVersion", StageType.Integer), new("OldOrganizationId", StageType.Integer),
        new("OldPath", StageType.Ordinal), new("OldStatus", StageType.Text), new("OldName", StageType.Text),
    ];

    /// <summary>The register's fields each column gives (the official date gives the status too).</summary>
    private static readonly Dictionary<string, string[]> FieldsOfColumn = new()
    {
        ["citizenId"] = [nameof(Member.CitizenId)], ["fullName"] = [nameof(Member.FullName)], ["gender"] = [nameof(Member.Gender)],
        ["dateOfBirth"] = [nameof(Member.DateOfBirth)], ["birthplace"] = [nameof(Member.Birthplace)], ["homeTown"] = [nameof(Member.HomeTown)],
        ["ethnicGroup"] = [nameof(Member.EthnicGroupCode)], ["religion"] = [nameof(Member.Religion)], ["permanentAddress"] = [nameof(Member.PermanentAddress)],
        ["currentAddress"] = [nameof(Member.CurrentAddress)], ["generalEducation"] = [nameof(Member.GeneralEducation)],
        ["professionalDegree"] = [nameof(Member.ProfessionalDegree)], ["profession"] = [nameof(Member.Profession)],
        ["politicalTheory"] = [nameof(Member.PoliticalTheory)], ["admittedOn"] = [nameof(Member.AdmittedOn)], ["ceremonyOn"] = [nameof(Member.CeremonyOn)],
        ["officialOn"] = [nameof(Member.OfficialOn), nameof(Member.Status)], ["cardNumber"] = [nameof(Member.CardNumber)],
        ["organizationCode"] = [nameof(Member.OrganizationId)], ["earlierOrganizationCode"] = [],
    };

    /// <summary>
    /// The fields a file gives: those of the columns its header names. A column left out keeps what the record holds (a file
    /// of the required columns only updates those), never empties it.
    /// </summary>
    private static (string Name, StageType Type, Func<Member, object?> Get)[] Given(IReadOnlySet<int> present)
    {
        var names = present.SelectMany(i => FieldsOfColumn[MemberImportFormat.Columns[i].Key]).ToHashSet();
        return Register.Where(f => names.Contains(f.Name)).ToArray();
    }

    /// <summary>The free-text columns, where a line break is allowed.</summary>
    private static readonly IReadOnlySet<string> FreeText = new HashSet<string> { "birthplace", "homeTown", "permanentAddress", "currentAddress", "profession" };

    /// <summary>The columns written while reading the file (the rest are filled by the checks).</summary>
    private static readonly int Written = 1 + Register.Length + Derived.Length + 4;

    private static readonly Dictionary<string, int> Columns = MemberImportFormat.Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
    private static readonly Dictionary<string, string> EthnicGroups = ReferenceLists.EthnicGroups
        .SelectMany(g => new[] { (Key: VnText.Fold(g.Name), g.Code), (Key: g.Code, g.Code) }).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Code);
    private static readonly Dictionary<string, string> Religions = ReferenceLists.Religions.DistinctBy(VnText.Fold).ToDictionary(VnText.Fold, r => r);

    private static int Col(string key) => Columns[key];

    public static string Header(string key) => MemberImportFormat.Columns[Columns[key]].Header;

    /// <summary>The column an error of the register's rules belongs to (their fields are the form's).</summary>
    private static string ColumnOf(string field) => field switch
    {
        MemberFields.EthnicGroup => Header("ethnicGroup"),
        MemberFields.Organization => Header("organizationCode"),
        MemberFields.EarlierOrganization => Header("earlierOrganizationCode"),
        _ => MemberImportFormat.Columns.FirstOrDefault(c => c.Key == field)?.Header ?? field,
    };

    public async Task RunAsync(ImportJob job, UserScope scope, DateOnly today, CancellationToken cancel)
    {
        var sink = new ImportErrorSink(db, job.Id);
        var file = new ImportFile(job.StoredPath, MemberImportFormat.Columns, MemberImportFormat.IgnoredHeaders);
        var (headerErrors, rows) = file.Open();
        if (headerErrors.Count > 0)
        {
            foreach (var e in headerErrors) await sink.AddAsync(e);
            await sink.FlushAsync();
            await ImportJobs.FinishAsync(db, job, ImportState.Refused, sink.Count, null);
            return;
        }
        job.Total = file.CountRows();
        await db.SaveChangesAsync(cancel);
        progress.Begin(job.Id, job.Total, "Đang đọc và kiểm tra từng dòng");

        var organizations = await scope.Filter(db.Organizations.AsNoTracking()).ToListAsync(cancel);
        var tree = new ImportTree(organizations, scope);
        var postgres = db.Database.IsNpgsql();
        await using var staging = await Staging.OpenAsync(db.Database.GetConnectionString()!, postgres);
        await staging.CreateAsync(Table, StageColumns);
        var writer = await staging.WriterAsync(Table, StageColumns[..Written]);
        var read = 0;
        foreach (var row in rows)
        {
            cancel.ThrowIfCancellationRequested();
            var problems = new List<ImportProblem>();
            var checkedRow = Check(row, tree, today, problems);
            if (problems.Count > 0) foreach (var p in problems) await sink.AddAsync(p);
            else await writer.WriteAsync(checkedRow!);
            progress.Advance(job.Id, ++read);
        }
        await writer.CompleteAsync();
        await sink.FlushAsync();
        if (read == 0)
        {
            await sink.AddAsync(new(1, "", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."));
            await sink.FlushAsync();
            await ImportJobs.FinishAsync(db, job, ImportState.Refused, sink.Count, null);
            return;
        }

        progress.Phase(job.Id, "Đang đối chiếu với hồ sơ đã có");
        await staging.ExecuteAsync($"CREATE INDEX import_members_cccd ON {staging.Q(Table)} (\"CitizenId\")");
        await staging.ExecuteAsync($"CREATE UNIQUE INDEX import_members_row ON {staging.Q(Table)} (\"Row\")");
        await FileWideChecksAsync(staging, job, scope);
        var given = Given(file.Present);
        var changed = await CompareAsync(staging, job, sink, given, cancel);
        await sink.FlushAsync();
        var errors = await db.ImportErrors.CountAsync(e => e.JobId == job.Id, cancel);
        var linked = await staging.ScalarAsync($"SELECT COUNT(*) FROM {staging.Q(Table)} WHERE \"MemberId\" IS NOT NULL");
        var staged = await staging.ScalarAsync($"SELECT COUNT(*) FROM {staging.Q(Table)}");
        var counts = new ImportCounts((int)(staged - linked), changed, (int)(linked - changed));
        if (errors > 0 || job.PreviewOnly)
        {
            await ImportJobs.FinishAsync(db, job, errors > 0 ? ImportState.Refused : ImportState.Previewed, errors, counts);
            return;
        }
        progress.Phase(job.Id, "Đang ghi vào cơ sở dữ liệu");
        await MergeAsync(staging, job, counts, given, today);
    }

    /// <summary>One row to the staging table's values, or its problems.</summary>
    private static object?[]? Check(ImportRow row, ImportTree tree, DateOnly today, List<ImportProblem> problems)
    {
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, key => Columns.TryGetValue(key, out var i) ? MemberImportFormat.Columns[i].Header : key);
        var values = new ImportValues(row, MemberImportFormat.Columns, p, errors);
        errors.AddRange(ImportValues.CharacterProblems(row, MemberImportFormat.Columns, FreeText));
        if (errors.Count > 0)
        {
            problems.AddRange(errors.Select(e => new ImportProblem(row.Number, ColumnOf(e.Field), e.Message)));
            return null;
        }
        var fullName = p.Required("fullName", row[Col("fullName")]);
        var gender = values.Choice("gender", Enum.GetValues<Gender>(), g => g.Label());
        var birth = values.Date("dateOfBirth", required: true);
        var admitted = values.Date("admittedOn", required: true);
        var ceremony = values.Date("ceremonyOn", required: false);
        var official = values.Date("officialOn", required: false);
        var education = values.Choice("generalEducation", Enum.GetValues<GeneralEducation>(), e => e.Label());
        var degree = values.Choice("professionalDegree", Enum.GetValues<ProfessionalDegree>(), e => e.Label());
        var theory = values.Choice("politicalTheory", Enum.GetValues<PoliticalTheory>(), e => e.Label());
        var ethnic = values.Text("ethnicGroup", 60) is { } e ? EthnicGroups.GetValueOrDefault(e) ?? EthnicGroups.GetValueOrDefault(ImportValues.Folded(e)) ?? e : null;
        var religion = values.Text("religion", 120) is { } r ? Religions.GetValueOrDefault(ImportValues.Folded(r)) ?? r : null;
        // The register's rules judge the length of these two (12 digits; 6 to 20 digits).
        var citizenId = values.Text("citizenId", int.MaxValue);
        var card = values.Text("cardNumber", int.MaxValue);
        if (card is not null && MemberEditor.CardNumberProblem(card) is { } badCard) errors.Add(badCard);
        if (fullName is { Length: > 120 }) errors.Add(new("fullName", $"{Header("fullName")}: dài quá 120 ký tự."));
        var texts = new[] { "birthplace", "homeTown", "permanentAddress", "currentAddress", "profession" }.ToDictionary(k => k, k => values.Text(k, 300));

        if (gender is { } g && birth is { } b && admitted is { } a)
            errors.AddRange(MemberRules.Check(new MemberFacts(fullName, g, b, citizenId, ethnic, religion, a, official, ceremony), today));
        var cell = tree.WritableCell(values.Text("organizationCode", 60), Header("organizationCode"), "organizationCode", errors);
        var earlierCode = values.Text("earlierOrganizationCode", 60);
        (Organization? Org, DateOnly From)? earlier = null;
        var firstFrom = admitted ?? default;
        if (cell is not null && admitted is { } admittedOn && errors.All(x => x.Field != MemberFields.AdmittedOn && x.Field != "admittedOn"))
        {
            if (earlierCode is null)
            {
                if (PlacementWithinLifeRule.Check("organizationCode", Header("organizationCode"), new(cell.Name, cell.FoundedOn, cell.EndedOn), admittedOn, null) is { } outside)
                    errors.Add(admittedOn < cell.FoundedOn
                        ? outside with { Message = outside.Message + $" Nếu đảng viên vào Đảng ở một chi bộ đã sắp xếp, ghi mã chi bộ đó ở cột \"{Header("earlierOrganizationCode")}\"." }
                        : outside);
            }
            else if (tree.EarlierCell(earlierCode, cell, admittedOn, errors) is { } end)
            {
                earlier = (tree.ByCode(earlierCode), admittedOn);
                firstFrom = end;
            }
        }

        foreach (var error in errors.Distinct())
            problems.Add(new(row.Number, ColumnOf(error.Field), error.Message));
        if (problems.Count > 0) return null;

        var member = new Member
        {
            FullName = fullName!, SearchName = VnText.Fold(fullName), SearchGiven = VnText.GivenFirstFold(fullName!), SortKey = VnText.SortKey(fullName!),
            Gender = gender!.Value, DateOfBirth = birth!.Value, Birthplace = texts["birthplace"], HomeTown = texts["homeTown"],
            EthnicGroupCode = ethnic!, Religion = religion!, CitizenId = citizenId!, PermanentAddress = texts["permanentAddress"],
            CurrentAddress = texts["currentAddress"], GeneralEducation = education!.Value, ProfessionalDegree = degree!.Value,
            Profession = texts["profession"], PoliticalTheory = theory!.Value, AdmittedOn = admitted!.Value, CeremonyOn = ceremony,
            OfficialOn = official, CardNumber = card, OrganizationId = cell!.Id, OrgPath = cell.Path,
            Status = official is null ? MemberStatus.Probationary : MemberStatus.Official,
        };
        return
        [
            row.Number, .. Register.Select(f => f.Get(member)), .. Derived.Select(f => f.Get(member)),
            earlier?.Org?.Id, earlier?.Org?.Path, firstFrom, ChangesJson(null, member),
        ];
    }

    /// <summary>The audit entry's changes: every field of a new record, or the fields that differ.</summary>
    private static string ChangesJson(Member? before, Member after, (string Name, StageType Type, Func<Member, object?> Get)[]? fields = null) => JsonSerializer.Serialize(
        (fields ?? Register).Where(f => before is null ? f.Get(after) is not null : !Equals(f.Get(before), f.Get(after)))
            .Select(f => new AuditChange(f.Name, before is null ? null : AppDbContext.Show(f.Get(before)), AppDbContext.Show(f.Get(after))))
            .ToList(), AuditChange.Json);

    /// <summary>
    /// A CCCD or card number twice in the file; a CCCD already in the register outside the scope (said without whose) or on a
    /// record no longer active; a card number already another member's. Rows whose CCCD is in the register are linked to it.
    /// </summary>
    private async Task FileWideChecksAsync(Staging s, ImportJob job, UserScope scope)
    {
        var t = s.Q(Table);
        string Insert(string column) => $"INSERT INTO \"ImportErrors\" (\"JobId\", \"Row\", \"Column\", \"Message\") SELECT @job, x.\"Row\", '{column}', ";
        var job0 = ("job", (object?)job.Id);
        foreach (var (field, label, what) in new[] { ("CitizenId", Header("citizenId"), "Số CCCD"), ("CardNumber", Header("cardNumber"), "Số thẻ đảng viên") })
            await s.ExecuteAsync(Insert(label) + $"""
                '{what} ' || x."{field}" || ' trùng với dòng ' || CAST(f.first AS TEXT) || ' của tệp.'
                FROM {t} x JOIN (SELECT "{field}", MIN("Row") AS first FROM {t} WHERE "{field}" IS NOT NULL GROUP BY "{field}" HAVING COUNT(*) > 1) f
                  ON f."{field}" = x."{field}" WHERE x."Row" > f.first
                """, job0);

        await s.ExecuteAsync($"""
            UPDATE {t} SET "MemberId" = m."Id", "ReadVersion" = m."Version", "OldOrganizationId" = m."OrganizationId", "OldPath" = m."OrgPath",
              "OldStatus" = m."Status", "OldName" = m."FullName"
            FROM "Members" m WHERE m."CitizenId" = {t}."CitizenId"
            """);
        var (inScope, parameters) = ScopeCondition(scope, "x.\"OldPath\"");
        var outside = await s.ExecuteAsync(Insert(Header("citizenId")) + $"'{IdentifierCheck.CitizenIdTaken}' FROM {t} x WHERE x.\"MemberId\" IS NOT NULL AND NOT ({inScope})", [job0, .. parameters]);
        await s.ExecuteAsync(Insert(Header("citizenId")) + $"""
            'Số CCCD: đã có trong hồ sơ của ' || x."OldName" || ', người không còn sinh hoạt đảng; người đã ra khỏi Đảng được xét kết nạp lại bằng quyết định kết nạp lại, không nhập qua tệp.'
            FROM {t} x WHERE x."MemberId" IS NOT NULL AND ({inScope}) AND x."OldStatus" NOT IN ('Probationary', 'Official')
            """, [job0, .. parameters]);
        var (holderInScope, holderParameters) = ScopeCondition(scope, "m.\"OrgPath\"");
        outside += await s.ExecuteAsync(Insert(Header("cardNumber")) + $"""
            CASE WHEN {holderInScope} THEN 'Số thẻ đảng viên: đã cấp cho đảng viên ' || m."FullName" || '.' ELSE '{IdentifierCheck.CardNumberTaken}' END
            FROM {t} x JOIN "Members" m ON m."CardNumber" = x."CardNumber" AND m."CitizenId" <> x."CitizenId"
            """, [job0, .. holderParameters]);
        if (outside > 0) await identifiers.LogRefusedAsync(scope, $"Nhập tệp #{job.Id}: {outside} số CCCD hoặc số thẻ trùng với hồ sơ ngoài phạm vi");
    }

    /// <summary>An SQL condition "the path lies in the scope" over a column, with its parameters.</summary>
    private static (string Sql, (string, object?)[] Parameters) ScopeCondition(UserScope scope, string column)
    {
        if (scope.IsAdmin) return ("1 = 1", []);
        if (scope.Prefixes.Count == 0) return ("1 = 0", []);
        var parts = scope.Prefixes.Select((p, i) => $"({column} >= @sp{i} AND {column} < @su{i})");
        var parameters = scope.Prefixes.SelectMany((p, i) => new (string, object?)[] { ($"sp{i}", p), ($"su{i}", PathRange.UpperBound(p)) });
        return ("(" + string.Join(" OR ", parts) + ")", parameters.ToArray());
    }

    /// <summary>
    /// Reads each row linked to a record beside that record and keeps the differences (for the update and its audit entry);
    /// a different admission date or earlier cell is refused: they move the member's whole history, which the record's page does.
    /// </summary>
    private async Task<int> CompareAsync(Staging s, ImportJob job, ImportErrorSink sink, (string Name, StageType Type, Func<Member, object?> Get)[] given, CancellationToken cancel)
    {
        var t = s.Q(Table);
        await s.CreateAsync(Changes, [new("Row", StageType.Integer), new("Changes", StageType.Text)]);
        var stageColumns = string.Join(", ", Register.Select(f => $"x.\"{f.Name}\""));
        var memberColumns = string.Join(", ", Register.Select(f => $"m.\"{f.Name}\""));
        // A slice of rows at a time, so that a file changing every record never holds all its changes in memory.
        const int Slice = 50_000;
        var last = await s.ScalarAsync($"SELECT COALESCE(MAX(\"Row\"), 0) FROM {t}");
        var changed = 0;
        for (var from = 0L; from <= last; from += Slice)
        {
            var pending = new List<(int Row, string Changes)>();
            await using (var command = s.Command($"""
                SELECT x."Row", x."EarlierId", {stageColumns}, {memberColumns},
                  (SELECT p."OrganizationId" FROM "MemberPlacements" p WHERE p."MemberId" = m."Id" ORDER BY p."FromDate", p."Id" LIMIT 1)
                FROM {t} x JOIN "Members" m ON m."Id" = x."MemberId"
                WHERE x."Row" >= @from AND x."Row" < @to AND x."OldStatus" IN ('Probationary', 'Official')
                  AND NOT EXISTS (SELECT 1 FROM "ImportErrors" e WHERE e."JobId" = @job AND e."Row" = x."Row")
                """, ("job", job.Id), ("from", from), ("to", from + Slice)))
            await using (var reader = await command.ExecuteReaderAsync(cancel))
            {
                while (await reader.ReadAsync(cancel))
                {
                    var row = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                    var incoming = Read(reader, 2);
                    var stored = Read(reader, 2 + Register.Length);
                    var first = reader.IsDBNull(2 + 2 * Register.Length) ? (int?)null : Convert.ToInt32(reader.GetValue(2 + 2 * Register.Length), CultureInfo.InvariantCulture);
                    if (incoming.AdmittedOn != stored.AdmittedOn)
                        await sink.AddAsync(new(row, Header("admittedOn"), $"{Header("admittedOn")}: hồ sơ đang ghi {VnFormat.Date(stored.AdmittedOn)}, tệp ghi {VnFormat.Date(incoming.AdmittedOn)}; ngày vào Đảng dời cả quá trình sinh hoạt nên chỉ sửa trên trang hồ sơ đảng viên."));
                    else if (!reader.IsDBNull(1) && Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture) != first)
                        await sink.AddAsync(new(row, Header("earlierOrganizationCode"), $"{Header("earlierOrganizationCode")}: khác với quá trình sinh hoạt đang ghi trong hồ sơ; sửa quá trình sinh hoạt trên trang hồ sơ đảng viên."));
                    else if (given.Any(f => !Equals(f.Get(incoming), f.Get(stored))))
                        pending.Add((row, ChangesJson(stored, incoming, given)));
                }
            }
            if (pending.Count == 0) continue;
            var writer = await s.WriterAsync(Changes, [new("Row", StageType.Integer), new("Changes", StageType.Text)]);
            foreach (var (row, changes) in pending) await writer.WriteAsync([row, changes]);
            await writer.CompleteAsync();
            changed += pending.Count;
        }
        return changed;
    }

    /// <summary>The register's fields of a member from a reader, starting at an ordinal, in <see cref="Register"/> order.</summary>
    private static Member Read(DbDataReader r, int at)
    {
        string? Text(int i) => r.IsDBNull(at + i) ? null : r.GetString(at + i);
        DateOnly? Date(int i) => r.IsDBNull(at + i) ? null : r.GetFieldValue<DateOnly>(at + i);
        T Enum<T>(int i) where T : struct, Enum => System.Enum.Parse<T>(r.GetString(at + i));
        return new Member
        {
            FullName = Text(0)!, Gender = Enum<Gender>(1), DateOfBirth = Date(2)!.Value, Birthplace = Text(3), HomeTown = Text(4),
            EthnicGroupCode = Text(5)!, Religion = Text(6)!, CitizenId = Text(7)!, PermanentAddress = Text(8), CurrentAddress = Text(9),
            GeneralEducation = Enum<GeneralEducation>(10), ProfessionalDegree = Enum<ProfessionalDegree>(11), Profession = Text(12),
            PoliticalTheory = Enum<PoliticalTheory>(13), AdmittedOn = Date(14)!.Value, CeremonyOn = Date(15), OfficialOn = Date(16),
            CardNumber = Text(17), OrganizationId = Convert.ToInt32(r.GetValue(at + 18), CultureInfo.InvariantCulture), Status = Enum<MemberStatus>(19),
        };
    }

    /// <summary>
    /// The id below the new records' (theirs are this plus their row), above every id in use; on PostgreSQL the identity moves past
    /// them and the table is locked against other inserts until the commit, so that no one else takes one of them meanwhile.
    /// (SQLite's write transaction already keeps other writers out.)
    /// </summary>
    private static async Task<long> NewIdsBaseAsync(Staging s, long lastRow)
    {
        if (!s.Postgres) return await s.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Members\"");
        await s.ExecuteAsync("LOCK TABLE \"Members\" IN EXCLUSIVE MODE");
        var baseId = await s.ScalarAsync("SELECT GREATEST(COALESCE(MAX(\"Id\"), 0), nextval(pg_get_serial_sequence('\"Members\"', 'Id'))) FROM \"Members\"");
        await s.ScalarAsync("SELECT setval(pg_get_serial_sequence('\"Members\"', 'Id'), @last)", ("last", baseId + lastRow));
        return baseId;
    }

    /// <summary>
    /// The write, in one transaction with the job's new state: new members with their placements (the earlier cell first, when
    /// given), changed members (only at the version read; a record edited meanwhile refuses the whole file), a changed cell
    /// closing the open placement today and opening one in the new cell, search keys, and one audit entry per record.
    /// </summary>
    private async Task MergeAsync(Staging s, ImportJob job, ImportCounts counts, (string Name, StageType Type, Func<Member, object?> Get)[] given, DateOnly today)
    {
        var t = s.Q(Table);
        var c = s.Q(Changes);
        var columns = string.Join(", ", Register.Select(f => $"\"{f.Name}\"").Concat(Derived.Select(f => $"\"{f.Name}\"")));
        var changedRows = $"SELECT x.* FROM {t} x JOIN {c} ch ON ch.\"Row\" = x.\"Row\"";
        await using var transaction = await s.Connection.BeginTransactionAsync();
        s.Transaction = transaction;
        try
        {
            // What the members the file changes add to the subtree counts leaves them as stored; it comes back below as written.
            await s.ExecuteAsync(SubtreeCounts.AddSql(SubtreeCounts.MembersOf($"m.\"Id\" IN (SELECT \"MemberId\" FROM ({changedRows}) u)", -1), s.Postgres));
            var updated = await s.ExecuteAsync($"""
                UPDATE "Members" SET {string.Join(", ", given.Concat(Derived.Select(d => (d.Name, StageType.Text, d.Get))).Select(f => $"\"{f.Name}\" = u.\"{f.Name}\""))}, "Version" = "Members"."Version" + 1
                FROM ({changedRows}) u WHERE "Members"."Id" = u."MemberId" AND "Members"."Version" = u."ReadVersion"
                """);
            if (updated != counts.Changed)
            {
                await transaction.RollbackAsync();
                s.Transaction = null;
                await ImportJobs.FinishAsync(db, job, ImportState.Refused, 0, counts,
                    "Có hồ sơ vừa được sửa trong lúc nhập tệp (sau khi tệp được đối chiếu); không dòng nào được ghi. Hãy nhập lại tệp để đối chiếu với hồ sơ mới nhất.");
                return;
            }
            // New records take the ids above every id in use, offset by their row: no round trip to learn them.
            var baseId = await NewIdsBaseAsync(s, await s.ScalarAsync($"SELECT COALESCE(MAX(\"Row\"), 0) FROM {t}"));
            var id = ("base", (object?)baseId);
            await s.ExecuteAsync($"INSERT INTO \"Members\" (\"Id\", {columns}, \"Version\") SELECT @base + \"Row\", {columns}, 0 FROM {t} WHERE \"MemberId\" IS NULL", id);

            var placementsBefore = ("before", (object?)await s.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"MemberPlacements\""));
            const string placement = "INSERT INTO \"MemberPlacements\" (\"MemberId\", \"OrganizationId\", \"OrgPath\", \"FromDate\", \"ToDate\") ";
            await s.ExecuteAsync(placement + $"SELECT @base + \"Row\", \"EarlierId\", \"EarlierPath\", \"AdmittedOn\", \"FirstFrom\" FROM {t} WHERE \"MemberId\" IS NULL AND \"EarlierId\" IS NOT NULL", id);
            await s.ExecuteAsync(placement + $"SELECT @base + \"Row\", \"OrganizationId\", \"OrgPath\", \"FirstFrom\", NULL FROM {t} WHERE \"MemberId\" IS NULL", id);
            var moved = $"SELECT u.\"MemberId\" FROM ({changedRows}) u WHERE u.\"OrganizationId\" <> u.\"OldOrganizationId\"";
            // The subtree counts lose the placements about to close on the import's date...
            await s.ExecuteAsync(SubtreeCounts.AddSql($"SELECT \"OrganizationId\", {(int)SubtreeMeasure.Placed}, @today, -1 FROM \"MemberPlacements\" WHERE \"ToDate\" IS NULL AND \"MemberId\" IN ({moved})", s.Postgres), ("today", today));
            await s.ExecuteAsync($"UPDATE \"MemberPlacements\" SET \"ToDate\" = @today WHERE \"ToDate\" IS NULL AND \"MemberId\" IN ({moved})", ("today", today));
            await s.ExecuteAsync(placement + $"SELECT u.\"MemberId\", u.\"OrganizationId\", u.\"OrgPath\", @today, NULL FROM ({changedRows}) u WHERE u.\"OrganizationId\" <> u.\"OldOrganizationId\"", ("today", today));
            // ...and gain every placement the file opened (only its members': other writers count their own), and the admissions
            // of its members in the cells that now hold them on their dates.
            var members = $"SELECT @base + \"Row\" FROM {t} WHERE \"MemberId\" IS NULL UNION ALL SELECT u.\"MemberId\" FROM ({changedRows}) u";
            await s.ExecuteAsync(SubtreeCounts.AddSql(SubtreeCounts.PlacementsOf($"\"Id\" > @before AND \"MemberId\" IN ({members})"), s.Postgres), placementsBefore, id);
            await s.ExecuteAsync(SubtreeCounts.AddSql(SubtreeCounts.MembersOf($"m.\"Id\" IN ({members})"), s.Postgres), id);

            var rekeyed = $"SELECT u.\"MemberId\" FROM ({changedRows}) u WHERE u.\"FullName\" <> u.\"OldName\" OR u.\"OrgPath\" <> u.\"OldPath\"";
            await s.ExecuteAsync($"DELETE FROM \"MemberNameKeys\" WHERE \"MemberId\" IN ({rekeyed})");
            var space = s.Postgres ? "strpos(k.\"Rest\", ' ')" : "instr(k.\"Rest\", ' ')";
            await s.ExecuteAsync($"""
                WITH RECURSIVE k("MemberId", "OrgPath", "SortKey", "Rest") AS (
                  SELECT COALESCE("MemberId", @base + "Row"), "OrgPath", "SortKey", "SearchName" FROM {t} WHERE "MemberId" IS NULL OR "MemberId" IN ({rekeyed})
                  UNION ALL
                  SELECT k."MemberId", k."OrgPath", k."SortKey", substr(k."Rest", {space} + 1) FROM k WHERE {space} > 0)
                INSERT INTO "MemberNameKeys" ("MemberId", "Key", "OrgPath", "SortKey") SELECT "MemberId", "Rest", "OrgPath", "SortKey" FROM k WHERE "Rest" <> ''
                """, id);

            var audit = (Name: "user", Value: (object?)job.UserName);
            await s.ExecuteAsync($"""
                INSERT INTO "AuditEntries" ("EntityType", "EntityId", "Action", "UserName", "At", "Changes", "Ip", "RequestId")
                SELECT 'Member', COALESCE(x."MemberId", @base + x."Row"), '{AuditActions.Imported}', @user, @at, COALESCE(ch."Changes", x."CreatedChanges"), @ip, @request
                FROM {t} x LEFT JOIN {c} ch ON ch."Row" = x."Row" WHERE x."MemberId" IS NULL OR ch."Row" IS NOT NULL ORDER BY x."Row"
                """, audit, id, ("at", DateTime.UtcNow), ("ip", job.Ip), ("request", ImportJobs.RequestId(job.Id)));
            await ImportJobs.MarkCommittedAsync(s, job, counts);
            await transaction.CommitAsync();
        }
        finally
        {
            s.Transaction = null;
        }
        // Fresh statistics after a large file, so the next searches are planned for the tables as they now are.
        await s.ExecuteAsync(s.Postgres ? "ANALYZE \"Members\", \"MemberNameKeys\", \"MemberPlacements\"" : "PRAGMA optimize");
        await db.Entry(job).ReloadAsync();
    }
}
