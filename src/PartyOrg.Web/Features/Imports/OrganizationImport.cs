using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Imports;

/// <summary>
/// Imports an organization file: each row checked as the organization form checks it (required fields, dates, state and end,
/// the life inside the parent's), parents and successors found by code in the file or in the user's subtree (in any row
/// order; a loop of parents is an error), then, only when no row failed, one transaction that creates the new organizations
/// level by level (a path needs its parent's id) and renames the existing ones. The tree's shape (parent, dates, state) of an
/// existing organization is not changed by a file: a move or an end carries its members and history, which the organization's
/// page does. A whole tree is small (about 100.000 organizations for the country), so it is read into memory.
/// </summary>
public sealed class OrganizationImport(AppDbContext db, ImportProgress progress)
{
    private sealed record Planned(int Row, Organization Org, string? ParentCode, string? SuccessorCode, Organization? Existing);

    private static string Header(string key) => OrganizationImportFormat.Columns.Single(c => c.Key == key).Header;

    public async Task RunAsync(ImportJob job, UserScope scope, DateOnly today, CancellationToken cancel)
    {
        var sink = new ImportErrorSink(db, job.Id);
        var file = new ImportFile(job.StoredPath, OrganizationImportFormat.Columns, new HashSet<string>());
        var (headerErrors, rows) = file.Open();
        foreach (var e in headerErrors) await sink.AddAsync(e);
        var total = headerErrors.Count > 0 ? 0 : file.CountRows();
        job.Total = total;
        await db.SaveChangesAsync(cancel);
        progress.Begin(job.Id, total, "Đang đọc và kiểm tra từng dòng");

        var known = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancel);
        var byId = known.Values.ToDictionary(o => o.Id);
        var planned = new Dictionary<string, Planned>(StringComparer.Ordinal);
        var read = 0;
        foreach (var row in rows)
        {
            cancel.ThrowIfCancellationRequested();
            var problems = new List<ImportProblem>();
            if (Check(row, today, problems) is { } plan)
            {
                var code = plan.Org.Code;
                if (planned.TryGetValue(code, out var first))
                    problems.Add(new(row.Number, Header("code"), $"{Header("code")}: \"{code}\" trùng với dòng {first.Row} của tệp."));
                else if (known.TryGetValue(code, out var existing) && !OrganizationEditor.MayEditTree(scope, existing.Path))
                    problems.Add(new(row.Number, Header("code"), $"{Header("code")}: mã \"{code}\" đã được dùng cho tổ chức khác."));
                else planned[code] = plan with { Existing = existing };
            }
            foreach (var p in problems) await sink.AddAsync(p);
            progress.Advance(job.Id, ++read);
        }
        if (read == 0 && headerErrors.Count == 0) await sink.AddAsync(new(1, "", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."));

        KeepWhatTheFileLeavesOut(planned, file.Present, byId);
        progress.Phase(job.Id, "Đang đối chiếu với cây tổ chức");
        var order = await ResolveAsync(planned, known, byId, scope, sink);
        await sink.FlushAsync();
        var created = planned.Values.Count(p => p.Existing is null);
        var changed = planned.Values.Count(p => Differs(p, byId));
        var counts = new ImportCounts(created, changed, planned.Count - created - changed);
        if (sink.Count > 0 || job.PreviewOnly)
        {
            await ImportJobs.FinishAsync(db, job, sink.Count > 0 ? ImportState.Refused : ImportState.Previewed, sink.Count, counts);
            return;
        }

        progress.Phase(job.Id, "Đang ghi vào cơ sở dữ liệu");
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var saved = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var level in order)
        {
            foreach (var p in level.Where(p => p.Existing is null))
            {
                var parent = p.ParentCode is null ? null : saved.GetValueOrDefault(p.ParentCode) ?? known[p.ParentCode];
                p.Org.ParentId = parent?.Id;
                p.Org.Depth = parent is null ? 0 : parent.Depth + 1;
                db.Organizations.Add(p.Org);
            }
            await db.SaveChangesAsync(cancel);
            foreach (var p in level.Where(p => p.Existing is null))
            {
                var parentPath = p.ParentCode is null ? "/" : (saved.GetValueOrDefault(p.ParentCode) ?? known[p.ParentCode]).Path;
                p.Org.Path = parentPath + p.Org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
                saved[p.Org.Code] = p.Org;
            }
            await db.SaveChangesAsync(cancel);
        }
        foreach (var p in planned.Values.Where(p => p.Existing is null ? p.SuccessorCode is not null : Differs(p, byId)))
        {
            var target = p.Existing is { } e ? await db.Organizations.SingleAsync(o => o.Id == e.Id, cancel) : saved[p.Org.Code];
            var successorId = p.SuccessorCode is null ? null : (int?)(saved.GetValueOrDefault(p.SuccessorCode) ?? known[p.SuccessorCode]).Id;
            (target.Name, target.Type, target.Field, target.EndReason, target.SuccessorId) = (p.Org.Name, p.Org.Type, p.Org.Field, p.Org.EndReason, successorId);
        }
        await db.SaveChangesAsync(cancel);
        job.State = ImportState.Committed;
        (job.Created, job.Changed, job.Unchanged, job.Processed, job.FinishedAt) = (counts.Created, counts.Changed, counts.Unchanged, job.Total, DateTime.UtcNow);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
    }

