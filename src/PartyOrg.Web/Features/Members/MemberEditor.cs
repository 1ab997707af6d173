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
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Outcome<Member>> CreateAsync(UserScope scope, MemberInput input)
    {
        if (!scope.CanWrite) return Outcome<Member>.Forbidden();
        var member = new Member { FullName = "", EthnicGroupCode = "", Religion = "", CitizenId = "" };
        var errors = await ApplyAsync(scope, member, input);
        if (errors.Contains(OutsideScope)) return Outcome<Member>.NotFound();
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
        db.MemberPlacements.Add(new MemberPlacement { MemberId = member.Id, OrganizationId = member.OrganizationId, OrgPath = member.OrgPath, FromDate = member.AdmittedOn });
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
        var errors = await ApplyAsync(scope, member, input);
        if (errors.Contains(OutsideScope)) return Outcome<Member>.NotFound();
        if (errors.Count > 0) return Outcome<Member>.Invalid(errors);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
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

    private async Task<List<FieldError>> ApplyAsync(UserScope scope, Member member, MemberInput input)
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
        if (cardNumber is not null && (cardNumber.Length is < 6 or > 20 || !cardNumber.All(char.IsAsciiDigit)))
            errors.Add(new(MemberFields.CardNumber, "Số thẻ đảng viên: chỉ gồm chữ số, từ 6 đến 20 chữ số."));

        if (gender is { } g && birth is { } b && admitted is { } a)
            errors.AddRange(MemberRules.Check(new MemberFacts(fullName, g, b, citizenId, input.EthnicGroupCode, input.Religion, a, official, ceremony), Today));

        var cell = await FindWritableCellAsync(scope, input.OrganizationId, errors);
        if (cell is null && input.OrganizationId is { } wanted && !await IsVisibleAsync(scope, wanted)) return [OutsideScope];
        if (citizenId is not null && errors.All(e => e.Field != MemberFields.CitizenId) && await identifiers.MemberCitizenIdAsync(scope, citizenId, member.Id) is { } taken)
            errors.Add(taken);
        if (cardNumber is not null && errors.All(e => e.Field != MemberFields.CardNumber) && await identifiers.CardNumberAsync(scope, cardNumber, member.Id) is { } used)
            errors.Add(used);
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
