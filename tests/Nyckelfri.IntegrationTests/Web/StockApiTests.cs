using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Stock;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Stock through the API: purchase orders, receiving deliveries (whole or not at all), reorder-level
/// warnings. Real logins, on SQLite and PostgreSQL. Each test makes its own models and locations, with
/// names and serial numbers no other test uses, since the tests of a class share one database.
/// </summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class StockApiTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiveDelivery_AgainstAnOrder_CreatesDevicesInStockAndCountsThemUntilTheOrderIsDelivered(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Lev");
        var order = await StockTestData.PlaceOrder(admin, location, (model, 5));

        var first = await installer.PostAsJsonAsync("/api/v1/deliveries", new
        {
            purchaseOrderId = order, deviceModelId = model, firmware = "2.1.0",
            serialNumbers = "lev-001\r\nLEV-002  k-lev-2\n\n  LEV-003;K-LEV-3\n",
        });

        var received = await first.ShouldBeCreatedBody();
        received.GetProperty("devices").EnumerateArray().Select(d => d.Text("serialNumber")).ShouldBe(["LEV-001", "LEV-002", "LEV-003"]);
        received.Text("purchaseOrderStatus").ShouldBe("Open");
        await using (var db = app.SystemContext())
        {
            var devices = await db.Devices.Where(d => d.DeviceModelId == model).OrderBy(d => d.SerialNumber).ToListAsync();
            devices.Select(d => (d.SerialNumber, d.KeyNumber)).ShouldBe([("LEV-001", null), ("LEV-002", "K-LEV-2"), ("LEV-003", "K-LEV-3")]);
            devices.ShouldAllBe(d => d.Status == DeviceStatus.InStock && d.StockLocationId == location && d.Kind == DeviceKind.LockUnit && d.Firmware == "2.1.0");
        }
        var partly = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{order}");
        partly.Text("status").ShouldBe("Open");
        partly.GetProperty("lines")[0].GetProperty("delivered").GetInt32().ShouldBe(3);
        partly.GetProperty("lines")[0].GetProperty("remaining").GetInt32().ShouldBe(2);

        // Without a location: the order's deliver-to location.
        var rest = await installer.PostAsJsonAsync("/api/v1/deliveries", new { purchaseOrderId = order, deviceModelId = model, serialNumbers = "LEV-004\nLEV-005" });

        (await rest.ShouldBeCreatedBody()).Text("purchaseOrderStatus").ShouldBe("Delivered");
        var delivered = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{order}");
        delivered.Text("status").ShouldBe("Delivered");
        delivered.GetProperty("lines")[0].GetProperty("delivered").GetInt32().ShouldBe(5);
        var history = await admin.HistoryOf($"/api/v1/purchase-orders/{order}/history");
        history.Count(h => h.Action == ReceiveDelivery.Action).ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiveDelivery_SameSerialTwiceInTheDelivery_IsRefusedAndNothingOfItIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Dub");
        var order = await StockTestData.PlaceOrder(admin, location, (model, 10));
        var fingerprint = await app.FingerprintAsync();

        var response = await (await app.ApiAs(Roles.Installer)).PostAsJsonAsync("/api/v1/deliveries", new
        {
            purchaseOrderId = order, deviceModelId = model, serialNumbers = "DUB-1 K-DUB-1\nDUB-2 K-DUB-1\ndub-1",
        });

        await response.ShouldBeFieldError("serialNumbers", "Serienumret DUB-1 står på flera rader i leveransen (rad 1 och 3).");
        await response.ShouldBeFieldError("serialNumbers", "Nyckelnumret K-DUB-1 står på flera rader i leveransen (rad 1 och 2, serienummer DUB-1, DUB-2).");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        await using var db = app.SystemContext();
        (await db.Devices.CountAsync(d => d.DeviceModelId == model)).ShouldBe(0);
        (await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == order)).Delivered.ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiveDelivery_SerialOrKeyNumberAlreadyRegistered_IsRefusedAndNothingOfItIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Reg");
        var order = await StockTestData.PlaceOrder(admin, location, (model, 10));
        await (await installer.PostAsJsonAsync("/api/v1/deliveries", new { purchaseOrderId = order, deviceModelId = model, serialNumbers = "REG-1 K-REG-1" }))
            .ShouldBeCreatedBody();
        var fingerprint = await app.FingerprintAsync();

        // The typed list of the API is checked the same way as the text.
        var response = await installer.PostAsJsonAsync("/api/v1/deliveries", new
        {
            purchaseOrderId = order, deviceModelId = model,
            devices = new[] { new { serialNumber = "REG-2", keyNumber = "K-REG-2" }, new { serialNumber = "reg-1", keyNumber = "K-REG-9" }, new { serialNumber = "REG-3", keyNumber = "k-reg-1" } },
        });

        await response.ShouldBeFieldError("serialNumbers", "Rad 2: serienumret REG-1 finns redan registrerat.");
        await response.ShouldBeFieldError("serialNumbers", "Rad 3: nyckelnumret K-REG-1 (serienummer REG-3) används redan av enheten REG-1.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        await using var db = app.SystemContext();
        (await db.Devices.CountAsync(d => d.DeviceModelId == model)).ShouldBe(1);
        (await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == order)).Delivered.ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiveDelivery_MalformedEmptyOrTooLongLists_Return400NamingTheLinesAndSaveNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Fel");
        var fingerprint = await app.FingerprintAsync();

        var malformed = await installer.PostAsJsonAsync("/api/v1/deliveries", new
        {
            deviceModelId = model, stockLocationId = location, serialNumbers = "FEL-1\nFEL 2 X\nÅÄÖ-1\nFEL-4 <b>",
        });
        var empty = await installer.PostAsJsonAsync("/api/v1/deliveries", new { deviceModelId = model, stockLocationId = location, serialNumbers = " \n \n" });
        var tooMany = await installer.PostAsJsonAsync("/api/v1/deliveries", new
        {
            deviceModelId = model, stockLocationId = location, serialNumbers = string.Join('\n', Enumerable.Range(1, 501).Select(i => $"FEL-M{i}")),
        });

        await malformed.ShouldBeFieldError("serialNumbers", "Rad 2: \"FEL 2 X\" har för många värden. Skriv serienumret och eventuellt nyckelnumret, åtskilda med mellanslag, semikolon eller komma.");
        await malformed.ShouldBeFieldError("serialNumbers", "Rad 3: serienumret \"ÅÄÖ-1\" är ogiltigt. Det får vara högst 40 tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
        await malformed.ShouldBeFieldError("serialNumbers", "Rad 4: nyckelnumret \"<b>\" (serienummer FEL-4) är ogiltigt. Det får vara högst 20 tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
        await empty.ShouldBeFieldError("serialNumbers", "Ange minst ett serienummer, ett per rad.");
        await tooMany.ShouldBeFieldError("serialNumbers", "En leverans får ha högst 500 enheter, men här finns 501 rader. Dela upp leveransen.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiveDelivery_MoreThanRemainsOrAModelOrOrderThatDoesNotFit_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Över");
        var otherModel = await StockTestData.Model(admin, "Över annan modell");
        var order = await StockTestData.PlaceOrder(admin, location, (model, 2));
        var cancelled = await StockTestData.PlaceOrder(admin, location, (model, 2));
        var reference = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{order}")).Text("reference");
        var cancelledReference = await StockTestData.Cancel(admin, cancelled);
        var fingerprint = await app.FingerprintAsync();

        var over = await installer.PostAsJsonAsync("/api/v1/deliveries", new { purchaseOrderId = order, deviceModelId = model, serialNumbers = "OVR-1\nOVR-2\nOVR-3" });
        var notOnOrder = await installer.PostAsJsonAsync("/api/v1/deliveries", new { purchaseOrderId = order, deviceModelId = otherModel, serialNumbers = "OVR-4" });
        var closed = await installer.PostAsJsonAsync("/api/v1/deliveries", new { purchaseOrderId = cancelled, deviceModelId = model, serialNumbers = "OVR-5" });

        await over.ShouldBeFieldError("serialNumbers", $"Leveransen har 3 enheter men bara 2 återstår av den modellen på beställning {reference}.");
        await notOnOrder.ShouldBeFieldError("deviceModelId", $"Modellen finns inte på beställning {reference}.");
        await closed.ShouldBeFieldError("purchaseOrderId", $"Beställning {cancelledReference} är makulerad och kan inte ta emot fler enheter.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PlacePurchaseOrder_ZeroOrNegativeQuantities_Returns400OnTheirRowsAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Antal");
        var other = await StockTestData.Model(admin, "Antal andra");
        var fingerprint = await app.FingerprintAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/purchase-orders", new
        {
            deliverToId = location,
            lines = new object[] { new { deviceModelId = model, quantity = 0 }, new { }, new { deviceModelId = other, quantity = -3 } },
        });
        var noLines = await admin.PostAsJsonAsync("/api/v1/purchase-orders", new { supplier = "Låsbolaget", deliverToId = location, lines = Array.Empty<object>() });

        await response.ShouldBeFieldError("lines[0].Quantity", "Antalet ska vara mellan 1 och 1000.");
        await response.ShouldBeFieldError("lines[2].Quantity", "Antalet ska vara mellan 1 och 1000.");
        await noLines.ShouldBeFieldError("lines", "Ange minst en rad med modell och antal.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PlacePurchaseOrder_Valid_GetsTheNextNumberAndTheModelsSupplier(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Nummer");

        var first = await StockTestData.PlaceOrder(admin, location, (model, 4));
        var second = await StockTestData.PlaceOrder(admin, location, (model, 1));

        var a = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{first}");
        var b = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{second}");
        b.GetProperty("number").GetInt32().ShouldBe(a.GetProperty("number").GetInt32() + 1);
        a.Text("supplier").ShouldBe("Låsbolaget AB");
        a.Text("orderedOn").ShouldBe(app.Clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await admin.IdsOf("/api/v1/purchase-orders?status=Open&pageSize=200")).ShouldContain(first);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SetReorderLevel_Negative_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Negativ");
        var fingerprint = await app.FingerprintAsync();

        var response = await admin.PutAsJsonAsync("/api/v1/reorder-levels", new { stockLocationId = location, deviceModelId = model, level = -1 });

        await response.ShouldBeFieldError("level", "Beställningsnivån ska vara mellan 0 och 10000.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Overview_InStockFallsBelowTheReorderLevel_WarnsUntilRestocked(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var (model, location) = await StockTestData.ModelAndLocation(admin, "Nivå");
        (await admin.PutAsJsonAsync("/api/v1/reorder-levels", new { stockLocationId = location, deviceModelId = model, level = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await installer.PostAsJsonAsync("/api/v1/deliveries", new { deviceModelId = model, stockLocationId = location, serialNumbers = "NIV-1\nNIV-2\nNIV-3" }))
            .ShouldBeCreatedBody();
        const string warning = "Under beställningsnivå: Nivå modell i Nivå lager: 2 i lager, nivå 3";
        (await StockTestData.Warnings(installer)).ShouldNotContain(warning);

        await using (var db = app.SystemContext())
        {
            (await db.Devices.SingleAsync(d => d.SerialNumber == "NIV-1")).ReportFault("Startar inte");
            await db.SaveChangesAsync();
        }
        var below = await installer.GetFromJsonAsync<JsonElement>("/api/v1/stock");

        (await StockTestData.Warnings(installer)).ShouldContain(warning);
        var row = below.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("deviceModelId").GetGuid() == model);
        (row.GetProperty("inStock").GetInt32(), row.GetProperty("faulty").GetInt32()).ShouldBe((2, 1));
        row.GetProperty("locations")[0].GetProperty("belowReorderLevel").GetBoolean().ShouldBeTrue();

        await (await installer.PostAsJsonAsync("/api/v1/deliveries", new { deviceModelId = model, stockLocationId = location, serialNumbers = "NIV-4" }))
            .ShouldBeCreatedBody();
        (await StockTestData.Warnings(installer)).ShouldNotContain(w => w.Contains("Nivå modell"));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task StockEndpoints_ProviderUser_Gets403(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var coordinator = await app.ApiAs(Roles.Coordinator);

        (await coordinator.GetAsync("/api/v1/stock")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsJsonAsync("/api/v1/deliveries", new { serialNumbers = "X-1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>Arranging stock through the API, as a system administrator would.</summary>
internal static class StockTestData
{
    public static async Task<Guid> Model(HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("/api/v1/device-models", new { kind = "LockUnit", name, supplier = "Låsbolaget AB" }))
            .ShouldBeCreatedAt("/api/v1/device-models")).Id();

    public static async Task<Guid> Location(HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("/api/v1/stock-locations", new { name, description = "Källaren" }))
            .ShouldBeCreatedAt("/api/v1/stock-locations")).Id();

    /// <summary>A lock-unit model "{prefix} modell" and a location "{prefix} lager".</summary>
    public static async Task<(Guid Model, Guid Location)> ModelAndLocation(HttpClient admin, string prefix) =>
        (await Model(admin, $"{prefix} modell"), await Location(admin, $"{prefix} lager"));

    public static async Task<Guid> PlaceOrder(HttpClient admin, Guid location, params (Guid Model, int Quantity)[] lines) =>
        (await (await admin.PostAsJsonAsync("/api/v1/purchase-orders", new
            {
                deliverToId = location, lines = lines.Select(l => new { deviceModelId = l.Model, quantity = l.Quantity }),
            }))
            .ShouldBeCreatedAt("/api/v1/purchase-orders")).Id();

    /// <summary>Cancels the order and returns its reference.</summary>
    public static async Task<string> Cancel(HttpClient admin, Guid order)
    {
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{order}");
        var cancelled = await (await admin.PostAsJsonAsync($"/api/v1/purchase-orders/{order}/cancel", new { version = current.Version(), reason = "Fel modell beställd" }))
            .ShouldBeOk();
        cancelled.Text("status").ShouldBe("Cancelled");
        return cancelled.Text("reference")!;
    }

    public static async Task<List<string>> Warnings(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/stock")).GetProperty("warnings").EnumerateArray().Select(w => w.Text("message")!).ToList();

    /// <summary>Checks a 201 without a Location of its own (a delivery) and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeCreatedBody(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
