using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Access;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Visits;

/// <summary>
/// People and access-log lines for the access-log and visit tests, added straight to municipality A of the
/// test world (the event upload and the digital keys are other areas'): clients served by a unit, employees
/// of a unit, logins tied to an employee, mounted locks, and access events.
/// </summary>
internal static class VisitsTestData
{
    private static int _serial = 100;

    public sealed record TestClient(Guid Id, string Name, string PersonalIdentityNumber);

    /// <summary>A client of municipality A with a home-care service from <paramref name="unitId"/> (a 1931 number no other test file uses).</summary>
    public static async Task<TestClient> AddClient(NyckelfriApp app, Guid unitId, string firstName, string lastName, string? doorCode = null)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var today = app.Clock.Today();
        var number = ApiChecks.PersonalIdentityNumber("19310101", Interlocked.Increment(ref _serial).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        var address = await db.Addresses.SingleAsync(a => a.Id == app.World.AddressA);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        var household = new Household(address, null);
        var client = new Client(app.World.MunicipalityA, firstName, lastName, PersonalIdentityNumber.Parse(number, today)) { DoorCode = doorCode };
        household.AddCohabitant(client);
        db.AddRange(household, client, new CareService(client, CareServiceKind.HomeCare, true, unit, today.AddMonths(-2), null));
        await db.SaveChangesAsync();
        return new TestClient(client.Id, $"{firstName} {lastName}", number);
    }

    /// <summary>An employee of the unit's provider, working in the unit since a year.</summary>
    public static async Task<Guid> AddEmployee(NyckelfriApp app, Guid unitId, string firstName, string lastName)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        var employee = new Employee(app.World.MunicipalityA, unit.ProviderId, firstName, lastName, EmploymentType.Permanent, app.Clock.Today().AddYears(-1));
        employee.SetUnits([unit]);
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee.Id;
    }

    /// <summary>A login for a person with <paramref name="role"/> at <paramref name="providerId"/>, tied to an employee when given.</summary>
    public static async Task<string> AddLogin(NyckelfriApp app, string userName, string role, Guid? providerId, Guid? employeeId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = "Test " + userName, MunicipalityId = app.World.MunicipalityA, ProviderId = providerId, EmployeeId = employeeId,
        };
        var result = await users.CreateAsync(user, TestWorld.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    /// <summary>Mounts a lock unit at the client's home and returns its id (the lock id).</summary>
    public static async Task<Guid> MountLock(NyckelfriApp app, Guid clientId, string serial)
    {
        serial = serial.ToUpperInvariant(); // as DeviceNumbers stores it
        await KeysTestData.MountLock(app, clientId, serial);
        await using var db = app.SystemContext();
        return await db.Devices.Where(d => d.SerialNumber == serial && d.Kind == DeviceKind.LockUnit).Select(d => d.Id).SingleAsync();
    }

    /// <summary>Appends one access-log line, as the event upload or a handler would have.</summary>
    public static async Task<AccessEvent> AddEvent(NyckelfriApp app, AccessEventKind kind, AccessOutcome outcome, DateTime occurredAt,
        Guid? clientId = null, Guid? employeeId = null, Guid? lockId = null, Guid? unitId = null, string? reasonCode = null, string? detail = null)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var line = new AccessEvent(app.World.MunicipalityA, kind, outcome, occurredAt, app.Clock.UtcNow())
        {
            ClientId = clientId, EmployeeId = employeeId, LockId = lockId, UnitId = unitId, ReasonCode = reasonCode, Detail = detail,
        };
        db.AccessEvents.Add(line);
        await db.SaveChangesAsync();
        return line;
    }

    /// <summary>A Swedish wall-clock time <paramref name="daysAgo"/> days before today, in UTC.</summary>
    public static DateTime SwedishTimeAgo(NyckelfriApp app, int daysAgo, int hour, int minute = 0) =>
        SwedishTime.ToUtc(app.Clock.Today().AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute)));

    /// <summary>Sets municipality A's visit webhook as its administrator and returns the new secret.</summary>
    public static async Task<string> SetWebhook(NyckelfriApp app, string url)
    {
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var current = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/visit-webhook");
        var response = await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = current.Version(), url, newSecret = true });
        var view = await response.ShouldBeOk();
        return view.Text("secret")!;
    }
}
