using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Rating;

namespace PartyOrg.Domain.Tests;

public class RatingRuleTests
{
    private static readonly RatingFacts ExcellentTasks = new(AllTasksOnTime: true, TasksExceededPercent: 30m);

    [Theory]
    [InlineData(2018, typeof(Rating2018Rule))]
    [InlineData(2022, typeof(Rating2018Rule))]
    [InlineData(2023, typeof(Rating2023Rule))]
    [InlineData(2024, typeof(Rating2023Rule))]
    [InlineData(2025, typeof(Rating2025Rule))]
    [InlineData(2030, typeof(Rating2025Rule))]
    public void RatingRules_ChosenByTheYearRated(int year, Type rule) => Assert.IsType(rule, RatingRules.ForYear(year));

    [Theory]
    [InlineData(100, RatingLevel.Excellent)]
    [InlineData(90, RatingLevel.Excellent)]
    [InlineData(89, RatingLevel.Good)]
    [InlineData(70, RatingLevel.Good)]
    [InlineData(69, RatingLevel.Completed)]
    [InlineData(50, RatingLevel.Completed)]
    [InlineData(49, RatingLevel.NotCompleted)]
    [InlineData(0, RatingLevel.NotCompleted)]
    public void Rating2025Rule_PointsGiveTheLevel(int points, RatingLevel level) =>
        Assert.Equal(level, Rating2025Rule.LevelFor(RatingSubject.MemberWithoutPost, points, ExcellentTasks));

    [Fact]
    public void Rating2025Rule_ExcellentNeedsEveryTaskOnTimeAndThirtyPercentExceeded()
    {
        Assert.Equal(RatingLevel.Good, Rating2025Rule.LevelFor(RatingSubject.Leader, 95, new(AllTasksOnTime: true, TasksExceededPercent: 29.9m)));
        Assert.Equal(RatingLevel.Good, Rating2025Rule.LevelFor(RatingSubject.Leader, 95, new(AllTasksOnTime: false, TasksExceededPercent: 50m)));
        Assert.Equal(RatingLevel.Good, Rating2025Rule.LevelFor(RatingSubject.Leader, 95, new()));
        var rule = new Rating2025Rule();
        Assert.Empty(rule.Check(RatingSubject.Leader, RatingLevel.Excellent, 95, ExcellentTasks, "decidedLevel", "points"));
        Assert.Equal("decidedLevel", Assert.Single(rule.Check(RatingSubject.Leader, RatingLevel.Excellent, 95, new(), "decidedLevel", "points")).Field);
        Assert.Empty(rule.Check(RatingSubject.Leader, RatingLevel.Good, 95, new(), "decidedLevel", "points"));
    }

    [Fact]
    public void Rating2025Rule_CollectiveExcellentNeedsNoDisciplinedSubUnitOrLeader()
    {
        var clean = ExcellentTasks with { SubUnitOrLeaderDisciplined = false };
        Assert.Equal(RatingLevel.Excellent, Rating2025Rule.LevelFor(RatingSubject.Collective, 92, clean));
        Assert.Equal(RatingLevel.Good, Rating2025Rule.LevelFor(RatingSubject.Collective, 92, clean with { SubUnitOrLeaderDisciplined = true }));
        // Not entered is not taken as met.
        Assert.Equal(RatingLevel.Good, Rating2025Rule.LevelFor(RatingSubject.Collective, 92, ExcellentTasks));
        // An individual needs no such condition.
        Assert.Equal(RatingLevel.Excellent, Rating2025Rule.LevelFor(RatingSubject.MemberWithoutPost, 92, ExcellentTasks));
    }

