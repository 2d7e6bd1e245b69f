using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Properties;

namespace Nyckelfri.Households;

/// <summary>
/// One home: the clients who live together (cohabitants, seed 000) behind one door, so one lock.
/// Each cohabitant keeps their own care services.
/// </summary>
public sealed class Household : Entity
{
    /// <summary>More than this many clients in one home is almost surely a registration mistake.</summary>
    public const int MaxCohabitants = 4;

    private Household() { }

    public Household(Address address, string? apartment)
    {
        MunicipalityId = address.MunicipalityId;
        AddressId = address.Id;
        Address = address;
        Apartment = apartment;
    }

    public Guid AddressId { get; private set; }
    public Address? Address { get; private set; }
    public Guid? EntranceId { get; private set; }
    public Entrance? Entrance { get; private set; }

    /// <summary>Apartment number (lägenhetsnummer), e.g. "1102".</summary>
    public string? Apartment { get; set; }
    public List<Client> Clients { get; private set; } = [];

    /// <summary>The entrance must be one of the household's own address.</summary>
    public void SetEntrance(Entrance? entrance)
    {
        if (entrance is not null && entrance.AddressId != AddressId)
            throw ValidationFailedException.For(nameof(EntranceId), "Porten hör inte till hushållets adress.");
        EntranceId = entrance?.Id;
        Entrance = entrance;
    }

    /// <summary>A client joins this home (moves in, or a cohabitant is registered).</summary>
    public void AddCohabitant(Client client)
    {
        if (client.MunicipalityId != MunicipalityId)
            throw new RuleViolationException("household-other-municipality", "Brukaren tillhör en annan kommun.");
        if (Clients.Any(c => c.Id == client.Id))
            throw new RuleViolationException("household-already-member", "Brukaren bor redan i hushållet.");
        if (Clients.Count >= MaxCohabitants)
            throw new RuleViolationException("household-full",
                $"Ett hushåll kan ha högst {MaxCohabitants} brukare. Kontrollera registreringen.");
        Clients.Add(client);
        client.MoveTo(this);
    }
}
