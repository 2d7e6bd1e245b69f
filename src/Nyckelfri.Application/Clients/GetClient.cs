using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Services;

namespace Nyckelfri.Clients;

/// <summary>One client as the record page and the API show it: secrets masked, services, household.</summary>
public sealed class GetClient(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(
        Guid Id, int Version, string FirstName, string LastName, string PersonalIdentityNumber, string? Phone,
        bool HasDoorCode, Guid HouseholdId, Guid AddressId, string Street, string PostalCode, string City, string? Apartment,
        Guid? EntranceId, string? EntranceName, IReadOnlyList<Cohabitant> Cohabitants,
        bool HasCodeLock, bool OpensDoorThemself, bool AgreedNoInstall, IReadOnlyList<string> FlagTexts,
        DateOnly? InformedOn, LockDecision LockDecision, IReadOnlyList<Service> Services);

    public sealed record Cohabitant(Guid Id, string Name);

    public sealed record Service(Guid Id, int Version, CareServiceKind Kind, bool Assessed, Guid UnitId, string UnitName,
        string ProviderName, DateOnly StartDate, DateOnly? EndDate, bool IsActive, string? DecisionReference);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking()
            .Include(c => c.Household!).ThenInclude(h => h.Address)
            .Include(c => c.Household!).ThenInclude(h => h.Entrance)
            .FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Brukaren");

        var cohabitants = await db.Clients.AsNoTracking()
            .Where(c => c.HouseholdId == client.HouseholdId && c.Id != id)
            .OrderBy(c => c.FirstName)
            .Select(c => new Cohabitant(c.Id, c.FirstName + " " + c.LastName))
            .ToListAsync(ct);

        var today = db.Scope.Today;
        var services = await db.CareServices.AsNoTracking()
            .Where(s => s.ClientId == id)
            .OrderByDescending(s => s.StartDate)
            .Select(s => new Service(s.Id, s.Version, s.Kind, s.Assessed, s.UnitId, s.Unit!.Name, s.Unit.Provider!.Name,
                s.StartDate, s.EndDate, s.StartDate <= today && (s.EndDate == null || s.EndDate >= today), s.DecisionReference))
            .ToListAsync(ct);

        var household = client.Household!;
        var address = household.Address!;
        return new Details(client.Id, client.Version, client.FirstName, client.LastName, client.MaskedPersonalIdentityNumber,
            client.Phone, client.DoorCode is not null, household.Id, address.Id, address.Street, address.PostalCode, address.City,
            household.Apartment, household.EntranceId, household.Entrance?.Name, cohabitants,
            client.HasCodeLock, client.OpensDoorThemself, client.AgreedNoInstall, client.FlagTexts().ToList(),
            client.InformedOn, client.LockDecision, services);
    }
}
