using Microsoft.EntityFrameworkCore;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Properties;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Fresh devices, households and entrances for one test, written straight to the database (as a
/// delivery and the registry would have made them), so that tests sharing an app do not meet.
/// </summary>
internal static class DeviceArrange
{
    /// <summary>A number no other test uses, in the upper case the register stores.</summary>
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A device in stock at the test world's "Vaktmästeriet", at version 0.</summary>
    public static async Task<Guid> NewDevice(this NyckelfriApp app, DeviceKind kind = DeviceKind.LockUnit, string? keyNumber = null)
    {
        await using var db = app.SystemContext();
        var model = kind == DeviceKind.LockUnit
            ? await db.DeviceModels.SingleAsync(m => m.Id == app.World.LockModelA)
            : await db.DeviceModels.SingleOrDefaultAsync(m => m.MunicipalityId == app.World.MunicipalityA && m.Name == $"Testmodell {kind}")
              ?? db.DeviceModels.Add(new DeviceModel(app.World.MunicipalityA, kind, $"Testmodell {kind}", "Testleverantören AB")).Entity;
        var location = await db.StockLocations.SingleAsync(l => l.Id == app.World.StockLocationA);
        var device = new Device(model, Unique("SN"), keyNumber, location, "1.0");
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        return device.Id;
    }

    /// <summary>A household with no clients at the test world's address (visible to municipal roles only).</summary>
    public static async Task<Guid> NewHousehold(this NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        var address = await db.Addresses.SingleAsync(a => a.Id == app.World.AddressA);
        var household = new Household(address, Unique("L")[..8]);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return household.Id;
    }

    public static async Task<Guid> NewEntrance(this NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        var address = await db.Addresses.SingleAsync(a => a.Id == app.World.AddressA);
        var entrance = new Entrance(address, "Uppgång " + Unique("U")[2..6]);
        db.Entrances.Add(entrance);
        await db.SaveChangesAsync();
        return entrance.Id;
    }

    public static async Task<Guid> HouseholdOf(this NyckelfriApp app, Guid clientId)
    {
        await using var db = app.SystemContext();
        return await db.Clients.Where(c => c.Id == clientId).Select(c => c.HouseholdId).SingleAsync();
    }

    public static async Task<Device> DeviceRow(this NyckelfriApp app, Guid id)
    {
        await using var db = app.SystemContext();
        return await db.Devices.AsNoTracking().SingleAsync(d => d.Id == id);
    }
}
