using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Common;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public sealed class CourseInput
{
    public int? OrganizationId { get; set; }
    public string? Level { get; set; }
    public string? Name { get; set; }
    public string? Institution { get; set; }
    public bool Abroad { get; set; }
    public string? FromDate { get; set; }
    public string? ToDate { get; set; }
}

public sealed class EnrolmentInput
{
    public int? MemberId { get; set; }
}

public sealed class EnrolmentResultInput
{
    public string? Result { get; set; }
    public string? FinishedOn { get; set; }
    public string? CertificateNumber { get; set; }
}

public static class TrainingFields
{
    public const string Organization = "organizationId", Level = "level", Name = "name", Institution = "institution", FromDate = "fromDate", ToDate = "toDate",
        Member = "memberId", Result = "result", FinishedOn = "finishedOn", Certificate = "certificateNumber";

    public static string Label(string field) => field switch
    {
        Organization => "Tổ chức cử đi học",
        Level => "Chương trình",
        Name => "Tên lớp",
        Institution => "Cơ sở đào tạo",
        FromDate => "Từ ngày",
        ToDate => "Đến ngày",
        Member => "Học viên",
        Result => "Kết quả",
        FinishedOn => "Ngày kết thúc học",
        Certificate => "Số văn bằng, chứng chỉ",
        _ => field,
    };
}

public sealed record EnrolmentView(int Id, int MemberId, string Name, TrainingResult Result, string ResultLabel, DateOnly? FinishedOn, string? CertificateNumber, int Version);

public sealed record CourseView(int Id, int OrganizationId, string OrganizationName, TrainingLevel Level, string LevelLabel, TrainingTrack Track, string TrackLabel,
    string Name, string Institution, bool Abroad, DateOnly FromDate, DateOnly ToDate, IReadOnlyList<EnrolmentView> Enrolments, int Version);

/// <summary>
/// People sent in the period (courses starting in it), per programme ("179 đồng chí học cao cấp lý luận chính trị"), how many abroad,
/// and the courses completed in the period.
/// </summary>
public sealed record TrainingFigures(DateOnly From, DateOnly To, int Sent, int Completed, int Abroad, IReadOnlyList<CaseCount> ByLevel);

public sealed record TrainingView(int OrganizationId, string OrganizationName, int Year, IReadOnlyList<CourseView> Courses, TrainingFigures Figures);

/// <summary>A course on a member's page.</summary>
public sealed record TrainingItem(int EnrolmentId, string LevelLabel, string CourseName, string Institution, bool Abroad, DateOnly FromDate, DateOnly ToDate,
    string ResultLabel, DateOnly? FinishedOn, string? CertificateNumber);

