using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Admissions;

/// <summary>
/// Takes a case step by step from the source pool to the ceremony, checking at each step the rules in force on its date;
/// the ceremony creates the probationary member. A refused step saves nothing.
/// </summary>
public sealed class AdmissionWorkflow(AppDbContext db, Calendar calendar, ScopedWrites writes, AdmissionSettings settings, IdentifierCheck identifiers, Decisions.Standings standings)
{
    public async Task<Outcome<AdmissionCase>> CreateAsync(UserScope scope, AdmissionCaseInput input)
    {
        if (!scope.CanWrite) return Outcome<AdmissionCase>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, AdmissionFields.Label);
        var name = p.Required(AdmissionFields.FullName, input.FullName);
        var gender = p.Enum<Gender>(MemberFields.Gender, input.Gender);
        var birth = p.Date(MemberFields.DateOfBirth, input.DateOfBirth, required: true);
        var education = p.Enum<GeneralEducation>(AdmissionFields.GeneralEducation, input.GeneralEducation);
        var group = p.Enum<SourceGroup>(AdmissionFields.SourceGroup, input.SourceGroup);
        var since = p.Date(AdmissionFields.SourceSince, input.SourceSince, required: true);
        var citizenId = InputParsing.Optional(input.CitizenId);
        if (gender is { } g && birth is { } b && since is { } s)
        {
            var facts = new MemberFacts(name, g, b, citizenId, input.EthnicGroupCode, input.Religion, s, null);
            errors.AddRange(RequiredFieldsRule.Check(facts).Where(e => e.Field != MemberFields.FullName));
            errors.AddRange(CitizenIdRule.Check(facts));
            errors.AddRange(StepDateOrderRule.Check(AdmissionFields.SourceSince, s, null, "", calendar.Today));
            if (b > calendar.Today) errors.Add(new(MemberFields.DateOfBirth, "Ngày sinh: không được sau ngày hôm nay."));
        }
        var (cell, cellError) = await writes.WritableCellAsync(scope, input.OrganizationId, AdmissionFields.Organization, "Chi bộ");
        if (cellError is not null)
        {
            if (input.OrganizationId is { } wanted && !await scope.Filter(db.Organizations).AnyAsync(o => o.Id == wanted)) return Outcome<AdmissionCase>.NotFound();
            errors.Add(cellError);
        }
        if (citizenId is not null && errors.Count == 0
            && (await identifiers.MemberCitizenIdAsync(scope, citizenId, 0) ?? await identifiers.OpenCaseAsync(scope, citizenId)) is { } taken)
            errors.Add(taken);
        if (errors.Count > 0) return Outcome<AdmissionCase>.Invalid(errors);

