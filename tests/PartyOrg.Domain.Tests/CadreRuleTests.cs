using PartyOrg.Domain.Cadres;

namespace PartyOrg.Domain.Tests;

public class CadreRuleTests
{
    private static readonly DateOnly Day = new(2026, 1, 5);

    [Fact]
    public void PartyCommitteePostRule_DieuLe2011Dieu3_OfficialMembersOnly_ForPartyCommitteePosts()
    {
        Assert.Null(PartyCommitteePostRule.Check("memberId", PostBody.PartyCommittee, official: true, Day, "A"));
        var probationary = PartyCommitteePostRule.Check("memberId", PostBody.PartyCommittee, official: false, Day, "Nguyễn Văn A");
        Assert.NotNull(probationary);
        Assert.Equal("memberId", probationary.Field);
        Assert.Contains("ngày 05/01/2026 đồng chí Nguyễn Văn A chưa là đảng viên chính thức", probationary.Message);
        Assert.Contains(PartyCommitteePostRule.Source, probationary.Message);
        Assert.NotNull(PartyCommitteePostRule.Check("memberId", PostBody.PartyCommittee, official: null, Day, "Ngoài"));
        // State and mass posts are not the Party's leading bodies: the Charter's rule does not apply.
        Assert.Null(PartyCommitteePostRule.Check("memberId", PostBody.State, official: false, Day, "A"));
        Assert.Null(PartyCommitteePostRule.Check("memberId", PostBody.MassOrganization, official: null, Day, "A"));
    }

    [Fact]
    public void PostSeatsRule_CountsTheMostHoldersOnAnyOneDay_EndsExclusive()
    {
        var jan = new DateOnly(2026, 1, 1);
        (DateOnly, DateOnly?)[] others = [(jan, new DateOnly(2026, 3, 1)), (new DateOnly(2026, 2, 1), null)];
        // Both others overlap in February: a third from 15/02 makes three on one day.
        Assert.Equal(3, PostSeatsRule.MostAtOnce(others, new DateOnly(2026, 2, 15), null));
        // From 01/03 the first has left (its end is the first day no longer held).
        Assert.Equal(2, PostSeatsRule.MostAtOnce(others, new DateOnly(2026, 3, 1), null));
        // Before either: alone until 01/01, then with the first, never with both before 01/02 when it ends on 15/01.
        Assert.Equal(2, PostSeatsRule.MostAtOnce(others, new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 15)));
        Assert.Equal(1, PostSeatsRule.MostAtOnce(others, new DateOnly(2025, 6, 1), jan));
        Assert.Null(PostSeatsRule.Check("fromDate", 2, "Phó Bí thư", others, new DateOnly(2026, 3, 1), null));
        var full = PostSeatsRule.Check("fromDate", 2, "Phó Bí thư", others, new DateOnly(2026, 2, 15), null);
        Assert.Equal("fromDate", full!.Field);
        Assert.Contains("\"Phó Bí thư\" đã có đủ 2 người giữ", full.Message);
    }

    [Fact]
    public void AppointmentTermRule_Setting_LastDayAndReappointmentDue()
    {
        Assert.Equal(new DateOnly(2031, 1, 4), AppointmentTermRule.LastDay(Day, 5));
        Assert.Equal(new DateOnly(2030, 10, 6), AppointmentTermRule.DueFrom(Day, 5, 90));
        // A 29 February start: its anniversary in a common year is 1 March, so the last day is 28 February; in a leap year the 28th.
        Assert.Equal(new DateOnly(2029, 2, 28), AppointmentTermRule.LastDay(new DateOnly(2024, 2, 29), 5));
        Assert.Equal(new DateOnly(2028, 2, 28), AppointmentTermRule.LastDay(new DateOnly(2024, 2, 29), 4));
    }
}

public class PlanRuleTests
{
    private static readonly PostRank ProvinceSecretary = new(1, 10, "Bí thư Tỉnh ủy"), ProvinceDeputy = new(1, 20, "Phó Bí thư Tỉnh ủy"),
        CommuneSecretary = new(2, 10, "Bí thư Đảng ủy xã");

    [Fact]
    public void PlanHigherPostRule_Qd377_OnlyAPostAboveEveryPostHeld()
    {
        Assert.Null(PlanHigherPostRule.Check("memberId", ProvinceSecretary, [ProvinceDeputy], "A"));
        Assert.Null(PlanHigherPostRule.Check("memberId", ProvinceDeputy, [CommuneSecretary], "A"));
        Assert.Null(PlanHigherPostRule.Check("memberId", ProvinceDeputy, [], "A"));
        var same = PlanHigherPostRule.Check("memberId", ProvinceDeputy, [CommuneSecretary, ProvinceDeputy], "Lê Văn B");
        Assert.Contains("đang giữ chức danh \"Phó Bí thư Tỉnh ủy\"", same!.Message);
        Assert.Contains("Quy định 377-QĐ/TW", same.Message);
        Assert.NotNull(PlanHigherPostRule.Check("memberId", CommuneSecretary, [ProvinceDeputy], "A"));
    }

