using PartyOrg.Domain.Discipline;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Tests;

/// <summary>Discipline as dated facts (issue 12, section 1): the forms, the lapse, the effects and the bars.</summary>
public class DisciplineRuleTests
{
    private static DisciplineFacts Reprimand(int id = 1, DateOnly? decided = null, DateOnly? announced = null) =>
        new(id, DisciplineForm.Reprimand, decided ?? new(2024, 3, 1), announced ?? new(2024, 3, 15));

    [Fact]
    public void DisciplineLapseRule_LapsesTwelveMonthsAfterTheAnnouncement()
    {
        var p = Assert.Single(DisciplineLapseRule.Periods([Reprimand()]));
        Assert.Equal(new DateOnly(2024, 3, 1), p.From);
        Assert.Equal(new DateOnly(2025, 3, 15), p.Until);
    }

    [Fact]
    public void DisciplineLapseRule_InForceOnAtTheEdges()
    {
        var d = Reprimand();
        Assert.Null(DisciplineLapseRule.InForceOn([d], new(2024, 2, 29)));
        Assert.NotNull(DisciplineLapseRule.InForceOn([d], new(2024, 3, 1)));
        Assert.NotNull(DisciplineLapseRule.InForceOn([d], new(2025, 3, 14)));
        Assert.Null(DisciplineLapseRule.InForceOn([d], new(2025, 3, 15)));
        // Counted from the announcement when the setting says so.
        Assert.Null(DisciplineLapseRule.InForceOn([d], new(2024, 3, 14), DisciplineStart.Announcement));
        Assert.NotNull(DisciplineLapseRule.InForceOn([d], new(2024, 3, 15), DisciplineStart.Announcement));
    }

    [Fact]
    public void DisciplineLapseRule_HeldWhileAComplaintIsPending()
    {
        var pending = Reprimand() with { ComplaintFiledOn = new(2024, 4, 1) };
        Assert.Null(Assert.Single(DisciplineLapseRule.Periods([pending])).Until);
        Assert.NotNull(DisciplineLapseRule.InForceOn([pending], new(2030, 1, 1)));
        // Upheld after the usual lapse: in force until the complaint was decided.
        var upheld = pending with { ComplaintDecidedOn = new(2025, 6, 1), Outcome = ComplaintOutcome.Upheld };
        Assert.Equal(new DateOnly(2025, 6, 1), Assert.Single(DisciplineLapseRule.Periods([upheld])).Until);
        // Annulled: never in force.
        var annulled = upheld with { Outcome = ComplaintOutcome.Annulled };
        Assert.Empty(DisciplineLapseRule.Periods([annulled]));
        // A complaint filed after the lapse does not revive it.
        var late = Reprimand() with { ComplaintFiledOn = new(2025, 4, 1) };
        Assert.Equal(new DateOnly(2025, 3, 15), Assert.Single(DisciplineLapseRule.Periods([late])).Until);
    }

    [Fact]
    public void DisciplineLapseRule_ReducedFormAppliesFromTheComplaintDecision()
    {
        var removal = new DisciplineFacts(1, DisciplineForm.Removal, new(2024, 3, 1), new(2024, 3, 15), new(2024, 4, 1), new(2024, 6, 1), ComplaintOutcome.Reduced, DisciplineForm.Warning);
        Assert.Equal(DisciplineForm.Removal, DisciplineLapseRule.InForceOn([removal], new(2024, 5, 1))!.Form);
        Assert.Equal(DisciplineForm.Warning, DisciplineLapseRule.InForceOn([removal], new(2024, 7, 1))!.Form);
        Assert.Null(DisciplineLapseRule.InForceOn([removal], new(2025, 3, 15)));
    }

    [Fact]
    public void DisciplineLapseRule_KhaiTruAndGiaiTanNeverLapse()
    {
        var expulsion = new DisciplineFacts(1, DisciplineForm.Expulsion, new(2021, 1, 10), new(2021, 1, 20));
        var dissolution = new DisciplineFacts(2, DisciplineForm.Dissolution, new(2021, 1, 10), new(2021, 1, 20));
        Assert.Null(Assert.Single(DisciplineLapseRule.Periods([expulsion])).Until);
        Assert.NotNull(DisciplineLapseRule.InForceOn([dissolution], new(2040, 1, 1)));
    }

