using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Account;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Users;

public sealed record UserView(
    string UserName, string? DisplayName, string Role, string RoleLabel, int? OrganizationId, string? OrganizationName,
    int? MemberId, bool CanWrite, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled, bool MustChangePassword);

/// <summary>An account as typed in a form or sent as JSON.</summary>
public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; }
    public int? OrganizationId { get; set; }
    public int? MemberId { get; set; }
    public bool CanWrite { get; set; }
    public string? DisplayName { get; set; }
}

/// <summary>
/// Accounts administered by the administrator (all) or by a commission with write rights (within its subtree, never an
/// administrator). Accounts outside the caller's reach do not exist for them. Every change renews the account's
/// security stamp, so its sessions and tokens end at once, and leaves an account event.
/// </summary>
public sealed class AccountAdmin(AppDbContext db, UserManager<AppUser> users, AccountLog log, TimeProvider clock)
{
    public static bool MayAdminister(UserScope scope) => scope.IsAdmin || (scope.Role == Roles.Commission && scope.CanWrite);

    public async Task<IReadOnlyList<UserView>> ListAsync(UserScope scope, string? q = null)
    {
        if (!MayAdminister(scope)) return [];
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          select new { User = u, Role = r == null ? null : r.Name }).ToListAsync();
        var places = await PlacesAsync(rows.Select(r => r.User));
        var folded = VnText.Fold(q ?? "");
        var now = clock.GetUtcNow();
        return rows
            .Where(r => Reaches(scope, r.Role, places.GetValueOrDefault(r.User.Id)))
            .Where(r => folded.Length == 0 || VnText.Fold(r.User.UserName).Contains(folded, StringComparison.Ordinal) || VnText.Fold(r.User.DisplayName ?? "").Contains(folded, StringComparison.Ordinal))
            .Select(r => View(r.User, r.Role, places.GetValueOrDefault(r.User.Id), now))
            .OrderBy(v => v.UserName, StringComparer.Ordinal).ToList();
    }

    public async Task<UserView?> GetAsync(UserScope scope, string userName)
    {
        var (user, role, place) = await FindAsync(scope, userName);
        return user is null ? null : View(user, role, place, clock.GetUtcNow());
    }

    public async Task<Outcome<UserView>> CreateAsync(UserScope scope, UserInput input)
    {
        if (!MayAdminister(scope)) return Outcome<UserView>.Forbidden();
        var errors = new List<FieldError>();
        var name = (input.UserName ?? "").Trim();
        if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors.Add(new("userName", "Tên đăng nhập: từ 3 đến 64 ký tự, chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới."));
        var (role, place, placeErrors) = await CheckRoleAndPlaceAsync(scope, input);
        errors.AddRange(placeErrors);
        if (string.IsNullOrEmpty(input.Password)) errors.Add(new("password", "Mật khẩu: không được để trống."));
        else if (input.Password.Length > 256) errors.Add(new("password", "Mật khẩu: dài quá 256 ký tự."));
        if (errors.Count == 0 && await users.FindByNameAsync(name) is not null)
            errors.Add(new("userName", $"Tên đăng nhập: \"{name}\" đã được dùng."));
        if (errors.Count > 0) return Outcome<UserView>.Invalid(errors);

        var user = new AppUser
        {
            UserName = name, DisplayName = InputParsing.Optional(input.DisplayName) is { } d && d.Length <= 120 ? d : null,
            ScopeOrganizationId = place!.OrganizationId, MemberId = place.MemberId, CanWrite = input.CanWrite && role != Roles.Member,
            // The creator knows the first password: the user chooses their own at the first sign-in.
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return Outcome<UserView>.Invalid(created.Errors.Select(e => new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description)).ToList());
        await users.AddToRoleAsync(user, role!);
        await log.WriteAsync(name, AccountEventKinds.Created, $"{Roles.Label(role!)}; phạm vi: {place.Name}{(user.CanWrite ? "; được ghi" : "; chỉ xem")}");
        return Outcome<UserView>.Ok(View(user, role, place, clock.GetUtcNow()));
    }

    /// <summary>Changes the role, the scope or the right to write.</summary>
    public async Task<Outcome<UserView>> UpdateAsync(UserScope scope, string userName, UserInput input)
    {
        var (user, currentRole, currentPlace) = await FindAsync(scope, userName);
        if (user is null) return Outcome<UserView>.NotFound();
        if (user.UserName == scope.UserName) return Outcome<UserView>.Invalid([new("role", "Không tự đổi vai trò hay phạm vi của chính mình.")]);
        var (role, place, errors) = await CheckRoleAndPlaceAsync(scope, input);
        if (errors.Count > 0) return Outcome<UserView>.Invalid(errors);
        var canWrite = input.CanWrite && role != Roles.Member;
        if (role != currentRole)
        {
            if (currentRole is not null) await users.RemoveFromRoleAsync(user, currentRole);
            await users.AddToRoleAsync(user, role!);
            await log.WriteAsync(user.UserName!, AccountEventKinds.RoleChanged, $"{Roles.Label(currentRole ?? "")} → {Roles.Label(role!)}");
        }
        if (user.ScopeOrganizationId != place!.OrganizationId || user.MemberId != place.MemberId || user.CanWrite != canWrite)
        {
            await log.WriteAsync(user.UserName!, AccountEventKinds.ScopeChanged,
                $"{currentPlace?.Name ?? "—"}{(user.CanWrite ? " (ghi)" : " (xem)")} → {place.Name}{(canWrite ? " (ghi)" : " (xem)")}");
            user.ScopeOrganizationId = place.OrganizationId;
            user.MemberId = place.MemberId;
            user.CanWrite = canWrite;
        }
        await users.UpdateSecurityStampAsync(user);
        return Outcome<UserView>.Ok(View(user, role, place, clock.GetUtcNow()));
    }

    public Task<Outcome<UserView>> DisableAsync(UserScope scope, string userName) => SetDisabledAsync(scope, userName, true);

    public Task<Outcome<UserView>> EnableAsync(UserScope scope, string userName) => SetDisabledAsync(scope, userName, false);

    private async Task<Outcome<UserView>> SetDisabledAsync(UserScope scope, string userName, bool disabled)
    {
        var (user, role, place) = await FindAsync(scope, userName);
        if (user is null) return Outcome<UserView>.NotFound();
        if (user.UserName == scope.UserName) return Outcome<UserView>.Invalid([new("userName", "Không tự khóa tài khoản của chính mình.")]);
        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            if (!disabled) await users.SetLockoutEndDateAsync(user, null);
            await users.UpdateSecurityStampAsync(user);
            await log.WriteAsync(user.UserName!, disabled ? AccountEventKinds.Disabled : AccountEventKinds.Enabled);
        }
        return Outcome<UserView>.Ok(View(user, role, place, clock.GetUtcNow()));
    }

    /// <summary>Sets a new password (given, or generated and shown once to the caller) that the user must change at the next sign-in.</summary>
    public async Task<Outcome<string>> ResetPasswordAsync(UserScope scope, string userName, string? newPassword)
    {
        var (user, _, _) = await FindAsync(scope, userName);
        if (user is null) return Outcome<string>.NotFound();
        if (user.UserName == scope.UserName) return Outcome<string>.Invalid([new("userName", "Đổi mật khẩu của chính mình ở trang Đổi mật khẩu.")]);
        var password = string.IsNullOrEmpty(newPassword) ? Generate() : newPassword;
        if (password.Length > 256) return Outcome<string>.Invalid([new("password", "Mật khẩu: dài quá 256 ký tự.")]);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return Outcome<string>.Invalid(reset.Errors.Select(e => new FieldError("password", e.Description)).ToList());
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await log.WriteAsync(user.UserName!, AccountEventKinds.PasswordReset);
        return Outcome<string>.Ok(password);
    }

    /// <summary>The user's own password change: the current one is checked, every other session ends.</summary>
    public async Task<IReadOnlyList<FieldError>> ChangeOwnPasswordAsync(AppUser user, string? current, string? next)
    {
        if (string.IsNullOrEmpty(current)) return [new("currentPassword", "Mật khẩu hiện tại: không được để trống.")];
        if (string.IsNullOrEmpty(next)) return [new("newPassword", "Mật khẩu mới: không được để trống.")];
        if (current.Length > 256 || next.Length > 256) return [new("newPassword", "Mật khẩu: dài quá 256 ký tự.")];
        if (current == next) return [new("newPassword", "Mật khẩu mới: phải khác mật khẩu hiện tại.")];
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
            return changed.Errors.Select(e => new FieldError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword",
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Mật khẩu hiện tại: không đúng." : e.Description)).ToList();
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await log.WriteAsync(user.UserName!, AccountEventKinds.PasswordChanged);
        return [];
    }

    /// <summary>Where an account acts: its organization, or the member record for a member account.</summary>
    private sealed record Place(int? OrganizationId, int? MemberId, string Name, string? Path);

    private async Task<(AppUser? User, string? Role, Place? Place)> FindAsync(UserScope scope, string userName)
    {
        if (!MayAdminister(scope) || string.IsNullOrWhiteSpace(userName) || userName.Length > 256) return (null, null, null);
        var user = await users.FindByNameAsync(userName);
        if (user is null) return (null, null, null);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        var place = (await PlacesAsync([user])).GetValueOrDefault(user.Id);
        return Reaches(scope, role, place) ? (user, role, place) : (null, null, null);
    }

    /// <summary>An administrator reaches every account; a commission the non-administrators placed in its subtree.</summary>
    private static bool Reaches(UserScope scope, string? role, Place? place) =>
        scope.IsAdmin || (role != Roles.Admin && place?.Path is { } path && scope.Covers(path));

    private async Task<Dictionary<string, Place>> PlacesAsync(IEnumerable<AppUser> accounts)
    {
        var list = accounts.ToList();
        var orgIds = list.Where(u => u.ScopeOrganizationId is not null).Select(u => u.ScopeOrganizationId!.Value).Distinct().ToList();
        var memberIds = list.Where(u => u.ScopeOrganizationId is null && u.MemberId is not null).Select(u => u.MemberId!.Value).Distinct().ToList();
        var names = await OrganizationNames.OfAsync(db, orgIds);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (Name: names[o.Id], o.Path));
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => (m.FullName, m.OrgPath));
        var places = new Dictionary<string, Place>();
        foreach (var u in list)
        {
            if (u.ScopeOrganizationId is { } o && orgs.TryGetValue(o, out var org)) places[u.Id] = new Place(o, u.MemberId, org.Name, org.Path);
            else if (u.MemberId is { } m && members.TryGetValue(m, out var member)) places[u.Id] = new Place(null, m, member.FullName, member.OrgPath);
        }
        return places;
    }

    private async Task<(string? Role, Place? Place, List<FieldError> Errors)> CheckRoleAndPlaceAsync(UserScope scope, UserInput input)
    {
        var errors = new List<FieldError>();
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null) { errors.Add(new("role", $"Vai trò: chọn một trong {string.Join(", ", Roles.All)}.")); return (null, null, errors); }
        if (role == Roles.Admin && !scope.IsAdmin) { errors.Add(new("role", "Vai trò: chỉ quản trị hệ thống mới tạo được quản trị hệ thống.")); return (null, null, errors); }
        if (role == Roles.Admin) return (role, new Place(null, null, "Toàn hệ thống", null), errors);
        if (role == Roles.Member)
        {
            var member = input.MemberId is { } mid ? await scope.Filter(db.Members.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == mid) : null;
            if (member is null) errors.Add(new("memberId", "Đảng viên: phải chọn một đảng viên trong phạm vi được giao."));
            return (role, member is null ? null : new Place(null, member.Id, member.FullName, member.OrgPath), errors);
        }
        var org = input.OrganizationId is { } oid ? await scope.Filter(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == oid && o.EndedOn == null) : null;
        if (org is null) errors.Add(new("organizationId", "Tổ chức: phải chọn một tổ chức đang hoạt động trong phạm vi được giao."));
        else if (role == Roles.CellSecretary && !org.Type.IsCell()) errors.Add(new("organizationId", $"Tổ chức: bí thư chi bộ phải gắn với một chi bộ; \"{org.Name}\" không phải chi bộ."));
        // The staff member's own record, when given, must be a member of the organization they act for.
        if (org is not null && input.MemberId is { } own
            && !await scope.Filter(db.Members.AsNoTracking()).Where(m => m.Id == own).AnyAsync(PathRange.WithinAny<Member>(m => m.OrgPath, [org.Path])))
            errors.Add(new("memberId", "Đảng viên: hồ sơ đảng viên của người dùng phải thuộc tổ chức được giao."));
        return (role, org is null ? null : new Place(org.Id, input.MemberId, org.Name, org.Path), errors);
    }

    private UserView View(AppUser u, string? role, Place? place, DateTimeOffset now) => new(
        u.UserName!, u.DisplayName, role ?? Roles.Member, Roles.Label(role ?? Roles.Member), u.ScopeOrganizationId, place?.Name,
        u.MemberId, u.CanWrite, u.IsDisabled, u.LockoutEnd is { } end && end > now, u.TwoFactorEnabled, u.MustChangePassword);

    /// <summary>A temporary password meeting the policy: 16 characters from an unambiguous alphabet plus the required classes.</summary>
    private static string Generate()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 12).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]).ToArray();
        return new string(chars) + "-" + RandomNumberGenerator.GetInt32(10) + "aA";
    }
}
