using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Notifications;

namespace Nyckelfri.UnitTests.Notifications;

public sealed class PersonalDataScannerTests
{
    [Theory]
    [InlineData("Brukare 19400101-1230 behöver lås", "personnummer")]
    [InlineData("Brukare 194001011230 behöver lås", "personnummer")]
    [InlineData("pnr 400101-1230", "personnummer")]
    [InlineData("Ring 070-123 45 67", "telefonnummer")]
    [InlineData("Ring +46 70 123 45 67", "telefonnummer")]
    [InlineData("Ring 08-532 598 41", "telefonnummer")]
    [InlineData("Ring 0701234567.", "telefonnummer")]
    [InlineData("(070-123 45 67)", "telefonnummer")]
    [InlineData("skriv till anna.andersson@example.se", "e-postadress")]
    [InlineData("Bor på Storgatan 12", "gatuadress")]
    [InlineData("Adress: Idrottsvägen 31, lgh 1003", "gatuadress")]
    [InlineData("Portkod: 4711", "portkod")]
    [InlineData("koden 1234B", "portkod")]
    public void Scan_TextWithPersonalData_FindsIt(string text, string kind) =>
        PersonalDataScanner.Scan(text).ShouldContain(f => f.Kind == kind);

    [Fact]
    public void Scan_KnownName_FindsItWhateverTheCase() =>
        PersonalDataScanner.Scan("Ärende för agneta abrahamsson", ["Agneta", "Abrahamsson"]).Count.ShouldBe(2);

    [Theory]
    [InlineData("Ärende A-2026-0042 (Montering av lås) väntar. Senast: 2026-12-29.")]
    [InlineData("Öppna ärendet: /Arenden/01a201f9-b834-794d-b9a0-19fc690585cb")]
    [InlineData("Nyckelnummer N-10130, serienummer PH3-0012194")]
    [InlineData("Öppna ärendet i Nyckelfri: /Arenden/01998765-4321-7abc-8def-012345678901")]
    [InlineData("Nyckelfri: ärende A-00042 väntar på dig")]
    // The flake of issue 11: ten digits at the end of a Guid in a link pass the check digit.
    [InlineData("Öppna ärendet: /Arenden/01a2514d-a16c-7807-83b0-ba8356369455")]
    [InlineData("Öppna ärendet: https://nyckelfri.example/Arenden/01a2514d-a16c-7807-83b0-ba8356369455?flik=historik")]
    public void Scan_WorkOrderText_FindsNothing(string text) =>
        PersonalDataScanner.Scan(text).ShouldBeEmpty();

    [Theory]
    [InlineData("19400101-1234")] // wrong check digit
    [InlineData("19401301-1230")] // month 13
    [InlineData("19400230-1233")] // 30 February
    [InlineData("19400100-1233")] // day 0
    [InlineData("19400160-1233")] // co-ordination day 60 (day 0)
    [InlineData("400101 1230")]   // not one token
    [InlineData("ref 1940010112301")] // 13 digits: a longer number
    [InlineData("ref 11940010112300")]
    [InlineData("belopp 1940010112.30 kr")]
    [InlineData("A-194001011230")]
    [InlineData("#194001011230")]
    [InlineData("id=194001011230")]
    [InlineData("x194001011230")]
    [InlineData("194001011230x")]
    [InlineData("194001011230-7abc")]
    public void Scan_NotAPersonnummer_FindsNone(string text) =>
        PersonalDataScanner.Scan(text).ShouldNotContain(f => f.Kind == "personnummer");

    [Fact]
    public void Scan_TenThousandRandomGuidsAndLinksHoldingThem_FindsNothing()
    {
        var random = new Random(20261207);
        var hits = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var guid = RandomGuid(random, digitHeavy: i % 2 == 0);
            foreach (var text in Spellings(guid))
                hits.AddRange(PersonalDataScanner.Scan(text).Select(f => $"{f.Kind} '{f.Text}' in {text}"));
        }

        hits.ShouldBeEmpty(string.Join(Environment.NewLine, hits.Take(20)));
    }

    [Fact]
    public void Scan_EveryValidSpellingOfManyPersonnummer_FindsEachOne()
    {
        var random = new Random(4711);
        var misses = new List<string>();
        var today = new DateOnly(2026, 12, 7);
        var checkedSpellings = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var birth = new DateOnly(1900, 1, 1).AddDays(random.Next(0, today.DayNumber - new DateOnly(1900, 1, 1).DayNumber));
            var coordination = i % 5 == 0;
            var day = birth.Day + (coordination ? 60 : 0);
            var nine = birth.ToString("yyMM", CultureInfo.InvariantCulture) + day.ToString("00", CultureInfo.InvariantCulture)
                       + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            var ten = nine + PersonalIdentityNumber.CheckDigitFor(nine);
            var century = birth.ToString("yyyy", CultureInfo.InvariantCulture)[..2];
            string[] spellings = [century + ten, century + ten[..6] + "-" + ten[6..], century + ten[..6] + "+" + ten[6..],
                ten, ten[..6] + "-" + ten[6..], ten[..6] + "+" + ten[6..]];
            // Only the spellings the product reads as this person (without the century, '+' means 100 or older).
            foreach (var spelling in spellings.Where(s => PersonalIdentityNumber.TryParse(s, today, out var n, out _) && n!.BirthDate == birth))
            {
                checkedSpellings++;
                foreach (var text in InContext(spelling))
                    if (!PersonalDataScanner.Scan(text).Any(f => f.Kind == "personnummer" && f.Text == spelling))
                        misses.Add(text);
            }
        }

        checkedSpellings.ShouldBeGreaterThan(2_000 * 4);
        misses.ShouldBeEmpty(string.Join(Environment.NewLine, misses.Take(20)));
    }

    [Fact]
    public void IsValidPersonalIdentityNumber_TwentyNinthOfFebruaryWithoutCentury_IsFound() =>
        PersonalDataScanner.IsValidPersonalIdentityNumber("000229-" + "123" + PersonalIdentityNumber.CheckDigitFor("000229123"))
            .ShouldBeTrue();

    private static IEnumerable<string> InContext(string number) =>
    [
        number, $"Brukare {number} behöver lås", $"pnr: {number}.", $"({number})", $"{number}, Storgatan", $"\"{number}\"",
        $"personnummer {number}\n", $"[{number}]",
    ];

    private static IEnumerable<string> Spellings(Guid guid) =>
    [
        guid.ToString(), guid.ToString("N"), guid.ToString("B"), $"/Arenden/{guid}", $"Öppna ärendet: /Arenden/{guid}",
        $"https://nyckelfri.example/Arenden/{guid}?flik=historik", $"/Brukare/{guid}/Andra", $"id={guid}", $"ärende {guid}.",
        guid.ToString().ToUpperInvariant(),
    ];

    /// <summary>A random Guid; digit-heavy ones draw each hex digit from 0–9 nine times in ten, to look like numbers.</summary>
    private static Guid RandomGuid(Random random, bool digitHeavy)
    {
        if (!digitHeavy)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
        var hex = new char[32];
        for (var i = 0; i < hex.Length; i++)
            hex[i] = random.Next(10) < 9 ? (char)('0' + random.Next(10)) : (char)('a' + random.Next(6));
        return Guid.ParseExact(new string(hex), "N");
    }
}
