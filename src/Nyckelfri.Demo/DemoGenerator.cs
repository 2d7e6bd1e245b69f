using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Routines;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.Properties;
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
    int Devices,
    int MountedLockUnits,
    int KeySets,
    int WorkOrders,
    int OpenWorkOrders,
    int OverdueWorkOrders,
    int Logins)
{
    /// <summary>The second demo municipality, on the Botkyrka preset.</summary>
    public DemoSecondSummary? Botkyrka { get; init; }

    /// <summary>Digital keys, grants and a week of door openings (issue 5).</summary>
    public DemoAccessSummary? Access { get; init; }
}

/// <summary>
/// Fills an empty database with the fictional municipality "Demo kommun": providers and units,
/// staff, property owners and buildings, clients in their households with their care services,
/// their locks and other devices, the stock, the clients' physical keys, their work orders (issue 4),
/// and one login per role (<see cref="DemoLogins"/>); then the small second municipality "Demo Botkyrka"
/// on another routine preset (<see cref="DemoBotkyrka"/>). Deterministic: fixed seeds, and every date
/// counted from the injected clock's today, so the same day gives the same data.
/// Run it with <see cref="AccessScope.System"/>. It refuses a database that already holds a
/// municipality, so it can never mix invented people into real data.
/// </summary>
public sealed class DemoGenerator(NyckelfriDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock,
    IDataProtectionProvider? protection = null, DemoLockKeys? lockKeys = null)
{
    // The app passes its own Data Protection, so that the issuer key and the web-app keys it encrypts
    // can be read again; a throwaway one serves a generator run outside the app (tests).
    private readonly IDataProtectionProvider _protection = protection ?? new EphemeralDataProtectionProvider();

    public async Task<DemoSummary> GenerateAsync(CancellationToken ct)
    {
        if (await db.Municipalities.AcrossMunicipalities().AnyAsync(ct))
            throw new InvalidOperationException(
                "The demo generator runs only on an empty database, and this one already holds a municipality. " +
                "Point it at a new database to create Demo kommun.");

        // Data Protection makes its key ring on first use and stores it through a context of its own;
        // inside the transaction below SQLite would make that second writer wait for ever.
        _protection.CreateProtector("Nyckelfri.Demo.Warmup").Protect([0]);

        // All or nothing: a failure half-way must not leave half a municipality behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            // Nothing changes an entity after it is added but the generator, and every save detects
            // changes once; automatic detection would rescan the growing tracker many times over.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var summary = await CreateRegistryAsync(clock.Today(), ct);
            // Demo kommun is saved; each save would otherwise scan all of its rows again for changes.
            db.ChangeTracker.Clear();
            var botkyrka = new DemoBotkyrka(new DemoRandom(DemoRandom.Seed + 1), clock.Today(), clock.UtcNow());
            var second = await botkyrka.AddAsync(db, lockKeys, ct);

            // Identity saves once or twice per user; a tracker still holding thousands of rows would
            // make each of those saves scan them all again.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            await DemoLogins.CreateAsync(users, roles, login => login.Municipality == DemoBotkyrka.MunicipalityName
                ? botkyrka.Place(login)
                : Place(login, summary));
            await transaction.CommitAsync(ct);
            return summary.Counts with { Logins = DemoLogins.In(DemoOrganisation.MunicipalityName).Count, Botkyrka = second };
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private sealed record Registry(Guid MunicipalityId, DemoOrganisation Organisation,
        IReadOnlyDictionary<string, Employee> StaffByLogin, DemoSummary Counts);

    private static DemoLoginPlace Place(DemoLogin login, Registry registry) => new(registry.MunicipalityId,
        login.ProviderName is null ? null : registry.Organisation.Provider(login.ProviderName).Id,
        login.UnitName is null ? null : registry.Organisation.Unit(login.UnitName).Id,
        registry.StaffByLogin.GetValueOrDefault(login.UserName));

    // One area at a time, saved in batches, in an order that keeps every foreign key satisfied.
    private async Task<Registry> CreateRegistryAsync(DateOnly today, CancellationToken ct)
    {
        var random = new DemoRandom(DemoRandom.Seed);
        var municipality = new Municipality(DemoOrganisation.MunicipalityName, DemoOrganisation.MunicipalityCode, isDemo: true);
        var organisation = DemoOrganisation.Create(municipality.Id, random);
        db.Municipalities.Add(municipality);
        db.RoutineStepOwners.AddRange(RoutineStepOwner.From(municipality.Id, municipality.RoutinePreset));
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
        DemoServices.EndHomeCareKeepingAlarm(services, clients.Households, new DemoRandom(DemoRandom.Seed + 2), today, 4);
        db.Households.AddRange(clients.Households);
        db.Clients.AddRange(clients.Clients);
        await db.SaveChangesAsync(ct);

        db.CareServices.AddRange(services);
        await db.SaveChangesAsync(ct);

        var homes = DemoHome.All(clients.Households, services, today);
        var unitStaff = new DemoUnitStaff(staff.Employees, random);
        var entrances = properties.Buildings.SelectMany(b => b.Address.Entrances).ToList();
        var equipment = AddEquipment(municipality, organisation, unitStaff, homes, entrances, random, today);
        await db.SaveChangesAsync(ct);
        await InsertBatteryReadingsAsync(equipment.Readings, ct);

        // Work orders (issue 4), consistent with all of the above. The demo puts nothing in the notification outbox.
        var book = new DemoOrderBook(municipality.Id, municipality.RoutinePreset, new DemoRandom(DemoRandom.Seed + 3), clock.UtcNow(),
            DemoOrderBook.Signatures(DemoLogins.In(DemoOrganisation.MunicipalityName), organisation.Units.ToDictionary(u => u.Id), unitStaff.NameAt));
        var orders = new DemoWorkOrders(book, equipment.Registry, today).Create();
        db.WorkOrders.AddRange(orders);
        await db.SaveChangesAsync(ct);

        var access = await new DemoAccess(db, _protection, new DemoRandom(DemoRandom.Seed + 4), today)
            .AddAsync(municipality.Id, organisation, staff.Employees, staff.ByLogin, homes, ct);

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
            equipment.Devices,
            equipment.MountedLockUnits,
            equipment.KeySets,
            orders.Count,
            orders.Count(o => !o.IsClosed),
            orders.Count(o => o.IsOverdueOn(today)),
            Logins: 0) { Access = access };
        return new Registry(municipality.Id, organisation, staff.ByLogin, counts);
    }

    private sealed record Equipment(int Devices, int MountedLockUnits, int KeySets, List<BatteryReading> Readings, DemoRegistry Registry);

    // Devices, stock and keys (issue 3). Built in memory through the domain's transitions and saved
    // in one go: each row is written once, in its final state, with one history line like the rest
    // of the demo.
    private Equipment AddEquipment(Municipality municipality, DemoOrganisation organisation, DemoUnitStaff staff,
        List<DemoHome> homes, IEnumerable<Entrance> entrances, DemoRandom random, DateOnly today)
    {
        var now = clock.UtcNow();
        var stock = new DemoStock(municipality.Id, random);
        var orderedBy = DemoLogins.In(DemoOrganisation.MunicipalityName).First(l => l.Role == Roles.SystemAdministrator).DisplayName;
        var devices = new DemoDevices(stock, random, today).Create(homes, entrances);
        var batteries = new DemoBatteries(staff, random, now, municipality.BatteryThreshold)
            .Create(devices.Devices, homes.ToDictionary(h => h.Household.Id));
        var keys = new DemoKeys(organisation, staff, random, today, now).Create(homes, devices.Devices);

        db.StockLocations.AddRange(stock.Locations);
        db.DeviceModels.AddRange(stock.Models);
        db.ReorderLevels.AddRange(stock.ReorderLevels());
        var purchases = stock.PurchaseOrders(today, orderedBy);
        db.PurchaseOrders.AddRange(purchases);
        // Each emulated lock's own key, registered as at commissioning (without the app's secret, none).
        lockKeys?.Register(devices.Devices);
        db.Devices.AddRange(devices.Devices);
        db.OriginalLockParts.AddRange(devices.LockParts);
        db.PendingTasks.AddRange(batteries.Tasks);
        db.KeySets.AddRange(keys.Sets);
        db.KeyReceipts.AddRange(keys.Receipts);
        db.PhysicalKeyUses.AddRange(keys.Uses);
        return new Equipment(devices.Devices.Count,
            devices.Devices.Count(d => d.Kind == DeviceKind.LockUnit && d.IsMounted), keys.Sets.Count, batteries.Readings,
            new DemoRegistry(homes, devices.Devices, batteries.Tasks, keys.Sets, devices.LockParts, [.. entrances], purchases));
    }

    /// <summary>
    /// The battery readings are the demo's most numerous rows, and plain ones: append-only, no
    /// version, no history. EF's SQLite provider inserts one statement per row, so they go in as a
    /// few multi-row inserts instead; that keeps the start-up of a new demo fast.
    /// </summary>
    private async Task InsertBatteryReadingsAsync(IEnumerable<BatteryReading> readings, CancellationToken ct)
    {
        foreach (var chunk in readings.Chunk(100))
        {
            var rows = string.Join(", ", chunk.Select((_, i) => $"({{{4 * i}}}, {{{4 * i + 1}}}, {{{4 * i + 2}}}, {{{4 * i + 3}}})"));
            // Only placeholders are joined into the text; every value is a parameter.
            var sql = "INSERT INTO \"BatteryReadings\" (\"MunicipalityId\", \"DeviceId\", \"Level\", \"At\") VALUES " + rows;
            var values = chunk.SelectMany(r => new object[] { r.MunicipalityId, r.DeviceId, r.Level, r.At });
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }
}
