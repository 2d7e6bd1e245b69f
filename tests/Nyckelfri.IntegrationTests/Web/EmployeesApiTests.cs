using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>Employees (personal) through the API, with real logins, on SQLite and PostgreSQL.</summary>
[Collection(AppCollections.Registry)]
public sealed class EmployeesApiTests(AppFixture fixture)
{
    private static object NewEmployee(string lastName, Guid providerId, Guid unitId, string? endDate = null) => new
    {
        firstName = "Maja", lastName, title = "Undersköterska", providerId, unitIds = new[] { unitId },
        employmentType = "Permanent", startDate = "2020-03-01", endDate, phone = "070-111 22 33", email = "maja@exempel.se",
    };

    private static object EmployeeEdit(int version, string lastName, Guid providerId, Guid unitId, string title) => new
    {
        version, firstName = "Maja", lastName, title, providerId, unitIds = new[] { unitId },
        employmentType = "Monthly", startDate = "2020-03-01", phone = "070-111 22 33", email = "maja@exempel.se",
    };

    private static async Task<JsonElement> CreateEmployee(HttpClient api, string lastName, Guid providerId, Guid unitId) =>
        await (await api.PostAsJsonAsync("/api/v1/employees", NewEmployee(lastName, providerId, unitId))).ShouldBeCreatedAt("/api/v1/employees");

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_ValidEmployee_Returns201AndIsShownWithUnits(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.StaffingUnit);

        var response = await api.PostAsJsonAsync("/api/v1/employees", NewEmployee("Lindqvist", app.World.InternalProvider, app.World.InternalUnit));

        var created = await response.ShouldBeCreatedAt("/api/v1/employees");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{created.Id()}");
        shown.Text("lastName").ShouldBe("Lindqvist");
        shown.Text("providerName").ShouldBe("Hemtjänsten A");
        shown.GetProperty("units").EnumerateArray().Select(u => u.Text("name")).ShouldBe(["Centrum"]);
        shown.Text("employmentType").ShouldBe("Permanent");
        shown.Text("startDate").ShouldBe("2020-03-01");
        shown.GetProperty("employedToday").GetBoolean().ShouldBeTrue();
        (await api.IdsOf("/api/v1/employees?search=lindqvist&pageSize=200")).ShouldContain(created.Id());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_CurrentVersion_Returns200AndHistoryShowsTheChange(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var created = await CreateEmployee(api, "Holm", app.World.InternalProvider, app.World.InternalUnit);

        var response = await api.PutAsJsonAsync($"/api/v1/employees/{created.Id()}",
            EmployeeEdit(created.Version(), "Holm", app.World.InternalProvider, app.World.InternalUnit, "Sjuksköterska"));

        var updated = await response.ShouldBeOk();
        updated.Text("title").ShouldBe("Sjuksköterska");
        updated.Text("employmentType").ShouldBe("Monthly");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{created.Id()}")).Text("title").ShouldBe("Sjuksköterska");
        await api.ShouldShowCreatedThenUpdated($"/api/v1/employees/{created.Id()}/history", "Title", "Sjuksköterska");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_EndBeforeStart_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/employees",
            NewEmployee("Bakvänd", app.World.InternalProvider, app.World.InternalUnit, endDate: "2019-12-31"));

