using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.LockProtocol;
using Nyckelfri.Notifications;

namespace Nyckelfri.Access;

/// <summary>What an upload did: stored, already had, and the sequence numbers still missing above the last upload.</summary>
public sealed record UploadResult(int Stored, int Duplicates, long HighestSequence, long MissingEvents, IReadOnlyList<SequenceRange> NewGaps,
    IReadOnlyList<AccessEvent> Saved);

/// <summary>
/// Stores a batch of one lock's events (SPEC §6: "events reach the server in batches when the app or a
/// gateway syncs; uploads are idempotent"). A lock's events are unique by sequence number in the
/// database, so a re-upload stores nothing twice; two uploads of overlapping batches at once both try,
/// one save fails on the unique index or the lock's sync row, and that one reloads and stores only what
/// is still missing. A sequence gap above the last upload is logged and the system administrator told.
/// The stored openings are then paired into visits (<see cref="Visits.VisitPairing"/>).
/// </summary>
public sealed class UploadLockEvents(NyckelfriDbContext db, Visits.VisitPairing pairing) : IHandler
{
    public const int MaxBatch = 1000;
    private const int Attempts = 8;

    public sealed class Command
    {
        public Guid? LockId { get; set; }
        public List<EventLine>? Events { get; set; }
    }

    public sealed class EventLine
    {
        public long Sequence { get; set; }
        public DateTimeOffset? OccurredAt { get; set; }
        public LockEventKind? Kind { get; set; }
        public RefusalReason? Reason { get; set; }
        public Guid? CredentialId { get; set; }
        public Guid? EmployeeId { get; set; }
        public CredentialKind? CredentialKind { get; set; }
        public long? RevocationListVersion { get; set; }
        public int? BatteryPercent { get; set; }

        public static EventLine From(LockEvent e) => new()
        {
            Sequence = e.Sequence, OccurredAt = e.OccurredAt, Kind = e.Kind, Reason = e.Reason, CredentialId = e.CredentialId,
            EmployeeId = e.EmployeeId, CredentialKind = e.CredentialKind, RevocationListVersion = e.RevocationListVersion,
            BatteryPercent = e.BatteryPercent,
        };
    }

