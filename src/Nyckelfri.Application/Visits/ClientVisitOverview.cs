using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;

namespace Nyckelfri.Visits;

/// <summary>
/// What the client page's "Besök" section shows: the latest visits, whether a digital lock registers
/// them, and the NFC tags that do where there is none. Not found when the caller may not see the client.
/// </summary>
public sealed class ClientVisitOverview(NyckelfriDbContext db, ListVisits visits, ClientNfcTags tags) : IHandler
{
    public sealed record Result(Guid ClientId, string ClientName, bool HasMountedLock, IReadOnlyList<NfcTagItem> Tags, Page<ListVisits.Item> Visits);

    public async Task<Result> Handle(Guid clientId, int? page, int pageSize, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.HouseholdId, Name = c.FirstName + " " + c.LastName }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Brukaren");
        return new Result(clientId, client.Name, await HouseholdLock.IsMountedAsync(db, client.HouseholdId, ct),
            await tags.Handle(clientId, ct), await visits.Handle(new ListVisits.Query(ClientId: clientId, Page: page, PageSize: pageSize), ct));
    }
}
