using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Visits;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Issue 13, scope: no personnummer oracle, least privilege for care staff and unit-scoped roles, the stored
/// security log, the bounded export. Each test makes and reads only its own records.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class ScopeTests(AppFixture fixture)
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [DatabaseTheory, DatabaseProviders]
    public async Task SearchByNumber_WithoutTheRevealRight_Is403_WithItFindsAndAuditsWithoutTheNumber(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await VisitsTestData.AddClient(app, app.World.InternalUnit, "Olga", "Orakel");
        var body = new { personalIdentityNumber = client.PersonalIdentityNumber };

        foreach (var role in new[] { Roles.Coordinator, Roles.Employee, Roles.Auditor, Roles.AlarmCentreSupport })
            (await (await app.ApiAs(role)).PostAsJsonAsync("/api/v1/clients/search", body)).StatusCode
                .ShouldBe(HttpStatusCode.Forbidden, role);

        var caseOfficer = await app.ApiAs(Roles.CaseOfficer);
        var found = await (await caseOfficer.PostAsJsonAsync("/api/v1/clients/search", body)).ShouldBeOk();
        found.Id().ShouldBe(client.Id);

        await using var db = app.SystemContext();
        (await db.AuditEntries.Where(a => a.EntityId == client.Id).Select(a => a.Action).ToListAsync())
            .ShouldContain(AuditActions.PersonalIdentityNumberSearched);
        var events = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.PersonalIdentityNumberSearched && e.Subject == client.Id.ToString())
            .ToListAsync();
        var searched = events.ShouldHaveSingleItem();
        (searched.Detail, searched.UserName, searched.MunicipalityId).ShouldBe(("found", TestWorld.UserFor(Roles.CaseOfficer), app.World.MunicipalityA));
        var digits = client.PersonalIdentityNumber.Replace("-", "", StringComparison.Ordinal);
        var lastFour = digits[8..];
        (await db.SecurityEvents.ToListAsync()).ShouldAllBe(e => !$"{e.Subject}{e.Detail}{e.UserName}".Contains(lastFour));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SearchByNumber_NotFound_IsStillASecurityEvent(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var caseOfficer = await app.ApiAs(Roles.AlarmOfficer);
        var userId = await UserId(app, TestWorld.UserFor(Roles.AlarmOfficer));
        await using var db = app.SystemContext();
        var before = await db.SecurityEvents.CountAsync(e => e.UserId == userId && e.Detail == "not-found");

        var unused = ApiChecks.PersonalIdentityNumber("19280808", "987");
        (await caseOfficer.PostAsJsonAsync("/api/v1/clients/search", new { personalIdentityNumber = unused })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await caseOfficer.PostAsJsonAsync("/api/v1/clients/search", new { personalIdentityNumber = "nonsense" })).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);

        // Stored though the request's own work ended in an error and saved nothing.
        (await db.SecurityEvents.CountAsync(e => e.UserId == userId && e.Detail == "not-found")).ShouldBe(before + 1);
        (await db.SecurityEvents.CountAsync(e => e.UserId == userId && e.Detail == "invalid")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UnbookedSubstitute_SeesNoClientAndNoDoorCode_UntilBookedOnTheServingUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var unit = await ScopeTestData.AddUnit(app, app.World.InternalProvider, "Vikarieenheten " + Guid.NewGuid().ToString("N")[..6]);
        var client = await VisitsTestData.AddClient(app, unit, "Signe", "Sluten", doorCode: "2580");
        var substitute = await ScopeTestData.AddEmployee(app, app.World.InternalProvider, EmploymentType.Hourly);
        var api = await app.ApiAsUser(await ScopeTestData.AddLogin(app, Roles.Employee, app.World.InternalProvider, employeeId: substitute));

        Items(await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?pageSize=200")).ShouldBeEmpty();
        (await api.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsync($"/api/v1/clients/{client.Id}/door-code/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsync($"/api/v1/clients/{app.World.InternalClient}/door-code/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await ScopeTestData.Book(app, substitute, unit);

        (await api.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.PostAsync($"/api/v1/clients/{client.Id}/door-code/reveal", null)).ShouldBeOk()).Text("code").ShouldBe("2580");
        // The booking is for her unit of today only: the provider's other clients stay out of sight.
        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Items(await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?pageSize=200")).Select(c => c.Id()).ShouldBe([client.Id]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PermanentEmployee_SeesTheClientsOfHerOwnUnitsOnly_WhateverHerLoginSays(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var otherUnit = await ScopeTestData.AddUnit(app, app.World.InternalProvider, "Annan enhet " + Guid.NewGuid().ToString("N")[..6]);
        var elsewhere = await VisitsTestData.AddClient(app, otherUnit, "Elsa", "Annanstans");
        var employee = await ScopeTestData.AddEmployee(app, app.World.InternalProvider, EmploymentType.Permanent, app.World.InternalUnit);
        // A login at the provider without a unit: before issue 13 it saw every client of the provider.
        var api = await app.ApiAsUser(await ScopeTestData.AddLogin(app, Roles.Employee, app.World.InternalProvider, employeeId: employee));

        (await api.GetAsync($"/api/v1/clients/{app.World.InternalClient}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/clients/{elsewhere.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UnitScopedRoles_SeeOnlyTheirUnitsVisitsAndAccessLog_NotThoseOfTheProvidersOtherUnits(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var otherUnit = await ScopeTestData.AddUnit(app, app.World.ExternalProvider, "Söder " + Guid.NewGuid().ToString("N")[..6]);
        var ownClient = await VisitsTestData.AddClient(app, app.World.ExternalUnit, "Nora", "Norrsson");
        var otherClient = await VisitsTestData.AddClient(app, otherUnit, "Sune", "Södersson");
        var colleague = await ScopeTestData.AddEmployee(app, app.World.ExternalProvider, EmploymentType.Permanent, app.World.ExternalUnit);
        var otherUnitsEmployee = await ScopeTestData.AddEmployee(app, app.World.ExternalProvider, EmploymentType.Permanent, otherUnit);
        var (ownVisit, _) = await ScopeTestData.AddVisit(app, ownClient.Id, colleague, app.World.ExternalUnit);
        var (otherVisit, _) = await ScopeTestData.AddVisit(app, otherClient.Id, otherUnitsEmployee, otherUnit);

        var unitEmployee = await app.ApiAsUser(await ScopeTestData.AddLogin(app, Roles.Employee, app.World.ExternalProvider, app.World.ExternalUnit));
        Items(await unitEmployee.GetFromJsonAsync<JsonElement>($"/api/v1/visits?employeeId={otherUnitsEmployee}")).ShouldBeEmpty();
        Items(await unitEmployee.GetFromJsonAsync<JsonElement>($"/api/v1/visits?employeeId={colleague}")).Select(v => v.Id()).ShouldBe([ownVisit]);

        var unitManager = await app.ApiAsUser(await ScopeTestData.AddLogin(app, Roles.UnitManager, app.World.ExternalProvider, app.World.ExternalUnit));
        Items(await unitManager.GetFromJsonAsync<JsonElement>($"/api/v1/access-log?employeeId={otherUnitsEmployee}")).ShouldBeEmpty();
        (await unitManager.GetAsync($"/api/v1/visits?clientId={otherClient.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Items(await unitManager.GetFromJsonAsync<JsonElement>($"/api/v1/access-log?employeeId={colleague}")).Count.ShouldBe(1);

        // The provider's coordinator (no unit) still sees both units.
        var coordinator = await app.ApiAs(Roles.Coordinator);
        Items(await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/visits?employeeId={otherUnitsEmployee}")).Select(v => v.Id()).ShouldBe([otherVisit]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SecurityEvents_AreStoredPerMunicipality_AndReadByItsSystemAdministratorOnly(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await VisitsTestData.AddClient(app, app.World.InternalUnit, "Rut", "Röjd", doorCode: "9191");
        var caseOfficer = await app.ApiAs(Roles.CaseOfficer);
        (await caseOfficer.PostAsync($"/api/v1/clients/{client.Id}/door-code/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await caseOfficer.PostAsync($"/api/v1/clients/{client.Id}/personal-identity-number/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = await UserId(app, TestWorld.UserFor(Roles.CaseOfficer));

        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/security-events?userId={userId}&pageSize=200");
        var mine = Items(page).Where(e => e.Text("subject") == client.Id.ToString()).ToList();
        mine.Select(e => e.Text("kind")).Order().ShouldBe([nameof(SecurityEventKind.DoorCodeRevealed), nameof(SecurityEventKind.PersonalIdentityNumberRevealed)]);
        mine.ShouldAllBe(e => e.Text("userName") == TestWorld.UserFor(Roles.CaseOfficer));
        page.GetRawText().ShouldNotContain("9191");

        var onlyReveals = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/security-events?kind=DoorCodeRevealed&userId={userId}&pageSize=200");
        Items(onlyReveals).ShouldAllBe(e => e.Text("kind") == nameof(SecurityEventKind.DoorCodeRevealed));

        (await caseOfficer.GetAsync("/api/v1/security-events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ApiAs(Roles.Auditor)).GetAsync("/api/v1/security-events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherMunicipality = await app.ApiAsUser(TestWorld.AdminInB);
        Items(await otherMunicipality.GetFromJsonAsync<JsonElement>($"/api/v1/security-events?userId={userId}&pageSize=200")).ShouldBeEmpty();

        var tooLong = await admin.GetAsync($"/api/v1/security-events?from={app.Clock.Today().AddYears(-5):yyyy-MM-dd}&to={app.Clock.Today():yyyy-MM-dd}");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AccessLogExport_OverTheMaximumPeriod_Is400_WithinItIsAStreamedCsv(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var today = app.Clock.Today();

        var tooLong = await api.GetAsync($"/api/v1/access-log/export?from={today.AddDays(-Nyckelfri.Access.ListAccessEvents.MaxExportDays):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain($"högst {Nyckelfri.Access.ListAccessEvents.MaxExportDays} dagar");
        (await api.GetAsync($"/api/v1/access-log/export?from={today.AddYears(-2):yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var employee = await ScopeTestData.AddEmployee(app, app.World.InternalProvider, EmploymentType.Permanent, app.World.InternalUnit);
        var client = await VisitsTestData.AddClient(app, app.World.InternalUnit, "Ebba", "Export");
        await ScopeTestData.AddVisit(app, client.Id, employee, app.World.InternalUnit);
        var ok = await api.GetAsync($"/api/v1/access-log/export?employeeId={employee}&from={today.AddDays(-Nyckelfri.Access.ListAccessEvents.MaxExportDays + 1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await ok.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Tid;Händelse;Resultat;Medarbetare;Brukare");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("Ebba Export");
    }

    private static async Task<string> UserId(NyckelfriApp app, string userName)
    {
        await using var db = app.SystemContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
