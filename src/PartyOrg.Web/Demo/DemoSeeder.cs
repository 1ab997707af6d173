using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Demo;

/// <summary>
/// The demo province: today's Tây Ninh (96 communes and wards from the reference list) holding the past of the
/// two provinces merged into it on 1/7/2025, Long An and the former Tây Ninh, with their district level.
/// </summary>
public static class DemoSeeder
{
    /// <summary>The day the district level ended and Long An merged into Tây Ninh.</summary>
    public static readonly DateOnly ReformDay = new(2025, 7, 1);

    public const string NewProvinceCode = "80";
    public const string SecretaryCellCode = "80.27694.01";

    public static async Task SeedAsync(IServiceProvider services, DemoOptions options)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (!await db.Organizations.AnyAsync())
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            await new DemoProvince(db, today).BuildAsync();
            await new DemoLifecycle(db, today).BuildAsync();
            await new DemoDiscipline(db, today).BuildAsync();
            await new DemoRatings(db, today).BuildAsync();
            await new DemoCadres(db).BuildAsync();
        }
        await EnsureAccountsAsync(services, db, options.Password);
    }

    private static async Task EnsureAccountsAsync(IServiceProvider services, AppDbContext db, string password)
    {
        await PartyOrg.Web.Hosting.RoleSetup.EnsureRolesAsync(services);
        var province = await db.Organizations.SingleAsync(o => o.Code == NewProvinceCode);
        var cell = await db.Organizations.SingleAsync(o => o.Code == SecretaryCellCode);
        var cellMembers = await db.Members.Where(m => m.OrganizationId == cell.Id && m.Status == MemberStatus.Official)
            .OrderBy(m => m.Id).Take(2).ToListAsync();

        var users = services.GetRequiredService<UserManager<AppUser>>();
        await EnsureAsync(users, password, new AppUser { UserName = "admin", DisplayName = "Quản trị hệ thống", CanWrite = true }, Roles.Admin);
        await EnsureAsync(users, password, new AppUser { UserName = "tochuc", DisplayName = "Cán bộ Ban Tổ chức Tỉnh ủy", ScopeOrganizationId = province.Id, CanWrite = true }, Roles.Commission);
        await EnsureAsync(users, password, new AppUser { UserName = "bithu", DisplayName = cellMembers[0].FullName, ScopeOrganizationId = cell.Id, MemberId = cellMembers[0].Id, CanWrite = true }, Roles.CellSecretary);
        await EnsureAsync(users, password, new AppUser { UserName = "dangvien", DisplayName = cellMembers[1].FullName, MemberId = cellMembers[1].Id }, Roles.Member);
    }

    private static async Task EnsureAsync(UserManager<AppUser> users, string password, AppUser user, string role)
    {
        if (await users.FindByNameAsync(user.UserName!) is not null) return;
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Không tạo được tài khoản {user.UserName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
    }
}

/// <summary>Builds the demo tree and its members with a fixed random seed, so every first run looks the same.</summary>
internal sealed class DemoProvince(AppDbContext db, DateOnly today)
{
    private readonly Random rng = new(2025);
    private readonly DemoNames names = new(new Random(1930));
    private readonly HashSet<string> citizenIds = [];
    private readonly HashSet<string> cardNumbers = [];
    private readonly List<(Member Member, List<(Organization Cell, DateOnly From, DateOnly? To)> Placements)> members = [];
    private readonly Dictionary<int, string> communeNameOfCell = [];

    // District-level committees before 1/7/2025, each keyed by the first commune code (GSO order) that lies in it.
    private static readonly (string OldProvince, string Name, int FirstCommuneCode)[] Districts =
    [
        ("Tây Ninh", "thành phố Tây Ninh", 25459), ("Tây Ninh", "huyện Tân Biên", 25486), ("Tây Ninh", "huyện Tân Châu", 25516),
        ("Tây Ninh", "huyện Dương Minh Châu", 25552), ("Tây Ninh", "huyện Châu Thành", 25585), ("Tây Ninh", "thị xã Hòa Thành", 25630),
        ("Tây Ninh", "huyện Gò Dầu", 25654), ("Tây Ninh", "huyện Bến Cầu", 25681), ("Tây Ninh", "thị xã Trảng Bàng", 25708),
        ("Long An", "thành phố Tân An", 27694), ("Long An", "huyện Tân Hưng", 27721), ("Long An", "huyện Vĩnh Hưng", 27757),
        ("Long An", "thị xã Kiến Tường", 27787), ("Long An", "huyện Mộc Hóa", 27823), ("Long An", "huyện Tân Thạnh", 27826),
        ("Long An", "huyện Thạnh Hóa", 27865), ("Long An", "huyện Đức Huệ", 27898), ("Long An", "huyện Đức Hòa", 27931),
        ("Long An", "huyện Bến Lức", 27991), ("Long An", "huyện Thủ Thừa", 28036), ("Long An", "huyện Tân Trụ", 28075),
        ("Long An", "huyện Cần Đước", 28108), ("Long An", "huyện Cần Giuộc", 28159), ("Long An", "huyện Châu Thành", 28210),
    ];

