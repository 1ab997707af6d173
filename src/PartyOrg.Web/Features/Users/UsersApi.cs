using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Hosting;

namespace PartyOrg.Web.Features.Users;

public sealed record ResetPasswordRequest(string? Password);

public sealed record ResetPasswordAnswer(string UserName, string TemporaryPassword, bool MustChangePassword);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record UserList(IReadOnlyList<UserView> Items, int Total);

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Tài khoản");

        users.MapGet("/", async Task<Results<Ok<UserList>, ProblemHttpResult>> (string? q, ScopeResolver scopes, AccountAdmin admin) =>
        {
            var scope = await scopes.CurrentAsync();
            if (!AccountAdmin.MayAdminister(scope)) return Forbidden();
            var list = await admin.ListAsync(scope, q);
            return TypedResults.Ok(new UserList(list, list.Count));
        });

        users.MapGet("/{userName}", async Task<Results<Ok<UserView>, ProblemHttpResult>> (string userName, ScopeResolver scopes, AccountAdmin admin) =>
            await admin.GetAsync(await scopes.CurrentAsync(), userName) is { } user ? TypedResults.Ok(user) : NotFound());

        users.MapPost("/", async Task<Results<Created<UserView>, ProblemHttpResult, ValidationProblem>> (UserInput input, ScopeResolver scopes, AccountAdmin admin) =>
            Answer(await admin.CreateAsync(await scopes.CurrentAsync(), input), v => TypedResults.Created($"/api/v1/users/{v.UserName}", v)));

        users.MapPut("/{userName}", async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> (string userName, UserInput input, ScopeResolver scopes, AccountAdmin admin) =>
            Answer(await admin.UpdateAsync(await scopes.CurrentAsync(), userName, input), TypedResults.Ok));

        users.MapPost("/{userName}/disable", async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> (string userName, ScopeResolver scopes, AccountAdmin admin) =>
            Answer(await admin.DisableAsync(await scopes.CurrentAsync(), userName), TypedResults.Ok));

        users.MapPost("/{userName}/enable", async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> (string userName, ScopeResolver scopes, AccountAdmin admin) =>
            Answer(await admin.EnableAsync(await scopes.CurrentAsync(), userName), TypedResults.Ok));

        users.MapPost("/{userName}/reset-password", async Task<Results<Ok<ResetPasswordAnswer>, ProblemHttpResult, ValidationProblem>> (string userName, ResetPasswordRequest? request, ScopeResolver scopes, AccountAdmin admin) =>
            Answer(await admin.ResetPasswordAsync(await scopes.CurrentAsync(), userName, request?.Password), p => TypedResults.Ok(new ResetPasswordAnswer(userName, p, true))));

        api.MapPost("/account/password", async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> (ChangePasswordRequest request, HttpContext http, UserManager<AppUser> userManager, AccountAdmin admin) =>
        {
            if (http.Items[SessionCheck.UserKey] is not AppUser user) return TypedResults.Problem(title: Problems.Title(401), statusCode: 401);
            var errors = await admin.ChangeOwnPasswordAsync(user, request.CurrentPassword, request.NewPassword);
            return errors.Count == 0 ? TypedResults.NoContent() : (Outcome<bool>.Invalid(errors).Failure() as ValidationProblem)!;
        }).WithTags("Tài khoản");
    }

    private static Results<T, ProblemHttpResult, ValidationProblem> Answer<TValue, T>(Outcome<TValue> outcome, Func<TValue, T> ok) where T : IResult =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.Invalid => (ValidationProblem)outcome.Failure()!,
            OutcomeKind.NotFound => NotFound(),
            _ => Forbidden(),
        };

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: Problems.Title(404), statusCode: 404);
    private static ProblemHttpResult Forbidden() => TypedResults.Problem(title: Problems.Title(403), statusCode: 403);
}
