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
/// gateway syncs; uploads are idempotent"), in protocol v2 only as the lock signed it
/// (docs/lock-protocol.md, "Event batch" and "Uploading events"). Before anything is stored: the lock
/// must be in the caller's scope (else 404) and have a registered key; the lock's signature, the chain
/// inside the batch and its links to the events already stored, and the bounds (numbers, times) must
/// hold. A batch that fails is refused whole. An event number stored with other content is a fork: the
/// batch is refused and the system administrator alerted. A lock's events are unique by sequence number
/// in the database, so a re-upload stores nothing twice; two uploads of overlapping batches at once
/// both try, one save fails on the unique index or the lock's sync row, and that one reloads and stores
/// only what is still missing. A sequence gap above the last upload is logged and the system
/// administrator told. Each stored event records who uploaded it. The stored openings are then paired
/// into visits (<see cref="Visits.VisitPairing"/>).
/// </summary>
public sealed class UploadLockEvents(NyckelfriDbContext db, Visits.VisitPairing pairing, LockEventLimits? limits = null) : IHandler
{
    public const int MaxBatch = Protocol.MaxEventsPerBatch;
    private const int Attempts = 8;

    /// <summary>Base64 of a whole batch is at most this long (1,000 events of 93 bytes and the frame).</summary>
    private const int MaxBatchBase64 = ((MaxBatch * 93) + 256) / 3 * 4 + 4;

    private readonly LockEventLimits _limits = limits ?? LockEventLimits.Default;

    public sealed class Command
    {
        public Guid? LockId { get; set; }

        /// <summary>The signed batch (message type 0x05) exactly as the lock handed it over, in base64.</summary>
        public string? Batch { get; set; }
    }

