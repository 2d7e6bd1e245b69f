using Microsoft.AspNetCore.Authorization;
using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.Web.Security;

/// <summary>
/// The authorization policy table: what each policy allows, by role. Every page and endpoint names
/// one of these (or AllowAnonymous); a test fails when one names nothing. A role not listed is denied.
/// </summary>
public static class Policies
{
    public const string Authenticated = nameof(Authenticated);
    public const string ClientsRead = nameof(ClientsRead);
    public const string ClientsWrite = nameof(ClientsWrite);
    public const string ServicesWrite = nameof(ServicesWrite);
    public const string PersonalIdentityNumberReveal = nameof(PersonalIdentityNumberReveal);
    public const string DoorCodeReveal = nameof(DoorCodeReveal);
    public const string PropertiesRead = nameof(PropertiesRead);
    public const string PropertiesWrite = nameof(PropertiesWrite);
    public const string ProvidersRead = nameof(ProvidersRead);
    public const string ProvidersWrite = nameof(ProvidersWrite);
    public const string StaffRead = nameof(StaffRead);
    public const string StaffWrite = nameof(StaffWrite);
    public const string MunicipalityAdmin = nameof(MunicipalityAdmin);
    public const string DevicesRead = nameof(DevicesRead);
    public const string DevicesWrite = nameof(DevicesWrite);
    public const string StockRead = nameof(StockRead);
    public const string StockWrite = nameof(StockWrite);
    public const string KeysRead = nameof(KeysRead);
    public const string KeysWrite = nameof(KeysWrite);
    public const string PhysicalKeyUse = nameof(PhysicalKeyUse);
    public const string BatteriesRead = nameof(BatteriesRead);
    public const string BatteryReport = nameof(BatteryReport);
    public const string BatteryTasksWrite = nameof(BatteryTasksWrite);
    public const string WorkOrdersRead = nameof(WorkOrdersRead);
    public const string WorkOrdersWrite = nameof(WorkOrdersWrite);
    public const string DigitalKeysRead = nameof(DigitalKeysRead);
    public const string DigitalKeysWrite = nameof(DigitalKeysWrite);
    public const string DigitalKeysOrder = nameof(DigitalKeysOrder);
    public const string DigitalKeysBlock = nameof(DigitalKeysBlock);
    public const string AccessGrantsWrite = nameof(AccessGrantsWrite);
    public const string AccessLogRead = nameof(AccessLogRead);
    public const string VisitsRead = nameof(VisitsRead);
    public const string NfcTagsWrite = nameof(NfcTagsWrite);
    public const string NfcScan = nameof(NfcScan);
    public const string OpenDoors = nameof(OpenDoors);
    public const string LockEventUpload = nameof(LockEventUpload);
    public const string BreakGlassReview = nameof(BreakGlassReview);
    public const string IssuerKeysRead = nameof(IssuerKeysRead);
    public const string OwnAccount = nameof(OwnAccount);

