using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Identity;

namespace Nyckelfri.Clients;

/// <summary>
/// Shows a client's door code or full personnummer to a permitted user, and records that they saw it
/// (who, when, which client) in the client's history before returning it, and as a security event.
/// </summary>
public sealed class RevealClientSecret(NyckelfriDbContext db, ISecurityEvents events) : IHandler
{
    public async Task<string?> DoorCode(Guid clientId, CancellationToken ct)
    {
        var client = await Load(clientId, ct);
        db.Record(client, AuditActions.DoorCodeRevealed);
        await db.SaveChangesAsync(ct);
        await Revealed(SecurityEventKind.DoorCodeRevealed, client);
        return client.DoorCode;
    }

    public async Task<string> PersonalIdentityNumber(Guid clientId, CancellationToken ct)
    {
        var client = await Load(clientId, ct);
        db.Record(client, AuditActions.PersonalIdentityNumberRevealed);
        await db.SaveChangesAsync(ct);
        await Revealed(SecurityEventKind.PersonalIdentityNumberRevealed, client);
        return Clients.PersonalIdentityNumber.FromStored(client.PersonalIdentityNumber).Formatted;
    }

    private Task Revealed(SecurityEventKind kind, Client client) => events.RecordAsync(
        new SecurityEvent(kind, db.Scope.UserId, null, client.MunicipalityId, client.Id.ToString()), CancellationToken.None);

    private async Task<Client> Load(Guid id, CancellationToken ct) =>
        await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Brukaren");
}
