using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Clients;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Devices;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Services;
using Xunit.Abstractions;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>Demo kommun generated once per database provider on a migrated database; the tests only read.</summary>
public sealed class GeneratedDemos : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(DemoDatabase Database, TimeSpan Elapsed)>>> _demos = new();

    internal Task<(DemoDatabase Database, TimeSpan Elapsed)> GetAsync(DatabaseProvider provider) =>
        _demos.GetOrAdd(provider, p => new Lazy<Task<(DemoDatabase, TimeSpan)>>(() => GenerateAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var demo in _demos.Values.Select(lazy => lazy.Value).Where(t => t.IsCompletedSuccessfully))
            await demo.Result.Database.DisposeAsync();
    }

    private static async Task<(DemoDatabase, TimeSpan)> GenerateAsync(DatabaseProvider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        try
        {
            var (_, elapsed) = await database.GenerateAsync();
            return (database, elapsed);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}

/// <summary>The demo tests that read a generated demo on both providers share one generation per provider.</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedDemosCollection : ICollectionFixture<GeneratedDemos>
{
    public const string Name = "Generated demos";
}

[Collection(GeneratedDemosCollection.Name)]
public sealed class DemoDevicesTests(GeneratedDemos demos, ITestOutputHelper output)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_EligibleHouseholds_AboutEightyFivePercentHaveOneMountedLock(DatabaseProvider provider)
    {
        var (database, elapsed) = await demos.GetAsync(provider);
        output.WriteLine($"Generated in {elapsed.TotalMilliseconds:0} ms on {provider}");
        await using var scope = database.Scope();
        var db = Db(scope);
        var eligible = await EligibleHouseholdsAsync(db, database.Today);
        var devices = await db.Devices.ToListAsync();
        var mountedLocks = devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted).ToList();

        mountedLocks.GroupBy(d => d.HouseholdId).ShouldAllBe(g => g.Count() == 1);
        var share = (double)eligible.Count(mountedLocks.Select(d => d.HouseholdId!.Value).ToHashSet().Contains) / eligible.Count;
        output.WriteLine($"{eligible.Count} eligible households, {share:P1} with a mounted lock unit");
        share.ShouldBeInRange(0.80, 0.90);

        devices.Count(d => d.Kind == DeviceKind.LockUnit && d.Status == DeviceStatus.Faulty && d.IsMounted).ShouldBeInRange(5, 8);
        devices.Count(d => d.Status == DeviceStatus.InRepair).ShouldBeInRange(3, 5);
        devices.Count(d => d.Status == DeviceStatus.Scrapped).ShouldBeInRange(2, 4);
        var reserved = devices.Where(d => d.Status == DeviceStatus.Reserved).ToList();
        reserved.Count.ShouldBeInRange(2, 3);
        reserved.ShouldAllBe(d => eligible.Contains(d.HouseholdId!.Value) && mountedLocks.All(m => m.HouseholdId != d.HouseholdId));
        mountedLocks.ShouldAllBe(d => d.KeyNumber != null && d.InstalledOn <= database.Today && d.InstalledOn > database.Today.AddYears(-5));
        mountedLocks.Select(d => d.DeviceModelId).Distinct().Count().ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_Devices_SerialAndKeyNumbersUniqueAndWellFormed(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var devices = await db.Devices.ToListAsync();
        var keySetNumbers = await db.KeySets.Select(k => k.KeyNumber).ToListAsync();

        devices.Select(d => d.SerialNumber).ShouldBeUnique();
        devices.Select(d => d.KeyNumber).OfType<string>().ShouldBeUnique();
        keySetNumbers.ShouldBeUnique();
        devices.Select(d => d.SerialNumber).Intersect(devices.Select(d => d.KeyNumber).OfType<string>()).ShouldBeEmpty();
        keySetNumbers.Intersect(devices.Select(d => d.KeyNumber).OfType<string>()).ShouldBeEmpty();
        devices.ShouldAllBe(d => DeviceNumbers.IsWellFormed(d.SerialNumber, DeviceNumbers.MaxSerialLength)
                                 && (d.KeyNumber == null || DeviceNumbers.IsWellFormed(d.KeyNumber, DeviceNumbers.MaxKeyNumberLength)));
        devices.Where(d => d.Kind == DeviceKind.LockUnit).ShouldContain(d => d.SerialNumber.StartsWith("PH3-"));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_Stock_ExactlyOneModelBelowItsReorderLevel(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var levels = await db.ReorderLevels.ToListAsync();
        var store = await db.StockLocations.SingleAsync(l => l.Name == DemoStockNames.Store);
        var inStock = (await db.Devices.Where(d => d.Status == DeviceStatus.InStock)
                .Select(d => new { d.StockLocationId, d.DeviceModelId }).ToListAsync())
            .CountBy(d => (d.StockLocationId!.Value, d.DeviceModelId)).ToDictionary();

        var breached = levels.Where(l => l.IsBreachedBy(inStock.GetValueOrDefault((l.StockLocationId, l.DeviceModelId)))).ToList();
        breached.ShouldHaveSingleItem().StockLocationId.ShouldBe(store.Id);
        (await db.DeviceModels.SingleAsync(m => m.Id == breached[0].DeviceModelId)).Name.ShouldBe(DemoStockNames.MedicineCabinet);
        var lockModel = await db.DeviceModels.SingleAsync(m => m.Name == DemoStockNames.LockUnit);
        inStock[(store.Id, lockModel.Id)].ShouldBeGreaterThanOrEqualTo(20);
        (await db.StockLocations.CountAsync()).ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_PurchaseOrders_DeliveredPartlyDeliveredAndOpenWithLockUnitsRemaining(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var orders = await db.PurchaseOrders.Include(o => o.Lines).ThenInclude(l => l.Model).ToListAsync();

        orders.ShouldContain(o => o.Status == PurchaseOrderStatus.Delivered && o.Lines.All(l => l.Remaining == 0));
        orders.ShouldContain(o => o.Status == PurchaseOrderStatus.Open && o.Lines.Any(l => l.Delivered > 0) && o.Lines.Any(l => l.Remaining > 0));
        orders.ShouldContain(o => o.Status == PurchaseOrderStatus.Open
                                  && o.Lines.Any(l => l.Model!.Name == DemoStockNames.LockUnit && l.Delivered == 0 && l.Remaining >= 10));
        orders.Select(o => o.Number).ShouldBeUnique();
        orders.ShouldAllBe(o => o.OrderedOn < database.Today && o.Note!.Contains("systemförvaltare"));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_KeySets_FollowServicesExceptAFewDeliberateMismatches(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var today = database.Today;
        var clients = await db.Clients.ToListAsync();
        var services = (await db.CareServices.ToListAsync()).Where(s => s.IsActiveOn(today)).ToLookup(s => s.ClientId);
        var sets = await db.KeySets.ToListAsync();
        var holders = sets.Where(k => k.Status == KeySetStatus.WithHolder).ToLookup(k => k.ClientId, k => k.HolderUnitId!.Value);

        var mismatches = clients.Count(c => !KeySetExpectation.For(
            services[c.Id].Select(s => new KeySetExpectation.ActiveService(s.Kind, s.UnitId)), c.OpensDoorThemself, holders[c.Id]).Matches);
        output.WriteLine($"{sets.Count} key sets; {mismatches} of {clients.Count} clients do not match their services");
        mismatches.ShouldBeInRange(5, 8);

        sets.Count(k => k.Status == KeySetStatus.Lost).ShouldBe(1);
        sets.Count(k => k.Status == KeySetStatus.ReturnedToClient).ShouldBeGreaterThanOrEqualTo(3);
        var receipts = (await db.KeyReceipts.ToListAsync()).ToLookup(r => r.KeySetId);
        sets.ShouldAllBe(k => receipts[k.Id].Count(r => r.Kind == KeyReceiptKind.HandOut) == 1);
        sets.Where(k => k.Status == KeySetStatus.ReturnedToClient).ShouldAllBe(k => receipts[k.Id].Any(r => r.Kind == KeyReceiptKind.Return));
        receipts.SelectMany(r => r).ShouldAllBe(r => r.SignedByGiver && r.SignedByReceiver && r.GiverName != "" && r.ReceiverName != "" && r.Date <= today);
        receipts.SelectMany(r => r).ShouldContain(r => r.Kind == KeyReceiptKind.Transfer);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_Batteries_SomeLowEachWithExactlyOneOpenTask(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var threshold = (await db.Municipalities.SingleAsync()).BatteryThreshold;
        var locks = (await db.Devices.Where(d => d.Kind == DeviceKind.LockUnit).ToListAsync()).Where(d => d.IsMounted).ToList();
        var tasks = await db.PendingTasks.ToListAsync();
        var readings = (await db.BatteryReadings.ToListAsync()).ToLookup(r => r.DeviceId, r => (r.At, r.Level));
        var now = FixedClock.Default.GetUtcNow().UtcDateTime;

        locks.ShouldAllBe(d => d.BatteryLevel != null && d.BatteryReportedAt <= now && d.BatteryReportedAt > now.AddDays(-1));
        var low = locks.Where(d => d.BatteryLevel < threshold).ToList();
        low.Count.ShouldBeInRange(10, 20);
        low.ShouldAllBe(d => tasks.Count(t => t.DeviceId == d.Id && t.Status == PendingTaskStatus.Open) == 1);
        tasks.Where(t => t.Status == PendingTaskStatus.Open).ShouldAllBe(t => low.Any(d => d.Id == t.DeviceId) && t.UnitId != null);
        tasks.Count(t => t.Status == PendingTaskStatus.Done).ShouldBeGreaterThan(0);

        var soon = locks.Where(d => d.BatteryLevel >= threshold)
            .Count(d => BatteryForecast.From(readings[d.Id], now).DaysLeft <= 30);
        output.WriteLine($"{locks.Count} mounted locks: {low.Count} below {threshold} %, {soon} more empty within 30 days");
        soon.ShouldBeInRange(2, 10);
        locks.Count(d => readings[d.Id].Count() >= 8).ShouldBeGreaterThan(locks.Count / 2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_OtherDevicesPartsAndKeyUses_InPlausiblePlaces(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var devices = await db.Devices.ToListAsync();
        var entrances = await db.Entrances.ToDictionaryAsync(e => e.Id);

        var entranceUnits = devices.Where(d => d.Kind == DeviceKind.EntranceUnit && d.IsMounted).ToList();
        entranceUnits.Count.ShouldBeInRange(10, 20);
        entranceUnits.ShouldAllBe(d => entrances[d.EntranceId!.Value].ConsentStatus == ConsentStatus.Given);
        devices.Count(d => d.Kind == DeviceKind.KeySafe && d.IsMounted).ShouldBeInRange(3, 8);
        devices.Count(d => d.Kind == DeviceKind.MedicineCabinet && d.IsMounted).ShouldBeInRange(3, 8);

        var parts = await db.OriginalLockParts.ToListAsync();
        var keyNumbers = devices.Select(d => d.KeyNumber).ToHashSet();
        parts.Count(p => p.IsInStore).ShouldBeGreaterThan(devices.Count(d => d.Kind == DeviceKind.LockUnit && d.IsMounted) / 2);
        parts.Count(p => !p.IsInStore).ShouldBeGreaterThan(0);
        parts.ShouldAllBe(p => keyNumbers.Contains(p.Tag));

        var uses = await db.PhysicalKeyUses.ToListAsync();
        var lockedHomes = devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted).Select(d => d.HouseholdId).ToHashSet();
        var homeOf = await db.Clients.ToDictionaryAsync(c => c.Id, c => (Guid?)c.HouseholdId);
        uses.Count.ShouldBeInRange(3, 8);
        uses.ShouldAllBe(u => lockedHomes.Contains(homeOf[u.ClientId]) && u.KeySetId != null);
        uses.Select(u => u.Reason).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Generate_TwoDatabases_SameDevicesKeySetsAndWorkOrders()
    {
        var (first, _) = await demos.GetAsync(DatabaseProvider.Sqlite);
        await using var second = await DemoDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await second.GenerateAsync();

        var (firstDevices, secondDevices) = (await DevicesOf(first), await DevicesOf(second));
        secondDevices.Count.ShouldBeGreaterThan(400);
        secondDevices.ShouldBe(firstDevices);
    }

    private static NyckelfriDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();

    /// <summary>Households where someone gets home care or a safety alarm today and nobody has refused a lock.</summary>
    private static async Task<List<Guid>> EligibleHouseholdsAsync(NyckelfriDbContext db, DateOnly today)
    {
        var clients = await db.Clients.ToListAsync();
        var served = (await db.CareServices.ToListAsync())
            .Where(s => s.IsActiveOn(today) && s.Kind is CareServiceKind.HomeCare or CareServiceKind.SafetyAlarm)
            .Select(s => s.ClientId).ToHashSet();
        return clients.GroupBy(c => c.HouseholdId)
            .Where(h => h.Any(c => served.Contains(c.Id))
                        && h.All(c => !c.HasCodeLock && !c.AgreedNoInstall && c.LockDecision != LockDecision.Declined))
            .Select(h => h.Key).ToList();
    }

    private static async Task<List<string>> DevicesOf(DemoDatabase database)
    {
        await using var scope = database.Scope();
        var db = Db(scope);
        var devices = await db.Devices
            .Select(d => $"{d.SerialNumber} {d.KeyNumber} {d.Status} {d.InstalledOn} {d.BatteryLevel} {d.Household!.Apartment} {d.Household.Address!.Street}")
            .ToListAsync();
        var sets = await db.KeySets.Select(k => $"{k.KeyNumber} {k.KeyCount} {k.Status} {k.Client!.PersonalIdentityNumber}").ToListAsync();
        var orders = (await db.WorkOrders.Include(o => o.Answers).ToListAsync())
            .Select(o => $"{o.Reference} {o.Kind} {o.State} {o.CurrentStepCode} {o.OwnerRole} {o.DueOn} {o.CreatedAt:O} {o.Answers.Count}");
        return devices.Concat(sets).Concat(orders).Order(StringComparer.Ordinal).ToList();
    }
}
