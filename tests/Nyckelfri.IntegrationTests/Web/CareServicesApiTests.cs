using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// A client's care services (insatser) through the API, and how they decide which provider sees the
/// client; with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class CareServicesApiTests(AppFixture fixture)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object NewService(Guid unitId, string startDate, string? endDate = null, string kind = "SafetyAlarm") => new
    {
        kind, assessed = true, unitId, startDate, endDate, decisionReference = "BIS-2024-117",
    };

    private static object ServiceEdit(int version, Guid unitId, string startDate, string? endDate, string decisionReference) => new
    {
        version, kind = "SafetyAlarm", assessed = true, unitId, startDate, endDate, decisionReference,
    };

    /// <summary>A new client of its own (a 1920s number no other test file uses), with no service yet.</summary>
    private static async Task<Guid> RegisterClient(HttpClient api, string birth, string serial)
    {
        var response = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Ingrid", lastName = "Insatsdotter", personalIdentityNumber = ApiChecks.PersonalIdentityNumber(birth, serial),
            street = $"Insatsvägen {serial}", postalCode = "76543", city = "Teststad", lockDecision = "NotAsked",
        });
        return (await response.ShouldBeCreatedAt("/api/v1/clients")).Id();
    }

    private static async Task<JsonElement> AddService(HttpClient api, Guid clientId, object service) =>
        await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/services", service)).ShouldBeCreatedAt("/api/v1/services");

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_ValidService_Returns201AndClientShowsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(api, "19270105", "411");
        var start = Day(app.Clock.Today().AddMonths(-2));

        var response = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/services", NewService(app.World.InternalUnit, start));

        var created = await response.ShouldBeCreatedAt("/api/v1/services");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{created.Id()}");
        shown.GetProperty("clientId").GetGuid().ShouldBe(clientId);
        shown.Text("kind").ShouldBe("SafetyAlarm");
        shown.Text("unitName").ShouldBe("Centrum");
        shown.Text("providerName").ShouldBe("Hemtjänsten A");
        shown.Text("startDate").ShouldBe(start);
        shown.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        var client = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}");
        var service = client.GetProperty("services").EnumerateArray().ShouldHaveSingleItem();
        service.Id().ShouldBe(created.Id());
        service.Text("decisionReference").ShouldBe("BIS-2024-117");
        (await api.IdsOf($"/api/v1/clients/{clientId}/services")).ShouldBe([created.Id()]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(api, "19270206", "422");
        var start = Day(app.Clock.Today().AddMonths(-6));
        var created = await AddService(api, clientId, NewService(app.World.InternalUnit, start));
        var end = Day(app.Clock.Today().AddMonths(6));

        var response = await api.PutAsJsonAsync($"/api/v1/services/{created.Id()}",
            ServiceEdit(created.Version(), app.World.InternalUnit, start, end, "BIS-2024-118"));

        var updated = await response.ShouldBeOk();
        updated.Text("endDate").ShouldBe(end);
        updated.Text("decisionReference").ShouldBe("BIS-2024-118");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/services/{created.Id()}")).Text("endDate").ShouldBe(end);
        await api.ShouldShowCreatedThenUpdated($"/api/v1/services/{created.Id()}/history", "EndDate", end);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_EndBeforeStart_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(api, "19270307", "433");
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/services",
            NewService(app.World.InternalUnit, startDate: "2025-03-01", endDate: "2025-02-28"));

        await response.ShouldBeFieldError("endDate", "Slutdatum kan inte ligga före startdatum.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_EndBeforeStart_Returns400AndKeepsTheService(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(api, "19270408", "444");
        var created = await AddService(api, clientId, NewService(app.World.InternalUnit, "2025-03-01"));
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PutAsJsonAsync($"/api/v1/services/{created.Id()}",
            ServiceEdit(created.Version(), app.World.InternalUnit, "2025-03-01", "2025-01-31", "BIS-2024-119"));

        await response.ShouldBeFieldError("endDate", "Slutdatum kan inte ligga före startdatum.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(api, "19270509", "455");
        var created = await AddService(api, clientId, NewService(app.World.InternalUnit, "2025-01-01"));
        var url = $"/api/v1/services/{created.Id()}";

        var first = await api.PutAsJsonAsync(url, ServiceEdit(created.Version(), app.World.InternalUnit, "2025-01-01", null, "FÖRST-1"));
        var second = await api.PutAsJsonAsync(url, ServiceEdit(created.Version(), app.World.InternalUnit, "2025-01-01", null, "SIST-2"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("decisionReference").ShouldBe("FÖRST-1");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_GetsNotFoundForAnotherProvidersServices(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        Guid internalService, externalService;
        await using (var db = app.SystemContext())
        {
            internalService = await db.CareServices.Where(s => s.ClientId == app.World.InternalClient).Select(s => s.Id).FirstAsync();
            externalService = await db.CareServices.Where(s => s.ClientId == app.World.ExternalClient).Select(s => s.Id).FirstAsync();
        }
        var api = await app.ApiAs(Roles.Coordinator); // at the external provider

        (await api.GetAsync($"/api/v1/clients/{app.World.ExternalClient}/services")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/services/{externalService}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}/services")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/services/{internalService}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/services/{internalService}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_SeesOnlyItsOwnServicesOfASharedClient(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(officer, "19270610", "466");
        var ours = await AddService(officer, clientId, NewService(app.World.ExternalUnit, "2025-01-01", kind: "HomeCare"));
        var theirs = await AddService(officer, clientId, NewService(app.World.InternalUnit, "2025-01-01"));
        var api = await app.ApiAs(Roles.Coordinator); // at the external provider

        (await api.IdsOf($"/api/v1/clients/{clientId}/services")).ShouldBe([ours.Id()]);
        var client = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}");
        client.GetProperty("services").EnumerateArray().Select(s => s.Id()).ShouldBe([ours.Id()]);
        (await api.GetAsync($"/api/v1/services/{theirs.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EndService_EndDatePassed_ClientLeavesTheExternalCoordinatorsList(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var coordinator = await app.ApiAs(Roles.Coordinator); // at the external provider
        var clientId = await RegisterClient(officer, "19270711", "477");
        var today = app.Clock.Today();
        var start = Day(today.AddYears(-1));
        var service = await AddService(officer, clientId, NewService(app.World.ExternalUnit, start, kind: "HomeCare"));
        (await coordinator.IdsOf("/api/v1/clients?pageSize=200")).ShouldContain(clientId);

        var ended = await officer.PutAsJsonAsync($"/api/v1/services/{service.Id()}",
            ServiceEdit(service.Version(), app.World.ExternalUnit, start, Day(today.AddDays(-1)), "BIS-2024-117"));

        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.IdsOf("/api/v1/clients?pageSize=200")).ShouldNotContain(clientId);
        (await coordinator.GetAsync($"/api/v1/clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/services/{service.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.IdsOf("/api/v1/clients?pageSize=200")).ShouldContain(app.World.ExternalClient);
        try
        {
            // Back to the end date itself, when the provider still served the client. (Back, not forward:
            // the coordinator's bearer token, issued now, would have expired a day ahead.)
            app.Clock.Now = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            (await coordinator.IdsOf("/api/v1/clients?pageSize=200")).ShouldContain(clientId);
            (await coordinator.GetAsync($"/api/v1/services/{service.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Now = null;
        }
    }
}
