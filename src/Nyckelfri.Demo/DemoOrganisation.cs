using Nyckelfri.Providers;

namespace Nyckelfri.Demo;

/// <summary>
/// The providers and units of Demo kommun. The municipality's own home care (egen regi) runs the
/// alarm group, the night patrol and the HSL team for every client, whoever gives their home care;
/// two external LOV providers give home care only.
/// </summary>
internal sealed class DemoOrganisation
{
    public const string MunicipalityName = "Demo kommun";
    public const string MunicipalityCode = "demo";

    public const string InternalProvider = "Hemtjänsten Demo kommun";
    public const string ExternalProvider = "Omsorgshuset AB";
    public const string SmallExternalProvider = "Trygga Händer Hemtjänst AB";

    public const string InternalNorth = "Hemtjänstgrupp Norrby";
    public const string InternalSouth = "Hemtjänstgrupp Söderäng";
    public const string AlarmGroup = "Larmgruppen";
    public const string NightPatrol = "Nattpatrullen";
    public const string HslTeam = "Hemsjukvården HSL-teamet";
    public const string ExternalCentre = "Omsorgshuset Centrum";
    public const string ExternalWest = "Omsorgshuset Västerhöjd";
    public const string SmallExternalUnit = "Trygga Händer Demostad";

    private DemoOrganisation(List<Provider> providers) => Providers = providers;

    public List<Provider> Providers { get; }
    public IEnumerable<Unit> Units => Providers.SelectMany(p => p.Units);

    /// <summary>Home-care units with the share of clients each serves (egen regi has the most).</summary>
    public IReadOnlyList<(Unit Item, int Weight)> HomeCareShares =>
    [
        (Unit(InternalNorth), 30), (Unit(InternalSouth), 27), (Unit(ExternalCentre), 18),
        (Unit(ExternalWest), 13), (Unit(SmallExternalUnit), 12),
    ];

    public Unit Unit(string name) => Units.Single(u => u.Name == name);
    public Provider Provider(string name) => Providers.Single(p => p.Name == name);

    public static DemoOrganisation Create(Guid municipalityId, DemoRandom random)
    {
        var own = NewProvider(municipalityId, InternalProvider, ProviderKind.Internal, random, '2', "hemtjansten@demo-kommun.example");
        AddUnit(own, InternalNorth, UnitKind.HomeCare, random);
        AddUnit(own, InternalSouth, UnitKind.HomeCare, random);
        AddUnit(own, AlarmGroup, UnitKind.AlarmGroup, random);
        AddUnit(own, NightPatrol, UnitKind.NightPatrol, random);
        AddUnit(own, HslTeam, UnitKind.HomeHealthCare, random);

        var external = NewProvider(municipalityId, ExternalProvider, ProviderKind.ExternalLov, random, '5', "kontakt@omsorgshuset.example");
        AddUnit(external, ExternalCentre, UnitKind.HomeCare, random);
        AddUnit(external, ExternalWest, UnitKind.HomeCare, random);

        var small = NewProvider(municipalityId, SmallExternalProvider, ProviderKind.ExternalLov, random, '5', "info@tryggahander.example");
        AddUnit(small, SmallExternalUnit, UnitKind.HomeCare, random);

        return new DemoOrganisation([own, external, small]);
    }

    private static Provider NewProvider(Guid municipalityId, string name, ProviderKind kind, DemoRandom random,
        char organisationKind, string email) => new(municipalityId, name, kind)
    {
        OrganizationNumber = random.OrganizationNumber(organisationKind),
        Phone = random.FictionalMobile(),
        Email = email,
    };

    private static void AddUnit(Provider provider, string name, UnitKind kind, DemoRandom random) =>
        provider.Units.Add(new Unit(provider, name, kind) { Phone = random.FictionalMobile() });
}
