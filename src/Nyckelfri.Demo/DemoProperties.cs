using System.Globalization;
using Nyckelfri.Properties;

namespace Nyckelfri.Demo;

/// <summary>
/// A building of the demo town: its address, whether it is a house (one home, no door code), and
/// the apartment numbers already given out. The entrance door codes live here rather than on the
/// entrance, because the registry keeps the door code on each client (SPEC §3).
/// </summary>
internal sealed class DemoBuilding(Address address, bool isHouse, int floors)
{
    private readonly HashSet<string> _apartments = new(StringComparer.Ordinal);

    public Address Address { get; } = address;
    public bool IsHouse { get; } = isHouse;
    public Dictionary<Entrance, string?> DoorCodes { get; } = [];
    public int Homes => _apartments.Count;

    /// <summary>A free Swedish apartment number: floor (10 = ground floor) and door, as "1102".</summary>
    public string? NextApartment(DemoRandom random)
    {
        if (IsHouse) return null;
        while (true)
        {
            var number = (10 + random.Between(0, floors - 1)).ToString(CultureInfo.InvariantCulture)
                         + random.Between(1, 4).ToString("00", CultureInfo.InvariantCulture);
            if (_apartments.Add(number)) return number;
        }
    }

    public bool HasRoom => IsHouse ? Homes == 0 : Homes < floors * 4;
}

/// <summary>
/// Forty property owners (the municipal housing company, private housing companies, BRFs, a few
/// private persons) and about 250 addresses in five postal areas of Demostad, each with one to
/// three entrances, and the owners' consents to entrance locks in every state.
/// </summary>
internal static class DemoProperties
{
    public const int AddressCount = 250;
    private const int HouseCount = 30;
    private const int PrivateOwnerCount = 6;

    public sealed record Result(List<PropertyOwner> Owners, List<DemoBuilding> Buildings);

    public static Result Create(Guid municipalityId, DemoRandom random, DateOnly today)
    {
        var owners = CreateOwners(municipalityId, random);
        var privateOwners = owners.Where(o => o.Kind == PropertyOwnerKind.PrivatePerson).ToList();
        var buildingOwners = owners.Except(privateOwners).ToList();
        var municipal = owners.Single(o => o.Kind == PropertyOwnerKind.MunicipalHousing);

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var buildings = new List<DemoBuilding>();
        for (var i = 0; i < AddressCount; i++)
        {
            var isHouse = i < HouseCount;
            var address = NewAddress(municipalityId, isHouse, random, taken);
            // Every owner has at least one building; then the municipal company takes the biggest share.
            address.PropertyOwnerId = (isHouse, i - HouseCount) switch
            {
                (true, _) => i < PrivateOwnerCount ? privateOwners[i].Id : null,
                (false, var n) when n < buildingOwners.Count => buildingOwners[n].Id,
                _ => random.Chance(0.4) ? municipal.Id : random.Pick(buildingOwners).Id,
            };
            var building = new DemoBuilding(address, isHouse, isHouse ? 1 : random.Between(3, 6));
            AddEntrances(building, random, today);
            buildings.Add(building);
        }
        return new Result(owners, buildings);
    }

    private static List<PropertyOwner> CreateOwners(Guid municipalityId, DemoRandom random)
    {
        var owners = new List<PropertyOwner>
        {
            Owner(municipalityId, SwedishNames.MunicipalHousingCompany, PropertyOwnerKind.MunicipalHousing, random, '5', "kundservice@demostadshem.example"),
        };
        foreach (var name in SwedishNames.HousingCompanies)
            owners.Add(Owner(municipalityId, name, PropertyOwnerKind.HousingCompany, random, '5', $"forvaltning@{Slug(name)}.example"));
        foreach (var name in SwedishNames.HousingAssociations)
            owners.Add(Owner(municipalityId, name, PropertyOwnerKind.HousingAssociation, random, '7', $"styrelsen@{Slug(name)}.example"));
        for (var i = 0; i < PrivateOwnerCount; i++)
        {
            var (first, last) = (random.Pick(random.Chance(0.5) ? SwedishNames.OlderWomen : SwedishNames.OlderMen), random.Pick(SwedishNames.LastNames));
            var owner = new PropertyOwner(municipalityId, $"{first} {last}", PropertyOwnerKind.PrivatePerson)
            {
                ContactName = $"{first} {last}",
                ContactPhone = random.FictionalMobile(),
            };
            owners.Add(owner);
        }
        return owners;
    }

