using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>An employee as the permission rule needs them: employment, own units and time-boxed grants.</summary>
public sealed record EmployeeAccessFacts(
    Guid EmployeeId,
    string Name,
    EmploymentType EmploymentType,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateOnly? LongLeaveFrom,
    DateOnly? LongLeaveTo,
    IReadOnlyList<UnitRef> Units,
    IReadOnlyList<GrantFacts> Grants);

public sealed record UnitRef(Guid Id, string Name);

public sealed record GrantFacts(Guid Id, AccessGrantKind Kind, Guid UnitId, string UnitName, DateOnly FromDate, DateOnly ToDate, bool Withdrawn)
{
    public bool IsActiveOn(DateOnly day) => !Withdrawn && FromDate <= day && day <= ToDate;
}

/// <summary>A care service of a client behind a lock (the household's door, or an entrance to it).</summary>
public sealed record ServiceFacts(Guid ClientId, string ClientName, CareServiceKind Kind, Guid UnitId, string UnitName, DateOnly StartDate, DateOnly? EndDate)
{
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || day <= EndDate);
}

public enum PermissionDenial
{
    NotYetEmployed,
    EmploymentEnded,
    OnLongLeave,
    NoServiceBehindLock,
    UnitRestricted,
    NoServingUnit,
    SubstituteNotBooked,
}

/// <summary>One way the employee may open: a client's service, given by one of the employee's units.</summary>
public sealed record PermissionPath(Guid ClientId, string ClientName, CareServiceKind ServiceKind, Guid UnitId, string UnitName,
    AccessGrantKind? ViaGrant, DateOnly? GrantToDate, DateOnly? ServiceEndDate)
{
    /// <summary>Swedish: why this path lets the employee in.</summary>
    public string Explanation
    {
        get
        {
            var service = CareService.SwedishName(ServiceKind).ToLowerInvariant();
            var until = LastDay is { } last ? $" t.o.m. {last:yyyy-MM-dd}" : " tills vidare";
            var via = ViaGrant switch
            {
                AccessGrantKind.SubstituteBooking => $"är vikariebokad på {UnitName} av bemanningsenheten",
                AccessGrantKind.AddUnit => $"är tillfälligt tillagd på {UnitName}",
                _ => $"arbetar på {UnitName}",
            };
            return $"{ClientName} har {service} från {UnitName}; medarbetaren {via}{until}.";
        }
    }

    /// <summary>The last day this path holds (null: until further notice).</summary>
    public DateOnly? LastDay => (GrantToDate, ServiceEndDate) switch
    {
        (null, var s) => s,
        (var g, null) => g,
        ({ } g, { } s) => g < s ? g : s,
    };
}

public sealed record PermissionDecision(bool Allowed, IReadOnlyList<PermissionPath> Paths, PermissionDenial? Denial, string Explanation, DateOnly? LastDay)
{
    public static string SwedishName(PermissionDenial denial) => denial switch
    {
        PermissionDenial.NotYetEmployed => "Anställningen har inte börjat.",
        PermissionDenial.EmploymentEnded => "Anställningen har upphört.",
        PermissionDenial.OnLongLeave => "Medarbetaren har lång ledighet; nyckeln ska vara återlämnad.",
        PermissionDenial.NoServiceBehindLock => "Ingen brukare bakom låset har en pågående insats.",
        PermissionDenial.UnitRestricted => "Enhetschefen har begränsat medarbetarens behörighet för den enhet som ger insatsen.",
        PermissionDenial.NoServingUnit => "Ingen av medarbetarens enheter ger insats hos brukaren.",
        PermissionDenial.SubstituteNotBooked => "Vikarien är inte bokad av bemanningsenheten på den enhet som ger insatsen i dag.",
        _ => denial.ToString(),
    };
}

