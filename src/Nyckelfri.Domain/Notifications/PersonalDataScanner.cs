using System.Globalization;
using System.Text.RegularExpressions;
using Nyckelfri.Clients;

namespace Nyckelfri.Notifications;

/// <summary>
/// Finds what looks like personal data in a text that is about to leave Nyckelfri: personnummer,
/// phone numbers, e-mail addresses, street addresses, door codes mentioned as such, and any of a list
/// of known names (the registry's). A guard for tests and for the outbox, not a proof: it errs on the
/// side of reporting, except where reporting would be wrong every time it fires.
/// </summary>
/// <remarks>
/// A personnummer is recognised the way the product validates one (<see cref="PersonalIdentityNumber"/>):
/// 10 or 12 digits, with or without a '-' or '+' before the last four, a real date (or a co-ordination
/// number's day + 60) and a correct check digit. It must stand as a token of its own: digits inside a
/// Guid, a URL path, a reference number or a longer run of digits are not a personnummer, because
/// every work-order link carries a Guid and about one Guid in 80 holds ten digits that would pass.
/// </remarks>
public static partial class PersonalDataScanner
{
    public sealed record Finding(string Kind, string Text);

    public static IReadOnlyList<Finding> Scan(string text, IEnumerable<string>? knownNames = null)
    {
        var findings = new List<Finding>();
        void Add(string kind, Regex pattern)
        {
            foreach (Match m in pattern.Matches(text)) findings.Add(new Finding(kind, m.Value));
        }
        foreach (Match m in PersonalIdentityNumberCandidate().Matches(text))
            if (IsValidPersonalIdentityNumber(m.Value)) findings.Add(new Finding("personnummer", m.Value));
        Add("telefonnummer", Phone());
        Add("e-postadress", Email());
        Add("gatuadress", StreetAddress());
        Add("portkod", DoorCode());
        foreach (var name in knownNames ?? [])
        {
            if (name.Length >= 3 && Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                findings.Add(new Finding("namn", name));
        }
        return findings;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> (YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC or
    /// YYMMDDNNNC) has a real birth date and a correct check digit. Without the century both 19 and
    /// 20 are tried, so that a 29 February is not missed. No age limit: a scanner errs on reporting.
    /// </summary>
    public static bool IsValidPersonalIdentityNumber(string candidate)
    {
        var digits = candidate.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        if (digits.Length is not (10 or 12) || !digits.All(char.IsAsciiDigit)) return false;
        var ten = digits[^10..];
        if (!PersonalIdentityNumber.HasValidCheckDigit(ten)) return false;
        string[] centuries = digits.Length == 12 ? [digits[..2]] : ["19", "20"];
        return centuries.Any(century => IsBirthDate(century + ten[..6]));
    }

    private static bool IsBirthDate(string yyyyMMdd)
    {
        var day = int.Parse(yyyyMMdd.AsSpan(6, 2), CultureInfo.InvariantCulture);
        if (day is 0 or 60) return false;
        var realDay = day > 60 ? day - 60 : day;
        return DateOnly.TryParseExact(yyyyMMdd[..6] + realDay.ToString("00", CultureInfo.InvariantCulture), "yyyyMMdd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    // A whole token: not preceded by a letter, digit, '_', '-', '/', '.', ':', '#', '=' or '+' (a Guid's
    // group, a path, a decimal, a reference such as A-2026-0042), nor followed by a word character, '-',
    // '/' or a '.' and a digit.
    [GeneratedRegex(@"(?<![\w\-/.:#=+])(?:\d{8}|\d{6})[-+]?\d{4}(?![\w\-/]|\.\d)")]
    private static partial Regex PersonalIdentityNumberCandidate();

    // Swedish numbers: 07x-xxx xx xx, 08-xxx xx xx, +46 … Not digits inside a link or an id: a work order's link
    // ("/Arenden/01998765-4321-…", a version 7 Guid) often starts with a run of digits after a 0.
    [GeneratedRegex(@"(?<![\w/-])(\+46[\s-]?|0)\d{1,3}(?:[\s-]?\d){5,8}(?![\w-])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\p{L}+(gatan|vägen|gränd|gången|backen|torget|allén|stigen|plan|leden)\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b(portkod|dörrkod|kod)(en)?\b\W{0,3}\w*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex DoorCode();
}
