using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Cadres;

public static class CadresApi
{
    public static void MapCadresApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/posts?org=&date=  the organization's posts standing on the date with their holders and vacancies
        api.MapGet("/posts", async (int? org, DateOnly? date, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
            await register.OnDateAsync(await scopes.CurrentAsync(), org, date ?? calendar.Today) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/posts/{id:int}", async (int id, DateOnly? date, HttpContext http, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
        {
            if (await register.GetPostAsync(await scopes.CurrentAsync(), id, date ?? calendar.Today) is not { } post) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(post.Version);
            return Results.Ok(post);
        }).WithTags("Cán bộ");

        // POST /api/v1/posts  {"organizationId","kind","title","seats","managingOrganizationId","fromDate"}
        api.MapPost("/posts", async (PostInput input, ScopeResolver scopes, CadreRegister register, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.AddPostAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/posts/{outcome.Value!.Id}", await register.GetPostAsync(scope, outcome.Value.Id, calendar.Today));
        }).WithTags("Cán bộ");

        // GET /api/v1/exports/posts?org=&date=  the same list as .xlsx: a row per holder, a row per vacant seat
        api.MapGet("/exports/posts", async (int? org, DateOnly? date, HttpContext http, ScopeResolver scopes, CadreRegister register, Exports exports, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await register.OnDateAsync(scope, org, date ?? calendar.Today) is not { } list) return OrganizationsApi.NotFound();
            await exports.AuditAsync(scope, "Danh sách cán bộ giữ chức danh", http.Request);
            return await Exports.XlsxAsync("can-bo-giu-chuc-danh.xlsx", new(Exports.Upper(list.OrganizationName), list.Date), [HoldersSheet(list)], http.RequestAborted);
        }).WithTags("Xuất tệp");

        // GET /api/v1/exports/plans?org=&term=&date=&kind=  the plan as .xlsx: a row per cadre planned, with what needs review
        api.MapGet("/exports/plans", async (int? org, int? term, DateOnly? date, string? kind, HttpContext http, ScopeResolver scopes, CadrePlans plans, Exports exports, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            if (await plans.ReadAsync(scope, org, term, date ?? calendar.Today, PlanKind(kind)) is not { } plan) return OrganizationsApi.NotFound();
            if (await PlanQueryProblemAsync(plans, kind, term) is { } unknown) return unknown;
            await exports.AuditAsync(scope, "Quy hoạch cán bộ", http.Request);
            return await Exports.XlsxAsync("quy-hoach-can-bo.xlsx", new(Exports.Upper(plan.OrganizationName), plan.Date), [PlanSheet(plan)], http.RequestAborted);
        }).WithTags("Xuất tệp");

        // GET /api/v1/plans?org=&term=&date=&kind=  the plan of a term (default: the date's term) read on the date, with its composition
        api.MapGet("/plans", async (int? org, int? term, DateOnly? date, string? kind, ScopeResolver scopes, CadrePlans plans, Calendar calendar) =>
            await plans.ReadAsync(await scopes.CurrentAsync(), org, term, date ?? calendar.Today, PlanKind(kind)) is not { } plan ? OrganizationsApi.NotFound()
                : await PlanQueryProblemAsync(plans, kind, term) ?? Results.Ok(plan))
            .WithTags("Cán bộ");

