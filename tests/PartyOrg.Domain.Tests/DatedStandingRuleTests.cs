using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Tests;

/// <summary>Rules that judge a past fact by the person's standing on the fact's date, and the late steps (issue 11, section 4).</summary>
public class DatedStandingRuleTests
{
    private static readonly DateOnly Application = new(2026, 1, 15);

    /// <summary>Official since 2001; dead (or removed) on the given day.</summary>
    private static MembershipRecord OfficialSince2001(DecisionKind? exit = null, DateOnly? exitOn = null) =>
        new(new(2000, 3, 1), new(2001, 3, 1), exit?.ResultingStatus() ?? MemberStatus.Official,
            exit is { } k ? [new StandingDecision(k, exitOn!.Value)] : [], [new PlacementPeriod(7, new(2000, 3, 1), exitOn)]);

    private static SponsorFacts Sponsor(int id, MembershipRecord record, DateOnly on) =>
        new(id, $"Nguyễn Văn {id}", MemberStanding.On(record, on), new DateOnly(2020, 1, 1));

    [Fact]
    public void MemberStanding_ReadsTheDateNotTodaysStatus()
    {
        var died = OfficialSince2001(DecisionKind.Death, new(2026, 3, 10));
        Assert.Equal(StandingStatus.NotMember, MemberStanding.On(died, new(2000, 2, 28)).Status);
        Assert.Equal(StandingStatus.Probationary, MemberStanding.On(died, new(2000, 3, 1)).Status);
        Assert.Equal(StandingStatus.Official, MemberStanding.On(died, new(2001, 3, 1)).Status);
        var onApplication = MemberStanding.On(died, Application);
        Assert.Equal(StandingStatus.Official, onApplication.Status);
        Assert.Equal(7, onApplication.OrganizationId);
        var dead = MemberStanding.On(died, new(2026, 3, 10));
        Assert.Equal(StandingStatus.Deceased, dead.Status);
        Assert.Equal("đã từ trần ngày 10/03/2026", dead.NotActiveReason());
        Assert.Null(dead.OrganizationId);
        Assert.Null(onApplication.DisciplineInForce);
    }

    [Fact]
    public void MemberStanding_ReadmissionOpensANewMembershipAndKeepsTheOldOfficialDate()
    {
        // Admitted 1995, official 1996, name removed 2005, readmitted 2010 (probation again), official 2011.
        var record = new MembershipRecord(new(1995, 5, 1), new(2011, 3, 15), MemberStatus.Official,
            [new(DecisionKind.NameRemoval, new(2005, 3, 1)), new(DecisionKind.Readmission, new(2010, 3, 1), PriorOfficialOn: new(1996, 5, 1)),
             new(DecisionKind.Recognition, new(2011, 3, 20))], []);
        Assert.Equal(StandingStatus.Official, MemberStanding.On(record, new(2000, 1, 1)).Status);
        var gap = MemberStanding.On(record, new(2007, 1, 1));
        Assert.Equal(StandingStatus.Exited, gap.Status);
        Assert.Equal("đã ra khỏi Đảng ngày 01/03/2005 (xóa tên)", gap.NotActiveReason());
        Assert.Equal(StandingStatus.Probationary, MemberStanding.On(record, new(2010, 6, 1)).Status);
        Assert.Equal(StandingStatus.Official, MemberStanding.On(record, new(2011, 3, 15)).Status);
    }

    [Fact]
    public void MemberStanding_AnExitWithoutADecision_DatedByTheClosedPlacementOrNotAtAll()
    {
        var closed = new MembershipRecord(new(2000, 3, 1), new(2001, 3, 1), MemberStatus.Released, [], [new PlacementPeriod(7, new(2000, 3, 1), new(2015, 5, 1))]);
        Assert.Equal(StandingStatus.Official, MemberStanding.On(closed, new(2015, 4, 30)).Status);
        Assert.Equal("đã ra khỏi Đảng ngày 01/05/2015 (cho ra khỏi Đảng)", MemberStanding.On(closed, new(2015, 5, 1)).NotActiveReason());
        var undated = closed with { Placements = [] };
        Assert.Equal("đã ra khỏi Đảng (cho ra khỏi Đảng)", MemberStanding.On(undated, new(2010, 1, 1)).NotActiveReason());
    }

    [Fact]
    public void MemberStanding_DisciplineSeamReadsWhatIsInForceOnTheDate()
    {
        var record = OfficialSince2001() with { Discipline = [new DisciplinePeriod("Khiển trách", new(2024, 5, 1), new(2025, 5, 1))] };
        Assert.Equal("Khiển trách", MemberStanding.On(record, new(2024, 12, 1)).DisciplineInForce?.Form);
        Assert.Null(MemberStanding.On(record, new(2025, 5, 1)).DisciplineInForce);
    }

    [Fact]
    public void SponsorRule_JudgedOnThePastDate_DeadLaterIsAccepted()
    {
        var diedLater = OfficialSince2001(DecisionKind.Death, new(2026, 3, 10));
        Assert.Empty(SponsorRule.Check([Sponsor(1, diedLater, Application), Sponsor(2, OfficialSince2001(), Application)], Application));
    }

