using PartyOrg.Domain.Members;
using PartyOrg.Domain.Reference;

namespace PartyOrg.Domain.Common;

/// <summary>
/// The 12-digit citizen identity number (số định danh cá nhân / CCCD): Luật Căn cước 2023 Art. 12;
/// digit layout from Thông tư 07/2016/TT-BCA: 3 digits province of birth registration, 1 century-and-gender,
/// 2 birth-year digits, 6 random. Numbers issued before the 2025 merger keep the old 63-province codes.
/// </summary>
public static class Cccd
{
    /// <summary>The century-and-gender digit: 0/1 for 1900s male/female, 2/3 for 2000s, 4/5 for 2100s.</summary>
    public static int CenturyGenderDigit(Gender gender, int birthYear) =>
        (birthYear / 100 - 19) * 2 + (gender == Gender.Female ? 1 : 0);

    public static IEnumerable<string> Problems(string? number, Gender gender, DateOnly dateOfBirth)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            yield return "không được để trống.";
            yield break;
        }
        if (number.Length != 12 || !number.All(char.IsAsciiDigit))
        {
            yield return "phải gồm đúng 12 chữ số.";
            yield break;
        }
        if (!ReferenceLists.IsCccdProvinceCode(number[..3]))
            yield return $"mã tỉnh nơi đăng ký khai sinh \"{number[..3]}\" (3 chữ số đầu) không có trong danh mục.";
        var expected = CenturyGenderDigit(gender, dateOfBirth.Year);
        if (number[3] - '0' != expected)
            yield return $"chữ số thứ 4 là {number[3]} nhưng giới tính và thế kỷ sinh của hồ sơ ứng với {expected}.";
        var yearDigits = (dateOfBirth.Year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        if (number.Substring(4, 2) != yearDigits)
            yield return $"chữ số thứ 5–6 là {number.Substring(4, 2)} nhưng năm sinh trong hồ sơ là {dateOfBirth.Year}.";
    }
}
