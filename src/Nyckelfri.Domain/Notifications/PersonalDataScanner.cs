using System.Text.RegularExpressions;

namespace Nyckelfri.Notifications;

/// <summary>
/// Finds what looks like personal data in a text that is about to leave Nyckelfri: personnummer
/// (10 or 12 digits, with or without separator), phone numbers, e-mail addresses, street addresses,
/// door codes mentioned as such, and any of a list of known names (the registry's). A guard for tests
/// and for the outbox, not a proof: it errs on the side of reporting.
/// </summary>
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
        Add("personnummer", PersonalIdentityNumber());
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

    [GeneratedRegex(@"(?<!\d)(19|20)?\d{6}[-+]?\d{4}(?!\d)")]
    private static partial Regex PersonalIdentityNumber();

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
