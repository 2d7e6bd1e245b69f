using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>
/// Edits an address: corrects the street, postal code or city, or sets its owner. Every household
/// at the address follows. Based on the version the editor saw: a stale edit is refused.
/// </summary>
public sealed class EditAddress(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : AddressFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var a = await db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Adressen");
        return new Command { Version = a.Version, Street = a.Street, PostalCode = a.PostalCode, City = a.City, PropertyOwnerId = a.PropertyOwnerId };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Adressen");
        var valid = await command.Check(db, id, ct);
        db.ExpectVersion(address, command.Version);
        AddressFields.ApplyTo(address, valid);
        await db.SaveChangesAsync(ct);
        return address.Version;
    }
}
