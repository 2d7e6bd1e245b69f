using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>Edits a provider's own fields. Based on the version the editor saw: a stale edit is refused.</summary>
public sealed class EditProvider(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : ProviderFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Utföraren");
        return new Command
        {
            Version = p.Version, Name = p.Name, Kind = p.Kind, OrganizationNumber = p.OrganizationNumber,
            Phone = p.Phone, Email = p.Email,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Utföraren");
        var v = new Validator();
        var valid = await command.Check(v, db, id, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(provider, command.Version);
        command.ApplyTo(provider, valid!);
        await db.SaveChangesAsync(ct);
        return provider.Version;
    }
}
