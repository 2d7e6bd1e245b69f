using System.Globalization;

namespace Nyckelfri.Demo;

/// <summary>
/// The demo's one source of chance. A fixed seed and a fixed order of draws make every run on an
/// empty database produce the same names, numbers and dates (given the same "today").
/// </summary>
internal sealed class DemoRandom(int seed)
{
    public const int Seed = 2026;

    // PTS reserves 070-174 06 05 – 070-174 06 99 for fiction: no real subscriber can be reached.
    private const int FirstFictionalMobile = 605;
    private const int LastFictionalMobile = 699;

    private readonly Random _random = new(seed);

    public int Between(int minInclusive, int maxInclusive) => _random.Next(minInclusive, maxInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks by weight: <c>(item, weight)</c> pairs, weights need not add up to anything.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return items[^1].Item;
    }

    /// <summary>Fisher–Yates, in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A day between <paramref name="daysAgoMax"/> and <paramref name="daysAgoMin"/> days before today.</summary>
    public DateOnly DaysAgo(DateOnly today, int daysAgoMin, int daysAgoMax) =>
        today.AddDays(-Between(daysAgoMin, daysAgoMax));

    /// <summary>"070-174 0605": a mobile number from the range reserved for fiction.</summary>
    public string FictionalMobile() =>
        "070-174 0" + Between(FirstFictionalMobile, LastFictionalMobile).ToString("000", CultureInfo.InvariantCulture);

    /// <summary>A four-digit door code (portkod) that does not start with 0.</summary>
    public string DoorCode() => Between(1000, 9999).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A Swedish organisation number (NNNNNN-NNNC, Luhn like a personnummer). The first digit says
    /// the kind: 5 for a company (AB), 7 for an association such as a BRF, 2 for a public body.
    /// </summary>
    public string OrganizationNumber(char kindDigit)
    {
        var nine = kindDigit + Between(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        nine = nine[..2] + Between(2, 9).ToString(CultureInfo.InvariantCulture) + nine[3..];
        var check = Clients.PersonalIdentityNumber.CheckDigitFor(nine);
        return $"{nine[..6]}-{nine[6..]}{check}";
    }
}
