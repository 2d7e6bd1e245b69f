using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The client registry through the API, with real logins, on SQLite and PostgreSQL.</summary>
[Collection(AppCollections.Registry)]
public sealed class ClientsApiTests(AppFixture fixture)
{
    private static object NewClient(string number, string last = "Testsson") => new
    {
        firstName = "Greta", lastName = last, personalIdentityNumber = number, phone = "070-174 00 00",
        doorCode = "1234", street = "Lillgatan 3", postalCode = "12345", city = "Teststad", apartment = "1101",
        lockDecision = "NotAsked",
    };

    private static string Number(string birth, string serial = "234") =>
        birth + serial + Nyckelfri.Clients.PersonalIdentityNumber.CheckDigitFor(birth[2..] + serial);

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_ValidClient_IsStoredMaskedAndAudited(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);

        var response = await api.PostAsJsonAsync("/api/v1/clients", NewClient(Number("19350505", "101")));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("personalIdentityNumber").GetString().ShouldBe("19350505-XXXX");
        body.GetProperty("hasDoorCode").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("doorCode", out _).ShouldBeFalse();
        var id = body.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/clients/{id}");

        await using var db = app.SystemContext();
        var history = await db.AuditEntries.Where(a => a.EntityId == id).ToListAsync();
        history.ShouldHaveSingleItem().Action.ShouldBe(AuditActions.Created);
        history[0].Changes.ShouldNotContain("1234");
        history[0].Changes.ShouldNotContain(Number("19350505", "101")[8..]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_InvalidFields_Returns400WithSwedishFieldErrorsAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        await using var before = app.SystemContext();
        var count = await before.Clients.CountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "", lastName = "Test", personalIdentityNumber = "19350505-1235", street = "X", postalCode = "12", city = "Y",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("firstName")[0].GetString().ShouldBe("Förnamn måste anges.");
        errors.GetProperty("personalIdentityNumber")[0].GetString()!.ShouldContain("kontrollsiffra");
        errors.GetProperty("postalCode")[0].GetString()!.ShouldContain("fem siffror");
        await using var after = app.SystemContext();
        (await after.Clients.CountAsync()).ShouldBe(count);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_DuplicateNumber_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var number = Number("19360606", "202");
        (await api.PostAsJsonAsync("/api/v1/clients", NewClient(number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await api.PostAsJsonAsync("/api/v1/clients", NewClient(number[2..8] + "-" + number[8..]));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("finns redan");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_UnknownHousehold_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        await using var before = app.SystemContext();
        var fingerprint = await DatabaseFingerprint.TakeAsync(before);

        var response = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Greta", lastName = "Gäst", personalIdentityNumber = Number("19341212", "606"), householdId = Guid.NewGuid(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("householdId")[0].GetString().ShouldBe("Hushållet finns inte.");
        await using var after = app.SystemContext();
        (await DatabaseFingerprint.TakeAsync(after)).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var created = await (await api.PostAsJsonAsync("/api/v1/clients", NewClient(Number("19370707", "303"))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();

        var first = await api.PutAsJsonAsync($"/api/v1/clients/{id}", new { version, firstName = "Först", lastName = "Redigerad", lockDecision = "NotAsked" });
        var second = await api.PutAsJsonAsync($"/api/v1/clients/{id}", new { version, firstName = "Sist", lastName = "Redigerad", lockDecision = "NotAsked" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("Någon annan har ändrat");
        var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{id}");
        now.GetProperty("firstName").GetString().ShouldBe("Först");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_EmptyNumberAndDoorCode_KeepsStoredSecrets(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var created = await (await api.PostAsJsonAsync("/api/v1/clients", NewClient(Number("19380808", "404"))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var response = await api.PutAsJsonAsync($"/api/v1/clients/{id}", new
        {
            version = created.GetProperty("version").GetInt32(), firstName = "Greta", lastName = "Ny", lockDecision = "NotAsked",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var code = await (await api.PostAsync($"/api/v1/clients/{id}/door-code/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        code.GetProperty("code").GetString().ShouldBe("1234");
        var number = await (await api.PostAsync($"/api/v1/clients/{id}/personal-identity-number/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        number.GetProperty("personalIdentityNumber").GetString().ShouldBe(Format(Number("19380808", "404")));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RevealDoorCode_IsRecordedWithWhoAndWhich(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.Coordinator);
        var id = app.World.ExternalClient;

        var response = await api.PostAsync($"/api/v1/clients/{id}/door-code/reveal", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.SystemContext();
        var line = await db.AuditEntries.Where(a => a.EntityId == id && a.Action == AuditActions.DoorCodeRevealed).OrderBy(a => a.Id).LastAsync();
        line.UserName.ShouldBe("Test " + Roles.Coordinator);
        line.MunicipalityId.ShouldBe(app.World.MunicipalityA);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_GetsNotFoundForAnotherProvidersClient(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.Coordinator); // at the external provider

        (await api.GetAsync($"/api/v1/clients/{app.World.ExternalClient}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsync($"/api/v1/clients/{app.World.InternalClient}/door-code/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?pageSize=200");
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        ids.ShouldContain(app.World.ExternalClient);
        ids.ShouldNotContain(app.World.InternalClient);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OtherMunicipality_SeesNothingOfThisOne(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAsUser(TestWorld.AdminInB);

        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?pageSize=200");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([app.World.ClientInB]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_SearchesNamesIgnoringSwedishCase(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        await api.PostAsJsonAsync("/api/v1/clients", NewClient(Number("19390909", "505"), last: "Öberg"));

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?search=%C3%B6berg");

        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()).ShouldContain("Öberg");
    }

    private static string Format(string twelve) => twelve[..8] + "-" + twelve[8..];
}