    private static Planned? Check(ImportRow row, DateOnly today, List<ImportProblem> problems)
    {
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, key => OrganizationImportFormat.Columns.FirstOrDefault(c => c.Key == key)?.Header ?? key);
        var values = new ImportValues(row, OrganizationImportFormat.Columns, p, errors);
        errors.AddRange(ImportValues.CharacterProblems(row, OrganizationImportFormat.Columns, new HashSet<string> { "endReason" }));
        var code = values.Text("code", 40);
        if (code is null) errors.Add(new("code", $"{Header("code")}: không được để trống."));
        var name = values.Text("name", 200);
        if (name is null) errors.Add(new("name", $"{Header("name")}: không được để trống."));
        var type = values.Choice("type", Enum.GetValues<OrganizationType>(), t => t.Label());
        var field = values.Choice("field", Enum.GetValues<OrganizationField>(), f => f.Label());
        var founded = values.Date("foundedOn", required: true);
        var ended = values.Date("endedOn", required: false);
        var state = row[OrganizationImportFormat.Columns.ToList().FindIndex(c => c.Key == "state")] is null
            ? OrganizationState.Active : values.Choice("state", Enum.GetValues<OrganizationState>(), s => s.Label());
        var parentCode = values.Text("parentCode", 40);
        var successorCode = values.Text("successorCode", 40);
        var endReason = values.Text("endReason", 300);
        if (founded > today) errors.Add(new("foundedOn", $"{Header("foundedOn")}: không được sau ngày hôm nay."));
        if (ended is { } e && founded is { } f && e <= f) errors.Add(new("endedOn", $"{Header("endedOn")}: phải sau ngày thành lập."));
        if (ended is not null && state == OrganizationState.Active)
            errors.Add(new("state", $"{Header("state")}: tổ chức đã có ngày kết thúc thì phải chọn hợp nhất, chia tách hoặc giải thể."));
        if (ended is null && state is not null and not OrganizationState.Active)
            errors.Add(new("endedOn", $"{Header("endedOn")}: bắt buộc khi tổ chức không còn hoạt động."));
        if (code is not null && parentCode is not null && code.Equals(parentCode, StringComparison.Ordinal))
            errors.Add(new("parentCode", $"{Header("parentCode")}: không được là chính tổ chức này."));
        if (code is not null && successorCode is not null && code.Equals(successorCode, StringComparison.Ordinal))
            errors.Add(new("successorCode", $"{Header("successorCode")}: không được là chính tổ chức này."));
        foreach (var error in errors.Distinct())
            problems.Add(new(row.Number, OrganizationImportFormat.Columns.FirstOrDefault(c => c.Key == error.Field)?.Header ?? error.Field, error.Message));
        if (problems.Count > 0) return null;
        var org = new Organization { Code = code!, Name = name!, Type = type!.Value, Field = field!.Value, FoundedOn = founded!.Value, EndedOn = ended, State = state!.Value, EndReason = endReason };
        return new(row.Number, org, parentCode, successorCode, null);
    }

    /// <summary>
    /// Each row's parent and successor found (in the file or the user's subtree), the tree's shape of existing organizations
    /// unchanged, the life inside the parent's; the new organizations in levels, parents first.
    /// </summary>
    private async Task<List<List<Planned>>> ResolveAsync(Dictionary<string, Planned> planned, Dictionary<string, Organization> known,
        Dictionary<int, Organization> byId, UserScope scope, ImportErrorSink sink)
    {
        Organization? Find(string code) => planned.GetValueOrDefault(code)?.Org ?? (known.GetValueOrDefault(code) is { } o && scope.Covers(o.Path) ? o : null);
        var bad = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in planned.Values.OrderBy(p => p.Row))
        {
            var problems = new List<ImportProblem>();
            void Add(string key, string message) => problems.Add(new(p.Row, Header(key), message));
            if (p.Existing is { } existing)
            {
                var currentParent = existing.ParentId is { } pid ? byId.GetValueOrDefault(pid)?.Code : null;
                if (!string.Equals(currentParent, p.ParentCode, StringComparison.Ordinal))
                    Add("parentCode", $"{Header("parentCode")}: tổ chức \"{existing.Name}\" đang trực thuộc mã \"{currentParent}\"; chuyển tổ chức sang cấp trên khác làm trên trang tổ chức, không qua tệp nhập.");
                if (existing.Type != p.Org.Type)
                    Add("type", $"{Header("type")}: \"{existing.Name}\" là {existing.Type.Label().ToLower(VnFormat.Culture)}; đổi loại tổ chức làm trên trang tổ chức, không qua tệp nhập.");
                if (existing.FoundedOn != p.Org.FoundedOn || existing.EndedOn != p.Org.EndedOn || existing.State != p.Org.State)
                    Add("foundedOn", $"{Header("foundedOn")}, {Header("endedOn")}, {Header("state")}: khác với hồ sơ của \"{existing.Name}\" ({VnFormat.Date(existing.FoundedOn)}{(existing.EndedOn is { } end ? " – " + VnFormat.Date(end) : "")}); ngày thành lập, kết thúc và trạng thái sửa trên trang tổ chức vì chúng kéo theo đảng viên và lịch sử.");
            }
            else if (p.ParentCode is null)
            {
                if (!scope.IsAdmin || p.Org.Type != OrganizationType.Provincial)
                    Add("parentCode", $"{Header("parentCode")}: không được để trống (chỉ đảng bộ tỉnh, thành phố không có cấp trên).");
            }
            else if (Find(p.ParentCode) is not { } parent || (!planned.ContainsKey(p.ParentCode) && !OrganizationEditor.MayEditTree(scope, parent.Path)))
                Add("parentCode", $"{Header("parentCode")}: không có tổ chức mã \"{InputParsing.Shown(p.ParentCode)}\" trong tệp hoặc trong phạm vi được giao.");
            else
            {
                foreach (var e in OrganizationWithinParentRule.Check(new(parent.Name, parent.FoundedOn, parent.EndedOn), p.Org.FoundedOn, p.Org.EndedOn))
                    Add(e.Field, e.Message);
                if (OrganizationNestingRule.Check(parent.Type, p.Org.Type) is { } nesting) Add("type", $"{Header("type")}: {nesting}");
            }
            if (p.SuccessorCode is not null && Find(p.SuccessorCode) is null)
                Add("successorCode", $"{Header("successorCode")}: không có tổ chức mã \"{InputParsing.Shown(p.SuccessorCode)}\" trong tệp hoặc trong phạm vi được giao.");
            foreach (var problem in problems) await sink.AddAsync(problem);
            if (problems.Count > 0) bad.Add(p.Org.Code);
        }

        // Levels: a new organization comes after its parent when the parent is new too; what is left over lies on a loop.
        var levels = new List<List<Planned>>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var waiting = planned.Values.Where(p => p.Existing is null && !bad.Contains(p.Org.Code)).ToList();
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(p => p.ParentCode is null || !planned.TryGetValue(p.ParentCode, out var parent) || parent.Existing is not null || placed.Contains(p.ParentCode)).ToList();
            if (ready.Count == 0)
            {
                foreach (var p in waiting.Where(p => !bad.Contains(p.ParentCode!)))
                    await sink.AddAsync(new(p.Row, Header("parentCode"), $"{Header("parentCode")}: các dòng của tệp tạo thành vòng lặp cấp trên – cấp dưới (qua mã \"{p.ParentCode}\")."));
                break;
            }
            levels.Add(ready);
            foreach (var p in ready) placed.Add(p.Org.Code);
            waiting = waiting.Except(ready).ToList();
        }
        return levels;
    }

    /// <summary>An optional column the file leaves out keeps what an existing organization holds (it is not given, not emptied).</summary>
    private static void KeepWhatTheFileLeavesOut(Dictionary<string, Planned> planned, IReadOnlySet<int> present, Dictionary<int, Organization> byId)
    {
        bool Given(string key) => present.Contains(OrganizationImportFormat.Columns.ToList().FindIndex(c => c.Key == key));
        foreach (var (code, p) in planned.ToList())
        {
            if (p.Existing is not { } e) continue;
            if (!Given("endedOn")) p.Org.EndedOn = e.EndedOn;
            if (!Given("state")) p.Org.State = e.State;
            if (!Given("endReason")) p.Org.EndReason = e.EndReason;
            if (!Given("successorCode")) planned[code] = p with { SuccessorCode = e.SuccessorId is { } s ? byId.GetValueOrDefault(s)?.Code : null };
        }
    }

    /// <summary>An existing organization whose row names it, classes it, or gives its successor otherwise.</summary>
    private static bool Differs(Planned p, Dictionary<int, Organization> byId) => p.Existing is { } e && (
        e.Name != p.Org.Name || e.Type != p.Org.Type || e.Field != p.Org.Field || e.EndReason != p.Org.EndReason
        || !string.Equals(e.SuccessorId is { } s ? byId.GetValueOrDefault(s)?.Code : null, p.SuccessorCode, StringComparison.Ordinal));

}
