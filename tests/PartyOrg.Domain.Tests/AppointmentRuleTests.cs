using PartyOrg.Domain.Cadres;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Tests;

public class AppointmentRuleTests
{
    private static readonly PostRank ProvinceSecretary = new(1, 10, "Bí thư Tỉnh ủy");
    private static readonly PostRank ProvinceDeputy = new(1, 20, "Phó Bí thư Tỉnh ủy");
    private static readonly PostRank OtherProvinceDeputy = new(1, 20, "Phó Bí thư Tỉnh ủy (thường trực)");
    private static readonly PostRank CommuneSecretary = new(2, 10, "Bí thư Đảng ủy xã");

    [Fact]
    public void AppointmentPlanRule_Qd377Dieu34_PlannedForThePostOrAnEquivalentOrHigherOne_FromItsDate()
    {
        var on = new DateOnly(2025, 10, 8);
        // Planned for the post itself, for an equivalent one (same level and kind) or a higher one: allowed.
        Assert.Null(AppointmentPlanRule.Check("memberId", CadreActKind.Appointment, on, ProvinceDeputy, [OtherProvinceDeputy], "A"));
        Assert.Null(AppointmentPlanRule.Check("memberId", CadreActKind.Appointment, on, ProvinceDeputy, [ProvinceSecretary], "A"));
        // Planned only for a lower post, or not at all: refused, naming the article.
        var lower = AppointmentPlanRule.Check("memberId", CadreActKind.Nomination, on, ProvinceDeputy, [CommuneSecretary], "Trần Thị B");
        Assert.Equal("memberId", lower!.Field);
        Assert.Contains("đồng chí Trần Thị B không có trong quy hoạch chức danh \"Phó Bí thư Tỉnh ủy\"", lower.Message);
        Assert.Contains("Quy định 377-QĐ/TW, Điều 34", lower.Message);
        Assert.NotNull(AppointmentPlanRule.Check("memberId", CadreActKind.Appointment, on, ProvinceDeputy, [], "A"));
        // The day before QĐ 377 the rule is not read; transfers and rotations bring cadres from elsewhere.
        Assert.Null(AppointmentPlanRule.Check("memberId", CadreActKind.Appointment, on.AddDays(-1), ProvinceDeputy, [], "A"));
        Assert.Null(AppointmentPlanRule.Check("memberId", CadreActKind.Transfer, on, ProvinceDeputy, [], "A"));
        Assert.Null(AppointmentPlanRule.Check("memberId", CadreActKind.Rotation, on, ProvinceDeputy, [], "A"));
    }

    [Fact]
    public void AppointmentAgeRule_Qd80_2022_AFirstAppointmentNeedsTheWholeTerm_OthersOnlyBelowTheRetirementAge()
    {
        var born = new DateOnly(1966, 6, 15);
        // A man of 62 from 15/06/2028 (the retirement setting): on 01/01/2024 the five-year term would end on 31/12/2028, after it.
        var first = AppointmentAgeRule.Check("memberId", CadreActKind.Appointment, born, 62, new DateOnly(2024, 1, 1), 5, "Lê Văn C");
        Assert.Contains("đủ 62 tuổi ngày 15/06/2028, trước khi hết thời hạn 5 năm", first!.Message);
        Assert.NotNull(AppointmentAgeRule.Check("memberId", CadreActKind.Nomination, born, 62, new DateOnly(2024, 1, 1), 5, "C"));
        // Appointed early enough that the term ends the day before the birthday: allowed.
        Assert.Null(AppointmentAgeRule.Check("memberId", CadreActKind.Appointment, born, 62, new DateOnly(2023, 6, 15), 5, "C"));
        // A reappointment, a transfer only need him below the age on the day.
        Assert.Null(AppointmentAgeRule.Check("memberId", CadreActKind.Reappointment, born, 62, new DateOnly(2028, 6, 14), 5, "C"));
        var past = AppointmentAgeRule.Check("memberId", CadreActKind.Transfer, born, 62, new DateOnly(2028, 6, 15), 5, "C");
        Assert.Contains("đã đủ 62 tuổi (từ 15/06/2028)", past!.Message);
        // Leaving a post has no age condition.
        Assert.Null(AppointmentAgeRule.Check("memberId", CadreActKind.Resignation, born, 62, new DateOnly(2030, 1, 1), 5, "C"));
    }

