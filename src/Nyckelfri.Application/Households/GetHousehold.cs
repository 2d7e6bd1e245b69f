using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Properties;

namespace Nyckelfri.Households;

/// <summary>One household: where it is (address, entrance, apartment) and the cohabitants the caller may see.</summary>
public sealed class GetHousehold(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, Guid AddressId, string Street, string PostalCode, string City,
        string? Apartment, Guid? EntranceId, string? EntranceName, ConsentStatus? EntranceConsent,
        IReadOnlyList<Cohabitant> Cohabitants, bool IsFull);

    public sealed record Cohabitant(Guid Id, string FirstName, string LastName, int ActiveServiceCount);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking()
            .Include(h => h.Address).Include(h => h.Entrance)
            .FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Hushållet");

        var today = db.Scope.Today;
        var cohabitants = await db.Clients.AsNoTracking()
            .Where(c => c.HouseholdId == id)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new Cohabitant(c.Id, c.FirstName, c.LastName,
                c.Services.Count(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))))
            .ToListAsync(ct);

        var address = household.Address!;
        return new Details(household.Id, household.Version, address.Id, address.Street, address.PostalCode, address.City,
            household.Apartment, household.EntranceId, household.Entrance?.Name, household.Entrance?.ConsentStatus,
            cohabitants, cohabitants.Count >= Household.MaxCohabitants);
    }
}
