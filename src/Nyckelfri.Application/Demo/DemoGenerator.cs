using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Demo;

/// <summary>What the demo generator created.</summary>
public sealed record DemoSummary(
    Guid MunicipalityId,
    int Providers,
    int Units,
    int Employees,
    int PropertyOwners,
    int Addresses,
    int Entrances,
    int Households,
    int CohabitantHouseholds,
    int Clients,
    int CareServices,
    int EndedCareServices,
    int ClientsWithOnlyEndedServices,
    int Logins);

/// <summary>
/// Fills an empty database with the fictional municipality "Demo kommun": providers and units,
/// staff, property owners and buildings, clients in their households with their care services,
/// and one login per role (<see cref="DemoLogins"/>). Deterministic: a fixed seed, and every date
/// counted from the injected clock's today, so the same day gives the same data.
/// Run it with <see cref="AccessScope.System"/>. It refuses a database that already holds a
/// municipality, so it can never mix invented people into real data.
/// </summary>
public sealed class DemoGenerator(NyckelfriDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task<DemoSummary> GenerateAsync(CancellationToken ct)
    {
        if (await db.Municipalities.IgnoreQueryFilters().AnyAsync(ct))
            throw new InvalidOperationException(
                "The demo generator runs only on an empty database, and this one already holds a municipality. " +
                "Point it at a new database to create Demo kommun.");

        // All or nothing: a failure half-way must not leave half a municipality behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            // Nothing changes an entity after it is added but the generator, and every save detects
            // changes once; automatic detection would rescan the growing tracker many times over.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var summary = await CreateRegistryAsync(clock.Today(), ct);

            // Identity saves once or twice per user; a tracker still holding thousands of rows would
            // make each of those saves scan them all again.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            var logins = await DemoLogins.CreateAsync(users, roles, summary.MunicipalityId, summary.Organisation, summary.StaffByLogin);
            await transaction.CommitAsync(ct);
            return summary.Counts with { Logins = logins };
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private sealed record Registry(Guid MunicipalityId, DemoOrganisation Organisation,
        IReadOnlyDictionary<string, Employee> StaffByLogin, DemoSummary Counts);

    // One area at a time, saved in batches, in an order that keeps every foreign key satisfied.
    private async Task<Registry> CreateRegistryAsync(DateOnly today, CancellationToken ct)
    {
        var random = new DemoRandom(DemoRandom.Seed);
        var municipality = new Municipality(DemoOrganisation.MunicipalityName, DemoOrganisation.MunicipalityCode, isDemo: true);
        var organisation = DemoOrganisation.Create(municipality.Id, random);
        db.Municipalities.Add(municipality);
        db.Providers.AddRange(organisation.Providers);
        await db.SaveChangesAsync(ct);

        var staff = DemoStaff.Create(organisation, random, today);
        db.Employees.AddRange(staff.Employees);
        await db.SaveChangesAsync(ct);

        var properties = DemoProperties.Create(municipality.Id, random, today);
        db.PropertyOwners.AddRange(properties.Owners);
        db.Addresses.AddRange(properties.Buildings.Select(b => b.Address));
        await db.SaveChangesAsync(ct);

        var clients = DemoClients.Create(municipality.Id, properties.Buildings, random, today);
        // The services also record each client's answer about locks, so they are made before the clients are saved.
        var services = new DemoServices(organisation, random, today).Create(clients.Households);
        db.Households.AddRange(clients.Households);
        db.Clients.AddRange(clients.Clients);
        await db.SaveChangesAsync(ct);

        db.CareServices.AddRange(services);
        await db.SaveChangesAsync(ct);

        var counts = new DemoSummary(
            municipality.Id,
            organisation.Providers.Count,
            organisation.Units.Count(),
            staff.Employees.Count,
            properties.Owners.Count,
            properties.Buildings.Count,
            properties.Buildings.Sum(b => b.Address.Entrances.Count),
            clients.Households.Count,
            clients.Households.Count(h => h.Clients.Count > 1),
            clients.Clients.Count,
            services.Count,
            services.Count(s => s.EndDate < today),
            services.GroupBy(s => s.ClientId).Count(g => g.All(s => s.EndDate < today)),
            Logins: 0);
        return new Registry(municipality.Id, organisation, staff.ByLogin, counts);
    }
}
