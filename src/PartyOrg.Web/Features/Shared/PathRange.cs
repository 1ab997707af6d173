using System.Linq.Expressions;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// Prefix matches written as index ranges ("x >= lo AND x &lt; hi"), which both SQLite and PostgreSQL
/// (with the "C" collation) answer from a b-tree index instead of a scan.
/// </summary>
public static class PathRange
{
    /// <summary>All paths below "/1/17/" (itself included) lie in ["/1/17/", "/1/170").</summary>
    public static string UpperBound(string pathPrefix) => pathPrefix[..^1] + "0";

    /// <summary>All folded names starting with "nguyen van" lie in ["nguyen van", "nguyen van~").</summary>
    public static string TextUpperBound(string prefix) => prefix + "~";

    public static Expression<Func<T, bool>> WithinAny<T>(Expression<Func<T, string>> path, IReadOnlyCollection<string> prefixes)
    {
        var parameter = path.Parameters[0];
        Expression? any = null;
        foreach (var prefix in prefixes)
        {
            var within = Between(path.Body, prefix, UpperBound(prefix));
            any = any is null ? within : Expression.OrElse(any, within);
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), parameter);
    }

    public static Expression<Func<T, bool>> StartsWith<T>(Expression<Func<T, string>> text, string prefix) =>
        Expression.Lambda<Func<T, bool>>(Between(text.Body, prefix, TextUpperBound(prefix)), text.Parameters[0]);

    private static readonly System.Reflection.MethodInfo Compare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static BinaryExpression Between(Expression value, string low, string high)
    {
        // Captured as closures so the database sees parameters, not literals.
        var lowValue = Expression.Property(Expression.Constant(new Holder(low)), nameof(Holder.Value));
        var highValue = Expression.Property(Expression.Constant(new Holder(high)), nameof(Holder.Value));
        var zero = Expression.Constant(0);
        return Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(Compare, value, lowValue), zero),
            Expression.LessThan(Expression.Call(Compare, value, highValue), zero));
    }

    private sealed record Holder(string Value);
}