    public async Task BuildAsync()
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var communes = ReferenceLists.Communes.Where(c => c.ProvinceCode == DemoSeeder.NewProvinceCode).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

        // The past: two provinces with their districts, communes and cells, all ended on the reform day.
        var longAn = Org("080", "Đảng bộ tỉnh Long An", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1));
        var oldTayNinh = Org("072", "Đảng bộ tỉnh Tây Ninh (trước sắp xếp)", OrganizationType.Provincial, OrganizationField.General, new(1976, 1, 1));
        await AddLevelAsync([(longAn, null), (oldTayNinh, null)]);
        var oldProvinces = new Dictionary<string, Organization> { ["Long An"] = longAn, ["Tây Ninh"] = oldTayNinh };

        var districtOrgs = Districts.Select((d, i) => (d, org: Org($"{oldProvinces[d.OldProvince].Code}.{i + 1:00}",
            $"Đảng bộ {d.Name}", OrganizationType.District, OrganizationField.General, new(1976, 1, 1)))).ToList();
        await AddLevelAsync(districtOrgs.Select(x => (x.org, (Organization?)oldProvinces[x.d.OldProvince])));
        var oldAgencies = oldProvinces.Values.Select(p => (org: Org($"{p.Code}.CQ", "Đảng bộ Khối Cơ quan tỉnh", OrganizationType.DirectlyUnderProvince, OrganizationField.Agency, new(2006, 1, 1)), parent: p)).ToList();
        await AddLevelAsync(oldAgencies.Select(x => (x.org, (Organization?)x.parent)));

        // Old communes come from each new unit's "formed from" list, deduplicated within their district.
        var oldCommunesByNew = new Dictionary<string, List<Organization>>();
        var oldCommuneByKey = new Dictionary<string, Organization>();
        var oldCommuneLevel = new List<(Organization, Organization?)>();
        foreach (var c in communes)
        {
            var district = districtOrgs.Last(x => x.d.FirstCommuneCode <= int.Parse(c.Code, CultureInfo.InvariantCulture) && SameOldProvince(x.d.OldProvince, c.Code)).org;
            var list = oldCommunesByNew[c.Code] = [];
            foreach (var part in c.FormedFrom)
            {
                var (kind, name) = SplitUnitName(part);
                if (kind is null) continue;
                var key = district.Code + "|" + kind + " " + name;
                if (!oldCommuneByKey.TryGetValue(key, out var old))
                {
                    old = Org($"{district.Code}.{oldCommuneByKey.Count(k => k.Key.StartsWith(district.Code + "|", StringComparison.Ordinal)) + 1:00}",
                        $"Đảng bộ {kind.ToLowerInvariant()} {name}", OrganizationType.BaseCommittee, FieldOf(kind), new(1976, 1, 1));
                    oldCommuneByKey[key] = old;
                    oldCommuneLevel.Add((old, district));
                }
                list.Add(old);
            }
        }
        await AddLevelAsync(oldCommuneLevel);
        var oldCells = new List<(Organization, Organization?)>();
        foreach (var (old, _) in oldCommuneLevel)
            for (var i = 1; i <= 2; i++)
                oldCells.Add((Org($"{old.Code}.{i:00}", $"Chi bộ {Hamlet(old.Field)} {i}", OrganizationType.DependentCell, OrganizationField.Residential, new(1976, 1, 1)), old));
        foreach (var (agency, _) in oldAgencies)
        {
            oldCells.Add((Org($"{agency.Code}.01", "Chi bộ Văn phòng Tỉnh ủy", OrganizationType.BaseCell, OrganizationField.Agency, new(2006, 1, 1)), agency));
            oldCells.Add((Org($"{agency.Code}.02", "Chi bộ Sở Giáo dục và Đào tạo", OrganizationType.BaseCell, OrganizationField.Agency, new(2006, 1, 1)), agency));
        }
        await AddLevelAsync(oldCells);

        // Today: one province, its communes and wards directly below it (no district level), and the agency blocks.
        var province = Org(DemoSeeder.NewProvinceCode, "Đảng bộ tỉnh Tây Ninh", OrganizationType.Provincial, OrganizationField.General, DemoSeeder.ReformDay);
        await AddLevelAsync([(province, null)]);
        var newCommunes = communes.Select(c => (c, org: Org($"80.{c.Code}", $"Đảng bộ {c.Type.ToLowerInvariant()} {c.ShortName}",
            OrganizationType.Commune, FieldOf(c.Type), DemoSeeder.ReformDay))).ToList();
        var agencies = new[]
        {
            Org("80.CQD", "Đảng bộ các cơ quan Đảng tỉnh", OrganizationType.DirectlyUnderProvince, OrganizationField.Agency, DemoSeeder.ReformDay),
            Org("80.UB", "Đảng bộ Ủy ban nhân dân tỉnh", OrganizationType.DirectlyUnderProvince, OrganizationField.Agency, DemoSeeder.ReformDay),
            Org("80.QS", "Đảng bộ Quân sự tỉnh", OrganizationType.DirectlyUnderProvince, OrganizationField.ArmedForces, DemoSeeder.ReformDay),
            Org("80.CA", "Đảng bộ Công an tỉnh", OrganizationType.DirectlyUnderProvince, OrganizationField.ArmedForces, DemoSeeder.ReformDay),
        };
        await AddLevelAsync(newCommunes.Select(x => (x.org, (Organization?)province)).Concat(agencies.Select(a => (a, (Organization?)province))));

        var cells = new List<(Organization, Organization?)>();
        foreach (var (c, org) in newCommunes)
        {
            var hamlets = 4 + rng.Next(3);
            for (var i = 1; i <= hamlets; i++)
                cells.Add((Org($"{org.Code}.{i:00}", $"Chi bộ {Hamlet(org.Field)} {i}", OrganizationType.BaseCell, OrganizationField.Residential, DemoSeeder.ReformDay), org));
            var unit = org.Field == OrganizationField.Ward ? "phường" : "xã";
            cells.Add((Org($"{org.Code}.TH", $"Chi bộ Trường Tiểu học {c.ShortName}", OrganizationType.BaseCell, OrganizationField.PublicService, DemoSeeder.ReformDay), org));
            cells.Add((Org($"{org.Code}.YT", $"Chi bộ Trạm Y tế {unit} {c.ShortName}", OrganizationType.BaseCell, OrganizationField.PublicService, DemoSeeder.ReformDay), org));
        }
        var agencyCommittees = new List<(Organization, Organization?)>
        {
            (Org("80.UB.GD", "Đảng bộ Sở Giáo dục và Đào tạo", OrganizationType.BaseCommittee, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[1]),
            (Org("80.UB.YT", "Đảng bộ Sở Y tế", OrganizationType.BaseCommittee, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[1]),
            (Org("80.QS.CQ", "Đảng bộ Cơ quan Bộ Chỉ huy Quân sự tỉnh", OrganizationType.BaseCommittee, OrganizationField.ArmedForces, DemoSeeder.ReformDay), agencies[2]),
            (Org("80.CA.PC", "Đảng bộ Phòng Cảnh sát giao thông", OrganizationType.BaseCommittee, OrganizationField.ArmedForces, DemoSeeder.ReformDay), agencies[3]),
        };
        cells.Add((Org("80.CQD.TC", "Chi bộ Ban Tổ chức Tỉnh ủy", OrganizationType.BaseCell, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[0]));
        cells.Add((Org("80.CQD.KT", "Chi bộ Ủy ban Kiểm tra Tỉnh ủy", OrganizationType.BaseCell, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[0]));
        cells.Add((Org("80.CQD.VP", "Chi bộ Văn phòng Tỉnh ủy", OrganizationType.BaseCell, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[0]));
        cells.Add((Org("80.UB.TP", "Chi bộ Sở Tư pháp", OrganizationType.BaseCell, OrganizationField.Agency, DemoSeeder.ReformDay), agencies[1]));
        cells.AddRange(agencyCommittees);
        await AddLevelAsync(cells);

        var dependentCells = new List<(Organization, Organization?)>();
        foreach (var (committee, _) in agencyCommittees)
            foreach (var (suffix, name) in new[] { ("01", "Chi bộ Văn phòng"), ("02", "Chi bộ Phòng Nghiệp vụ 1"), ("03", "Chi bộ Phòng Nghiệp vụ 2") })
                dependentCells.Add((Org($"{committee.Code}.{suffix}", name, OrganizationType.DependentCell, committee.Field, DemoSeeder.ReformDay), committee));
        await AddLevelAsync(dependentCells);
        await AddLevelAsync([(Org("80.UB.GD.01.T1", "Tổ đảng 1", OrganizationType.PartyGroup, OrganizationField.Agency, DemoSeeder.ReformDay), (Organization)dependentCells[0].Item1)]);

        EndPast(longAn, province, OrganizationState.Merged, "Hợp nhất vào Đảng bộ tỉnh Tây Ninh theo Nghị quyết 202/2025/QH15.");
        EndPast(oldTayNinh, province, OrganizationState.Merged, "Hợp nhất với Đảng bộ tỉnh Long An thành Đảng bộ tỉnh Tây Ninh theo Nghị quyết 202/2025/QH15.");
        foreach (var (_, district) in districtOrgs) EndPast(district, null, OrganizationState.Dissolved, "Kết thúc hoạt động cấp huyện từ 01/7/2025 (Quy định 294-QĐ/TW).");
        foreach (var (agency, _) in oldAgencies) EndPast(agency, agencies[0], OrganizationState.Merged, "Sắp xếp lại khi hợp nhất tỉnh.");
        foreach (var (c, org) in newCommunes)
            foreach (var old in oldCommunesByNew[c.Code].Where(o => o.EndedOn is null))
                EndPast(old, org, OrganizationState.Merged, $"Sắp xếp vào {org.Name}.");
        foreach (var (cell, parent) in oldCells) EndPast(cell, null, OrganizationState.Merged, $"Sắp xếp cùng {parent!.Name}.");
        await db.SaveChangesAsync();

        // Members, with their placement before and after the reform.
        var oldCellsByCommune = oldCells.GroupBy(x => x.Item2!.Id).ToDictionary(g => g.Key, g => g.Select(x => x.Item1).ToList());
        foreach (var (c, org) in newCommunes)
        {
            var predecessors = oldCommunesByNew[c.Code].SelectMany(o => oldCellsByCommune.GetValueOrDefault(o.Id, [])).ToList();
            var birthCode = int.Parse(c.Code, CultureInfo.InvariantCulture) >= 27000 ? "080" : "072";
            foreach (var (cell, _) in cells.Where(x => x.Item2 == org))
                communeNameOfCell[cell.Id] = $"{c.Type.ToLowerInvariant()} {c.ShortName}";
            foreach (var (cell, _) in cells.Where(x => x.Item2 == org))
                AddMembers(cell, cell.Field == OrganizationField.Residential ? 6 + rng.Next(11) : 4 + rng.Next(6), predecessors, birthCode);
        }
        var oldAgencyCells = oldCells.Where(x => x.Item1.Field == OrganizationField.Agency).Select(x => x.Item1).ToList();
        foreach (var (cell, _) in cells.Concat(dependentCells).Where(x => x.Item1.Type.IsCell() && x.Item1.Field is OrganizationField.Agency or OrganizationField.ArmedForces))
            AddMembers(cell, 6 + rng.Next(10), oldAgencyCells, rng.NextDouble() < 0.5 ? "080" : "072");

        db.Members.AddRange(members.Select(m => m.Member));
        await db.SaveChangesAsync();
        foreach (var (member, placements) in members)
            foreach (var (cell, from, to) in placements)
                db.MemberPlacements.Add(new MemberPlacement { MemberId = member.Id, OrganizationId = cell.Id, OrgPath = cell.Path, FromDate = from, ToDate = to });
        await db.SaveChangesAsync();
        AddTargets(province, newCommunes.Select(x => x.org).Concat(agencies).ToList());
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    /// <summary>
    /// Demo targets for this year and the 2025–2030 term: about 3,5% of each unit's members a year (the NQ 21-NQ/TW
    /// range of 3–4%), allocated to each commune and block; the province's is their sum.
    /// </summary>
    private void AddTargets(Organization province, List<Organization> units)
    {
        var membersPerUnit = units.ToDictionary(u => u.Id, u => members.Count(m => m.Member.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)));
        var year = today.Year;
        foreach (var unit in units)
        {
            var yearly = Math.Max(1, (int)Math.Round(membersPerUnit[unit.Id] * 0.035, MidpointRounding.AwayFromZero));
            db.AdmissionTargets.Add(new AdmissionTarget { OrganizationId = unit.Id, Year = year, PeriodStart = new(year, 1, 1), PeriodEnd = new(year, 12, 31), Count = yearly, Source = TargetSource.Allocated, Document = "Thông báo giao chỉ tiêu kết nạp đảng viên (dữ liệu trình diễn)" });
            db.AdmissionTargets.Add(new AdmissionTarget { OrganizationId = unit.Id, Term = "2025-2030", PeriodStart = DemoSeeder.ReformDay, PeriodEnd = new(2030, 6, 30), Count = yearly * 5, Source = TargetSource.Allocated, Document = "Nghị quyết đại hội (dữ liệu trình diễn)" });
        }
        var total = db.ChangeTracker.Entries<AdmissionTarget>().Where(e => e.Entity.Year == year).Sum(e => e.Entity.Count);
        db.AdmissionTargets.Add(new AdmissionTarget { OrganizationId = province.Id, Year = year, PeriodStart = new(year, 1, 1), PeriodEnd = new(year, 12, 31), Count = total, Source = TargetSource.Allocated, Document = "Nghị quyết Tỉnh ủy (dữ liệu trình diễn)" });
        db.AdmissionTargets.Add(new AdmissionTarget { OrganizationId = province.Id, Term = "2025-2030", PeriodStart = DemoSeeder.ReformDay, PeriodEnd = new(2030, 6, 30), Count = total * 5, Source = TargetSource.Allocated, Document = "Nghị quyết Đại hội Đảng bộ tỉnh (dữ liệu trình diễn)" });
    }

    private static bool SameOldProvince(string oldProvince, string communeCode) =>
        (oldProvince == "Long An") == (int.Parse(communeCode, CultureInfo.InvariantCulture) >= 27000);

    private void AddMembers(Organization cell, int count, IReadOnlyList<Organization> earlierCells, string birthProvinceCode)
    {
        for (var i = 0; i < count; i++)
        {
            var gender = rng.NextDouble() < 0.36 ? Gender.Female : Gender.Male;
            var birth = new DateOnly(1948 + (int)Math.Round(Math.Pow(rng.NextDouble(), 0.8) * 56), 1 + rng.Next(12), 1 + rng.Next(28));
            var admitted = birth.AddYears(18 + rng.Next(22)).AddDays(rng.Next(365));
            // The young are admitted at some point between their 18th birthday and today, not all this year.
            var adult = birth.AddYears(18);
            if (admitted > today) admitted = adult >= today ? today.AddDays(1) : DateOnly.FromDayNumber(adult.DayNumber + rng.Next(today.DayNumber - adult.DayNumber));
            if (admitted > today) continue;
            var ceremony = DateOnly.FromDayNumber(Math.Min(today.DayNumber, admitted.DayNumber + 5 + rng.Next(20)));
            // Official from the end of the 12 months; probations that ended in the last two months may still await the cell.
            var probationEnd = ceremony.AddMonths(12);
            DateOnly? official = probationEnd <= today.AddDays(-rng.Next(0, 60)) ? probationEnd : null;
            var fullName = names.FullName(gender);
            var member = new Member
            {
                FullName = fullName,
                SearchName = VnText.Fold(fullName),
                SearchGiven = VnText.GivenFirstFold(fullName),
                SortKey = VnText.SortKey(fullName),
                Gender = gender,
                DateOfBirth = birth,
                Birthplace = $"Tỉnh {(birthProvinceCode == "080" ? "Long An" : "Tây Ninh")}",
                HomeTown = $"Tỉnh {(birthProvinceCode == "080" ? "Long An" : "Tây Ninh")}",
                EthnicGroupCode = names.Weighted<string>([("01", 96), ("05", 2.5), ("04", 1.5)]),
                Religion = names.Weighted<string>([("Không theo tôn giáo", 84), ("Phật giáo", 8), ("Cao Đài", 5), ("Công giáo", 3)]),
                CitizenId = NewCitizenId(birthProvinceCode, gender, birth),
                PermanentAddress = Address(cell),
                GeneralEducation = names.Weighted<GeneralEducation>([(GeneralEducation.UpperSecondary, 85), (GeneralEducation.LowerSecondary, 13), (GeneralEducation.Primary, 2)]),
                ProfessionalDegree = names.Weighted<ProfessionalDegree>([(ProfessionalDegree.Bachelor, 45), (ProfessionalDegree.None, 27), (ProfessionalDegree.Vocational, 15), (ProfessionalDegree.College, 8), (ProfessionalDegree.Master, 5)]),
                Profession = cell.Field switch
                {
                    OrganizationField.Residential => names.Pick(["Nông dân", "Kinh doanh", "Hưu trí", "Công nhân", "Cán bộ ấp, khu phố"]),
                    OrganizationField.PublicService => cell.Name.Contains("Trường", StringComparison.Ordinal) ? "Giáo viên" : "Viên chức y tế",
                    OrganizationField.ArmedForces => "Lực lượng vũ trang",
                    _ => "Cán bộ, công chức",
                },
                PoliticalTheory = names.Weighted<PoliticalTheory>([(PoliticalTheory.Elementary, 55), (PoliticalTheory.Intermediate, 25), (PoliticalTheory.None, 16), (PoliticalTheory.Advanced, 4)]),
                AdmittedOn = admitted,
                CeremonyOn = ceremony,
                OfficialOn = official,
                CardNumber = official is null ? null : NewCardNumber(),
                OrganizationId = cell.Id,
                OrgPath = cell.Path,
                Status = official is null ? MemberStatus.Probationary : MemberStatus.Official,
            };
            var placements = new List<(Organization, DateOnly, DateOnly?)>();
            if (admitted < DemoSeeder.ReformDay && earlierCells.Count > 0)
            {
                // A placement lies inside its organization's life: one admitted before the old cell was founded is
                // recorded there from its founding (the tree holds nothing older).
                var earlier = earlierCells[rng.Next(earlierCells.Count)];
                placements.Add((earlier, admitted < earlier.FoundedOn ? earlier.FoundedOn : admitted, DemoSeeder.ReformDay));
                placements.Add((cell, DemoSeeder.ReformDay, null));
            }
            else placements.Add((cell, admitted < DemoSeeder.ReformDay ? DemoSeeder.ReformDay : admitted, null));
            members.Add((member, placements));
        }
    }

    /// <summary>"Ấp 3, xã Tân Biên, tỉnh Tây Ninh" for a hamlet cell; the commune and province for the others.</summary>
    private string Address(Organization cell)
    {
        var commune = communeNameOfCell.GetValueOrDefault(cell.Id);
        if (commune is null) return "Tỉnh Tây Ninh";
        if (cell.Field != OrganizationField.Residential) return $"{commune}, tỉnh Tây Ninh";
        var hamlet = cell.Name.Replace("Chi bộ ", "", StringComparison.Ordinal);
        return $"{char.ToUpperInvariant(hamlet[0])}{hamlet[1..]}, {commune}, tỉnh Tây Ninh";
    }

    private string NewCitizenId(string provinceCode, Gender gender, DateOnly birth)
    {
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{provinceCode}{Cccd.CenturyGenderDigit(gender, birth.Year)}{birth.Year % 100:00}{rng.Next(1_000_000):000000}");
            if (citizenIds.Add(id)) return id;
        }
    }

    private string NewCardNumber()
    {
        while (true)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"80{rng.Next(1_000_000):000000}");
            if (cardNumbers.Add(number)) return number;
        }
    }

    private static Organization Org(string code, string name, OrganizationType type, OrganizationField field, DateOnly founded) =>
        new() { Code = code, Name = name, Type = type, Field = field, FoundedOn = founded, State = OrganizationState.Active };

    private static void EndPast(Organization org, Organization? successor, OrganizationState state, string reason)
    {
        org.EndedOn = DemoSeeder.ReformDay;
        org.State = state;
        org.SuccessorId = successor?.Id;
        org.EndReason = reason;
    }

    /// <summary>Saves one level of the tree, then gives each organization its path below its parent.</summary>
    private async Task AddLevelAsync(IEnumerable<(Organization Org, Organization? Parent)> level)
    {
        var list = level.ToList();
        foreach (var (org, parent) in list)
        {
            org.ParentId = parent?.Id;
            org.Depth = parent is null ? 0 : parent.Depth + 1;
            db.Organizations.Add(org);
        }
        await db.SaveChangesAsync();
        foreach (var (org, parent) in list)
            org.Path = (parent?.Path ?? "/") + org.Id.ToString(CultureInfo.InvariantCulture) + "/";
        await db.SaveChangesAsync();
    }

    /// <summary>"Xã Tân Bình (huyện Tân Biên)" → ("Xã", "Tân Bình"); entries that are not a unit name give (null, "").</summary>
    private static (string? Kind, string Name) SplitUnitName(string text)
    {
        var clean = text.Split('(')[0].Trim();
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

    private static string Hamlet(OrganizationField field) => field == OrganizationField.Commune ? "ấp" : "khu phố";
}
