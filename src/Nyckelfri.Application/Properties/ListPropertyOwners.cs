using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>The property owner list: search by name, organisation number or contact, filter by kind, paged.</summary>
public sealed class ListPropertyOwners(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, PropertyOwnerKind? Kind = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string Name, PropertyOwnerKind Kind, string? OrganizationNumber,
        string? ContactName, string? ContactPhone, int AddressCount);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var owners = db.PropertyOwners.AsNoTracking()
            .WhereWordsIn(query.Search, o => o.Name, o => o.OrganizationNumber, o => o.ContactName);
        if (query.Kind is { } kind) owners = owners.Where(o => o.Kind == kind);

        return await owners
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new Item(o.Id, o.Name, o.Kind, o.OrganizationNumber, o.ContactName, o.ContactPhone,
                db.Addresses.Count(a => a.PropertyOwnerId == o.Id)))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
