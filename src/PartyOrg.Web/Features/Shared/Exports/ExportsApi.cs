using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Members;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Probation;
using PartyOrg.Web.Features.Ratings;
using PartyOrg.Web.Features.Targets;
using PartyOrg.Web.Features.Transfers;

namespace PartyOrg.Web.Features.Shared.Exports;

/// <summary>
/// GET /api/v1/exports/{list}: each list page as a workbook of exactly what it shows (same parameters, same filters, same
/// order, every page of it), within the caller's scope, each export audited. The pages link here ("Tải Excel").
/// </summary>
public static class ExportsApi
{
    public const string FormatField = "format";

    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exports").WithTags("Xuất tệp");

        // The members of the list in the member import format (plus "Tên chi bộ" and "Trạng thái"), so the file imports back as is.
        group.MapGet("/members", async (string? q, int? org, string? status, string? gender, int? ageFrom, int? ageTo, string? sort, string? format,
            HttpContext http, ScopeResolver scopes, FormatExports formats, OrganizationQueries orgs, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>(new MemberListQuery(q, org, status, gender, ageFrom, ageTo, sort).Check(out var list));
            var kind = Format(format, errors, "xlsx", "csv");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (!scope.SeesOrganizations) return OrganizationsApi.NotFound();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            if (kind == "xlsx" && FormatExports.XlsxTooLong(await formats.CountMembersAsync(scope, list) ?? 0) is { } tooLong)
                return ListProblems.Invalid([tooLong]);
            if (await formats.MembersAsync(scope, list) is not { } rows) return OrganizationsApi.NotFound();
            var sheet = FormatExports.MembersSheet(rows, o.Name);
            await exports.AuditAsync(scope, $"Danh sách đảng viên ({kind})", http.Request);
            return kind == "csv"
                ? await Exports.CsvAsync("danh-sach-dang-vien.csv", sheet, http.RequestAborted)
                : await Exports.XlsxAsync("danh-sach-dang-vien.xlsx", new(Exports.Upper(o.Name), calendar.Today), [sheet], http.RequestAborted);
        });

