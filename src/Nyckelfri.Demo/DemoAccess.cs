using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Keys;
using Nyckelfri.LockProtocol;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.Demo;

/// <summary>What the demo's digital access looks like (issue 5).</summary>
public sealed record DemoAccessSummary(int DigitalKeys, int IssuedKeys, int TwoFactorDevices, int Grants, int AccessEvents, int Visits,
    int LocksWithEvents, int LocksBehindOnRevocationList, long RevocationListVersion);

/// <summary>
/// Digital keys and a week of door openings for Demo kommun: a key per working employee, signed out
/// against a receipt (web-app keys for the staff logins, without a device key: the browser makes and
/// enrols its own at the first "Öppna", so the demo still opens a door in one tap),
/// keys and 2-factor devices in stock and in the units' key cabinets, one key blocked (and a
/// replacement issued), grants (a substitute booked from tomorrow, so refused today; bookings and an
/// added and a restricted unit), then for every mounted lock a week of visits: the credential issued,
/// the lock opened on arrival and on leaving, now and then a refusal; the revocation list reaches a
/// lock with the first visit after the block, so the locks nobody visited since lag behind; one
/// break-glass waiting for review. Every installed lock's emulated counterpart is made on first use
/// (<see cref="EmulatedLocks"/>), numbering its events on from the week's.
/// </summary>
internal sealed class DemoAccess(NyckelfriDbContext db, IDataProtectionProvider protection, DemoRandom random, DateOnly today)
{
    public const string SubstituteLogin = "vikarie";
    private const string AlarmCentreSigner = "Linda Ekström";
    private const string StaffingSigner = "Fatima Ali";

    private readonly List<DigitalKey> _keys = [];
    private readonly List<DigitalKeyReceipt> _receipts = [];
    private readonly Dictionary<Guid, DigitalKey> _keyOf = [];
    private int _keyNumber;

    public async Task<DemoAccessSummary> AddAsync(Guid municipalityId, DemoOrganisation organisation, List<Employee> employees,
        Dictionary<string, Employee> byLogin, List<DemoHome> homes, CancellationToken ct)
    {
        var issuers = new IssuerKeys(db, protection, new IssuerCache());
        await issuers.ForMunicipalityAsync(municipalityId, ct);

        var substitute = AddSubstitute(municipalityId, organisation, byLogin);
        employees = [.. employees, substitute];
        var logins = byLogin.Values.Select(e => e.Id).ToHashSet();
        foreach (var employee in employees.OrderBy(e => e.StartDate).ThenBy(e => e.Id))
            AddKeyFor(municipalityId, employee, webApp: logins.Contains(employee.Id));
        AddStock(municipalityId);
        var blocked = BlockOne(municipalityId, organisation, employees, byLogin);
        var devices = AddTwoFactorDevices(municipalityId, organisation);
        var grants = AddGrants(municipalityId, organisation, employees, substitute);
        db.DigitalKeys.AddRange(_keys);
        db.DigitalKeyReceipts.AddRange(_receipts);
        var list = await new RevocationLists(db, issuers).PublishAsync(municipalityId, blocked.BlockedAt!.Value.AddMinutes(1), ct);
        await db.SaveChangesAsync(ct);

        var week = await AddWeekAsync(municipalityId, organisation, employees, homes, blocked, list, substitute, ct);
        return new DemoAccessSummary(_keys.Count, _keys.Count(k => k.Status == DigitalKeyStatus.Issued), devices, grants,
            week.Events, week.Visits, week.Locks, week.Behind, list.ListVersion);
    }

