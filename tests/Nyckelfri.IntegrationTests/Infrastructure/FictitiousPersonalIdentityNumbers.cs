using System.Globalization;
using Nyckelfri.Clients;

namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>
/// Valid personnummer (correct date and Luhn check digit) for test data. Each call takes the next
/// birth serial, so numbers are unique within a test run.
/// </summary>
public static class FictitiousPersonalIdentityNumbers
{
    private static int _next;

    /// <summary>A number for someone born on <paramref name="birthDate"/> (default: in the 1930s, as many home-care clients are).</summary>
    public static PersonalIdentityNumber Next(DateOnly? birthDate = null)
    {
        var sequence = Interlocked.Increment(ref _next);
        var born = birthDate ?? new DateOnly(1930, 1, 1).AddDays(sequence % 3650);
        var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        var twelve = born.ToString("yyyy", CultureInfo.InvariantCulture) + nine[2..] + PersonalIdentityNumber.CheckDigitFor(nine);
        // Parse, rather than build the value, so the generator can only ever produce what the app accepts;
        // 'today' just has to be a plausible day after the birth.
        return PersonalIdentityNumber.Parse(twelve, today: born.AddYears(1));
    }
}
