using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.IntegrationTests.Security;

public static partial class AuthorizationMatrix
{
    /// <summary>
    /// Every page handler that changes something or runs an action (key format: see the class remarks),
    /// with the roles allowed to send it. A page's class-level policy refuses the others before any
    /// handler runs; where the page is a read page, the handler itself checks the write right and must
    /// refuse everyone else the same way (a redirect to /Konto/Nekad, nothing stored). Where a handler then
    /// narrows further by business rule (only the alarm centre makes keys ready, only the step's owner acts on
    /// a work order), the role listed here is the one that gets past the authorization check: the rule
    /// answers with a form error, not a refusal.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]?> PageHandlers = new Dictionary<string, string[]?>
    {
        // ---- Logging in and out, the error page ----
        ["POST /Konto/Logga-in"] = null,
        // "Logga in med …": before anyone is signed in, by definition.
        ["POST /Konto/Logga-in?handler=External"] = null,
        ["POST /Konto/Tvastegsinloggning"] = null,
        ["POST /Fel/{code:int}"] = null,
        ["POST /Konto/Logga-ut"] = People,
        // Setting up and turning off one's own two-factor login.
        ["POST /Konto/Tvafaktor"] = People,
        ["POST /Konto/Tvafaktor?handler=Disable"] = People,
        ["POST /Konto/Tvafaktor?handler=RecoveryCodes"] = People,
        // Changing one's own password (the current one required).
        ["POST /Konto/Byt-losenord"] = People,

        // ---- Clients, households, services (issue 2) ----
        ["POST /Brukare/Ny"] = ClientWriters,
        ["POST /Brukare/{id:guid}/Andra"] = ClientWriters,
        // Read page: finding a client by personnummer is a POST so the number never sits in a URL; it reads.
        // A search by personnummer confirms a number as a reveal does: the reveal right (issue 13).
        ["POST /Brukare?handler=FindByNumber"] = NumberRevealers,
        // Read page: each reveal is written to the client's history; the handlers check the reveal policies.
        ["POST /Brukare/{id:guid}?handler=RevealDoorCode"] = DoorCodeRevealers,
        ["POST /Brukare/{id:guid}?handler=RevealNumber"] = NumberRevealers,
        ["POST /Hushall/{id:guid}/Andra"] = ClientWriters,
        ["POST /Brukare/{clientId:guid}/Insatser/Ny"] = ServiceWriterPeople,
        ["POST /Insatser/{id:guid}/Andra"] = ServiceWriterPeople,

        // ---- Providers, units, staff (issue 2) ----
        ["POST /Utforare/Ny"] = ProviderWriters,
        ["POST /Utforare/{id:guid}/Andra"] = ProviderWriters,
        ["POST /Utforare/{providerId:guid}/Enheter/Ny"] = ProviderWriters,
        ["POST /Enheter/{id:guid}/Andra"] = ProviderWriters,
        // "?handler=Provider" redraws the form's unit list for the provider picked; it stores nothing.
        ["POST /Personal/Ny"] = StaffWriters,
        ["POST /Personal/Ny?handler=Provider"] = StaffWriters,
        ["POST /Personal/{id:guid}/Andra"] = StaffWriters,
        ["POST /Personal/{id:guid}/Andra?handler=Provider"] = StaffWriters,
        // Read page (StaffRead): ordering a key, handing one out and the time-boxed grants check their own
        // policies (issue 5); the staffing unit and the unit manager are then held to their own staff.
        ["POST /Personal/{id:guid}?handler=Order"] = DigitalKeyOrderers,
        ["POST /Personal/{id:guid}?handler=Issue"] = DigitalKeyWriters,
        ["POST /Personal/{id:guid}?handler=Grant"] = GrantWriters,
        ["POST /Personal/{id:guid}?handler=Withdraw"] = GrantWriters,
        ["POST /Personal/{id:guid}?handler=LinkLogin"] = Administrators,

        // ---- Property owners, addresses, entrances (issue 2) ----
        ["POST /Fastighetsagare/Ny"] = PropertyWriters,
        ["POST /Fastighetsagare/{id:guid}/Andra"] = PropertyWriters,
        ["POST /Adresser/Ny"] = PropertyWriters,
        ["POST /Adresser/{id:guid}/Andra"] = PropertyWriters,
        ["POST /Adresser/{addressId:guid}/Portar/Ny"] = PropertyWriters,
        ["POST /Portar/{id:guid}/Andra"] = PropertyWriters,

        // ---- The access log: a read page whose name search is posted, so that names never sit in a URL ----
        ["POST /Logg"] = AccessLogReaders,
        ["POST /Logg?handler=Csv"] = AccessLogReaders,

        // ---- Administration ----
        ["POST /Admin"] = Administrators,
        ["POST /Admin/Anvandare/Ny"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Unlock"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Link"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Unlink"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Disable"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Enable"] = Administrators,
        ["POST /Admin/Anvandare/{id:guid}?handler=Remove"] = Administrators,
        ["POST /Admin/Api-nycklar?handler=Create"] = Administrators,
        ["POST /Admin/Api-nycklar?handler=Revoke"] = Administrators,
        ["POST /Admin/Utfardarnycklar?handler=Rotate"] = Administrators,
        ["POST /Admin/Utfardarnycklar?handler=Retire"] = Administrators,
        ["POST /Admin/Rutiner?handler=Switch"] = Administrators,
        ["POST /Admin/Rutiner?handler=Reassign"] = Administrators,
        ["POST /Admin/Besokswebhook"] = Administrators,
        ["POST /Admin/Inloggningstjanst"] = Administrators,
        ["POST /Admin/Besokswebhook?handler=Disable"] = Administrators,
        ["POST /Admin/Besokswebhook?handler=Retry"] = Administrators,

        // ---- Devices (issue 3) ----
        // Read page (DevicesRead): every transition checks DevicesWrite, as the API's do.
        ["POST /Utrustning/{id:guid}?handler=CancelReservation"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=Uninstall"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=ReportFault"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=ResolveFault"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=SendForRepair"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=ReturnFromRepair"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}?handler=Scrap"] = DeviceWriters,
        ["POST /Utrustning/{id:guid}/Andra"] = DeviceWriters,
        ["POST /Hushall/{householdId:guid}/Installera"] = DeviceWriters,
        ["POST /Hushall/{householdId:guid}/Installera?handler=Reserve"] = DeviceWriters,
        ["POST /Portar/{entranceId:guid}/Installera"] = DeviceWriters,
        ["POST /Portar/{entranceId:guid}/Installera?handler=Reserve"] = DeviceWriters,

        // ---- Stock (issue 3): models, locations, levels and orders are StockWrite; the installer receives
        // deliveries and handles the clients' original lock parts (DevicesWrite) ----
        ["POST /Lager/Modeller/Ny"] = StockWriters,
        ["POST /Lager/Modeller/{id:guid}/Andra"] = StockWriters,
        ["POST /Lager/Platser/Ny"] = StockWriters,
        ["POST /Lager/Platser/{id:guid}/Andra"] = StockWriters,
        ["POST /Lager/Bestallningsniva"] = StockWriters,
        ["POST /Lager/Bestallningar/Ny"] = StockWriters,
        // Read page (StockRead): cancelling an order checks StockWrite.
        ["POST /Lager/Bestallningar/{id:guid}?handler=Cancel"] = StockWriters,
        ["POST /Lager/Leverans"] = DeviceWriters,
        ["POST /Lager/Originaldelar/{id:guid}?handler=Move"] = DeviceWriters,
        ["POST /Lager/Originaldelar/{id:guid}?handler=Return"] = DeviceWriters,
        ["POST /Brukare/{clientId:guid}/Originaldelar/Ny"] = DeviceWriters,

        // ---- Physical keys (issue 3) ----
        ["POST /Brukare/{clientId:guid}/Nycklar/Ny"] = KeyWriters,
        // Read page (KeysRead): every change of hands checks KeysWrite.
        ["POST /Nycklar/{id:guid}?handler=Transfer"] = KeyWriters,
        ["POST /Nycklar/{id:guid}?handler=Return"] = KeyWriters,
        ["POST /Nycklar/{id:guid}?handler=Again"] = KeyWriters,
        ["POST /Nycklar/{id:guid}?handler=Lost"] = KeyWriters,
        ["POST /Brukare/{clientId:guid}/Fysisk-nyckel"] = PhysicalKeyUsers,

        // ---- Batteries (issue 3) ----
        // Read page (BatteriesRead): marking a change done checks BatteryTasksWrite, so the alarm officer, the
        // alarm centre's administration and the night patrol see the list but do not close tasks.
        ["POST /Batterier?handler=Complete"] = BatteryTaskWriters,

        // ---- Work orders (issue 4) ----
        ["POST /Arenden/Nytt"] = WorkOrderWriters,
        // Read page (WorkOrdersRead): every form checks WorkOrdersWrite (the auditor reads only); the
        // application then lets only the current step's owner act (the system administrator may also cancel).
        ["POST /Arenden/{id:guid}?handler=Take"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Book"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Answer"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Complete"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=SendBack"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Reroute"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Confirm"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Dismiss"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Cancel"] = WorkOrderWriters,
        ["POST /Arenden/{id:guid}?handler=Comment"] = WorkOrderWriters,

        // ---- Digital keys and 2-factor devices (issue 5) ----
        ["POST /Nycklar/Digitala/Ny"] = DigitalKeyWriters,
        // Read pages (DigitalKeysRead): each action checks DigitalKeysWrite, a block DigitalKeysBlock (the
        // coordinator and unit manager may block at once but not hand out). Making ready, retiring and placing
        // a device at a unit are then the alarm centre's (a form error for the staffing unit).
        ["POST /Nycklar/Digitala/{id:guid}?handler=Ready"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Issue"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Return"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Keep"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Move"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Retire"] = DigitalKeyWriters,
        ["POST /Nycklar/Digitala/{id:guid}?handler=Block"] = DigitalKeyBlockers,
        ["POST /Nycklar/Dosor"] = DigitalKeyWriters,
        ["POST /Nycklar/Dosor/{id:guid}?handler=Issue"] = DigitalKeyWriters,
        ["POST /Nycklar/Dosor/{id:guid}?handler=Place"] = DigitalKeyWriters,
        ["POST /Nycklar/Dosor/{id:guid}?handler=Return"] = DigitalKeyWriters,
        ["POST /Nycklar/Dosor/{id:guid}?handler=Keep"] = DigitalKeyWriters,
        ["POST /Nycklar/Dosor/{id:guid}?handler=Block"] = DigitalKeyBlockers,

        // ---- Visits, opening doors, break-glass review (issue 5) ----
        ["POST /Brukare/{clientId:guid}/Nfc-taggar"] = NfcTagWriters,
        ["POST /Brukare/{clientId:guid}/Nfc-taggar?handler=Deactivate"] = NfcTagWriters,
        ["POST /Brukare/{clientId:guid}/Dorren?handler=CouldNotGetIn"] = DoorOpeners,
        ["POST /Nodoppningar"] = BreakGlassReviewers,
    };
}