    public static readonly IReadOnlyDictionary<string, string[]> Table = new Dictionary<string, string[]>
    {
        [ClientsRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator, Auditor],
        [ClientsWrite] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration],
        [ServicesWrite] = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration, Integration],
        [PersonalIdentityNumberReveal] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration],
        [DoorCodeReveal] = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport,
            Installer, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator],
        [PropertiesRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Locksmith, Auditor],
        [PropertiesWrite] = [SystemAdministrator, FeeOfficer, AlarmOfficer, AlarmCentreAdministration, Installer],
        [ProvidersRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Coordinator, UnitManager, Nurse, NightPatrolCoordinator, StaffingUnit, Auditor],
        [ProvidersWrite] = [SystemAdministrator],
        // The alarm centre reads staff too: it contacts the employee before a key is handed out, hands it
        // out against a receipt and adjusts permissions (seed 001).
        [StaffRead] = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, Coordinator, UnitManager, NightPatrolCoordinator,
            StaffingUnit, Auditor],
        [StaffWrite] = [SystemAdministrator, UnitManager, StaffingUnit],
        [MunicipalityAdmin] = [SystemAdministrator],

        // Devices: provider roles see the devices at their own clients' homes (query-layer scoping);
        // installers, locksmiths and the alarm centre move devices through their life.
        [DevicesRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator, Auditor],
        [DevicesWrite] = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, Installer, Locksmith],
        // Stock and purchase orders are the municipality's: no provider role. The system administrator
        // orders (seed 002 §7); receiving a delivery is DevicesWrite (the caretaker receives).
        [StockRead] = [SystemAdministrator, FeeOfficer, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport,
            Installer, Locksmith, Auditor],
        [StockWrite] = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration],
        // Physical keys: everyone who may see the client sees who holds a set; the units that hold
        // keys, the alarm centre and the installers (who return keys at removal) sign receipts.
        [KeysRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator, Auditor],
        [KeysWrite] = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport, Installer,
            Coordinator, UnitManager, NightPatrolCoordinator],
        [PhysicalKeyUse] = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator],
        // Batteries: the provider keeps an eye on them and changes them (seed 002 §8); the lock
        // platform reports levels through an API key (Integration).
        [BatteriesRead] = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport, Installer,
            Coordinator, UnitManager, Employee, NightPatrolCoordinator],
        [BatteryReport] = [SystemAdministrator, AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Integration],
        [BatteryTasksWrite] = [SystemAdministrator, AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee],
        // Work orders: every role that owns a step in some preset reads and works them (the handlers
        // then let only the owning role act on a step); provider roles see their own clients' orders
        // (query-layer scoping). The auditor reads. Routine configuration is MunicipalityAdmin.
        [WorkOrdersRead] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Nurse, NightPatrolCoordinator, Auditor],
        [WorkOrdersWrite] = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
            AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Nurse, NightPatrolCoordinator],
        // Digital keys, 2-factor devices and permissions (seed 001): the alarm centre registers, makes ready,
        // hands out and takes back keys; the staffing unit does so from its own stock for hourly staff (the
        // handlers hold it to that). The unit manager orders keys for new staff. Anyone responsible blocks
        // a lost key at once. Provider users see their own provider's staff only (query filters); the
        // same readers see who may open what, and why.
        [DigitalKeysRead] = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit, UnitManager, Coordinator, Auditor],
        [DigitalKeysWrite] = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit],
        [DigitalKeysOrder] = [SystemAdministrator, AlarmCentreSupport, UnitManager],
        [DigitalKeysBlock] = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit, UnitManager, Coordinator],
        // Time-boxed grants: the staffing unit books substitutes, the unit manager adds or restricts a unit,
        // the alarm centre's support adjusts any (the handler checks which kind each may make).
        [AccessGrantsWrite] = [SystemAdministrator, AlarmCentreSupport, StaffingUnit, UnitManager],
        // The access-log report (seed 001): the unit manager asks for it (its own provider's clients and
        // staff, by the query filters), the alarm centre hands it out, the auditor reviews it.
        [AccessLogRead] = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, UnitManager, Auditor],
        // Visits (seed 003 §5): the provider's planners and staff (their own clients, by the query filters).
        [VisitsRead] = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee, Auditor],
        // NFC tags are the provider's to put up and take down, where no lock exists (seed 003 §5);
        // scanning is any staff member's (the handler also needs the login to be an employee's).
        [NfcTagsWrite] = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee],
        [NfcScan] = [SystemAdministrator, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator],
        // Opening doors (issue 5): care staff with a digital key ask for credentials, open, report that
        // they could not get in; the handlers also require the user to be an employee with an issued key.
        [OpenDoors] = [Employee, Nurse, Coordinator, UnitManager, NightPatrolCoordinator],
        // Lock events come up with whoever carries them from the lock: the staff app (any of the above),
        // the installer and the alarm centre at the door, a gateway (an API key), the system administrator.
        // The lock must be in the caller's scope (query filters); what is stored is only what the lock signed.
        [LockEventUpload] = [Employee, Nurse, Coordinator, UnitManager, NightPatrolCoordinator, Installer, AlarmCentreSupport, Integration,
            SystemAdministrator],
        // Break-glass is reviewed by the unit manager (scoped to their own staff and clients), the
        // alarm centre that hands out logs (seed 001), the auditor and the system administrator.
        [BreakGlassReview] = [UnitManager, AlarmCentreSupport, Auditor, SystemAdministrator],
        // The issuer public keys (docs/key-custody.md): lock vendors and gateways read them with an API key,
        // the administrator compares them; rotating them is MunicipalityAdmin.
        [IssuerKeysRead] = [SystemAdministrator, Integration],
        // One's own password and two-factor login: every person with a login; an API key (Integration) has neither.
        [OwnAccount] = [.. All.Where(r => r != Integration)],
    };

    public static void Configure(AuthorizationOptions options)
    {
        // Every policy also needs the login's scope claims to be whole (ScopeClaimsRequirement): a provider
        // role without its provider is refused, never widened to the municipality.
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeClaimsRequirement()));
        foreach (var (name, roles) in Table)
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeClaimsRequirement()).RequireRole(roles));

        // Fail closed: a page or endpoint that declares nothing is refused to everyone (and the app does
        // not even start with one, see DeclaredAuthorization).
        options.FallbackPolicy = Fallback;
    }

    /// <summary>
    /// The fallback: refuses every routed endpoint (one that declared nothing); a request that matched no
    /// route (routing's own 404, 405 and 415 answers, Swagger UI's middleware) needs a signed-in user, as
    /// every page does, so that a mistyped address is "not found" rather than "access denied".
    /// </summary>
    public static readonly AuthorizationPolicy Fallback = new AuthorizationPolicyBuilder().AddRequirements(new UnroutedRequirement()).Build();

    public static bool Allows(string policy, Func<string, bool> isInRole) =>
        policy == Authenticated || (Table.TryGetValue(policy, out var roles) && roles.Any(isInRole));
}