        // POST /api/v1/plans  {"organizationId","termFrom","termTo","decisionNumber","approvedOn"}
        api.MapPost("/plans", async (PlanInput input, ScopeResolver scopes, CadrePlans plans, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await plans.CreateAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/plans?org={outcome.Value!.OrganizationId}&term={outcome.Value.TermFrom}",
                await plans.ReadAsync(scope, outcome.Value.OrganizationId, outcome.Value.TermFrom, calendar.Today));
        }).WithTags("Cán bộ");

        // POST /api/v1/plans/{id}/entries  {"postId","memberId","fromDate","decisionNumber"}: the plan as read on the entry's day
        api.MapPost("/plans/{id:int}/entries", async (int id, PlanEntryInput input, ScopeResolver scopes, CadrePlans plans, AppDbContext db) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await plans.AddEntryAsync(scope, id, input);
            if (outcome.Failure() is { } failure) return failure;
            var plan = await db.CadrePlans.AsNoTracking().SingleAsync(p => p.Id == id);
            return Results.Created($"/api/v1/plans?org={plan.OrganizationId}&term={plan.TermFrom}", await plans.ReadAsync(scope, plan.OrganizationId, plan.TermFrom, outcome.Value!.FromDate));
        }).WithTags("Cán bộ");

        // POST /api/v1/plan-entries/{id}/remove  {"toDate","reason","decisionNumber"}, If-Match optional
        api.MapPost("/plan-entries/{id:int}/remove", async (int id, PlanRemovalInput input, HttpContext http, ScopeResolver scopes, CadrePlans plans, AppDbContext db, Calendar calendar) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await plans.RemoveEntryAsync(scope, id, input, Versions.FromIfMatch(http.Request));
            return await Versions.AnswerAsync(http, outcome, async () =>
            {
                var plan = await db.CadrePlans.AsNoTracking().SingleAsync(p => p.Id == outcome.Value!.PlanId);
                return await plans.ReadAsync(scope, plan.OrganizationId, plan.TermFrom, calendar.Today);
            });
        }).WithTags("Cán bộ");

        // GET /api/v1/confidence-votes?org=  the organization's rounds, latest first, with each cadre's counts and consequences
        api.MapGet("/confidence-votes", async (int? org, ScopeResolver scopes, ConfidenceRounds rounds) =>
            await rounds.ListAsync(await scopes.CurrentAsync(), org) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/confidence-votes/{id:int}", async (int id, ScopeResolver scopes, ConfidenceRounds rounds) =>
            await rounds.GetAsync(await scopes.CurrentAsync(), id) is { } round ? Results.Ok(round) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        // POST /api/v1/confidence-votes  {"organizationId","heldOn","summoned","present","ballotsReturned","results":[{"memberId","high","medium","low"}]}
        api.MapPost("/confidence-votes", async (ConfidenceInput input, ScopeResolver scopes, ConfidenceRounds rounds) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await rounds.RecordAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/confidence-votes/{outcome.Value!.Id}", await rounds.GetAsync(scope, outcome.Value.Id));
        }).WithTags("Cán bộ");

        // GET /api/v1/appointments?org=&year=  open cases, the year's decided ones, reappointments due and the year's figures
        api.MapGet("/appointments", async (int? org, int? year, ScopeResolver scopes, CadreCases cases, Calendar calendar) =>
            await cases.ListAsync(await scopes.CurrentAsync(), org, year is >= 1930 and <= 2100 ? year.Value : calendar.Today.Year) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/appointments/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, CadreCases cases) =>
        {
            if (await cases.GetAsync(await scopes.CurrentAsync(), id) is not { } view) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(view.Version);
            return Results.Ok(view);
        }).WithTags("Cán bộ");

        // POST /api/v1/appointments  {"kind","memberId","postId","fromHoldingId","proposedOn","note"}
        api.MapPost("/appointments", async (CaseInput input, HttpContext http, ScopeResolver scopes, CadreCases cases) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await cases.OpenAsync(scope, input);
            if (outcome.Failure() is { } failure) return failure;
            http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
            return Results.Created($"/api/v1/appointments/{outcome.Value.Id}", await cases.GetAsync(scope, outcome.Value.Id));
        }).WithTags("Cán bộ");

        // POST /api/v1/appointments/{id}/steps  {"on","name","document"}, If-Match optional
        api.MapPost("/appointments/{id:int}/steps", async (int id, CaseStepInput input, HttpContext http, ScopeResolver scopes, CadreCases cases) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.AnswerAsync(http, await cases.AddStepAsync(scope, id, input, Versions.FromIfMatch(http.Request)), async () => await cases.GetAsync(scope, id));
        }).WithTags("Cán bộ");

        // POST /api/v1/appointments/{id}/decide  {"decisionNumber","decidedOn","effectiveOn"}, If-Match optional: writes the holdings
        api.MapPost("/appointments/{id:int}/decide", async (int id, CaseDecisionInput input, HttpContext http, ScopeResolver scopes, CadreCases cases) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.AnswerAsync(http, await cases.DecideAsync(scope, id, input, Versions.FromIfMatch(http.Request)), async () => await cases.GetAsync(scope, id));
        }).WithTags("Cán bộ");

        // POST /api/v1/appointments/{id}/withdraw  {"on","reason"}, If-Match optional
        api.MapPost("/appointments/{id:int}/withdraw", async (int id, CaseWithdrawalInput input, HttpContext http, ScopeResolver scopes, CadreCases cases) =>
        {
            var scope = await scopes.CurrentAsync();
            return await Versions.AnswerAsync(http, await cases.WithdrawAsync(scope, id, input, Versions.FromIfMatch(http.Request)), async () => await cases.GetAsync(scope, id));
        }).WithTags("Cán bộ");

        // GET /api/v1/training?org=&year=  the courses of the subtree running in the year with their learners, and the year's figures
        api.MapGet("/training", async (int? org, int? year, ScopeResolver scopes, CadreTraining training, Calendar calendar) =>
            await training.ListAsync(await scopes.CurrentAsync(), org, year is >= 1930 and <= 2100 ? year.Value : calendar.Today.Year) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/training/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, CadreTraining training) =>
        {
            if (await training.GetAsync(await scopes.CurrentAsync(), id) is not { } course) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(course.Version);
            return Results.Ok(course);
        }).WithTags("Cán bộ");

        // POST /api/v1/training  {"organizationId","level","name","institution","abroad","fromDate","toDate"}
        api.MapPost("/training", async (CourseInput input, ScopeResolver scopes, CadreTraining training) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await training.CreateCourseAsync(scope, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/training/{outcome.Value!.Id}", await training.GetAsync(scope, outcome.Value.Id));
        }).WithTags("Cán bộ");

        // POST /api/v1/training/{id}/enrolments  {"memberId"}
        api.MapPost("/training/{id:int}/enrolments", async (int id, EnrolmentInput input, ScopeResolver scopes, CadreTraining training) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await training.EnrolAsync(scope, id, input);
            return outcome.Failure() ?? Results.Created($"/api/v1/training/{id}", await training.GetAsync(scope, id));
        }).WithTags("Cán bộ");

        // POST /api/v1/training/enrolments/{id}/finish  {"result":"Completed|NotCompleted","finishedOn","certificateNumber"}, If-Match optional
        api.MapPost("/training/enrolments/{id:int}/finish", async (int id, EnrolmentResultInput input, HttpContext http, ScopeResolver scopes, CadreTraining training) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await training.FinishAsync(scope, id, input, Versions.FromIfMatch(http.Request));
            return await Versions.AnswerAsync(http, outcome, async () => await training.GetAsync(scope, outcome.Value!.CourseId));
        }).WithTags("Cán bộ");

        // GET /api/v1/holdings?member=  a member's posts, latest first
        api.MapGet("/holdings", async (int member, ScopeResolver scopes, CadreRegister register) =>
            await register.CareerAsync(await scopes.CurrentAsync(), member) is { } list ? Results.Ok(list) : OrganizationsApi.NotFound())
            .WithTags("Cán bộ");

        api.MapGet("/holdings/{id:int}", async (int id, HttpContext http, ScopeResolver scopes, CadreRegister register) =>
        {
            if (await register.GetHoldingAsync(await scopes.CurrentAsync(), id) is not { } view) return OrganizationsApi.NotFound();
            http.Response.Headers.ETag = Versions.ETag(view.Version);
            return Results.Ok(view);
        }).WithTags("Cán bộ");

        // POST /api/v1/holdings  {"postId","memberId" | "outsideName","fromDate","basis","decisionNumber","decidedOn","termFrom","termTo"}
        api.MapPost("/holdings", async (HoldingInput input, HttpContext http, ScopeResolver scopes, CadreRegister register) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.AddHoldingAsync(scope, input);
            if (outcome.Failure() is { } failure) return failure;
            http.Response.Headers.ETag = Versions.ETag(outcome.Value!.Version);
            return Results.Created($"/api/v1/holdings/{outcome.Value.Id}", await register.GetHoldingAsync(scope, outcome.Value.Id));
        }).WithTags("Cán bộ");

        // POST /api/v1/holdings/{id}/end  {"toDate","reason"}, If-Match optional
        api.MapPost("/holdings/{id:int}/end", async (int id, HoldingEndInput input, HttpContext http, ScopeResolver scopes, CadreRegister register) =>
        {
            var scope = await scopes.CurrentAsync();
            var outcome = await register.EndHoldingAsync(scope, id, input, Versions.FromIfMatch(http.Request));
            return await Versions.AnswerAsync(http, outcome, async () => await register.GetHoldingAsync(scope, id));
        }).WithTags("Cán bộ");
    }

    private static string? PlanKind(string? kind) => string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();

    /// <summary>
    /// A plan of one kind is asked by a code of the catalogue, and a term by a year a term can start: an unknown code or a year out
    /// of range is an error naming the parameter, not an empty plan.
    /// </summary>
    private static async Task<IResult?> PlanQueryProblemAsync(CadrePlans plans, string? kind, int? term)
    {
        if (term is < 1930 or > 2100) return ListProblems.Invalid([new("term", "term: năm đầu nhiệm kỳ phải từ 1930 đến 2100.")]);
        if (PlanKind(kind) is not { } code || (await plans.KindCodesAsync()).Contains(code)) return null;
        return ListProblems.Invalid([new("kind", $"kind: không có loại chức danh mã \"{InputParsing.Shown(code)}\" trong danh mục (ví dụ BI_THU, PHO_BI_THU).")]);
    }

    /// <summary>The cadres planned for each post on the date, the posts without any, and the plan's composition as notes.</summary>
    public static XlsxSheet PlanSheet(PlanView plan) => XlsxSheet.Of("Quy hoạch cán bộ",
        $"QUY HOẠCH CÁN BỘ NHIỆM KỲ {plan.TermFrom}–{plan.TermTo} – {plan.OrganizationName} – NGÀY {VnFormat.Date(plan.Date)}",
        [new("STT", XlsxKind.Integer, 7), new("Chức danh", Width: 40), new("Cán bộ", Width: 30), new("Giới tính", Width: 10), new("Tuổi", XlsxKind.Integer, 8),
            new("Dân tộc thiểu số", Width: 12), new("Từ ngày", XlsxKind.Date, 13), new("Số quyết định", Width: 16), new("Cần xem xét", Width: 60)],
        plan.Posts.SelectMany(p => p.Entries.Count == 0
                ? [[p.Title, "Chưa có cán bộ quy hoạch", null, null, null, null, null, null]]
                : p.Entries.Select(e => new object?[] { p.Title, e.Name, e.Gender.Label(), e.Age, e.Minority ? "Có" : "", e.FromDate, e.DecisionNumber, string.Join(" ", e.Flags) }))
            .Select((row, i) => new object?[] { i + 1 }.Concat(row).ToArray()),
        totals: false,
        notes: [plan.DecisionNumber is { } n ? $"Phê duyệt theo quyết định số {n} ngày {VnFormat.Date(plan.ApprovedOn)}; hệ số quy hoạch {plan.Ratio.ToString("0.##", VnFormat.Culture)}." : "Chưa có quyết định phê duyệt quy hoạch nhiệm kỳ này.",
            "Cơ cấu: " + string.Join("; ", plan.Composition.Select(c => $"{c.Label.ToLowerInvariant()} {VnFormat.Number(c.Count)}{(c.Percent is { } pc ? $" ({pc.ToString("0.##", VnFormat.Culture)}%)" : "")}")) + ".",
            .. plan.Notes]);

    /// <summary>The holders of each post on the date, then a row for each post's vacant seats ("còn trống").</summary>
    public static XlsxSheet HoldersSheet(PostsOnDate list) => XlsxSheet.Of("Cán bộ giữ chức danh",
        $"DANH SÁCH CÁN BỘ GIỮ CHỨC DANH – {list.OrganizationName} – NGÀY {VnFormat.Date(list.Date)}",
        [new("STT", XlsxKind.Integer, 7), new("Chức danh", Width: 40), new("Tổ chức", Width: 34), new("Người giữ", Width: 30), new("Từ ngày", XlsxKind.Date, 13),
            new("Hình thức", Width: 18), new("Số quyết định", Width: 16), new("Ngày quyết định", XlsxKind.Date, 14), new("Nhiệm kỳ", Width: 12),
            new("Hết thời hạn bổ nhiệm", XlsxKind.Date, 15), new("Người địa phương", Width: 26), new("Diện quản lý", Width: 34)],
        list.Posts.SelectMany(p => p.Holders.Select(h => new object?[] { p.Title, p.OrganizationName, h.InRegister ? h.Name : $"{h.Name} (ngoài hồ sơ đảng viên)", h.FromDate,
                h.BasisLabel, h.DecisionNumber, h.DecidedOn, h.Term, h.AppointmentLastDay, h.InRegister ? h.LocalityLabel : null, p.ManagingName })
            .Concat(p.Vacancies > 0 ? [[p.Title, p.OrganizationName, $"Còn trống {p.Vacancies}", null, null, null, null, null, null, null, p.ManagingName]] : Array.Empty<object?[]>()))
            .Select((row, i) => new object?[] { i + 1 }.Concat(row).ToArray()),
        totals: false, notes: [list.TermNote]);
}