        // The organizations of a subtree in the organization import format, parents first, ended ones included.
        group.MapGet("/organizations", async (int? org, string? format,
            HttpContext http, ScopeResolver scopes, FormatExports formats, OrganizationQueries orgs, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            var kind = Format(format, errors, "xlsx", "csv");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (!scope.SeesOrganizations || await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var sheet = FormatExports.OrganizationsSheet(await formats.OrganizationsAsync(scope, o), o.Name);
            await exports.AuditAsync(scope, $"Danh sách tổ chức đảng ({kind})", http.Request);
            return kind == "csv"
                ? await Exports.CsvAsync("danh-sach-to-chuc-dang.csv", sheet, http.RequestAborted)
                : await Exports.XlsxAsync("danh-sach-to-chuc-dang.xlsx", new(Exports.Upper(o.Name), calendar.Today), [sheet], http.RequestAborted);
        });

        group.MapGet("/admissions", async (int? org, AdmissionStep? step, string? q, string? sort, bool? late, string? format,
            HttpContext http, ScopeResolver scopes, AdmissionQueries cases, OrganizationQueries orgs, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            SortOrder.TryParse(sort, AdmissionQueries.SortKeys, "since", out var order);
            var rows = Exports.AllPages(n => cases.ListAsync(scope, o.Path, step, q, n, Paging.MaxSize, order, late ?? false));
            await exports.AuditAsync(scope, "Danh sách hồ sơ phát triển đảng viên", http.Request);
            return await Exports.XlsxAsync("ho-so-ket-nap.xlsx", new(Exports.Upper(o.Name), calendar.Today), [AdmissionsSheet(rows, o.Name)], http.RequestAborted);
        });

        group.MapGet("/probation", async (int? org, bool? all, string? format,
            HttpContext http, ScopeResolver scopes, ProbationQueries probation, OrganizationQueries orgs, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var rows = Exports.AllPages(n => probation.PageAsync(scope, o.Path, all ?? false, n, Paging.MaxSize));
            await exports.AuditAsync(scope, "Danh sách đảng viên dự bị", http.Request);
            return await Exports.XlsxAsync("dang-vien-du-bi.xlsx", new(Exports.Upper(o.Name), calendar.Today), [ProbationSheet(rows, o.Name, all ?? false)], http.RequestAborted);
        });

        group.MapGet("/transfers", async (bool? all, bool? late, string? format,
            HttpContext http, ScopeResolver scopes, TransferLedger transfers, OrganizationQueries orgs, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (!scope.SeesOrganizations || await orgs.FindOrRootAsync(scope, null) is not { } o) return OrganizationsApi.NotFound();
            var rows = Exports.AllPages(n => transfers.PageAsync(scope, all ?? false, late ?? false, n, Paging.MaxSize));
            await exports.AuditAsync(scope, "Danh sách chuyển sinh hoạt đảng", http.Request);
            return await Exports.XlsxAsync("chuyen-sinh-hoat.xlsx", new(Exports.Upper(o.Name), calendar.Today), [TransfersSheet(rows)], http.RequestAborted);
        });

        group.MapGet("/badges", async (int? org, DateOnly? occasion, string? format,
            HttpContext http, ScopeResolver scopes, BadgeRegister badges, OrganizationQueries orgs, AppDbContext db, Exports exports, Calendar calendar) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var on = occasion ?? BadgeRule.NextOccasion(calendar.Today);
            var candidates = await badges.EligibleAsync(scope, o.Path, on);
            var ids = candidates.Select(c => c.MemberId).ToList();
            var births = new Dictionary<int, DateOnly>();
            foreach (var chunk in ids.Chunk(500))
                foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.DateOfBirth }).ToListAsync())
                    births[m.Id] = m.DateOfBirth;
            await exports.AuditAsync(scope, "Danh sách đề nghị tặng Huy hiệu Đảng", http.Request);
            return await Exports.XlsxAsync("de-nghi-huy-hieu.xlsx", new(Exports.Upper(o.Name), calendar.Today), [BadgesSheet(candidates, births, o.Name, on)], http.RequestAborted);
        });

        group.MapGet("/targets", async (int? org, int? year, string? term, string? from, string? asOf, string? format,
            HttpContext http, ScopeResolver scopes, TargetQueries targets, OrganizationQueries orgs, Exports exports, PercentRounding rounding) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            var dates = new InputParsing(errors, f => f == "from" ? "Tính từ ngày" : "Tính đến ngày");
            var (fromDate, asOfDate) = (dates.Date("from", from, required: false), dates.Date("asOf", asOf, required: false));
            if (year is { } y && (y < 1930 || y > 2100)) errors.Add(new("year", "Năm: phải từ 1930 đến 2100."));
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var theTerm = string.IsNullOrWhiteSpace(term) ? null : term.Trim();
            var theYear = theTerm is null ? year ?? orgs.Today.Year : (int?)null;
            var current = await targets.NarrowedProgressAsync(scope, o.Id, theYear, theTerm, fromDate, asOfDate);
            if (current.Failure() is { } failure) return failure;
            var children = await orgs.ChildrenAsync(scope, o.Id) ?? [];
            var rows = (await targets.ProgressOfEachAsync(scope, children, theYear, theTerm, fromDate, asOfDate)).Where(p => p.Target > 0 || p.Admitted > 0).ToList();
            await exports.AuditAsync(scope, "Chỉ tiêu kết nạp đảng viên", http.Request);
            var period = theYear is { } yy ? $"năm {yy}" : $"nhiệm kỳ {theTerm}";
            return await Exports.XlsxAsync("chi-tieu-ket-nap.xlsx", new(Exports.Upper(o.Name), orgs.Today), [TargetsSheet(current.Value!, rows, period, rounding)], http.RequestAborted);
        });

        // GET /api/v1/exports/ratings?org=&year=  the rating round as /Ratings shows it: counts by level, progress, members, organizations.
        group.MapGet("/ratings", async (int? org, int? year, string? format,
            HttpContext http, ScopeResolver scopes, RatingBook book, OrganizationQueries orgs, Exports exports) =>
        {
            var errors = new List<FieldError>();
            Format(format, errors, "xlsx");
            var y = year ?? book.Today.Year;
            if (y < RatingBook.FirstYear || y > book.Today.Year) errors.Add(new("year", $"Năm đánh giá: phải từ {RatingBook.FirstYear} đến {book.Today.Year}."));
            if (errors.Count > 0) return ListProblems.Invalid(errors);
            var scope = await scopes.CurrentAsync();
            if (!scope.SeesOrganizations || await orgs.FindOrRootAsync(scope, org) is not { } o) return OrganizationsApi.NotFound();
            var round = (await book.RoundAsync(scope, o, y))!;
            await exports.AuditAsync(scope, $"Đánh giá, xếp loại năm {y}", http.Request);
            return await Exports.XlsxAsync($"xep-loai-{y}.xlsx", new(Exports.Upper(o.Name), round.CountedOn), RatingSheets(round), http.RequestAborted);
        });
    }

    /// <summary>GET /api/v1/members/{id}/card.docx: the member's record as the 2-HSĐV sheet (<see cref="MemberCard"/>), within the scope.</summary>
    public static void MapMemberCardApi(this RouteGroupBuilder api) =>
        api.MapGet("/members/{id:int}/card.docx", async (int id, HttpContext http, ScopeResolver scopes, MemberCard cards, Exports exports) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await cards.BuildAsync(scope, id) is not { } card) return OrganizationsApi.NotFound();
            await exports.AuditAsync(scope, $"Phiếu đảng viên {card.FullName}", http.Request);
            return Exports.Docx($"phieu-dang-vien-{id}.docx", card.Bytes);
        }).WithTags("Đảng viên");

    /// <summary>The format asked (default the first allowed); an unknown one is a field error.</summary>
    public static string Format(string? format, List<FieldError> errors, params string[] allowed)
    {
        var value = string.IsNullOrWhiteSpace(format) ? allowed[0] : format.Trim().ToLowerInvariant();
        if (allowed.Contains(value)) return value;
        errors.Add(new(FormatField, $"Định dạng: chỉ nhận {string.Join(" hoặc ", allowed)}."));
        return allowed[0];
    }

    private static async IAsyncEnumerable<object?[]> Numbered<T>(IAsyncEnumerable<T> items, Func<T, object?[]> row)
    {
        var n = 0;
        await foreach (var item in items) yield return [++n, .. row(item)];
    }

    private static XlsxSheet AdmissionsSheet(IAsyncEnumerable<AdmissionCaseItem> items, string organization) => new("Phát triển đảng viên",
        $"DANH SÁCH HỒ SƠ PHÁT TRIỂN ĐẢNG VIÊN – {organization}",
        [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Ngày sinh", XlsxKind.Date, 13), new("Nguồn", Width: 22),
            new("Bước", Width: 26), new("Chi bộ", Width: 34), new("Vào nguồn từ", XlsxKind.Date, 13), new("Hạn bước tiếp", XlsxKind.Date, 13), new("Quá hạn", Width: 10)],
        Numbered(items, c => [c.FullName, c.DateOfBirth, c.SourceGroupLabel, c.StepLabel, c.OrganizationName, c.SourceSince, c.NextDeadline, c.Overdue ? "Quá hạn" : ""]));

    private static XlsxSheet ProbationSheet(IAsyncEnumerable<ProbationItem> items, string organization, bool all) => new("Đảng viên dự bị",
        $"{(all ? "DANH SÁCH ĐẢNG VIÊN DỰ BỊ" : "ĐẢNG VIÊN DỰ BỊ ĐẾN HẠN XÉT CÔNG NHẬN CHÍNH THỨC")} – {organization}",
        [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Chi bộ", Width: 34), new("Ngày kết nạp", XlsxKind.Date, 13),
            new("Hết 12 tháng dự bị", XlsxKind.Date, 15), new("Hạn chi bộ xét", XlsxKind.Date, 15), new("Tình trạng", Width: 22)],
        Numbered(items, p => [p.FullName, p.OrganizationName, p.CeremonyOn, p.EndsOn, p.RecognitionDue, p.StandingLabel]));

    private static XlsxSheet TransfersSheet(IAsyncEnumerable<TransferView> items) => new("Chuyển sinh hoạt",
        "DANH SÁCH CHUYỂN SINH HOẠT ĐẢNG",
        [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Loại", Width: 16), new("Từ", Width: 34), new("Đến", Width: 34),
            new("Ngày giới thiệu", XlsxKind.Date, 14), new("Số giấy", Width: 14), new("Hạn nộp", XlsxKind.Date, 13), new("Ngày tiếp nhận", XlsxKind.Date, 14),
            new("Trạng thái", Width: 18), new("Quá hạn", Width: 10)],
        Numbered(items, t => [t.MemberName, t.KindLabel, t.FromOrganizationName, t.ToOrganizationName, t.IssuedOn, t.LetterNumber, t.PresentBy, t.ReceivedOn,
            t.StateLabel, t.Overdue ? "Quá hạn" : ""]));

    private static XlsxSheet BadgesSheet(IReadOnlyList<BadgeCandidate> items, IReadOnlyDictionary<int, DateOnly> births, string organization, DateOnly occasion) => XlsxSheet.Of(
        "Đề nghị Huy hiệu", $"DANH SÁCH ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG ĐỢT {VnFormat.Date(occasion)} – {organization}",
        [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Ngày sinh", XlsxKind.Date, 13), new("Ngày vào Đảng", XlsxKind.Date, 14),
            new("Tuổi đảng", Width: 22), new("Huy hiệu (năm tuổi đảng)", XlsxKind.Integer, 14), new("Chi bộ", Width: 34)],
        items.Select((c, i) => new object?[] { i + 1, c.FullName, births.TryGetValue(c.MemberId, out var b) ? b : null, c.AdmittedOn, c.PartyAge, c.Milestone, c.OrganizationName }));

    private static XlsxSheet TargetsSheet(TargetProgressView current, IReadOnlyList<TargetProgressView> children, string period, PercentRounding rounding) => XlsxSheet.Of(
        "Chỉ tiêu kết nạp", $"KẾT QUẢ KẾT NẠP ĐẢNG VIÊN SO VỚI CHỈ TIÊU {period.ToUpper(VnFormat.Culture)} (tính từ {VnFormat.Date(current.CountedFrom)} đến {VnFormat.Date(current.CountedTo)})",
        [new("Tổ chức", Width: 40), new("Chỉ tiêu", XlsxKind.Integer, 11), new("Đã kết nạp", XlsxKind.Integer, 12), new("Tỷ lệ", XlsxKind.Percent, 11),
            new("Trong đó kết nạp lại", XlsxKind.Integer, 12), new("Nguồn", XlsxKind.Integer, 11), new("Đảng viên đầu năm/kỳ", XlsxKind.Integer, 14)],
        new[] { current }.Concat(children).Select(p => new object?[] { p.OrganizationName, p.Target, p.Admitted, p.Percent, p.Readmitted, p.SourcePool, p.Membership }),
        totals: false, notes: [$"Dòng đầu: {current.OrganizationName} (cả đảng bộ); các dòng sau: tổ chức trực thuộc có chỉ tiêu hoặc có kết nạp.", rounding.Note]);

    private static string Level(PartyOrg.Domain.Rating.RatingLevel? level) => level is { } l ? PartyOrg.Domain.Rating.RatingLevels.Label(l) : "";

    /// <summary>The sheets of a rating round: the counts by level, the progress per organization, the members' and the organizations' ratings.</summary>
    public static IReadOnlyList<XlsxSheet> RatingSheets(RatingRoundView r)
    {
        var notes = new List<string> { $"Quy định áp dụng năm {r.Year}: {r.Rule}." };
        notes.AddRange(r.Settings.Select(s => "Thiết lập: " + s));
        notes.Add("Thiết lập: " + r.PercentRounding);
        if (r.Locked) notes.Add($"Đã khóa sổ: {r.LockedAtOrganizationName} ({r.LockedBy}).");
        var counts = XlsxSheet.Of("Tổng hợp", $"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {r.Year} – {r.OrganizationName}",
            [new("Đối tượng", Width: 18), new("Phải đánh giá", XlsxKind.Integer, 12), new("Đã xếp loại", XlsxKind.Integer, 12), new("Không đánh giá", XlsxKind.Integer, 12),
                new("Hoàn thành xuất sắc nhiệm vụ", XlsxKind.Integer, 14), new("Hoàn thành tốt nhiệm vụ", XlsxKind.Integer, 14), new("Hoàn thành nhiệm vụ", XlsxKind.Integer, 14),
                new("Không hoàn thành nhiệm vụ", XlsxKind.Integer, 14), new("Tốt trở lên", XlsxKind.Percent, 12)],
            new[] { ("Đảng viên", r.Members), ("Tổ chức đảng", r.Organizations) }.Select(c => new object?[]
                { c.Item1, c.Item2.ToRate, c.Item2.Rated, c.Item2.Exempt, c.Item2.Excellent, c.Item2.Good, c.Item2.Completed, c.Item2.NotCompleted, c.Item2.GoodOrAbovePercent }),
            totals: false, notes: ["Tỷ lệ tốt trở lên tính trên số đã có quyết định xếp loại.", .. notes]);
        var progress = XlsxSheet.Of("Tiến độ", $"TIẾN ĐỘ ĐÁNH GIÁ, XẾP LOẠI NĂM {r.Year}",
            [new("STT", XlsxKind.Integer, 7), new("Tổ chức", Width: 40), new("Đảng viên phải đánh giá", XlsxKind.Integer, 14, Total: true),
                new("Đã xếp loại", XlsxKind.Integer, 12, Total: true), new("Không đánh giá", XlsxKind.Integer, 12, Total: true),
                new("Chưa xếp loại", Width: 50), new("Xếp loại của tổ chức", Width: 28)],
            r.Progress.Select((p, i) => new object?[] { i + 1, p.Name, p.MembersToRate, p.MembersRated, p.MembersExempt, string.Join(", ", p.MissingMembers.Select(m => m.Name)),
                !p.OrganizationToRate ? "" : Level(r.OrganizationRatings.FirstOrDefault(o => o.SubjectOrganizationId == p.OrganizationId)?.DecidedLevel) is { Length: > 0 } l ? l : "Chưa xếp loại" }));
        XlsxColumn[] levels =
        [
            new("Tự đánh giá", Width: 28), new("Điểm tự chấm", XlsxKind.Integer, 10), new("Đề xuất", Width: 28),
            new("Mức quyết định", Width: 28), new("Điểm", XlsxKind.Integer, 8), new("Ngày quyết định", XlsxKind.Date, 13),
        ];
        object?[] Levels(RatingView v) => [Level(v.SelfLevel), v.SelfPoints, Level(v.ProposedLevel), Level(v.DecidedLevel), v.Points, v.DecidedOn];
        var members = XlsxSheet.Of("Đảng viên", $"XẾP LOẠI ĐẢNG VIÊN NĂM {r.Year} – {r.OrganizationName}",
            [new("STT", XlsxKind.Integer, 7), new("Họ và tên", Width: 30), new("Chi bộ", Width: 34), .. levels, new("Không đánh giá (lý do)", Width: 30)],
            r.MemberRatings.Select((v, i) => (object?[])[i + 1, v.Name, v.OrganizationName, .. Levels(v), v.ExemptReason]), notes: notes);
        var organizations = XlsxSheet.Of("Tổ chức đảng", $"XẾP LOẠI TỔ CHỨC ĐẢNG NĂM {r.Year} – {r.OrganizationName}",
            [new("STT", XlsxKind.Integer, 7), new("Tổ chức", Width: 40), .. levels],
            r.OrganizationRatings.Select((v, i) => (object?[])[i + 1, v.Name, .. Levels(v)]), notes: notes);
        return [counts, progress, members, organizations];
    }
}
