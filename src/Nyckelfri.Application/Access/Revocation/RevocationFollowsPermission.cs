using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Access.Revocation;

/// <summary>
/// Revocation follows permission (issue 12; docs/revocation.md). After a save that may have taken a
/// permission away (<see cref="PermissionChanges"/>), every credential issued to the employees or for
/// the locks concerned that a lock could still accept is decided again, with the same
/// <see cref="AccessPolicy"/> the issuer used. Each one no longer allowed gets a
/// <see cref="RevokedCredential"/>, and a new signed revocation list naming it is published in the
/// same transaction as the change. The context runs this itself (see
/// <see cref="NyckelfriDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so no page or endpoint
/// has to remember it.
/// </summary>
public sealed class RevocationFollowsPermission(NyckelfriDbContext db, IssuerKeys issuers)
{
    /// <summary>Decides again and adds the revocations and lists to the context (the caller saves). Returns how many were revoked.</summary>
    public async Task<int> FollowAsync(PermissionChanges changes, CancellationToken ct)
    {
        // Before deciding: a concurrent follower's revocations are then committed and seen, never taken twice.
        await RevocationLists.LockPublishingAsync(db, ct);
        var locks = await LocksConcerned(changes, ct);
        var employees = changes.Employees.ToList();
        var now = db.Clock.UtcNow();
        var stillOpen = now - CredentialWindow.LockSkew;
        var candidates = await db.AccessEvents.WithoutScopeFilter().AsNoTracking()
            .Where(e => (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass)
                        && e.CredentialId != null && e.EmployeeId != null && e.LockId != null && e.ValidUntil > stillOpen
                        && ((e.EmployeeId != null && employees.Contains(e.EmployeeId.Value)) || (e.LockId != null && locks.Contains(e.LockId.Value)))
                        && !db.RevokedCredentials.WithoutScopeFilter().Any(r => r.CredentialId == e.CredentialId))
            .Select(e => new Candidate(e.MunicipalityId, e.CredentialId!.Value, e.EmployeeId!.Value, e.LockId!.Value, e.DigitalKeyId,
                e.ValidUntil!.Value, e.Kind))
            .ToListAsync(ct);
        var revoked = 0;
        foreach (var municipality in candidates.GroupBy(c => c.MunicipalityId))
        {
            var taken = await Decide(municipality.Key, [.. municipality], now, ct);
            if (taken.Count == 0) continue;
            db.RevokedCredentials.AddRange(taken);
            var lists = new RevocationLists(db, issuers);
            var list = await lists.PublishAsync(municipality.Key, ct);
            foreach (var r in taken) r.PublishedIn(list.ListVersion);
            revoked += taken.Count;
        }
        return revoked;
    }

    private async Task<List<RevokedCredential>> Decide(Guid municipalityId, List<Candidate> candidates, DateTime now, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var facts = AccessFacts.In(db, municipalityId);
        var employeeIds = candidates.Select(c => c.EmployeeId).Distinct().ToList();
        var employees = await facts.ForEmployeesAsync(employeeIds, today, ct);
        var linked = (await db.Users.AsNoTracking()
                .Where(u => u.MunicipalityId == municipalityId && u.EmployeeId != null && employeeIds.Contains(u.EmployeeId.Value))
                .Select(u => u.EmployeeId!.Value).ToListAsync(ct)).ToHashSet();
        var keyIds = candidates.Where(c => c.DigitalKeyId != null).Select(c => c.DigitalKeyId!.Value).Distinct().ToList();
        var keys = await db.DigitalKeys.WithoutScopeFilter().AsNoTracking().Where(k => keyIds.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, k => (k.EmployeeId, k.Status), ct);
        var lockFacts = new Dictionary<Guid, LockFacts?>();
        foreach (var lockId in candidates.Select(c => c.LockId).Distinct())
            lockFacts[lockId] = await facts.ForLockAsync(lockId, ct);

        var taken = new List<RevokedCredential>();
        foreach (var c in candidates)
        {
            var why = WhyNot(c, employees.GetValueOrDefault(c.EmployeeId), linked.Contains(c.EmployeeId),
                c.DigitalKeyId is { } k && keys.TryGetValue(k, out var held) ? held : null, lockFacts[c.LockId], today);
            if (why is { } reason)
                taken.Add(new RevokedCredential(municipalityId, c.CredentialId, c.EmployeeId, c.LockId, c.DigitalKeyId, c.ValidUntil, now,
                    reason.Code, reason.Text));
        }
        return taken;
    }

    /// <summary>Why the credential may no longer open, or null when everything it depended on still holds.</summary>
    internal static (string Code, string Text)? WhyNot(Candidate c, EmployeeAccessFacts? employee, bool loginLinked,
        (Guid? EmployeeId, DigitalKeyStatus Status)? key, LockFacts? lockFacts, DateOnly today)
    {
        if (employee is null) return ("employee-removed", "Medarbetaren finns inte längre i registret.");
        if (!loginLinked) return ("login-unlinked", "Inloggningen är inte längre kopplad till medarbetaren.");
        if (key is { } held && (held.EmployeeId != c.EmployeeId || held.Status is not (DigitalKeyStatus.Issued or DigitalKeyStatus.Blocked)))
            return ("key-not-held", "Den digitala nyckeln är inte längre utlämnad till medarbetaren.");
        if (lockFacts is null) return ("lock-unmounted", "Låset är inte längre monterat.");
        if (c.Kind == AccessEventKind.BreakGlass)
        {
            // A break-glass stands outside the normal permission; only the employment takes it back.
            var notWorking = AccessPolicy.EmploymentDenial(employee, today);
            return notWorking is { } d ? (d.ToString(), PermissionDecision.SwedishName(d)) : null;
        }
        var decision = AccessPolicy.Decide(employee, lockFacts.Services, today);
        if (!decision.Allowed) return (decision.Denial!.Value.ToString(), decision.Explanation);
        if (decision.LastDay is { } last && c.ValidUntil > CredentialWindow.LatestUntil(last))
            return ("permission-ends-earlier", $"Behörigheten gäller nu bara t.o.m. {last:yyyy-MM-dd}.");
        return null;
    }

    /// <summary>The locks at the households of the clients whose services changed, and at those households' entrances.</summary>
    private async Task<List<Guid>> LocksConcerned(PermissionChanges changes, CancellationToken ct)
    {
        var locks = changes.Locks.ToList();
        var clientIds = changes.Clients.ToList();
        var householdIds = changes.Households.ToList();
        if (clientIds.Count > 0)
            householdIds.AddRange(await db.Clients.WithoutScopeFilter().Where(c => clientIds.Contains(c.Id)).Select(c => c.HouseholdId).ToListAsync(ct));
        if (householdIds.Count == 0) return locks;
        var entranceIds = await db.Households.WithoutScopeFilter()
            .Where(h => householdIds.Contains(h.Id) && h.EntranceId != null).Select(h => h.EntranceId!.Value).ToListAsync(ct);
        locks.AddRange(await db.Devices.WithoutScopeFilter()
            .Where(d => (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit)
                        && ((d.HouseholdId != null && householdIds.Contains(d.HouseholdId.Value))
                            || (d.EntranceId != null && entranceIds.Contains(d.EntranceId.Value))))
            .Select(d => d.Id).ToListAsync(ct));
        return locks;
    }

    internal sealed record Candidate(Guid MunicipalityId, Guid CredentialId, Guid EmployeeId, Guid LockId, Guid? DigitalKeyId, DateTime ValidUntil,
        AccessEventKind Kind);
}
