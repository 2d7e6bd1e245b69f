using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>Clients, services, key sets and mounted locks for the physical-key tests.</summary>
internal static class KeysTestData
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new client of its own (a 1923 number no other test file uses), with no service yet.</summary>
    public static async Task<Guid> RegisterClient(HttpClient officer, string serial, bool opensDoorThemself = false)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Ingrid", lastName = "Nyckeldotter", personalIdentityNumber = PersonalIdentityNumber(serial),
            street = $"Nyckelvägen {serial}", postalCode = "76543", city = "Teststad", lockDecision = "NotAsked", opensDoorThemself,
        });
        return (await response.ShouldBeCreatedAt("/api/v1/clients")).Id();
    }

    public static string PersonalIdentityNumber(string serial) => ApiChecks.PersonalIdentityNumber("19230315", serial);

    public static async Task AddService(HttpClient officer, Guid clientId, string kind, Guid unitId, DateOnly today) =>
        await (await officer.PostAsJsonAsync($"/api/v1/clients/{clientId}/services",
            new { kind, assessed = true, unitId, startDate = Day(today.AddMonths(-1)) })).ShouldBeCreatedAt("/api/v1/services");

    public static object HandOut(Guid unitId, string keyNumber = "ab-101", int keyCount = 2, bool signedByGiver = true,
        bool signedByReceiver = true, string? giverName = "Ingrid Nyckeldotter", string? receiverName = "Karin Centrum") => new
    {
        keyNumber, keyCount, holderUnitId = unitId, giverName, receiverName, signedByGiver, signedByReceiver,
    };

    public static async Task<JsonElement> HandOutSet(HttpClient api, Guid clientId, Guid unitId, string keyNumber = "ab-101") =>
        await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/key-sets", HandOut(unitId, keyNumber))).ShouldBeCreatedAt("/api/v1/key-sets");

    /// <summary>The receipts of a key set as the API returns them, newest first.</summary>
    public static List<JsonElement> Receipts(this JsonElement set) => set.GetProperty("receipts").EnumerateArray().ToList();

    /// <summary>Mounts a lock unit at the client's household, as an installer would (the device pages are another area's).</summary>
    public static async Task MountLock(NyckelfriApp app, Guid clientId, string serial)
    {
        await using var db = app.SystemContext();
        var client = await db.Clients.Include(c => c.Household).SingleAsync(c => c.Id == clientId);
        var model = new DeviceModel(client.MunicipalityId, DeviceKind.LockUnit, "Testlås " + serial, "Låsleverantören AB");
        var location = new StockLocation(client.MunicipalityId, "Förrådet " + serial);
        var device = new Device(model, serial, null, location, "1.0");
        device.Install(client.Household!, null, app.Clock.Today(), "K-" + serial);
        db.AddRange(model, location, device);
        await db.SaveChangesAsync();
    }
}
