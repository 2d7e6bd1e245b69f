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
/// Property owners, addresses and entrances with the owner's consent to an entrance lock, through the
/// API with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class PropertiesApiTests(AppFixture fixture)
{
    private const string Writer = Roles.FeeOfficer;

    private static object NewOwner(string name, string organizationNumber, string contactName = "Karin Kontakt") => new
    {
        name, kind = "HousingAssociation", organizationNumber, contactName, contactPhone = "08-700 00 00", contactEmail = "styrelsen@brf.se",
    };

    private static object OwnerEdit(int version, string name, string organizationNumber, string contactName) => new
    {
        version, name, kind = "HousingAssociation", organizationNumber, contactName, contactPhone = "08-700 00 00", contactEmail = "styrelsen@brf.se",
    };

    private static async Task<JsonElement> CreateOwner(HttpClient api, string name, string organizationNumber) =>
        await (await api.PostAsJsonAsync("/api/v1/property-owners", NewOwner(name, organizationNumber))).ShouldBeCreatedAt("/api/v1/property-owners");

    private static async Task<JsonElement> CreateAddress(HttpClient api, string street, Guid? propertyOwnerId = null) =>
        await (await api.PostAsJsonAsync("/api/v1/addresses", new { street, postalCode = "54321", city = "Teststad", propertyOwnerId }))
            .ShouldBeCreatedAt("/api/v1/addresses");

    private static async Task<JsonElement> AddEntrance(HttpClient api, Guid addressId, string name) =>
        await (await api.PostAsJsonAsync($"/api/v1/addresses/{addressId}/entrances", new { name })).ShouldBeCreatedAt("/api/v1/entrances");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [DatabaseTheory, DatabaseProviders]
    public async Task CreateOwner_ValidOwner_Returns201AndIsShown(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var number = ApiChecks.OrganizationNumber("769600101");

        var response = await api.PostAsJsonAsync("/api/v1/property-owners", NewOwner("BRF Linden", number.Replace("-", "")));

        var created = await response.ShouldBeCreatedAt("/api/v1/property-owners");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/property-owners/{created.Id()}");
        shown.Text("name").ShouldBe("BRF Linden");
        shown.Text("kind").ShouldBe("HousingAssociation");
        shown.Text("organizationNumber").ShouldBe(number);
        shown.Text("contactName").ShouldBe("Karin Kontakt");
        (await api.IdsOf("/api/v1/property-owners?search=linden&pageSize=200")).ShouldContain(created.Id());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateOwner_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var number = ApiChecks.OrganizationNumber("769600202");
        var created = await CreateOwner(api, "BRF Eken", number);

        var response = await api.PutAsJsonAsync($"/api/v1/property-owners/{created.Id()}", OwnerEdit(created.Version(), "BRF Eken", number, "Nils Ny"));

        (await response.ShouldBeOk()).Text("contactName").ShouldBe("Nils Ny");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/property-owners/{created.Id()}")).Text("contactName").ShouldBe("Nils Ny");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/property-owners/{created.Id()}/history", "ContactName", "Nils Ny");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CreateOwner_OrganizationNumberWithWrongCheckDigit_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/property-owners",
            NewOwner("BRF Felsiffran", ApiChecks.WithWrongCheckDigit(ApiChecks.OrganizationNumber("769600303"))));

        await response.ShouldBeFieldError("organizationNumber",
            "Organisationsnumret ska vara tio siffror med rätt kontrollsiffra, till exempel 556036-0793. Personnummer registreras inte här.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateOwner_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var number = ApiChecks.OrganizationNumber("769600404");
        var created = await CreateOwner(api, "BRF Samtidigt", number);
        var url = $"/api/v1/property-owners/{created.Id()}";

        var first = await api.PutAsJsonAsync(url, OwnerEdit(created.Version(), "BRF Samtidigt", number, "Först Kontakt"));
        var second = await api.PutAsJsonAsync(url, OwnerEdit(created.Version(), "BRF Samtidigt", number, "Sist Kontakt"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("contactName").ShouldBe("Först Kontakt");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CreateAddress_WithOwner_Returns201AndOwnerListsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var owner = await CreateOwner(api, "BRF Björken", ApiChecks.OrganizationNumber("769600505"));

        var response = await api.PostAsJsonAsync("/api/v1/addresses", new { street = "Björkvägen 7", postalCode = "543 21", city = "Teststad", propertyOwnerId = owner.Id() });

        var created = await response.ShouldBeCreatedAt("/api/v1/addresses");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/{created.Id()}");
        shown.Text("street").ShouldBe("Björkvägen 7");
        shown.Text("postalCode").ShouldBe("543 21");
        shown.Text("propertyOwnerName").ShouldBe("BRF Björken");
        var ownerShown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/property-owners/{owner.Id()}");
        ownerShown.GetProperty("addresses").EnumerateArray().Select(a => a.Id()).ShouldBe([created.Id()]);
        (await api.IdsOf($"/api/v1/addresses?propertyOwnerId={owner.Id()}")).ShouldBe([created.Id()]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateAddress_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var created = await CreateAddress(api, "Ändringsgatan 1");

        var response = await api.PutAsJsonAsync($"/api/v1/addresses/{created.Id()}",
            new { version = created.Version(), street = "Ändringsgatan 1", postalCode = "54321", city = "Nystad" });

        (await response.ShouldBeOk()).Text("city").ShouldBe("Nystad");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/{created.Id()}")).Text("city").ShouldBe("Nystad");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/addresses/{created.Id()}/history", "City", "Nystad");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CreateAddress_FourDigitPostalCode_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/addresses", new { street = "Kortgatan 4", postalCode = "1234", city = "Teststad" });

        await response.ShouldBeFieldError("postalCode", "Postnumret ska vara fem siffror, till exempel 123 45.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateAddress_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var created = await CreateAddress(api, "Krockgatan 2");
        var url = $"/api/v1/addresses/{created.Id()}";

        var first = await api.PutAsJsonAsync(url, new { version = created.Version(), street = "Krockgatan 2", postalCode = "54321", city = "Förstad" });
        var second = await api.PutAsJsonAsync(url, new { version = created.Version(), street = "Krockgatan 2", postalCode = "54321", city = "Sistad" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("city").ShouldBe("Förstad");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AddEntrance_ValidName_Returns201NotAskedAndAddressListsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var address = await CreateAddress(api, "Portgatan 3");

        var response = await api.PostAsJsonAsync($"/api/v1/addresses/{address.Id()}/entrances", new { name = "Port A" });

        var created = await response.ShouldBeCreatedAt("/api/v1/entrances");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/entrances/{created.Id()}");
        shown.Text("name").ShouldBe("Port A");
        shown.GetProperty("addressId").GetGuid().ShouldBe(address.Id());
        shown.Text("consentStatus").ShouldBe("NotAsked");
        var entrances = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/{address.Id()}")).GetProperty("entrances");
        entrances.EnumerateArray().Select(e => e.Id()).ShouldBe([created.Id()]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateEntrance_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var entrance = await AddEntrance(api, (await CreateAddress(api, "Namnbytesgatan 5")).Id(), "Port 1");

        var response = await api.PutAsJsonAsync($"/api/v1/entrances/{entrance.Id()}",
            new { version = entrance.Version(), name = "Gårdsporten", consentStatus = "NotAsked" });

        (await response.ShouldBeOk()).Text("name").ShouldBe("Gårdsporten");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/entrances/{entrance.Id()}/history", "Name", "Gårdsporten");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RecordConsent_GivenWithDate_IsShownAndRecordedInHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var entrance = await AddEntrance(api, (await CreateAddress(api, "Samtyckesgatan 6")).Id(), "Port B");
        var day = Day(app.Clock.Today().AddDays(-3));

        var response = await api.PutAsJsonAsync($"/api/v1/entrances/{entrance.Id()}/consent",
            new { version = entrance.Version(), consentStatus = "Given", consentDate = day, consentNote = "Styrelsebeslut" });

        (await response.ShouldBeOk()).Text("consentStatus").ShouldBe("Given");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/entrances/{entrance.Id()}");
        shown.Text("consentStatus").ShouldBe("Given");
        shown.Text("consentDate").ShouldBe(day);
        shown.Text("consentNote").ShouldBe("Styrelsebeslut");
        shown.Text("name").ShouldBe("Port B");
        var history = await api.HistoryOf($"/api/v1/entrances/{entrance.Id()}/history");
        history.Select(h => h.Action).ShouldBe([Nyckelfri.History.AuditActions.Created, Nyckelfri.History.AuditActions.Updated]);
        history[1].Changes.ShouldContain(new Change("ConsentStatus", "NotAsked", "Given"));
        history[1].Changes.ShouldContain(new Change("ConsentDate", null, day));
        (await api.IdsOf("/api/v1/addresses?consent=Given&search=samtyckesgatan")).ShouldHaveSingleItem();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RecordConsent_GivenWithoutDate_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var entrance = await AddEntrance(api, (await CreateAddress(api, "Datumlösa gatan 7")).Id(), "Port C");
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PutAsJsonAsync($"/api/v1/entrances/{entrance.Id()}/consent",
            new { version = entrance.Version(), consentStatus = "Given" });

        await response.ShouldBeFieldError("consentDate", "Ange datum för samtycket.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/entrances/{entrance.Id()}")).Text("consentStatus").ShouldBe("NotAsked");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RecordConsent_StaleVersion_Returns409AndKeepsTheFirstAnswer(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var entrance = await AddEntrance(api, (await CreateAddress(api, "Dubbelsvarsgatan 8")).Id(), "Port D");
        var day = Day(app.Clock.Today());
        var url = $"/api/v1/entrances/{entrance.Id()}/consent";

        var first = await api.PutAsJsonAsync(url, new { version = entrance.Version(), consentStatus = "Refused", consentDate = day });
        var second = await api.PutAsJsonAsync(url, new { version = entrance.Version(), consentStatus = "Given", consentDate = day });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/entrances/{entrance.Id()}")).Text("consentStatus").ShouldBe("Refused");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateEntrance_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Writer);
        var entrance = await AddEntrance(api, (await CreateAddress(api, "Portkrocksgatan 9")).Id(), "Port E");
        var url = $"/api/v1/entrances/{entrance.Id()}";

        var first = await api.PutAsJsonAsync(url, new { version = entrance.Version(), name = "Port Först", consentStatus = "NotAsked" });
        var second = await api.PutAsJsonAsync(url, new { version = entrance.Version(), name = "Port Sist", consentStatus = "NotAsked" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("name").ShouldBe("Port Först");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OtherMunicipality_GetsNotFoundForThisOnesOwnerAddressAndEntrance(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var writer = await app.ApiAs(Writer);
        var owner = await CreateOwner(writer, "BRF Gränsen", ApiChecks.OrganizationNumber("769600606"));
        var entrance = await AddEntrance(writer, app.World.AddressA, "Port Gräns");
        var api = await app.ApiAsUser(TestWorld.AdminInB);

        (await api.GetAsync($"/api/v1/property-owners/{owner.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/property-owners/{owner.Id()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/addresses/{app.World.AddressA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/addresses/{app.World.AddressA}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/entrances/{entrance.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync($"/api/v1/addresses/{app.World.AddressA}/entrances", new { name = "Port B-kommun" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.IdsOf("/api/v1/addresses?pageSize=200")).ShouldNotContain(app.World.AddressA);
        (await api.IdsOf("/api/v1/property-owners?pageSize=200")).ShouldNotContain(owner.Id());
    }
}
