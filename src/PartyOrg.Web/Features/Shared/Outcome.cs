using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared;

/// <summary>The result of a write: done, refused by the rules (field errors), not found, or forbidden.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<FieldError> Errors, OutcomeKind Kind)
{
    public static Outcome<T> Ok(T value) => new(value, [], OutcomeKind.Ok);
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, errors, OutcomeKind.Invalid);
    public static Outcome<T> NotFound() => new(default, [], OutcomeKind.NotFound);
    public static Outcome<T> Forbidden() => new(default, [], OutcomeKind.Forbidden);
    /// <summary>The write was based on a stale version of the record: nothing saved. Value is the record as stored now.</summary>
    public static Outcome<T> Stale(T current) => new(current, [], OutcomeKind.Stale);
    /// <summary>The API write named no version (If-Match) to base it on.</summary>
    public static Outcome<T> VersionRequired() => new(default, [], OutcomeKind.VersionRequired);

    /// <summary>The API answer when the write did not happen (ProblemDetails), or null when it did.</summary>
    public IResult? Failure() => Kind switch
    {
        OutcomeKind.Ok => null,
        OutcomeKind.Invalid => TypedResults.ValidationProblem(
            Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Dữ liệu không hợp lệ, chưa lưu.",
            detail: string.Join(" ", Errors.Select(e => e.Message))),
        OutcomeKind.NotFound => TypedResults.Problem(title: "Không tìm thấy.", statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Forbidden => TypedResults.Problem(title: "Tài khoản không có quyền ghi ở đây.", statusCode: StatusCodes.Status403Forbidden),
        OutcomeKind.VersionRequired => Versions.Required(),
        OutcomeKind.Stale => TypedResults.Problem(title: PartyOrg.Web.Hosting.Problems.Title(StatusCodes.Status412PreconditionFailed), statusCode: StatusCodes.Status412PreconditionFailed),
    };
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Stale,
    VersionRequired,
}
