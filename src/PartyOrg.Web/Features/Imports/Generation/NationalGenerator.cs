using System.Globalization;
using System.Text;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;
using PartyOrg.Web.Demo;

namespace PartyOrg.Web.Features.Imports.Generation;

/// <summary>
/// What to generate: the number of members (of the whole country, or of the one province when <paramref name="Province"/> is
/// given), the first N provinces of the 2025 list, the seed, the date the data is as of, and optionally one province.
/// </summary>
public sealed record GeneratorOptions(long Members, int Provinces = 34, int Seed = 1, DateOnly AsOf = default, string? Province = null);

/// <summary>One province of the 2025 list, with its former provinces (the 63 of 2008) and its commune-level counts.</summary>
public sealed record Province2025(int Index, string Code, string Name, string ShortName, bool Merged, IReadOnlyList<Province> Former,
    int Wards, int Communes, int SpecialZones, int Total);

/// <summary>
/// A deterministic national dataset in the import formats: organizations (the tree since 01/7/2025 and the ended tree
/// before it, linked by successor codes) and members. Rows are produced as a stream, province after province and commune
/// after commune; what is held at a time is one province's plan (its communes and former communes), never the members.
/// Every random draw comes from a generator seeded by (seed, province, commune, purpose), so a province's rows are the same
/// whether it is generated alone (<c>--province</c>, with the member count it has in the national run) or with the whole
/// country, and the same arguments give the same rows.
/// </summary>
public sealed class NationalGenerator
{
    /// <summary>The reform day: the former tree ends and the new one is founded (QĐ 294-QĐ/TW; NQ 202/2025/QH15).</summary>
    public static readonly DateOnly ReformDay = OrganizationLife.Reform2025;

    /// <summary>Share of a province's members in the province-level blocks (agencies, armed forces): a setting, not a published figure.</summary>
    public const double BlockShare = 0.08;
    /// <summary>Average members per residential cell: a setting (REGULATIONS.md gives no figure).</summary>
    public const int MembersPerResidentialCell = 32;
    /// <summary>Former communes per district (10.035 communes in 696 districts before 2025 ≈ 14): a setting.</summary>
    public const int FormerCommunesPerDistrict = 14;
    /// <summary>Share of members born (birth registered) outside the former provinces of their present province: a setting.</summary>
    public const double BornElsewhereShare = 0.08;

    /// <summary>Card numbers of one province: 34 blocks fill the 8 digits; also the most members one province may have.</summary>
    public const int CardsPerProvince = 2_900_000;

    private readonly GeneratorOptions options;
    private readonly IReadOnlyList<Province2025> provinces;
    private readonly long[] membersPerProvince;

    public NationalGenerator(GeneratorOptions options)
    {
        if (options.Members < 0) throw new ArgumentOutOfRangeException(nameof(options), "Số đảng viên không được âm.");
        var all = Provinces2025();
        if (options.Provinces < 1 || options.Provinces > all.Count)
            throw new ArgumentOutOfRangeException(nameof(options), $"Số tỉnh, thành phố phải từ 1 đến {all.Count}.");
        this.options = options.AsOf == default ? options with { AsOf = DateOnly.FromDateTime(DateTime.UtcNow) } : options;
        provinces = all.Take(options.Provinces).ToList();
        if (options.Province is { } code && provinces.All(p => p.Code != code))
            throw new ArgumentException($"Mã tỉnh \"{code}\" không có trong {provinces.Count} tỉnh, thành phố được sinh (mã theo danh mục 2025, ví dụ 80).", nameof(options));
        // Members per province in proportion to its commune-level units (largest remainder: they sum exactly to --members).
        membersPerProvince = Allocate(options.Members, provinces.Select(p => (double)p.Total).ToArray());
        // One province alone: --members is that province's count ("one province of 600.000 members"). Its rows depend only on
        // its own count, so with the count it has in a national run they are exactly its part of that run.
        if (options.Province is { } only) membersPerProvince[provinces.Single(p => p.Code == only).Index] = options.Members;
        if (Selected.Max(p => membersPerProvince[p.Index]) > CardsPerProvince)
            throw new ArgumentException($"--members: một tỉnh được quá {VnFormat.Number(CardsPerProvince)} đảng viên, vượt số số thẻ đảng viên 8 chữ số dành cho tỉnh; hãy giảm --members.", nameof(options));
    }

    public DateOnly AsOf => options.AsOf;

    /// <summary>The provinces generated: all of the first N, or the one chosen.</summary>
    public IEnumerable<Province2025> Selected => provinces.Where(p => options.Province is null || p.Code == options.Province);

    public long MembersOf(Province2025 p) => membersPerProvince[p.Index];

