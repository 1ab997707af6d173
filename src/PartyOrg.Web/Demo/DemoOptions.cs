using PartyOrg.Web.Data;

namespace PartyOrg.Web.Demo;

/// <summary>
/// Demo data and accounts with a known password: on by default only in the Development environment (the README's run
/// command), or when Demo:Enabled is set; never because of the database in use. A built application runs as Production.
/// </summary>
public sealed record DemoOptions(bool Enabled, string Password)
{
    public const string DefaultPassword = "DangVien@2026";

    public static DemoOptions From(IConfiguration config, IHostEnvironment environment)
    {
        var enabled = bool.TryParse(config["Demo:Enabled"], out var flag) ? flag : environment.IsDevelopment();
        var password = config["Demo:Password"];
        return new DemoOptions(enabled, string.IsNullOrWhiteSpace(password) ? DefaultPassword : password);
    }

    public static void PrintWelcome(WebApplication app, DatabaseProvider provider, DemoOptions demo)
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine();
        Console.WriteLine($"Hệ thống quản lý công tác tổ chức xây dựng Đảng đang chạy ({provider}).");
        Console.WriteLine($"Mở trình duyệt: {urls}");
        if (demo.Enabled)
        {
            Console.WriteLine($"Tài khoản trình diễn (mật khẩu: {demo.Password}):");
            Console.WriteLine("  admin    – quản trị hệ thống");
            Console.WriteLine("  tochuc   – cán bộ Ban Tổ chức Tỉnh ủy Tây Ninh (đọc, ghi toàn tỉnh)");
            Console.WriteLine("  bithu    – bí thư một chi bộ");
            Console.WriteLine("  dangvien – đảng viên (chỉ xem hồ sơ của mình)");
        }
        Console.WriteLine();
    }
}
