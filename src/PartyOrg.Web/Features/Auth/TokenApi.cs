using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Account;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

public sealed record RefreshRequest(string? RefreshToken);

public static class TokenApi
{
    /// <summary>
    /// POST /api/v1/auth/token {"userName","password"[,"twoFactorCode"]} → {"accessToken","expiresIn","refreshToken"} (bearer).
    /// POST /api/v1/auth/refresh {"refreshToken"} → a new pair, while the account still stands.
    /// </summary>
    public static void MapTokenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (TokenRequest request, SignInGate gate, SignInManager<AppUser> signIn, AccountLog log) =>
        {
            var (check, user) = await gate.CheckPasswordAsync(request.UserName, request.Password);
            if (check == SignInCheck.Throttled)
                return TypedResults.Problem(title: SignInGate.ThrottledMessage, statusCode: StatusCodes.Status429TooManyRequests);
            if (check == SignInCheck.NeedsTwoFactor && !await gate.CheckTwoFactorAsync(user!, request.TwoFactorCode))
                return TypedResults.Problem(title: SignInGate.FailedMessage, detail: "Tài khoản này cần mã xác thực hai lớp (twoFactorCode).", statusCode: StatusCodes.Status401Unauthorized);
            if (user is null)
                return TypedResults.Problem(title: SignInGate.FailedMessage, statusCode: StatusCodes.Status401Unauthorized);
            await log.WriteAsync(user.UserName!, AccountEventKinds.TokenIssued, actorName: user.UserName);
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Đăng nhập");

        api.MapPost("/auth/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (RefreshRequest request, SignInManager<AppUser> signIn,
            IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, AccountLog log) =>
        {
            var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null
                : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            var user = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires
                ? await signIn.ValidateSecurityStampAsync(ticket.Principal) : null;
            if (user is null || user.IsDisabled || await signIn.UserManager.IsLockedOutAsync(user))
                return TypedResults.Problem(title: Problems.Title(StatusCodes.Status401Unauthorized), statusCode: StatusCodes.Status401Unauthorized);
            await log.WriteAsync(user.UserName!, AccountEventKinds.TokenRefreshed, actorName: user.UserName);
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Đăng nhập");
    }
}
