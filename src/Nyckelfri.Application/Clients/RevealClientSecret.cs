using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;

namespace Nyckelfri.Clients;

/// <summary>
/// Shows a client's door code or full personnummer to a permitted user, and records that they saw it
/// (who, when, which client) in the client's history before returning it.
/// </summary>
public sealed class RevealClientSecret(NyckelfriDbContext db) : IHandler
{
    public async Task<string?> DoorCode(Guid clientId, CancellationToken ct)
    {
        var client = await Load(clientId, ct);
        db.Record(client, AuditActions.DoorCodeRevealed);
        await db.SaveChangesAsync(ct);
        return client.DoorCode;
    }

    public async Task<string> PersonalIdentityNumber(Guid clientId, CancellationToken ct)
    {
        var client = await Load(clientId, ct);
        db.Record(client, AuditActions.PersonalIdentityNumberRevealed);
        await db.SaveChangesAsync(ct);
        return Clients.PersonalIdentityNumber.FromStored(client.PersonalIdentityNumber).Formatted;
    }

    private async Task<Client> Load(Guid id, CancellationToken ct) =>
        await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Brukaren");
}
