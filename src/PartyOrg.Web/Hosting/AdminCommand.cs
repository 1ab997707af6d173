using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Account;

namespace PartyOrg.Web.Hosting;

/// <summary>
/// The command-line verbs of the application: <c>create-admin NAME</c> creates an administrator on a fresh deployment.
/// The password is read from standard input (typed hidden at a terminal, or piped), never from the command line or a log.
/// </summary>
public static class AdminCommand
{
    public const string CreateAdmin = "create-admin";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateAdmin;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not [CreateAdmin, var name] || string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine("Cách dùng: dotnet PartyOrg.Web.dll create-admin TÊN_ĐĂNG_NHẬP   (mật khẩu đọc từ bàn phím hoặc từ đầu vào chuẩn)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is not null)
        {
            Console.Error.WriteLine($"Tài khoản \"{name}\" đã có.");
            return 1;
        }
        var password = ReadPassword("Mật khẩu (ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt): ");
        if (!Console.IsInputRedirected && ReadPassword("Nhập lại mật khẩu: ") != password)
        {
            Console.Error.WriteLine("Hai lần nhập mật khẩu không khớp; chưa tạo tài khoản.");
            return 1;
        }
        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
        var user = new AppUser { UserName = name, DisplayName = "Quản trị hệ thống", CanWrite = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Admin);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        await scope.ServiceProvider.GetRequiredService<AccountLog>().WriteAsync(name, AccountEventKinds.Created, "Quản trị hệ thống, tạo từ dòng lệnh", AuditActor.SystemName);
        Console.WriteLine($"Đã tạo quản trị viên \"{name}\". Đăng nhập tại trang /Account/Login.");
        return 0;
    }

    /// <summary>On a fresh production database with no account, says how to create the first administrator.</summary>
    public static async Task PrintFirstStepIfNoAccountAsync(AppDbContext db, ILogger log)
    {
        if (await db.Users.AnyAsync()) return;
        log.LogWarning("Chưa có tài khoản nào. Tạo quản trị viên đầu tiên bằng lệnh: dotnet run --project src/PartyOrg.Web -- create-admin TÊN_ĐĂNG_NHẬP (hoặc: dotnet PartyOrg.Web.dll create-admin TÊN_ĐĂNG_NHẬP); mật khẩu được hỏi khi chạy lệnh.");
    }

    private static string ReadPassword(string prompt)
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine() ?? "";
        Console.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }
}

public static class RoleSetup
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