    /// <summary>The 34 provinces since 01/7/2025 (provinces-2025.csv), in the list's order.</summary>
    public static IReadOnlyList<Province2025> Provinces2025()
    {
        using var stream = typeof(Csv).Assembly.GetManifestResourceStream("PartyOrg.Reference.provinces-2025.csv")
            ?? throw new InvalidOperationException("Missing reference list provinces-2025.csv");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Csv.Parse(reader.ReadToEnd());
        var header = rows[0];
        int Col(string name) => header.IndexOf(name);
        var former = ReferenceLists.Provinces63.ToDictionary(p => p.Code);
        return rows.Skip(1).Where(r => r.Count >= header.Count).Select((r, i) => new Province2025(i, r[Col("code")], r[Col("name")], r[Col("short_name")],
                r[Col("status")] != "không sắp xếp",
                r[Col("former_province_codes")].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => former[c]).OrderBy(p => p.Code, StringComparer.Ordinal).ToList(),
                Int(r[Col("wards")]), Int(r[Col("communes")]), Int(r[Col("special_zones")]), Int(r[Col("total_commune_level")])))
            .ToList();
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- plans

    private sealed record District(string Code, string Name, int FormerIndex);

    private sealed record FormerCommune(string Code, string Name, OrganizationField Field, District District, int OwnerIndex);

    private sealed record CommunePlan(int Index, string Code, string Name, string ShortName, string Kind, OrganizationField Field,
        int FormerIndex, List<FormerCommune> Formers, long Members);

    /// <summary>What is held of a province while its rows are written: its communes, their former communes, the districts.</summary>
    private sealed class ProvincePlan
    {
        public required Province2025 Province { get; init; }
        public required List<CommunePlan> Communes { get; init; }
        public required List<District> Districts { get; init; }
        public required long BlockMembers { get; init; }
        /// <summary>The next number of a former cell under each former organization (cells numbered in the order they are planned).</summary>
        public Dictionary<string, int> FormerCellNumbers { get; } = new(StringComparer.Ordinal);
    }

    private ProvincePlan Plan(Province2025 p)
    {
        var rng = Rng("plan", p.Code);
        var total = membersPerProvince[p.Index];
        var blockMembers = (long)Math.Floor(total * BlockShare);

        // Commune-level units: the real ones of the reference list, then generated ones up to the province's counts.
        var units = ReferenceLists.Communes.Where(c => c.ProvinceCode == p.Code).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (Code: c.Code, Name: c.Name, Short: c.ShortName, Kind: c.Type, FormedFrom: c.FormedFrom)).Take(p.Total).ToList();
        foreach (var (kind, count) in new[] { ("Phường", p.Wards), ("Xã", p.Communes), ("Đặc khu", p.SpecialZones) })
        {
            var have = units.Count(u => u.Kind == kind);
            for (var n = 1; have < count && units.Count < p.Total; n++, have++)
            {
                var shortName = $"{p.ShortName} {n}";
                units.Add(((90000 + units.Count + 1).ToString(CultureInfo.InvariantCulture), $"{kind} {shortName}", shortName, kind, []));
            }
        }

