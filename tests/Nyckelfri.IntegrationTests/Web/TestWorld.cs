using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using Nyckelfri.Tenancy;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The small, known world every web test starts from: municipality A with an internal provider
/// (home-care unit) and an external provider (home-care unit), a client served by each, and one login
/// per role (provider roles at the external provider), a second coordinator (at the internal provider) and a
/// second fee officer, two lock units in stock at "Vaktmästeriet" and one open work order (a fault report
/// for the internal client); municipality B with one client and one admin.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-losen-1!";

    public Guid MunicipalityA { get; private set; }
    public Guid MunicipalityB { get; private set; }
    public Guid InternalProvider { get; private set; }
    public Guid ExternalProvider { get; private set; }
    public Guid InternalUnit { get; private set; }
    public Guid ExternalUnit { get; private set; }
    public Guid InternalClient { get; private set; }
    public Guid ExternalClient { get; private set; }
    public Guid ClientInB { get; private set; }
    public Guid AddressA { get; private set; }

    /// <summary>Municipality A's stock location "Vaktmästeriet", its lock-unit model "Testlås 1", and two lock units in stock there.</summary>
    public Guid StockLocationA { get; private set; }
    public Guid LockModelA { get; private set; }
    public IReadOnlyList<Guid> InStockLockUnits { get; private set; } = [];
    // Stock of municipality A, so that stock endpoints have real ids to be judged on (BadInputTests).
    public Guid AlarmCentreStore { get; private set; }
    public Guid EntranceUnitModel { get; private set; }
    public Guid OpenPurchaseOrder { get; private set; }
    public Guid StoredLockPart { get; private set; }

    /// <summary>A fault report for the internal client, open at its first step (coordinator at the internal unit), at version 1.</summary>
    public Guid WorkOrderA { get; private set; }

    /// <summary>Municipality A's staff and keys (issue 5): a permanent employee of each provider's unit, an hourly substitute of the internal provider.</summary>
    public Guid EmployeeCentrum { get; private set; }
    public Guid EmployeeNorr { get; private set; }
    public Guid Substitute { get; private set; }

    /// <summary>Key DK-0001 issued to <see cref="EmployeeCentrum"/> (kept "Jackfickan", with a receipt), key DK-0002 in the alarm centre's stock, a 2-factor device in stock, a coming grant; all at version 1.</summary>
    public Guid IssuedKey { get; private set; }
    public Guid KeyInStock { get; private set; }
    public Guid TwoFactorInStock { get; private set; }
    public Guid ComingGrant { get; private set; }

    /// <summary>An active API key of municipality A (role Integration).</summary>
    public string ApiKeySecret { get; private set; } = "";
    public const string DoorCodeOfInternalClient = "4711";

    /// <summary>User name of the login holding <paramref name="role"/> in municipality A.</summary>
    public static string UserFor(string role) => "a-" + role.ToLowerInvariant();
    public const string AdminInB = "b-admin";

    /// <summary>A coordinator at the internal provider (the one of <see cref="UserFor"/> is at the external provider).</summary>
    public const string InternalCoordinator = "a-coordinator-centrum";

    /// <summary>A second fee officer, for two people of one role acting at once.</summary>
    public const string SecondFeeOfficer = "a-feeofficer-2";

    public static async Task<TestWorld> SeedAsync(IServiceProvider services, DbContextOptionsFactory options, TimeProvider clock)
    {
        var world = new TestWorld();
        await using (var db = new NyckelfriDbContext(options(), AccessScope.System(), clock))
        {
            var today = clock.Today();
            var a = new Municipality("Testkommun A", "test-a", isDemo: false) { TwoFactorRoles = "" };
            var b = new Municipality("Testkommun B", "test-b", isDemo: false) { TwoFactorRoles = "" };
            var internalProvider = new Provider(a.Id, "Hemtjänsten A", ProviderKind.Internal);
            var externalProvider = new Provider(a.Id, "Omsorg AB", ProviderKind.ExternalLov);
            var providerB = new Provider(b.Id, "Hemtjänsten B", ProviderKind.Internal);
            var internalUnit = new Unit(internalProvider, "Centrum", UnitKind.HomeCare);
            var externalUnit = new Unit(externalProvider, "Norr", UnitKind.HomeCare);
            var unitB = new Unit(providerB, "Söder", UnitKind.HomeCare);
            var address = new Address(a.Id, "Storgatan 1", "123 45", "Teststad");
            var addressB = new Address(b.Id, "Bygatan 2", "543 21", "Bstad");

            var internalClient = Client(a.Id, address, "Anna", "Andersson", "19400101", today, out var h1);
            internalClient.DoorCode = DoorCodeOfInternalClient;
            var externalClient = Client(a.Id, address, "Bertil", "Berg", "19410202", today, out var h2);
            var clientB = Client(b.Id, addressB, "Cecilia", "Carlsson", "19420303", today, out var h3);

            db.AddRange(a, b, internalProvider, externalProvider, providerB, internalUnit, externalUnit, unitB, address, addressB,
                h1, h2, h3, internalClient, externalClient, clientB,
                new CareService(internalClient, CareServiceKind.HomeCare, true, internalUnit, today.AddYears(-1), null),
                new CareService(externalClient, CareServiceKind.HomeCare, true, externalUnit, today.AddYears(-1), null),
                new CareService(clientB, CareServiceKind.HomeCare, true, unitB, today.AddYears(-1), null),
                new KeySet(internalClient, "T-100", 2, internalUnit));
            var store = new StockLocation(a.Id, "Vaktmästeriet");
            var lockModel = new DeviceModel(a.Id, DeviceKind.LockUnit, "Testlås 1", "Testleverantören AB");
            Device[] locks = [new(lockModel, "TL-0001", "N-0001", store, null), new(lockModel, "TL-0002", "N-0002", store, null)];
            db.AddRange(store, lockModel);
            db.AddRange(locks);
            var (key, secret) = ApiKey.Create(a.Id, "Verksamhetssystem", "test", clock.UtcNow());
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            // The caretaker notes the firmware after unpacking: the locks are at version 1, so a request
            // based on version 0 is stale (BadInputTests sends version 0 to every write endpoint).
            foreach (var device in locks) device.Firmware = "1.0";
            await db.SaveChangesAsync();
            (world.StockLocationA, world.LockModelA, world.InStockLockUnits) = (store.Id, lockModel.Id, locks.Select(l => l.Id).ToList());
            world.ApiKeySecret = secret;

            (world.MunicipalityA, world.MunicipalityB) = (a.Id, b.Id);
            (world.InternalProvider, world.ExternalProvider) = (internalProvider.Id, externalProvider.Id);
            (world.InternalUnit, world.ExternalUnit) = (internalUnit.Id, externalUnit.Id);
            (world.InternalClient, world.ExternalClient, world.ClientInB) = (internalClient.Id, externalClient.Id, clientB.Id);
            world.AddressA = address.Id;
            await SeedStockAsync(db, world, internalClient, today);
            world.WorkOrderA = await SeedWorkOrderAsync(db, world, clock);
            await SeedDigitalKeysAsync(db, world, internalProvider, externalProvider, internalUnit, externalUnit, today);
        }

        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        foreach (var role in Roles.All.Where(r => r != Roles.Integration))
        {
            var scoped = Roles.ProviderScoped.Contains(role);
            await CreateUser(users, UserFor(role), role, world.MunicipalityA, scoped ? world.ExternalProvider : null);
        }
        await CreateUser(users, AdminInB, Roles.SystemAdministrator, world.MunicipalityB, null);
        await CreateUser(users, InternalCoordinator, Roles.Coordinator, world.MunicipalityA, world.InternalProvider);
        await CreateUser(users, SecondFeeOfficer, Roles.FeeOfficer, world.MunicipalityA, null);
        return world;
    }

    public delegate Microsoft.EntityFrameworkCore.DbContextOptions<NyckelfriDbContext> DbContextOptionsFactory();

    private static async Task SeedStockAsync(NyckelfriDbContext db, TestWorld world, Client internalClient, DateOnly today)
    {
        var store = new StockLocation(world.MunicipalityA, "Larmcentralens förråd");
        var model = new DeviceModel(world.MunicipalityA, DeviceKind.EntranceUnit, "Testportenhet", "Testleverantör");
        var order = new PurchaseOrder(world.MunicipalityA, 1, "Testleverantör", today, store);
        order.AddLine(model, 2);
        var part = new OriginalLockPart(internalClient, store, "Ordinarie låsvred", "Testmärkning", today);
        db.AddRange(store, model, order, part);
        await db.SaveChangesAsync();
        (world.AlarmCentreStore, world.EntranceUnitModel, world.OpenPurchaseOrder, world.StoredLockPart) = (store.Id, model.Id, order.Id, part.Id);
    }

    /// <summary>A fault report for the internal client, taken once so that a request based on version 0 is stale.</summary>
    private static async Task<Guid> SeedWorkOrderAsync(NyckelfriDbContext db, TestWorld world, TimeProvider clock)
    {
        var household = await db.Clients.Where(c => c.Id == world.InternalClient).Select(c => c.HouseholdId).SingleAsync();
        var order = WorkOrder.Start(world.MunicipalityA, 1, RoutineKind.FaultReport,
            new WorkOrderSubject(world.InternalClient, household, null, null) { UnitId = world.InternalUnit }, clock.GetUtcNow().UtcDateTime,
            (step, route) => new StepOwner(RoutinePresets.Owner(RoutinePreset.Salem, step.Code, route ?? RoutineCatalog.FaultRoutes.HouseholdLock),
                world.InternalUnit));
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync();
        order.Take("test");
        await db.SaveChangesAsync();
        return order.Id;
    }

    private static async Task SeedDigitalKeysAsync(NyckelfriDbContext db, TestWorld world, Provider internalProvider, Provider externalProvider,
        Unit internalUnit, Unit externalUnit, DateOnly today)
    {
        var a = world.MunicipalityA;
        var karin = new Staff.Employee(a, internalProvider.Id, "Karin", "Centrum", Staff.EmploymentType.Permanent, today.AddYears(-2)) { Version = 1 };
        karin.SetUnits([internalUnit]);
        var nils = new Staff.Employee(a, externalProvider.Id, "Nils", "Norr", Staff.EmploymentType.Permanent, today.AddYears(-2)) { Version = 1 };
        nils.SetUnits([externalUnit]);
        var sara = new Staff.Employee(a, internalProvider.Id, "Sara", "Vikarie", Staff.EmploymentType.Hourly, today.AddYears(-1)) { Version = 1 };
        static byte[] PublicKey()
        {
            using var key = LockProtocol.P256.CreateKey();
            return LockProtocol.P256.ExportPublicKey(key);
        }
        var issued = new Nyckelfri.Access.DigitalKey(a, "DK-0001", Nyckelfri.Access.DigitalKeyKind.PhoneApp, PublicKey(), Nyckelfri.Access.KeyStock.AlarmCentre) { Version = 1 };
        issued.Issue(karin.Id, today, "Jackfickan");
        var receipt = new Nyckelfri.Access.DigitalKeyReceipt(a, Nyckelfri.Access.DigitalKeyReceiptKind.Issue, karin.Id, issued.Id, null, issued.KeyNumber,
            new KeyReceipt.Parties(today, "Lena Larmcentral", "Karin Centrum", true, true, null), "test");
        var inStock = new Nyckelfri.Access.DigitalKey(a, "DK-0002", Nyckelfri.Access.DigitalKeyKind.KeyFob, PublicKey(), Nyckelfri.Access.KeyStock.AlarmCentre) { Version = 1 };
        var device = new Nyckelfri.Access.TwoFactorDevice(a, "2F-0001") { Version = 1 };
        var grant = new Nyckelfri.Access.AccessGrant(a, nils.Id, internalUnit.Id, Nyckelfri.Access.AccessGrantKind.AddUnit, today.AddDays(30), today.AddDays(31), "Test", "test")
            { Version = 1 };
        db.AddRange(karin, nils, sara, issued, receipt, inStock, device, grant);
        await db.SaveChangesAsync();
        (world.EmployeeCentrum, world.EmployeeNorr, world.Substitute) = (karin.Id, nils.Id, sara.Id);
        (world.IssuedKey, world.KeyInStock, world.TwoFactorInStock, world.ComingGrant) = (issued.Id, inStock.Id, device.Id, grant.Id);
    }

    private static Client Client(Guid municipality, Address address, string first, string last, string birth, DateOnly today, out Household household)
    {
        household = new Household(address, null);
        var nine = birth[2..] + "123";
        var number = PersonalIdentityNumber.Parse(birth + "123" + PersonalIdentityNumber.CheckDigitFor(nine), today);
        var client = new Client(municipality, first, last, number);
        household.AddCohabitant(client);
        return client;
    }

    private static async Task CreateUser(UserManager<AppUser> users, string userName, string role, Guid municipality, Guid? provider)
    {
        var user = new AppUser { UserName = userName, DisplayName = "Test " + role, MunicipalityId = municipality, ProviderId = provider };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
