using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Visits;

/// <summary>
/// Pairs newly saved access-log lines into visits (<see cref="VisitPairingRule"/>) and, for each visit
/// that ends, queues its webhook delivery in the same save when the municipality has a webhook.
/// Called right after the events are saved (they have their ids then): by the lock-event upload and
/// by an NFC scan. Idempotent: a line already used as a visit's start or end does nothing again. Two
/// uploads pairing at once cannot both start a visit from one line (the unique start-event index) nor
/// both end one visit (its end is a concurrency token): the loser forgets its work, reloads and pairs once more.
/// </summary>
public sealed class VisitPairing(NyckelfriDbContext db) : IHandler
{
    public async Task PairAsync(IReadOnlyList<AccessEvent> savedEvents, CancellationToken ct)
    {
        var registrations = savedEvents.Select(VisitRegistration.From).OfType<VisitRegistration>().ToList();
        if (registrations.Count == 0) return;
        if (registrations.Any(r => r.EventId <= 0)) throw new InvalidOperationException("Pair events after they are saved: they need their ids.");
        try
        {
            await PairOnceAsync(registrations, ct);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or RuleViolationException { Code: "duplicate" })
        {
            Forget();
            await PairOnceAsync(registrations, ct);
        }
    }

    private async Task PairOnceAsync(List<VisitRegistration> registrations, CancellationToken ct)
    {
        var ids = registrations.Select(r => r.EventId).ToList();
        // Pairing is the system's bookkeeping, not a read by the caller: the caller's scope must not hide
        // a visit (another provider's employee at a shared client) and so start a second one.
        var used = await db.Visits.WithoutScopeFilter()
            .Where(v => ids.Contains(v.StartEventId) || (v.EndEventId != null && ids.Contains(v.EndEventId.Value)))
            .Select(v => new { v.StartEventId, v.EndEventId })
            .ToListAsync(ct);
        var usedIds = used.Select(u => u.StartEventId).Concat(used.Where(u => u.EndEventId != null).Select(u => u.EndEventId!.Value)).ToHashSet();
        var fresh = registrations.Where(r => !usedIds.Contains(r.EventId)).ToList();
        if (fresh.Count == 0) return;

        var open = new List<Visit>();
        foreach (var pair in fresh.GroupBy(r => (r.MunicipalityId, r.ClientId, r.EmployeeId)))
        {
            var (municipality, client, employee) = pair.Key;
            var earliest = pair.Min(r => r.At) - Visit.MaxLength;
            var latest = pair.Max(r => r.At);
            open.AddRange(await db.Visits.WithoutScopeFilter()
                .Where(v => v.MunicipalityId == municipality && v.ClientId == client && v.EmployeeId == employee
                            && v.EndedAt == null && v.StartedAt >= earliest && v.StartedAt <= latest)
                .ToListAsync(ct));
        }

        var result = VisitPairingRule.Pair(open, fresh);
        db.Visits.AddRange(result.Started);
        await EnqueueWebhooksAsync(result.Ended, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A finished visit goes to the municipality's webhook, if it has one; the dispatcher posts it.</summary>
    private async Task EnqueueWebhooksAsync(IReadOnlyList<Visit> ended, CancellationToken ct)
    {
        foreach (var municipality in ended.GroupBy(v => v.MunicipalityId))
        {
            var url = await db.Municipalities.WithoutScopeFilter().Where(m => m.Id == municipality.Key)
                .Select(m => m.VisitWebhookUrl).FirstOrDefaultAsync(ct);
            if (string.IsNullOrEmpty(url)) continue;
            var now = db.Clock.UtcNow();
            foreach (var visit in municipality)
                db.WebhookDeliveries.Add(new WebhookDelivery(municipality.Key, visit.Id, VisitWebhookPayload.Json(visit), now));
        }
    }

    /// <summary>Drops this attempt's visits and deliveries from the context, so the next attempt reads what the other upload saved.</summary>
    private void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Visit or WebhookDelivery).ToList())
            entry.State = EntityState.Detached;
    }
}
