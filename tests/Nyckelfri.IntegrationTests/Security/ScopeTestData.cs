using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Providers;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>People, units and logins for the least-privilege tests (issue 13), added to municipality A of the test world.</summary>
internal static class ScopeTestData
{
    private static int _serial;

    public static string UniqueName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial)}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 14, 60)];

    /// <summary>A new unit of <paramref name="providerId"/>.</summary>
    public static async Task<Guid> AddUnit(NyckelfriApp app, Guid providerId, string name)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
        var unit = new Unit(provider, name, UnitKind.HomeCare);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>An employee of <paramref name="providerId"/> working in <paramref name="units"/> (none: a substitute waiting for bookings).</summary>
    public static async Task<Guid> AddEmployee(NyckelfriApp app, Guid providerId, EmploymentType type, params Guid[] units)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var employee = new Employee(app.World.MunicipalityA, providerId, "Vera", "Vikarie", type, app.Clock.Today().AddYears(-1));
        employee.SetUnits(await db.Units.Where(u => units.Contains(u.Id)).ToListAsync());
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee.Id;
    }

    /// <summary>The staffing unit books <paramref name="employeeId"/> on <paramref name="unitId"/> for today.</summary>
    public static async Task Book(NyckelfriApp app, Guid employeeId, Guid unitId)
    {
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var today = app.Clock.Today();
        db.AccessGrants.Add(new AccessGrant(app.World.MunicipalityA, employeeId, unitId, AccessGrantKind.SubstituteBooking, today, today, "Test", "test"));
        await db.SaveChangesAsync();
    }

    /// <summary>A login with <paramref name="role"/> at the provider (and unit), linked to an employee when given; returns its user name.</summary>
    public static async Task<string> AddLogin(NyckelfriApp app, string role, Guid providerId, Guid? unitId = null, Guid? employeeId = null)
    {
        var userName = UniqueName("scope-" + role.ToLowerInvariant());
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = "Test " + role, MunicipalityId = app.World.MunicipalityA, ProviderId = providerId,
            UnitId = unitId, EmployeeId = employeeId,
        };
        var result = await users.CreateAsync(user, TestWorld.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    /// <summary>A visit of <paramref name="employeeId"/> at <paramref name="clientId"/> (with the access-log line that starts it).</summary>
    public static async Task<(Guid Visit, long Event)> AddVisit(NyckelfriApp app, Guid clientId, Guid employeeId, Guid unitId)
    {
        var at = app.Clock.UtcNow().AddHours(-2);
        var line = await Visits.VisitsTestData.AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, at, clientId, employeeId, unitId: unitId);
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var visit = new Visit(app.World.MunicipalityA, clientId, employeeId, unitId, VisitSource.Lock, at, line.Id);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return (visit.Id, line.Id);
    }
}
