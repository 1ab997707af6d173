using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Tests;

public class MemberRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // A valid record: male born 12/05/1990 in Long An (080), admitted 03/02/2015, official a year later.
    private static MemberFacts Valid() => new(
        "Nguyễn Văn Được", Gender.Male, new DateOnly(1990, 5, 12), "080090123456", "01", "Không theo tôn giáo",
        new DateOnly(2015, 2, 3), new DateOnly(2016, 2, 3));

    private static IReadOnlyList<FieldError> Errors(MemberFacts m) => MemberRules.Check(m, Today);

    [Fact]
    public void ValidRecord_HasNoErrors() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void AdmissionAgeRule_RejectsAdmissionBefore18()
    {
        var m = Valid() with { DateOfBirth = new DateOnly(1997, 6, 1), CitizenId = "080097123456" };
        var error = Assert.Single(Errors(m));
        Assert.Equal(MemberFields.AdmittedOn, error.Field);
        Assert.StartsWith("Ngày vào Đảng: người vào Đảng phải đủ 18 tuổi", error.Message);
        Assert.Contains("17 tuổi 8 tháng", error.Message);
        // 2015 facts are judged by the text in force then.
        Assert.Contains("29-QĐ/TW", error.Message);
    }

    [Fact]
    public void AdmissionAgeRule_AcceptsTheDayOf18thBirthday()
    {
        var m = Valid() with { DateOfBirth = new DateOnly(1997, 2, 3), CitizenId = "080097123456", OfficialOn = null };
        Assert.Empty(Errors(m));
    }

    [Fact]
    public void AdmissionAgeRule_CitesTheTextInForceOnTheAdmissionDate()
    {
        Assert.Equal("24-QĐ/TW", AdmissionAgeRule.Sources.On(new DateOnly(2023, 6, 1)).Number);
        Assert.Equal("232-QĐ/TW", AdmissionAgeRule.Sources.On(new DateOnly(2025, 3, 1)).Number);
        Assert.Equal("294-QĐ/TW", AdmissionAgeRule.Sources.On(new DateOnly(2025, 7, 1)).Number);
    }

    [Fact]
    public void AdmissionAgeRule_CountsFullMonths()
    {
        Assert.Equal(214, AdmissionAgeRule.AgeInFullMonths(new DateOnly(2000, 1, 31), new DateOnly(2017, 12, 30)));
        Assert.Equal(216, AdmissionAgeRule.AgeInFullMonths(new DateOnly(2000, 1, 31), new DateOnly(2018, 1, 31)));
        Assert.Equal(1, AdmissionAgeRule.AgeInFullMonths(new DateOnly(2001, 1, 31), new DateOnly(2001, 2, 28)));
    }

    [Fact]
    public void ProbationPeriodRule_RejectsOfficialDateWithin12Months()
    {
        var m = Valid() with { OfficialOn = new DateOnly(2016, 2, 2) };
        var error = Assert.Single(Errors(m));
        Assert.Equal(MemberFields.OfficialOn, error.Field);
        Assert.Contains("03/02/2016", error.Message);
    }

    [Fact]
    public void ProbationPeriodRule_AcceptsExactly12Months() =>
        Assert.Empty(ProbationPeriodRule.Check(Valid() with { OfficialOn = new DateOnly(2016, 2, 3) }));

    [Fact]
    public void DateOrderRule_RejectsOfficialBeforeAdmissionAndAdmissionBeforeBirth()
    {
        var errors = DateOrderRule.Check(Valid() with { OfficialOn = new DateOnly(2014, 1, 1) }).ToList();
        Assert.Equal(MemberFields.OfficialOn, Assert.Single(errors).Field);
        var beforeBirth = DateOrderRule.Check(Valid() with { AdmittedOn = new DateOnly(1989, 1, 1), OfficialOn = null }).ToList();
        Assert.Equal(MemberFields.AdmittedOn, Assert.Single(beforeBirth).Field);
    }

    [Fact]
    public void DatesNotInFutureRule_RejectsFutureDates()
    {
        var errors = DatesNotInFutureRule.Check(Valid() with { AdmittedOn = Today.AddDays(1), OfficialOn = Today.AddDays(400) }, Today).ToList();
        Assert.Equal([MemberFields.AdmittedOn, MemberFields.OfficialOn], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains("không được sau ngày hôm nay", e.Message));
    }

    [Theory]
    [InlineData("08009012345", "phải gồm đúng 12 chữ số")]
    [InlineData("08009012345A", "phải gồm đúng 12 chữ số")]
    [InlineData("", "không được để trống")]
    [InlineData("099090123456", "mã tỉnh nơi đăng ký khai sinh \"099\"")]
    [InlineData("080190123456", "chữ số thứ 4 là 1")]
    [InlineData("080091123456", "chữ số thứ 5–6 là 91")]
    public void CitizenIdRule_RejectsNumbersThatDisagreeWithTheRecord(string cccd, string reason)
    {
        var error = Assert.Single(CitizenIdRule.Check(Valid() with { CitizenId = cccd }));
        Assert.Equal(MemberFields.CitizenId, error.Field);
        Assert.StartsWith("Số CCCD: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData(Gender.Male, 1965, 0)]
    [InlineData(Gender.Female, 1965, 1)]
    [InlineData(Gender.Male, 2003, 2)]
    [InlineData(Gender.Female, 2003, 3)]
    public void CitizenIdRule_CenturyAndGenderDigit(Gender gender, int year, int digit) =>
        Assert.Equal(digit, Cccd.CenturyGenderDigit(gender, year));

    [Fact]
    public void CitizenIdRule_AcceptsFemaleBornIn2000s()
    {
        var m = Valid() with { Gender = Gender.Female, DateOfBirth = new DateOnly(2004, 3, 9), CitizenId = "072304000001",
            AdmittedOn = new DateOnly(2023, 5, 19), OfficialOn = new DateOnly(2024, 5, 19) };
        Assert.Empty(Errors(m));
    }

    [Fact]
    public void RequiredFieldsRule_RejectsUnknownEthnicGroupReligionAndBareName()
    {
        var errors = RequiredFieldsRule.Check(Valid() with { FullName = "Được", EthnicGroupCode = "55", Religion = "Đạo X" }).ToList();
        Assert.Equal([MemberFields.FullName, MemberFields.EthnicGroup, MemberFields.Religion], errors.Select(e => e.Field));
    }
}
