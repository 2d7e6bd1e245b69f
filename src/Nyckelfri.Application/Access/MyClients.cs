using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Access;

/// <summary>A client on the staff phone page, with the door to open.</summary>
public sealed record MyClient(Guid ClientId, string Name, string Address, string? Apartment, string UnitName, string ServiceKinds,
    Guid? LockId, string? LockSerial, DeviceStatus? LockStatus, Guid? EntranceLockId, int RecentVisits);

public sealed record MyDay(bool IsEmployee, string? Notice, DigitalKeyStatus? KeyStatus, DigitalKeyKind? KeyKind, IReadOnlyList<MyClient> Clients);

/// <summary>
/// "Mina brukare": the clients the signed-in employee serves today, through their own units and any
/// grant (a substitute's booking, an added unit), less restricted units; nothing outside the employment
/// or during a long leave. The same rule as the credential (<see cref="AccessPolicy"/>), so the list
/// shows exactly the doors that will open. The clients the employee visited in the last two weeks
/// come first (most visits first): a unit serves many more clients than one person sees in a day.
/// </summary>
public sealed class MyClients(NyckelfriDbContext db, AccessFacts facts, IssueCredential issue) : IHandler
{
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);

    public async Task<MyDay> Handle(CancellationToken ct) => await Handle(null, ct);

    /// <param name="search">Part of a name or an address, or null for everyone.</param>
    public async Task<MyDay> Handle(string? search, CancellationToken ct)
    {
        if (db.Scope.EmployeeId is not { } employeeId)
            return new MyDay(false, "Ditt konto är inte kopplat till någon medarbetare. Sidan visar medarbetarens brukare för dagen.", null, null, []);
        var today = db.Clock.Today();
        var employee = await facts.ForEmployeeAsync(employeeId, today, ct) ?? throw new NotFoundException("Medarbetaren");
        var key = await issue.KeyOf(employeeId, null, null, ct);
        var employment = AccessPolicy.Decide(employee, [], today).Denial;
        if (employment is PermissionDenial.NotYetEmployed or PermissionDenial.EmploymentEnded or PermissionDenial.OnLongLeave)
            return new MyDay(true, PermissionDecision.SwedishName(employment.Value), key?.Status, key?.Kind, []);

        var units = AccessPolicy.UnitsOn(employee, today).Allowed.Keys.ToList();
        var municipality = db.Scope.MunicipalityId;
        var rows = await (from service in db.CareServices.WithoutScopeFilter()
                          join client in db.Clients.WithoutScopeFilter() on service.ClientId equals client.Id
                          join household in db.Households.WithoutScopeFilter() on client.HouseholdId equals household.Id
                          join address in db.Addresses.WithoutScopeFilter() on household.AddressId equals address.Id
                          join unit in db.Units.WithoutScopeFilter() on service.UnitId equals unit.Id
                          where service.MunicipalityId == municipality && units.Contains(service.UnitId)
                                && service.StartDate <= today && (service.EndDate == null || service.EndDate >= today)
                          select new
                          {
                              client.Id, client.FirstName, client.LastName, address.Street, address.City, household.Apartment,
                              HouseholdId = household.Id, household.EntranceId, UnitName = unit.Name, service.Kind,
                          })
            .AsNoTracking().ToListAsync(ct);
        var households = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var entrances = rows.Where(r => r.EntranceId != null).Select(r => r.EntranceId!.Value).Distinct().ToList();
        var devices = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.MunicipalityId == municipality && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty)
                        && ((d.Kind == DeviceKind.LockUnit && d.HouseholdId != null && households.Contains(d.HouseholdId.Value))
                            || (d.Kind == DeviceKind.EntranceUnit && d.EntranceId != null && entrances.Contains(d.EntranceId.Value))))
            .Select(d => new { d.Id, d.Kind, d.HouseholdId, d.EntranceId, d.SerialNumber, d.Status })
            .ToListAsync(ct);

        var since = db.Clock.UtcNow() - RecentWindow;
        var clientIds = rows.Select(r => r.Id).Distinct().ToList();
        var visits = await db.Visits.WithoutScopeFilter()
            .Where(v => v.EmployeeId == employeeId && v.StartedAt >= since && clientIds.Contains(v.ClientId))
            .GroupBy(v => v.ClientId).Select(g => new { ClientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ClientId, x => x.Count, ct);
        var term = SearchText.Of(search);
        var clients = rows.GroupBy(r => r.Id).Select(g =>
            {
                var r = g.First();
                var door = devices.FirstOrDefault(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == r.HouseholdId);
                var entrance = devices.FirstOrDefault(d => d.Kind == DeviceKind.EntranceUnit && d.EntranceId == r.EntranceId);
                var kinds = string.Join(", ", g.Select(x => Services.CareService.SwedishName(x.Kind)).Distinct());
                return new MyClient(r.Id, $"{r.FirstName} {r.LastName}", $"{r.Street}, {r.City}", r.Apartment,
                    string.Join(", ", g.Select(x => x.UnitName).Distinct()), kinds, door?.Id, door?.SerialNumber, door?.Status, entrance?.Id,
                    visits.GetValueOrDefault(r.Id));
            })
            .Where(c => term.Length == 0 || SearchText.Of(c.Name, c.Address).Contains(term, StringComparison.Ordinal))
            .OrderByDescending(c => c.RecentVisits)
            .ThenBy(c => c.Address, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .ThenBy(c => c.Name)
            .ToList();
        string? notice = clients.Count > 0 ? null
            : term.Length > 0 ? "Ingen av dina brukare i dag matchar sökningen."
            : employee.EmploymentType == Staff.EmploymentType.Hourly
                ? "Du är inte bokad på någon enhet i dag. Bemanningsenheten ger behörighet för de dagar du är bokad."
                : "Dina enheter har inga brukare med pågående insatser i dag.";
        return new MyDay(true, notice, key?.Status, key?.Kind, clients);
    }
}