    public async Task<UploadResult> Handle(Command command, CancellationToken ct)
    {
        var events = Validate(command);
        var lockId = command.LockId!.Value;
        var municipalityId = db.Scope.MunicipalityId;
        var device = await db.Devices.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == lockId && d.MunicipalityId == municipalityId && (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit))
            .Select(d => new { d.Id, d.SerialNumber, d.HouseholdId, d.EntranceId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");

        var result = await StoreWithRetries(municipalityId, device.Id, device.SerialNumber, device.HouseholdId, events, ct);
        // Openings become visits (arrival, departure) once they have their ids.
        await pairing.PairAsync(result.Saved, ct);
        return result;
    }

    private async Task<UploadResult> StoreWithRetries(Guid municipalityId, Guid lockId, string serial, Guid? householdId, List<EventLine> events,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Store(municipalityId, lockId, serial, householdId, events, ct);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or RuleViolationException { Code: "duplicate" })
            {
                if (attempt >= Attempts) throw;
                // Another upload for this lock saved first: start again from what is stored now.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    private async Task<UploadResult> Store(Guid municipalityId, Guid lockId, string serial, Guid? householdId, List<EventLine> events, CancellationToken ct)
    {
        var lo = events[0].Sequence;
        var hi = events[^1].Sequence;
        var sync = await db.LockSyncs.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.LockId == lockId, ct);
        var isNew = sync is null;
        sync ??= new LockSync(municipalityId, lockId);
        var windowStart = Math.Min(lo, sync.HighestSequence + 1);
        var stored = await db.AccessEvents.IgnoreQueryFilters()
            .Where(e => e.LockId == lockId && e.LockSequence >= windowStart && e.LockSequence <= hi)
            .Select(e => e.LockSequence!.Value).ToListAsync(ct);
        var tracker = new SequenceTracker(stored, windowStart);
        var batch = tracker.Record(events.Select(e => e.Sequence));
        var fresh = batch.New.ToHashSet();
        if (fresh.Count == 0)
            return new UploadResult(0, events.Count, sync.HighestSequence, sync.MissingEvents, [], []);

        var now = db.Clock.UtcNow();
        var issued = await IssuesOf(events.Where(e => fresh.Contains(e.Sequence) && e.CredentialId is not null).Select(e => e.CredentialId!.Value), ct);
        var householdClient = householdId is null ? null
            : await db.Clients.IgnoreQueryFilters().Where(c => c.HouseholdId == householdId).OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var saved = new List<AccessEvent>();
        foreach (var line in events.Where(e => fresh.Contains(e.Sequence)))
        {
            var access = ToAccessEvent(municipalityId, lockId, householdId, householdClient, line, now, issued);
            db.AccessEvents.Add(access);
            saved.Add(access);
            if (line.Kind == LockEventKind.RevocationListApplied && line.RevocationListVersion > sync.RevocationListVersion)
            {
                sync.RevocationListVersion = line.RevocationListVersion.Value;
                sync.RevocationListAppliedAt = line.OccurredAt!.Value.UtcDateTime;
            }
        }

        var newGaps = batch.Gaps.Where(g => g.Last > sync.HighestSequence)
            .Select(g => g with { First = Math.Max(g.First, sync.HighestSequence + 1) }).ToList();
        // Stored so far = highest − missing (the sync row and the events are saved together), so the
        // count needs no query over the lock's whole history.
        var total = sync.HighestSequence - sync.MissingEvents + fresh.Count;
        sync.HighestSequence = Math.Max(sync.HighestSequence, hi);
        sync.MissingEvents = Math.Max(0, sync.HighestSequence - total);
        sync.LastHeardAt = now;
        sync.Version++;
        if (isNew) db.LockSyncs.Add(sync);
        if (newGaps.Count > 0) ReportGap(municipalityId, lockId, serial, householdId, householdClient, newGaps, now);

        await db.SaveChangesAsync(ct);
        return new UploadResult(fresh.Count, events.Count - fresh.Count, sync.HighestSequence, sync.MissingEvents, newGaps, saved);
    }

    private void ReportGap(Guid municipalityId, Guid lockId, string serial, Guid? householdId, Guid? clientId, List<SequenceRange> gaps, DateTime now)
    {
        var ranges = string.Join(", ", gaps.Select(g => g.ToString()));
        db.AccessEvents.Add(new AccessEvent(municipalityId, AccessEventKind.SequenceGap, AccessOutcome.Reported, now, now)
        {
            LockId = lockId, HouseholdId = householdId, ClientId = clientId, ReasonCode = "sequence-gap",
            Detail = $"Händelse {ranges} saknas från låset ({gaps.Sum(g => g.Count)} st).",
        });
        var reference = new WorkOrderReference(serial, "Låshändelser", $"nummer {ranges} saknas", null, $"/Utrustning/{lockId}");
        NotificationOutbox.Enqueue(db, NotificationTemplate.LockEventsMissing, reference, Roles.SystemAdministrator, null);
    }

    private sealed record Issue(Guid? EmployeeId, Guid? DigitalKeyId, Guid? ClientId, Guid? UnitId);

    /// <summary>The server's own issue lines for these credentials: who, which key, which client and unit.</summary>
    private async Task<Dictionary<Guid, Issue>> IssuesOf(IEnumerable<Guid> credentialIds, CancellationToken ct)
    {
        var ids = credentialIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.AccessEvents.IgnoreQueryFilters()
            .Where(e => e.CredentialId != null && ids.Contains(e.CredentialId.Value)
                        && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
            .Select(e => new { e.CredentialId, e.EmployeeId, e.DigitalKeyId, e.ClientId, e.UnitId })
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.CredentialId).ToDictionary(r => r.CredentialId!.Value, r => new Issue(r.EmployeeId, r.DigitalKeyId, r.ClientId, r.UnitId));
    }

    private static AccessEvent ToAccessEvent(Guid municipalityId, Guid lockId, Guid? householdId, Guid? householdClient, EventLine line, DateTime now,
        Dictionary<Guid, Issue> issued)
    {
        var issue = line.CredentialId is { } id && issued.TryGetValue(id, out var found) ? found : null;
        var (kind, outcome, code, detail) = line.Kind switch
        {
            LockEventKind.Opened => (AccessEventKind.Opened, AccessOutcome.Allowed, (string?)null,
                line.CredentialKind == LockProtocol.CredentialKind.BreakGlass ? "Öppnad med nödöppning." : (string?)null),
            LockEventKind.Refused => (AccessEventKind.Refused, AccessOutcome.Denied, line.Reason?.ToString(),
                RefusalReasonTexts.Swedish(line.Reason ?? RefusalReason.Malformed)),
            LockEventKind.RevocationListApplied => (AccessEventKind.RevocationListApplied, AccessOutcome.Reported, null,
                $"Spärrlista version {line.RevocationListVersion} inläst."),
            LockEventKind.RevocationListRefused => (AccessEventKind.LockNotice, AccessOutcome.Reported, "revocation-list-refused",
                $"Låset nekade en spärrlista: {RefusalReasonTexts.Swedish(line.Reason ?? RefusalReason.Malformed)}"),
            LockEventKind.BatteryLow => (AccessEventKind.LockNotice, AccessOutcome.Reported, "battery-low",
                $"Lågt batteri ({line.BatteryPercent?.ToString(CultureInfo.InvariantCulture) ?? "?"} %)."),
            LockEventKind.BatteryReplaced => (AccessEventKind.LockNotice, AccessOutcome.Reported, "battery-replaced", "Batteriet bytt."),
            _ => (AccessEventKind.LockNotice, AccessOutcome.Reported, line.Kind?.ToString(), null),
        };
        return new AccessEvent(municipalityId, kind, outcome, line.OccurredAt!.Value.UtcDateTime, now)
        {
            LockId = lockId, LockSequence = line.Sequence, HouseholdId = householdId,
            EmployeeId = issue?.EmployeeId ?? line.EmployeeId, DigitalKeyId = issue?.DigitalKeyId,
            ClientId = issue?.ClientId ?? householdClient, UnitId = issue?.UnitId,
            CredentialId = line.CredentialId, CredentialKind = line.CredentialKind?.ToAccessLog(), ReasonCode = code, Detail = detail,
        };
    }

    private List<EventLine> Validate(Command command)
    {
        var v = new Validator();
        if (command.LockId is null || command.LockId == Guid.Empty) v.Add(nameof(Command.LockId), "Ange vilket lås händelserna kommer från.");
        var events = command.Events ?? [];
        if (events.Count == 0) v.Add(nameof(Command.Events), "Skicka minst en händelse.");
        if (events.Count > MaxBatch) v.Add(nameof(Command.Events), $"Högst {MaxBatch} händelser per uppladdning.");
        var earliest = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var latest = db.Clock.GetUtcNow().AddDays(1);
        for (var i = 0; i < events.Count && i < MaxBatch; i++)
        {
            var e = events[i];
            var field = $"Events[{i}]";
            if (e is null) { v.Add(field, "Händelsen saknas."); continue; }
            if (e.Sequence < 1) v.Add($"{field}.Sequence", "Löpnumret ska vara 1 eller högre.");
            if (e.Kind is null || !Enum.IsDefined(e.Kind.Value)) v.Add($"{field}.Kind", "Okänd händelsetyp.");
            if (e.OccurredAt is null) v.Add($"{field}.OccurredAt", "Tidpunkt saknas.");
            else if (e.OccurredAt < earliest || e.OccurredAt > latest) v.Add($"{field}.OccurredAt", "Tidpunkten är orimlig (före 2020 eller mer än ett dygn fram i tiden).");
            if (e.Kind == LockEventKind.Refused && (e.Reason is null || !Enum.IsDefined(e.Reason.Value))) v.Add($"{field}.Reason", "En nekad öppning måste ha en orsak.");
            if (e.Kind == LockEventKind.RevocationListApplied && e.RevocationListVersion is null or < 1)
                v.Add($"{field}.RevocationListVersion", "Spärrlistans version saknas.");
            if (e.BatteryPercent is < 0 or > 100) v.Add($"{field}.BatteryPercent", "Batterinivån ska vara 0–100 %.");
        }
        if (events.Where(e => e is not null).GroupBy(e => e.Sequence).Any(g => g.Count() > 1))
            v.Add(nameof(Command.Events), "Samma löpnummer förekommer två gånger i uppladdningen.");
        v.ThrowIfInvalid();
        return events.OrderBy(e => e.Sequence).ToList();
    }
}
