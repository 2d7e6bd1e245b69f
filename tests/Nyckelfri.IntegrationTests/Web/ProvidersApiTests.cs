using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>Providers (utförare) and their units through the API, with real logins, on SQLite and PostgreSQL.</summary>
[Collection(AppCollections.Registry)]
public sealed class ProvidersApiTests(AppFixture fixture)
{
    private static object NewProvider(string name, string? organizationNumber = null) => new
    {
        name, kind = "ExternalLov", organizationNumber = organizationNumber ?? ApiChecks.OrganizationNumber("556100101"),
        phone = "08-123 456", email = "info@exempel.se",
    };

    private static object ProviderEdit(int version, string name, string phone) => new
    {
        version, name, kind = "ExternalLov", organizationNumber = ApiChecks.OrganizationNumber("556100101"), phone, email = "info@exempel.se",
    };

    private static async Task<JsonElement> CreateProvider(HttpClient api, string name) =>
        await (await api.PostAsJsonAsync("/api/v1/providers", NewProvider(name))).ShouldBeCreatedAt("/api/v1/providers");

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_ValidProvider_Returns201AndIsShown(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);

        var number = ApiChecks.OrganizationNumber("556100303");

        var response = await api.PostAsJsonAsync("/api/v1/providers", NewProvider("Omsorg Ny AB", number.Replace("-", "")));

        var created = await response.ShouldBeCreatedAt("/api/v1/providers");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{created.Id()}");
        shown.Text("name").ShouldBe("Omsorg Ny AB");
        shown.Text("kind").ShouldBe("ExternalLov");
        shown.Text("organizationNumber").ShouldBe(number);
        shown.GetProperty("units").GetArrayLength().ShouldBe(0);
        (await api.IdsOf("/api/v1/providers?search=omsorg%20ny&pageSize=200")).ShouldContain(created.Id());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var created = await CreateProvider(api, "Vård Före AB");

        var response = await api.PutAsJsonAsync($"/api/v1/providers/{created.Id()}", ProviderEdit(created.Version(), "Vård Efter AB", "08-999 999"));

        var updated = await response.ShouldBeOk();
        updated.Text("name").ShouldBe("Vård Efter AB");
        updated.Version().ShouldBeGreaterThan(created.Version());
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{created.Id()}")).Text("phone").ShouldBe("08-999 999");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/providers/{created.Id()}/history", "Name", "Vård Efter AB");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_OrganizationNumberWithWrongCheckDigit_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/providers",
            NewProvider("Felnummer AB", ApiChecks.WithWrongCheckDigit(ApiChecks.OrganizationNumber("556100202"))));

        await response.ShouldBeFieldError("organizationNumber", "Organisationsnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_NameOfAnExistingProvider_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/providers", NewProvider("hemtjänsten a"));

        await response.ShouldBeFieldError("name", "Det finns redan en utförare med det namnet.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var created = await CreateProvider(api, "Samtidig Omsorg AB");

        var first = await api.PutAsJsonAsync($"/api/v1/providers/{created.Id()}", ProviderEdit(created.Version(), "Samtidig Först AB", "08-111 111"));
        var second = await api.PutAsJsonAsync($"/api/v1/providers/{created.Id()}", ProviderEdit(created.Version(), "Samtidig Sist AB", "08-222 222"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{created.Id()}")).Text("name").ShouldBe("Samtidig Först AB");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AddUnit_ValidUnit_Returns201AndProviderListsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var owner = await CreateProvider(api, "Enhetsbolaget AB");

        var response = await api.PostAsJsonAsync($"/api/v1/providers/{owner.Id()}/units", new { name = "Väster", kind = "NightPatrol", phone = "08-555 00" });

        var unit = await response.ShouldBeCreatedAt("/api/v1/units");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Id()}");
        shown.GetProperty("providerId").GetGuid().ShouldBe(owner.Id());
        shown.Text("kind").ShouldBe("NightPatrol");
        shown.GetProperty("activeClientCount").GetInt32().ShouldBe(0);
        var units = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{owner.Id()}")).GetProperty("units");
        units.EnumerateArray().Select(u => u.Id()).ShouldBe([unit.Id()]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateUnit_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var owner = await CreateProvider(api, "Enhetsändring AB");
        var unit = await (await api.PostAsJsonAsync($"/api/v1/providers/{owner.Id()}/units", new { name = "Öster", kind = "HomeCare" }))
            .ShouldBeCreatedAt("/api/v1/units");

        var response = await api.PutAsJsonAsync($"/api/v1/units/{unit.Id()}", new { version = unit.Version(), name = "Östra", kind = "HomeCare" });

        (await response.ShouldBeOk()).Text("name").ShouldBe("Östra");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Id()}")).Text("name").ShouldBe("Östra");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/units/{unit.Id()}/history", "Name", "Östra");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AddUnit_NameTakenAtTheProvider_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/providers/{app.World.InternalProvider}/units", new { name = "CENTRUM", kind = "HomeCare" });

        await response.ShouldBeFieldError("name", "Utföraren har redan en enhet med det namnet.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UpdateUnit_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var owner = await CreateProvider(api, "Enhetskrock AB");
        var unit = await (await api.PostAsJsonAsync($"/api/v1/providers/{owner.Id()}/units", new { name = "Mitt", kind = "AlarmGroup" }))
            .ShouldBeCreatedAt("/api/v1/units");

        var first = await api.PutAsJsonAsync($"/api/v1/units/{unit.Id()}", new { version = unit.Version(), name = "Mitt Först", kind = "AlarmGroup" });
        var second = await api.PutAsJsonAsync($"/api/v1/units/{unit.Id()}", new { version = unit.Version(), name = "Mitt Sist", kind = "AlarmGroup" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Id()}")).Text("name").ShouldBe("Mitt Först");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OtherMunicipality_GetsNotFoundForThisOnesProviderAndUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAsUser(TestWorld.AdminInB);

        (await api.GetAsync($"/api/v1/providers/{app.World.InternalProvider}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/providers/{app.World.InternalProvider}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/units/{app.World.InternalUnit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutAsJsonAsync($"/api/v1/providers/{app.World.InternalProvider}", ProviderEdit(0, "Kapad", "08-000")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ids = await api.IdsOf("/api/v1/providers?pageSize=200");
        ids.ShouldNotContain(app.World.InternalProvider);
        ids.ShouldNotContain(app.World.ExternalProvider);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_SeesNoActiveClientCountForAnotherProvidersUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.Coordinator); // at the external provider

        var own = await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/{app.World.ExternalUnit}");
        var other = await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/{app.World.InternalUnit}");

        own.GetProperty("activeClientCount").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        other.GetProperty("activeClientCount").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