    [Fact]
    public void SponsorRule_JudgedOnThePastDate_DeadBeforeIsRefusedWithTheTrueReason()
    {
        var diedBefore = OfficialSince2001(DecisionKind.Death, new(2025, 12, 1));
        var error = Assert.Single(SponsorRule.Check([Sponsor(1, diedBefore, Application), Sponsor(2, OfficialSince2001(), Application)], Application));
        Assert.Contains("đồng chí Nguyễn Văn 1 đã từ trần ngày 01/12/2025, trước ngày 15/01/2026", error.Message);
        Assert.DoesNotContain("chưa là đảng viên chính thức", error.Message);

        var removed = OfficialSince2001(DecisionKind.NameRemoval, new(2025, 6, 1));
        Assert.Contains("đã ra khỏi Đảng ngày 01/06/2025 (xóa tên)",
            Assert.Single(SponsorRule.Check([Sponsor(1, removed, Application), Sponsor(2, OfficialSince2001(), Application)], Application)).Message);

        var probationer = new MembershipRecord(new(2025, 6, 1), null, MemberStatus.Probationary, [], []);
        Assert.Contains("chưa là đảng viên chính thức vào ngày 15/01/2026",
            Assert.Single(SponsorRule.Check([Sponsor(1, probationer, Application), Sponsor(2, OfficialSince2001(), Application)], Application)).Message);
    }

    [Fact]
    public void LateCeremonyRule_PastTheDeadlineNeedsTheHigherCommitteesConsent()
    {
        var decision = new DateOnly(2026, 3, 2);
        var due = AdmissionDeadlines.CeremonyDue(decision, WorkingCalendar.WeekendsOnly);
        Assert.Equal(new DateOnly(2026, 4, 13), due);
        // On the last day: no consent asked.
        Assert.False(LateCeremonyRule.IsLate(due, due));
        Assert.Empty(LateCeremonyRule.Check(decision, due, due, null, null, false));
        // A day late without consent: each missing part named, with the reason and the deadline.
        var errors = LateCeremonyRule.Check(decision, due.AddDays(1), due, null, null, false).ToList();
        Assert.Equal([AdmissionFields.LateConsentNumber, AdmissionFields.LateConsentOn, AdmissionFields.LateConsentOrganization], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains("hạn ngày 13/04/2026", e.Message));
        Assert.Contains("294-QĐ/TW, điểm 4.1", errors[0].Message);
        // The consent must come between the decision and the ceremony.
        Assert.Single(LateCeremonyRule.Check(decision, due.AddDays(1), due, "45-CV/ĐU", due.AddDays(2), true));
        Assert.Empty(LateCeremonyRule.Check(decision, due.AddDays(1), due, "45-CV/ĐU", due, true));
    }

    [Fact]
    public void LateTransferRule_TheGapFollowsTheCommitteesDecisionNotTheClock()
    {
        var presentBy = new DateOnly(2026, 4, 13);
        var received = new DateOnly(2026, 5, 13);
        Assert.Empty(LateTransferRule.CheckReceipt(presentBy, presentBy, null));
        Assert.Equal(TransferFields.LateReason, Assert.Single(LateTransferRule.CheckReceipt(presentBy, received, " ")).Field);
        Assert.Empty(LateTransferRule.CheckReceipt(presentBy, received, "Ốm nằm viện"));
        // No decision yet, or the period counts: nothing is cut.
        Assert.Null(LateTransferRule.Gap(presentBy, received, null));
        Assert.Null(LateTransferRule.Gap(presentBy, received, true));
        Assert.Equal(new ActivityGap(presentBy, received), LateTransferRule.Gap(presentBy, received, false));
        Assert.Null(LateTransferRule.Gap(presentBy, presentBy, false));
        // The decision needs its number, date, choice and committee; only for a late receipt.
        Assert.Equal(4, LateTransferRule.CheckDecision(presentBy, received, null, null, null, false, received).Count());
        Assert.Empty(LateTransferRule.CheckDecision(presentBy, received, "15-QĐ/ĐU", received, false, true, received));
        Assert.Single(LateTransferRule.CheckDecision(presentBy, presentBy, "15-QĐ/ĐU", received, false, true, received));
    }

    [Fact]
    public void ReadmissionRule_RemovalForUnpaidFeesAllowedAfter36Months_AbandoningActivityBarred()
    {
        var fees = new ExitFacts(DecisionKind.NameRemoval, new(2022, 1, 10), NameRemovalCase.UnpaidFees, false, false);
        Assert.Contains("36 tháng", Assert.Single(ReadmissionRule.Check(fees, false, new(2025, 1, 9), "12-CV/TU")).Message);
        Assert.Empty(ReadmissionRule.Check(fees, false, new(2025, 1, 10), "12-CV/TU"));
        var abandoned = fees with { RemovalCase = NameRemovalCase.AbandonedActivity };
        Assert.Contains("bỏ sinh hoạt đảng (Quy định 294-QĐ/TW, điểm 3.5)", Assert.Single(ReadmissionRule.Check(abandoned, false, new(2026, 1, 10), "12-CV/TU")).Message);
        Assert.Contains("mất đoàn kết", Assert.Single(ReadmissionRule.Check(fees with { SeriousDisunity = true }, false, new(2026, 1, 10), "12-CV/TU")).Message);
    }
}
