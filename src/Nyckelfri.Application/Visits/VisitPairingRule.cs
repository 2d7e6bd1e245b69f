using Nyckelfri.Access;

namespace Nyckelfri.Visits;

/// <summary>An access-log line that can start or end a visit: a door opened by an employee, or an employee's NFC-tag scan.</summary>
public sealed record VisitRegistration(long EventId, Guid MunicipalityId, Guid ClientId, Guid EmployeeId, Guid? UnitId, VisitSource Source, DateTime At)
{
    /// <summary>The registration an event makes, or null when it makes none (a denial, a notice, no employee or no client).</summary>
    public static VisitRegistration? From(AccessEvent e)
    {
        if (e.EmployeeId is not { } employee || e.ClientId is not { } client) return null;
        VisitSource? source = e.Kind switch
        {
            AccessEventKind.Opened when e.Outcome == AccessOutcome.Allowed => VisitSource.Lock,
            AccessEventKind.NfcScan when e.Outcome != AccessOutcome.Denied => VisitSource.NfcTag,
            _ => null,
        };
        return source is { } s ? new VisitRegistration(e.Id, e.MunicipalityId, client, employee, e.UnitId, s, e.OccurredAt) : null;
    }
}

/// <summary>
/// The pairing rule (like TES, seed 003 §5), free of storage: registrations are taken in time order;
/// one ends the same employee's latest open visit at the same client when that visit started at most
/// <see cref="Visit.MaxLength"/> before it, and otherwise starts a new visit. So the door opened on
/// arrival starts a visit and the door opened on leaving ends it; an arrival with no departure within
/// four hours stays open, and the next opening starts a new visit. Two employees never pair with each other.
/// </summary>
public static class VisitPairingRule
{
    public sealed record Result(IReadOnlyList<Visit> Started, IReadOnlyList<Visit> Ended);

    /// <param name="openVisits">Visits without an end that the registrations may end (others are ignored).</param>
    public static Result Pair(IEnumerable<Visit> openVisits, IEnumerable<VisitRegistration> registrations)
    {
        var open = openVisits.Where(v => v.EndedAt is null).ToList();
        var started = new List<Visit>();
        var ended = new List<Visit>();
        foreach (var r in registrations.OrderBy(r => r.At).ThenBy(r => r.EventId))
        {
            var visit = open
                .Where(v => v.MunicipalityId == r.MunicipalityId && v.ClientId == r.ClientId && v.EmployeeId == r.EmployeeId && v.CanEndAt(r.At))
                .MaxBy(v => v.StartedAt);
            if (visit is not null)
            {
                visit.End(r.At, r.EventId);
                open.Remove(visit);
                ended.Add(visit);
                continue;
            }
            var fresh = new Visit(r.MunicipalityId, r.ClientId, r.EmployeeId, r.UnitId, r.Source, r.At, r.EventId);
            open.Add(fresh);
            started.Add(fresh);
        }
        return new Result(started, ended);
    }
}
