using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>Edits a property owner. Based on the version the editor saw: a stale edit is refused.</summary>
public sealed class EditPropertyOwner(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : PropertyOwnerFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var o = await db.PropertyOwners.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Fastighetsägaren");
        return new Command
        {
            Version = o.Version, Name = o.Name, Kind = o.Kind, OrganizationNumber = o.OrganizationNumber,
            ContactName = o.ContactName, ContactPhone = o.ContactPhone, ContactEmail = o.ContactEmail,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var owner = await db.PropertyOwners.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Fastighetsägaren");
        var valid = await command.Check(db, id, ct);
        db.ExpectVersion(owner, command.Version);
        PropertyOwnerFields.ApplyTo(owner, valid);
        await db.SaveChangesAsync(ct);
        return owner.Version;
    }
}