    [Fact]
    public void PlanLimitsRule_Qd377_ThreePerPost_ThreePostsPerCadre_FromItsDate()
    {
        var day = new DateOnly(2025, 10, 8);
        Assert.Null(PlanLimitsRule.CheckPost("postId", day, 2, "Bí thư"));
        Assert.Contains("không quá 3 cán bộ", PlanLimitsRule.CheckPost("postId", day, 3, "Bí thư")!.Message);
        Assert.Null(PlanLimitsRule.CheckCadre("memberId", day, 2, "A"));
        Assert.Contains("không quá 3 chức danh ở cùng cấp", PlanLimitsRule.CheckCadre("memberId", day, 3, "A")!.Message);
        // The day before QĐ 377: QĐ 50's limits were not found, nothing is refused.
        Assert.Null(PlanLimitsRule.CheckPost("postId", day.AddDays(-1), 5, "Bí thư"));
        Assert.Null(PlanLimitsRule.CheckCadre("memberId", day.AddDays(-1), 5, "A"));
    }

    [Fact]
    public void PlanAgeRule_Qd50_2021_AFullTerm_BeforeTheRetirementAgeSetting()
    {
        // Born 01/01/1969: 62 on 01/01/2031, after the 2030 term's last year.
        Assert.Null(PlanAgeRule.Check("memberId", new DateOnly(1969, 1, 1), 62, 2030, "A"));
        var late = PlanAgeRule.Check("memberId", new DateOnly(1968, 12, 31), 62, 2030, "A");
        Assert.Contains("đủ 62 tuổi ngày 31/12/2030", late!.Message);
        Assert.Equal(new DateOnly(2030, 12, 31), PlanAgeRule.FirstDayOfAge(new DateOnly(1968, 12, 31), 62));
    }

    [Fact]
    public void PlanComposition_SharesAndTiers_HandCounted()
    {
        var on = new DateOnly(2026, 11, 28);
        var c = PlanComposition.Of(
        [
            (true, new DateOnly(1990, 1, 1), false),   // woman, 36
            (false, new DateOnly(1986, 11, 29), true), // 39 (40 tomorrow), minority
            (false, new DateOnly(1976, 11, 28), false),// 50 today: middle tier
            (true, new DateOnly(1970, 5, 5), false),   // woman, 56
        ], seats: 3, entries: 7, on);
        Assert.Equal((4, 2, 2, 1), (c.Cadres, c.Women, c.Under40, c.Minorities));
        Assert.Equal((1, 1), (c.From40To50, c.Over50));
        Assert.Equal(2.33m, c.Ratio);
    }
}

public class ConfidenceRuleTests
{
    [Fact]
    public void ConfidenceQuorumRule_Qd96_TwoThirdsPresent()
    {
        Assert.True(ConfidenceQuorumRule.Met(45, 30));
        Assert.False(ConfidenceQuorumRule.Met(45, 29));
        Assert.False(ConfidenceQuorumRule.Met(0, 0));
        Assert.Contains("chưa đủ 2/3", ConfidenceQuorumRule.Check("present", 45, 29)!.Message);
        Assert.Contains("Quy định 96-QĐ/TW", ConfidenceQuorumRule.Check("present", 45, 29)!.Message);
    }

    [Fact]
    public void ConfidenceConsequenceRule_Qd96_OverHalfOutOfPlanning_TwoThirdsDismissal_OverBallotsReturned()
    {
        Assert.Equal(ConfidenceConsequence.None, ConfidenceConsequenceRule.Of(21, 43, true));        // 48,8%
        Assert.Equal(ConfidenceConsequence.OutOfPlanning, ConfidenceConsequenceRule.Of(22, 43, true)); // 51,2%
        Assert.Equal(ConfidenceConsequence.OutOfPlanning, ConfidenceConsequenceRule.Of(28, 43, true)); // 65,1%
        Assert.Equal(ConfidenceConsequence.Dismissal, ConfidenceConsequenceRule.Of(29, 43, true));     // 67,4%
        // Exactly a half is not "more than 1/2"; exactly 2/3 follows the setting.
        Assert.Equal(ConfidenceConsequence.None, ConfidenceConsequenceRule.Of(15, 30, true));
        Assert.Equal(ConfidenceConsequence.Dismissal, ConfidenceConsequenceRule.Of(20, 30, true));
        Assert.Equal(ConfidenceConsequence.OutOfPlanning, ConfidenceConsequenceRule.Of(20, 30, false));
        Assert.Equal(ConfidenceConsequence.None, ConfidenceConsequenceRule.Of(0, 0, true));
    }

    [Fact]
    public void ConfidenceBallotRule_CountsWithinTheBallots_AndAtMostTwoPlacesAYear()
    {
        Assert.Null(ConfidenceBallotRule.CheckCounts("results[0]", 30, 10, 3, 43, "A"));
        Assert.Contains("vượt số phiếu thu về", ConfidenceBallotRule.CheckCounts("results[0]", 30, 10, 4, 43, "A")!.Message);
        Assert.NotNull(ConfidenceBallotRule.CheckCounts("results[0]", -1, 0, 0, 43, "A"));
        // Counts whose sum passes the largest integer do not wrap round to a small total.
        Assert.Contains("vượt số phiếu thu về", ConfidenceBallotRule.CheckCounts("results[0]", int.MaxValue - 1, 1_073_741_825, 1_073_741_825, 9, "A")!.Message);
        Assert.Null(ConfidenceBallotRule.CheckPlaces("results[0]", 1, 2026, "A"));
        Assert.Contains("không quá 2 nơi", ConfidenceBallotRule.CheckPlaces("results[0]", 2, 2026, "A")!.Message);
    }
}