        var weights = units.Select(u => (0.6 + 0.8 * rng.NextDouble()) * (u.Kind == "Phường" ? 1.3 : 1.0)).ToArray();
        var communeMembers = Allocate(total - blockMembers, weights);
        var districts = new List<District>();
        var formerCounts = new int[p.Former.Count];
        var formerByName = new Dictionary<string, FormerCommune>(StringComparer.Ordinal);
        var generatedNumbers = new int[p.Former.Count];
        var communes = new List<CommunePlan>();
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            // Units are numbered by the former province they came from (the national codes follow the old provinces' order):
            // contiguous equal blocks of the sorted list go to the former provinces in code order.
            var formerIndex = (int)((long)i * p.Former.Count / units.Count);
            var formerProvince = p.Former[formerIndex];
            var formers = new List<FormerCommune>();
            FormerCommune NewFormer(string kind, string rest)
            {
                var number = formerCounts[formerIndex]++;
                var d = number / FormerCommunesPerDistrict;
                if (number % FormerCommunesPerDistrict == 0)
                    districts.Add(new($"{formerProvince.CccdCode}.{d + 1:00}", $"Đảng bộ huyện số {d + 1} ({LowerFirst(formerProvince.Name)})", formerIndex));
                var district = districts.Last(x => x.FormerIndex == formerIndex);
                return new($"{district.Code}.{number % FormerCommunesPerDistrict + 1:00}", $"Đảng bộ {LowerFirst(kind)} {rest}", FieldOf(kind), district, i);
            }
            foreach (var part in u.FormedFrom)
            {
                var (kind, rest) = SplitUnitName(part);
                if (kind is null) continue;
                var key = kind + " " + rest;
                if (!formerByName.TryGetValue(key, out var f)) formerByName[key] = f = NewFormer(kind, rest);
                if (!formers.Contains(f)) formers.Add(f);
            }
            if (formers.Count == 0)
            {
                // Generated (or "kept as is") units: two to four former communes, 10.035 → 3.321 nationally is about three.
                var k = u.FormedFrom.Count > 0 ? 1 : 2 + rng.Next(3);
                for (var j = 0; j < k; j++)
                {
                    var kind = u.Kind switch { "Phường" => "Phường", _ => rng.Next(8) == 0 ? "Thị trấn" : "Xã" };
                    formers.Add(u.FormedFrom.Count > 0 ? NewFormer(u.Kind == "Đặc khu" ? "Xã" : u.Kind, u.Short + " (trước sắp xếp)")
                        : NewFormer(kind, $"{formerProvince.ShortName} {++generatedNumbers[formerIndex]}"));
                }
            }
            communes.Add(new(i, $"{p.Code}.{u.Code}", u.Name, u.Short, u.Kind, FieldOf(u.Kind), formerIndex, formers, communeMembers[i]));
        }
        return new ProvincePlan { Province = p, Communes = communes, Districts = districts, BlockMembers = blockMembers };
    }

    /// <summary>A cell of the new tree (or a base committee above cells) with the ended cell that its members continue from.</summary>
    private sealed record CellPlan(string Code, string Name, OrganizationType Type, OrganizationField Field, string ParentCode,
        string? FormerCode, string FormerName, OrganizationType FormerType, string FormerParentCode, long Members, string[] Professions);

    private static readonly string[] ResidentialJobs = ["Nông dân", "Công nhân", "Kinh doanh", "Buôn bán nhỏ", "Lao động tự do", "Cán bộ thôn, khu phố", "Giáo viên", "Nhân viên văn phòng"];
    private static readonly string[] AgencyJobs = ["Công chức", "Công chức", "Viên chức"];
    private static readonly string[] SchoolJobs = ["Giáo viên", "Giáo viên", "Viên chức"];
    private static readonly string[] HealthJobs = ["Bác sĩ", "Y sĩ", "Điều dưỡng", "Viên chức"];
    private static readonly string[] ArmyJobs = ["Quân nhân"];
    private static readonly string[] PoliceJobs = ["Công an nhân dân"];

    /// <summary>The cells of a commune: residential cells by its members, the commune's agencies, a school committee in some.</summary>
    private List<CellPlan> Cells(ProvincePlan plan, CommunePlan c)
    {
        var rng = Rng("cells", plan.Province.Code, c.Code);
        var north = int.Parse(plan.Province.Former[c.FormerIndex].Code, CultureInfo.InvariantCulture) < 70;
        var hamlet = c.Field == OrganizationField.Ward ? (north ? "tổ dân phố" : "khu phố") : (north ? "thôn" : "ấp");
        var unit = LowerFirst(c.Kind) + " " + c.ShortName;
        var residential = Math.Max(2, (int)Math.Round(c.Members * 0.75 / MembersPerResidentialCell));
        var specs = new List<(string Suffix, string Name, OrganizationType Type, OrganizationField Field, string? Parent, double Weight, string[] Jobs)>();
        for (var n = 1; n <= residential; n++)
            specs.Add(($"{n:00}", $"Chi bộ {hamlet} {n}", OrganizationType.BaseCell, OrganizationField.Residential, null, 0.6 + 0.8 * rng.NextDouble(), ResidentialJobs));
        // The rest of the commune's members (a quarter) in its agencies' cells.
        var agencyWeight = residential / 3.0;
        specs.Add(("CQ", $"Chi bộ Cơ quan Đảng, Mặt trận và các đoàn thể {unit}", OrganizationType.BaseCell, OrganizationField.Agency, null, agencyWeight * 0.2, AgencyJobs));
        specs.Add(("UB", $"Chi bộ Ủy ban nhân dân {unit}", OrganizationType.BaseCell, OrganizationField.Agency, null, agencyWeight * 0.2, AgencyJobs));
        specs.Add(("CA", $"Chi bộ Công an {unit}", OrganizationType.BaseCell, OrganizationField.ArmedForces, null, agencyWeight * 0.12, PoliceJobs));
        specs.Add(("QS", $"Chi bộ Quân sự {unit}", OrganizationType.BaseCell, OrganizationField.ArmedForces, null, agencyWeight * 0.08, ArmyJobs));
        specs.Add(("TH", $"Chi bộ Trường Tiểu học {c.ShortName}", OrganizationType.BaseCell, OrganizationField.PublicService, null, agencyWeight * 0.1, SchoolJobs));
        specs.Add(("YT", $"Chi bộ Trạm Y tế {unit}", OrganizationType.BaseCell, OrganizationField.PublicService, null, agencyWeight * 0.1, HealthJobs));
        if (rng.NextDouble() < 0.35)
        {
            specs.Add(("THPT", $"Đảng bộ Trường Trung học phổ thông {c.ShortName}", OrganizationType.BaseCommittee, OrganizationField.PublicService, null, 0, SchoolJobs));
            foreach (var (s, n) in new[] { ("01", "Chi bộ Tổ Tự nhiên"), ("02", "Chi bộ Tổ Xã hội"), ("03", "Chi bộ Văn phòng") })
                specs.Add(($"THPT.{s}", n, OrganizationType.DependentCell, OrganizationField.PublicService, "THPT", agencyWeight * 0.2 / 3, SchoolJobs));
        }
        var counts = Allocate(c.Members, specs.Select(s => s.Weight).ToArray());
        var cells = new List<CellPlan>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            var code = $"{c.Code}.{s.Suffix}";
            var parent = s.Parent is null ? c.Code : $"{c.Code}.{s.Parent}";
            if (!s.Type.IsCell())
            {
                cells.Add(new(code, s.Name, s.Type, s.Field, parent, null, "", s.Type, "", 0, s.Jobs));
                continue;
            }
            // The ended cell the members continue from: under one of the former communes, in turn.
            var former = c.Formers[i % c.Formers.Count];
            var formerName = s.Parent is null ? s.Name : $"{s.Name} ({specs.First(x => x.Suffix == s.Parent).Name["Đảng bộ ".Length..]})";
            cells.Add(new(code, s.Name, s.Type, s.Field, parent, FormerCellCode(plan, former.Code), formerName, OrganizationType.DependentCell, former.Code, counts[i], s.Jobs));
        }
        return cells;
    }

    private static string FormerCellCode(ProvincePlan plan, string parentCode)
    {
        var n = plan.FormerCellNumbers.GetValueOrDefault(parentCode) + 1;
        plan.FormerCellNumbers[parentCode] = n;
        return $"{parentCode}.{n:00}";
    }

    private static readonly (string Suffix, string Name, OrganizationField Field, string FormerSuffix)[] Blocks =
    [
        ("CQD", "Đảng bộ các cơ quan Đảng", OrganizationField.Agency, "CQ"),
        ("UB", "Đảng bộ Ủy ban nhân dân", OrganizationField.Agency, "CQ"),
        ("QS", "Đảng bộ Quân sự", OrganizationField.ArmedForces, "QS"),
        ("CA", "Đảng bộ Công an", OrganizationField.ArmedForces, "CA"),
    ];

    private static readonly (string Suffix, string Name, OrganizationField Field, string Former)[] FormerBlocks =
    [
        ("CQ", "Đảng bộ Khối Cơ quan", OrganizationField.Agency, "CQD"),
        ("QS", "Đảng bộ Quân sự", OrganizationField.ArmedForces, "QS"),
        ("CA", "Đảng bộ Công an", OrganizationField.ArmedForces, "CA"),
    ];

    /// <summary>The province-level blocks' base committees and cells (directly under the provincial committee).</summary>
    private List<CellPlan> BlockCells(ProvincePlan plan)
    {
        var p = plan.Province;
        var rng = Rng("blocks", p.Code);
        var city = p.Name.StartsWith("Thành phố", StringComparison.Ordinal);
        var level = city ? "thành phố" : "tỉnh";
        var committee = city ? "Thành ủy" : "Tỉnh ủy";
        var committees = new (string Block, string Suffix, string Name, string CellName, string[] Jobs)[]
        {
            ("UB", "GD", "Đảng bộ Sở Giáo dục và Đào tạo", "Chi bộ Phòng", SchoolJobs),
            ("UB", "YT", "Đảng bộ Sở Y tế", "Chi bộ Phòng", HealthJobs),
            ("UB", "TC", "Đảng bộ Sở Tài chính", "Chi bộ Phòng", AgencyJobs),
            ("UB", "NN", "Đảng bộ Sở Nông nghiệp và Môi trường", "Chi bộ Phòng", AgencyJobs),
            ("QS", "CQ", $"Đảng bộ Cơ quan Bộ Chỉ huy Quân sự {level}", "Chi bộ Ban", ArmyJobs),
            ("CA", "CS", "Đảng bộ Phòng Cảnh sát giao thông", "Chi bộ Đội", PoliceJobs),
            ("CA", "HS", "Đảng bộ Phòng Cảnh sát hình sự", "Chi bộ Đội", PoliceJobs),
        };
        var baseCells = new (string Block, string Suffix, string Name)[]
        {
            ("CQD", "TC", $"Chi bộ Ban Tổ chức {committee}"), ("CQD", "KT", $"Chi bộ Ủy ban Kiểm tra {committee}"),
            ("CQD", "VP", $"Chi bộ Văn phòng {committee}"), ("CQD", "TG", $"Chi bộ Ban Tuyên giáo và Dân vận {committee}"),
            ("UB", "TP", "Chi bộ Sở Tư pháp"), ("UB", "VP", "Chi bộ Văn phòng Ủy ban nhân dân"),
        };
        var perCommittee = Math.Max(2, (int)Math.Round(plan.BlockMembers / 30.0 / committees.Length));
        var specs = new List<(string Code, string Name, OrganizationType Type, OrganizationField Field, string Parent, double Weight, string[] Jobs, string Block)>();
        foreach (var (block, suffix, name) in baseCells)
            specs.Add(($"{p.Code}.{block}.{suffix}", name, OrganizationType.BaseCell, Blocks.First(b => b.Suffix == block).Field, $"{p.Code}.{block}", 1, AgencyJobs, block));
        foreach (var (block, suffix, name, cellName, jobs) in committees)
        {
            var code = $"{p.Code}.{block}.{suffix}";
            var field = Blocks.First(b => b.Suffix == block).Field;
            specs.Add((code, name, OrganizationType.BaseCommittee, field, $"{p.Code}.{block}", 0, jobs, block));
            for (var n = 1; n <= perCommittee; n++)
                specs.Add(($"{code}.{n:00}", $"{cellName} {n}", OrganizationType.DependentCell, field, code, 0.6 + 0.8 * rng.NextDouble(), jobs, block));
        }
        var counts = Allocate(plan.BlockMembers, specs.Select(s => s.Weight).ToArray());
        var cells = new List<CellPlan>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            if (!s.Type.IsCell())
            {
                cells.Add(new(s.Code, s.Name, s.Type, s.Field, s.Parent, null, "", s.Type, "", 0, s.Jobs));
                continue;
            }
            var formerProvince = p.Former[i % p.Former.Count];
            var formerBlock = $"{formerProvince.CccdCode}.{Blocks.First(b => b.Suffix == s.Block).FormerSuffix}";
            var formerName = s.Type == OrganizationType.DependentCell ? $"{s.Name} ({specs.First(x => x.Code == s.Parent).Name["Đảng bộ ".Length..]})" : s.Name;
            cells.Add(new(s.Code, s.Name, s.Type, s.Field, s.Parent, FormerCellCode(plan, formerBlock), formerName, OrganizationType.BaseCell, formerBlock, counts[i], s.Jobs));
        }
        return cells;
    }

    // ---------------------------------------------------------------- organizations

    /// <summary>Every organization row (in the order of <see cref="OrganizationImportFormat.Columns"/>), province after province.</summary>
    public IEnumerable<object?[]> OrganizationRows()
    {
        foreach (var p in Selected)
            foreach (var row in OrganizationRows(Plan(p)))
                yield return row;
    }

    private IEnumerable<object?[]> OrganizationRows(ProvincePlan plan)
    {
        var p = plan.Province;
        var rng = Rng("dates", p.Code);
        var provinceName = "Đảng bộ " + LowerFirst(p.Name);
        yield return New(p.Code, provinceName, OrganizationType.Provincial, OrganizationField.General, null);
        foreach (var b in Blocks)
            yield return New($"{p.Code}.{b.Suffix}", b.Name + " " + LowerFirst(p.Name.Split(' ')[0] == "Thành" ? "thành phố" : "tỉnh"), OrganizationType.DirectlyUnderProvince, b.Field, p.Code);

        // The former provinces: founded before any admission the generator writes (1953 at the earliest), so every earlier cell stands on the admission day.
        var founded = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var f in p.Former)
        {
            var day = new DateOnly(1946, 1, 1).AddDays(rng.Next(4 * 365));
            founded[f.CccdCode] = day;
            var name = "Đảng bộ " + LowerFirst(f.Name) + (f.Name == p.Name ? " (trước sắp xếp)" : "");
            yield return Ended(f.CccdCode, name, OrganizationType.Provincial, OrganizationField.General, null, day, p.Code,
                p.Merged ? $"Hợp nhất vào {provinceName} theo Nghị quyết 202/2025/QH15." : $"Sắp xếp lại khi tổ chức chính quyền địa phương hai cấp; tiếp tục là {provinceName}.");
            foreach (var b in FormerBlocks)
            {
                var blockDay = founded[$"{f.CccdCode}.{b.Suffix}"] = day.AddDays(rng.Next(365));
                yield return Ended($"{f.CccdCode}.{b.Suffix}", $"{b.Name} {LowerFirst(f.Name)}", OrganizationType.DirectlyUnderProvince, b.Field, f.CccdCode,
                    blockDay, $"{p.Code}.{b.Former}", "Sắp xếp lại các đảng bộ trực thuộc khi sắp xếp tổ chức từ 01/7/2025.");
            }
        }
        foreach (var d in plan.Districts)
        {
            var day = founded[p.Former[d.FormerIndex].CccdCode].AddDays(rng.Next(365));
            founded[d.Code] = day;
            yield return Ended(d.Code, d.Name, OrganizationType.District, OrganizationField.General, p.Former[d.FormerIndex].CccdCode, day, null,
                "Kết thúc hoạt động cấp huyện từ 01/7/2025 (Quy định 294-QĐ/TW).", OrganizationState.Dissolved);
        }

        foreach (var c in plan.Communes)
        {
            yield return New(c.Code, $"Đảng bộ {LowerFirst(c.Kind)} {c.ShortName}", OrganizationType.Commune, c.Field, p.Code);
            foreach (var f in c.Formers.Where(f => f.OwnerIndex == c.Index))
            {
                var day = founded[f.District.Code].AddDays(rng.Next(365));
                founded[f.Code] = day;
                yield return Ended(f.Code, f.Name, OrganizationType.BaseCommittee, f.Field, f.District.Code, day, c.Code, $"Sắp xếp vào Đảng bộ {LowerFirst(c.Kind)} {c.ShortName}.");
            }
            foreach (var row in CellRows(Cells(plan, c), founded, rng)) yield return row;
        }
        foreach (var row in CellRows(BlockCells(plan), founded, rng)) yield return row;
    }

    private static IEnumerable<object?[]> CellRows(List<CellPlan> cells, Dictionary<string, DateOnly> founded, Random rng)
    {
        foreach (var cell in cells)
        {
            yield return New(cell.Code, cell.Name, cell.Type, cell.Field, cell.ParentCode);
            if (cell.FormerCode is null) continue;
            yield return Ended(cell.FormerCode, cell.FormerName, cell.FormerType, cell.Field, cell.FormerParentCode,
                founded[cell.FormerParentCode].AddDays(rng.Next(300)), cell.Code, $"Sắp xếp thành {cell.Name}.");
        }
    }

    private static object?[] New(string code, string name, OrganizationType type, OrganizationField field, string? parent) =>
        OrganizationImportFormat.Row(new Organization { Code = code, Name = name, Type = type, Field = field, FoundedOn = ReformDay, State = OrganizationState.Active }, parent, null);

    private static object?[] Ended(string code, string name, OrganizationType type, OrganizationField field, string? parent, DateOnly founded,
        string? successor, string reason, OrganizationState state = OrganizationState.Merged) =>
        OrganizationImportFormat.Row(new Organization
        {
            Code = code, Name = name, Type = type, Field = field, FoundedOn = founded, EndedOn = ReformDay, State = state, EndReason = reason,
        }, parent, successor);

    // ---------------------------------------------------------------- members

    /// <summary>Every member row (in the order of <see cref="MemberImportFormat.Columns"/>), province after province.</summary>
    public IEnumerable<object?[]> MemberRows()
    {
        foreach (var p in Selected)
        {
            var plan = Plan(p);
            var ids = new Identifiers(p);
            foreach (var c in plan.Communes)
            {
                var people = new People(Rng("members", p.Code, c.Code), options.AsOf, p);
                var place = $"{LowerFirst(c.Kind)} {c.ShortName}, {LowerFirst(p.Name)}";
                foreach (var cell in Cells(plan, c))
                    for (var i = 0L; i < cell.Members; i++)
                        yield return people.Row(cell, c.FormerIndex, place, ids);
            }
            var blockPeople = new People(Rng("members", p.Code, "blocks"), options.AsOf, p);
            var seat = LowerFirst(p.Name);
            foreach (var cell in BlockCells(plan))
                for (var i = 0L; i < cell.Members; i++)
                    yield return blockPeople.Row(cell, -1, seat, ids);
        }
    }

    /// <summary>
    /// The identity numbers of a province's members, unique nationally by construction, not by a random draw: a CCCD's last six
    /// digits are a counter per (birth province, century-gender digit, year), permuted; members born in one of the province's
    /// former provinces use 000000–599999 (no other province draws from those birth provinces), members born elsewhere a block
    /// of 11.700 numbers that is this province's alone. Card numbers (8 digits) are a permuted counter in a block of
    /// <see cref="CardsPerProvince"/> numbers that is the province's alone.
    /// </summary>
    private sealed class Identifiers(Province2025 province)
    {
        private const int NativeRange = 600_000, ElsewhereRange = 11_700;
        private readonly Dictionary<(string, int, int), int> native = [];
        private readonly Dictionary<(string, int, int), int> elsewhere = [];
        private int cards;

        public string CitizenId(string birthCccdCode, bool bornElsewhere, Gender gender, DateOnly birth)
        {
            var digit = Cccd.CenturyGenderDigit(gender, birth.Year);
            var key = (birthCccdCode, digit, birth.Year % 100);
            var counters = bornElsewhere ? elsewhere : native;
            var n = counters.GetValueOrDefault(key);
            counters[key] = n + 1;
            long serial;
            if (!bornElsewhere)
            {
                if (n >= NativeRange) throw Overflow();
                serial = Permute(n + Offset(key, NativeRange), NativeRange, 7919);
            }
            else
            {
                if (n >= ElsewhereRange) throw Overflow();
                serial = NativeRange + (long)province.Index * ElsewhereRange + Permute(n + Offset(key, ElsewhereRange), ElsewhereRange, 7919);
            }
            return string.Create(CultureInfo.InvariantCulture, $"{birthCccdCode}{digit}{birth.Year % 100:00}{serial:000000}");
        }

        public string CardNumber()
        {
            if (cards >= CardsPerProvince) throw Overflow();
            return string.Create(CultureInfo.InvariantCulture, $"{province.Index * CardsPerProvince + Permute(cards++, CardsPerProvince, 387_403):00000000}");
        }

        /// <summary>Where a key's counter starts (so the first numbers of every year do not all read alike); still a bijection.</summary>
        private static long Offset((string Code, int Digit, int Year) key, long range) =>
            (int.Parse(key.Code, CultureInfo.InvariantCulture) * 7_927L + key.Digit * 104_729L + key.Year * 1_299_709L) % range;

        private InvalidOperationException Overflow() =>
            new($"Quá nhiều đảng viên ở {province.Name} để cấp số CCCD hoặc số thẻ không trùng; hãy giảm --members.");

        /// <summary>A bijection of 0..range-1 (multiplier prime to the range), so numbers look scattered but never repeat.</summary>
        private static long Permute(long n, long range, long multiplier) => (n * multiplier + 12_345) % range;
    }

    /// <summary>Draws the people of one commune (or of the province's blocks).</summary>
    private sealed class People(Random rng, DateOnly asOf, Province2025 province)
    {
        private readonly DemoNames names = new(rng);
        private readonly (string Code, double Weight)[] ethnicGroups = EthnicWeights(province.Code);

        private static readonly (int From, int To, double Weight)[] BirthYears =
            [(1935, 1944, 4), (1945, 1954, 10), (1955, 1964, 18), (1965, 1974, 22), (1975, 1984, 22), (1985, 1994, 17), (1995, 2007, 7)];

        private static readonly ((int From, int To, double Weight), double)[] BirthDecades = BirthYears.Select(b => (b, b.Weight)).ToArray();

        private static readonly (string Name, double Weight)[] ReligionWeights =
        [
            ("Không theo tôn giáo", 92), ("Phật giáo", 4), ("Công giáo", 2), ("Tin lành", 0.4), ("Cao Đài", 0.8),
            ("Phật giáo Hòa Hảo", 0.6), ("Hồi giáo", 0.05), ("Bà-la-môn (Chăm Bà-la-môn)", 0.05),
        ];

        public object?[] Row(CellPlan cell, int formerIndex, string place, Identifiers ids)
        {
            var gender = rng.NextDouble() < 0.34 ? Gender.Female : Gender.Male;
            var birth = Birth(cell.Field);
            var earliest = birth.AddMonths(AdmissionAgeRule.MinimumYears * 12);
            var years = Math.Min(45, (int)(-Math.Log(1 - rng.NextDouble()) * 7));
            var admitted = earliest.AddYears(years).AddDays(rng.Next(365));
            if (admitted > asOf) admitted = earliest.AddDays(rng.Next(asOf.DayNumber - earliest.DayNumber + 1));
            var official = admitted.AddMonths(ProbationPeriodRule.ProbationMonths) is var o && o <= asOf ? o : (DateOnly?)null;

            var bornElsewhere = rng.NextDouble() < BornElsewhereShare;
            var birthProvince = bornElsewhere
                ? Elsewhere()
                : province.Former[formerIndex >= 0 ? formerIndex : rng.Next(province.Former.Count)];
            var general = Weighted(birth.Year < 1960 ? GeneralOld : birth.Year < 1976 ? GeneralMiddle : GeneralYoung);
            var degree = Weighted(general != GeneralEducation.UpperSecondary ? DegreeNoSchool : birth.Year < 1960 ? DegreeOld : birth.Year < 1986 ? DegreeMiddle : DegreeYoung);
            var theory = Weighted(official is null ? TheoryProbationary : cell.Field == OrganizationField.Residential ? TheoryResidential : TheoryAgency);
            var age = asOf.Year - birth.Year;
            var profession = cell.Field == OrganizationField.Residential && age >= 60 && rng.NextDouble() < 0.8 ? "Hưu trí" : names.Pick(cell.Professions);
            var birthplace = LowerFirst(birthProvince.Name);
            var home = cell.Field == OrganizationField.Residential ? $"{UpperFirst(cell.Name["Chi bộ ".Length..])}, {place}" : UpperFirst(place);
            var member = new Member
            {
                FullName = names.FullName(gender), Gender = gender, DateOfBirth = birth,
                Birthplace = UpperFirst(birthplace), HomeTown = UpperFirst(birthplace),
                EthnicGroupCode = names.Weighted(ethnicGroups), Religion = names.Weighted(ReligionWeights),
                CitizenId = ids.CitizenId(birthProvince.CccdCode, bornElsewhere, gender, birth),
                PermanentAddress = home, CurrentAddress = home,
                GeneralEducation = general, ProfessionalDegree = degree, Profession = profession, PoliticalTheory = theory,
                AdmittedOn = admitted, OfficialOn = official, CardNumber = official is null ? null : ids.CardNumber(),
            };
            return MemberImportFormat.Row(member, cell.Code, admitted < ReformDay ? cell.FormerCode : null);
        }

        private Province Elsewhere()
        {
            var others = ReferenceLists.Provinces63;
            for (var tries = 0; tries < 50; tries++)
            {
                var candidate = others[rng.Next(others.Count)];
                if (!province.Former.Contains(candidate)) return candidate;
            }
            return province.Former[0];
        }

        /// <summary>Born 1935–2007 (weighted by decade), at least 18 on the as-of date; armed forces and agencies under 60.</summary>
        private DateOnly Birth(OrganizationField field)
        {
            var latest = new DateOnly(2007, 12, 31);
            if (asOf.AddYears(-AdmissionAgeRule.MinimumYears).AddDays(-1) < latest) latest = asOf.AddYears(-AdmissionAgeRule.MinimumYears).AddDays(-1);
            for (var tries = 0; ; tries++)
            {
                var (from, to, _) = names.Weighted(BirthDecades);
                var year = from + rng.Next(to - from + 1);
                var day = new DateOnly(year, 1, 1).AddDays(rng.Next(DateTime.IsLeapYear(year) ? 366 : 365));
                if (day > latest) day = latest.AddDays(-rng.Next(3650));
                if (field == OrganizationField.Residential || asOf.Year - day.Year < 60 || tries >= 20) return day;
            }
        }

        private T Weighted<T>((T, double)[] items) => names.Weighted(items);

        // Plausible shares by age (settings: no published distribution was read).
        private static readonly (GeneralEducation, double)[] GeneralOld = [(GeneralEducation.Primary, 10), (GeneralEducation.LowerSecondary, 30), (GeneralEducation.UpperSecondary, 60)];
        private static readonly (GeneralEducation, double)[] GeneralMiddle = [(GeneralEducation.Primary, 2), (GeneralEducation.LowerSecondary, 15), (GeneralEducation.UpperSecondary, 83)];
        private static readonly (GeneralEducation, double)[] GeneralYoung = [(GeneralEducation.LowerSecondary, 3), (GeneralEducation.UpperSecondary, 97)];
        private static readonly (ProfessionalDegree, double)[] DegreeNoSchool = [(ProfessionalDegree.None, 70), (ProfessionalDegree.Vocational, 30)];
        private static readonly (ProfessionalDegree, double)[] DegreeOld =
            [(ProfessionalDegree.None, 30), (ProfessionalDegree.Vocational, 25), (ProfessionalDegree.College, 12), (ProfessionalDegree.Bachelor, 28), (ProfessionalDegree.Master, 4), (ProfessionalDegree.Doctor, 1)];
        private static readonly (ProfessionalDegree, double)[] DegreeMiddle =
            [(ProfessionalDegree.None, 12), (ProfessionalDegree.Vocational, 15), (ProfessionalDegree.College, 12), (ProfessionalDegree.Bachelor, 50), (ProfessionalDegree.Master, 9), (ProfessionalDegree.Doctor, 2)];
        private static readonly (ProfessionalDegree, double)[] DegreeYoung =
            [(ProfessionalDegree.None, 8), (ProfessionalDegree.Vocational, 10), (ProfessionalDegree.College, 12), (ProfessionalDegree.Bachelor, 60), (ProfessionalDegree.Master, 9), (ProfessionalDegree.Doctor, 1)];
        private static readonly (PoliticalTheory, double)[] TheoryProbationary = [(PoliticalTheory.None, 60), (PoliticalTheory.Elementary, 40)];
        private static readonly (PoliticalTheory, double)[] TheoryResidential =
            [(PoliticalTheory.None, 20), (PoliticalTheory.Elementary, 55), (PoliticalTheory.Intermediate, 19), (PoliticalTheory.Advanced, 5), (PoliticalTheory.Bachelor, 1)];
        private static readonly (PoliticalTheory, double)[] TheoryAgency =
            [(PoliticalTheory.None, 5), (PoliticalTheory.Elementary, 35), (PoliticalTheory.Intermediate, 40), (PoliticalTheory.Advanced, 15), (PoliticalTheory.Bachelor, 5)];
    }

    /// <summary>Ethnic groups by region (Kinh mostly; the upland north, the Central Highlands and the Khmer south more of others): a setting.</summary>
    private static (string Code, double Weight)[] EthnicWeights(string provinceCode)
    {
        (string, double)[] byName = provinceCode switch
        {
            "04" or "08" or "11" or "12" or "14" or "15" or "19" or "20" =>
                [("Kinh", 45), ("Tày", 14), ("Thái", 12), ("Mường", 6), ("Nùng", 7), ("Mông", 7), ("Dao", 6), ("Sán Chay", 1), ("Giáy", 1), ("Hà Nhì", 1)],
            "51" or "52" or "66" or "68" =>
                [("Kinh", 75), ("Gia-rai", 6), ("Ê-đê", 5), ("Ba-na", 4), ("Xơ-đăng", 3), ("Cơ-ho", 3), ("Mnông", 2), ("Tày", 1), ("Nùng", 1)],
            "91" or "92" or "86" or "96" => [("Kinh", 88), ("Khơ-me", 10), ("Hoa", 2)],
            "25" => [("Kinh", 80), ("Mường", 18), ("Dao", 2)],
            "38" or "40" => [("Kinh", 88), ("Mường", 5), ("Thái", 6), ("Mông", 1)],
            _ => [("Kinh", 97), ("Hoa", 1), ("Tày", 1), ("Mường", 1)],
        };
        return byName.Select(e => (ReferenceLists.EthnicGroups.Single(g => g.Name == e.Item1).Code, e.Item2)).ToArray();
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Splits a total into parts proportional to the weights, summing exactly (largest remainder; ties to the first).</summary>
    public static long[] Allocate(long total, double[] weights)
    {
        var result = new long[weights.Length];
        var sum = weights.Sum();
        if (weights.Length == 0) return result;
        if (sum <= 0) { result[0] = total; return result; }
        var fractions = new (double Fraction, int Index)[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * (weights[i] / sum);
            result[i] = (long)Math.Floor(exact);
            given += result[i];
            fractions[i] = (exact - result[i], i);
        }
        foreach (var (_, index) in fractions.Where(f => weights[f.Index] > 0).OrderByDescending(f => f.Fraction).ThenBy(f => f.Index).Take((int)(total - given)))
            result[index]++;
        return result;
    }

    private Random Rng(params string[] parts)
    {
        // FNV-1a over the seed and the parts, finished with SplitMix64: stable across runs and machines (string.GetHashCode is not).
        var h = 14695981039346656037UL ^ (ulong)(uint)options.Seed;
        foreach (var ch in string.Join('|', parts)) h = (h ^ ch) * 1099511628211UL;
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return new Random((int)(h & 0x7FFFFFFF));
    }

    private static (string? Kind, string Name) SplitUnitName(string text)
    {
        var clean = text.Trim();
        foreach (var kind in new[] { "Thị trấn", "Phường", "Xã" })
            if (clean.StartsWith(kind + " ", StringComparison.Ordinal)) return (kind, clean[(kind.Length + 1)..]);
        return (null, "");
    }

    private static OrganizationField FieldOf(string kind) => kind switch
    {
        "Phường" => OrganizationField.Ward,
        "Thị trấn" => OrganizationField.Township,
        "Đặc khu" => OrganizationField.SpecialZone,
        _ => OrganizationField.Commune,
    };

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], VnFormat.Culture) + s[1..];
    private static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpper(s[0], VnFormat.Culture) + s[1..];
}