    [Fact]
    public void TimeInPostRule_Setting_MonthsInThePostLeft_ForAppointmentTransferRotation()
    {
        var from = new DateOnly(2024, 3, 1);
        Assert.Null(TimeInPostRule.Check("fromHoldingId", CadreActKind.Transfer, from, new DateOnly(2026, 3, 1), 24, "Phó Chủ tịch UBND"));
        var soon = TimeInPostRule.Check("fromHoldingId", CadreActKind.Rotation, from, new DateOnly(2026, 2, 28), 24, "Phó Chủ tịch UBND");
        Assert.Equal("fromHoldingId", soon!.Field);
        Assert.Contains("chưa đủ 24 tháng (thiết lập Cadres:MinimumMonthsInPost", soon.Message);
        Assert.NotNull(TimeInPostRule.Check("fromHoldingId", CadreActKind.Appointment, from, new DateOnly(2026, 2, 28), 24, "P"));
        // Reappointing, dismissing or letting go is not moving: no time condition.
        Assert.Null(TimeInPostRule.Check("fromHoldingId", CadreActKind.Dismissal, from, new DateOnly(2024, 4, 1), 24, "P"));
        Assert.Null(TimeInPostRule.Check("fromHoldingId", CadreActKind.Reappointment, from, new DateOnly(2024, 4, 1), 24, "P"));
    }

    [Fact]
    public void PlanWhileProposedRule_Qd377_NoPlanningWhileProposedForThePost()
    {
        var on = new DateOnly(2026, 3, 1);
        var refused = PlanWhileProposedRule.Check("memberId", on, new DateOnly(2026, 2, 1), "Phạm Văn D", "Phó Bí thư Tỉnh ủy");
        Assert.Contains("đang được đề xuất bổ nhiệm, giới thiệu ứng cử chức danh \"Phó Bí thư Tỉnh ủy\" (từ 01/02/2026)", refused!.Message);
        Assert.Null(PlanWhileProposedRule.Check("memberId", on, null, "D", "P"));
        Assert.Null(PlanWhileProposedRule.Check("memberId", new DateOnly(2025, 10, 7), new DateOnly(2025, 9, 1), "D", "P"));
    }

    [Fact]
    public void CadreActs_WhatEachActWrites()
    {
        Assert.True(CadreActKind.Appointment.CreatesHolding() && CadreActKind.Appointment.HasTarget() && !CadreActKind.Appointment.NeedsCurrentPost());
        Assert.True(CadreActKind.Reappointment.CreatesHolding() && CadreActKind.Reappointment.NeedsCurrentPost());
        Assert.False(CadreActKind.Nomination.CreatesHolding());
        Assert.True(CadreActKind.Dismissal.NeedsCurrentPost() && !CadreActKind.Dismissal.HasTarget() && !CadreActKind.Dismissal.CreatesHolding());
        Assert.Equal(HoldingBasis.Designation, CadreActKind.Rotation.Basis());
        Assert.Equal("Cho thôi giữ chức vụ", CadreActKind.Resignation.Label());
    }

    [Fact]
    public void TrainingRecordRule_Hd12_2022_ACompletedCourseRaisesTheRecord_NeverLowersIt()
    {
        Assert.Equal(PoliticalTheory.Advanced, TrainingRecordRule.RaisedTheory(TrainingLevel.TheoryAdvanced, PoliticalTheory.Intermediate));
        Assert.Null(TrainingRecordRule.RaisedTheory(TrainingLevel.TheoryIntermediate, PoliticalTheory.Advanced));
        Assert.Null(TrainingRecordRule.RaisedTheory(TrainingLevel.StateSeniorOfficer, PoliticalTheory.None));
        Assert.Equal(ProfessionalDegree.Doctor, TrainingRecordRule.RaisedDegree(TrainingLevel.Doctor, ProfessionalDegree.Master));
        Assert.Null(TrainingRecordRule.RaisedDegree(TrainingLevel.Master, ProfessionalDegree.Doctor));
        Assert.Equal(TrainingTrack.DefenceSecurity, TrainingLevel.DefenceGroup2.Track());
        Assert.Equal(TrainingTrack.StateManagement, TrainingLevel.StatePrincipalOfficer.Track());
    }
}

public class LocalCadreRuleTests
{
    private static readonly CadreArea Province = new(["Tây Ninh", "Long An"], ["Tây Ninh", "Long An"]);
    private static readonly CadreArea Commune = new(["Tân Biên"], ["Tây Ninh", "Long An"]);