    [Fact]
    public void DisciplineLapseRule_ANewViolationHoldsTheEarlierDecision()
    {
        var first = Reprimand();
        var second = new DisciplineFacts(2, DisciplineForm.Warning, new(2025, 1, 10), new(2025, 1, 20));
        var periods = DisciplineLapseRule.Periods([first, second]);
        Assert.Equal(new DateOnly(2026, 1, 20), periods.Single(p => p.Id == 1).Until);
        // A decision after the first lapsed does not hold it.
        var afterLapse = second with { DecidedOn = new(2025, 4, 1), AnnouncedOn = new(2025, 4, 2) };
        Assert.Equal(new DateOnly(2025, 3, 15), DisciplineLapseRule.Periods([first, afterLapse]).Single(p => p.Id == 1).Until);
        // The heavier form answers when two are in force.
        Assert.Equal(DisciplineForm.Warning, DisciplineLapseRule.InForceOn([first, second], new(2025, 2, 1))!.Form);
    }

    private static Standing StandingOn(DateOnly on, bool probationary)
    {
        var record = new MembershipRecord(new(2023, 6, 1), probationary ? null : new DateOnly(2024, 6, 1), probationary ? MemberStatus.Probationary : MemberStatus.Official,
            [], [new PlacementPeriod(3, new(2023, 6, 1), null)]);
        return MemberStanding.On(record, on);
    }

    [Fact]
    public void DisciplineFormRule_ProbationaryMemberRefusedCachChuc()
    {
        var probationary = StandingOn(new(2024, 1, 10), probationary: false); // before the official date: probationary then
        Assert.Equal(StandingStatus.Probationary, probationary.Status);
        var error = DisciplineFormRule.CheckMember("form", DisciplineForm.Removal, probationary, "Lê Văn A");
        Assert.NotNull(error);
        Assert.Contains("đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo", error!.Message);
        Assert.Null(DisciplineFormRule.CheckMember("form", DisciplineForm.Warning, probationary, "Lê Văn A"));
        // The same member, official on a later decision date, may be removed from a post.
        Assert.Null(DisciplineFormRule.CheckMember("form", DisciplineForm.Removal, StandingOn(new(2024, 7, 1), probationary: false), "Lê Văn A"));
        Assert.NotNull(DisciplineFormRule.CheckMember("form", DisciplineForm.Dissolution, StandingOn(new(2024, 7, 1), probationary: false), "Lê Văn A"));
        Assert.NotNull(DisciplineFormRule.CheckOrganization("form", DisciplineForm.Expulsion));
        Assert.Null(DisciplineFormRule.CheckOrganization("form", DisciplineForm.Dissolution));
    }

    [Fact]
    public void DisciplineTransferRule_RefusesWhileInForceWithTheReason()
    {
        var period = DisciplineLapseRule.ToStanding(DisciplineLapseRule.InForceOn([Reprimand()], new(2024, 6, 1))!);
        var error = DisciplineTransferRule.Check("issuedOn", "Lê Văn A", new(2024, 6, 1), period);
        Assert.Contains("đang chịu kỷ luật khiển trách", error!.Message);
        Assert.Contains("15/03/2025", error.Message);
        Assert.Null(DisciplineTransferRule.Check("issuedOn", "Lê Văn A", new(2025, 6, 1), null));
    }

    [Fact]
    public void DisciplineBadgeRule_NoBadgeWhileInForce()
    {
        var period = DisciplineLapseRule.ToStanding(DisciplineLapseRule.InForceOn([Reprimand()], new(2024, 5, 19))!);
        Assert.Contains("không xét tặng Huy hiệu Đảng", DisciplineBadgeRule.Reason("Lê Văn A", new(2024, 5, 19), period));
        Assert.Null(DisciplineBadgeRule.Reason("Lê Văn A", new(2025, 5, 19), null));
    }

    [Fact]
    public void DisciplineBars_24_36_60MonthsBeforeAHigherPost()
    {
        var decided = new DateOnly(2024, 3, 1);
        Assert.Equal(new DateOnly(2026, 3, 1), DisciplineBars.EligibleFrom(Reprimand(decided: decided)));
        Assert.Equal(new DateOnly(2027, 3, 1), DisciplineBars.EligibleFrom(Reprimand(decided: decided) with { Form = DisciplineForm.Warning }));
        Assert.Equal(new DateOnly(2029, 3, 1), DisciplineBars.EligibleFrom(Reprimand(decided: decided) with { Form = DisciplineForm.Removal }));
        var removal = Reprimand(decided: decided) with { Form = DisciplineForm.Removal };
        Assert.Contains("sau 60 tháng", DisciplineBars.Reason([removal], new(2029, 2, 28)));
        Assert.Null(DisciplineBars.Reason([removal], new(2029, 3, 1)));
        // Lapsed for everything else (12 months), still barring a higher post.
        Assert.Null(DisciplineLapseRule.InForceOn([Reprimand(decided: decided)], new(2025, 6, 1)));
        Assert.NotNull(DisciplineBars.Reason([Reprimand(decided: decided)], new(2025, 6, 1)));
    }
}
