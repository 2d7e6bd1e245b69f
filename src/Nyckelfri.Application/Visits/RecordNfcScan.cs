using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;

namespace Nyckelfri.Visits;

/// <summary>
/// The logged-in employee scanned the NFC tag at a client's home (seed 003 §5): an access-log line,
/// paired into a visit like a door opening. Only where no digital lock is mounted (there the lock
/// registers the visit). The same scan sent twice (a phone retrying) is stored once.
/// </summary>
public sealed class RecordNfcScan(NyckelfriDbContext db, VisitPairing pairing) : IHandler
{
    // A phone's clock may run a little ahead; a phone offline in a basement sends its scans later.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan OldestScan = TimeSpan.FromDays(7);

    public sealed class Command
    {
        public string? TagId { get; set; }

        /// <summary>When the tag was scanned: UTC ("Z"), with an offset, or Swedish local time; now when left out.</summary>
        public DateTime? ScannedAt { get; set; }
    }

    /// <param name="VisitEnded">True when this scan ended a visit, false when it started one (or made none).</param>
    public sealed record Result(long AccessEventId, Guid ClientId, DateTime ScannedAt, Guid? VisitId, bool VisitEnded);

    public async Task<Result> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var tagId = RegisterNfcTag.TagId(v, command.TagId);
        var scannedAt = ScannedAt(v, command.ScannedAt);
        v.ThrowIfInvalid();

        var employee = await Employee(ct);
        var tag = await db.NfcTags.AsNoTracking().Where(t => t.TagId == tagId && t.Active)
            .Select(t => new { t.ClientId, t.Placement }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("NFC-taggen");
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == tag.ClientId)
            .Select(c => new { c.Id, c.MunicipalityId, c.HouseholdId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("NFC-taggen");
        if (await HouseholdLock.IsMountedAsync(db, client.HouseholdId, ct))
            throw new RuleViolationException("nfc-scan-lock-mounted",
                "Brukaren har ett digitalt lås: använd låset, så registreras besöket. NFC-taggen ska tas ned.");

        var line = await db.AccessEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == AccessEventKind.NfcScan
            && e.EmployeeId == employee.Id && e.ClientId == client.Id && e.OccurredAt == scannedAt, ct);
        if (line is null)
        {
            line = new AccessEvent(client.MunicipalityId, AccessEventKind.NfcScan, AccessOutcome.Reported, scannedAt, db.Clock.UtcNow())
            {
                ClientId = client.Id, HouseholdId = client.HouseholdId, EmployeeId = employee.Id,
                UnitId = await ServingUnit(client.Id, employee.Units, ct), RecordedBy = db.Scope.UserName,
                Detail = tag.Placement is null ? "NFC-tagg skannad" : $"NFC-tagg skannad ({tag.Placement})",
            };
            db.AccessEvents.Add(line);
            await db.SaveChangesAsync(ct);
        }
        await pairing.PairAsync([line], ct);

        var eventId = line.Id;
        var visit = await db.Visits.WithoutScopeFilter().AsNoTracking()
            .Where(x => x.StartEventId == eventId || x.EndEventId == eventId)
            .Select(x => new { x.Id, x.EndEventId }).FirstOrDefaultAsync(ct);
        return new Result(eventId, client.Id, scannedAt, visit?.Id, visit?.EndEventId == eventId);
    }

    private sealed record EmployeeRow(Guid Id, List<Guid> Units);

    /// <summary>The caller as an employee: their login must be tied to one (AppUser.EmployeeId, in the scope) that is employed today.</summary>
    private async Task<EmployeeRow> Employee(CancellationToken ct)
    {
        var employeeId = db.Scope.EmployeeId;
        var today = db.Clock.Today();
        var employee = employeeId is not { } id ? null
            : await db.Employees.AsNoTracking().Where(e => e.Id == id).Where(Nyckelfri.Staff.Employee.EmployedOn(today))
                .Select(e => new EmployeeRow(e.Id, e.Units.Select(u => u.UnitId).ToList())).FirstOrDefaultAsync(ct);
        return employee ?? throw new RuleViolationException("nfc-scan-not-employee",
            "Bara medarbetare i tjänst kan registrera besök med NFC-tagg: din inloggning är inte kopplad till någon medarbetare.");
    }

    /// <summary>The employee's unit that serves the client today, if any.</summary>
    private async Task<Guid?> ServingUnit(Guid clientId, List<Guid> units, CancellationToken ct)
    {
        var today = db.Clock.Today();
        return await db.CareServices.AsNoTracking()
            .Where(s => s.ClientId == clientId && units.Contains(s.UnitId) && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .OrderBy(s => s.StartDate).Select(s => (Guid?)s.UnitId).FirstOrDefaultAsync(ct);
    }

    private DateTime ScannedAt(Validator v, DateTime? given)
    {
        var now = WholeSeconds(db.Clock.UtcNow());
        if (given is not { } at) return now;
        if (at.Kind == DateTimeKind.Unspecified && SwedishTime.Zone.IsInvalidTime(at))
        {
            v.Add(nameof(Command.ScannedAt), "Tidpunkten finns inte (klockan ställdes om till sommartid).");
            return now;
        }
        var utc = WholeSeconds(at.Kind switch
        {
            DateTimeKind.Utc => at,
            DateTimeKind.Local => at.ToUniversalTime(),
            _ => TimeZoneInfo.ConvertTimeToUtc(at, SwedishTime.Zone),
        });
        if (utc > now + ClockSkew) v.Add(nameof(Command.ScannedAt), "Tidpunkten kan inte ligga i framtiden.");
        else if (utc < now - OldestScan) v.Add(nameof(Command.ScannedAt), "Skanningen är för gammal: den får vara högst 7 dygn.");
        return utc;
    }

    // Whole seconds: what a phone reports, and what makes a resent scan the same scan on every database.
    private static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
