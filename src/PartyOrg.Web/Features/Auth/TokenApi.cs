using Microsoft.AspNetCore.Identity;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public static class TokenApi
{
    /// <summary>POST /api/v1/auth/token {"userName","password"} → {"accessToken", ...} (bearer).</summary>
    public static void MapTokenApi(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", async (TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName);
            if (user is null || string.IsNullOrEmpty(request.Password))
                return Results.Problem(title: "Tên đăng nhập hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized);
            var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (check.IsLockedOut)
                return Results.Problem(title: "Tài khoản đang bị khóa tạm thời do đăng nhập sai nhiều lần.", statusCode: StatusCodes.Status423Locked);
            if (!check.Succeeded)
                return Results.Problem(title: "Tên đăng nhập hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithSummary("Cấp mã truy cập (bearer) cho tài khoản.");
}
