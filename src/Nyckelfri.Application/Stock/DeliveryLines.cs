using System.Text.RegularExpressions;
using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// The devices of a delivery as the installer scans or types them: one per line, the serial number
/// optionally followed by the key number after a space, a tab, ';' or ','. A scanner types a line
/// per label, and a pasted spreadsheet column pair arrives tab-separated, so all of these are read the same.
/// </summary>
public static partial class DeliveryLines
{
    public const int MaxDevices = 500;
    private const int ShownLength = 40;

    /// <param name="Line">The line number in the text (blank lines count), or the position in a list.</param>
    /// <param name="Values">Everything found on the line: the serial, perhaps the key number, perhaps too much.</param>
    public sealed record Raw(int Line, IReadOnlyList<string> Values);

    public sealed record Parsed(int Line, string Serial, string? KeyNumber);

    /// <summary>The text's non-blank lines, split into their values.</summary>
    public static List<Raw> FromText(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n')
            .Select((line, index) => new Raw(index + 1, Separators().Split(line.Trim()).Where(s => s.Length > 0).ToList()))
            .Where(raw => raw.Values.Count > 0)
            .ToList();

    /// <summary>
    /// Serial/key pairs as an API client sends them. An entry without a serial number is kept with an
    /// empty first value, to be reported rather than have its key number taken for a serial.
    /// </summary>
    public static List<Raw> FromPairs(IEnumerable<(string? Serial, string? KeyNumber)> pairs) =>
        pairs.Select((p, index) =>
            {
                var serial = p.Serial?.Trim() ?? "";
                var key = p.KeyNumber?.Trim() ?? "";
                return new Raw(index + 1, key.Length == 0 ? [serial] : [serial, key]);
            })
            .ToList();

    /// <summary>
    /// Checks every line's numbers and the delivery as a whole (not empty, not too large, nothing twice),
    /// adding every problem to <paramref name="field"/> with the serial numbers it concerns. Returns the
    /// well-formed lines, upper-cased as they are stored.
    /// </summary>
    public static List<Parsed> Check(Validator v, string field, IReadOnlyList<Raw> lines)
    {
        if (lines.Count == 0) { v.Add(field, "Ange minst ett serienummer, ett per rad."); return []; }
        if (lines.Count > MaxDevices)
        {
            v.Add(field, $"En leverans får ha högst {MaxDevices} enheter, men här finns {lines.Count} rader. Dela upp leveransen.");
            return [];
        }
        var parsed = lines.Select(line => Parse(v, field, line)).OfType<Parsed>().ToList();
        foreach (var twice in parsed.GroupBy(p => p.Serial).Where(g => g.Count() > 1))
            v.Add(field, $"Serienumret {twice.Key} står på flera rader i leveransen (rad {Positions(twice)}).");
        foreach (var twice in parsed.Where(p => p.KeyNumber is not null).GroupBy(p => p.KeyNumber!).Where(g => g.Count() > 1))
            v.Add(field, $"Nyckelnumret {twice.Key} står på flera rader i leveransen (rad {Positions(twice)}, serienummer {string.Join(", ", twice.Select(p => p.Serial))}).");
        return parsed;
    }

    private static Parsed? Parse(Validator v, string field, Raw line)
    {
        if (line.Values.Count == 0 || line.Values[0].Length == 0)
        {
            v.Add(field, line.Values.Count == 2
                ? $"Rad {line.Line}: \"{Shown(line.Values[1])}\" saknar serienummer."
                : $"Rad {line.Line}: serienummer saknas.");
            return null;
        }
        if (line.Values.Count > 2)
        {
            v.Add(field, $"Rad {line.Line}: \"{Shown(string.Join(' ', line.Values))}\" har för många värden. Skriv serienumret och eventuellt nyckelnumret, åtskilda med mellanslag, semikolon eller komma.");
            return null;
        }
        var serial = line.Values[0].ToUpperInvariant();
        var key = line.Values.Count == 2 ? line.Values[1].ToUpperInvariant() : null;
        var ok = true;
        if (!DeviceNumbers.IsWellFormed(serial, DeviceNumbers.MaxSerialLength))
        {
            v.Add(field, $"Rad {line.Line}: serienumret \"{Shown(line.Values[0])}\" är ogiltigt. Det får vara högst {DeviceNumbers.MaxSerialLength} tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
            ok = false;
        }
        if (key is not null && !DeviceNumbers.IsWellFormed(key, DeviceNumbers.MaxKeyNumberLength))
        {
            v.Add(field, $"Rad {line.Line}: nyckelnumret \"{Shown(line.Values[1])}\" (serienummer {Shown(serial)}) är ogiltigt. Det får vara högst {DeviceNumbers.MaxKeyNumberLength} tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
            ok = false;
        }
        return ok ? new Parsed(line.Line, serial, key) : null;
    }

    private static string Positions(IEnumerable<Parsed> lines)
    {
        var numbers = lines.Select(l => l.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 1 ? numbers[0] : string.Join(", ", numbers[..^1]) + " och " + numbers[^1];
    }

    // What the user typed goes back in the message, but not a whole page of it.
    private static string Shown(string value) => value.Length <= ShownLength ? value : value[..ShownLength] + "…";

    [GeneratedRegex(@"[\s;,]+")]
    private static partial Regex Separators();
}
