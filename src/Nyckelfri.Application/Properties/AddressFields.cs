using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>The fields of an address that registration and editing share, and their validation.</summary>
public class AddressFields
{
    public string? Street { get; set; }

    /// <summary>Five digits, with or without the space: stored as "123 45".</summary>
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public Guid? PropertyOwnerId { get; set; }

    internal sealed record Valid(string Street, string PostalCode, string City, Guid? PropertyOwnerId);

    /// <param name="addressId">The address being edited, which is no duplicate of itself; null on registration.</param>
    internal async Task<Valid> Check(NyckelfriDbContext db, Guid? addressId, CancellationToken ct)
    {
        var v = new Validator();
        var street = v.Required(nameof(Street), Street, "Gatuadress", 120);
        var postalCode = Address.NormalizePostalCode(PostalCode);
        if (postalCode is null) v.Add(nameof(PostalCode), "Postnumret ska vara fem siffror, till exempel 123 45.");
        var city = v.Required(nameof(City), City, "Ort", 60);
        if (PropertyOwnerId is { } ownerId && !await db.PropertyOwners.AnyAsync(o => o.Id == ownerId, ct))
            v.Add(nameof(PropertyOwnerId), "Fastighetsägaren finns inte.");
        if (street is not null && postalCode is not null && await Exists(db, street, postalCode, addressId, ct))
            v.Add(nameof(Street), "Adressen finns redan med det postnumret.");
        v.ThrowIfInvalid();
        return new Valid(street!, postalCode!, city!, PropertyOwnerId);
    }

    internal static void ApplyTo(Address address, Valid valid)
    {
        address.Street = valid.Street;
        address.PostalCode = valid.PostalCode;
        address.City = valid.City;
        address.PropertyOwnerId = valid.PropertyOwnerId;
    }

    // The same comparison as registering a client, which finds an address by street and postal code.
    private static async Task<bool> Exists(NyckelfriDbContext db, string street, string postalCode, Guid? addressId, CancellationToken ct)
    {
        var streets = await db.Addresses.Where(a => a.PostalCode == postalCode && a.Id != addressId).Select(a => a.Street).ToListAsync(ct);
        return streets.Any(s => string.Equals(s, street, StringComparison.CurrentCultureIgnoreCase));
    }
}
