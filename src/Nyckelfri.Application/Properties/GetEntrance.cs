using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>One entrance with its address, the owner (and contact) to ask for consent, and the answer so far.</summary>
public sealed class GetEntrance(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, Guid AddressId, string Street, string PostalCode, string City, string Name,
        ConsentStatus ConsentStatus, DateOnly? ConsentDate, string? ConsentNote,
        Guid? PropertyOwnerId, string? PropertyOwnerName, string? ContactName, string? ContactPhone, string? ContactEmail,
        int HouseholdCount);

    public async Task<Details> Handle(Guid id, CancellationToken ct) =>
        await db.Entrances.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new Details(e.Id, e.Version, e.AddressId, e.Address!.Street, e.Address.PostalCode, e.Address.City, e.Name,
                e.ConsentStatus, e.ConsentDate, e.ConsentNote,
                e.Address.PropertyOwnerId, e.Address.PropertyOwner == null ? null : e.Address.PropertyOwner.Name,
                e.Address.PropertyOwner == null ? null : e.Address.PropertyOwner.ContactName,
                e.Address.PropertyOwner == null ? null : e.Address.PropertyOwner.ContactPhone,
                e.Address.PropertyOwner == null ? null : e.Address.PropertyOwner.ContactEmail,
                db.Households.Count(h => h.EntranceId == e.Id)))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Porten");
}
