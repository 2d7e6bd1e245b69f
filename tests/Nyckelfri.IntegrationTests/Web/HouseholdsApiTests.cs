using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Households through the API: created with their first client, joined by a cohabitant, placed at an
/// entrance; with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class HouseholdsApiTests(AppFixture fixture)
{
    private static string Number(string birth, string serial) => ApiChecks.PersonalIdentityNumber(birth, serial);

    private static async Task<JsonElement> RegisterClient(HttpClient api, string number, string street, string apartment = "1001") =>
        await (await api.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Helga", lastName = "Hemsson", personalIdentityNumber = number, street, postalCode = "65432", city = "Teststad",
            apartment, lockDecision = "NotAsked",
        })).ShouldBeCreatedAt("/api/v1/clients");

    private static async Task<JsonElement> AddEntrance(NyckelfriApp app, Guid addressId, string name)
    {
        var api = await app.ApiAs(Roles.FeeOfficer);
        return await (await api.PostAsJsonAsync($"/api/v1/addresses/{addressId}/entrances", new { name })).ShouldBeCreatedAt("/api/v1/entrances");
    }

    private static Guid HouseholdOf(JsonElement client) => client.GetProperty("householdId").GetGuid();

    [DatabaseTheory, DatabaseProviders]
    public async Task RegisterClient_NewAddress_CreatesAHouseholdShowingTheClient(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);

        var client = await RegisterClient(api, Number("19260210", "311"), "Hushållsgatan 1", apartment: "1101");

        var household = await api.GetFromJsonAsync<JsonElement>($"/api/v1/households/{HouseholdOf(client)}");
        household.Text("street").ShouldBe("Hushållsgatan 1");
        household.Text("postalCode").ShouldBe("654 32");
        household.Text("apartment").ShouldBe("1101");
        household.GetProperty("addressId").GetGuid().ShouldBe(client.GetProperty("addressId").GetGuid());
        household.GetProperty("cohabitants").EnumerateArray().Select(c => c.Id()).ShouldBe([client.Id()]);
        household.GetProperty("isFull").GetBoolean().ShouldBeFalse();
        (await api.IdsOf("/api/v1/households?search=hush%C3%A5llsgatan&pageSize=200")).ShouldBe([HouseholdOf(client)]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RegisterCohabitant_ExistingHousehold_HouseholdShowsBothClients(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var first = await RegisterClient(api, Number("19260311", "322"), "Sambogatan 2");

        var response = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Harald", lastName = "Hemsson", personalIdentityNumber = Number("19260412", "333"), householdId = HouseholdOf(first),
            lockDecision = "NotAsked",
        });

        var second = await response.ShouldBeCreatedAt("/api/v1/clients");
        HouseholdOf(second).ShouldBe(HouseholdOf(first));
        var household = await api.GetFromJsonAsync<JsonElement>($"/api/v1/households/{HouseholdOf(first)}");
        household.GetProperty("cohabitants").EnumerateArray().Select(c => c.Id()).OrderBy(id => id)
            .ShouldBe(new[] { first.Id(), second.Id() }.OrderBy(id => id));
        var firstNow = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{first.Id()}");
        firstNow.GetProperty("cohabitants").EnumerateArray().Select(c => c.Id()).ShouldBe([second.Id()]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_ApartmentAndEntrance_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var client = await RegisterClient(api, Number("19260513", "344"), "Flyttgatan 3", apartment: "1001");
        var entrance = await AddEntrance(app, client.GetProperty("addressId").GetGuid(), "Port A");
        var household = await api.GetFromJsonAsync<JsonElement>($"/api/v1/households/{HouseholdOf(client)}");

        var response = await api.PutAsJsonAsync($"/api/v1/households/{household.Id()}",
            new { version = household.Version(), apartment = "1202", entranceId = entrance.Id() });

        var updated = await response.ShouldBeOk();
        updated.Text("apartment").ShouldBe("1202");
        updated.Text("entranceName").ShouldBe("Port A");
        updated.Text("entranceConsent").ShouldBe("NotAsked");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{client.Id()}")).Text("entranceName").ShouldBe("Port A");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/households/{household.Id()}/history", "Apartment", "1202");
        var history = await api.HistoryOf($"/api/v1/households/{household.Id()}/history");
        history[1].Changes.ShouldContain(new Change("EntranceId", null, entrance.Id().ToString()));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_EntranceOfAnotherAddress_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var client = await RegisterClient(api, Number("19260614", "355"), "Egna gatan 4");
        var elsewhere = await AddEntrance(app, app.World.AddressA, "Port Annanstans");
        var household = await api.GetFromJsonAsync<JsonElement>($"/api/v1/households/{HouseholdOf(client)}");
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PutAsJsonAsync($"/api/v1/households/{household.Id()}",
            new { version = household.Version(), apartment = "1001", entranceId = elsewhere.Id() });

        await response.ShouldBeFieldError("entranceId", "Porten hör inte till hushållets adress.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_WithoutVersion_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var client = await RegisterClient(api, Number("19260715", "366"), "Versionslösa gatan 5");
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PutAsJsonAsync($"/api/v1/households/{HouseholdOf(client)}", new { apartment = "1303" });

        await response.ShouldBeFieldError("version",
            "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan och gör ändringen igen.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var client = await RegisterClient(api, Number("19260816", "377"), "Krockvägen 6");
        var household = await api.GetFromJsonAsync<JsonElement>($"/api/v1/households/{HouseholdOf(client)}");
        var url = $"/api/v1/households/{household.Id()}";

        var first = await api.PutAsJsonAsync(url, new { version = household.Version(), apartment = "1401" });
        var second = await api.PutAsJsonAsync(url, new { version = household.Version(), apartment = "1402" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("apartment").ShouldBe("1401");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_GetsNotFoundForAnotherProvidersHousehold(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var internalHousehold = HouseholdOf(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{app.World.InternalClient}"));
        var externalHousehold = HouseholdOf(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{app.World.ExternalClient}"));
        var api = await app.ApiAs(Roles.Coordinator); // at the external provider

        (await api.GetAsync($"/api/v1/households/{externalHousehold}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/households/{internalHousehold}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/households/{internalHousehold}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await api.IdsOf("/api/v1/households?pageSize=200");
        listed.ShouldContain(externalHousehold);
        listed.ShouldNotContain(internalHousehold);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OtherMunicipality_GetsNotFoundForThisOnesHousehold(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var household = HouseholdOf(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{app.World.InternalClient}"));
        var api = await app.ApiAsUser(TestWorld.AdminInB);
        var fingerprint = await app.FingerprintAsync();

        (await api.GetAsync($"/api/v1/households/{household}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/households/{household}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutAsJsonAsync($"/api/v1/households/{household}", new { version = 1, apartment = "9999" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.IdsOf("/api/v1/households?pageSize=200")).ShouldNotContain(household);
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }
}
