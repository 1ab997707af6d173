using System.Globalization;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;

namespace PartyOrg.Domain.Tests;

public class LifecycleRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void WorkingCalendar_SkipsWeekendsAndHolidays()
    {
        // Friday 24/04/2026 + 3 working days: Mon 27/04 is the Hùng Kings' compensatory day (26/04 is a Sunday), 30/04 and 01/05 are holidays.
        var calendar = WorkingCalendar.StatutoryOnly;
        Assert.Equal(new DateOnly(2026, 5, 4), calendar.AddWorkingDays(new(2026, 4, 24), 3));
        Assert.Equal(3, calendar.WorkingDaysBetween(new(2026, 4, 24), new(2026, 5, 4)));
        Assert.False(calendar.IsWorkingDay(new(2026, 4, 25)));
    }

    [Fact]
    public void AdmissionAgeRangeRule_Requires18FullMonthsAtTheCellMeeting()
    {
        var error = Assert.Single(AdmissionAgeRangeRule.Check(new(2008, 1, 15), new(2026, 1, 14), provincialConsent: false));
        Assert.Contains("17 tuổi 11 tháng", error.Message);
        Assert.Contains("294-QĐ/TW", error.Message);
        Assert.Empty(AdmissionAgeRangeRule.Check(new(2008, 1, 15), new(2026, 1, 15), provincialConsent: false));
    }

    [Fact]
    public void AdmissionAgeRangeRule_Over60NeedsTheProvincialCommittee()
    {
        Assert.Empty(AdmissionAgeRangeRule.Check(new(1966, 3, 10), new(2026, 3, 10), provincialConsent: false));
        var error = Assert.Single(AdmissionAgeRangeRule.Check(new(1966, 3, 10), new(2026, 4, 10), provincialConsent: false));
        Assert.Contains("trên 60 tuổi", error.Message);
        Assert.Empty(AdmissionAgeRangeRule.Check(new(1966, 3, 10), new(2026, 4, 10), provincialConsent: true));
    }

    [Fact]
    public void AdmissionEducationRule_RequiresLowerSecondary()
    {
        Assert.Single(AdmissionEducationRule.Check(GeneralEducation.Primary));
        Assert.Empty(AdmissionEducationRule.Check(GeneralEducation.LowerSecondary));
    }

    /// <summary>A sponsor judged on 01/06/2026: admitted 2014, official from 2015 unless a probationer.</summary>
    private static SponsorFacts Sponsor(int id, MemberStatus status = MemberStatus.Official, int monthsTogether = 24)
    {
        var on = new DateOnly(2026, 6, 1);
        var record = new MembershipRecord(new(2014, 1, 1), status == MemberStatus.Official ? new DateOnly(2015, 1, 1) : null, status, [], []);
        return new(id, $"Đảng viên {id}", MemberStanding.On(record, on), on.AddMonths(-monthsTogether));
    }

    [Fact]
    public void CompetentCommitteeRule_OnlyCommitteesDecideAdmissions()
    {
        Assert.True(OrganizationType.Commune.MayDecideAdmission());
        Assert.True(OrganizationType.BaseCommittee.MayDecideAdmission());
        Assert.False(OrganizationType.BaseCell.MayDecideAdmission());
        Assert.False(OrganizationType.DependentCell.MayDecideAdmission());
        Assert.False(OrganizationType.SubCommittee.MayDecideAdmission());
        Assert.False(OrganizationType.PartyGroup.MayDecideAdmission());
    }

    [Fact]
    public void SponsorRule_TwoDistinctOfficialMembersWithAYearTogether()
    {
        var on = new DateOnly(2026, 6, 1);
        Assert.Empty(SponsorRule.Check([Sponsor(1), Sponsor(2)], on));
        Assert.Single(SponsorRule.Check([Sponsor(1)], on));
        Assert.Single(SponsorRule.Check([Sponsor(1), Sponsor(1)], on));
        Assert.Contains("chưa là đảng viên chính thức", Assert.Single(SponsorRule.Check([Sponsor(1), Sponsor(2, MemberStatus.Probationary)], on)).Message);
        Assert.Contains("mới cùng công tác với người vào Đảng 11 tháng", Assert.Single(SponsorRule.Check([Sponsor(1), Sponsor(2, monthsTogether: 11)], on)).Message);
    }

    [Fact]
    public void CourseCertificateRule_ValidForTheConfiguredMonths()
    {
        var settings = AdmissionSettings.Default;
        Assert.Empty(CourseCertificateRule.Check(new(2021, 6, 2), new(2026, 6, 1), settings));
        Assert.Contains("đã hết hạn 5 năm", Assert.Single(CourseCertificateRule.Check(new(2021, 6, 1), new(2026, 6, 1), settings)).Message);
        Assert.Empty(CourseCertificateRule.Check(new(2021, 6, 1), new(2026, 6, 1), settings with { CertificateValidityMonths = 72 }));
        Assert.Contains("chưa có", Assert.Single(CourseCertificateRule.Check(null, new(2026, 6, 1), settings)).Message);
    }

    [Fact]
    public void AdmissionDeadlines_60WorkingDaysToDecide30ToHoldTheCeremony()
    {
        var calendar = WorkingCalendar.WeekendsOnly;
        // Monday 02/03/2026 + 60 working days = 12 weeks later, Monday 25/05/2026.
        Assert.Equal(new DateOnly(2026, 5, 25), AdmissionDeadlines.DecisionDue(new(2026, 3, 2), calendar));
        Assert.Equal(new DateOnly(2026, 4, 13), AdmissionDeadlines.CeremonyDue(new(2026, 3, 2), calendar));
    }

    [Fact]
    public void StepDateOrderRule_NoStepBeforeThePreviousOrInTheFuture()
    {
        Assert.Single(StepDateOrderRule.Check(AdmissionFields.ApplicationOn, new(2026, 1, 1), new(2026, 2, 1), "ngày có người giới thiệu", Today));
        Assert.Single(StepDateOrderRule.Check(AdmissionFields.ApplicationOn, Today.AddDays(1), null, "", Today));
        Assert.Empty(StepDateOrderRule.Check(AdmissionFields.ApplicationOn, new(2026, 2, 1), new(2026, 2, 1), "", Today));
    }

    [Fact]
    public void ProbationRule_TwelveMonthsFromTheCeremonyThen30WorkingDays()
    {
        var ceremony = new DateOnly(2025, 11, 20);
        Assert.Equal(new DateOnly(2026, 11, 20), ProbationRule.EndsOn(ceremony));
        Assert.Equal(new DateOnly(2027, 1, 1), ProbationRule.RecognitionDue(ceremony, WorkingCalendar.WeekendsOnly));
        Assert.Single(ProbationRule.CheckRecognition(ceremony, new(2026, 11, 19), Today));
        Assert.Empty(ProbationRule.CheckRecognition(ceremony, new(2026, 11, 24), Today));
        // Official from the end of the 12 months, even when the meeting is late.
        Assert.Equal(new DateOnly(2026, 11, 20), ProbationRule.OfficialFrom(ceremony));
    }

    [Fact]
    public void ProbationStanding_DueWithinAMonthOverdueAfterTheCellsDeadline()
    {
        var calendar = WorkingCalendar.WeekendsOnly;
        Assert.Equal(ProbationStanding.Running, ProbationStandings.Of(new(2026, 3, 1), Today, calendar));
        Assert.Equal(ProbationStanding.Due, ProbationStandings.Of(new(2025, 12, 20), Today, calendar));
        Assert.Equal(ProbationStanding.Due, ProbationStandings.Of(new(2025, 11, 1), Today, calendar));
        Assert.Equal(ProbationStanding.Overdue, ProbationStandings.Of(new(2025, 9, 1), Today, calendar));
    }

    [Fact]
    public void PartyAgeRule_FromTheDecisionOnceOfficialMinusGaps()
    {
        var admitted = new DateOnly(1990, 2, 3);
        Assert.Null(PartyAgeRule.On(admitted, isOfficial: false, [], Today));
        Assert.Equal(36 * 12 + 9, PartyAgeRule.On(admitted, true, [], Today)!.Value.TotalMonths);
        // Out of the Party from 01/03/2000 to 01/03/2004 (readmitted): four years less.
        var gap = new ActivityGap(new(2000, 3, 1), new(2004, 3, 1));
        Assert.Equal("32 năm 9 tháng", PartyAgeRule.On(admitted, true, [gap], Today)!.Value.ToString());
    }

    [Fact]
    public void BadgeRule_HighestMilestoneReachedAndNotYetAwarded()
    {
        Assert.Null(BadgeRule.DueMilestone(new PartyAgeValue(29 * 12 + 11), []));
        Assert.Equal(30, BadgeRule.DueMilestone(new PartyAgeValue(30 * 12), []));
        Assert.Equal(70, BadgeRule.DueMilestone(new PartyAgeValue(72 * 12), [60, 65]));
        Assert.Null(BadgeRule.DueMilestone(new PartyAgeValue(72 * 12), [70]));
        Assert.Equal(new DateOnly(2027, 2, 3), BadgeRule.NextOccasion(new(2026, 11, 8)));
        Assert.Equal(new DateOnly(2026, 11, 7), BadgeRule.NextOccasion(new(2026, 9, 3)));
        Assert.Equal(new DateOnly(2026, 9, 2), BadgeRule.PreviousOccasion(new(2026, 11, 7)));
        Assert.Equal(24, BadgeRule.EarlyMonthsAllowed(70, posthumous: false));
        Assert.Equal(12, BadgeRule.EarlyMonthsAllowed(70, posthumous: true));
    }

    [Theory]
    [InlineData(30, "2027-02-03", "1997-02-03")]
    [InlineData(40, "2027-03-31", "1987-03-31")]
    // Admitted on a leap day: 30 full years on 28/02/2030, a day later than AddYears(-30) gives.
    [InlineData(30, "2030-02-28", "2000-02-29")]
    [InlineData(30, "2028-02-29", "1998-02-28")]
    public void BadgeRule_LatestAdmissionReachingAMilestone(int years, string on, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), BadgeRule.LatestAdmissionReaching(years, DateOnly.Parse(on, CultureInfo.InvariantCulture)));

    [Fact]
    public void BadgeRule_LatestAdmissionReaching_IsTheLastDayTheAgeIsReached()
    {
        for (var on = new DateOnly(2027, 1, 1); on < new DateOnly(2029, 1, 1); on = on.AddDays(1))
            foreach (var years in BadgeRule.Milestones)
            {
                var latest = BadgeRule.LatestAdmissionReaching(years, on);
                Assert.Equal(years * 12, PartyAgeRule.On(latest, true, [], on)!.Value.TotalMonths);
                Assert.True(PartyAgeRule.On(latest.AddDays(1), true, [], on)!.Value.TotalMonths < years * 12, $"{years} on {on}");
            }
    }

    [Fact]
    public void ReadmissionRule_OnceAfter36MonthsWithConsentAndNotForBarredExits()
    {
        var exit = new ExitFacts(DecisionKind.NameRemoval, new(2020, 1, 10), NameRemovalCase.TwoYearsViolations, false, false);
        Assert.Empty(ReadmissionRule.Check(exit, false, new(2023, 1, 10), "125-CV/TU"));
        Assert.Contains("36 tháng", Assert.Single(ReadmissionRule.Check(exit, false, new(2023, 1, 9), "125-CV/TU")).Message);
        Assert.Contains("một lần", Assert.Single(ReadmissionRule.Check(exit, true, new(2024, 1, 10), "125-CV/TU")).Message);
        Assert.Equal(DecisionFields.ConsentDocument, Assert.Single(ReadmissionRule.Check(exit, false, new(2024, 1, 10), " ")).Field);
        Assert.Contains("bỏ sinh hoạt", Assert.Single(ReadmissionRule.Check(exit with { RemovalCase = NameRemovalCase.AbandonedActivity }, false, new(2024, 1, 10), "x")).Message);
        Assert.Empty(ReadmissionRule.Check(exit with { RemovalCase = NameRemovalCase.UnpaidFees }, false, new(2024, 1, 10), "x"));
        Assert.Single(ReadmissionRule.Check(exit with { Kind = DecisionKind.Release }, false, new(2024, 1, 10), "x"));
        Assert.Empty(ReadmissionRule.Check(exit with { Kind = DecisionKind.Release, ExtremeFamilyHardship = true }, false, new(2024, 1, 10), "x"));
        Assert.Single(ReadmissionRule.Check(exit with { CorruptionOrSeriousCrime = true }, false, new(2024, 1, 10), "x"));
        Assert.Single(ReadmissionRule.Check(null, false, new(2024, 1, 10), "x"));
    }

    [Fact]
    public void TransferRule_LetterWithin30WorkingDaysTemporaryUnderAYear()
    {
        Assert.Equal(new DateOnly(2026, 4, 13), TransferRule.PresentBy(new(2026, 3, 2), WorkingCalendar.WeekendsOnly));
        Assert.Empty(TransferRule.CheckTemporary(new(2026, 1, 1), new(2026, 6, 1), forStudy: false));
        Assert.Single(TransferRule.CheckTemporary(new(2026, 1, 1), new(2026, 3, 1), forStudy: false));
        Assert.Single(TransferRule.CheckTemporary(new(2026, 1, 1), new(2027, 1, 1), forStudy: false));
        Assert.Empty(TransferRule.CheckTemporary(new(2026, 1, 1), new(2027, 9, 1), forStudy: true));
        Assert.Single(TransferRule.CheckTemporary(new(2026, 1, 1), null, forStudy: false));
    }

    [Fact]
    public void SourcePoolRule_AtLeastOneAndAHalfTimesTheTarget()
    {
        Assert.True(SourcePoolRule.FallsShort(149, 100, AdmissionSettings.Default));
        Assert.False(SourcePoolRule.FallsShort(150, 100, AdmissionSettings.Default));
        Assert.Equal(1.5m, SourcePoolRule.Ratio(150, 100));
    }

    [Fact]
    public void AdmissionRateRule_ThreeToFourPercentOfTheMembership()
    {
        Assert.True(AdmissionRateRule.FallsShort(29, 1000, AdmissionSettings.Default));
        Assert.False(AdmissionRateRule.FallsShort(30, 1000, AdmissionSettings.Default));
        Assert.Equal(3.5m, AdmissionRateRule.Percent(35, 1000, PercentRounding.Default));
    }

    [Fact]
    public void ProbationPeriodRule_CountsFromTheCeremonyWhenRecorded()
    {
        var m = new MemberFacts("Lê Thị Hoa", Gender.Female, new(1995, 1, 1), "080195123456", "01", "Không theo tôn giáo",
            new(2024, 3, 1), new(2025, 3, 10), CeremonyOn: new(2024, 3, 20));
        Assert.Equal(MemberFields.OfficialOn, Assert.Single(MemberRules.Check(m, Today)).Field);
        Assert.Empty(MemberRules.Check(m with { OfficialOn = new(2025, 3, 20) }, Today));
    }
}
