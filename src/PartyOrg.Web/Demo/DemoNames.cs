using PartyOrg.Domain.Members;

namespace PartyOrg.Web.Demo;

/// <summary>Realistic Vietnamese names drawn with the frequencies in the shared name-frequencies reference.</summary>
internal sealed class DemoNames(Random rng)
{
    // Lê Trung Hoa's national shares (percent); the rest is spread over other common Kinh surnames.
    private static readonly (string Name, double Weight)[] Surnames =
    [
        ("Nguyễn", 38.4), ("Trần", 12.1), ("Lê", 9.5), ("Phạm", 7), ("Huỳnh", 5.1), ("Phan", 4.5), ("Võ", 3.9),
        ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5),
        ("Trương", 1.2), ("Đinh", 0.9), ("Mai", 0.8), ("Đoàn", 0.8), ("Lương", 0.7), ("Cao", 0.7), ("Đào", 0.6),
        ("Hà", 0.6), ("Lưu", 0.5), ("Châu", 0.5), ("Lâm", 0.5), ("Thái", 0.4), ("Tô", 0.4), ("Quách", 0.3),
    ];

    private static readonly string[] MaleGiven =
    [
        "Tuấn", "Hoàng", "Huy", "Anh", "Hiếu", "Hùng", "Nam", "Sơn", "Đức", "Dũng", "Thành", "Đạt", "Cường", "Long", "Trung",
        "Hải", "Nguyên", "Thắng", "Minh", "Duy", "Tiến", "Quang", "Phúc", "Trường", "Tài", "Toàn", "Hưng", "Phong", "Tùng",
        "Khánh", "Bảo", "Quân", "Dương", "Nghĩa", "Lâm", "Vinh", "Bình", "Mạnh", "Việt", "Thịnh", "Hòa", "Tâm", "Hiệp", "Tân",
        "Phú", "Thiện", "Được", "Lộc", "Tấn", "Hậu",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Trang", "Thảo", "Linh", "Anh", "Phương", "Hằng", "Huyền", "Hiền", "Hương", "Ngọc", "Dung", "Nhung", "Thủy", "Nhi",
        "Duyên", "Vân", "Quỳnh", "Nga", "Yến", "Trinh", "Thương", "Uyên", "Hạnh", "Ngân", "Oanh", "Trâm", "Ly", "Mai", "Phượng",
        "Thúy", "Hoa", "Vy", "Hồng", "Tâm", "Thu", "My", "Giang", "Loan", "Thanh", "Ánh", "Lan", "Quyên", "Chi", "Thư", "Tiên",
        "Huệ", "Nguyệt", "Diễm", "Cúc", "Xuân",
    ];

    private static readonly string[] MaleMiddle = ["Hữu", "Hoàng", "Minh", "Quốc", "Thanh", "Đức", "Công", "Quang", "Ngọc", "Tấn", "Trung", "Văn"];
    private static readonly string[] FemaleMiddle = ["Ngọc", "Thu", "Phương", "Thanh", "Minh", "Kim", "Hồng", "Thị", "Mỹ", "Bích"];

    public string FullName(Gender gender)
    {
        var surname = Weighted(Surnames);
        // For members born 1950–2000 "Văn" and "Thị" dominate far more than in young samples (caveat in the reference).
        var middle = gender == Gender.Male
            ? (rng.NextDouble() < 0.55 ? "Văn" : Pick(MaleMiddle))
            : (rng.NextDouble() < 0.6 ? "Thị" : Pick(FemaleMiddle));
        var given = Pick(gender == Gender.Male ? MaleGiven : FemaleGiven);
        // About a quarter of women's names carry a second middle name ("Nguyễn Thị Ngọc Anh").
        if (gender == Gender.Female && middle == "Thị" && rng.NextDouble() < 0.25) middle += " " + Pick(["Ngọc", "Thu", "Kim", "Mỹ", "Bích"]);
        return $"{surname} {middle} {given}";
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public T Weighted<T>(IReadOnlyList<(T Value, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var x = rng.NextDouble() * total;
        foreach (var (value, weight) in items)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return items[^1].Value;
    }
}
