using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>Registers a provider (utförare) of the caller's municipality; its units are added afterwards.</summary>
public sealed class RegisterProvider(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : ProviderFields;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var valid = await command.Check(v, db, id: null, ct);
        v.ThrowIfInvalid();

        var provider = new Provider(db.Scope.MunicipalityId, valid!.Name, valid.Kind);
        command.ApplyTo(provider, valid);
        db.Providers.Add(provider);
        await db.SaveChangesAsync(ct);
        return provider.Id;
    }
}
