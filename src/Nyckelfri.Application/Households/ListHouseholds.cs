using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Households;

/// <summary>
/// The household list: search by street or city, paged, with the number of clients in each. The
/// query filters decide which households (and which of their clients) the caller sees.
/// </summary>
public sealed class ListHouseholds(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, Guid AddressId, string Street, string PostalCode, string City, string? Apartment,
        string? EntranceName, int ClientCount);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct) =>
        await db.Households.AsNoTracking()
            .WhereWordsIn(query.Search, h => h.Address!.Street, h => h.Address!.City)
            .OrderBy(h => h.Address!.Street).ThenBy(h => h.Apartment).ThenBy(h => h.Id)
            .Select(h => new Item(h.Id, h.AddressId, h.Address!.Street, h.Address.PostalCode, h.Address.City, h.Apartment,
                h.Entrance == null ? null : h.Entrance.Name, h.Clients.Count))
            .ToPageAsync(query.Page, query.PageSize, ct);
}
