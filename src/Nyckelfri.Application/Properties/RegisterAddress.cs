using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>Registers an address (a building), optionally with its property owner. Entrances are added to it afterwards.</summary>
public sealed class RegisterAddress(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : AddressFields;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var valid = await command.Check(db, addressId: null, ct);
        var address = new Address(db.Scope.MunicipalityId, valid.Street, valid.PostalCode, valid.City);
        AddressFields.ApplyTo(address, valid);
        db.Addresses.Add(address);
        await db.SaveChangesAsync(ct);
        return address.Id;
    }
}
