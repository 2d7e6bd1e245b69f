using Nyckelfri.Services;

namespace Nyckelfri.Routines;

/// <summary>One care service as the rules see it.</summary>
public sealed record ServiceFact(Guid ClientId, CareServiceKind Kind, bool Assessed, Guid UnitId, Guid ProviderId, DateOnly Start, DateOnly? End)
{
    /// <summary>Running today or later: not ended before today (a service that starts next week counts).</summary>
    public bool IsOngoingOn(DateOnly today) => End is null || End >= today;
}

/// <summary>A client of the household: the fixed texts that rule out a lock, and their services.</summary>
public sealed record ClientFact(Guid ClientId, bool RulesOutLock, IReadOnlyList<ServiceFact> Services);

/// <summary>A work order of the household that is still proposed or open, with its due date.</summary>
public sealed record OpenOrderFact(RoutineKind Kind, Guid? ClientId, DateOnly? DueOn = null);

/// <summary>What the rules need to know about one household, all clients in it (cohabitants share the lock).</summary>
public sealed record HouseholdFacts(Guid HouseholdId, IReadOnlyList<ClientFact> Clients, bool LockMounted, IReadOnlyList<OpenOrderFact> OpenOrders)
{
    public IEnumerable<ServiceFact> Services => Clients.SelectMany(c => c.Services);
}

/// <summary>What happened to a service: the rules react to the change, not only to the state after it.</summary>
public abstract record ServiceChange(ServiceFact? After)
{
    /// <summary>A service was registered.</summary>
    public sealed record Added(ServiceFact Service) : ServiceChange(Service);

    /// <summary>A service was edited (ended, moved to another unit, re-assessed …).</summary>
    public sealed record Edited(ServiceFact Before, ServiceFact Now) : ServiceChange(Now);

    /// <summary>Nothing changed: the daily sweep looks at the household as it is.</summary>
    public sealed record None() : ServiceChange((ServiceFact?)null);
}

/// <summary>A work order a rule opens (or proposes); <paramref name="Reason"/> is shown on it and names no person.</summary>
public sealed record RuleAction(RoutineKind Kind, bool Proposed, Guid? ClientId, Guid? UnitId, DateOnly? DueOn, string Reason)
{
    /// <summary>
    /// Not a new order: the household's open order of <see cref="Kind"/> gets <see cref="DueOn"/> as its due date. A removal
    /// opened before the last service ended (by hand, or before a service was added or its end moved) is due 14 days
    /// after the end that counts now, not the one that counted when it was opened.
    /// </summary>
    public bool SetsDueOfOpenOrder { get; init; }
}

/// <summary>
/// SPEC §5, last paragraph: service changes drive routines. Pure functions over <see cref="HouseholdFacts"/>,
/// so the application (in the transaction of the service change, and in the daily sweep) and the
/// randomized model test run the very same rules.
/// <list type="bullet">
/// <item>A new assessed home-care service for a client whose household has no lock and no open install proposes an install.</item>
/// <item>When no client of a household has a home-care, safety-alarm or night-supervision service any more, a mounted lock gets a removal,
/// due 14 days after the last of them ended (seed 003 §2b); an open removal's due date follows when that end moves.</item>
/// <item>Home care ending while the client's safety alarm or night supervision remains: the lock stays; "home care ends, alarm stays" opens (seed 002 §6).</item>
/// <item>A service moving to a unit of another provider, where a lock is mounted: a change of provider opens (seed 002 §5).</item>
/// </list>
/// </summary>
public static class ServiceRules
{
    public const int RemovalDueDays = 14;

    /// <summary>The services that need a lock on the door: home care, safety alarm, night supervision (seed 003 §2b, 002 §3).</summary>
    public static bool NeedsLock(CareServiceKind kind) =>
        kind is CareServiceKind.HomeCare or CareServiceKind.SafetyAlarm or CareServiceKind.NightSupervision;

    /// <summary>Some client of the household has a lock-needing service today or later.</summary>
    public static bool HouseholdNeedsLock(HouseholdFacts household, DateOnly today) =>
        household.Services.Any(s => NeedsLock(s.Kind) && s.IsOngoingOn(today));

    /// <summary>
    /// When the household's need for the lock ended: the last end date of its lock-needing services;
    /// null while the need lasts. A household that never had such a service: <paramref name="today"/>.
    /// </summary>
    public static DateOnly? NeedEndedOn(HouseholdFacts household, DateOnly today)
    {
        if (HouseholdNeedsLock(household, today)) return null;
        var ends = household.Services.Where(s => NeedsLock(s.Kind) && s.End is not null).Select(s => s.End!.Value).ToList();
        return ends.Count == 0 ? today : ends.Max();
    }

