using System.Globalization;

namespace Nyckelfri.Common;

/// <summary>
/// Search keys are lower-cased in .NET with Swedish rules and stored beside the name: SQLite's
/// lower() knows only ASCII, so "Åsa" would not match "åsa" if the database did the folding.
/// </summary>
public static class SearchText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Of(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLower(Swedish);

    /// <summary>The user's search words, folded the same way; empty when nothing was typed.</summary>
    public static string[] Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Trim().ToLower(Swedish).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5).ToArray();
}
