namespace Nyckelfri.Routines;

/// <summary>
/// The kinds of work order (SPEC §5, ROUTINES.md 1–10). Stored by name: never renumber, never rename.
/// Staff keys (ROUTINES.md 11) are not work orders and have no kind here.
/// </summary>
public enum RoutineKind
{
    /// <summary>ROUTINES.md 1: a lock for a client with an assessed service (seed 003 §2a, 002 §1, 004).</summary>
    InstallAssessed,

    /// <summary>ROUTINES.md 2: a lock for a client with a safety alarm only, not assessed (seed 003 §3a).</summary>
    InstallAlarmOnly,

    /// <summary>ROUTINES.md 3: an entrance unit on a building entrance (seed 002 §1, 004).</summary>
    EntranceLockInstall,

    /// <summary>
    /// ROUTINES.md 5 step 6 and 6: the entrance unit comes down when nobody behind the entrance needs it
    /// any more (seed 002 §3–4). Its own kind because a removal or a move only proposes it: it concerns an
    /// entrance, not a household, and runs on the locksmith's and the property owner's time.
    /// </summary>
    EntranceLockRemoval,

    /// <summary>ROUTINES.md 4: something does not open (seed 002 §2, 001).</summary>
    FaultReport,

    /// <summary>ROUTINES.md 5: the household's lock comes down (seed 002 §3, 003 §2b/§3b, 001, 004).</summary>
    Removal,

    /// <summary>ROUTINES.md 6: the lock follows the client to a new address (seed 002 §4).</summary>
    Move,

    /// <summary>ROUTINES.md 7: another provider takes over the client (seed 002 §5).</summary>
    ChangeOfProvider,

    /// <summary>ROUTINES.md 8: home care ends, the safety alarm or night supervision stays, so does the lock (seed 002 §6).</summary>
    HomeCareEndsAlarmStays,

    /// <summary>ROUTINES.md 9: a cohabitant is linked to the household's existing lock (seed 000).</summary>
    CohabitantJoins,

    /// <summary>ROUTINES.md 10: a lock's battery is low (seed 002 §8).</summary>
    BatteryChange,

    /// <summary>ROUTINES.md 10: locks, entrance units or accessories are ordered from the supplier (seed 002 §7).</summary>
    Purchase,
}

public static class RoutineNames
{
    public static string SwedishName(RoutineKind kind) => kind switch
    {
        RoutineKind.InstallAssessed => "Installation av digitalt lås (biståndsbedömd insats)",
        RoutineKind.InstallAlarmOnly => "Installation av digitalt lås (endast trygghetslarm)",
        RoutineKind.EntranceLockInstall => "Installation av portlås",
        RoutineKind.EntranceLockRemoval => "Nedmontering av portlås",
        RoutineKind.FaultReport => "Felanmälan",
        RoutineKind.Removal => "Nedmontering av digitalt lås",
        RoutineKind.Move => "Flytt av lås",
        RoutineKind.ChangeOfProvider => "Byte av utförare",
        RoutineKind.HomeCareEndsAlarmStays => "Hemtjänsten avslutas, trygghetslarmet är kvar",
        RoutineKind.CohabitantJoins => "Sammanboende kopplas till befintligt lås",
        RoutineKind.BatteryChange => "Batteribyte",
        RoutineKind.Purchase => "Beställning av lås och tillbehör",
        _ => kind.ToString(),
    };
}
