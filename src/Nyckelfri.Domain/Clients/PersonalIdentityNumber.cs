using System.Globalization;

namespace Nyckelfri.Clients;

/// <summary>
/// A Swedish personal identity number (personnummer) or co-ordination number (samordningsnummer,
/// day + 60). Always held normalised as 12 digits, YYYYMMDDNNNC. It is personal data: <see cref="ToString"/>
/// returns the masked form, so that an accidental log line or string interpolation never leaks it.
/// </summary>
public sealed class PersonalIdentityNumber : IEquatable<PersonalIdentityNumber>
{
    private PersonalIdentityNumber(string normalized) => Value = normalized;

    /// <summary>The 12 digits, YYYYMMDDNNNC. Personal data: show only to roles that may see it.</summary>
    public string Value { get; }

    public bool IsCoordinationNumber => int.Parse(Value.AsSpan(6, 2), CultureInfo.InvariantCulture) > 60;

    /// <summary>The date of birth (for a co-ordination number, the day with 60 taken off).</summary>
    public DateOnly BirthDate => DateOnly.ParseExact(
        Value[..6] + (int.Parse(Value.AsSpan(6, 2), CultureInfo.InvariantCulture) % 60).ToString("00", CultureInfo.InvariantCulture),
        "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>YYYYMMDD-NNNC: the full number, for the roles that need it.</summary>
    public string Formatted => $"{Value[..8]}-{Value[8..]}";

    /// <summary>YYYYMMDD-XXXX: what everyone else sees.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string normalized) =>
        normalized.Length >= 8 ? $"{normalized[..8]}-XXXX" : "XXXXXXXX-XXXX";

    public override string ToString() => Masked;

    /// <summary>
    /// Parses 10 or 12 digits with or without '-' or '+' (a 10-digit number with '+' belongs to
    /// someone aged 100 or more). <paramref name="today"/> settles the century of a 10-digit number.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out PersonalIdentityNumber? number, out string error)
    {
        number = null;
        error = "Personnumret måste anges.";
        if (string.IsNullOrWhiteSpace(input)) return false;

        var text = input.Trim();
        var plus = false;
        var separatorAt = text.IndexOfAny(['-', '+']);
        if (separatorAt >= 0)
        {
            plus = text[separatorAt] == '+';
            if (text.Length - separatorAt != 5 || text.LastIndexOfAny(['-', '+']) != separatorAt)
            {
                error = "Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
                return false;
            }
            text = text.Remove(separatorAt, 1);
        }

        if (!text.All(char.IsAsciiDigit) || text.Length is not (10 or 12))
        {
            error = "Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
            return false;
        }

        string full;
        if (text.Length == 12)
        {
            full = text;
        }
        else
        {
            var yy = int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var century = today.Year / 100 * 100;
            var year = century + yy;
            if (year > today.Year) year -= 100;
            if (plus) year -= 100;
            full = year.ToString("0000", CultureInfo.InvariantCulture) + text[2..];
        }

        var day = int.Parse(full.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var realDay = day > 60 ? day - 60 : day;
        if (!DateOnly.TryParseExact(full[..6] + realDay.ToString("00", CultureInfo.InvariantCulture), "yyyyMMdd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || day is 0 or 60)
        {
            error = "Personnumret innehåller inget giltigt datum.";
            return false;
        }
        if (birth > today)
        {
            error = "Personnumrets födelsedatum ligger i framtiden.";
            return false;
        }
        if (birth.Year < today.Year - 130)
        {
            error = "Personnumrets födelseår är orimligt.";
            return false;
        }
        if (!HasValidCheckDigit(full.AsSpan(2)))
        {
            error = "Personnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.";
            return false;
        }

        number = new PersonalIdentityNumber(full);
        error = string.Empty;
        return true;
    }

    public static PersonalIdentityNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var number, out var error) ? number! : throw new FormatException(error);

    /// <summary>Rehydrates a stored, already normalised value.</summary>
    public static PersonalIdentityNumber FromStored(string normalized) =>
        normalized.Length == 12 && normalized.All(char.IsAsciiDigit)
            ? new PersonalIdentityNumber(normalized)
            : throw new FormatException("Stored personal identity number is not 12 digits.");

    /// <summary>The Luhn check over the ten digits YYMMDDNNNC.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The check digit that completes nine digits YYMMDDNNN (used by the demo generator).</summary>
    public static int CheckDigitFor(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = nineDigits[i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    public bool Equals(PersonalIdentityNumber? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as PersonalIdentityNumber);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
