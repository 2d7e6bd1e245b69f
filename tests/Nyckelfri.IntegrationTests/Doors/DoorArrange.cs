using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Access;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// A door of one's own for one test: a client served by the external provider's unit "Norr", a lock
/// mounted at the client's household, and an employee of that unit with a login and an issued digital
/// key whose device key the test holds (as the phone would, or the browser for a <see cref="DigitalKeyKind.WebApp"/>
/// key). A web-app key made with <c>enrolled: false</c> has no device key on record yet: the test's key is
/// the one a browser would make and enrol. The lock's own key
/// (protocol v2) is registered on its device: with the demo on, the emulated lock's (derived from the
/// demo secret, so "Öppna" and the test sign alike); without it, a fresh one.
/// </summary>
internal sealed record Door(Guid ClientId, Guid HouseholdId, Guid LockId, string LockSerial, Guid EmployeeId, string UserName, Guid KeyId,
    ECDsa DeviceKey, ECDsa LockKey) : IDisposable
{
    public Holder Holder => new(DeviceKey);

    /// <summary>A fresh event chain of this lock from its first event, signing with the lock's key.</summary>
    public EventChain NewChain() => new(LockId, LockKey);

    public void Dispose()
    {
        DeviceKey.Dispose();
        LockKey.Dispose();
    }
}

internal static class DoorArrange
{
    private static int _counter;

    public static async Task<Door> NewDoor(this NyckelfriApp app, EmploymentType employment = EmploymentType.Permanent, bool withUnit = true,
        DigitalKeyKind keyKind = DigitalKeyKind.PhoneApp, bool enrolled = true)
    {
        var n = Interlocked.Increment(ref _counter);
        var suffix = DeviceArrange.Unique("D")[2..];
        var today = app.Clock.Today();
        await using var db = app.SystemContext();
        var unit = await db.Units.SingleAsync(u => u.Id == app.World.ExternalUnit);
        var address = await db.Addresses.SingleAsync(a => a.Id == app.World.AddressA);
        var household = new Household(address, "D" + suffix[..6]);
        var birth = $"19{30 + n % 60:00}0{1 + n % 9}1{n % 9}";
        var serial = $"{n % 1000:000}";
        var nine = birth[2..] + serial;
        var client = new Client(app.World.MunicipalityA, "Dörr", "Brukare" + suffix[..4],
            PersonalIdentityNumber.Parse(birth + serial + PersonalIdentityNumber.CheckDigitFor(nine), today));
        household.AddCohabitant(client);
        db.AddRange(household, client, new CareService(client, CareServiceKind.HomeCare, true, unit, today.AddMonths(-2), null));

        var model = await db.DeviceModels.SingleAsync(m => m.Id == app.World.LockModelA);
        var location = await db.StockLocations.SingleAsync(l => l.Id == app.World.StockLocationA);
        var device = new Device(model, DeviceArrange.Unique("LS"), DeviceArrange.Unique("K"), location, "1.0");
        var lockKey = app.Services.GetService<Nyckelfri.Demo.DemoLockKeys>()?.KeyFor(device.Id) ?? P256.CreateKey();
        device.RegisterLockPublicKey(P256.ExportPublicKey(lockKey));
        db.Devices.Add(device);
        device.Install(household, null, today.AddMonths(-1));

        var employee = new Employee(app.World.MunicipalityA, app.World.ExternalProvider, "Eva", "Dörrsson" + suffix[..4], employment, today.AddYears(-1));
        if (withUnit) employee.SetUnits([unit]);
        db.Employees.Add(employee);

        var (key, deviceKey) = NewKey(app, keyKind, enrolled);
        key.Issue(employee.Id, today.AddDays(-7), "Personligt skåp");
        db.DigitalKeys.Add(key);
        await db.SaveChangesAsync();

        var userName = "door-" + suffix.ToLowerInvariant();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = employee.FullName, MunicipalityId = app.World.MunicipalityA,
            ProviderId = app.World.ExternalProvider, UnitId = withUnit ? app.World.ExternalUnit : null, EmployeeId = employee.Id,
        };
        (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Employee);
        return new Door(client.Id, household.Id, device.Id, device.SerialNumber, employee.Id, userName, key.Id, deviceKey, lockKey);
    }

    /// <summary>Hands an employee a new phone-app key, as the alarm centre would; the test holds the device key.</summary>
    public static async Task<(Guid KeyId, ECDsa DeviceKey)> GiveKey(this NyckelfriApp app, Guid employeeId)
    {
        await using var db = app.SystemContext();
        var (key, deviceKey) = NewKey(app, DigitalKeyKind.PhoneApp, enrolled: true);
        key.Issue(employeeId, app.Clock.Today().AddDays(-1), "Personligt skåp");
        db.DigitalKeys.Add(key);
        await db.SaveChangesAsync();
        return (key.Id, deviceKey);
    }

    private static (DigitalKey Key, ECDsa DeviceKey) NewKey(NyckelfriApp app, DigitalKeyKind kind, bool enrolled)
    {
        // The test holds the device key, as the phone (or, for a web-app key, the browser that enrolled it) would.
        var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var onRecord = enrolled || kind != DigitalKeyKind.WebApp ? P256.ExportPublicKey(deviceKey) : [];
        return (new DigitalKey(app.World.MunicipalityA, DeviceArrange.Unique("DK"), kind, onRecord, KeyStock.AlarmCentre), deviceKey);
    }

    /// <summary>An emulated lock for the door, trusting the municipality's issuer key.</summary>
    public static async Task<LockEmulator.EmulatedLock> EmulatedLock(this NyckelfriApp app, Door door)
    {
        using var scope = app.Services.CreateScope();
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var issuers = new IssuerKeys(db, scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            scope.ServiceProvider.GetRequiredService<IssuerCache>());
        var trusted = await issuers.TrustedAsync(app.World.MunicipalityA, CancellationToken.None);
        return new LockEmulator.EmulatedLock(new LockEmulator.EmulatedLockOptions
        {
            LockId = door.LockId, SerialNumber = door.LockSerial, TrustedIssuers = [trusted],
            LockKey = ECDsa.Create(door.LockKey.ExportParameters(includePrivateParameters: true)),
        }, app.Clock);
    }

    /// <summary>Blocks the door's key as the alarm centre would (the block and a new revocation list in one save).</summary>
    public static async Task Block(this NyckelfriApp app, Door door)
    {
        using var scope = app.Services.CreateScope();
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var issuers = new IssuerKeys(db, scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            scope.ServiceProvider.GetRequiredService<IssuerCache>());
        await using var transaction = await db.Database.BeginTransactionAsync();
        var key = await db.DigitalKeys.SingleAsync(k => k.Id == door.KeyId);
        key.Block("Borttappad", app.Clock.UtcNow());
        await new RevocationLists(db, issuers).PublishAsync(app.World.MunicipalityA, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
