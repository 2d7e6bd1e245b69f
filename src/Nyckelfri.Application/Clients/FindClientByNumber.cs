using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Identity;

namespace Nyckelfri.Clients;

/// <summary>
/// Finds a client by personnummer. A search by number confirms a number as surely as revealing it, so it
/// takes the reveal right (the endpoint's policy) and is rate-limited there. Every search is a security event
/// (found, not found or malformed; never the number), and a hit is written to the client's history. The
/// number travels in a POST body, never in a URL, and only clients the caller may see are found.
/// </summary>
public sealed class FindClientByNumber(NyckelfriDbContext db, ISecurityEvents events) : IHandler
{
    public async Task<Guid> Handle(string? personalIdentityNumber, CancellationToken ct)
    {
        if (!PersonalIdentityNumber.TryParse(personalIdentityNumber, db.Scope.Today, out var number, out var error))
        {
            await Searched(null, "invalid");
            throw ValidationFailedException.For("PersonalIdentityNumber", error);
        }
        var client = await db.Clients.FirstOrDefaultAsync(c => c.PersonalIdentityNumber == number!.Value, ct);
        if (client is null)
        {
            await Searched(null, "not-found");
            throw new NotFoundException("Ingen brukare med det personnumret");
        }
        db.Record(client, AuditActions.PersonalIdentityNumberSearched);
        await db.SaveChangesAsync(ct);
        await Searched(client.Id, "found");
        return client.Id;
    }

    private Task Searched(Guid? clientId, string outcome) => events.RecordAsync(new SecurityEvent(
        SecurityEventKind.PersonalIdentityNumberSearched, db.Scope.UserId, null, NullIfEmpty(db.Scope.MunicipalityId),
        clientId?.ToString(), outcome), CancellationToken.None);

    private static Guid? NullIfEmpty(Guid id) => id == Guid.Empty ? null : id;
}
