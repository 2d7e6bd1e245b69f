using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Who may call what: role × endpoint → allowed. Written out here on purpose, independently of the
/// app's policy table, so that a change to either shows up as a failing test to be looked at.
/// null means anonymous access is allowed.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly string[] People = All.Where(r => r != Integration).ToArray();

    private static readonly string[] ClientReaders = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer,
        AlarmCentreAdministration, AlarmCentreSupport, Installer, Coordinator, UnitManager, Employee, Nurse,
        NightPatrolCoordinator, Auditor];
    private static readonly string[] ClientWriters = [SystemAdministrator, CaseOfficer, FeeOfficer, AlarmOfficer, AlarmCentreAdministration];
    private static readonly string[] ServiceWriters = [SystemAdministrator, CaseOfficer, AlarmOfficer, AlarmCentreAdministration, Integration];
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
    private static readonly string[] StaffReaders = [SystemAdministrator, Coordinator, UnitManager, NightPatrolCoordinator, StaffingUnit, Auditor];
    private static readonly string[] StaffWriters = [SystemAdministrator, UnitManager, StaffingUnit];
    private static readonly string[] Administrators = [SystemAdministrator];

    public static readonly IReadOnlyDictionary<string, string[]?> Expected = new Dictionary<string, string[]?>
    {
        // Open to anyone: health, the login steps, the error and access-denied pages.
        ["ANY /healthz"] = null,
        ["POST /api/v1/auth/token"] = null,
        ["PAGE /Konto/Logga-in"] = null,
        ["PAGE /Konto/Tvastegsinloggning"] = null,
        ["PAGE /Konto/Nekad"] = null,
        ["PAGE /Fel/{code:int}"] = null,

        ["PAGE /"] = People,
        ["PAGE /Konto/Logga-ut"] = People,
        ["PAGE /Konto/Tvafaktor"] = People,
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
        ["POST /api/v1/clients/search"] = ClientReaders,
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

        ["PAGE /Admin"] = Administrators,
        ["PAGE /Admin/Anvandare"] = Administrators,
        ["PAGE /Admin/Anvandare/Ny"] = Administrators,
        ["PAGE /Admin/Anvandare/{id:guid}"] = Administrators,
        ["PAGE /Admin/Api-nycklar"] = Administrators,
        ["GET /api/v1/municipality"] = Administrators,
        ["PUT /api/v1/municipality"] = Administrators,
        ["GET /api/v1/users"] = Administrators,
        ["POST /api/v1/users"] = Administrators,
        ["PUT /api/v1/users/{id:guid}"] = Administrators,
        ["GET /api/v1/api-keys"] = Administrators,
        ["POST /api/v1/api-keys"] = Administrators,
        ["POST /api/v1/api-keys/{id:guid}/revoke"] = Administrators,
    };

    // Referenced by rows added with the other registry areas.
    internal static readonly string[][] Sets = [ServiceWriters, PropertyReaders, PropertyWriters];
}
