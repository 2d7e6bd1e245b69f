using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>
/// The address list: search by street or city, filter by property owner or by the consent of an
/// entrance (e.g. every entrance where the owner has not been asked yet), paged; each address with
/// its entrances and their consent.
/// </summary>
public sealed class ListAddresses(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, Guid? PropertyOwnerId = null, ConsentStatus? Consent = null,
        int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string Street, string PostalCode, string City, Guid? PropertyOwnerId,
        string? PropertyOwnerName, IReadOnlyList<EntranceItem> Entrances);

    public sealed record EntranceItem(Guid Id, string Name, ConsentStatus ConsentStatus, DateOnly? ConsentDate);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var addresses = db.Addresses.AsNoTracking().WhereWordsIn(query.Search, a => a.Street, a => a.City);
        if (query.PropertyOwnerId is { } ownerId) addresses = addresses.Where(a => a.PropertyOwnerId == ownerId);
        if (query.Consent is { } consent) addresses = addresses.Where(a => a.Entrances.Any(e => e.ConsentStatus == consent));

        return await addresses
            .OrderBy(a => a.Street).ThenBy(a => a.PostalCode).ThenBy(a => a.Id)
            .Select(a => new Item(a.Id, a.Street, a.PostalCode, a.City, a.PropertyOwnerId,
                a.PropertyOwner == null ? null : a.PropertyOwner.Name,
                a.Entrances.OrderBy(e => e.Name).Select(e => new EntranceItem(e.Id, e.Name, e.ConsentStatus, e.ConsentDate)).ToList()))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
