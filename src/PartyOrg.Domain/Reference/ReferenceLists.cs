namespace PartyOrg.Domain.Reference;

public sealed record Province(string Code, string CccdCode, string Name, string ShortName, string MergedIntoCode);

public sealed record EthnicGroup(string Code, string Name);

public sealed record Commune(string ProvinceCode, string Code, string Name, string ShortName, string Type, IReadOnlyList<string> FormedFrom);

/// <summary>The official lists in Reference/*.csv (sources in the shared SOURCES.md).</summary>
public static class ReferenceLists
{
    private static readonly Lazy<IReadOnlyList<Province>> provinces63 = new(() =>
        Csv.ReadResource("provinces-2008")
            .Select(r => new Province(r["code"], r["cccd_code"], r["name"], r["short_name"], r["merged_into_code_2025"]))
            .ToList());

    private static readonly Lazy<IReadOnlyList<EthnicGroup>> ethnicGroups = new(() =>
        Csv.ReadResource("ethnic-groups")
            // Codes 01–54 are QĐ 121-TCTK/PPCĐ (1979); 55/56 come from an unverified third-party list and are left out.
            .Where(r => int.Parse(r["code"], System.Globalization.CultureInfo.InvariantCulture) <= 54)
            .Select(r => new EthnicGroup(r["code"], r["name"]))
            .ToList());

    private static readonly Lazy<IReadOnlyList<string>> religions = new(() =>
        Csv.ReadResource("religions").Select(r => r["name"]).ToList());

    private static readonly Lazy<IReadOnlyList<Commune>> communes = new(() =>
        Csv.ReadResource("communes-sample")
            .Select(r => new Commune(r["province_code"], r["code"], r["name"], r["short_name"], r["type"],
                r["formed_from"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList());

    /// <summary>The 63 provinces before 1/7/2025 with their citizen-identity codes (Thông tư 07/2016/TT-BCA).</summary>
    public static IReadOnlyList<Province> Provinces63 => provinces63.Value;

    /// <summary>The 54 ethnic groups (QĐ 121-TCTK/PPCĐ codes).</summary>
    public static IReadOnlyList<EthnicGroup> EthnicGroups => ethnicGroups.Value;

    /// <summary>The 16 recognised religions and "Không theo tôn giáo".</summary>
    public static IReadOnlyList<string> Religions => religions.Value;

    /// <summary>Commune-level units since 1/7/2025 of Tây Ninh, Vĩnh Long, Thanh Hóa and Hưng Yên.</summary>
    public static IReadOnlyList<Commune> Communes => communes.Value;

    public static bool IsCccdProvinceCode(string code) => Provinces63.Any(p => p.CccdCode == code);

    public static EthnicGroup? EthnicGroup(string? code) => EthnicGroups.FirstOrDefault(e => e.Code == code);
}
