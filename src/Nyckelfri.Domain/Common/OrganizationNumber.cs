using Nyckelfri.Clients;

namespace Nyckelfri.Common;

/// <summary>
/// A Swedish organisation number (organisationsnummer) of a provider or a property owner: ten digits,
/// written NNNNNN-NNNN, the last a Luhn check digit as in a personnummer. A sole trader's number is
/// their personnummer, so the digits are not otherwise restricted.
/// </summary>
public static class OrganizationNumber
{
    /// <summary>Accepts NNNNNN-NNNN or ten digits in a row; <paramref name="formatted"/> is always NNNNNN-NNNN.</summary>
    public static bool TryParse(string? input, out string? formatted, out string error)
    {
        formatted = null;
        error = "Organisationsnumret måste anges.";
        if (string.IsNullOrWhiteSpace(input)) return false;

        var text = input.Trim();
        if (text.Length == 11 && text[6] == '-') text = text.Remove(6, 1);
        if (text.Length != 10 || !text.All(char.IsAsciiDigit))
        {
            error = "Organisationsnumret har fel format. Skriv NNNNNN-NNNN.";
            return false;
        }
        if (!PersonalIdentityNumber.HasValidCheckDigit(text))
        {
            error = "Organisationsnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.";
            return false;
        }

        formatted = $"{text[..6]}-{text[6..]}";
        error = string.Empty;
        return true;
    }
}