    /// <summary>An hourly substitute of Omsorgshuset with a login, no unit of her own, booked from tomorrow.</summary>
    private Employee AddSubstitute(Guid municipalityId, DemoOrganisation organisation, Dictionary<string, Employee> byLogin)
    {
        var provider = organisation.Provider(DemoOrganisation.ExternalProvider);
        var login = DemoLogins.All.Single(l => l.UserName == SubstituteLogin);
        var names = login.DisplayName.Split(' ', 2);
        var substitute = new Employee(municipalityId, provider.Id, names[0], names[1], EmploymentType.Hourly, today.AddDays(-60))
        {
            Title = "Timvikarie",
            Phone = random.FictionalMobile(),
        };
        db.Employees.Add(substitute);
        byLogin[SubstituteLogin] = substitute;
        return substitute;
    }

    private void AddKeyFor(Guid municipalityId, Employee employee, bool webApp)
    {
        var employed = employee.IsEmployedOn(today);
        var recent = employee.StartDate > today.AddDays(-10) && employee.EmploymentType == EmploymentType.Permanent;
        DigitalKey key;
        if (webApp)
        {
            // No device key yet: the employee's browser makes one and enrols it at the first "Öppna".
            key = new DigitalKey(municipalityId, NextNumber(), DigitalKeyKind.WebApp, [], KeyStock.AlarmCentre);
        }
        else if (recent && employed)
        {
            // Ordered by the unit manager for a new employee; the alarm centre has not made it ready yet.
            _keys.Add(DigitalKey.Order(municipalityId, NextNumber(), DigitalKeyKind.PhoneApp, NewDeviceKey(), employee.Id, "Karin Wallin"));
            return;
        }
        else key = new DigitalKey(municipalityId, NextNumber(), random.Chance(0.2) ? DigitalKeyKind.KeyFob : DigitalKeyKind.PhoneApp, NewDeviceKey(),
            employee.EmploymentType == EmploymentType.Hourly ? KeyStock.StaffingUnit : KeyStock.AlarmCentre);

        var issuedOn = Later(employee.StartDate, today.AddYears(-2));
        var signer = key.Stock == KeyStock.StaffingUnit ? StaffingSigner : AlarmCentreSigner;
        key.Issue(employee.Id, issuedOn, key.Kind == DigitalKeyKind.KeyFob ? "Personligt låst skåp i personalrummet" : "Bärs i tjänstetelefonen");
        _receipts.Add(Receipt(municipalityId, DigitalKeyReceiptKind.Issue, employee, key, issuedOn, signer, employee.FullName));
        if (!employed && (employee.EndDate < today || employee.LongLeaveFrom <= today))
        {
            // End of employment or a long leave (seed 001): the key comes back to the shelf.
            var back = employee.EndDate is { } end && end < today ? end : employee.LongLeaveFrom!.Value;
            var returnedOn = Later(back, issuedOn);
            key.Return(returnedOn, key.Stock);
            _receipts.Add(Receipt(municipalityId, DigitalKeyReceiptKind.Return, employee, key, returnedOn, employee.FullName, signer));
        }
        _keys.Add(key);
        if (key.Status == DigitalKeyStatus.Issued) _keyOf[employee.Id] = key;
    }

    private void AddStock(Guid municipalityId)
    {
        for (var i = 0; i < 12; i++) _keys.Add(new DigitalKey(municipalityId, NextNumber(), DigitalKeyKind.KeyFob, NewDeviceKey(), KeyStock.AlarmCentre));
        for (var i = 0; i < 8; i++) _keys.Add(new DigitalKey(municipalityId, NextNumber(), DigitalKeyKind.KeyFob, NewDeviceKey(), KeyStock.StaffingUnit));
    }

