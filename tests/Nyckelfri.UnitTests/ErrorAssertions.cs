using Nyckelfri.Common;

namespace Nyckelfri.UnitTests;

internal static class ErrorAssertions
{
    /// <summary>Exactly one field in error, with exactly this one Swedish message.</summary>
    public static void ShouldBeSingleError(this IReadOnlyDictionary<string, string[]> errors, string field, string message)
    {
        errors.Keys.ShouldBe([field]);
        errors[field].ShouldBe([message]);
    }

    public static void ShouldBeSingleError(this ValidationFailedException exception, string field, string message) =>
        exception.Errors.ShouldBeSingleError(field, message);
}
