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
