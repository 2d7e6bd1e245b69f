using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// The access-log report (SPEC §7, seed 001: a unit manager asks, the alarm centre's support hands it
/// out): every line the caller may see, newest first, filtered by client, employee, lock, a period of
/// Swedish days, kind and outcome. A provider's user sees the lines of its own clients and staff (the
/// query filters). Names are resolved through the same filters, so a line about someone the caller may
/// not see shows no name. The CSV carries names (the report is about people) but never a personnummer,
/// a door code or key material.
/// </summary>
public sealed class ListAccessEvents(NyckelfriDbContext db) : IHandler
{
    public const int MaxExportRows = 10_000;

    public sealed record Query(Guid? ClientId = null, Guid? EmployeeId = null, Guid? LockId = null, string? LockSerial = null,
        DateOnly? From = null, DateOnly? To = null, AccessEventKind? Kind = null, AccessOutcome? Outcome = null,
        string? ClientName = null, string? EmployeeName = null, int? Page = null, int? PageSize = null);

    /// <summary>One line; <see cref="OccurredAt"/> and <see cref="RecordedAt"/> are UTC.</summary>
    public sealed record Item(long Id, DateTime OccurredAt, DateTime RecordedAt, AccessEventKind Kind, AccessOutcome Outcome,
        Guid? EmployeeId, string? EmployeeName, Guid? ClientId, string? ClientName, Guid? LockId, string? LockSerial,
        Guid? UnitId, string? UnitName, string? ReasonCode, string? Detail, string? RecordedBy)
    {
        public string KindName => AccessEvent.SwedishName(Kind);
        public string OutcomeName => AccessEvent.SwedishName(Outcome);
        public string? ReasonText => ReasonName(ReasonCode);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct) =>
        await Rows(await Filtered(query, ct)).ToPageAsync(query.Page, query.PageSize, ct);

    /// <summary>The longest period one export may cover; a longer one is a field error (400).</summary>
    public const int MaxExportDays = 366;

    /// <summary>
    /// The filtered log as CSV lines (semicolon-separated, Swedish local time), header first, at most
    /// <see cref="MaxExportRows"/> lines, read from the database as they are written out (never held whole).
    /// The period is bounded: at most <see cref="MaxExportDays"/> days; without a start it is the
    /// <see cref="MaxExportDays"/> days up to the end (or today). The filters are checked before the first
    /// line, so a bad request is a 400, not a broken file.
    /// </summary>
    public async Task<IAsyncEnumerable<string>> CsvLines(Query query, CancellationToken ct)
    {
        var v = new Validator();
        var to = query.To ?? db.Scope.Today;
        var from = query.From ?? to.AddDays(-(MaxExportDays - 1));
        if (to.DayNumber - from.DayNumber >= MaxExportDays)
            v.Add(nameof(Query.To), $"En export får omfatta högst {MaxExportDays} dagar. Välj en kortare period.");
        v.ThrowIfInvalid();
        var rows = Rows(await Filtered(query with { From = from, To = to }, ct)).Take(MaxExportRows).AsAsyncEnumerable();
        return Lines(rows, ct);
    }

    private static async IAsyncEnumerable<string> Lines(IAsyncEnumerable<Item> rows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        yield return "Tid;Händelse;Resultat;Medarbetare;Brukare;Lås;Enhet;Orsak;Detalj;Registrerad av\r\n";
        await foreach (var i in rows.WithCancellation(ct))
            yield return CsvText.Line([SwedishTime.ToLocal(i.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                i.KindName, i.OutcomeName, i.EmployeeName, i.ClientName, i.LockSerial, i.UnitName, i.ReasonText, i.Detail, i.RecordedBy]);
    }

    /// <summary>A stored reason code in Swedish: a lock's refusal, a permission denial, or the code itself.</summary>
    public static string? ReasonName(string? code) => code switch
    {
        null or "" => null,
        _ when int.TryParse(code, out _) => code,
        _ when Enum.TryParse<RefusalReason>(code, out var refusal) => RefusalReasonTexts.Swedish(refusal),
        _ when Enum.TryParse<PermissionDenial>(code, out var denial) => PermissionDecision.SwedishName(denial),
        _ => code,
    };

    private async Task<IQueryable<AccessEvent>> Filtered(Query query, CancellationToken ct)
    {
        var v = new Validator();
        var period = SwedishPeriod.Of(v, query.From, query.To);
        if (query.Kind is { } kind && !Enum.IsDefined(kind)) v.Add(nameof(Query.Kind), "Händelse har ett okänt värde.");
        if (query.Outcome is { } outcome && !Enum.IsDefined(outcome)) v.Add(nameof(Query.Outcome), "Resultat har ett okänt värde.");
        var serial = v.Optional(nameof(Query.LockSerial), query.LockSerial, "Lås (serienummer)", 100);
        v.ThrowIfInvalid();

        var events = db.AccessEvents.AsNoTracking();
        if (query.ClientId is { } client) events = events.Where(e => e.ClientId == client);
        if (query.EmployeeId is { } employee) events = events.Where(e => e.EmployeeId == employee);
        if (query.LockId is { } lockId) events = events.Where(e => e.LockId == lockId);
        if (serial is not null)
        {
            // Serial numbers are stored upper-case (DeviceNumbers), so any typed case finds the lock.
            var upper = serial.ToUpperInvariant();
            var locks = await db.Devices.Where(d => d.SerialNumber == upper).Select(d => d.Id).ToListAsync(ct);
            events = events.Where(e => e.LockId != null && locks.Contains(e.LockId.Value));
        }
        foreach (var term in SearchText.Terms(query.ClientName))
            events = events.Where(e => db.Clients.Any(c => c.Id == e.ClientId && c.SearchName.Contains(term)));
        foreach (var term in SearchText.Terms(query.EmployeeName))
            events = events.Where(e => db.Employees.Any(x => x.Id == e.EmployeeId && x.SearchName.Contains(term)));
        if (period.FromUtc is { } from) events = events.Where(e => e.OccurredAt >= from);
        if (period.ToUtcExclusive is { } to) events = events.Where(e => e.OccurredAt < to);
        if (query.Kind is { } k) events = events.Where(e => e.Kind == k);
        if (query.Outcome is { } o) events = events.Where(e => e.Outcome == o);
        return events;
    }

    // No IgnoreQueryFilters in here: it would switch off every filter of the query, the caller's scoping with them.
    private IQueryable<Item> Rows(IQueryable<AccessEvent> events) =>
        events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new Item(e.Id, e.OccurredAt, e.RecordedAt, e.Kind, e.Outcome,
                e.EmployeeId, db.Employees.Where(x => x.Id == e.EmployeeId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
                e.ClientId, db.Clients.Where(c => c.Id == e.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                e.LockId, db.Devices.Where(d => d.Id == e.LockId).Select(d => d.SerialNumber).FirstOrDefault(),
                e.UnitId, db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).FirstOrDefault(),
                e.ReasonCode, e.Detail, e.RecordedBy));
}
