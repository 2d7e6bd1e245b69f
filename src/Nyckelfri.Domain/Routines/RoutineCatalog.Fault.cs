namespace Nyckelfri.Routines;

public static partial class RoutineCatalog
{
    /// <summary>The checkpoint whose answer routes the fault report's later steps (ROUTINES.md 4.2).</summary>
    public const string FaultRoute = "fault.report.what";

    /// <summary>The answers of <see cref="FaultRoute"/>: the route values that presets give owners for.</summary>
    public static class FaultRoutes
    {
        public const string HouseholdLock = "household-lock";
        public const string EntranceLock = "entrance-lock";
        public const string Software = "software";

        public static readonly IReadOnlyList<string> All = [HouseholdLock, EntranceLock, Software];
    }

    /// <summary>
    /// ROUTINES.md 4; seed 002 §2, 001. Steps after the report are routed by <see cref="FaultRoute"/>:
    /// household lock → installer, entrance lock → system administrator then locksmith, software →
    /// system administrator then supplier support. Handing on is re-answering the route.
    /// </summary>
    private static RoutineDefinition FaultReport() => Routine(RoutineKind.FaultReport, DuePolicy.None,
        Step("fault.report", "Felanmälan: dörren gick inte att öppna", "ROUTINES.md 4.1; seed 002 §2 (utförare), 001",
            """
            Går dörren inte att öppna med det digitala låset: hämta och använd den fysiska nyckeln så länge.
            Ange vad som inte fungerar och om det är brådskande.
            Går det varken att låsa eller låsa upp med app eller nyckel utanför kontorstid: hjälp brukaren att kontakta en låssmed som kan åtgärda felet akut. Beror felet på monteringen eller låset ersätter kommunen brukarens utlägg.
            Fick räddningstjänsten bryta sig in för att låset inte gick att öppna: ange det, så får leverantören veta.
            """,
            [
                Ask(FaultRoute, "Vad fungerar inte?", true,
                    Answer(FaultRoutes.HouseholdLock, "Det digitala låset på brukarens dörr"),
                    Answer(FaultRoutes.EntranceLock, "Portlåset"),
                    Answer(FaultRoutes.Software, "Appen eller systemet")),
                Ask("fault.report.urgent", "Brådskande utanför kontorstid (varken app eller nyckel fungerar)?", true,
                    No(), Yes("Ja, akut låssmed behövs")),
                Ask("fault.report.rescue-services", "Fick räddningstjänsten bryta sig in för att låset inte gick att öppna?", true,
                    No(), Yes()),
            ],
            [StepEffect.ReportDeviceFault]),
        Step("fault.triage", "Ta emot felanmälan", "ROUTINES.md 4.2; seed 002 §2 (vaktmästare, systemförvaltare), 001 (support)",
            """
            Ta emot felanmälan och kontrollera vart den ska. Fel på låset vid brukarens dörr åtgärdas av montören; fel på portlåset av den upphandlade låssmeden; fel i appen eller systemet av systemförvaltaren, som vid behov felanmäler till leverantörens support.
            Stämmer inte svaret på frågan om vad som inte fungerar: ändra det, så går ärendet till rätt ägare.
            """) with { RoutedBy = FaultRoute },
        Step("fault.book", "Kontakta anmälaren och boka besök", "ROUTINES.md 4.3; seed 002 §2 (vaktmästare)",
            """
            Kontakta den som anmälde felet och ta reda på vad det består i.
            Boka besök och åtgärd i samband med planerade hemtjänstinsatser, eller genast om felet är akut.
            """) with { RoutedBy = FaultRoute },
        Step("fault.fix", "Åtgärda felet", "ROUTINES.md 4.4; seed 002 §2, 001 (support)",
            """
            Undersök och åtgärda felet, och beskriv orsak och åtgärd i en kommentar så att felen kan följas upp.
            Beror felet på något annat än det du kan åtgärda (maskinvara, programvara, portlås): ändra svaret på vad som inte fungerar, så lämnas ärendet vidare.
            Går felet inte att åtgärda: hjälp brukaren att kontakta en låssmed.
            """,
            [
                Ask("fault.fix.compensation", "Ska brukaren ersättas för utlägg?", true,
                    Answer("no-outlay", "Brukaren har inte haft några utlägg"),
                    Answer("yes", "Ja, felet berodde på monteringen eller låset"),
                    Answer("no", "Nej, felet berodde inte på monteringen eller låset")),
            ],
            [StepEffect.ResolveDeviceFault]) with { RoutedBy = FaultRoute },
        Step("fault.notify-supplier", "Meddela leverantören om räddningstjänstens insats", "ROUTINES.md 4.5; seed 001 (support)",
            """
            Räddningstjänsten fick bryta sig in hos brukaren eftersom låset inte gick att öppna. Meddela låsets leverantör för kännedom.
            """) with { OnlyWhen = When("fault.report.rescue-services", "yes") },
        Step("fault.close", "Återkoppla till anmälaren och avsluta", "ROUTINES.md 4.6; seed 002 §2",
            """
            Ge den som anmälde felet besked om vad som gjordes, och avsluta ärendet.
            """) with { RoutedBy = FaultRoute });
}