    /// <summary>One employee of Omsorgshuset Centrum lost her work phone two days ago: blocked at once, a new key issued the same day.</summary>
    private DigitalKey BlockOne(Guid municipalityId, DemoOrganisation organisation, List<Employee> employees, Dictionary<string, Employee> byLogin)
    {
        var centre = organisation.Unit(DemoOrganisation.ExternalCentre).Id;
        var logins = byLogin.Values.Select(e => e.Id).ToHashSet();
        var employee = employees.First(e => e.Units.Any(u => u.UnitId == centre) && !logins.Contains(e.Id) && _keyOf.ContainsKey(e.Id)
                                            && _keyOf[e.Id].Kind == DigitalKeyKind.PhoneApp);
        var lost = _keyOf[employee.Id];
        var blockedAt = SwedishTime.ToUtc(today.AddDays(-2).ToDateTime(new TimeOnly(16, 40)));
        lost.Block("Tjänstetelefonen stulen ur bilen (polisanmäld). Spärrad direkt av enhetschefen.", blockedAt);
        var replacement = new DigitalKey(municipalityId, NextNumber(), DigitalKeyKind.PhoneApp, NewDeviceKey(), KeyStock.AlarmCentre);
        replacement.Issue(employee.Id, today.AddDays(-2), "Bärs i tjänstetelefonen");
        _receipts.Add(Receipt(municipalityId, DigitalKeyReceiptKind.Issue, employee, replacement, today.AddDays(-2), AlarmCentreSigner, employee.FullName));
        _keys.Add(replacement);
        _keyOf[employee.Id] = replacement;
        return lost;
    }

    private int AddTwoFactorDevices(Guid municipalityId, DemoOrganisation organisation)
    {
        var count = 0;
        foreach (var unit in organisation.Units.Where(u => u.Kind != UnitKind.AlarmGroup))
            for (var i = 1; i <= 2; i++, count++)
            {
                var device = new TwoFactorDevice(municipalityId, $"2F-{count + 1:0000}");
                device.PlaceAtUnit(unit.Id, $"Nyckelskåp med kod och loggning, {unit.Name}");
                db.TwoFactorDevices.Add(device);
            }
        for (var i = 0; i < 6; i++, count++) db.TwoFactorDevices.Add(new TwoFactorDevice(municipalityId, $"2F-{count + 1:0000}"));
        return count;
    }

    private int AddGrants(Guid municipalityId, DemoOrganisation organisation, List<Employee> employees, Employee substitute)
    {
        var centre = organisation.Unit(DemoOrganisation.ExternalCentre);
        var north = organisation.Unit(DemoOrganisation.InternalNorth);
        var south = organisation.Unit(DemoOrganisation.InternalSouth);
        var grants = new List<AccessGrant>
        {
            new(municipalityId, substitute.Id, centre.Id, AccessGrantKind.SubstituteBooking, today.AddDays(1), today.AddDays(3),
                "Bokad för sjukfrånvaro på Omsorgshuset Centrum", StaffingSigner),
        };
        var hourly = employees.Where(e => e.EmploymentType == EmploymentType.Hourly && e.IsEmployedOn(today) && _keyOf.ContainsKey(e.Id)
                                          && e.Units.All(u => u.UnitId != south.Id)).Take(2).ToList();
        foreach (var e in hourly)
            grants.Add(new AccessGrant(municipalityId, e.Id, south.Id, AccessGrantKind.SubstituteBooking, today, today.AddDays(2),
                "Vikariebokning, semesterperiod", StaffingSigner));
        var permanent = employees.Where(e => e.EmploymentType == EmploymentType.Permanent && e.IsEmployedOn(today) && _keyOf.ContainsKey(e.Id)
                                             && e.Units.Any(u => u.UnitId == north.Id)).Skip(3).Take(2).ToList();
        if (permanent.Count == 2)
        {
            grants.Add(new AccessGrant(municipalityId, permanent[0].Id, south.Id, AccessGrantKind.AddUnit, today.AddDays(-3), today.AddDays(11),
                "Stöttar Söderäng under omorganisationen", "Enhetschef Norrby"));
            grants.Add(new AccessGrant(municipalityId, permanent[1].Id, north.Id, AccessGrantKind.RestrictUnit, today.AddDays(-1), today.AddDays(13),
                "Arbetar tillfälligt bara med planering", "Enhetschef Norrby"));
        }
        db.AccessGrants.AddRange(grants);
        return grants.Count;
    }

