using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Households;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.UnitTests;

/// <summary>The fixed "today" of the unit tests, so that century inference and future dates never drift.</summary>
internal static class TestClock
{
    public static readonly DateOnly Today = new(2026, 11, 22);
}

/// <summary>A fresh tenant id; two calls never give the same municipality.</summary>
internal static class AMunicipality
{
    public static Guid Id() => Guid.CreateVersion7();
}

/// <summary>
/// Fictitious personnummer for test data. The check digit is computed here with the textbook
/// right-to-left Luhn algorithm, independently of the domain's own implementation under test.
/// </summary>
internal static class Personnummer
{
    private static int _nextSerial;

    /// <summary>YYYYMMDD-NNNC for a birth date; a co-ordination number adds 60 to the day.</summary>
    public static string For(DateOnly birthDate, int? serial = null, bool coordination = false)
    {
        var day = birthDate.Day + (coordination ? 60 : 0);
        var date = birthDate.ToString("yyyyMM", CultureInfo.InvariantCulture) + day.ToString("00", CultureInfo.InvariantCulture);
        var nnn = (serial ?? NextSerial()).ToString("000", CultureInfo.InvariantCulture);
        return WithCheckDigit(date, nnn);
    }

    /// <summary>YYYYMMDD-NNNC from raw digits, even for a date that does not exist (Feb 30, month 13).</summary>
    public static string WithCheckDigit(string yyyymmdd, string serial)
    {
        var nine = yyyymmdd[2..] + serial;
        return $"{yyyymmdd}-{serial}{LuhnCheckDigit(nine)}";
    }

    /// <summary>The same number with its check digit replaced by a wrong one.</summary>
    public static string WithWrongCheckDigit(string formatted)
    {
        var right = formatted[^1] - '0';
        return formatted[..^1] + ((right + 1) % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static int LuhnCheckDigit(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    private static int NextSerial() => 200 + Interlocked.Increment(ref _nextSerial) % 700;
}

internal sealed class AddressBuilder
{
    private Guid _municipalityId = AMunicipality.Id();
    private string _street = "Storgatan 12";

    public AddressBuilder InMunicipality(Guid municipalityId) { _municipalityId = municipalityId; return this; }
    public AddressBuilder OnStreet(string street) { _street = street; return this; }

    public Address Build() => new(_municipalityId, _street, "582 24", "Linköping");
}

internal sealed class EntranceBuilder
{
    private Address? _address;
    private string _name = "Port A";

    public EntranceBuilder At(Address address) { _address = address; return this; }
    public EntranceBuilder Named(string name) { _name = name; return this; }

    public Entrance Build() => new(_address ?? new AddressBuilder().Build(), _name);
}

internal sealed class HouseholdBuilder
{
    private Address? _address;
    private Guid? _municipalityId;
    private readonly List<Client> _cohabitants = [];

    public HouseholdBuilder At(Address address) { _address = address; return this; }
    public HouseholdBuilder InMunicipality(Guid municipalityId) { _municipalityId = municipalityId; return this; }
    public HouseholdBuilder WithCohabitants(params Client[] clients) { _cohabitants.AddRange(clients); return this; }

    public Household Build()
    {
        var address = _address ?? new AddressBuilder().InMunicipality(_municipalityId ?? AMunicipality.Id()).Build();
        var household = new Household(address, "1102");
        foreach (var client in _cohabitants) household.AddCohabitant(client);
        return household;
    }
}

internal sealed class ClientBuilder
{
    private Guid _municipalityId = AMunicipality.Id();
    private string _firstName = "Astrid";
    private string _lastName = "Lindqvist";
    private DateOnly _birthDate = new(1938, 4, 7);

    public ClientBuilder InMunicipality(Guid municipalityId) { _municipalityId = municipalityId; return this; }
    public ClientBuilder Named(string firstName, string lastName) { _firstName = firstName; _lastName = lastName; return this; }
    public ClientBuilder BornOn(DateOnly birthDate) { _birthDate = birthDate; return this; }

    public Client Build() => new(_municipalityId, _firstName, _lastName,
        PersonalIdentityNumber.Parse(Personnummer.For(_birthDate), TestClock.Today));
}

internal sealed class ProviderBuilder
{
    private Guid _municipalityId = AMunicipality.Id();
    private string _name = "Hemtjänsten Egen regi";

    public ProviderBuilder InMunicipality(Guid municipalityId) { _municipalityId = municipalityId; return this; }
    public ProviderBuilder Named(string name) { _name = name; return this; }

    public Provider Build() => new(_municipalityId, _name, ProviderKind.Internal);
}

internal sealed class UnitBuilder
{
    private Provider? _provider;
    private Guid? _municipalityId;
    private string _name = "Hemtjänstgrupp Norr";

    public UnitBuilder Of(Provider provider) { _provider = provider; return this; }
    public UnitBuilder InMunicipality(Guid municipalityId) { _municipalityId = municipalityId; return this; }
    public UnitBuilder Named(string name) { _name = name; return this; }

    public Unit Build() =>
        new(_provider ?? new ProviderBuilder().InMunicipality(_municipalityId ?? AMunicipality.Id()).Build(), _name, UnitKind.HomeCare);
}

internal sealed class EmployeeBuilder
{
    private Provider _provider = new ProviderBuilder().Build();
    private DateOnly _start = new(2024, 3, 1);
    private DateOnly? _end;
    private DateOnly? _leaveFrom;
    private DateOnly? _leaveTo;

    public EmployeeBuilder Of(Provider provider) { _provider = provider; return this; }
    public EmployeeBuilder Employed(DateOnly start, DateOnly? end = null) { _start = start; _end = end; return this; }
    public EmployeeBuilder OnLongLeave(DateOnly from, DateOnly? to) { _leaveFrom = from; _leaveTo = to; return this; }

    public Employee Build() => new(_provider.MunicipalityId, _provider.Id, "Erik", "Johansson", EmploymentType.Permanent, _start)
    {
        EndDate = _end,
        LongLeaveFrom = _leaveFrom,
        LongLeaveTo = _leaveTo,
    };
}

internal sealed class CareServiceBuilder
{
    private Client? _client;
    private Unit? _unit;
    private DateOnly _start = new(2026, 1, 1);
    private DateOnly? _end;

    public CareServiceBuilder For(Client client) { _client = client; return this; }
    public CareServiceBuilder By(Unit unit) { _unit = unit; return this; }
    public CareServiceBuilder From(DateOnly start, DateOnly? end = null) { _start = start; _end = end; return this; }

    public CareService Build()
    {
        var client = _client ?? new ClientBuilder().Build();
        var unit = _unit ?? new UnitBuilder().InMunicipality(client.MunicipalityId).Build();
        return new CareService(client, CareServiceKind.HomeCare, assessed: true, unit, _start, _end);
    }
}
