using Nyckelfri.Common;

namespace Nyckelfri.Devices;

/// <summary>
/// Serial numbers (from the label or a scanner) and key numbers (nyckelnummer, printed on the label
/// and written on the client's lock, seed 003) are kept upper-case without surrounding spaces, so a
/// scanned "ph-1234 " and a typed "PH-1234" are the same device.
/// </summary>
public static class DeviceNumbers
{
    public const int MaxSerialLength = 40;
    public const int MaxKeyNumberLength = 20;

    public static string? Serial(Validator v, string field, string? value, string label = "Serienummer") =>
        Normalize(v, field, value, label, MaxSerialLength, required: true);

    public static string? KeyNumber(Validator v, string field, string? value, bool required, string label = "Nyckelnummer") =>
        Normalize(v, field, value, label, MaxKeyNumberLength, required);

    /// <summary>True when the text is a well-formed number of the given length: letters, digits, '-', '.', '/'.</summary>
    public static bool IsWellFormed(string value, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/');

    private static string? Normalize(Validator v, string field, string? value, string label, int maxLength, bool required)
    {
        var trimmed = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) v.Add(field, $"{label} måste anges.");
            return null;
        }
        if (!IsWellFormed(trimmed, maxLength))
        {
            v.Add(field, $"{label} får vara högst {maxLength} tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
            return null;
        }
        return trimmed;
    }
}