    public async Task<UploadResult> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        if (command.LockId is null || command.LockId == Guid.Empty) v.Add(nameof(Command.LockId), "Ange vilket lås händelserna kommer från.");
        byte[]? bytes = null;
        if (string.IsNullOrWhiteSpace(command.Batch)) v.Add(nameof(Command.Batch), "Skicka låsets signerade händelsebatch (base64).");
        else if (command.Batch.Length > MaxBatchBase64) v.Add(nameof(Command.Batch), $"Högst {MaxBatch} händelser per uppladdning.");
        else
        {
            bytes = new byte[command.Batch.Length];
            if (!Convert.TryFromBase64String(command.Batch, bytes, out var written)) v.Add(nameof(Command.Batch), "Batchen är inte giltig base64.");
            else bytes = bytes[..written];
        }
        v.ThrowIfInvalid();
        return await Handle(command.LockId!.Value, bytes!, ct);
    }

    /// <summary>The signed batch's bytes as the lock handed them over; the lock must be in the caller's scope.</summary>
    public Task<UploadResult> Handle(Guid lockId, ReadOnlyMemory<byte> encoded, CancellationToken ct) => Upload(lockId, encoded, scoped: true, ct);

    /// <summary>
    /// The sync right after "Öppna" (<see cref="OpenDoor"/>): the server itself just issued this caller a
    /// credential for this very lock (the permission was checked there, also for a substitute or a grant
    /// that the query filters do not show her), and read the batch from the lock's platform. Everything
    /// else is checked as for any upload.
    /// </summary>
    internal Task<UploadResult> AfterOpening(Guid lockId, ReadOnlyMemory<byte> encoded, CancellationToken ct) => Upload(lockId, encoded, scoped: false, ct);

    private async Task<UploadResult> Upload(Guid lockId, ReadOnlyMemory<byte> encoded, bool scoped, CancellationToken ct)
    {
        // The caller's scope decides (query filters): a lock the caller cannot see does not exist for her.
        var municipalityId = db.Scope.MunicipalityId;
        var devices = scoped ? db.Devices.AsNoTracking() : db.Devices.WithoutScopeFilter().AsNoTracking().Where(d => d.MunicipalityId == municipalityId);
        var device = await devices
            .Where(d => d.Id == lockId && (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit))
            .Select(d => new LockDevice(d.Id, d.MunicipalityId, d.SerialNumber, d.HouseholdId, d.LockPublicKey))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");
        device = device with { MunicipalityId = municipalityId };

        EventBatch batch;
        try
        {
            batch = Verified(device, encoded.Span);
        }
        catch (LockEventsRefusedException refused) when (refused.Code is not ("batch-malformed" or "unsupported-version"))
        {
            // Bytes that do not even parse as a lock's batch are bad input, not evidence: the caller is told, nothing is kept.
            await RecordRefusal(device, refused, ct);
            throw;
        }

        UploadResult result;
        try
        {
            result = await StoreWithRetries(device, batch, ct);
        }
        catch (LockEventsRefusedException refused) when (!refused.IsFork)
        {
            await RecordRefusal(device, refused, ct);
            throw;
        }
        // Openings become visits (arrival, departure) once they have their ids.
        await pairing.PairAsync(result.Saved, ct);
        return result;
    }

    /// <summary>The batch decoded, signed by the lock's registered key, chained within itself, and with believable times.</summary>
    private EventBatch Verified(LockDevice device, ReadOnlySpan<byte> encoded)
    {
        if (!EventBatch.TryDecode(encoded, out var batch, out var reason))
            throw reason == RefusalReason.UnsupportedVersion
                ? new LockEventsRefusedException("unsupported-version", $"Batchen är inte i protokollversion {Protocol.Version}.")
                : new LockEventsRefusedException("batch-malformed", "Batchen kunde inte läsas som en händelsebatch från ett lås.");
        if (device.PublicKey is null || !P256.TryImportPublicKey(device.PublicKey, out var lockKey))
            throw new LockEventsRefusedException("lock-key-missing",
                "Låset har ingen registrerad publik nyckel, så dess händelser kan inte kontrolleras. Registrera nyckeln när låset monteras.");
        using (lockKey)
        {
            var check = batch.Check(device.Id, lockKey);
            if (!check.IsValid) throw Refused(check);
        }
        CheckTimes(batch);
        return batch;
    }

    /// <summary>How long one uploader's refusals of one kind at one lock make one line, so a hostile uploader cannot flood the log.</summary>
    public static readonly TimeSpan RefusalLineWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// A refused batch stores nothing of its events, but the refusal itself is a line in the access log
    /// (a "Låshändelse" naming the reason and the uploader): a forged or damaged upload is evidence, and
    /// the sync after "Öppna" has no one to tell it to. One line per uploader, reason and lock per
    /// <see cref="RefusalLineWindow"/>. A fork has made its own line and alert already.
    /// </summary>
    private async Task RecordRefusal(LockDevice device, LockEventsRefusedException refused, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = db.Clock.UtcNow();
        var uploader = db.Scope.UserName;
        var reasonCode = "events-refused-" + refused.Code;
        var since = now - RefusalLineWindow;
        var recent = await db.AccessEvents.WithoutScopeFilter()
            .AnyAsync(e => e.LockId == device.Id && e.Kind == AccessEventKind.LockNotice && e.ReasonCode == reasonCode
                           && e.RecordedBy == uploader && e.RecordedAt >= since, ct);
        if (recent) return;
        db.AccessEvents.Add(new AccessEvent(device.MunicipalityId, AccessEventKind.LockNotice, AccessOutcome.Denied, now, now)
        {
            LockId = device.Id, HouseholdId = device.HouseholdId, ReasonCode = reasonCode, RecordedBy = uploader,
            Detail = "En uppladdning av låsets händelser nekades och inget av den sparades: " + refused.Message,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private sealed record LockDevice(Guid Id, Guid MunicipalityId, string SerialNumber, Guid? HouseholdId, byte[]? PublicKey);

    private static LockEventsRefusedException Refused(EventBatchCheck check)
    {
        var at = check.Sequence is { } s ? $" (händelse {s})" : "";
        var message = check.Fault switch
        {
            EventBatchFault.WrongLock => "Batchen kommer från ett annat lås.",
            EventBatchFault.SignatureInvalid => "Låsets underskrift stämmer inte: batchen är inte signerad med låsets registrerade nyckel.",
            EventBatchFault.ChainStartInvalid => "Låsets första händelse börjar inte kedjan från början.",
            EventBatchFault.OutOfOrder => $"Händelserna ligger inte i låsets ordning{at}.",
            EventBatchFault.Missing => $"En händelse saknas i batchen{at}.",
            _ => $"En händelse är ändrad eller inskjuten{at}.",
        };
        return new LockEventsRefusedException(EventBatchFaults.Code(check.Fault), message, check.Sequence);
    }

    private void CheckTimes(EventBatch batch)
    {
        var latest = db.Clock.GetUtcNow() + _limits.MaxFuture;
        foreach (var chained in batch.Events)
        {
            var e = chained.Event;
            if (e.OccurredAt > latest)
                throw new LockEventsRefusedException("event-in-future",
                    $"Händelse {e.Sequence} ligger mer än {_limits.MaxFuture.TotalMinutes:0} minuter fram i tiden: låsets klocka går fel.", e.Sequence);
            if (e.OccurredAt < LockEventLimits.Earliest)
                throw new LockEventsRefusedException("event-too-old", $"Händelse {e.Sequence} har en orimlig tidpunkt (före 2020).", e.Sequence);
        }
    }

    private async Task<UploadResult> StoreWithRetries(LockDevice device, EventBatch batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Store(device, batch, ct);
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

    private sealed record StoredLink(long Sequence, byte[]? Hash, byte[]? PreviousHash);

    private async Task<UploadResult> Store(LockDevice device, EventBatch batch, CancellationToken ct)
    {
        var (municipalityId, lockId) = (device.MunicipalityId, device.Id);
        var lo = batch.FirstSequence;
        var hi = batch.LastSequence;
        var sync = await db.LockSyncs.WithoutScopeFilter().FirstOrDefaultAsync(s => s.LockId == lockId, ct);
        var isNew = sync is null;
        sync ??= new LockSync(municipalityId, lockId);
        if (hi - sync.HighestSequence > _limits.MaxSequenceJump)
            throw new LockEventsRefusedException("sequence-jump-too-large",
                $"Händelse {hi} ligger mer än {_limits.MaxSequenceJump} nummer över den högsta som finns ({sync.HighestSequence}).", hi);

        var windowStart = Math.Min(lo, sync.HighestSequence + 1);
        // One before and one after the batch too: the stored neighbours its links must meet.
        var (from, to) = (Math.Min(windowStart, lo - 1), hi == long.MaxValue ? hi : hi + 1);
        var stored = await db.AccessEvents.WithoutScopeFilter()
            .Where(e => e.LockId == lockId && e.LockSequence >= from && e.LockSequence <= to)
            .Select(e => new StoredLink(e.LockSequence!.Value, e.LockEventHash, e.LockEventPreviousHash)).ToListAsync(ct);
        await RefuseForks(device, batch, stored, ct);

        var tracker = new SequenceTracker(stored.Where(s => s.Sequence >= windowStart && s.Sequence <= hi).Select(s => s.Sequence), windowStart);
        var result = tracker.Record(batch.Events.Select(e => e.Event.Sequence));
        var fresh = result.New.ToHashSet();
        if (fresh.Count == 0)
            return new UploadResult(0, batch.Events.Count, sync.HighestSequence, sync.MissingEvents, [], []);

        var now = db.Clock.UtcNow();
        var freshEvents = batch.Events.Where(e => fresh.Contains(e.Event.Sequence)).ToList();
        var issued = await IssuesOf(freshEvents.Where(e => e.Event.CredentialId is not null).Select(e => e.Event.CredentialId!.Value), ct);
        var householdClient = device.HouseholdId is null ? null
            : await db.Clients.WithoutScopeFilter().Where(c => c.HouseholdId == device.HouseholdId).OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var saved = new List<AccessEvent>();
        var uploader = db.Scope.UserName;
        foreach (var chained in freshEvents)
        {
            var line = chained.Event;
            var access = LockEventLines.ToAccessEvent(municipalityId, device.HouseholdId, householdClient, chained, now, issued, uploader);
            db.AccessEvents.Add(access);
            saved.Add(access);
            if (line.Kind == LockEventKind.RevocationListApplied && line.RevocationListVersion > sync.RevocationListVersion)
            {
                sync.RevocationListVersion = line.RevocationListVersion.Value;
                sync.RevocationListAppliedAt = line.OccurredAt.UtcDateTime;
            }
        }

        var newGaps = result.Gaps.Where(g => g.Last > sync.HighestSequence)
            .Select(g => g with { First = Math.Max(g.First, sync.HighestSequence + 1) }).ToList();
        // Stored so far = highest − missing (the sync row and the events are saved together), so the
        // count needs no query over the lock's whole history.
        var total = sync.HighestSequence - sync.MissingEvents + fresh.Count;
        sync.HighestSequence = Math.Max(sync.HighestSequence, hi);
        sync.MissingEvents = Math.Max(0, sync.HighestSequence - total);
        sync.LastHeardAt = now;
        sync.Version++;
        if (isNew) db.LockSyncs.Add(sync);
        if (newGaps.Count > 0) ReportGap(municipalityId, lockId, device.SerialNumber, device.HouseholdId, householdClient, newGaps, now);

        await db.SaveChangesAsync(ct);
        return new UploadResult(fresh.Count, batch.Events.Count - fresh.Count, sync.HighestSequence, sync.MissingEvents, newGaps, saved);
    }

    /// <summary>
    /// The batch is signed by the lock, so content that differs from what is stored under the same
    /// number (or a link that does not meet the stored neighbour) means the lock's key signed two
    /// histories: refuse, log it and alert the system administrator. Rows stored without a hash
    /// (history from before protocol v2, such as the demo's seeded week) cannot be compared.
    /// </summary>
    private async Task RefuseForks(LockDevice device, EventBatch batch, List<StoredLink> stored, CancellationToken ct)
    {
        var bySequence = stored.ToDictionary(s => s.Sequence);
        long? fork = null;
        if (bySequence.TryGetValue(batch.FirstSequence - 1, out var before) && before.Hash is { } beforeHash
            && !beforeHash.AsSpan().SequenceEqual(batch.Events[0].PreviousHash))
            fork = batch.FirstSequence;
        foreach (var chained in batch.Events)
        {
            if (fork is not null) break;
            if (bySequence.TryGetValue(chained.Event.Sequence, out var same) && same.Hash is { } hash && !hash.AsSpan().SequenceEqual(chained.Hash))
                fork = chained.Event.Sequence;
        }
        if (fork is null && bySequence.TryGetValue(batch.LastSequence + 1, out var after) && after.PreviousHash is { } link
            && !link.AsSpan().SequenceEqual(batch.Events[^1].Hash))
            fork = batch.LastSequence;
        if (fork is null) return;

        db.ChangeTracker.Clear();
        var now = db.Clock.UtcNow();
        db.AccessEvents.Add(new AccessEvent(device.MunicipalityId, AccessEventKind.LockNotice, AccessOutcome.Reported, now, now)
        {
            LockId = device.Id, HouseholdId = device.HouseholdId, ReasonCode = "event-fork", RecordedBy = db.Scope.UserName,
            Detail = $"Låset har signerat två olika versioner av händelse {fork}: batchen nekades. Låsets nyckel kan vara röjd.",
        });
        var reference = new WorkOrderReference(device.SerialNumber, "Låshändelser", $"två olika versioner av nummer {fork}", null, $"/Utrustning/{device.Id}");
        NotificationOutbox.Enqueue(db, NotificationTemplate.LockEventsForked, reference, Roles.SystemAdministrator, null);
        await db.SaveChangesAsync(ct);
        throw new LockEventsRefusedException("event-fork",
            $"Händelse {fork} finns redan med annat innehåll: låset har signerat två historier. Systemförvaltaren har larmats.", fork, isFork: true);
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

    internal sealed record Issue(Guid? EmployeeId, Guid? DigitalKeyId, Guid? ClientId, Guid? UnitId);

    /// <summary>The server's own issue lines for these credentials: who, which key, which client and unit.</summary>
    private async Task<Dictionary<Guid, Issue>> IssuesOf(IEnumerable<Guid> credentialIds, CancellationToken ct)
    {
        var ids = credentialIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.AccessEvents.WithoutScopeFilter()
            .Where(e => e.CredentialId != null && ids.Contains(e.CredentialId.Value)
                        && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
            .Select(e => new { e.CredentialId, e.EmployeeId, e.DigitalKeyId, e.ClientId, e.UnitId })
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.CredentialId).ToDictionary(r => r.CredentialId!.Value, r => new Issue(r.EmployeeId, r.DigitalKeyId, r.ClientId, r.UnitId));
    }
}
