using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The records around stock through the API: device models and stock locations (unique names,
/// versions) and the clients' original lock parts (stored, moved, returned once). Both databases.
/// </summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class StockRecordsApiTests(AppFixture fixture)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [DatabaseTheory, DatabaseProviders]
    public async Task OriginalLockPart_StoredThenReturned_ShowsOnTheClientAndASecondReturnIs409(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var installer = await app.ApiAs(Roles.Installer);
        var client = app.World.ExternalClient;
        var store = await StockTestData.Location(admin, "Delförrådet");
        var shelf = await StockTestData.Location(admin, "Delhyllan");
        var today = app.Clock.Today();

        var stored = await (await installer.PostAsJsonAsync("/api/v1/original-lock-parts", new
        {
            clientId = client, stockLocationId = store, description = "Ordinarie låsvred", tag = "Påse 17",
        })).ShouldBeCreatedAt("/api/v1/original-lock-parts");
        stored.Text("clientName").ShouldBe("Bertil Berg");
        stored.Text("storedOn").ShouldBe(Day(today));
        var moved = await (await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{stored.Id()}/move", new { version = stored.Version(), stockLocationId = shelf }))
            .ShouldBeOk();
        moved.Text("stockLocationName").ShouldBe("Delhyllan");

        // The provider serving the client sees its parts on the client page.
        var seen = await (await app.ApiAs(Roles.Coordinator)).GetFromJsonAsync<JsonElement>($"/api/v1/clients/{client}/original-lock-parts");
        seen.EnumerateArray().Select(p => p.Id()).ShouldContain(stored.Id());
        (await admin.IdsOf("/api/v1/original-lock-parts?inStore=true&pageSize=200")).ShouldContain(stored.Id());

        var returned = await (await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{stored.Id()}/return", new
        {
            version = moved.Version(), returnedOn = Day(today), note = "Monterat tillbaka",
        })).ShouldBeOk();
        var again = await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{stored.Id()}/return", new { version = returned.Version(), returnedOn = Day(today) });
        var moveAfter = await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{stored.Id()}/move", new { version = returned.Version(), stockLocationId = store });

        returned.Text("returnedOn").ShouldBe(Day(today));
        returned.GetProperty("isInStore").GetBoolean().ShouldBeFalse();
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Låsdelarna är redan återlämnade.");
        moveAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.IdsOf("/api/v1/original-lock-parts?inStore=true&pageSize=200")).ShouldNotContain(stored.Id());
        (await admin.IdsOf("/api/v1/original-lock-parts?inStore=false&pageSize=200")).ShouldContain(stored.Id());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OriginalLockPart_ReturnWithoutDateOrInTheFuture_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var installer = await app.ApiAs(Roles.Installer);
        var part = app.World.StoredLockPart;
        var fingerprint = await app.FingerprintAsync();

        var noDate = await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{part}/return", new { version = 0 });
        var future = await installer.PostAsJsonAsync($"/api/v1/original-lock-parts/{part}/return", new { version = 0, returnedOn = Day(app.Clock.Today().AddDays(1)) });
        var noDescription = await installer.PostAsJsonAsync("/api/v1/original-lock-parts", new { clientId = app.World.InternalClient, stockLocationId = app.World.AlarmCentreStore });

        await noDate.ShouldBeFieldError("returnedOn", "Datum för återlämning måste anges.");
        await future.ShouldBeFieldError("returnedOn", "Datum för återlämning kan inte ligga i framtiden.");
        await noDescription.ShouldBeFieldError("description", "Beskrivning måste anges.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DeviceModel_EditWithCurrentVersion_ChangesNameButNotKind_AndATakenNameIs400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var created = await (await admin.PostAsJsonAsync("/api/v1/device-models", new { kind = "KeySafe", name = "Gömma 1", supplier = "Boxbolaget" }))
            .ShouldBeCreatedAt("/api/v1/device-models");

        var edited = await (await admin.PutAsJsonAsync($"/api/v1/device-models/{created.Id()}", new
        {
            version = created.Version(), name = "Gömma 2", supplier = "Boxbolaget", note = "Väggmonterad", kind = "LockUnit",
        })).ShouldBeOk();
        var stale = await admin.PutAsJsonAsync($"/api/v1/device-models/{created.Id()}", new { version = created.Version(), name = "Gömma 3", supplier = "Boxbolaget" });
        var taken = await admin.PostAsJsonAsync("/api/v1/device-models", new { kind = "KeySafe", name = "GÖMMA 2", supplier = "Boxbolaget" });

        (edited.Text("name"), edited.Text("kind"), edited.Text("note")).ShouldBe(("Gömma 2", "KeySafe", "Väggmonterad"));
        await stale.ShouldBeStaleVersionConflict();
        await taken.ShouldBeFieldError("name", "Det finns redan en modell med det namnet.");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/device-models")).EnumerateArray().Count(m => m.Text("name") == "Gömma 2").ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task StockLocation_TakenName_Returns400AndEditKeepsHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var taken = await admin.PostAsJsonAsync("/api/v1/stock-locations", new { name = "larmcentralens FÖRRÅD" });

        await taken.ShouldBeFieldError("name", "Det finns redan en lagerplats med det namnet.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        var location = await (await admin.PostAsJsonAsync("/api/v1/stock-locations", new { name = "Platsen före" })).ShouldBeCreatedAt("/api/v1/stock-locations");
        var edited = await (await admin.PutAsJsonAsync($"/api/v1/stock-locations/{location.Id()}", new
        {
            version = location.Version(), name = "Platsen efter", description = "Bakom garaget",
        })).ShouldBeOk();
        edited.Text("description").ShouldBe("Bakom garaget");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/stock-locations/{location.Id()}")).Text("name").ShouldBe("Platsen efter");
    }
}
