using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using static Nyckelfri.IntegrationTests.Access.DigitalKeysTestData;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>
/// Digital keys and 2-factor devices through the API (seed 001): hand-out and return against signed
/// receipts, an immediate block that publishes a revocation list, the staffing unit held to its own
/// stock and hourly staff, provider scoping, and the never-together rule; on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class DigitalKeysApiTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task IssueThenBlock_KeyIsBlockedAndANewRevocationListCarriesItsHolderKeyHash(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var employee = await Employee(app, "Blockesson", app.World.InternalProvider, app.World.InternalUnit);
        var registered = await RegisterKey(api);
        registered.Text("status").ShouldBe("InStock");

        var issued = await (await api.PostAsJsonAsync($"/api/v1/digital-keys/{registered.Id()}/issue", Issue(registered.Version(), employee))).ShouldBeOk();
        issued.Text("status").ShouldBe("Issued");
        issued.GetProperty("employeeId").GetGuid().ShouldBe(employee);
        var receipt = issued.Receipts().ShouldHaveSingleItem();
        receipt.Text("kind").ShouldBe("Issue");
        receipt.Text("reference")!.ShouldStartWith("D-");
        var printable = await (await api.GetAsync($"/api/v1/digital-key-receipts/{receipt.Id()}")).ShouldBeOk();
        printable.Text("employeeName").ShouldBe("Test Blockesson");
        printable.GetProperty("signedBy").GetArrayLength().ShouldBe(2);
        long versionBefore;
        await using (var db = app.SystemContext())
            versionBefore = await db.RevocationLists.Where(r => r.MunicipalityId == app.World.MunicipalityA).Select(r => (long?)r.ListVersion).MaxAsync() ?? 0;

        // Another provider's unit manager does not see the key at all.
        (await (await app.ApiAs(Roles.UnitManager)).PostAsJsonAsync($"/api/v1/digital-keys/{registered.Id()}/block", new { reason = "Tappad i bussen" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var done = await (await api.PostAsJsonAsync($"/api/v1/digital-keys/{registered.Id()}/block", new { reason = "Tappad i bussen" })).ShouldBeOk();

        done.Text("status").ShouldBe("Blocked");
        done.Text("blockReason").ShouldBe("Tappad i bussen");
        await using var check = app.SystemContext();
        var hash = await check.DigitalKeys.Where(k => k.Id == registered.Id()).Select(k => k.HolderKeyHash).SingleAsync();
        var newest = await check.RevocationLists.Where(r => r.MunicipalityId == app.World.MunicipalityA).OrderByDescending(r => r.ListVersion).FirstAsync();
        newest.ListVersion.ShouldBe(versionBefore + 1);
        RevocationList.TryDecode(newest.Encoded, out var list, out _).ShouldBeTrue();
        list!.HolderKeyHashes.ShouldContain(h => h.SequenceEqual(hash));
        var again = await api.PostAsJsonAsync($"/api/v1/digital-keys/{registered.Id()}/issue", Issue(done.Version(), employee));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("lämna ut en ny nyckel");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Return_IntoTheStaffingUnitsStock_KeyIsOnThatShelfWithAReturnReceipt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreAdministration);
        var employee = await Employee(app, "Returnsson", app.World.InternalProvider, app.World.InternalUnit);
        var issued = await IssuedKey(app, employee);

        var returned = await (await api.PostAsJsonAsync($"/api/v1/digital-keys/{issued.Id()}/return", Return(issued.Version(), "StaffingUnit", "LongLeave")))
            .ShouldBeOk();

        returned.Text("status").ShouldBe("InStock");
        returned.Text("stock").ShouldBe("StaffingUnit");
        returned.GetProperty("employeeId").ValueKind.ShouldBe(JsonValueKind.Null);
        returned.Receipts().Select(r => r.Text("kind")).ShouldBe(["Return", "Issue"]);
        var history = await api.HistoryOf($"/api/v1/digital-keys/{issued.Id()}/history");
        history.ShouldContain(h => h.Action == "Digital nyckel återlämnad");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task StaffingUnit_AlarmCentreKeyOrPermanentEmployee_Returns409AndChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        var support = await app.ApiAs(Roles.AlarmCentreSupport);
        var permanent = await Employee(app, "Fastsson", app.World.InternalProvider, app.World.InternalUnit);
        var substitute = await Employee(app, "Vikariesson", app.World.InternalProvider, null, "Hourly");
        var alarmCentreKey = await RegisterKey(support);
        var staffingKey = await RegisterKey(support, "StaffingUnit");
        var fingerprint = await app.FingerprintAsync();

        var otherStock = await staffing.PostAsJsonAsync($"/api/v1/digital-keys/{alarmCentreKey.Id()}/issue", Issue(alarmCentreKey.Version(), substitute));
        var notHourly = await staffing.PostAsJsonAsync($"/api/v1/digital-keys/{staffingKey.Id()}/issue", Issue(staffingKey.Version(), permanent));
        var register = await staffing.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = "BEM-1", kind = "PhoneApp", holderPublicKey = PublicKeyBase64(out _), stock = "StaffingUnit" });

        otherStock.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await otherStock.Content.ReadAsStringAsync()).ShouldContain("Trygghetslarmscentralens lager");
        notHourly.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notHourly.Content.ReadAsStringAsync()).ShouldContain("timanställda");
        register.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.FingerprintAsync()).ShouldBe(fingerprint);

        var issued = await (await staffing.PostAsJsonAsync($"/api/v1/digital-keys/{staffingKey.Id()}/issue", Issue(staffingKey.Version(), substitute))).ShouldBeOk();
        issued.Text("status").ShouldBe("Issued");
        var toAlarmCentre = await staffing.PostAsJsonAsync($"/api/v1/digital-keys/{issued.Id()}/return", Return(issued.Version(), "AlarmCentre", "SubstituteEnded"));
        toAlarmCentre.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await staffing.PostAsJsonAsync($"/api/v1/digital-keys/{issued.Id()}/return", Return(issued.Version(), "StaffingUnit", "SubstituteEnded"))).ShouldBeOk())
            .Text("stock").ShouldBe("StaffingUnit");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UnitManager_OrdersForOwnStaff_AndGets404ForAnotherProvidersEmployee(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var manager = await app.ApiAs(Roles.UnitManager); // at the external provider
        var own = await Employee(app, "Egensson", app.World.ExternalProvider, app.World.ExternalUnit);
        var other = await Employee(app, "Andrasson", app.World.InternalProvider, app.World.InternalUnit);
        var othersKey = await IssuedKey(app, other);
        var fingerprint = await app.FingerprintAsync();

        (await manager.PostAsJsonAsync("/api/v1/digital-keys/orders", new { employeeId = other, kind = "PhoneApp" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/api/v1/employees/{other}/permissions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/api/v1/employees/{other}/access-grants")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/api/v1/digital-keys/{othersKey.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PostAsJsonAsync($"/api/v1/digital-keys/{othersKey.Id()}/block", new { reason = "Fel" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PostAsJsonAsync($"/api/v1/employees/{other}/access-grants", new
        {
            kind = "RestrictUnit", unitId = app.World.InternalUnit, fromDate = KeysTestData.Day(app.Clock.Today()), toDate = KeysTestData.Day(app.Clock.Today()),
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/digital-keys?pageSize=200");
        list.GetProperty("items").EnumerateArray().ShouldNotContain(k => k.Id() == othersKey.Id());
        (await app.FingerprintAsync()).ShouldBe(fingerprint);

        var ordered = await (await manager.PostAsJsonAsync("/api/v1/digital-keys/orders", new { employeeId = own, kind = "PhoneApp" }))
            .ShouldBeCreatedAt("/api/v1/digital-keys");
        ordered.Text("status").ShouldBe("Ordered");
        ordered.Text("keyNumber")!.ShouldStartWith("BEST-");
        ordered.Text("orderedBy").ShouldBe("Test " + Roles.UnitManager);
        var support = await app.ApiAs(Roles.AlarmCentreSupport);
        var proof = await Prove(support, ordered.Id());
        var ready = await (await support.PostAsJsonAsync($"/api/v1/digital-keys/{ordered.Id()}/make-ready", new
        {
            version = ordered.Version(), keyNumber = Unique("NY"), holderPublicKey = proof.PublicKey,
            enrolmentChallengeId = proof.ChallengeId, enrolmentProof = proof.Proof,
        })).ShouldBeOk();
        ready.Text("status").ShouldBe("InStock");
        var toSomeoneElse = await support.PostAsJsonAsync($"/api/v1/digital-keys/{ready.Id()}/issue", Issue(ready.Version(), other));
        toSomeoneElse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await support.PostAsJsonAsync($"/api/v1/digital-keys/{ready.Id()}/issue", Issue(ready.Version(), own))).ShouldBeOk()).Text("status").ShouldBe("Issued");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task NeverKeptTogether_KeyAtTheDevicesPlace_Returns400WithTheSwedishRule(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var employee = await Employee(app, "Skåpsson", app.World.InternalProvider, app.World.InternalUnit);
        var device = await (await api.PostAsJsonAsync("/api/v1/two-factor-devices", new { serialNumber = Unique("2F") })).ShouldBeCreatedAt("/api/v1/two-factor-devices");
        var issuedDevice = await (await api.PostAsJsonAsync($"/api/v1/two-factor-devices/{device.Id()}/issue", Issue(device.Version(), employee, "Skåp 3 hemma")))
            .ShouldBeOk();
        issuedDevice.Text("status").ShouldBe("Issued");
        var key = await RegisterKey(api);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/digital-keys/{key.Id()}/issue", Issue(key.Version(), employee, "skåp 3 HEMMA"));

        await response.ShouldBeFieldError("keptAt",
            $"Nyckeln får inte förvaras tillsammans med 2-faktorsdosan ({issuedDevice.Text("serialNumber")} förvaras på \"Skåp 3 hemma\"). Välj en annan plats.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        var elsewhere = await (await api.PostAsJsonAsync($"/api/v1/digital-keys/{key.Id()}/issue", Issue(key.Version(), employee, "Jackfickan"))).ShouldBeOk();
        var moveDevice = await api.PostAsJsonAsync($"/api/v1/two-factor-devices/{device.Id()}/kept-at", new { version = issuedDevice.Version(), keptAt = "jackfickan" });
        (await moveDevice.Content.ReadAsStringAsync()).ShouldContain("Dosan får inte förvaras tillsammans med en digital nyckel");
        moveDevice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _ = elsewhere;
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task WebAppKey_RegisteredWithoutADeviceKey_TheServerHoldsNoKeyMaterial(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);

        var response = await api.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = Unique("WEB"), kind = "WebApp", stock = "AlarmCentre" });

        var key = await response.ShouldBeCreatedAt("/api/v1/digital-keys");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("privateKey", Case.Insensitive);
        text.ShouldNotContain("holderPublicKey", Case.Insensitive);
        key.GetProperty("holderKeyFingerprint").ValueKind.ShouldBe(JsonValueKind.Null);
        await using var db = app.SystemContext();
        var stored = await db.DigitalKeys.SingleAsync(k => k.Id == key.Id());
        stored.HolderPublicKey.ShouldBeEmpty();
        stored.HasKeyMaterial.ShouldBeFalse();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Register_BadPublicKey_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);

        var notBase64 = await api.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = "X-1", kind = "KeyFob", holderPublicKey = "inte base64!", stock = "AlarmCentre" });
        var notAPoint = await api.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = "X-1", kind = "KeyFob", holderPublicKey = Convert.ToBase64String(new byte[65]), stock = "AlarmCentre" });

        await notBase64.ShouldBeFieldError("holderPublicKey", "Den publika nyckeln ska vara base64-kodad.");
        await notAPoint.ShouldBeFieldError("holderPublicKey", "Den publika nyckeln är ingen giltig P-256-nyckel (65 byte: 0x04, X, Y).");
    }
}
