using Nyckelfri.Identity;
using static Nyckelfri.Routines.RoutineCatalog.FaultRoutes;

namespace Nyckelfri.Routines;

public static partial class RoutinePresets
{
    // ROUTINES.md's role codes. PR, "the provider (coordinator/unit manager of the client's unit)", is the
    // coordinator: the one who plans the unit's work; a municipality may reassign a step to the unit manager.
    private const string CO = Roles.CaseOfficer;
    private const string FO = Roles.FeeOfficer;
    private const string PR = Roles.Coordinator;
    private const string UM = Roles.UnitManager;
    private const string IN = Roles.Installer;
    private const string SA = Roles.SystemAdministrator;
    private const string LS = Roles.Locksmith;
    private const string AC = Roles.AlarmCentreAdministration;
    private const string AS = Roles.AlarmCentreSupport;
    private const string AO = Roles.AlarmOfficer;
    private const string NP = Roles.NightPatrolCoordinator;

    // Where ROUTINES.md names two roles for one step, the comment says which was taken. Routines 6–10
    // give Salem's flow only; the other presets take the role routine 1 gives the same kind of work
    // (named in the comment), as ROUTINES.md says.
    //                                                    Salem  Halmstad  Lifecare  Botkyrka
    private static readonly Row[] Table =
    [
        // 1. Install a lock — assessed service
        R("install.inform",                                   CO,    CO,      CO,      CO),
        R("install.assess",                                   PR,    PR,      PR,      PR),
        R("install.decline",                                  CO,    CO,      CO,      CO),  // split from 1.2: "client declines → CO decides"
        R("install.keys",                                     PR,    AC,      PR,      PR),
        R("install.order",                                    FO,    UM,      PR,      CO),  // Halmstad "NU (HSL only) or UM/coordinator": UM, the home-care case; Lifecare "PR → AO": PR orders, AO registers (next row)
        R("install.register",                                 FO,    AC,      AO,      IN),
        R("install.book",                                     IN,    AC,      IN,      IN),  // Salem "IN with PR": the installer books, the provider tells the client
        R("install.mount",                                    IN,    AS,      IN,      IN),
        R("install.link",                                     SA,    AS,      IN,      IN),
        R("install.receipt",                                  IN,    AC,      IN,      IN),
        R("install.handover",                                 PR,    AS,      PR,      PR),
        R("install.night-patrol",                             PR,    AS,      PR,      NP),  // split from 1.10: Botkyrka "NP + PR"

        // 2. Install a lock — safety alarm only. Halmstad's seed has neither alarm officer nor installer:
        // its administration (AC) takes the alarm officer's steps, and book/mount/link go as in 1.6–1.8.
        R("alarm-install.request",                            AO,    AC,      AO,      AO),
        R("alarm-install.keys",                               AO,    AC,      AO,      AO),
        R("alarm-install.check",                              AO,    AC,      AO,      AO),
        R("alarm-install.decide",                             AO,    AC,      AO,      AO),
        R("alarm-install.book",                               IN,    AC,      IN,      IN),
        R("alarm-install.mount",                              IN,    AS,      IN,      IN),
        R("alarm-install.link",                               IN,    AS,      IN,      IN),

        // 3. Install an entrance lock
        R("entrance.need",                                    IN,    AC,      IN,      PR),  // Salem "IN / PR": the installer, who finds the need at install or move
        R("entrance.consent",                                 FO,    AC,      AO,      IN),
        R("entrance.order",                                   FO,    AC,      AO,      IN),
        R("entrance.book",                                    LS,    LS,      LS,      LS),
        R("entrance.mount",                                   LS,    LS,      LS,      LS),
        R("entrance.link",                                    SA,    AS,      AO,      IN),

        // 5.6 / 6. Entrance lock removal (Salem "SA → FO → LS": SA checks in removal.entrance, FO orders, LS removes, SA unlinks)
        R("entrance-removal.order",                           FO,    AC,      AO,      IN),
        R("entrance-removal.book",                            LS,    LS,      LS,      LS),
        R("entrance-removal.remove",                          LS,    LS,      LS,      LS),
        R("entrance-removal.unlink",                          SA,    AS,      AO,      IN),  // as entrance.link

        // 4. Fault report; routed by "Vad fungerar inte?". Entrance locks go to the locksmith in every preset
        // (as in 3.4–3.5); software to whoever administers the lock system.
        R("fault.report",                                     PR,    PR,      PR,      PR),  // "PR (staff)": any employee may report; the coordinator owns it
        Routed("fault.triage", HouseholdLock,                 IN,    AS,      AO,      IN),  // Salem "IN / SA"
        Routed("fault.triage", EntranceLock,                  SA,    AS,      AO,      IN),
        Routed("fault.triage", Software,                      SA,    AS,      AO,      IN),
        Routed("fault.book", HouseholdLock,                   IN,    AS,      IN,      IN),
        Routed("fault.book", EntranceLock,                    LS,    LS,      LS,      LS),
        Routed("fault.book", Software,                        SA,    AS,      AO,      IN),
        Routed("fault.fix", HouseholdLock,                    IN,    AS,      IN,      IN),  // Salem "IN / SA / LS"; Halmstad "AS → supplier"
        Routed("fault.fix", EntranceLock,                     LS,    LS,      LS,      LS),
        Routed("fault.fix", Software,                         SA,    AS,      AO,      IN),
        R("fault.notify-supplier",                            SA,    AS,      AO,      IN),
        Routed("fault.close", HouseholdLock,                  IN,    AS,      AO,      IN),  // Salem "IN / SA"
        Routed("fault.close", EntranceLock,                   SA,    AS,      AO,      IN),
        Routed("fault.close", Software,                       SA,    AS,      AO,      IN),

        // 5. Removal
        R("removal.order",                                    CO,    AC,      PR,      PR),  // Salem "CO → FO", Lifecare "PR → AO": the first orders, the second checks (next row)
        R("removal.check",                                    FO,    AC,      AO,      IN),
        R("removal.book",                                     IN,    AC,      IN,      IN),  // Salem "IN with PR"
        R("removal.remove",                                   IN,    AS,      IN,      IN),
        R("removal.unlink",                                   SA,    AS,      IN,      IN),  // Lifecare "IN, checked by AO": IN; the check is a checkpoint
        R("removal.entrance",                                 SA,    AC,      AO,      IN),

        // 6. Move (Salem from 002 §4; others as install.inform, .register, .book, .mount, .link, and entrance.order)
        R("move.notify",                                      CO,    CO,      CO,      CO),
        R("move.order",                                       FO,    AC,      AO,      IN),
        R("move.book",                                        IN,    AC,      IN,      IN),
        R("move.move",                                        IN,    AS,      IN,      IN),
        R("move.link",                                        SA,    AS,      IN,      IN),
        R("move.entrance",                                    FO,    AC,      AO,      IN),

        // 7. Change of provider (others as install.inform, .keys, .handover, .link)
        R("provider-change.notify",                           CO,    CO,      CO,      CO),
        R("provider-change.keys",                             PR,    AC,      PR,      PR),
        R("provider-change.staff",                            PR,    AS,      PR,      PR),
        R("provider-change.move",                             SA,    AS,      IN,      IN),

        // 8. Home care ends, safety alarm stays (others as install.inform, .keys, .link)
        R("alarm-stays.notify",                               CO,    CO,      CO,      CO),
        R("alarm-stays.keys",                                 PR,    AC,      PR,      PR),
        R("alarm-stays.unlink",                               SA,    AS,      IN,      IN),

        // 9. Cohabitant joins (others as install.assess, .link)
        R("cohabitant.order",                                 PR,    PR,      PR,      PR),
        R("cohabitant.link",                                  SA,    AS,      IN,      IN),

        // 10. Battery change: the provider in every preset, as ROUTINES.md's text says.
        R("battery.change",                                   PR,    PR,      PR,      PR),

        // 10. Purchase (others as install.mount for the store, install.link for the order)
        R("purchase.request",                                 IN,    AS,      IN,      IN),  // "IN or LS": the installer keeps the store
        R("purchase.order",                                   SA,    AS,      IN,      IN),
        R("purchase.receive",                                 IN,    AS,      IN,      IN),
        R("purchase.collect",                                 LS,    LS,      LS,      LS),
    ];
}
