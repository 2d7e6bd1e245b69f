using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Clients;

/// <summary>
/// Finds a client by personnummer. The number travels in a POST body, never in a URL, and only
/// clients the caller may see are found.
/// </summary>
public sealed class FindClientByNumber(NyckelfriDbContext db) : IHandler
{
    public async Task<Guid> Handle(string? personalIdentityNumber, CancellationToken ct)
    {
        if (!PersonalIdentityNumber.TryParse(personalIdentityNumber, db.Scope.Today, out var number, out var error))
            throw ValidationFailedException.For("PersonalIdentityNumber", error);
        var id = await db.Clients.Where(c => c.PersonalIdentityNumber == number!.Value).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return id ?? throw new NotFoundException("Ingen brukare med det personnumret");
    }
}
