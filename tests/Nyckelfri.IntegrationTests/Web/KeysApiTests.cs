using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using static Nyckelfri.IntegrationTests.Web.KeysTestData;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Physical keys through the API: the key receipt flow (hand-out, transfer, return), refused receipts,
/// the expected number of sets, physical-key use where a digital lock exists, and provider scoping;
/// with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class KeysApiTests(AppFixture fixture)
{
    private const string NoSignerMessage = "Kvittensen måste vara signerad: ange vem som har skrivit under.";

    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiptFlow_HandOutTransferReturn_EachStepHasASignedReceiptAndAHistoryLine(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "101");

        var handedOut = await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/key-sets", HandOut(app.World.InternalUnit)))
            .ShouldBeCreatedAt("/api/v1/key-sets");
        handedOut.Text("keyNumber").ShouldBe("AB-101");
        handedOut.GetProperty("keyCount").GetInt32().ShouldBe(2);
        handedOut.Text("status").ShouldBe("WithHolder");
        handedOut.GetProperty("holderUnitId").GetGuid().ShouldBe(app.World.InternalUnit);
        var first = handedOut.Receipts().ShouldHaveSingleItem();
        first.Text("kind").ShouldBe("HandOut");
        first.Text("giverName").ShouldBe("Ingrid Nyckeldotter");
        first.Text("receiverName").ShouldBe("Karin Centrum");
        first.GetProperty("signedByGiver").GetBoolean().ShouldBeTrue();
        first.GetProperty("signedByReceiver").GetBoolean().ShouldBeTrue();
        first.Text("toUnitName").ShouldBe("Centrum (Hemtjänsten A)");
        var setUrl = $"/api/v1/key-sets/{handedOut.Id()}";

        var transferred = await (await api.PostAsJsonAsync($"{setUrl}/transfer", new
        {
            version = handedOut.Version(), toUnitId = app.World.ExternalUnit, giverName = "Karin Centrum", receiverName = "Nils Norr",
            signedByGiver = true, signedByReceiver = true,
        })).ShouldBeOk();
        transferred.GetProperty("holderUnitId").GetGuid().ShouldBe(app.World.ExternalUnit);
        var transfer = transferred.Receipts()[0];
        transfer.Text("kind").ShouldBe("Transfer");
        transfer.Text("fromUnitName").ShouldBe("Centrum (Hemtjänsten A)");
        transfer.Text("toUnitName").ShouldBe("Norr (Omsorg AB)");

        var returned = await (await api.PostAsJsonAsync($"{setUrl}/return", new
        {
            version = transferred.Version(), giverName = "Nils Norr", receiverName = "Ingrid Nyckeldotter", signedByReceiver = true,
        })).ShouldBeOk();
        returned.Text("status").ShouldBe("ReturnedToClient");
        returned.GetProperty("holderUnitId").ValueKind.ShouldBe(JsonValueKind.Null);
        returned.Receipts().Select(r => r.Text("kind")).ShouldBe(["Return", "Transfer", "HandOut"]);
        returned.Receipts()[0].Text("fromUnitName").ShouldBe("Norr (Omsorg AB)");

        var actions = (await api.HistoryOf($"{setUrl}/history")).Select(h => h.Action).ToList();
        actions.ShouldContain("Nycklar utlämnade");
        actions.ShouldContain("Nycklar överlämnade");
        actions.ShouldContain("Nycklar återlämnade till brukaren");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Receipt_ShowsWhatThePaperNeeds_AndNeitherPersonnummerNorDoorCode(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "112");
        var set = await HandOutSet(api, clientId, app.World.InternalUnit, "nr-7");

        var response = await api.GetAsync($"/api/v1/key-receipts/{set.Receipts()[0].Id()}");

        var text = await response.Content.ReadAsStringAsync();
        var receipt = await response.ShouldBeOk();
        receipt.Text("municipalityName").ShouldBe("Testkommun A");
        receipt.Text("clientName").ShouldBe("Ingrid Nyckeldotter");
        receipt.Text("street").ShouldBe("Nyckelvägen 112");
        receipt.Text("kindName").ShouldBe("Utlämning");
        receipt.Text("keyNumber").ShouldBe("NR-7");
        receipt.GetProperty("keyCount").GetInt32().ShouldBe(2);
        receipt.Text("date").ShouldBe(Day(app.Clock.Today()));
        receipt.GetProperty("signedBy").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Ingrid Nyckeldotter", "Karin Centrum"]);
        receipt.Text("recordedBy").ShouldBe("Test " + Roles.AlarmOfficer);
        receipt.Text("reference")!.ShouldStartWith("K-");
        text.ShouldNotContain(PersonalIdentityNumber("112")[2..8]);
        text.ShouldNotContain("ersonalIdentityNumber");
        text.ShouldNotContain("doorCode");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task HandOut_ReceiptWithoutASigner_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "123");
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/key-sets",
            HandOut(app.World.InternalUnit, signedByGiver: false, signedByReceiver: false));

        await response.ShouldBeFieldError("signedBy", NoSignerMessage);
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        await using var db = app.SystemContext();
        (await db.KeySets.CountAsync(k => k.ClientId == clientId)).ShouldBe(0);
        (await db.KeyReceipts.CountAsync(r => r.ClientId == clientId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task HandOut_MissingNamesOrKeyCountOutOfRange_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var url = $"/api/v1/clients/{await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "134")}/key-sets";
        var fingerprint = await app.FingerprintAsync();

        var noNames = await api.PostAsJsonAsync(url, HandOut(app.World.InternalUnit, giverName: null, receiverName: " "));
        await noNames.ShouldBeFieldError("giverName", "Lämnas av måste anges.");
        await noNames.ShouldBeFieldError("receiverName", "Tas emot av måste anges.");
        foreach (var count in new[] { 0, 11 })
            await (await api.PostAsJsonAsync(url, HandOut(app.World.InternalUnit, keyCount: count)))
                .ShouldBeFieldError("keyCount", "Antal nycklar ska vara mellan 1 och 10.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Transfer_ReturnedSet_Returns409AndChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "145");
        var set = await HandOutSet(api, clientId, app.World.InternalUnit);
        var url = $"/api/v1/key-sets/{set.Id()}";
        var returned = await (await api.PostAsJsonAsync($"{url}/return", new
        {
            version = set.Version(), giverName = "Karin Centrum", receiverName = "Ingrid Nyckeldotter", signedByGiver = true,
        })).ShouldBeOk();
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"{url}/transfer", new
        {
            version = returned.Version(), toUnitId = app.World.ExternalUnit, giverName = "Karin Centrum", receiverName = "Nils Norr",
            signedByGiver = true,
        });

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("kan inte lämnas över");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExpectedSets_HomeCareAndAlarm_WarnsWithOneSetAndNotWithOnePerUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(officer, "156");
        await AddService(officer, clientId, "HomeCare", app.World.InternalUnit, app.Clock.Today());
        await AddService(officer, clientId, "SafetyAlarm", app.World.ExternalUnit, app.Clock.Today());
        await HandOutSet(api, clientId, app.World.InternalUnit);

        var oneSet = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/key-sets");
        oneSet.GetProperty("expected").GetProperty("expected").GetInt32().ShouldBe(2);
        oneSet.GetProperty("expected").GetProperty("actual").GetInt32().ShouldBe(1);
        var warnings = oneSet.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        warnings.ShouldNotBeEmpty();
        warnings.ShouldContain(w => w.StartsWith("Norr (Omsorg AB) har ingen nyckeluppsättning", StringComparison.Ordinal));

        await HandOutSet(api, clientId, app.World.ExternalUnit, "ab-102");

        var twoSets = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/key-sets");
        twoSets.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        twoSets.GetProperty("expected").GetProperty("matches").GetBoolean().ShouldBeTrue();
        twoSets.GetProperty("sets").GetArrayLength().ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExpectedSets_ClientOpensTheDoorThemself_ExpectsOnlyTheAlarmSet(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var api = await app.ApiAs(Roles.AlarmOfficer);
        var clientId = await RegisterClient(officer, "167", opensDoorThemself: true);
        await AddService(officer, clientId, "HomeCare", app.World.InternalUnit, app.Clock.Today());
        await AddService(officer, clientId, "SafetyAlarm", app.World.ExternalUnit, app.Clock.Today());
        await HandOutSet(api, clientId, app.World.ExternalUnit);

        var keys = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/key-sets");

        var expected = keys.GetProperty("expected");
        expected.GetProperty("expected").GetInt32().ShouldBe(1);
        expected.GetProperty("expectedHolders").EnumerateArray().Select(h => h.GetProperty("unitId").GetGuid()).ShouldBe([app.World.ExternalUnit]);
        keys.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PhysicalKeyUse_RefusedWithoutAMountedLockAndRecordedWithOne(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "178");
        var set = await HandOutSet(await app.ApiAs(Roles.AlarmOfficer), clientId, app.World.InternalUnit);
        var url = $"/api/v1/clients/{clientId}/physical-key-uses";
        var use = new { reason = "LockNotWorking", keySetId = set.Id(), note = "Låset svarade inte." };
        var fingerprint = await app.FingerprintAsync();

        var withoutLock = await api.PostAsJsonAsync(url, use);

        var text = await withoutLock.Content.ReadAsStringAsync();
        withoutLock.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("inget monterat digitalt lås");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);

        await MountLock(app, clientId, "KEYS-LOCK-178");
        var recorded = await (await api.PostAsJsonAsync(url, use)).ShouldBeCreatedAt("/api/v1/physical-key-uses");

        recorded.Text("reason").ShouldBe("LockNotWorking");
        recorded.Text("reasonName").ShouldBe("Digitala låset fungerade inte");
        recorded.Text("keyNumber").ShouldBe("AB-101");
        recorded.Text("recordedBy").ShouldBe("Test " + Roles.AlarmCentreSupport);
        (await api.IdsOf(url)).ShouldBe([recorded.Id()]);
        var keys = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/key-sets");
        keys.GetProperty("hasMountedLock").GetBoolean().ShouldBeTrue();
        keys.GetProperty("uses").EnumerateArray().Select(u => u.Id()).ShouldBe([recorded.Id()]);
        (await api.HistoryOf($"/api/v1/key-sets/{set.Id()}/history")).Select(h => h.Action).ShouldContain("Fysisk nyckel använd");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PhysicalKeyUse_NoReasonFutureTimeOrAnotherClientsSet_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(officer, "189");
        var otherSet = await HandOutSet(await app.ApiAs(Roles.AlarmOfficer), await RegisterClient(officer, "190"), app.World.InternalUnit);
        await MountLock(app, clientId, "KEYS-LOCK-189");
        var url = $"/api/v1/clients/{clientId}/physical-key-uses";
        var fingerprint = await app.FingerprintAsync();

        await (await api.PostAsJsonAsync(url, new { note = "x" })).ShouldBeFieldError("reason", "Anledning måste anges.");
        await (await api.PostAsJsonAsync(url, new { reason = "Emergency", usedAt = app.Clock.GetUtcNow().AddHours(1) }))
            .ShouldBeFieldError("usedAt", "Tidpunkten kan inte ligga i framtiden.");
        await (await api.PostAsJsonAsync(url, new { reason = "Emergency", keySetId = otherSet.Id() }))
            .ShouldBeFieldError("keySetId", "Nyckeluppsättningen hör inte till brukaren.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AnotherProvidersUser_GetsNotFoundForTheClientsKeys(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var set = await HandOutSet(await app.ApiAs(Roles.AlarmOfficer), app.World.InternalClient, app.World.InternalUnit, "int-1");
        var receiptId = set.Receipts()[0].Id();
        var coordinator = await app.ApiAs(Roles.Coordinator); // at the external provider

        (await coordinator.GetAsync($"/api/v1/clients/{app.World.ExternalClient}/key-sets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/api/v1/clients/{app.World.InternalClient}/key-sets")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/key-sets/{set.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/key-sets/{set.Id()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/key-receipts/{receiptId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/clients/{app.World.InternalClient}/physical-key-uses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var transfer = await coordinator.PostAsJsonAsync($"/api/v1/key-sets/{set.Id()}/transfer", new
        {
            version = set.Version(), toUnitId = app.World.ExternalUnit, giverName = "A", receiverName = "B", signedByGiver = true,
        });
        transfer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ProviderUser_HandsOutToItsOwnUnits_TransfersAnywhere_AndActsOnlyOnSetsItHolds(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var coordinator = await app.ApiAs(Roles.Coordinator); // at the external provider
        var url = $"/api/v1/clients/{app.World.ExternalClient}/key-sets";

        await (await coordinator.PostAsJsonAsync(url, HandOut(app.World.InternalUnit, "ext-1")))
            .ShouldBeFieldError("holderUnitId", "Enheten finns inte.");
        var set = await HandOutSet(coordinator, app.World.ExternalClient, app.World.ExternalUnit, "ext-2");
        var transferred = await (await coordinator.PostAsJsonAsync($"/api/v1/key-sets/{set.Id()}/transfer", new
        {
            version = set.Version(), toUnitId = app.World.InternalUnit, giverName = "Nils Norr", receiverName = "Karin Centrum",
            signedByGiver = true, signedByReceiver = true,
        })).ShouldBeOk();
        transferred.GetProperty("holderUnitId").GetGuid().ShouldBe(app.World.InternalUnit);

        var lost = await coordinator.PostAsJsonAsync($"/api/v1/key-sets/{set.Id()}/lost", new { version = transferred.Version(), note = "Borta" });

        var text = await lost.Content.ReadAsStringAsync();
        lost.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("en annan utförares enhet");
    }
}
