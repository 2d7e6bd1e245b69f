using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Routines;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Real records to put in the routes of the write matrix, so that a request reaches the handler's own
/// write check instead of a 404 for an unknown id. They are the test world's where it has one, and
/// arranged here where it has none. Wherever possible the record is one every role of municipality A
/// may see: the external client (whose provider is the provider roles' one), its household, service,
/// key set, lock, NFC tag and a work order about it, and the external provider's employee with a key and
/// a 2-factor device. Records that change who may log in (users, API keys) are spares no caller uses,
/// so that an allowed write cannot lock a later caller out.
/// </summary>
internal sealed class WriteTargets
{
    private readonly Dictionary<string, string> _ids;

    private WriteTargets(Dictionary<string, string> ids) => _ids = ids;

    /// <summary>
    /// The route with every parameter replaced by a real value: "{clientId…}" by name, "{id…}" by the
    /// segment before it ("clients", "Brukare"). A parameter nobody has picked a record for fails the
    /// test, so that a new route gets a real id rather than a silent 404.
    /// </summary>
    public string Fill(string route)
    {
        var segments = route.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}').Split(':')[0];
            var key = name == "id" ? segments[i - 1] : "{" + name + "}";
            segments[i] = _ids.TryGetValue(key, out var value)
                ? value
                : throw new InvalidOperationException($"No record to use for {segments[i]} in {route}: add one for \"{key}\" to {nameof(WriteTargets)}.");
        }
        return string.Join('/', segments);
    }

    public static async Task<WriteTargets> ArrangeAsync(NyckelfriApp app)
    {
        var world = app.World;
        var arranged = await ArrangeAroundTheExternalClient(app);
        var entrance = await app.NewEntrance();
        await using var db = app.SystemContext();
        var owner = new PropertyOwner(world.MunicipalityA, "Fastighets AB Matrisen", PropertyOwnerKind.HousingCompany);
        var (spareKey, _) = ApiKey.Create(world.MunicipalityA, "Reserv", "test", app.Clock.GetUtcNow().UtcDateTime);
        db.AddRange(owner, spareKey);
        await db.SaveChangesAsync();
        var household = await db.Clients.Where(c => c.Id == world.ExternalClient).Select(c => c.HouseholdId).SingleAsync();
        var service = await db.CareServices.Where(s => s.ClientId == world.ExternalClient).Select(s => s.Id).SingleAsync();
        var spareUser = await db.Users.Where(u => u.UserName == TestWorld.SecondFeeOfficer).Select(u => u.Id).SingleAsync();

        var ids = new Dictionary<string, Guid>
        {
            // API resources, by the segment before "{id}".
            ["clients"] = world.ExternalClient,
            ["households"] = household,
            ["services"] = service,
            ["providers"] = world.ExternalProvider,
            ["units"] = world.ExternalUnit,
            ["employees"] = world.EmployeeNorr,
            ["property-owners"] = owner.Id,
            ["addresses"] = world.AddressA,
            ["entrances"] = entrance,
            ["users"] = Guid.Parse(spareUser),
            ["api-keys"] = spareKey.Id,
            ["devices"] = world.InStockLockUnits[0],
            ["device-models"] = world.EntranceUnitModel,
            ["stock-locations"] = world.AlarmCentreStore,
            ["purchase-orders"] = world.OpenPurchaseOrder,
            ["original-lock-parts"] = world.StoredLockPart,
            ["key-sets"] = arranged.KeySet,
            ["battery-tasks"] = arranged.BatteryTask,
            ["work-orders"] = arranged.WorkOrder,
            ["digital-keys"] = arranged.DigitalKey,
            ["two-factor-devices"] = arranged.TwoFactorDevice,
            ["access-grants"] = world.ComingGrant,
            ["nfc-tags"] = arranged.NfcTag,
            ["break-glass"] = arranged.BreakGlass,
            ["locks"] = arranged.Lock,
            // Pages, by the segment before "{id}".
            ["Brukare"] = world.ExternalClient,
            ["Hushall"] = household,
            ["Insatser"] = service,
            ["Utforare"] = world.ExternalProvider,
            ["Enheter"] = world.ExternalUnit,
            ["Personal"] = world.EmployeeNorr,
            ["Fastighetsagare"] = owner.Id,
            ["Adresser"] = world.AddressA,
            ["Portar"] = entrance,
            ["Anvandare"] = Guid.Parse(spareUser),
            ["Utrustning"] = world.InStockLockUnits[0],
            ["Modeller"] = world.EntranceUnitModel,
            ["Platser"] = world.AlarmCentreStore,
            ["Bestallningar"] = world.OpenPurchaseOrder,
            ["Originaldelar"] = world.StoredLockPart,
            ["Nycklar"] = arranged.KeySet,
            ["Arenden"] = arranged.WorkOrder,
            ["Digitala"] = arranged.DigitalKey,
            ["Dosor"] = arranged.TwoFactorDevice,
            // Other parameters, by name.
            ["{clientId}"] = world.ExternalClient,
            ["{lockId}"] = arranged.Lock,
            ["{householdId}"] = household,
            ["{entranceId}"] = entrance,
            ["{addressId}"] = world.AddressA,
            ["{providerId}"] = world.ExternalProvider,
        };
        var values = ids.ToDictionary(i => i.Key, i => i.Value.ToString());
        values["{stepCode}"] = RoutineCatalog.For(RoutineKind.FaultReport).Steps[0].Code;
        values["{code}"] = "404";
        // No such issuer key: the retire handler answers 404 after the policy let the caller through.
        values["{keyId}"] = "nf-matrix-none";
        return new WriteTargets(values);
    }

    private sealed record AroundTheExternalClient(Guid KeySet, Guid Lock, Guid BatteryTask, Guid NfcTag, Guid BreakGlass, Guid WorkOrder,
        Guid DigitalKey, Guid TwoFactorDevice);

    /// <summary>
    /// The external client's key set (held by its unit), a lock mounted at its door with a battery change
    /// open and one break-glass to review, an NFC tag, an open fault report, and a key and a 2-factor
    /// device issued to the external provider's employee.
    /// </summary>
    private static async Task<AroundTheExternalClient> ArrangeAroundTheExternalClient(NyckelfriApp app)
    {
        var world = app.World;
        var a = world.MunicipalityA;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = app.Clock.Today();
        await using var db = app.SystemContext();
        var client = await db.Clients.Include(c => c.Household).SingleAsync(c => c.Id == world.ExternalClient);
        var unit = await db.Units.SingleAsync(u => u.Id == world.ExternalUnit);

        var keySet = new KeySet(client, "M-300", 2, unit);
        var mounted = new Device(await db.DeviceModels.SingleAsync(m => m.Id == world.LockModelA), "TL-MATRIS", null,
            await db.StockLocations.SingleAsync(l => l.Id == world.StockLocationA), "1.0");
        mounted.Install(client.Household!, null, today, "K-MATRIS");
        var tag = new NfcTag(a, "04A1B2C3D4E5F6", client.Id, "Hallen");
        var digitalKey = new DigitalKey(a, "DK-0300", DigitalKeyKind.PhoneApp, PublicKey(), KeyStock.AlarmCentre);
        digitalKey.Issue(world.EmployeeNorr, today, "Jackfickan");
        var twoFactor = new TwoFactorDevice(a, "2F-0300");
        twoFactor.Issue(world.EmployeeNorr, "Nyckelskåpet");
        db.AddRange(keySet, mounted, tag, digitalKey, twoFactor);
        await db.SaveChangesAsync();

        var task = new PendingTask(mounted, PendingTaskKind.BatteryChange, unit.Id, 10, now);
        var breakGlass = new BreakGlass(a, world.EmployeeNorr, mounted.Id, client.Id, unit.Id, "Brukaren svarade inte", now, now.Add(BreakGlass.DefaultValidity),
            Guid.NewGuid(), "test");
        var order = WorkOrder.Start(a, await db.NextWorkOrderNumber(a, CancellationToken.None), RoutineKind.FaultReport,
            new WorkOrderSubject(client.Id, client.HouseholdId, null, null) { UnitId = unit.Id }, now,
            (step, route) => new StepOwner(RoutinePresets.Owner(RoutinePreset.Salem, step.Code, route ?? RoutineCatalog.FaultRoutes.HouseholdLock), unit.Id));
        db.AddRange(task, breakGlass, order);
        await db.SaveChangesAsync();
        return new AroundTheExternalClient(keySet.Id, mounted.Id, task.Id, tag.Id, breakGlass.Id, order.Id, digitalKey.Id, twoFactor.Id);
    }

    private static byte[] PublicKey()
    {
        using var key = LockProtocol.P256.CreateKey();
        return LockProtocol.P256.ExportPublicKey(key);
    }
}