/// <summary>
/// Who may open which lock, and why (SPEC §6, seed 001): an employee may open the locks of clients
/// that one of their units serves, for the service's period. Their units today are their own units,
/// plus units added by a manager or booked by the staffing unit (for those days), minus units a manager
/// has restricted. Nothing is granted outside the employment, or during a long leave. Pure: the caller
/// gives the facts and the day (Swedish calendar), so every edge is testable with an injected clock.
/// </summary>
public static class AccessPolicy
{
    public static PermissionDecision Decide(EmployeeAccessFacts employee, IReadOnlyCollection<ServiceFacts> servicesBehindLock, DateOnly today)
    {
        if (EmploymentDenial(employee, today) is { } notWorking) return Deny(notWorking);

        var active = servicesBehindLock.Where(s => s.IsActiveOn(today)).ToList();
        if (active.Count == 0) return Deny(PermissionDenial.NoServiceBehindLock);

        var units = UnitsOn(employee, today);
        var paths = active
            .Where(s => units.Allowed.ContainsKey(s.UnitId))
            .Select(s =>
            {
                var grant = units.Allowed[s.UnitId];
                return new PermissionPath(s.ClientId, s.ClientName, s.Kind, s.UnitId, s.UnitName, grant?.Kind, grant?.ToDate, s.EndDate);
            })
            .ToList();
        if (paths.Count > 0)
        {
            var lastDay = LastDay(paths, employee, today);
            return new PermissionDecision(true, paths, null, string.Join(" ", paths.Select(p => p.Explanation)), lastDay);
        }
        if (active.Any(s => units.Restricted.Contains(s.UnitId))) return Deny(PermissionDenial.UnitRestricted);
        return Deny(employee.EmploymentType == EmploymentType.Hourly ? PermissionDenial.SubstituteNotBooked : PermissionDenial.NoServingUnit);
    }

    /// <summary>Why the employee may open nothing at all on the day, whatever the lock: not employed, or on long leave.</summary>
    public static PermissionDenial? EmploymentDenial(EmployeeAccessFacts employee, DateOnly today)
    {
        if (today < employee.StartDate) return PermissionDenial.NotYetEmployed;
        if (employee.EndDate is { } end && today > end) return PermissionDenial.EmploymentEnded;
        if (employee.LongLeaveFrom is { } leaveFrom && leaveFrom <= today && (employee.LongLeaveTo is null || today <= employee.LongLeaveTo))
            return PermissionDenial.OnLongLeave;
        return null;
    }

    /// <summary>
    /// Why the employee may open no lock at all on the day, whichever lock: not employed, on leave, or no
    /// unit to work for (a substitute without a booking, every own unit restricted). Null when they work
    /// for some unit today (whether its clients have locks is another matter).
    /// </summary>
    public static PermissionDenial? NothingToOpen(EmployeeAccessFacts employee, DateOnly today)
    {
        if (EmploymentDenial(employee, today) is { } notWorking) return notWorking;
        var units = UnitsOn(employee, today);
        if (units.Allowed.Count > 0) return null;
        if (units.Restricted.Count > 0 && employee.Units.Count > 0) return PermissionDenial.UnitRestricted;
        return employee.EmploymentType == EmploymentType.Hourly ? PermissionDenial.SubstituteNotBooked : PermissionDenial.NoServingUnit;
    }

    /// <summary>
    /// The units the employee works for on the day: each with the grant that adds it (null for an own
    /// unit), and the units a restriction takes away.
    /// </summary>
    public static (IReadOnlyDictionary<Guid, GrantFacts?> Allowed, IReadOnlySet<Guid> Restricted) UnitsOn(EmployeeAccessFacts employee, DateOnly day)
    {
        var allowed = new Dictionary<Guid, GrantFacts?>();
        foreach (var unit in employee.Units) allowed[unit.Id] = null;
        foreach (var grant in employee.Grants.Where(g => g.Kind != AccessGrantKind.RestrictUnit && g.IsActiveOn(day)))
            if (!allowed.TryGetValue(grant.UnitId, out var existing) || (existing is not null && existing.ToDate < grant.ToDate))
                allowed[grant.UnitId] = grant;
        var restricted = employee.Grants.Where(g => g.Kind == AccessGrantKind.RestrictUnit && g.IsActiveOn(day)).Select(g => g.UnitId).ToHashSet();
        foreach (var unit in restricted) allowed.Remove(unit);
        return (allowed, restricted);
    }

    /// <summary>The last day of the longest path, cut by the end of the employment or the start of a coming leave.</summary>
    private static DateOnly? LastDay(List<PermissionPath> paths, EmployeeAccessFacts employee, DateOnly today)
    {
        DateOnly? last = paths.Any(p => p.LastDay is null) ? null : paths.Max(p => p.LastDay);
        if (employee.EndDate is { } end && (last is null || end < last)) last = end;
        if (employee.LongLeaveFrom is { } leave && leave > today && (last is null || leave.AddDays(-1) < last)) last = leave.AddDays(-1);
        return last;
    }

    private static PermissionDecision Deny(PermissionDenial denial) =>
        new(false, [], denial, PermissionDecision.SwedishName(denial), null);
}
