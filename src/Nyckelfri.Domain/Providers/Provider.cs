using Nyckelfri.Common;

namespace Nyckelfri.Providers;

public enum ProviderKind { Internal, ExternalLov, Intraprenad }

/// <summary>A care provider (utförare): the municipality's own (egen regi), external under LOV, or an intraprenad.</summary>
public sealed class Provider : Entity
{
    private Provider() { }

    public Provider(Guid municipalityId, string name, ProviderKind kind)
    {
        MunicipalityId = municipalityId;
        Name = name;
        Kind = kind;
    }

    public string Name { get; set; } = "";
    public ProviderKind Kind { get; set; }
    public string? OrganizationNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<Unit> Units { get; private set; } = [];

    public static string SwedishName(ProviderKind kind) => kind switch
    {
        ProviderKind.Internal => "Egen regi",
        ProviderKind.ExternalLov => "Extern utförare (LOV)",
        ProviderKind.Intraprenad => "Intraprenad",
        _ => kind.ToString(),
    };
}

public enum UnitKind { HomeCare, AlarmGroup, NightPatrol, HomeHealthCare }

/// <summary>A team of a provider: a home-care group, an alarm group, a night patrol or an HSL team.</summary>
public sealed class Unit : Entity
{
    private Unit() { }

    public Unit(Provider provider, string name, UnitKind kind)
    {
        MunicipalityId = provider.MunicipalityId;
        ProviderId = provider.Id;
        Provider = provider;
        Name = name;
        Kind = kind;
    }

    public Guid ProviderId { get; private set; }
    public Provider? Provider { get; private set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    public string? Phone { get; set; }

    public static string SwedishName(UnitKind kind) => kind switch
    {
        UnitKind.HomeCare => "Hemtjänstgrupp",
        UnitKind.AlarmGroup => "Larmgrupp",
        UnitKind.NightPatrol => "Nattpatrull",
        UnitKind.HomeHealthCare => "Hemsjukvård (HSL)",
        _ => kind.ToString(),
    };
}
