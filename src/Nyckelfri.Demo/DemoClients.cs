using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Households;

namespace Nyckelfri.Demo;

/// <summary>
/// About 600 clients in their homes: mostly 65–100 years old, about 8 % living as cohabitant pairs
/// in one household (seed 000), with phone, door code, a fictitious personnummer (a handful of
/// co-ordination numbers), the seed-003 flags on a few and the answer about digital locks on most.
/// </summary>
internal static class DemoClients
{
    public const int HouseholdCount = 576;
    public const int CohabitantPairs = 24;

    public sealed record Result(List<Household> Households, List<Client> Clients);

    public static Result Create(Guid municipalityId, List<DemoBuilding> buildings, DemoRandom random, DateOnly today,
        int householdCount = HouseholdCount, int cohabitantPairs = CohabitantPairs)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var households = new List<Household>();
        var clients = new List<Client>();
        var pairs = Enumerable.Range(0, householdCount).Select(i => i < cohabitantPairs).ToList();
        random.Shuffle(pairs);

        foreach (var (building, isPair) in HomesFor(buildings, random, householdCount).Zip(pairs))
        {
            var household = new Household(building.Address, building.NextApartment(random));
            var entrance = building.Address.Entrances.Count == 1 || random.Chance(0.95)
                ? random.Pick(building.Address.Entrances)
                : null;
            household.SetEntrance(entrance);
            var doorCode = entrance is null ? null : building.DoorCodes[entrance];
            households.Add(household);

            var first = NewClient(municipalityId, Person.Random(random, today), random, numbers, today);
            Settle(household, first, doorCode);
            clients.Add(first);
            if (!isPair) continue;

            var partner = NewClient(municipalityId, Person.PartnerOf(first, random, today), random, numbers, today);
            Settle(household, partner, doorCode);
            partner.Phone = random.Chance(0.5) ? first.Phone : partner.Phone;
            clients.Add(partner);
        }
        return new Result(households, clients);
    }

    // One home in every building first, so no address stands empty; the rest go to blocks of flats.
    private static IEnumerable<DemoBuilding> HomesFor(List<DemoBuilding> buildings, DemoRandom random, int householdCount)
    {
        foreach (var building in buildings) yield return building;
        var flats = buildings.Where(b => !b.IsHouse).ToList();
        for (var i = buildings.Count; i < householdCount; i++)
        {
            var building = random.Pick(flats);
            while (!building.HasRoom) building = random.Pick(flats);
            yield return building;
        }
    }

    private static void Settle(Household household, Client client, string? doorCode)
    {
        household.AddCohabitant(client);
        client.DoorCode = doorCode;
    }

    private static Client NewClient(Guid municipalityId, Person person, DemoRandom random, HashSet<string> numbers, DateOnly today)
    {
        var number = NewNumber(person, random.Chance(0.01), random, numbers, today);
        var client = new Client(municipalityId, person.FirstName, person.LastName, number)
        {
            Phone = random.Chance(0.8) ? random.FictionalMobile() : null,
        };
        // Seed 003: a code lock, a client who opens the door themself, an agreement not to install.
        switch (random.Between(1, 100))
        {
            case <= 3: client.HasCodeLock = true; break;
            case <= 6: client.OpensDoorThemself = true; break;
            case <= 8: client.AgreedNoInstall = true; break;
        }
        return client;
    }

    /// <summary>A unique, valid, fictitious number; the ninth digit is odd for men, even for women.</summary>
    private static PersonalIdentityNumber NewNumber(Person person, bool coordination, DemoRandom random,
        HashSet<string> taken, DateOnly today)
    {
        var birth = person.BirthDate;
        var day = (birth.Day + (coordination ? 60 : 0)).ToString("00", CultureInfo.InvariantCulture);
        while (true)
        {
            var serial = random.Between(1, 98) * 10 + random.Between(0, 4) * 2 + (person.IsWoman ? 0 : 1);
            var nine = birth.ToString("yyMM", CultureInfo.InvariantCulture) + day + serial.ToString("000", CultureInfo.InvariantCulture);
            var twelve = birth.ToString("yyyy", CultureInfo.InvariantCulture)[..2] + nine + PersonalIdentityNumber.CheckDigitFor(nine);
            if (taken.Add(twelve)) return PersonalIdentityNumber.Parse(twelve, today);
        }
    }

    private sealed record Person(string FirstName, string LastName, bool IsWoman, DateOnly BirthDate)
    {
        public static Person Random(DemoRandom random, DateOnly today)
        {
            var woman = random.Chance(0.62);
            var age = random.Weighted([(random.Between(22, 64), 5), (random.Between(65, 74), 15),
                (random.Between(75, 84), 35), (random.Between(85, 94), 38), (random.Between(95, 101), 7)]);
            return new Person(random.Pick(NamesFor(age, woman)), random.Pick(SwedishNames.LastNames), woman,
                BirthDateAt(age, random, today));
        }

        /// <summary>Mostly a couple of about the same age; most share a surname.</summary>
        public static Person PartnerOf(Client client, DemoRandom random, DateOnly today)
        {
            var number = PersonalIdentityNumber.FromStored(client.PersonalIdentityNumber);
            var clientIsWoman = (client.PersonalIdentityNumber[10] - '0') % 2 == 0;
            var woman = random.Chance(0.92) ? !clientIsWoman : clientIsWoman;
            var age = Math.Max(20, Age(number.BirthDate, today) + random.Between(-6, 6));
            var lastName = random.Chance(0.75) ? client.LastName : random.Pick(SwedishNames.LastNames);
            var first = random.Pick(NamesFor(age, woman));
            return new Person(first, lastName, woman, BirthDateAt(age, random, today));
        }

        private static string[] NamesFor(int age, bool woman) => (age < 65, woman) switch
        {
            (true, true) => SwedishNames.YoungerWomen,
            (true, false) => SwedishNames.YoungerMen,
            (false, true) => SwedishNames.OlderWomen,
            _ => SwedishNames.OlderMen,
        };

        private static DateOnly BirthDateAt(int age, DemoRandom random, DateOnly today) =>
            today.AddYears(-age).AddDays(-random.Between(1, 364));

        private static int Age(DateOnly birth, DateOnly today) =>
            today.Year - birth.Year - (today.DayOfYear < birth.DayOfYear ? 1 : 0);
    }
}