/// <summary>
/// Training (issue: cadre work, section 5): courses an organization sends cadres to, the members enrolled and how each finished. A
/// completed course raises the member's record (<see cref="TrainingRecordRule"/>) in the same transaction, its history kept by the
/// audit trail. Seen and recorded by the commission of the sending organization (its subtree) and administrators.
/// </summary>
public sealed class CadreTraining(AppDbContext db, OrganizationQueries organizations, Calendar calendar)
{
    /// <summary>The courses of the organization's subtree running in the year, with their learners, and the year's figures; null when not visible.</summary>
    public async Task<TrainingView?> ListAsync(UserScope scope, int? orgId, int year)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var org = await organizations.FindOrRootAsync(scope, orgId);
        if (org is null) return null;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var courses = await Visible(scope).Where(PathRange.WithinAny<TrainingCourse>(c => c.OrgPath, [org.Path])).Where(c => c.FromDate <= to && c.ToDate >= from)
            .OrderBy(c => c.FromDate).ThenBy(c => c.Id).ToListAsync();
        return new TrainingView(org.Id, org.Name, year, await ViewsAsync(courses), await FiguresAsync(scope, org.Path, from, to));
    }

    public async Task<CourseView?> GetAsync(UserScope scope, int id)
    {
        if (!CadreRegister.SeesCadres(scope)) return null;
        var course = await Visible(scope).SingleOrDefaultAsync(c => c.Id == id);
        return course is null ? null : (await ViewsAsync([course]))[0];
    }

    private IQueryable<TrainingCourse> Visible(UserScope scope) => scope.FilterByPath(db.TrainingCourses.AsNoTracking(), c => c.OrgPath);

    private async Task<List<CourseView>> ViewsAsync(List<TrainingCourse> courses)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(e => ids.Contains(e.CourseId))
            .Join(db.Members.AsNoTracking(), e => e.MemberId, m => m.Id, (e, m) => new { e, m.FullName, m.SortKey }).ToListAsync();
        var byCourse = enrolments.OrderBy(x => x.SortKey, StringComparer.Ordinal).ThenBy(x => x.e.Id).ToLookup(x => x.e.CourseId);
        var names = await OrganizationNames.OfAsync(db, courses.Select(c => c.OrganizationId));
        return courses.Select(c => new CourseView(c.Id, c.OrganizationId, names.GetValueOrDefault(c.OrganizationId, ""), c.Level, c.Level.Label(), c.Level.Track(), c.Level.Track().Label(),
            c.Name, c.Institution, c.Abroad, c.FromDate, c.ToDate,
            byCourse[c.Id].Select(x => new EnrolmentView(x.e.Id, x.e.MemberId, x.FullName, x.e.Result, x.e.Result.Label(), x.e.FinishedOn, x.e.CertificateNumber, x.e.Version)).ToList(),
            c.Version)).ToList();
    }

    /// <summary>The members sent to courses starting in the period under the path, per programme, counted by the database.</summary>
    public Task<TrainingFigures> FiguresAsync(UserScope scope, string path, DateOnly from, DateOnly to) =>
        FiguresAsync(db, scope.FilterByPath(db.TrainingEnrolments.AsNoTracking(), e => e.OrgPath).Where(PathRange.WithinAny<TrainingEnrolment>(e => e.OrgPath, [path])), from, to);

    /// <summary>The <paramref name="enrolments"/> in courses starting in the period, per programme (the report reads it too).</summary>
    public static async Task<TrainingFigures> FiguresAsync(AppDbContext db, IQueryable<TrainingEnrolment> enrolments, DateOnly from, DateOnly to)
    {
        var rows = await enrolments
            .Join(db.TrainingCourses.AsNoTracking().Where(c => c.FromDate >= from && c.FromDate <= to), e => e.CourseId, c => c.Id, (e, c) => new { c.Level, c.Abroad })
            .GroupBy(x => new { x.Level, x.Abroad }).Select(g => new { g.Key.Level, g.Key.Abroad, Count = g.Count() }).ToListAsync();
        // Completions belong to the period they happen in, whenever the course started.
        var completed = await enrolments.CountAsync(e => e.Result == TrainingResult.Completed && e.FinishedOn >= from && e.FinishedOn <= to);
        return new TrainingFigures(from, to, rows.Sum(r => r.Count), completed, rows.Where(r => r.Abroad).Sum(r => r.Count),
            rows.GroupBy(r => r.Level).OrderBy(g => g.Key).Select(g => new CaseCount(g.Key.Label(), g.Sum(r => r.Count))).ToList());
    }

    /// <summary>A member's courses, latest first, those the user may see; null when the member is not visible.</summary>
    public async Task<IReadOnlyList<TrainingItem>?> OfMemberAsync(UserScope scope, int memberId)
    {
        if (!CadreRegister.SeesCadres(scope) || !await scope.Filter(db.Members.AsNoTracking()).AnyAsync(m => m.Id == memberId)) return null;
        var rows = await scope.FilterByPath(db.TrainingEnrolments.AsNoTracking(), e => e.OrgPath).Where(e => e.MemberId == memberId)
            .Join(db.TrainingCourses.AsNoTracking(), e => e.CourseId, c => c.Id, (e, c) => new { e, c }).ToListAsync();
        return rows.OrderByDescending(r => r.c.FromDate).ThenByDescending(r => r.e.Id).Select(r => new TrainingItem(r.e.Id, r.c.Level.Label(), r.c.Name, r.c.Institution, r.c.Abroad,
            r.c.FromDate, r.c.ToDate, r.e.Result.Label(), r.e.FinishedOn, r.e.CertificateNumber)).ToList();
    }

    // ---- writes --------------------------------------------------------------------------------------------------------

    public async Task<Outcome<TrainingCourse>> CreateCourseAsync(UserScope scope, CourseInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<TrainingCourse>.NotFound();
        var org = input.OrganizationId is { } oid ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == oid) : null;
        if (org is null) return Outcome<TrainingCourse>.NotFound();
        if (!scope.CanWriteAt(org.Path)) return Outcome<TrainingCourse>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, TrainingFields.Label);
        var level = p.Enum<TrainingLevel>(TrainingFields.Level, input.Level);
        var name = p.Required(TrainingFields.Name, input.Name);
        var institution = p.Required(TrainingFields.Institution, input.Institution);
        if (name is { Length: > 300 }) errors.Add(new(TrainingFields.Name, "Tên lớp: tối đa 300 ký tự."));
        if (institution is { Length: > 300 }) errors.Add(new(TrainingFields.Institution, "Cơ sở đào tạo: tối đa 300 ký tự."));
        var from = p.Date(TrainingFields.FromDate, input.FromDate, required: true);
        var to = p.Date(TrainingFields.ToDate, input.ToDate, required: true);
        if (from is { } f && to is { } t && (t < f || t > f.AddYears(6))) errors.Add(new(TrainingFields.ToDate, "Đến ngày: phải từ ngày bắt đầu đến tối đa 6 năm sau."));
        if (from > calendar.Today.AddYears(1)) errors.Add(new(TrainingFields.FromDate, "Từ ngày: chỉ ghi lớp bắt đầu trong vòng một năm tới."));
        if (errors.Count > 0) return Outcome<TrainingCourse>.Invalid(errors);
        var course = new TrainingCourse
        {
            OrganizationId = org.Id, OrgPath = org.Path, Level = level!.Value, Name = name!, Institution = institution!, Abroad = input.Abroad, FromDate = from!.Value,
            ToDate = to!.Value, RecordedBy = scope.UserName,
        };
        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync();
        return Outcome<TrainingCourse>.Ok(course);
    }

    /// <summary>A member of the sending organization's subtree joins the course; once per course.</summary>
    public async Task<Outcome<TrainingEnrolment>> EnrolAsync(UserScope scope, int courseId, EnrolmentInput input)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<TrainingEnrolment>.NotFound();
        var course = await Visible(scope).SingleOrDefaultAsync(c => c.Id == courseId);
        if (course is null) return Outcome<TrainingEnrolment>.NotFound();
        if (!scope.CanWriteAt(course.OrgPath)) return Outcome<TrainingEnrolment>.Forbidden();
        var member = input.MemberId is { } mid
            ? await scope.Filter(db.Members.AsNoTracking()).Where(PathRange.WithinAny<Member>(m => m.OrgPath, [course.OrgPath])).SingleOrDefaultAsync(m => m.Id == mid)
            : null;
        var duplicate = $"Học viên: đồng chí {member?.FullName} đã có trong lớp này.";
        if (member is null) return Outcome<TrainingEnrolment>.Invalid([new(TrainingFields.Member, "Học viên: phải chọn đảng viên thuộc tổ chức cử đi học.")]);
        if (await db.TrainingEnrolments.AnyAsync(e => e.CourseId == course.Id && e.MemberId == member.Id)) return Outcome<TrainingEnrolment>.Invalid([new(TrainingFields.Member, duplicate)]);
        var enrolment = new TrainingEnrolment { CourseId = course.Id, MemberId = member.Id, OrgPath = course.OrgPath, Result = TrainingResult.Studying, RecordedBy = scope.UserName };
        db.TrainingEnrolments.Add(enrolment);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<TrainingEnrolment>.Invalid([new(TrainingFields.Member, duplicate)]);
        }
        return Outcome<TrainingEnrolment>.Ok(enrolment);
    }

    /// <summary>How the learner finished: completed with a certificate (raising the member's record) or not completed; written once.</summary>
    public async Task<Outcome<TrainingEnrolment>> FinishAsync(UserScope scope, int enrolmentId, EnrolmentResultInput input, int? expectedVersion)
    {
        if (!CadreRegister.SeesCadres(scope)) return Outcome<TrainingEnrolment>.NotFound();
        var enrolment = await scope.FilterByPath(db.TrainingEnrolments, e => e.OrgPath).SingleOrDefaultAsync(e => e.Id == enrolmentId);
        if (enrolment is null) return Outcome<TrainingEnrolment>.NotFound();
        if (!scope.CanWriteAt(enrolment.OrgPath)) return Outcome<TrainingEnrolment>.Forbidden();
        if (!Versions.Expect(db, enrolment, expectedVersion)) return Outcome<TrainingEnrolment>.Stale(enrolment);
        var course = await db.TrainingCourses.AsNoTracking().SingleAsync(c => c.Id == enrolment.CourseId);
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, TrainingFields.Label);
        var result = p.Enum<TrainingResult>(TrainingFields.Result, input.Result);
        if (result == TrainingResult.Studying) errors.Add(new(TrainingFields.Result, "Kết quả: chọn hoàn thành hoặc không hoàn thành."));
        var finished = p.Date(TrainingFields.FinishedOn, input.FinishedOn, required: true);
        var certificate = InputParsing.Optional(input.CertificateNumber);
        if (certificate is { Length: > 60 }) errors.Add(new(TrainingFields.Certificate, "Số văn bằng, chứng chỉ: tối đa 60 ký tự."));
        if (result == TrainingResult.Completed && certificate is null) errors.Add(new(TrainingFields.Certificate, "Số văn bằng, chứng chỉ: phải ghi khi hoàn thành."));
        if (enrolment.Result != TrainingResult.Studying) errors.Add(new(TrainingFields.Result, $"Kết quả: đã ghi \"{enrolment.Result.Label()}\"."));
        if (finished > calendar.Today) errors.Add(new(TrainingFields.FinishedOn, "Ngày kết thúc học: không được sau ngày hôm nay."));
        if (finished < course.FromDate) errors.Add(new(TrainingFields.FinishedOn, $"Ngày kết thúc học: không được trước ngày khai giảng ({VnFormat.Date(course.FromDate)})."));
        if (errors.Count > 0) return Outcome<TrainingEnrolment>.Invalid(errors);
        (enrolment.Result, enrolment.FinishedOn, enrolment.CertificateNumber) = (result!.Value, finished, certificate);
        if (result == TrainingResult.Completed)
        {
            // The record is raised in the same save; the audit trail keeps the level it had.
            // Only by a writer of the member's record: a member since moved to another committee keeps the record that one writes.
            var member = await db.Members.SingleAsync(m => m.Id == enrolment.MemberId);
            if (scope.CanWriteAt(member.OrgPath))
            {
                if (TrainingRecordRule.RaisedTheory(course.Level, member.PoliticalTheory) is { } theory) member.PoliticalTheory = theory;
                if (TrainingRecordRule.RaisedDegree(course.Level, member.ProfessionalDegree) is { } degree) member.ProfessionalDegree = degree;
            }
        }
        return await Versions.TrySaveAsync(db) ? Outcome<TrainingEnrolment>.Ok(enrolment) : Outcome<TrainingEnrolment>.Stale(enrolment);
    }
}
