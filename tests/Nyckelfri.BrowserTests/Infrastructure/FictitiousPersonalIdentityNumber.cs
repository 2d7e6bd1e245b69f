using System.Globalization;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// A made-up personnummer for someone born in 1938 with a random birth serial: valid (Luhn check
/// digit over YYMMDDNNN), and a copy with a wrong check digit. The Luhn sum is computed here, not
/// taken from the app, so the test checks the app's rule instead of repeating it.
/// </summary>
public sealed record FictitiousPersonalIdentityNumber(string Valid, string WithWrongCheckDigit)
{
    /// <summary>YYYYMMDD: what the masked form shows.</summary>
    public string BirthDate => Valid[..8];

    /// <summary>NNNC: what must never be shown without a logged reveal.</summary>
    public string LastFour => Valid[^4..];

    public string Masked => $"{BirthDate}-XXXX";

    /// <param name="shownAlongside">Other text the page will show (an address, say): the last four
    /// digits must not occur in it either, or "never shown" could not be checked.</param>
    public static FictitiousPersonalIdentityNumber Next(params string[] shownAlongside)
    {
        while (true)
        {
            var born = new DateOnly(1938, 1, 1).AddDays(Random.Shared.Next(365));
            var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(1000).ToString("000", CultureInfo.InvariantCulture);
            var check = CheckDigit(nine);
            var valid = $"19{nine[..6]}-{nine[6..]}{check}";
            var candidate = new FictitiousPersonalIdentityNumber(valid, $"19{nine[..6]}-{nine[6..]}{(check + 1) % 10}");
            if (!shownAlongside.Append(candidate.BirthDate).Any(text => text.Contains(candidate.LastFour, StringComparison.Ordinal)))
                return candidate;
        }
    }

    private static int CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