    /// <summary>The removal's due date: 14 days after the need ended.</summary>
    public static DateOnly? RemovalDueOn(HouseholdFacts household, DateOnly today) =>
        NeedEndedOn(household, today)?.AddDays(RemovalDueDays);

    public static IReadOnlyList<RuleAction> Evaluate(HouseholdFacts household, ServiceChange change, DateOnly today)
    {
        var actions = new List<RuleAction>();
        bool Open(RoutineKind kind, Guid? client = null) =>
            household.OpenOrders.Any(o => o.Kind == kind && (client is null || o.ClientId == client))
            || actions.Any(a => a.Kind == kind && (client is null || a.ClientId == client));

        if (household.LockMounted && !HouseholdNeedsLock(household, today))
        {
            var due = RemovalDueOn(household, today);
            if (!Open(RoutineKind.Removal))
                actions.Add(new RuleAction(RoutineKind.Removal, false, change.After?.ClientId, LastUnit(household), due,
                    "Alla insatser för hemtjänst, trygghetslarm och nattillsyn i hushållet är avslutade."));
            // A household that never had such a service has no end to count from: its removal keeps the due date it got.
            else if (HadLockNeedingService(household) && household.OpenOrders.Any(o => o.Kind == RoutineKind.Removal && o.DueOn != due))
                actions.Add(new RuleAction(RoutineKind.Removal, false, null, null, due,
                    "Förfallodagen räknas från det senaste slutdatumet för hushållets insatser.") { SetsDueOfOpenOrder = true });
        }

        if (StartsAssessedHomeCare(change, today) is { } started)
        {
            var client = household.Clients.FirstOrDefault(c => c.ClientId == started.ClientId);
            if (!household.LockMounted && client is { RulesOutLock: false }
                && !Open(RoutineKind.InstallAssessed) && !Open(RoutineKind.InstallAlarmOnly))
                actions.Add(new RuleAction(RoutineKind.InstallAssessed, true, started.ClientId, started.UnitId, null,
                    "Ny biståndsbedömd hemtjänstinsats för en brukare utan digitalt lås."));
        }

        if (change is ServiceChange.Edited { Before: var was, Now: var now })
        {
            if (household.LockMounted && was.Kind == CareServiceKind.HomeCare && was.IsOngoingOn(today) && !now.IsOngoingOn(today)
                && HouseholdNeedsLock(household, today)
                && !HasOngoing(household, now.ClientId, today, CareServiceKind.HomeCare)
                && HasOngoing(household, now.ClientId, today, CareServiceKind.SafetyAlarm, CareServiceKind.NightSupervision)
                && !Open(RoutineKind.HomeCareEndsAlarmStays, now.ClientId))
                actions.Add(new RuleAction(RoutineKind.HomeCareEndsAlarmStays, false, now.ClientId, was.UnitId, null,
                    "Hemtjänsten avslutas men trygghetslarm eller nattillsyn är kvar."));

            if (household.LockMounted && was.ProviderId != now.ProviderId && now.IsOngoingOn(today)
                && !Open(RoutineKind.ChangeOfProvider, now.ClientId))
                actions.Add(new RuleAction(RoutineKind.ChangeOfProvider, false, now.ClientId, now.UnitId, null,
                    "Insatsen har flyttats till en enhet hos en annan utförare."));
        }
        return actions;
    }

    /// <summary>The service, when the change made it an ongoing assessed home-care service (registered, or edited into one).</summary>
    private static ServiceFact? StartsAssessedHomeCare(ServiceChange change, DateOnly today) => change switch
    {
        ServiceChange.Added { Service: var s } when IsNewAssessedHomeCare(s, today) => s,
        ServiceChange.Edited { Before: var before, Now: var s } when IsNewAssessedHomeCare(s, today) && !IsNewAssessedHomeCare(before, today) => s,
        _ => null,
    };

    private static bool IsNewAssessedHomeCare(ServiceFact s, DateOnly today) =>
        s.Kind == CareServiceKind.HomeCare && s.Assessed && s.IsOngoingOn(today);

    private static bool HadLockNeedingService(HouseholdFacts household) => household.Services.Any(s => NeedsLock(s.Kind));

    private static bool HasOngoing(HouseholdFacts household, Guid clientId, DateOnly today, params CareServiceKind[] kinds) =>
        household.Services.Any(s => s.ClientId == clientId && kinds.Contains(s.Kind) && s.IsOngoingOn(today));

    /// <summary>The unit of the household's lock-needing service that ended last (the unit that held the keys).</summary>
    private static Guid? LastUnit(HouseholdFacts household) =>
        household.Services.Where(s => NeedsLock(s.Kind))
            .OrderByDescending(s => s.End ?? DateOnly.MaxValue).ThenBy(s => s.Kind)
            .Select(s => (Guid?)s.UnitId).FirstOrDefault();
}
