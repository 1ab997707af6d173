using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Members;

/// <summary>Creates and edits member records: every write passes the register rules or saves nothing.</summary>
public sealed class MemberEditor(AppDbContext db, TimeProvider clock, ScopedWrites writes, IdentifierCheck identifiers)
{
    private readonly FirstPlacement placements = new(db);
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The first placement's plan, filled by <see cref="ApplyAsync"/> once the record passes.</summary>
    private sealed class PlanHolder
    {
        public FirstPlacement.Plan? Value { get; set; }
    }

    public async Task<Outcome<Member>> CreateAsync(UserScope scope, MemberInput input)
    {
        if (!scope.CanWrite) return Outcome<Member>.Forbidden();
        var member = new Member { FullName = "", EthnicGroupCode = "", Religion = "", CitizenId = "" };
        var plan = new PlanHolder();
        var errors = await ApplyAsync(scope, member, input, plan, first: null);
        if (errors.Contains(OutsideScope) || errors.Contains(FirstPlacement.OutsideScope)) return Outcome<Member>.NotFound();
        if (errors.Contains(FirstPlacement.NotTheirHistory)) return Outcome<Member>.Forbidden();
        if (errors.Count > 0) return Outcome<Member>.Invalid(errors);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another writer took the same CCCD or card number between the check and the save.
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return Outcome<Member>.Invalid(await identifiers.AfterRaceAsync(scope, member.CitizenId, member.CardNumber, 0, admissionCase: false));
        }
        placements.Apply(plan.Value!, member, first: null);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return Outcome<Member>.Ok(member);
    }

    /// <summary>
    /// Edits a record based on the version the writer read (<paramref name="expectedVersion"/>); a stale version saves
    /// nothing and answers with the record as stored. The API must name a version (<paramref name="versionRequired"/>).
    /// </summary>
    public async Task<Outcome<Member>> UpdateAsync(UserScope scope, int id, MemberInput input, int? expectedVersion = null, bool versionRequired = false)
    {
        var member = await scope.Filter(db.Members).SingleOrDefaultAsync(m => m.Id == id);
        if (member is null) return Outcome<Member>.NotFound();
        if (!scope.CanWriteAt(member.OrgPath)) return Outcome<Member>.Forbidden();
        if (expectedVersion is null && versionRequired) return Outcome<Member>.VersionRequired();
        if (!Versions.Expect(db, member, expectedVersion)) return Outcome<Member>.Stale(member);
        var previousOrganization = member.OrganizationId;
        var first = await db.MemberPlacements.Where(p => p.MemberId == id).OrderBy(p => p.FromDate).ThenBy(p => p.Id).FirstOrDefaultAsync();
        var plan = new PlanHolder();
        var errors = await ApplyAsync(scope, member, input, plan, first);
        if (errors.Contains(OutsideScope) || errors.Contains(FirstPlacement.OutsideScope)) return Outcome<Member>.NotFound();
        if (errors.Contains(FirstPlacement.NotTheirHistory)) return Outcome<Member>.Forbidden();
        if (errors.Count > 0) return Outcome<Member>.Invalid(errors);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            if (plan.Value is { } planned && first is not null) placements.Apply(planned, member, first);
            if (member.OrganizationId != previousOrganization) await MovePlacementAsync(member);
            try
            {
                if (await Versions.TrySaveAsync(db))
                {
                    await tx.CommitAsync();
                    return Outcome<Member>.Ok(member);
                }
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                return Outcome<Member>.Invalid(await identifiers.AfterRaceAsync(scope, member.CitizenId, member.CardNumber, id, admissionCase: false));
            }
        }
        db.ChangeTracker.Clear();
        return Outcome<Member>.Stale(await db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
    }

    /// <summary>A correction of the cell closes the open placement today and opens one in the new cell.</summary>
    private async Task MovePlacementAsync(Member member)
    {
        await writes.ClosePlacementAsync(member.Id, Today);
        writes.OpenPlacement(member, Today);
    }

    /// <param name="first">The member's first placement (null for a new record): its start follows the admission date.</param>
    private async Task<List<FieldError>> ApplyAsync(UserScope scope, Member member, MemberInput input, PlanHolder plan, MemberPlacement? first)
    {
        var errors = new List<FieldError>();
        var p = new InputParsing(errors, MemberFields.Label);
        var fullName = p.Required(MemberFields.FullName, input.FullName);
        var gender = p.Enum<Gender>(MemberFields.Gender, input.Gender);
        var birth = p.Date(MemberFields.DateOfBirth, input.DateOfBirth, required: true);
        var admitted = p.Date(MemberFields.AdmittedOn, input.AdmittedOn, required: true);
        var ceremony = p.Date(MemberFields.CeremonyOn, input.CeremonyOn, required: false);
        var official = p.Date(MemberFields.OfficialOn, input.OfficialOn, required: false);
        var education = p.Enum<GeneralEducation>("generalEducation", input.GeneralEducation ?? nameof(GeneralEducation.UpperSecondary));
        var degree = p.Enum<ProfessionalDegree>("professionalDegree", input.ProfessionalDegree ?? nameof(ProfessionalDegree.None));
        var theory = p.Enum<PoliticalTheory>("politicalTheory", input.PoliticalTheory ?? nameof(PoliticalTheory.None));
        var citizenId = InputParsing.Optional(input.CitizenId);
        var cardNumber = InputParsing.Optional(input.CardNumber);
        if (cardNumber is not null && CardNumberProblem(cardNumber) is { } badCard) errors.Add(badCard);

        if (gender is { } g && birth is { } b && admitted is { } a)
            errors.AddRange(MemberRules.Check(new MemberFacts(fullName, g, b, citizenId, input.EthnicGroupCode, input.Religion, a, official, ceremony), Today));

        var cell = await FindWritableCellAsync(scope, input.OrganizationId, errors);
        if (cell is null && input.OrganizationId is { } wanted && !await IsVisibleAsync(scope, wanted)) return [OutsideScope];
        if (citizenId is not null && errors.All(e => e.Field != MemberFields.CitizenId) && await identifiers.MemberCitizenIdAsync(scope, citizenId, member.Id) is { } taken)
            errors.Add(taken);
        if (cardNumber is not null && errors.All(e => e.Field != MemberFields.CardNumber) && await identifiers.CardNumberAsync(scope, cardNumber, member.Id) is { } used)
            errors.Add(used);
        if (cell is not null && admitted is { } admittedOn && errors.All(e => e.Field != MemberFields.AdmittedOn))
            plan.Value = await PlanFirstPlacementAsync(scope, member, cell, admittedOn, input.EarlierOrganizationId, first, errors);
        if (errors.Count > 0) return errors;

        member.FullName = fullName!;
        member.SearchName = VnText.Fold(fullName);
        member.SearchGiven = VnText.GivenFirstFold(fullName!);
        member.SortKey = VnText.SortKey(fullName!);
        member.Gender = gender!.Value;
        member.DateOfBirth = birth!.Value;
        member.Birthplace = InputParsing.Optional(input.Birthplace);
        member.HomeTown = InputParsing.Optional(input.HomeTown);
        member.EthnicGroupCode = input.EthnicGroupCode!;
        member.Religion = input.Religion!;
        member.CitizenId = citizenId!;
        member.PermanentAddress = InputParsing.Optional(input.PermanentAddress);
        member.CurrentAddress = InputParsing.Optional(input.CurrentAddress);
        member.GeneralEducation = education!.Value;
        member.ProfessionalDegree = degree!.Value;
        member.Profession = InputParsing.Optional(input.Profession);
        member.PoliticalTheory = theory!.Value;
        member.AdmittedOn = admitted!.Value;
        member.CeremonyOn = ceremony;
        member.OfficialOn = official;
        member.CardNumber = cardNumber;
        member.OrganizationId = cell!.Id;
        member.OrgPath = cell.Path;
        // Exits come with their own decisions; a register edit only moves between probationary and official.
        if (member.Status.IsActive() || member.Id == 0)
            member.Status = official is null ? MemberStatus.Probationary : MemberStatus.Official;
        return errors;
    }

    /// <summary>
    /// The first placement follows the admission date: a new record starts in its cell on the admission; an edited one moves
    /// the start of its first placement when that began on the old admission date; an earlier (ended) cell puts the time before
    /// a merger where it was spent. Every placement written lies inside its organization's life.
    /// </summary>
    private async Task<FirstPlacement.Plan?> PlanFirstPlacementAsync(UserScope scope, Member member, Organization cell, DateOnly admitted, int? earlierId, MemberPlacement? first, List<FieldError> errors)
    {
        if (first is null)
            return member.Id == 0 ? await placements.PlanAsync(scope, new(cell, admitted, null), admitted, startsAtAdmission: true, earlierId, errors) : null;
        var startsAtAdmission = first.FromDate == member.AdmittedOn && admitted != member.AdmittedOn;
        if (!startsAtAdmission && earlierId is null) return null;
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == first.OrganizationId);
        return await placements.PlanAsync(scope, new(organization, first.FromDate, first.ToDate), admitted, startsAtAdmission, earlierId, errors);
    }

    public static FieldError? CardNumberProblem(string cardNumber) =>
        cardNumber.Length is < 6 or > 20 || !cardNumber.All(char.IsAsciiDigit)
            ? new(MemberFields.CardNumber, "Số thẻ đảng viên: chỉ gồm chữ số, từ 6 đến 20 chữ số.")
            : null;

    /// <summary>Marks a write aimed at an organization outside the scope: answered as not found, leaving no trace.</summary>
    private static readonly FieldError OutsideScope = new(MemberFields.Organization, "");

    private Task<bool> IsVisibleAsync(UserScope scope, int organizationId) =>
        scope.Filter(db.Organizations.AsNoTracking()).AnyAsync(o => o.Id == organizationId);

    private async Task<Organization?> FindWritableCellAsync(UserScope scope, int? organizationId, List<FieldError> errors)
    {
        var (cell, error) = await writes.WritableCellAsync(scope, organizationId, MemberFields.Organization, MemberFields.Label(MemberFields.Organization));
        if (error is not null) errors.Add(error);
        return cell;
    }
}