    private static PropertyOwner Owner(Guid municipalityId, string name, PropertyOwnerKind kind, DemoRandom random,
        char organisationKind, string email)
    {
        var woman = random.Chance(0.5);
        var contact = $"{random.Pick(woman ? SwedishNames.YoungerWomen : SwedishNames.YoungerMen)} {random.Pick(SwedishNames.LastNames)}";
        return new PropertyOwner(municipalityId, name, kind)
        {
            OrganizationNumber = random.OrganizationNumber(organisationKind),
            ContactName = contact,
            ContactPhone = random.FictionalMobile(),
            ContactEmail = email,
        };
    }

    private static Address NewAddress(Guid municipalityId, bool isHouse, DemoRandom random, HashSet<string> taken)
    {
        while (true)
        {
            // Houses stand in the suburbs; blocks of flats everywhere, most in the centre and Norrby.
            var district = isHouse
                ? random.Pick(SwedishNames.Districts[2..])
                : random.Weighted(SwedishNames.Districts.Select((d, i) => (d, i < 2 ? 3 : 2)).ToList());
            var streetIndex = random.Between(0, district.Streets.Length - 1);
            var street = $"{district.Streets[streetIndex]} {random.Between(1, isHouse ? 40 : 60)}";
            if (!taken.Add(street)) continue;
            var postalCode = district.PostalPrefix + streetIndex.ToString(CultureInfo.InvariantCulture);
            return new Address(municipalityId, street, postalCode, SwedishNames.Town);
        }
    }

    private static void AddEntrances(DemoBuilding building, DemoRandom random, DateOnly today)
    {
        var count = building.IsHouse ? 1 : random.Weighted([(1, 40), (2, 40), (3, 20)]);
        string[] names = count == 1 ? ["Huvudentré"] : ["Port A", "Port B", "Port C"];
        // The board or the landlord answers for the whole building, so every entrance gets the same answer.
        var (status, date, note) = building.IsHouse ? (ConsentStatus.NotAsked, null, null) : Consent(random, today);
        foreach (var name in names.Take(count))
        {
            var entrance = new Entrance(building.Address, name);
            entrance.RecordConsent(status, date, note, today);
            building.Address.Entrances.Add(entrance);
            building.DoorCodes[entrance] = !building.IsHouse && random.Chance(0.9) ? random.DoorCode() : null;
        }
    }

    private static (ConsentStatus, DateOnly?, string?) Consent(DemoRandom random, DateOnly today)
    {
        var status = random.Weighted([(ConsentStatus.NotAsked, 40), (ConsentStatus.Asked, 15), (ConsentStatus.Given, 35), (ConsentStatus.Refused, 10)]);
        return status switch
        {
            ConsentStatus.Asked => (status, random.DaysAgo(today, 3, 120),
                random.Pick<string?>(["Förfrågan skickad till kontaktpersonen.", "Tas upp på nästa styrelsemöte.", null])),
            ConsentStatus.Given => (status, random.DaysAgo(today, 20, 1100),
                random.Pick<string?>(["Godkänt av förvaltaren.", "Styrelsebeslut, protokoll finns hos föreningen.", "Samtycke per e-post.", null])),
            ConsentStatus.Refused => (status, random.DaysAgo(today, 20, 900),
                random.Pick<string?>(["Föreningen vill inte ha fler lås i porten.", "Fastighetsägaren byter passagesystem och vill vänta.", null])),
            _ => (status, null, null),
        };
    }

    private static string Slug(string name) =>
        SwedishNames.Ascii(name.ToLowerInvariant().Replace("brf ", "brf").Replace(' ', '-'));
}
