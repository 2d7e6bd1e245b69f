using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Services;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Test data for the battery tests: each call makes a new client of municipality A, in a household of
/// their own with a device mounted at the door, so that tests never share a device or a task.
/// </summary>
internal static class BatteryHomes
{
    public const string Reports = "/api/v1/devices/battery-reports";

    public sealed record Home(Guid DeviceId, string Serial, Guid HouseholdId, Guid ClientId, string ClientName);

    /// <summary>A home with a service of <paramref name="kind"/> at <paramref name="unitId"/> and, optionally, an older service elsewhere.</summary>
    public static async Task<Home> MountedAsync(NyckelfriApp app, Guid unitId, CareServiceKind kind = CareServiceKind.HomeCare,
        (Guid UnitId, CareServiceKind Kind)? otherService = null, DeviceKind deviceKind = DeviceKind.LockUnit)
    {
        await using var db = app.SystemContext();
        var today = app.Clock.Today();
        var a = app.World.MunicipalityA;
        var tag = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var address = await db.Addresses.SingleAsync(x => x.Id == app.World.AddressA);
        var model = new DeviceModel(a, deviceKind, "Modell " + tag, "Leverantör");
        var location = new StockLocation(a, "Lager " + tag);
        var household = new Household(address, "11" + tag[..2]);
        var client = new Client(a, "Test", "Batterisson" + tag, FictitiousPersonalIdentityNumbers.Next());
        household.AddCohabitant(client);
        db.AddRange(model, location, household, client);
        db.Add(new CareService(client, kind, true, await db.Units.SingleAsync(u => u.Id == unitId), today.AddMonths(-1), null));
        if (otherService is { } other)
            db.Add(new CareService(client, other.Kind, true, await db.Units.SingleAsync(u => u.Id == other.UnitId), today.AddYears(-2), null));
        var device = new Device(model, "BAT-" + tag, "K" + tag, location, null);
        device.Install(household, null, today, "K" + tag);
        db.Add(device);
        await db.SaveChangesAsync();
        return new Home(device.Id, device.SerialNumber, household.Id, client.Id, client.FullName);
    }

    public static object Reading(string serial, int level, DateTimeOffset? at = null) =>
        at is null ? new { serialNumber = serial, level } : new { serialNumber = serial, level, reportedAt = at };

    public static Task<HttpResponseMessage> ReportAsync(this HttpClient api, params object[] readings) =>
        api.PostAsJsonAsync(Reports, new { readings });

    public static async Task<Device> DeviceAsync(this NyckelfriApp app, Guid id)
    {
        await using var db = app.SystemContext();
        return await db.Devices.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<List<PendingTask>> TasksAsync(this NyckelfriApp app, Guid deviceId)
    {
        await using var db = app.SystemContext();
        return await db.PendingTasks.AsNoTracking().Where(t => t.DeviceId == deviceId).OrderBy(t => t.OpenedAt).ToListAsync();
    }

    public static async Task<int> ReadingCountAsync(this NyckelfriApp app, Guid deviceId)
    {
        await using var db = app.SystemContext();
        return await db.BatteryReadings.CountAsync(r => r.DeviceId == deviceId);
    }
}