        var c = new AdmissionCase
        {
            FullName = name!, SearchName = VnText.Fold(name), Gender = gender!.Value, DateOfBirth = birth!.Value, CitizenId = citizenId!,
            EthnicGroupCode = input.EthnicGroupCode!, Religion = input.Religion!, GeneralEducation = education!.Value,
            Occupation = InputParsing.Optional(input.Occupation), SourceGroup = group!.Value, SourceSince = since!.Value,
            OrganizationId = cell!.Id, OrgPath = cell.Path, Step = AdmissionStep.Source,
        };
        db.AdmissionCases.Add(c);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A parallel request opened a case for the same person first: the partial unique index refused this one.
            db.ChangeTracker.Clear();
            return Outcome<AdmissionCase>.Invalid(await identifiers.AfterRaceAsync(scope, citizenId, null, 0, admissionCase: true));
        }
        return Outcome<AdmissionCase>.Ok(c);
    }

    public async Task<Outcome<AdmissionCase>> AdvanceAsync(UserScope scope, int id, AdmissionStepInput input)
    {
        var c = await scope.FilterByPath(db.AdmissionCases, x => x.OrgPath).SingleOrDefaultAsync(x => x.Id == id);
        if (c is null) return Outcome<AdmissionCase>.NotFound();
        if (!scope.CanWriteAt(c.OrgPath)) return Outcome<AdmissionCase>.Forbidden();
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, AdmissionFields.Label);
        var step = p.Enum<AdmissionStep>(AdmissionFields.Step, input.Step);
        if (step is null) return Outcome<AdmissionCase>.Invalid(errors);
        if (c.Step is AdmissionStep.Ceremony or AdmissionStep.Dropped)
            return Invalid(AdmissionFields.Step, $"Bước: hồ sơ đã ở trạng thái \"{c.Step.Label()}\", không ghi thêm bước.");
        if (step != c.Step + 1)
            return Invalid(AdmissionFields.Step, $"Bước: bước tiếp theo của hồ sơ là \"{(c.Step + 1).Label()}\", không phải \"{step.Value.Label()}\".");

        var today = calendar.Today;
        Member? member = null;
        switch (step.Value)
        {
            case AdmissionStep.Course:
                var certOn = p.Date(AdmissionFields.CourseCertificateOn, input.Date, required: true);
                var certNo = p.Required(AdmissionFields.CourseCertificateNumber, input.Number);
                if (certOn is { } co) errors.AddRange(StepDateOrderRule.Check(AdmissionFields.CourseCertificateOn, co, null, "", today));
                if (errors.Count > 0) break;
                c.CourseCertificateOn = certOn;
                c.CourseCertificateNumber = certNo;
                break;

            case AdmissionStep.Sponsors:
                var sponsorsOn = p.Date(AdmissionFields.SponsorsOn, input.Date, required: true);
                var s1Since = p.Date(AdmissionFields.Sponsors, input.Sponsor1Since, required: true);
                var s2Since = p.Date(AdmissionFields.Sponsors, input.Sponsor2Since, required: true);
                if (sponsorsOn is not { } so || s1Since is null || s2Since is null) break;
                errors.AddRange(StepDateOrderRule.Check(AdmissionFields.SponsorsOn, so, c.SourceSince, "ngày đưa vào nguồn", today));
                var sponsors = await SponsorsAsync(scope, input.Sponsor1Id, s1Since.Value, input.Sponsor2Id, s2Since.Value, so, errors);
                // Standing is checked on the day of the assignment; the 12 months together on the application date.
                errors.AddRange(SponsorRule.Check(sponsors.Select(x => x with { WorkedTogetherSince = DateOnly.MinValue }).ToList(), so));
                if (errors.Count > 0) break;
                (c.Sponsor1Id, c.Sponsor1Since, c.Sponsor2Id, c.Sponsor2Since, c.SponsorsOn) = (input.Sponsor1Id, s1Since, input.Sponsor2Id, s2Since, so);
                break;

            case AdmissionStep.Application:
                var appliedOn = p.Date(AdmissionFields.ApplicationOn, input.Date, required: true);
                if (appliedOn is not { } ao) break;
                errors.AddRange(StepDateOrderRule.Check(AdmissionFields.ApplicationOn, ao, c.SponsorsOn, "ngày có người giới thiệu", today));
                errors.AddRange(SponsorRule.Check(await SponsorsAsync(scope, c.Sponsor1Id, c.Sponsor1Since!.Value, c.Sponsor2Id, c.Sponsor2Since!.Value, ao, errors), ao));
                if (errors.Count > 0) break;
                c.ApplicationOn = ao;
                break;

            case AdmissionStep.CellResolution:
                var resolvedOn = p.Date(AdmissionFields.CellResolutionOn, input.Date, required: true);
                var resolutionNo = p.Required(AdmissionFields.CellResolutionNumber, input.Number);
                if (resolvedOn is not { } ro) break;
                var consent = InputParsing.Optional(input.ProvincialConsent);
                errors.AddRange(StepDateOrderRule.Check(AdmissionFields.CellResolutionOn, ro, c.ApplicationOn, "ngày nộp đơn", today));
                errors.AddRange(AdmissionAgeRangeRule.Check(c.DateOfBirth, ro, consent is not null));
                errors.AddRange(AdmissionEducationRule.Check(c.GeneralEducation));
                errors.AddRange(CourseCertificateRule.Check(c.CourseCertificateOn, ro, settings));
                errors.AddRange(SponsorRule.Check(await SponsorsAsync(scope, c.Sponsor1Id, c.Sponsor1Since!.Value, c.Sponsor2Id, c.Sponsor2Since!.Value, ro, errors), ro));
                if (errors.Count > 0) break;
                (c.CellResolutionOn, c.CellResolutionNumber, c.ProvincialConsent) = (ro, resolutionNo, consent);
                break;

            case AdmissionStep.Decision:
                var decidedOn = p.Date(AdmissionFields.DecisionOn, input.Date, required: true);
                var decisionNo = p.Required(AdmissionFields.DecisionNumber, input.Number);
                if (decidedOn is not { } d) break;
                errors.AddRange(StepDateOrderRule.Check(AdmissionFields.DecisionOn, d, c.CellResolutionOn, "ngày chi bộ xét", today));
                if (await CommitteeAboveErrorAsync(c, input.ApprovingOrganizationId, d, AdmissionFields.ApprovingOrganization, "cấp ủy đã ra quyết định kết nạp", "quyết định kết nạp đảng viên") is { } approverError)
                    errors.Add(approverError);
                if (errors.Count > 0) break;
                (c.DecisionOn, c.DecisionNumber, c.ApprovingOrganizationId) = (d, decisionNo, input.ApprovingOrganizationId);
                break;

            case AdmissionStep.Ceremony:
                var ceremonyOn = p.Date(AdmissionFields.CeremonyOn, input.Date, required: true);
                if (ceremonyOn is not { } ce) break;
                errors.AddRange(StepDateOrderRule.Check(AdmissionFields.CeremonyOn, ce, c.DecisionOn, "ngày quyết định kết nạp", today));
                var facts = new MemberFacts(c.FullName, c.Gender, c.DateOfBirth, c.CitizenId, c.EthnicGroupCode, c.Religion, c.DecisionOn!.Value, null, ce);
                errors.AddRange(MemberRules.Check(facts, today));
                var cell = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == c.OrganizationId);
                if (cell.EndedOn is not null) errors.Add(new(AdmissionFields.Organization, $"Chi bộ: \"{cell.Name}\" đã kết thúc hoạt động; chuyển hồ sơ về chi bộ mới trước khi kết nạp."));
                else if (ScopedWrites.OpensWithinLife(cell, c.DecisionOn.Value, AdmissionFields.Organization, "Chi bộ") is { } outsideLife) errors.Add(outsideLife);
                // Past the 30 working days the higher committee's consent is required (LateCeremonyRule).
                var due = AdmissionDeadlines.CeremonyDue(c.DecisionOn.Value, await calendar.WorkingAsync());
                var late = LateCeremonyRule.IsLate(ce, due);
                var consentNo = late ? InputParsing.Optional(input.LateConsentNumber) : null;
                var consentOn = late ? p.Date(AdmissionFields.LateConsentOn, input.LateConsentOn, required: false) : null;
                if (late && !errors.Any(e => e.Field == AdmissionFields.LateConsentOn))
                {
                    errors.AddRange(LateCeremonyRule.Check(c.DecisionOn.Value, ce, due, consentNo, consentOn, input.LateConsentOrganizationId is not null));
                    if (input.LateConsentOrganizationId is not null && consentOn is { } con
                        && await CommitteeAboveErrorAsync(c, input.LateConsentOrganizationId, con, AdmissionFields.LateConsentOrganization, "cấp ủy đã đồng ý", "đồng ý cho tổ chức lễ kết nạp quá hạn") is { } consentError)
                        errors.Add(consentError);
                }
                if (errors.Count > 0) break;
                member = NewProbationaryMember(c, cell, ce);
                if (late) (c.CeremonyLate, c.LateConsentNumber, c.LateConsentOn, c.LateConsentOrganizationId) = (true, consentNo, consentOn, input.LateConsentOrganizationId);
                break;
        }
        if (errors.Count > 0) return Outcome<AdmissionCase>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync();
        if (member is not null)
        {
            // The member first, so the case records its step and the new member in one change.
            db.Members.Add(member);
            await db.SaveChangesAsync();
            writes.OpenPlacement(member, member.AdmittedOn);
            (c.CeremonyOn, c.MemberId) = (member.CeremonyOn, member.Id);
        }
        c.Step = step.Value;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<AdmissionCase>.Ok(c);
    }

    public async Task<Outcome<AdmissionCase>> DropAsync(UserScope scope, int id, AdmissionDropInput input)
    {
        var c = await scope.FilterByPath(db.AdmissionCases, x => x.OrgPath).SingleOrDefaultAsync(x => x.Id == id);
        if (c is null) return Outcome<AdmissionCase>.NotFound();
        if (!scope.CanWriteAt(c.OrgPath)) return Outcome<AdmissionCase>.Forbidden();
        if (c.Step is AdmissionStep.Ceremony or AdmissionStep.Dropped)
            return Invalid(AdmissionFields.Step, $"Bước: hồ sơ đã ở trạng thái \"{c.Step.Label()}\".");
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, AdmissionFields.Label);
        var reason = p.Required(AdmissionFields.DropReason, input.Reason);
        var on = p.Date(AdmissionFields.Step, input.Date, required: false) ?? calendar.Today;
        if (errors.Count > 0) return Outcome<AdmissionCase>.Invalid(errors);
        (c.Step, c.DroppedOn, c.DropReason) = (AdmissionStep.Dropped, on, reason);
        await db.SaveChangesAsync();
        return Outcome<AdmissionCase>.Ok(c);
    }

    private static Outcome<AdmissionCase> Invalid(string field, string message) => Outcome<AdmissionCase>.Invalid([new(field, message)]);

    /// <summary>
    /// Sponsors are members the user can see, each with their standing on the date being judged (not today's: one who died
    /// after that date still sponsored); an unknown or out-of-scope id is reported, never revealed.
    /// </summary>
    private async Task<List<SponsorFacts>> SponsorsAsync(UserScope scope, int? id1, DateOnly since1, int? id2, DateOnly since2, DateOnly onDate, List<FieldError> errors)
    {
        var result = new List<SponsorFacts>();
        foreach (var (id, since) in new[] { (id1, since1), (id2, since2) })
        {
            var m = id is null ? null : await scope.Filter(db.Members.AsNoTracking()).Select(x => new { x.Id, x.FullName }).SingleOrDefaultAsync(x => x.Id == id);
            if (m is null)
            {
                errors.Add(new(AdmissionFields.Sponsors, "Người giới thiệu: phải chọn đảng viên trong phạm vi chi bộ, đảng bộ."));
                continue;
            }
            result.Add(new SponsorFacts(m.Id, m.FullName, (await standings.OnAsync(m.Id, onDate))!, since));
        }
        return result;
    }

    /// <summary>
    /// A party committee above the cell (đảng ủy xã, phường, đảng ủy cơ sở or higher), active on the date: the one that decides
    /// the admission, or the next-higher committee consenting to a late ceremony.
    /// </summary>
    private async Task<FieldError?> CommitteeAboveErrorAsync(AdmissionCase c, int? committeeId, DateOnly on, string field, string whichOne, string what)
    {
        var label = AdmissionFields.Label(field);
        if (committeeId is null) return new(field, $"{label}: phải chọn {whichOne}.");
        var committee = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == committeeId);
        if (committee is null || !c.OrgPath.StartsWith(committee.Path, StringComparison.Ordinal) || committee.Id == c.OrganizationId)
            return new(field, $"{label}: phải là cấp ủy cấp trên của chi bộ.");
        if (!committee.Type.MayDecideAdmission())
            return new(field, $"{label}: {committee.Type.Label()} không có thẩm quyền {what}.");
        if (!committee.IsActiveOn(on))
            return new(field, $"{label}: \"{committee.Name}\" không hoạt động vào ngày {VnFormat.Date(on)}.");
        return null;
    }

    private static Member NewProbationaryMember(AdmissionCase c, Organization cell, DateOnly ceremonyOn) => new()
    {
        FullName = c.FullName, SearchName = VnText.Fold(c.FullName), SearchGiven = VnText.GivenFirstFold(c.FullName), SortKey = VnText.SortKey(c.FullName),
        Gender = c.Gender, DateOfBirth = c.DateOfBirth, EthnicGroupCode = c.EthnicGroupCode, Religion = c.Religion, CitizenId = c.CitizenId,
        GeneralEducation = c.GeneralEducation, Profession = c.Occupation, AdmittedOn = c.DecisionOn!.Value, CeremonyOn = ceremonyOn,
        OrganizationId = cell.Id, OrgPath = cell.Path, Status = MemberStatus.Probationary,
    };
}
