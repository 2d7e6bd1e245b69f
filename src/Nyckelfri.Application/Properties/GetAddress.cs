using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>
/// One address: its owner, its entrances with the owner's consent, and the households there. The
/// households are counted and shown by apartment only: the roles that read properties (locksmiths
/// among them) need to know that someone lives behind an entrance, not who.
/// </summary>
public sealed class GetAddress(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string Street, string PostalCode, string City,
        Guid? PropertyOwnerId, string? PropertyOwnerName, string? ContactName, string? ContactPhone,
        IReadOnlyList<EntranceItem> Entrances, IReadOnlyList<HouseholdItem> Households);

    public sealed record EntranceItem(Guid Id, int Version, string Name, ConsentStatus ConsentStatus, DateOnly? ConsentDate,
        string? ConsentNote, int HouseholdCount);

    public sealed record HouseholdItem(Guid Id, string? Apartment, Guid? EntranceId, string? EntranceName, int ClientCount);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var address = await db.Addresses.AsNoTracking().Include(a => a.PropertyOwner)
            .FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Adressen");

        var households = await db.Households.AsNoTracking()
            .Where(h => h.AddressId == id)
            .OrderBy(h => h.Apartment).ThenBy(h => h.Id)
            .Select(h => new HouseholdItem(h.Id, h.Apartment, h.EntranceId, h.Entrance == null ? null : h.Entrance.Name, h.Clients.Count))
            .ToListAsync(ct);

        var entrances = await db.Entrances.AsNoTracking()
            .Where(e => e.AddressId == id)
            .OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Version, e.Name, e.ConsentStatus, e.ConsentDate, e.ConsentNote })
            .ToListAsync(ct);

        var owner = address.PropertyOwner;
        return new Details(address.Id, address.Version, address.Street, address.PostalCode, address.City,
            address.PropertyOwnerId, owner?.Name, owner?.ContactName, owner?.ContactPhone,
            entrances.Select(e => new EntranceItem(e.Id, e.Version, e.Name, e.ConsentStatus, e.ConsentDate, e.ConsentNote,
                households.Count(h => h.EntranceId == e.Id))).ToList(),
            households);
    }
}
