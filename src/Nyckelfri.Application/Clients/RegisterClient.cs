using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Households;
using Nyckelfri.Properties;

namespace Nyckelfri.Clients;

/// <summary>
/// Registers a client: either into a new household at an address (found or created), or as a
/// cohabitant of an existing household (seed 000).
/// </summary>
public sealed class RegisterClient(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : ClientFields
    {
        /// <summary>Join this household as a cohabitant; the address fields are then not used.</summary>
        public Guid? HouseholdId { get; set; }
        public string? Street { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Apartment { get; set; }
    }

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var valid = command.Check(v, db.Scope.Today, numberRequired: true);
        Household? household = null;
        string? street = null, postalCode = null, city = null, apartment = null;
        if (command.HouseholdId is { } householdId)
        {
            household = await db.Households.Include(h => h.Clients).FirstOrDefaultAsync(h => h.Id == householdId, ct);
            if (household is null) v.Add(nameof(Command.HouseholdId), "Hushållet finns inte.");
        }
        else
        {
            street = v.Required(nameof(Command.Street), command.Street, "Gatuadress", 120);
            postalCode = Address.NormalizePostalCode(command.PostalCode);
            if (postalCode is null) v.Add(nameof(Command.PostalCode), "Postnumret ska vara fem siffror, till exempel 123 45.");
            city = v.Required(nameof(Command.City), command.City, "Ort", 60);
            apartment = v.Optional(nameof(Command.Apartment), command.Apartment, "Lägenhetsnummer", 20);
        }
        if (valid?.Number is not null && await NumberTaken(valid.Number, ct))
            v.Add(nameof(Command.PersonalIdentityNumber), "Det finns redan en brukare med detta personnummer.");
        v.ThrowIfInvalid();

        if (household is null)
        {
            var address = await FindOrCreateAddress(street!, postalCode!, city!, ct);
            household = new Household(address, apartment);
            db.Households.Add(household);
        }

        var client = new Client(db.Scope.MunicipalityId, valid!.FirstName, valid.LastName, valid.Number!);
        command.ApplyTo(client, valid);
        client.DoorCode = valid.DoorCode;
        household.AddCohabitant(client);
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return client.Id;
    }

    // Uniqueness is per municipality, whatever the caller may see.
    private Task<bool> NumberTaken(PersonalIdentityNumber number, CancellationToken ct) =>
        db.Clients.WithoutScopeFilter()
            .AnyAsync(c => c.MunicipalityId == db.Scope.MunicipalityId && c.PersonalIdentityNumber == number.Value, ct);

    private async Task<Address> FindOrCreateAddress(string street, string postalCode, string city, CancellationToken ct)
    {
        var existing = await db.Addresses.Where(a => a.PostalCode == postalCode).ToListAsync(ct);
        var match = existing.FirstOrDefault(a => string.Equals(a.Street, street, StringComparison.CurrentCultureIgnoreCase));
        if (match is not null) return match;
        var address = new Address(db.Scope.MunicipalityId, street, postalCode, city);
        db.Addresses.Add(address);
        return address;
    }
}
