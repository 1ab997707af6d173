using PartyOrg.Domain.Common;

namespace PartyOrg.Domain.Tests;

public class VnTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Được", "nguyen van duoc")]
    [InlineData("  ĐẶNG   Thị  Ánh  ", "dang thi anh")]
    [InlineData("Trương Ưng Ơn", "truong ung on")]
    public void Fold_RemovesDiacriticsAndCase(string input, string expected) =>
        Assert.Equal(expected, VnText.Fold(input));

    [Fact]
    public void Fold_SameForTypedWithoutDiacritics() =>
        Assert.Equal(VnText.Fold("nguyen van duoc"), VnText.Fold("Nguyễn Văn Được"));

    [Fact]
    public void GivenFirstFold_PutsGivenNameFirst() =>
        Assert.Equal("duoc nguyen van duoc", VnText.GivenFirstFold("Nguyễn Văn Được"));

    [Fact]
    public void SortKey_OrdersByGivenNameThenSurname()
    {
        string[] names = ["Trần Văn Bình", "Lê Thị An", "Nguyễn Văn An", "Phạm Văn Đức", "Đỗ Thị Dung", "Võ Văn Anh"];
        var sorted = names.OrderBy(VnText.SortKey, StringComparer.Ordinal).ToArray();
        // An (Lê before Nguyễn) < Anh < Bình < Dung < Đức: đ comes after d.
        Assert.Equal(["Lê Thị An", "Nguyễn Văn An", "Võ Văn Anh", "Trần Văn Bình", "Đỗ Thị Dung", "Phạm Văn Đức"], sorted);
    }

    [Fact]
    public void SortKey_PutsVowelVariantsInVietnameseAlphabetOrder()
    {
        // a < ă < â, o < ô < ơ, u < ư regardless of code point.
        string[] names = ["Lê Văn Ân", "Lê Văn Ăn", "Lê Văn An", "Lê Thị Ơn", "Lê Thị Ôn", "Lê Thị On", "Lê Văn Ưng", "Lê Văn Ung"];
        var sorted = names.OrderBy(VnText.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Lê Văn An", "Lê Văn Ăn", "Lê Văn Ân", "Lê Thị On", "Lê Thị Ôn", "Lê Thị Ơn", "Lê Văn Ung", "Lê Văn Ưng"], sorted);
    }

    [Fact]
    public void SortKey_ComparesTonesOnlyWhenLettersTie()
    {
        // ngang < huyền < hỏi < ngã < sắc < nặng; and "Ma" (any tone) before "Mai".
        string[] names = ["Lê Thị Mạ", "Lê Thị Mai", "Lê Thị Má", "Lê Thị Mã", "Lê Thị Mả", "Lê Thị Mà", "Lê Thị Ma"];
        var sorted = names.OrderBy(VnText.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Lê Thị Ma", "Lê Thị Mà", "Lê Thị Mả", "Lê Thị Mã", "Lê Thị Má", "Lê Thị Mạ", "Lê Thị Mai"], sorted);
    }

    [Fact]
    public void CollationKey_KeepsWordOrderForPlaceNames()
    {
        string[] names = ["Xã Đức Hòa", "Xã Dương Minh Châu", "Xã An Ninh", "Xã Ăn Khê"];
        var sorted = names.OrderBy(VnText.CollationKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Xã An Ninh", "Xã Ăn Khê", "Xã Dương Minh Châu", "Xã Đức Hòa"], sorted);
    }

    [Fact]
    public void VnFormat_UsesDotForThousandsAndCommaForDecimals()
    {
        Assert.Equal("1.642", VnFormat.Number(1642));
        Assert.Equal("105,93%", VnFormat.Percent(105.93m, PercentRounding.Default));
        Assert.Equal("111,9%", VnFormat.Percent(111.90m, PercentRounding.Default));
        Assert.Equal("12/01/2024", VnFormat.Date(new DateOnly(2024, 1, 12)));
        Assert.Equal("ngày 12 tháng 01 năm 2024", VnFormat.DocumentDate(new DateOnly(2024, 1, 12)));
    }
}
