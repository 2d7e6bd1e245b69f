using System.Globalization;
using System.Linq.Expressions;

namespace Nyckelfri.Common;

/// <summary>
/// Search in text columns that have no stored search key (streets, owner names). Every word typed
/// must occur in one of the fields. SQLite's lower() (and PostgreSQL's under the C locale) folds
/// only ASCII, so "östra" would miss "Östra"; the word is therefore also tried with a Swedish
/// capital first letter, which is how names and streets are written. A column kept lower-cased
/// in .NET, like <c>Client.SearchName</c>, would catch every case.
/// </summary>
public static class TextSearch
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly System.Reflection.MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    public static IQueryable<T> WhereWordsIn<T>(this IQueryable<T> query, string? search, params Expression<Func<T, string?>>[] fields)
    {
        foreach (var word in SearchText.Terms(search))
        {
            var row = Expression.Parameter(typeof(T), "row");
            var lower = Parameter(word);
            var capital = Parameter(char.ToUpper(word[0], Swedish) + word[1..]);
            Expression? anyField = null;
            foreach (var field in fields)
            {
                var value = new Rebind(field.Parameters[0], row).Visit(field.Body);
                var match = Expression.OrElse(
                    Expression.Call(Expression.Call(value, ToLower), Contains, lower),
                    Expression.Call(value, Contains, capital));
                anyField = anyField is null ? match : Expression.OrElse(anyField, match);
            }
            if (anyField is not null) query = query.Where(Expression.Lambda<Func<T, bool>>(anyField, row));
        }
        return query;
    }

    // A captured value, so that EF sends the word as a query parameter rather than SQL text.
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Value));

    private sealed record Captured(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
