namespace Nyckelfri.Identity;

/// <summary>
/// The roles of SPEC §2. A user holds one or more within one municipality; the provider roles are
/// also scoped to a provider and, for staff, a unit. Code names as in GLOSSARY.md.
/// </summary>
public static class Roles
{
    public const string SystemAdministrator = nameof(SystemAdministrator);
    public const string CaseOfficer = nameof(CaseOfficer);
    public const string FeeOfficer = nameof(FeeOfficer);
    public const string AlarmOfficer = nameof(AlarmOfficer);
    public const string AlarmCentreAdministration = nameof(AlarmCentreAdministration);
    public const string AlarmCentreSupport = nameof(AlarmCentreSupport);
    public const string Installer = nameof(Installer);
    public const string Locksmith = nameof(Locksmith);
    public const string Coordinator = nameof(Coordinator);
    public const string UnitManager = nameof(UnitManager);
    public const string Employee = nameof(Employee);
    public const string Nurse = nameof(Nurse);
    public const string NightPatrolCoordinator = nameof(NightPatrolCoordinator);
    public const string StaffingUnit = nameof(StaffingUnit);
    public const string Auditor = nameof(Auditor);

    /// <summary>Not a person: a system integration authenticating with an API key.</summary>
    public const string Integration = nameof(Integration);

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
        AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Employee, Nurse,
        NightPatrolCoordinator, StaffingUnit, Auditor, Integration,
    ];

    /// <summary>Roles that act for one provider: they see only that provider's clients.</summary>
    public static readonly IReadOnlySet<string> ProviderScoped = new HashSet<string>
    {
        Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator,
    };

    public static string SwedishName(string role) => role switch
    {
        SystemAdministrator => "Systemförvaltare",
        CaseOfficer => "Biståndshandläggare",
        FeeOfficer => "Avgiftshandläggare",
        AlarmOfficer => "Larmhandläggare",
        AlarmCentreAdministration => "Trygghetslarmscentralen, administration",
        AlarmCentreSupport => "Trygghetslarmscentralen, support",
        Installer => "Montör/vaktmästare",
        Locksmith => "Upphandlad låssmed",
        Coordinator => "Samordnare",
        UnitManager => "Enhetschef",
        Employee => "Medarbetare",
        Nurse => "Sjuksköterska/rehab (HSL)",
        NightPatrolCoordinator => "Samordnare nattpatrull",
        StaffingUnit => "Bemanningsenheten",
        Auditor => "Granskare (loggkontroll)",
        Integration => "Systemintegration",
        _ => role,
    };
}
