using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>One property owner with its contact and the first of its addresses (the address list has them all).</summary>
public sealed class GetPropertyOwner(NyckelfriDbContext db) : IHandler
{
    /// <summary>A housing company may own hundreds of buildings; the page links to the full, paged list.</summary>
    public const int AddressesShown = 50;

    public sealed record Details(Guid Id, int Version, string Name, PropertyOwnerKind Kind, string? OrganizationNumber,
        string? ContactName, string? ContactPhone, string? ContactEmail, int AddressCount, IReadOnlyList<OwnedAddress> Addresses);

    public sealed record OwnedAddress(Guid Id, string Street, string PostalCode, string City, int EntranceCount, int ConsentGivenCount);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var owner = await db.PropertyOwners.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Fastighetsägaren");
        var addresses = db.Addresses.AsNoTracking().Where(a => a.PropertyOwnerId == id);
        var count = await addresses.CountAsync(ct);
        var shown = await addresses
            .OrderBy(a => a.Street).ThenBy(a => a.Id)
            .Take(AddressesShown)
            .Select(a => new OwnedAddress(a.Id, a.Street, a.PostalCode, a.City, a.Entrances.Count,
                a.Entrances.Count(e => e.ConsentStatus == ConsentStatus.Given)))
            .ToListAsync(ct);
        return new Details(owner.Id, owner.Version, owner.Name, owner.Kind, owner.OrganizationNumber,
            owner.ContactName, owner.ContactPhone, owner.ContactEmail, count, shown);
    }
}