    private sealed record WeekCounts(int Events, int Visits, int Locks, int Behind);

    /// <summary>A visit's two openings; the visit is made once they are saved and have their ids.</summary>
    private sealed record Pending(AccessEvent Start, AccessEvent End);

    /// <summary>A week of visits at every mounted lock, with the lock's own gap-free numbering.</summary>
    private async Task<WeekCounts> AddWeekAsync(Guid municipalityId, DemoOrganisation organisation, List<Employee> employees, List<DemoHome> homes,
        DigitalKey blocked, RevocationListRecord list, Employee substitute, CancellationToken ct)
    {
        var locks = await db.Devices.AsNoTracking()
            .Where(d => d.MunicipalityId == municipalityId && d.Kind == DeviceKind.LockUnit && d.HouseholdId != null
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => new { d.Id, HouseholdId = d.HouseholdId!.Value, d.InstalledOn })
            .OrderBy(d => d.Id).ToListAsync(ct);
        var homeOf = homes.ToDictionary(h => h.Household.Id);
        var staffOf = employees.Where(e => _keyOf.ContainsKey(e.Id))
            .SelectMany(e => e.Units.Select(u => (u.UnitId, Employee: e))).ToLookup(x => x.UnitId, x => x.Employee);
        var events = new List<AccessEvent>();
        var visits = new List<Pending>();
        var syncs = new List<LockSync>();
        var behind = 0;
        foreach (var door in locks)
        {
            var home = homeOf[door.HouseholdId];
            var service = home.Active.Where(s => s.Kind is CareServiceKind.HomeCare or CareServiceKind.HomeHealthCare).OrderBy(s => s.Kind).FirstOrDefault();
            var sync = new LockSync(municipalityId, door.Id);
            syncs.Add(sync);
            if (service is null) { behind++; continue; }
            var staff = staffOf[service.UnitId].Where(e => e.IsEmployedOn(today)).ToList();
            if (staff.Count == 0) { behind++; continue; }
            var sequence = 0L;
            for (var day = today.AddDays(-7); day < today; day = day.AddDays(1))
            {
                if (door.InstalledOn > day) continue;
                foreach (var minute in VisitTimes())
                {
                    var employee = random.Pick(staff);
                    var arrival = SwedishTime.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute))));
                    // Before the theft the employee opened with the key that was then blocked.
                    var key = employee.Id == blocked.EmployeeId && arrival < blocked.BlockedAt ? blocked : _keyOf[employee.Id];
                    var leaving = arrival.AddMinutes(random.Between(8, 45));
                    var credentialId = Guid.NewGuid();
                    events.Add(Issued(municipalityId, arrival.AddMinutes(-random.Between(1, 90)), employee, key, door.Id, home, service, credentialId));
                    if (sync.RevocationListVersion < list.ListVersion && arrival > list.IssuedAt)
                    {
                        // The phone brings the newest list with it; the lock takes it before the opening.
                        events.Add(LockLine(municipalityId, AccessEventKind.RevocationListApplied, AccessOutcome.Reported, arrival.AddSeconds(-20),
                            door.Id, home, ++sequence, null, null, $"Spärrlista version {list.ListVersion} inläst."));
                        sync.RevocationListVersion = list.ListVersion;
                        sync.RevocationListAppliedAt = arrival.AddSeconds(-20);
                    }
                    if (random.Chance(0.01))
                        events.Add(LockLine(municipalityId, AccessEventKind.Refused, AccessOutcome.Denied, arrival.AddSeconds(-40), door.Id, home, ++sequence,
                            employee, service, RefusalReasonTexts.Swedish(RefusalReason.ChallengeExpired), nameof(RefusalReason.ChallengeExpired), credentialId, key));
                    var start = LockLine(municipalityId, AccessEventKind.Opened, AccessOutcome.Allowed, arrival, door.Id, home, ++sequence, employee, service,
                        null, null, credentialId, key);
                    var end = LockLine(municipalityId, AccessEventKind.Opened, AccessOutcome.Allowed, leaving, door.Id, home, ++sequence, employee, service,
                        null, null, credentialId, key);
                    events.Add(start);
                    events.Add(end);
                    visits.Add(new Pending(start, end));
                }
            }
            sync.HighestSequence = sequence;
            sync.LastHeardAt = sequence > 0 ? events[^1].OccurredAt.AddMinutes(random.Between(1, 30)) : null;
            if (sync.RevocationListVersion < list.ListVersion) behind++;
        }
        AddOddities(municipalityId, organisation, employees, homes, locks.Select(l => (l.Id, l.HouseholdId)).ToList(), substitute, events, syncs);

        db.AccessEvents.AddRange(events);
        db.LockSyncs.AddRange(syncs);
        await db.SaveChangesAsync(ct);
        var made = visits.Select(p =>
        {
            var visit = new Visit(municipalityId, p.Start.ClientId!.Value, p.Start.EmployeeId!.Value, p.Start.UnitId, VisitSource.Lock, p.Start.OccurredAt, p.Start.Id);
            visit.End(p.End.OccurredAt, p.End.Id);
            return visit;
        }).ToList();
        db.Visits.AddRange(made);
        await db.SaveChangesAsync(ct);
        return new WeekCounts(events.Count, made.Count, syncs.Count(s => s.HighestSequence > 0), behind);
    }

    /// <summary>One or two visits a day, at a morning and an evening round, to the minute (Swedish time).</summary>
    private IEnumerable<int> VisitTimes()
    {
        yield return random.Between(7 * 60, 11 * 60);
        if (random.Chance(0.5)) yield return random.Between(16 * 60, 21 * 60);
    }

    /// <summary>The break-glass to review and the substitute's refused request.</summary>
    private void AddOddities(Guid municipalityId, DemoOrganisation organisation, List<Employee> employees, List<DemoHome> homes,
        List<(Guid Id, Guid HouseholdId)> locks, Employee substitute, List<AccessEvent> events, List<LockSync> syncs)
    {
        var centre = organisation.Unit(DemoOrganisation.ExternalCentre).Id;
        var homeOf = homes.ToDictionary(h => h.Household.Id);
        var centreDoor = locks.First(l => homeOf[l.HouseholdId].Active.Any(s => s.UnitId == centre && s.Kind == CareServiceKind.HomeCare));
        var home = homeOf[centreDoor.HouseholdId];
        var client = home.Active.First(s => s.UnitId == centre).ClientId;

        // Yesterday the substitute tried this door without a booking.
        var yesterdayNoon = SwedishTime.ToUtc(today.AddDays(-1).ToDateTime(new TimeOnly(12, 5)));
        events.Add(new AccessEvent(municipalityId, AccessEventKind.CredentialRefused, AccessOutcome.Denied, yesterdayNoon, yesterdayNoon)
        {
            EmployeeId = substitute.Id, LockId = centreDoor.Id, ClientId = client, HouseholdId = centreDoor.HouseholdId,
            DigitalKeyId = _keyOf.GetValueOrDefault(substitute.Id)?.Id, ReasonCode = nameof(PermissionDenial.SubstituteNotBooked),
            Detail = PermissionDecision.SwedishName(PermissionDenial.SubstituteNotBooked), RecordedBy = substitute.FullName,
        });

        // Late last night a night-patrol nurse used break-glass at a client of another unit.
        var patrol = employees.First(e => e.IsEmployedOn(today) && _keyOf.ContainsKey(e.Id) && e.Units.All(u => u.UnitId != centre)
                                          && e.EmploymentType == EmploymentType.Permanent);
        var key = _keyOf[patrol.Id];
        var at = SwedishTime.ToUtc(today.AddDays(-1).ToDateTime(new TimeOnly(23, 14)));
        var credentialId = Guid.NewGuid();
        const string reason = "Trygghetslarm utan svar, hemtjänsten nåddes inte. Brukaren låg på golvet i hallen.";
        db.BreakGlasses.Add(new BreakGlass(municipalityId, patrol.Id, centreDoor.Id, client, patrol.Units.First().UnitId, reason, at,
            at.AddMinutes(30), credentialId, patrol.FullName));
        events.Add(new AccessEvent(municipalityId, AccessEventKind.BreakGlass, AccessOutcome.Allowed, at, at)
        {
            EmployeeId = patrol.Id, DigitalKeyId = key.Id, LockId = centreDoor.Id, ClientId = client, HouseholdId = centreDoor.HouseholdId,
            UnitId = patrol.Units.First().UnitId, CredentialId = credentialId, CredentialKind = AccessCredentialKind.BreakGlass,
            ValidUntil = at.AddMinutes(30), ReasonCode = "break-glass", Detail = reason, RecordedBy = patrol.FullName,
        });
        var sync = syncs.Single(s => s.LockId == centreDoor.Id);
        events.Add(new AccessEvent(municipalityId, AccessEventKind.Opened, AccessOutcome.Allowed, at.AddMinutes(2), at.AddMinutes(40))
        {
            EmployeeId = patrol.Id, DigitalKeyId = key.Id, LockId = centreDoor.Id, ClientId = client, HouseholdId = centreDoor.HouseholdId,
            UnitId = patrol.Units.First().UnitId, CredentialId = credentialId, CredentialKind = AccessCredentialKind.BreakGlass,
            LockSequence = ++sync.HighestSequence, Detail = "Öppnad med nödöppning.",
        });
    }

    /// <summary>The server's line for the credential the phone fetched before the visit (valid one shift).</summary>
    private static AccessEvent Issued(Guid municipalityId, DateTime at, Employee employee, DigitalKey key, Guid lockId, DemoHome home,
        CareService service, Guid credentialId) =>
        new(municipalityId, AccessEventKind.CredentialIssued, AccessOutcome.Allowed, at, at)
        {
            EmployeeId = employee.Id, DigitalKeyId = key.Id, LockId = lockId, ClientId = service.ClientId, HouseholdId = home.Household.Id,
            UnitId = service.UnitId, CredentialId = credentialId, CredentialKind = AccessCredentialKind.Normal, ValidUntil = at.AddHours(12),
            RecordedBy = employee.FullName,
        };

    private static AccessEvent LockLine(Guid municipalityId, AccessEventKind kind, AccessOutcome outcome, DateTime at, Guid lockId, DemoHome home,
        long sequence, Employee? employee, CareService? service, string? detail, string? code = null, Guid? credentialId = null, DigitalKey? key = null) =>
        new(municipalityId, kind, outcome, at, at.AddMinutes(15))
        {
            EmployeeId = employee?.Id, DigitalKeyId = key?.Id, LockId = lockId, ClientId = service?.ClientId ?? home.Household.Clients.FirstOrDefault()?.Id,
            HouseholdId = home.Household.Id, UnitId = service?.UnitId, CredentialId = credentialId,
            CredentialKind = credentialId is null ? null : AccessCredentialKind.Normal, LockSequence = sequence, ReasonCode = code, Detail = detail,
        };

    private DigitalKeyReceipt Receipt(Guid municipalityId, DigitalKeyReceiptKind kind, Employee employee, DigitalKey key, DateOnly on, string giver,
        string receiver) =>
        new(municipalityId, kind, employee.Id, key.Id, null, key.KeyNumber,
            new KeyReceipt.Parties(on, giver, receiver, SignedByGiver: true, SignedByReceiver: true, Note: null), "Demo");

    private string NextNumber() => $"DN-{++_keyNumber:0000}";

    private static byte[] NewDeviceKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return P256.ExportPublicKey(key);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