    [Fact]
    public void LocalCadreRule_HomeTownAgainstTheArea_ThenOtherProvinces_ElseUnknown()
    {
        // A hometown in a province merged into Tây Ninh on 1/7/2025 is local to the new province.
        Assert.Equal(Locality.Local, LocalCadreRule.Of("Xã Mỹ Yên, huyện Bến Lức, tỉnh Long An", null, Province));
        Assert.Equal(Locality.NotLocal, LocalCadreRule.Of("Tỉnh Bến Tre", "Tỉnh Tây Ninh", Province));
        // The birthplace stands in for a blank hometown; whole words only: "Ninh Bình" is not "Ninh".
        Assert.Equal(Locality.Local, LocalCadreRule.Of(" ", "tinh tay ninh", Province));
        Assert.Equal(Locality.NotLocal, LocalCadreRule.Of("Tỉnh Ninh Bình", null, Province));
        Assert.Equal(Locality.Unknown, LocalCadreRule.Of(null, null, Province));
        Assert.Equal(Locality.Unknown, LocalCadreRule.Of("Không rõ", null, Province));
        // A commune's post: its own name is local; the province around it alone tells nothing; another province is not local.
        Assert.Equal(Locality.Local, LocalCadreRule.Of("Xã Tân Biên, tỉnh Tây Ninh", null, Commune));
        Assert.Equal(Locality.Unknown, LocalCadreRule.Of("Tỉnh Tây Ninh", null, Commune));
        Assert.Equal(Locality.NotLocal, LocalCadreRule.Of("Tỉnh Đồng Tháp", null, Commune));
        Assert.Equal("Không là người địa phương", Locality.NotLocal.Label());
        // A district's post reads like a commune's: the district itself is local, another district of the province is not, the province alone tells nothing.
        var district = new CadreArea(["Châu Thành"], ["Tây Ninh", "Long An"], ["Bến Cầu", "Gò Dầu"]);
        Assert.Equal(Locality.Local, LocalCadreRule.Of("Xã An Cơ, huyện Châu Thành, tỉnh Tây Ninh", null, district));
        Assert.Equal(Locality.NotLocal, LocalCadreRule.Of("Huyện Bến Cầu, tỉnh Tây Ninh", null, district));
        Assert.Equal(Locality.Unknown, LocalCadreRule.Of("Tỉnh Tây Ninh", null, district));
    }

    [Fact]
    public void LocalCadreRule_ACompoundProvinceName_IsNamedByEitherPart()
    {
        // Bà Rịa - Vũng Tàu merged into Thành phố Hồ Chí Minh on 1/7/2025: a hometown written "Thành phố Vũng Tàu" is local to the
        // city's posts and from elsewhere for Tây Ninh's; a word that only begins a part ("Bà") names nothing.
        var city = new CadreArea(LocalCadreRule.ProvinceNames("Đảng bộ Thành phố Hồ Chí Minh", afterMerger: true), ["Hồ Chí Minh"]);
        Assert.Contains("Bà Rịa - Vũng Tàu", city.Own);
        Assert.Equal(Locality.Local, LocalCadreRule.Of("Phường 7, thành phố Vũng Tàu", null, city));
        Assert.Equal(Locality.Local, LocalCadreRule.Of("Thị xã Bà Rịa", null, city));
        Assert.Equal(Locality.NotLocal, LocalCadreRule.Of("Thành phố Vũng Tàu", null, Province));
        Assert.Equal(Locality.Unknown, LocalCadreRule.Of("Xã Bà Điểm", null, Province));
    }

    [Fact]
    public void LocalCadreRule_ProvinceNames_CoverTheProvincesMergedOnTheReformDay()
    {
        Assert.Equal(["Tây Ninh", "Long An"], LocalCadreRule.ProvinceNames("Đảng bộ tỉnh Tây Ninh", afterMerger: true).Order().Reverse());
        Assert.Equal(["Tây Ninh"], LocalCadreRule.ProvinceNames("Đảng bộ tỉnh Tây Ninh (trước sắp xếp)", afterMerger: false));
        Assert.Equal("Tân Biên", LocalCadreRule.PlaceName("Đảng bộ xã Tân Biên"));
        Assert.Equal("Bình Minh", LocalCadreRule.PlaceName("đảng bộ phường Bình Minh"));
        Assert.Equal("Châu Thành", LocalCadreRule.PlaceName("Đảng bộ huyện Châu Thành"));
        Assert.Null(LocalCadreRule.PlaceName("Đảng bộ Phường 1"));
    }
}
