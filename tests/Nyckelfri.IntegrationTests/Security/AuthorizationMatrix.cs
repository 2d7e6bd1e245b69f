using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Who may call what: role × endpoint → allowed. Written out here on purpose, independently of the
/// app's policy table, so that a change to either shows up as a failing test to be looked at.
/// null means anonymous access is allowed.
/// </summary>
/// <remarks>
/// Two tables, keyed as the tests find the app's endpoints:
/// <list type="bullet">
/// <item><see cref="Expected"/>: "PAGE {route}" for opening a Razor page (a GET), "{METHOD} {route}" for an
/// API endpoint or another mapped route ("ANY" when it takes any method), e.g. "POST /api/v1/clients/".</item>
/// <item><see cref="PageHandlers"/> (AuthorizationMatrix.PageHandlers.cs): every page handler that is not a GET,
/// "{METHOD} {route}" for the page's unnamed handler (OnPostAsync) and "{METHOD} {route}?handler={Name}" for a
/// named one (OnPostBlockAsync is "?handler=Block"), e.g. "POST /Nycklar/Digitala/{id:guid}?handler=Block".
/// The route is the page's @page template as routing holds it.</item>
/// </list>
/// </remarks>
public static partial class AuthorizationMatrix
{
    public static readonly string[] People = All.Where(r => r != Integration).ToArray();

