using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Keys;
using Nyckelfri.Devices;
using Nyckelfri.Properties;
using Nyckelfri.Identity;
using Nyckelfri.Routines;

namespace Nyckelfri.Web.Pages.Shared;

/// <summary>Swedish formats for what pages show: instants in Swedish local time, dates as ÅÅÅÅ-MM-DD.</summary>
public static class Display
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string DateTime(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", Swedish);
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Swedish) ?? "–";
    public static string YesNo(bool value) => value ? "Ja" : "Nej";
}

/// <summary>The Swedish label of a recorded field name, for history lines.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["FirstName"] = "Förnamn", ["LastName"] = "Efternamn", ["SearchName"] = "Söknamn",
        ["PersonalIdentityNumber"] = "Personnummer", ["Phone"] = "Telefon", ["DoorCode"] = "Portkod",
        ["HouseholdId"] = "Hushåll", ["HasCodeLock"] = "Kodlås på ytterdörr", ["OpensDoorThemself"] = "Öppnar dörren själv",
        ["AgreedNoInstall"] = "Överenskommet att inte installera", ["InformedOn"] = "Informerad om digitalt lås",
        ["LockDecision"] = "Svar om digitalt lås", ["Name"] = "Namn", ["Kind"] = "Typ", ["Street"] = "Gatuadress",
        ["PostalCode"] = "Postnummer", ["City"] = "Ort", ["PropertyOwnerId"] = "Fastighetsägare", ["AddressId"] = "Adress",
        ["EntranceId"] = "Port", ["Apartment"] = "Lägenhet", ["ConsentStatus"] = "Samtycke till portlås",
        ["ConsentDate"] = "Datum för samtycke", ["ConsentNote"] = "Kommentar om samtycke", ["ProviderId"] = "Utförare",
        ["UnitId"] = "Enhet", ["Units"] = "Enhet", ["EmploymentType"] = "Anställningsform", ["StartDate"] = "Startdatum",
        ["EndDate"] = "Slutdatum", ["LongLeaveFrom"] = "Lång ledighet från", ["LongLeaveTo"] = "Lång ledighet till",
        ["Email"] = "E-post", ["Title"] = "Befattning", ["OrganizationNumber"] = "Organisationsnummer",
        ["ContactName"] = "Kontaktperson", ["ContactPhone"] = "Kontaktens telefon", ["ContactEmail"] = "Kontaktens e-post",
        ["Assessed"] = "Biståndsbedömd", ["ClientId"] = "Brukare", ["DecisionReference"] = "Beslutsreferens",
        ["Code"] = "Kod", ["IsDemo"] = "Demokommun", ["TwoFactorRoles"] = "Roller med krav på tvåstegsinloggning",
        // Devices (issue 3)
        ["SerialNumber"] = "Serienummer", ["KeyNumber"] = "Nyckelnummer", ["Firmware"] = "Firmware", ["Note"] = "Anteckning",
        ["Status"] = "Status", ["StockLocationId"] = "Lagerplats", ["InstalledOn"] = "Monteringsdatum", ["DeviceModelId"] = "Modell",
        ["FaultDescription"] = "Felbeskrivning", ["ScrapReason"] = "Anledning till skrotning", ["BatteryLevel"] = "Batterinivå",
        ["BatteryReportedAt"] = "Batterinivå rapporterad",
        // Physical keys (issue 3).
        ["KeyCount"] = "Antal nycklar", ["HolderUnitId"] = "Finns hos enhet",
        // Stock (issue 3)
        ["Supplier"] = "Leverantör", ["Note"] = "Anteckning", ["Description"] = "Beskrivning", ["Level"] = "Beställningsnivå",
        ["StockLocationId"] = "Lagerplats", ["DeviceModelId"] = "Modell", ["Number"] = "Nummer", ["OrderedOn"] = "Beställningsdatum",
        ["DeliverToId"] = "Levereras till", ["Status"] = "Status", ["PurchaseOrderId"] = "Beställning", ["Ordered"] = "Beställt antal",
        ["Delivered"] = "Levererat antal", ["Tag"] = "Märkning", ["StoredOn"] = "Lagrade", ["ReturnedOn"] = "Återlämnade",
        ["ReturnNote"] = "Kommentar vid återlämning",
        ["BatteryLevel"] = "Batterinivå (%)", ["BatteryReportedAt"] = "Batterinivå rapporterad",
        ["BatteryThreshold"] = "Gräns för lågt batteri (%)", ["BatteryEmptyOn"] = "Batteriet beräknas ta slut",
        ["OpenedAt"] = "Öppnad", ["DoneAt"] = "Klar", ["DoneBy"] = "Klar av",
        // Work orders and the routine configuration (issue 4).
        ["Number"] = "Nummer", ["State"] = "Status", ["CurrentStepCode"] = "Aktuellt steg", ["OwnerRole"] = "Ägande roll",
        ["OwnerUnitId"] = "Ägande enhet", ["TakenBy"] = "Tagen av", ["DueOn"] = "Senast klart", ["BookedFor"] = "Bokad tid",
        ["StaffMustBePresent"] = "Personal ska vara på plats", ["OutcomeCode"] = "Utfall (kod)", ["ClosingReason"] = "Anledning",
        ["ClosedAt"] = "Avslutat", ["CreatedAt"] = "Skapat", ["ProposalReason"] = "Varför ärendet föreslogs", ["DeviceId"] = "Enhet",
        ["StepCode"] = "Steg", ["Route"] = "Vad felet gäller", ["Role"] = "Roll", ["RoutinePreset"] = "Rutinmall",
        // Digital keys, 2-factor devices and grants (issue 5).
        ["HolderPublicKey"] = "Publik nyckel", ["HolderKeyHash"] = "Publika nyckelns hash",
        ["EmployeeId"] = "Medarbetare", ["Stock"] = "Lager", ["OrderedBy"] = "Beställd av", ["IssuedOn"] = "Utlämnad",
        ["BlockedAt"] = "Spärrad", ["BlockReason"] = "Anledning till spärr", ["KeptAt"] = "Förvaras", ["FromDate"] = "Från och med",
        ["ToDate"] = "Till och med", ["Reason"] = "Anledning", ["GrantedBy"] = "Beviljad av", ["WithdrawnAt"] = "Återkallad",
        ["WithdrawnBy"] = "Återkallad av",
        // Visits (issue 5).
        ["VisitWebhookUrl"] = "Webhook för besök (adress)", ["VisitWebhookSecret"] = "Webhook för besök (hemlighet)",
        ["TagId"] = "NFC-taggens id", ["Placement"] = "Placering", ["Active"] = "Aktiv",
    };

    public static string For(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>
    /// A recorded value in Swedish where the field says unambiguously what it is (the consent to an
    /// entrance lock, the client's answer, yes/no); any other value is shown as recorded.
    /// </summary>
    public static string? Value(string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        (_, "true") => "Ja",
        (_, "false") => "Nej",
        // Instants are recorded as ISO 8601 UTC ("2026-11-20T05:48:51.4051719Z"); people read Swedish local time.
        (_, _) when value.Length > 19 && value[10] == 'T' && value.EndsWith('Z')
                    && System.DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            => Display.DateTime(System.DateTime.SpecifyKind(instant, DateTimeKind.Utc)),
        ("ConsentStatus", _) when Enum.TryParse<ConsentStatus>(value, out var consent) => Entrance.SwedishName(consent),
        ("LockDecision", _) when Enum.TryParse<LockDecision>(value, out var decision) => Client.SwedishName(decision),
        ("Status", _) when int.TryParse(value, out _) => value,
        ("Status", _) when Enum.TryParse<DeviceStatus>(value, out var status) => DeviceNames.SwedishName(status),
        ("Status", _) when Enum.TryParse<KeySetStatus>(value, out var keys) => KeySet.SwedishName(keys),
        ("Status", _) when Enum.TryParse<Nyckelfri.Access.DigitalKeyStatus>(value, out var key) => Nyckelfri.Access.DigitalKey.SwedishName(key),
        ("Status", _) when Enum.TryParse<Nyckelfri.Access.TwoFactorDeviceStatus>(value, out var device) => Nyckelfri.Access.TwoFactorDevice.SwedishName(device),
        ("Stock", _) when Enum.TryParse<Nyckelfri.Access.KeyStock>(value, out var stock) => Nyckelfri.Access.DigitalKey.SwedishName(stock),
        ("Kind", _) when int.TryParse(value, out _) => value,
        ("Kind", _) when Enum.TryParse<Nyckelfri.Access.DigitalKeyKind>(value, out var keyKind) => Nyckelfri.Access.DigitalKey.SwedishName(keyKind),
        ("Kind", _) when Enum.TryParse<Nyckelfri.Access.AccessGrantKind>(value, out var grantKind) => Nyckelfri.Access.AccessGrant.SwedishName(grantKind),
        ("Kind", _) when Enum.TryParse<DeviceKind>(value, out var kind) => DeviceNames.SwedishName(kind),
        ("Kind", _) when Enum.TryParse<RoutineKind>(value, out var routine) => RoutineNames.SwedishName(routine),
        ("State", _) when !int.TryParse(value, out _) && Enum.TryParse<WorkOrderState>(value, out var state) => WorkOrderNames.SwedishName(state),
        ("CurrentStepCode" or "StepCode", _) => StepTitle(value),
        ("OwnerRole" or "Role", _) => Roles.SwedishName(value),
        ("Route", "") => null,
        ("Route", _) => RoutineCatalog.Checkpoint(RoutineCatalog.FaultRoute).Options.FirstOrDefault(o => o.Value == value)?.SwedishLabel ?? value,
        ("RoutinePreset", _) when !int.TryParse(value, out _) && Enum.TryParse<RoutinePreset>(value, out var preset) => RoutinePresets.SwedishName(preset),
        _ => value,
    };

    /// <summary>A stored step code as its title; a code the catalog no longer has is shown as stored.</summary>
    private static string StepTitle(string code) =>
        RoutineCatalog.All.SelectMany(r => r.Steps).FirstOrDefault(s => s.Code == code)?.SwedishTitle ?? code;
}