        await response.ShouldBeFieldError("endDate", "Slutdatum kan inte ligga före startdatum.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Create_UnitOfAnotherProvider_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/employees", NewEmployee("Korsvis", app.World.InternalProvider, app.World.ExternalUnit));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("unitIds", out _).ShouldBeTrue();
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.SystemAdministrator);
        var created = await CreateEmployee(api, "Samtidigsson", app.World.ExternalProvider, app.World.ExternalUnit);
        var url = $"/api/v1/employees/{created.Id()}";

        var first = await api.PutAsJsonAsync(url, EmployeeEdit(created.Version(), "Samtidigsson", app.World.ExternalProvider, app.World.ExternalUnit, "Först"));
        var second = await api.PutAsJsonAsync(url, EmployeeEdit(created.Version(), "Samtidigsson", app.World.ExternalProvider, app.World.ExternalUnit, "Sist"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeStaleVersionConflict();
        (await api.GetFromJsonAsync<JsonElement>(url)).Text("title").ShouldBe("Först");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUsers_SeeOnlyTheirProvidersEmployees(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var ours = await CreateEmployee(admin, "Synligsdotter", app.World.ExternalProvider, app.World.ExternalUnit);
        var theirs = await CreateEmployee(admin, "Doldsdotter", app.World.InternalProvider, app.World.InternalUnit);

        foreach (var role in new[] { Roles.Coordinator, Roles.UnitManager }) // both at the external provider
        {
            var api = await app.ApiAs(role);
            var listed = await api.IdsOf("/api/v1/employees?pageSize=200");
            listed.ShouldContain(ours.Id(), role);
            listed.ShouldNotContain(theirs.Id(), role);
            (await api.IdsOf($"/api/v1/employees?providerId={app.World.InternalProvider}&pageSize=200")).ShouldBeEmpty(role);
            (await api.GetAsync($"/api/v1/employees/{ours.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await api.GetAsync($"/api/v1/employees/{theirs.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, role);
            (await api.GetAsync($"/api/v1/employees/{theirs.Id()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound, role);
        }
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalUnitManager_CreateForAnotherProvider_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.UnitManager); // at the external provider
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync("/api/v1/employees", NewEmployee("Inkräktare", app.World.InternalProvider, app.World.InternalUnit));

        await response.ShouldBeFieldError("providerId", "Du kan bara registrera personal hos din egen utförare.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalUnitManager_MoveOwnEmployeeToAnotherProvider_Returns400AndKeepsTheEmployee(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.UnitManager); // at the external provider
        var created = await CreateEmployee(api, "Stannarsson", app.World.ExternalProvider, app.World.ExternalUnit);

        var response = await api.PutAsJsonAsync($"/api/v1/employees/{created.Id()}",
            EmployeeEdit(created.Version(), "Stannarsson", app.World.InternalProvider, app.World.InternalUnit, "Flyttad"));

        await response.ShouldBeFieldError("providerId", "Du kan bara registrera personal hos din egen utförare.");
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{created.Id()}");
        shown.GetProperty("providerId").GetGuid().ShouldBe(app.World.ExternalProvider);
        shown.Version().ShouldBe(created.Version());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task OtherMunicipality_GetsNotFoundForThisOnesEmployee(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var created = await CreateEmployee(await app.ApiAs(Roles.SystemAdministrator), "Kommunsson", app.World.InternalProvider, app.World.InternalUnit);
        var api = await app.ApiAsUser(TestWorld.AdminInB);

        (await api.GetAsync($"/api/v1/employees/{created.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.IdsOf("/api/v1/employees?pageSize=200")).ShouldNotContain(created.Id());
        var response = await api.PostAsJsonAsync("/api/v1/employees", NewEmployee("Gränsson", app.World.InternalProvider, app.World.InternalUnit));
        await response.ShouldBeFieldError("providerId", "Utföraren finns inte.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PersonnelId_IsShownEditableAndUniqueInTheMunicipalityAcrossProviders(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        var hsa = "SE2321000016-" + Guid.NewGuid().ToString("N")[..8];
        var first = await staffing.PostAsJsonAsync("/api/v1/employees", new
        {
            firstName = "Hanna", lastName = "Hsa", providerId = app.World.InternalProvider, unitIds = new[] { app.World.InternalUnit },
            employmentType = "Permanent", startDate = "2020-03-01", personnelId = hsa,
        });
        var created = await first.ShouldBeCreatedAt("/api/v1/employees");
        (await staffing.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{created.Id()}")).Text("personnelId").ShouldBe(hsa);

        // The other provider's unit manager cannot see the first employee, and still may not reuse its id.
        var other = await app.ApiAs(Roles.UnitManager);
        var duplicate = await other.PostAsJsonAsync("/api/v1/employees", new
        {
            firstName = "Dubbel", lastName = "Hsa", providerId = app.World.ExternalProvider, unitIds = new[] { app.World.ExternalUnit },
            employmentType = "Permanent", startDate = "2020-03-01", personnelId = hsa,
        });
        var spaced = await staffing.PostAsJsonAsync("/api/v1/employees", new
        {
            firstName = "Mellan", lastName = "Rum", providerId = app.World.InternalProvider, unitIds = new[] { app.World.InternalUnit },
            employmentType = "Permanent", startDate = "2020-03-01", personnelId = "SE 123",
        });

        await duplicate.ShouldBeFieldError("personnelId", "Personal-id:t används redan av en annan medarbetare i kommunen.");
        await spaced.ShouldBeFieldError("personnelId", "Personal-id får inte innehålla mellanslag.");
    }
}
