using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>Registers a property owner or housing association (BRF) with its contact person.</summary>
public sealed class RegisterPropertyOwner(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : PropertyOwnerFields;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var valid = await command.Check(db, ownerId: null, ct);
        var owner = new PropertyOwner(db.Scope.MunicipalityId, valid.Name, valid.Kind);
        PropertyOwnerFields.ApplyTo(owner, valid);
        db.PropertyOwners.Add(owner);
        await db.SaveChangesAsync(ct);
        return owner.Id;
    }
}