    [Fact]
    public void Rating2025Rule_CollectiveCompletedAllowsAtMostTwentyPercentLate()
    {
        Assert.Equal(RatingLevel.Completed, Rating2025Rule.LevelFor(RatingSubject.Collective, 60, new(TasksLatePercent: 20m)));
        Assert.Equal(RatingLevel.NotCompleted, Rating2025Rule.LevelFor(RatingSubject.Collective, 60, new(TasksLatePercent: 20.5m)));
        Assert.Equal(RatingLevel.Completed, Rating2025Rule.LevelFor(RatingSubject.MemberOutsidePoliticalSystem, 60, new(TasksLatePercent: 50m)));
        var errors = new Rating2025Rule().Check(RatingSubject.Collective, RatingLevel.Completed, 60, new(TasksLatePercent: 25m), "decidedLevel", "points");
        Assert.Contains("20%", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData(RatingLevel.Good, 75, true)]
    [InlineData(RatingLevel.Good, 69, false)]
    [InlineData(RatingLevel.Completed, 75, false)]
    [InlineData(RatingLevel.NotCompleted, 49, true)]
    [InlineData(RatingLevel.NotCompleted, 50, false)]
    public void Rating2025Rule_PointsAndLevelMustAgree(RatingLevel level, int points, bool agree)
    {
        var errors = new Rating2025Rule().Check(RatingSubject.MemberWithoutPost, level, points, new(), "selfLevel", "selfPoints");
        Assert.Equal(agree, errors.Count == 0);
        if (!agree) Assert.Contains($"{points} điểm", errors[0].Message);
    }

    [Fact]
    public void Rating2025Rule_PointsRequiredAndBounded()
    {
        var rule = new Rating2025Rule();
        Assert.Equal("points", Assert.Single(rule.Check(RatingSubject.Leader, RatingLevel.Good, null, new(), "decidedLevel", "points")).Field);
        Assert.Contains("0 đến 100", Assert.Single(rule.Check(RatingSubject.Leader, RatingLevel.Good, 101, new(), "decidedLevel", "points")).Message);
        Assert.Single(rule.Check(RatingSubject.Leader, RatingLevel.NotCompleted, -1, new(), "decidedLevel", "points"));
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Rating2023Rule_LevelsEnteredDirectlyWithoutPoints(int year)
    {
        var rule = RatingRules.ForYear(year);
        Assert.False(rule.UsesPoints);
        Assert.Contains("124-QĐ/TW", rule.Source);
        foreach (var level in RatingLevels.All)
            Assert.Empty(rule.Check(RatingSubject.MemberWithoutPost, level, null, new(), "decidedLevel", "points"));
        var error = Assert.Single(rule.Check(RatingSubject.MemberWithoutPost, RatingLevel.Good, 80, new(), "decidedLevel", "points"));
        Assert.Equal("points", error.Field);
        Assert.Contains("từ năm 2025", error.Message);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    public void Rating2018Rule_LevelsEnteredDirectlyWithoutPoints(int year)
    {
        var rule = RatingRules.ForYear(year);
        Assert.IsType<Rating2018Rule>(rule);
        Assert.Contains("132-QĐ/TW", rule.Source);
        Assert.Empty(rule.Check(RatingSubject.Collective, RatingLevel.Excellent, null, new(), "decidedLevel", "points"));
        Assert.Single(rule.Check(RatingSubject.Collective, RatingLevel.Excellent, 95, new(), "decidedLevel", "points"));
    }

    [Fact]
    public void RatingFrame_DefaultIsThirtyPlusSeventyForEverySubject()
    {
        foreach (var subject in Enum.GetValues<RatingSubject>())
        {
            var frame = RatingFrame.Default(subject);
            Assert.Equal(100, frame.MaxPoints);
            Assert.Equal([30, 70], frame.Groups.Select(g => g.MaxPoints));
        }
        var f = RatingFrame.Default(RatingSubject.Collective);
        Assert.Equal(85, f.Total([25, 60]).Total);
        Assert.Contains("Tiêu chí chung", f.Total([31, 60]).Error);
        Assert.NotNull(f.Total([30]).Error);
    }

    [Theory]
    [InlineData(2, 10, true)]
    [InlineData(3, 10, false)]
    [InlineData(0, 0, true)]
    [InlineData(1, 5, true)]
    [InlineData(1, 4, false)]
    public void ExcellentCapRule_AtMostTwentyPercentOfGoodOrAbove(int excellent, int goodOrAbove, bool within) =>
        Assert.Equal(within, ExcellentCapRule.Within(excellent, goodOrAbove, RatingSettings.Default));

    [Fact]
    public void ExcellentCapRule_IsASettingNamedInTheRefusal()
    {
        Assert.True(ExcellentCapRule.Within(3, 10, new RatingSettings(ExcellentCapPercent: 30m)));
        var truncate = new PercentRounding(PercentRoundingMode.Truncate);
        var text = ExcellentCapRule.Refusal(2, 3, RatingSettings.Default, truncate);
        Assert.Contains(ExcellentCapRule.SettingName, text);
        Assert.Contains("66,66%", text);
        Assert.Contains("66,67%", ExcellentCapRule.Refusal(2, 3, RatingSettings.Default, PercentRounding.Default));
    }

    [Fact]
    public void DisciplineInYearRule_DisciplinedMemberNotGoodOrAbove()
    {
        DisciplinePeriod[] periods = [new("Khiển trách", new DateOnly(2025, 6, 10), new DateOnly(2026, 6, 10))];
        var on = RatingSettings.Default;
        Assert.False(DisciplineInYearRule.Allows(RatingLevel.Good, 2025, periods, on));
        Assert.False(DisciplineInYearRule.Allows(RatingLevel.Excellent, 2025, periods, on));
        Assert.True(DisciplineInYearRule.Allows(RatingLevel.Completed, 2025, periods, on));
        // Disciplined in 2025: the 2026 rating is not limited by this rule even while the measure is in force.
        Assert.True(DisciplineInYearRule.Allows(RatingLevel.Good, 2026, periods, on));
        Assert.True(DisciplineInYearRule.Allows(RatingLevel.Good, 2024, periods, on));
        Assert.True(DisciplineInYearRule.Allows(RatingLevel.Good, 2025, periods, on with { DisciplinedNotGoodOrAbove = false }));
        Assert.True(DisciplineInYearRule.Allows(RatingLevel.Good, 2025, [], on));
        var refusal = DisciplineInYearRule.Refusal(DisciplineInYearRule.DisciplinedIn(2025, periods)!);
        Assert.Contains(DisciplineInYearRule.SettingName, refusal);
        Assert.Contains("10/06/2025", refusal);
    }

    [Fact]
    public void RatingLevels_VietnameseLabels()
    {
        Assert.Equal("Hoàn thành xuất sắc nhiệm vụ", RatingLevel.Excellent.Label());
        Assert.Equal("Hoàn thành tốt nhiệm vụ", RatingLevel.Good.Label());
        Assert.Equal("Hoàn thành nhiệm vụ", RatingLevel.Completed.Label());
        Assert.Equal("Không hoàn thành nhiệm vụ", RatingLevel.NotCompleted.Label());
    }
}