    private static readonly string[] ClientReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Nurse,
        NightPatrolCoordinator, Auditor];
    private static readonly string[] ClientWriters = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration];
    private static readonly string[] ServiceWriters = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration, Integration];
    private static readonly string[] ServiceWriterPeople = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration];
    private static readonly string[] NumberRevealers = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration];
    private static readonly string[] DoorCodeRevealers = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration,
        AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator];
    private static readonly string[] PropertyReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Locksmith, Auditor];
    private static readonly string[] PropertyWriters = [SystemAdministrator, FeeOfficer, AlarmOfficer, AlarmCentreAdministration, Installer];
    private static readonly string[] ProviderReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Coordinator, UnitManager, Nurse, NightPatrolCoordinator,
        StaffingUnit, Auditor];
    private static readonly string[] ProviderWriters = [SystemAdministrator];
    private static readonly string[] StaffReaders = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, Coordinator, UnitManager,
        NightPatrolCoordinator, StaffingUnit, Auditor];
    private static readonly string[] StaffWriters = [SystemAdministrator, UnitManager, StaffingUnit];
    private static readonly string[] Administrators = [SystemAdministrator];
    private static readonly string[] IssuerKeyReaders = [SystemAdministrator, Integration];

    // Issue 3: devices, stock, physical keys, batteries.
    private static readonly string[] DeviceReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Employee, Nurse,
        NightPatrolCoordinator, Auditor];
    private static readonly string[] DeviceWriters = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, Installer, Locksmith];
    private static readonly string[] StockReaders = [SystemAdministrator, FeeOfficer, AlarmOfficer, AlarmCentreAdministration,
        AlarmCentreSupport, Installer, Locksmith, Auditor];
    private static readonly string[] StockWriters = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration];
    private static readonly string[] KeyReaders = ClientReaders;
    private static readonly string[] KeyWriters = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport,
        Installer, Coordinator, UnitManager, NightPatrolCoordinator];
    private static readonly string[] PhysicalKeyUsers = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee,
        Nurse, NightPatrolCoordinator];
    private static readonly string[] BatteryReaders = [SystemAdministrator, AlarmOfficer, AlarmCentreAdministration, AlarmCentreSupport,
        Installer, Coordinator, UnitManager, Employee, NightPatrolCoordinator];
    private static readonly string[] BatteryReporters = [SystemAdministrator, AlarmCentreSupport, Installer, Coordinator, UnitManager,
        Employee, Integration];
    private static readonly string[] BatteryTaskWriters = [SystemAdministrator, AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee];

    // Issue 4: work orders. Every role that owns a step in some preset works them (the handlers then let
    // only the step's owner act); the auditor reads; employees and the staffing unit own no step.
    private static readonly string[] WorkOrderReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Nurse,
        NightPatrolCoordinator, Auditor];
    private static readonly string[] WorkOrderWriters = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Locksmith, Coordinator, UnitManager, Nurse,
        NightPatrolCoordinator];

    // Issue 5: digital keys, 2-factor devices, grants and the permission pages (seed 001). The handlers
    // further hold the staffing unit to its own stock and hourly staff, and let only the alarm centre
    // register, make ready and retire; provider users see their own staff only (query filters).
    private static readonly string[] DigitalKeyReaders = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit,
        UnitManager, Coordinator, Auditor];
    private static readonly string[] DigitalKeyWriters = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit];
    private static readonly string[] DigitalKeyOrderers = [SystemAdministrator, AlarmCentreSupport, UnitManager];
    private static readonly string[] DigitalKeyBlockers = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, StaffingUnit,
        UnitManager, Coordinator];
    private static readonly string[] GrantWriters = [SystemAdministrator, AlarmCentreSupport, StaffingUnit, UnitManager];
    // Issue 5: the access-log report (seed 001: the unit manager asks, the alarm centre hands it out, the
    // auditor reviews) and visits (seed 003 §5: the provider's planners and staff; NFC tags are theirs).
    private static readonly string[] AccessLogReaders = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport, UnitManager, Auditor];
    private static readonly string[] VisitReaders = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee, Auditor];
    private static readonly string[] NfcTagWriters = [SystemAdministrator, AlarmCentreSupport, Coordinator, UnitManager, Employee];
    private static readonly string[] NfcScanners = [SystemAdministrator, Coordinator, UnitManager, Employee, Nurse, NightPatrolCoordinator];
    // Issue 5: opening doors. Care staff with a digital key (the handlers also require an employee
    // record and an issued key); lock events also come from a gateway's API key.
    private static readonly string[] DoorOpeners = [Employee, Nurse, Coordinator, UnitManager, NightPatrolCoordinator];
    private static readonly string[] LockEventUploaders = [Employee, Nurse, Coordinator, UnitManager, NightPatrolCoordinator, Installer,
        AlarmCentreSupport, Integration, SystemAdministrator];
    private static readonly string[] BreakGlassReviewers = [UnitManager, AlarmCentreSupport, Auditor, SystemAdministrator];

    public static readonly IReadOnlyDictionary<string, string[]?> Expected = new Dictionary<string, string[]?>
    {
        // Open to anyone: health, the login steps, the error and access-denied pages.
        ["ANY /healthz"] = null,
        ["POST /api/v1/auth/token"] = null,
        // A refresh token is its own credential (checked against the login's stamp); logging out is for people, not API keys.
        ["POST /api/v1/auth/refresh"] = null,
        ["POST /api/v1/auth/logout"] = People,
        ["PAGE /Konto/Logga-in"] = null,
        ["PAGE /Konto/Tvastegsinloggning"] = null,
        ["PAGE /Konto/Nekad"] = null,
        ["PAGE /Fel/{code:int}"] = null,

        ["PAGE /"] = People,
        ["PAGE /Konto/Logga-ut"] = People,
        ["PAGE /Konto/Tvafaktor"] = People,
        // One's own password and two-factor login (issue 13): every person, for themselves; never an API key.
        ["PAGE /Konto/Byt-losenord"] = People,
        ["POST /api/v1/account/password"] = People,
        ["GET /api/v1/account/two-factor"] = People,
        ["POST /api/v1/account/two-factor/key"] = People,
        ["POST /api/v1/account/two-factor/enable"] = People,
        ["POST /api/v1/account/two-factor/disable"] = People,
        ["POST /api/v1/account/two-factor/recovery-codes"] = People,
        ["GET /openapi/{documentName}.json"] = People,

        ["PAGE /Brukare"] = ClientReaders,
        ["PAGE /Brukare/{id:guid}"] = ClientReaders,
        ["PAGE /Brukare/Ny"] = ClientWriters,
        ["PAGE /Brukare/{id:guid}/Andra"] = ClientWriters,
        ["GET /api/v1/clients/"] = ClientReaders,
        ["GET /api/v1/clients/{id:guid}"] = ClientReaders,
        ["GET /api/v1/clients/{id:guid}/history"] = ClientReaders,
        ["POST /api/v1/clients/"] = ClientWriters,
        ["PUT /api/v1/clients/{id:guid}"] = ClientWriters,
        ["POST /api/v1/clients/search"] = NumberRevealers,
        ["POST /api/v1/clients/{id:guid}/door-code/reveal"] = DoorCodeRevealers,
        ["POST /api/v1/clients/{id:guid}/personal-identity-number/reveal"] = NumberRevealers,

        ["PAGE /Utforare"] = ProviderReaders,
        ["PAGE /Utforare/{id:guid}"] = ProviderReaders,
        ["PAGE /Enheter/{id:guid}"] = ProviderReaders,
        ["PAGE /Utforare/Ny"] = ProviderWriters,
        ["PAGE /Utforare/{id:guid}/Andra"] = ProviderWriters,
        ["PAGE /Utforare/{providerId:guid}/Enheter/Ny"] = ProviderWriters,
        ["PAGE /Enheter/{id:guid}/Andra"] = ProviderWriters,
        ["GET /api/v1/providers/"] = ProviderReaders,
        ["GET /api/v1/providers/{id:guid}"] = ProviderReaders,
        ["GET /api/v1/providers/{id:guid}/history"] = ProviderReaders,
        ["GET /api/v1/units/{id:guid}"] = ProviderReaders,
        ["GET /api/v1/units/{id:guid}/history"] = ProviderReaders,
        ["POST /api/v1/providers/"] = ProviderWriters,
        ["PUT /api/v1/providers/{id:guid}"] = ProviderWriters,
        ["POST /api/v1/providers/{id:guid}/units"] = ProviderWriters,
        ["PUT /api/v1/units/{id:guid}"] = ProviderWriters,

        ["PAGE /Personal"] = StaffReaders,
        ["PAGE /Personal/{id:guid}"] = StaffReaders,
        ["PAGE /Personal/Ny"] = StaffWriters,
        ["PAGE /Personal/{id:guid}/Andra"] = StaffWriters,
        ["GET /api/v1/employees/"] = StaffReaders,
        ["GET /api/v1/employees/{id:guid}"] = StaffReaders,
        ["GET /api/v1/employees/{id:guid}/history"] = StaffReaders,
        ["POST /api/v1/employees/"] = StaffWriters,
        ["PUT /api/v1/employees/{id:guid}"] = StaffWriters,

        ["PAGE /Fastighetsagare"] = PropertyReaders,
        ["PAGE /Fastighetsagare/{id:guid}"] = PropertyReaders,
        ["PAGE /Fastighetsagare/Ny"] = PropertyWriters,
        ["PAGE /Fastighetsagare/{id:guid}/Andra"] = PropertyWriters,
        ["GET /api/v1/property-owners/"] = PropertyReaders,
        ["GET /api/v1/property-owners/{id:guid}"] = PropertyReaders,
        ["GET /api/v1/property-owners/{id:guid}/history"] = PropertyReaders,
        ["POST /api/v1/property-owners/"] = PropertyWriters,
        ["PUT /api/v1/property-owners/{id:guid}"] = PropertyWriters,

        ["PAGE /Adresser"] = PropertyReaders,
        ["PAGE /Adresser/{id:guid}"] = PropertyReaders,
        ["PAGE /Adresser/Ny"] = PropertyWriters,
        ["PAGE /Adresser/{id:guid}/Andra"] = PropertyWriters,
        ["PAGE /Adresser/{addressId:guid}/Portar/Ny"] = PropertyWriters,
        ["PAGE /Portar/{id:guid}"] = PropertyReaders,
        ["PAGE /Portar/{id:guid}/Andra"] = PropertyWriters,
        ["GET /api/v1/addresses/"] = PropertyReaders,
        ["GET /api/v1/addresses/{id:guid}"] = PropertyReaders,
        ["GET /api/v1/addresses/{id:guid}/history"] = PropertyReaders,
        ["POST /api/v1/addresses/"] = PropertyWriters,
        ["PUT /api/v1/addresses/{id:guid}"] = PropertyWriters,
        ["POST /api/v1/addresses/{id:guid}/entrances"] = PropertyWriters,
        ["GET /api/v1/entrances/{id:guid}"] = PropertyReaders,
        ["GET /api/v1/entrances/{id:guid}/history"] = PropertyReaders,
        ["PUT /api/v1/entrances/{id:guid}"] = PropertyWriters,
        ["PUT /api/v1/entrances/{id:guid}/consent"] = PropertyWriters,

        ["PAGE /Hushall"] = ClientReaders,
        ["PAGE /Hushall/{id:guid}"] = ClientReaders,
        ["PAGE /Hushall/{id:guid}/Andra"] = ClientWriters,
        ["GET /api/v1/households/"] = ClientReaders,
        ["GET /api/v1/households/{id:guid}"] = ClientReaders,
        ["GET /api/v1/households/{id:guid}/history"] = ClientReaders,
        ["PUT /api/v1/households/{id:guid}"] = ClientWriters,

        ["PAGE /Brukare/{clientId:guid}/Insatser/Ny"] = ServiceWriterPeople,
        ["PAGE /Insatser/{id:guid}/Andra"] = ServiceWriterPeople,
        ["GET /api/v1/clients/{clientId:guid}/services/"] = ClientReaders,
        ["POST /api/v1/clients/{clientId:guid}/services/"] = ServiceWriters,
        ["GET /api/v1/services/{id:guid}"] = ClientReaders,
        ["GET /api/v1/services/{id:guid}/history"] = ClientReaders,
        ["PUT /api/v1/services/{id:guid}"] = ServiceWriters,

        ["PAGE /Admin"] = Administrators,
        ["PAGE /Admin/Anvandare"] = Administrators,
        ["PAGE /Admin/Anvandare/Ny"] = Administrators,
        ["PAGE /Admin/Anvandare/{id:guid}"] = Administrators,
        ["PAGE /Admin/Api-nycklar"] = Administrators,
        ["GET /api/v1/municipality"] = Administrators,
        ["GET /api/v1/identity-provider"] = Administrators,
        ["PUT /api/v1/identity-provider"] = Administrators,
        ["PUT /api/v1/municipality"] = Administrators,
        ["GET /api/v1/users"] = Administrators,
        ["POST /api/v1/users"] = Administrators,
        ["PUT /api/v1/users/{id:guid}"] = Administrators,
        ["POST /api/v1/users/{id:guid}/employee"] = Administrators,
        ["DELETE /api/v1/users/{id:guid}/employee"] = Administrators,
        ["POST /api/v1/users/{id:guid}/disable"] = Administrators,
        ["POST /api/v1/users/{id:guid}/enable"] = Administrators,
        ["DELETE /api/v1/users/{id:guid}"] = Administrators,
        ["GET /api/v1/api-keys"] = Administrators,
        ["POST /api/v1/api-keys"] = Administrators,
        ["POST /api/v1/api-keys/{id:guid}/revoke"] = Administrators,
        // Issuer keys (issue 12, docs/key-custody.md): the JWK Set and signed key set for lock vendors and
        // gateways (an API key) and the administrator; the status and the rotation for the administrator.
        ["PAGE /Admin/Utfardarnycklar"] = Administrators,
        ["GET /api/v1/issuer-keys/"] = IssuerKeyReaders,
        ["GET /api/v1/issuer-keys/key-set"] = IssuerKeyReaders,
        ["GET /api/v1/issuer-keys/status"] = Administrators,
        ["POST /api/v1/issuer-keys/rotate"] = Administrators,
        ["POST /api/v1/issuer-keys/{keyId}/retire"] = Administrators,

        // ---- Devices and stock (issue 3) ----
        ["PAGE /Utrustning"] = DeviceReaders,
        ["PAGE /Utrustning/{id:guid}"] = DeviceReaders,
        ["PAGE /Utrustning/{id:guid}/Andra"] = DeviceWriters,
        ["PAGE /Hushall/{householdId:guid}/Installera"] = DeviceWriters,
        ["PAGE /Portar/{entranceId:guid}/Installera"] = DeviceWriters,
        ["GET /api/v1/devices/"] = DeviceReaders,
        ["GET /api/v1/devices/{id:guid}"] = DeviceReaders,
        ["GET /api/v1/devices/{id:guid}/history"] = DeviceReaders,
        ["PUT /api/v1/devices/{id:guid}"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/reserve"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/cancel-reservation"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/install"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/uninstall"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/report-fault"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/resolve-fault"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/send-for-repair"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/return-from-repair"] = DeviceWriters,
        ["POST /api/v1/devices/{id:guid}/scrap"] = DeviceWriters,
        // Stock: reading is StockRead, models/locations/levels/orders StockWrite; the installer receives
        // deliveries and handles the clients' original lock parts (DevicesWrite).
        ["PAGE /Lager"] = StockReaders,
        ["PAGE /Lager/Modeller"] = StockReaders,
        ["PAGE /Lager/Modeller/Ny"] = StockWriters,
        ["PAGE /Lager/Modeller/{id:guid}/Andra"] = StockWriters,
        ["PAGE /Lager/Platser"] = StockReaders,
        ["PAGE /Lager/Platser/Ny"] = StockWriters,
        ["PAGE /Lager/Platser/{id:guid}/Andra"] = StockWriters,
        ["PAGE /Lager/Bestallningsniva"] = StockWriters,
        ["PAGE /Lager/Bestallningar"] = StockReaders,
        ["PAGE /Lager/Bestallningar/Ny"] = StockWriters,
        ["PAGE /Lager/Bestallningar/{id:guid}"] = StockReaders,
        ["PAGE /Lager/Leverans"] = DeviceWriters,
        ["PAGE /Lager/Originaldelar"] = StockReaders,
        ["PAGE /Lager/Originaldelar/{id:guid}"] = DeviceWriters,
        ["PAGE /Brukare/{clientId:guid}/Originaldelar/Ny"] = DeviceWriters,
        ["GET /api/v1/device-models/"] = StockReaders,
        ["GET /api/v1/device-models/{id:guid}"] = StockReaders,
        ["POST /api/v1/device-models/"] = StockWriters,
        ["PUT /api/v1/device-models/{id:guid}"] = StockWriters,
        ["GET /api/v1/stock-locations/"] = StockReaders,
        ["GET /api/v1/stock-locations/{id:guid}"] = StockReaders,
        ["POST /api/v1/stock-locations/"] = StockWriters,
        ["PUT /api/v1/stock-locations/{id:guid}"] = StockWriters,
        ["GET /api/v1/stock"] = StockReaders,
        ["PUT /api/v1/reorder-levels"] = StockWriters,
        ["GET /api/v1/purchase-orders/"] = StockReaders,
        ["GET /api/v1/purchase-orders/{id:guid}"] = StockReaders,
        ["GET /api/v1/purchase-orders/{id:guid}/history"] = StockReaders,
        ["POST /api/v1/purchase-orders/"] = StockWriters,
        ["POST /api/v1/purchase-orders/{id:guid}/cancel"] = StockWriters,
        ["POST /api/v1/deliveries"] = DeviceWriters,
        ["GET /api/v1/original-lock-parts/"] = StockReaders,
        ["GET /api/v1/original-lock-parts/{id:guid}"] = StockReaders,
        ["POST /api/v1/original-lock-parts/"] = DeviceWriters,
        ["POST /api/v1/original-lock-parts/{id:guid}/return"] = DeviceWriters,
        ["POST /api/v1/original-lock-parts/{id:guid}/move"] = DeviceWriters,
        ["GET /api/v1/clients/{clientId:guid}/original-lock-parts"] = DeviceReaders,

        // ---- Physical keys (issue 3) ----
        ["PAGE /Brukare/{clientId:guid}/Nycklar/Ny"] = KeyWriters,
        ["PAGE /Nycklar/{id:guid}"] = KeyReaders,
        ["PAGE /Nycklar/Kvittens/{id:guid}"] = KeyReaders,
        ["PAGE /Brukare/{clientId:guid}/Fysisk-nyckel"] = PhysicalKeyUsers,
        ["GET /api/v1/clients/{clientId:guid}/key-sets"] = KeyReaders,
        ["POST /api/v1/clients/{clientId:guid}/key-sets"] = KeyWriters,
        ["GET /api/v1/key-sets/{id:guid}"] = KeyReaders,
        ["GET /api/v1/key-sets/{id:guid}/history"] = KeyReaders,
        ["POST /api/v1/key-sets/{id:guid}/transfer"] = KeyWriters,
        ["POST /api/v1/key-sets/{id:guid}/return"] = KeyWriters,
        ["POST /api/v1/key-sets/{id:guid}/hand-out-again"] = KeyWriters,
        ["POST /api/v1/key-sets/{id:guid}/lost"] = KeyWriters,
        ["GET /api/v1/key-receipts/{id:guid}"] = KeyReaders,
        ["GET /api/v1/clients/{clientId:guid}/physical-key-uses"] = KeyReaders,
        ["POST /api/v1/clients/{clientId:guid}/physical-key-uses"] = PhysicalKeyUsers,
        ["GET /api/v1/physical-key-uses/{id:guid}"] = KeyReaders,

        // ---- Batteries (issue 3) ----
        ["PAGE /Batterier"] = BatteryReaders,
        ["POST /api/v1/devices/battery-reports"] = BatteryReporters,
        ["GET /api/v1/batteries/low"] = BatteryReaders,
        ["GET /api/v1/battery-tasks"] = BatteryReaders,
        ["POST /api/v1/battery-tasks/{id:guid}/complete"] = BatteryTaskWriters,

        // ---- Work orders and routine configuration (issue 4) ----
        ["GET /api/v1/work-orders/"] = WorkOrderReaders,
        ["GET /api/v1/work-orders/export"] = WorkOrderReaders,
        ["GET /api/v1/inbox"] = WorkOrderReaders,
        ["GET /api/v1/work-orders/{id:guid}"] = WorkOrderReaders,
        ["GET /api/v1/work-orders/{id:guid}/history"] = WorkOrderReaders,
        ["POST /api/v1/work-orders/"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/confirm"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/dismiss"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/cancel"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/take"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/book"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/answers"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/complete"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/send-back"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/reroute"] = WorkOrderWriters,
        ["POST /api/v1/work-orders/{id:guid}/comments"] = WorkOrderWriters,
        ["GET /api/v1/routine-configuration/"] = Administrators,
        ["POST /api/v1/routine-configuration/preset"] = Administrators,
        ["PUT /api/v1/routine-configuration/steps/{stepCode}"] = Administrators,
        // ---- Work orders: pages (issue 4) ----
        // /Arenden/{id}: GET is WorkOrdersRead; its POST handlers are rows of PageHandlers. The CSV export is a GET
        // handler of /Arenden.
        ["PAGE /Arenden"] = WorkOrderReaders,
        ["PAGE /Inkorg"] = WorkOrderReaders,
        ["PAGE /Arenden/{id:guid}"] = WorkOrderReaders,
        ["PAGE /Arenden/{id:guid}/historik"] = WorkOrderReaders,
        ["PAGE /Arenden/Nytt"] = WorkOrderWriters,
        // Routine configuration: switching preset and reassigning a step are POST handlers of the same page (PageHandlers).
        ["PAGE /Admin/Rutiner"] = Administrators,

        // ---- Digital keys, 2-factor devices, grants, permissions (issue 5) ----
        // The key, device and employee pages' POST handlers are rows of PageHandlers, each with its action's roles.
        ["PAGE /Nycklar/Digitala"] = DigitalKeyReaders,
        ["PAGE /Nycklar/Digitala/Ny"] = DigitalKeyWriters,
        ["PAGE /Nycklar/Digitala/{id:guid}"] = DigitalKeyReaders,
        ["PAGE /Nycklar/Digitala/Kvittens/{id:guid}"] = DigitalKeyReaders,
        ["PAGE /Nycklar/Dosor"] = DigitalKeyReaders,
        ["PAGE /Nycklar/Dosor/{id:guid}"] = DigitalKeyReaders,
        ["PAGE /Personal/{id:guid}/Behorighet"] = DigitalKeyReaders,
        ["GET /api/v1/digital-keys/"] = DigitalKeyReaders,
        ["POST /api/v1/digital-keys/"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/orders"] = DigitalKeyOrderers,
        ["GET /api/v1/digital-keys/{id:guid}"] = DigitalKeyReaders,
        ["GET /api/v1/digital-keys/{id:guid}/history"] = DigitalKeyReaders,
        ["POST /api/v1/digital-keys/{id:guid}/make-ready"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/{id:guid}/issue"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/{id:guid}/return"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/{id:guid}/block"] = DigitalKeyBlockers,
        ["POST /api/v1/digital-keys/{id:guid}/retire"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/{id:guid}/move"] = DigitalKeyWriters,
        ["POST /api/v1/digital-keys/{id:guid}/kept-at"] = DigitalKeyWriters,
        ["GET /api/v1/two-factor-devices/"] = DigitalKeyReaders,
        ["POST /api/v1/two-factor-devices/"] = DigitalKeyWriters,
        ["GET /api/v1/two-factor-devices/{id:guid}"] = DigitalKeyReaders,
        ["GET /api/v1/two-factor-devices/{id:guid}/history"] = DigitalKeyReaders,
        ["POST /api/v1/two-factor-devices/{id:guid}/issue"] = DigitalKeyWriters,
        ["POST /api/v1/two-factor-devices/{id:guid}/place-at-unit"] = DigitalKeyWriters,
        ["POST /api/v1/two-factor-devices/{id:guid}/return"] = DigitalKeyWriters,
        ["POST /api/v1/two-factor-devices/{id:guid}/block"] = DigitalKeyBlockers,
        ["POST /api/v1/two-factor-devices/{id:guid}/kept-at"] = DigitalKeyWriters,
        ["GET /api/v1/digital-key-receipts/{id:guid}"] = DigitalKeyReaders,
        ["GET /api/v1/employees/{id:guid}/access-grants"] = DigitalKeyReaders,
        ["POST /api/v1/employees/{id:guid}/access-grants"] = GrantWriters,
        ["GET /api/v1/access-grants/{id:guid}"] = DigitalKeyReaders,
        ["POST /api/v1/access-grants/{id:guid}/withdraw"] = GrantWriters,
        ["GET /api/v1/employees/{id:guid}/permissions"] = DigitalKeyReaders,
        ["GET /api/v1/locks/{id:guid}/permissions"] = DigitalKeyReaders,
        // ---- Access log and visits (issue 5) ----
        // /Logg's CSV export is a GET handler of the same page; /Brukare/{id}/Nfc-taggar's deactivation a POST handler (PageHandlers).
        ["PAGE /Logg"] = AccessLogReaders,
        ["GET /api/v1/access-log/"] = AccessLogReaders,
        ["GET /api/v1/access-log/export"] = AccessLogReaders,
        ["PAGE /Besok"] = VisitReaders,
        ["PAGE /Brukare/{clientId:guid}/Besok"] = VisitReaders,
        ["PAGE /Brukare/{clientId:guid}/Nfc-taggar"] = NfcTagWriters,
        ["GET /api/v1/visits"] = VisitReaders,
        ["GET /api/v1/clients/{clientId:guid}/nfc-tags"] = VisitReaders,
        ["POST /api/v1/clients/{clientId:guid}/nfc-tags"] = NfcTagWriters,
        ["GET /api/v1/nfc-tags/{id:guid}"] = VisitReaders,
        ["DELETE /api/v1/nfc-tags/{id:guid}"] = NfcTagWriters,
        ["POST /api/v1/nfc-scans"] = NfcScanners,
        ["PAGE /Admin/Besokswebhook"] = Administrators,
        ["PAGE /Admin/Inloggningstjanst"] = Administrators,
        ["GET /api/v1/admin/visit-webhook/"] = Administrators,
        ["PUT /api/v1/admin/visit-webhook/"] = Administrators,
        ["DELETE /api/v1/admin/visit-webhook/"] = Administrators,
        // The security log (issue 13): the system administrator of the municipality only.
        ["PAGE /Admin/Sakerhetslogg"] = Administrators,
        ["GET /api/v1/security-events"] = Administrators,
        ["POST /api/v1/admin/visit-webhook/retry"] = Administrators,
        // ---- Opening doors (issue 5) ----
        ["POST /api/v1/credentials"] = DoorOpeners,
        ["POST /api/v1/break-glass"] = DoorOpeners,
        ["GET /api/v1/revocation-list"] = LockEventUploaders,
        ["POST /api/v1/locks/{id:guid}/events"] = LockEventUploaders,
        ["GET /api/v1/locks/{id:guid}/sync"] = DeviceReaders,
        ["GET /api/v1/me/clients"] = DoorOpeners,
        ["POST /api/v1/clients/{clientId:guid}/could-not-get-in"] = DoorOpeners,
        ["GET /api/v1/break-glass"] = BreakGlassReviewers,
        ["POST /api/v1/break-glass/{id:guid}/review"] = BreakGlassReviewers,
        // ---- Device keys held by their devices (issue 12) ----
        ["POST /api/v1/me/device-key/challenge"] = DoorOpeners,
        ["POST /api/v1/me/device-key/"] = DoorOpeners,
        ["POST /api/v1/digital-keys/enrolment-challenges"] = DigitalKeyWriters,
        ["POST /api/v1/doors/{lockId:guid}/challenge"] = DoorOpeners,
        ["POST /api/v1/doors/{lockId:guid}/break-glass-challenge"] = DoorOpeners,
        ["POST /api/v1/doors/{lockId:guid}/response"] = DoorOpeners,
        // /Brukare/{id}/Dorren's POST (CouldNotGetIn): PageHandlers. Opening runs in the browser through the API above.
        ["PAGE /Mina-brukare"] = DoorOpeners,
        ["PAGE /Brukare/{clientId:guid}/Dorren"] = DoorOpeners,
        ["PAGE /Nodoppningar"] = BreakGlassReviewers,
    };
}
