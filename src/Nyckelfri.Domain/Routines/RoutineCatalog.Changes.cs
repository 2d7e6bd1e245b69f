namespace Nyckelfri.Routines;

public static partial class RoutineCatalog
{
    /// <summary>
    /// ROUTINES.md 7; seed 002 §5. The provider-owned steps belong to the new provider's unit: the
    /// work order's unit is the one the client moves to.
    /// </summary>
    private static RoutineDefinition ChangeOfProvider() => Routine(RoutineKind.ChangeOfProvider, DuePolicy.None,
        Step("provider-change.notify", "Informera den nya utföraren", "ROUTINES.md 7; seed 002 §5 (biståndshandläggare)",
            """
            Informera den nya utföraren att brukaren har haft en annan utförare, att digitalt lås är monterat och att de fysiska nycklarna ska lämnas över.
            Informera också den som administrerar låssystemet att brukaren med digitalt lås har bytt utförare.
            """),
        Step("provider-change.keys", "Ta emot nycklarna", "ROUTINES.md 7; seed 002 §5 (utförare)",
            """
            Ta emot brukarens fysiska nycklar från den tidigare utföraren eller från brukaren, enligt rutinen för nyckelhantering. Nyckelkvittensen skrivs under vid överlämningen.
            """,
            [
                Ask("provider-change.keys.received", "Har nycklarna lämnats över med underskriven nyckelkvittens?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
            ],
            [StepEffect.TransferKeySets]),
        Step("provider-change.staff", "Lägg till personal", "ROUTINES.md 7; seed 002 §5 (utförare)",
            """
            Lägg till den egna enhetens personal och telefoner som ska kunna öppna låset hos brukaren.
            """),
        Step("provider-change.move", "Koppla över brukaren till den nya utföraren", "ROUTINES.md 7; seed 002 §5 (systemförvaltare)",
            """
            Koppla över brukaren till den nya utförarenheten. Den tidigare enhetens åtkomst upphör i samma ögonblick.
            """,
            effects: [StepEffect.MoveClientToUnit]));

    /// <summary>ROUTINES.md 8; seed 002 §6. The provider-owned step belongs to the ended home-care unit.</summary>
    private static RoutineDefinition HomeCareEndsAlarmStays() => Routine(RoutineKind.HomeCareEndsAlarmStays, DuePolicy.None,
        Step("alarm-stays.notify", "Meddela att hemtjänsten avslutas", "ROUTINES.md 8; seed 002 §6 (biståndshandläggare)",
            """
            Hemtjänsten avslutas men trygghetslarmet eller nattillsynen är kvar, så låset sitter kvar. Meddela den som administrerar låssystemet.
            """),
        Step("alarm-stays.keys", "Lämna tillbaka hemtjänstens nycklar", "ROUTINES.md 8; seed 002 §6 (utförare)",
            """
            Hemtjänsten lämnar tillbaka sina fysiska nycklar till brukaren; brukaren skriver under nyckelkvittensen.
            Larm- och nattgruppen behåller sina nycklar och fortsätter som vanligt.
            """,
            [
                Ask("alarm-stays.keys.returned", "Har hemtjänstens nycklar lämnats tillbaka med underskriven nyckelkvittens?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
            ],
            [StepEffect.ReturnKeySets]),
        Step("alarm-stays.unlink", "Koppla bort den avslutade utförarenheten", "ROUTINES.md 8; seed 002 §6 (systemförvaltare)",
            """
            Koppla bort brukaren från hemtjänstens utförarenhet. Låset sitter kvar och larm- och nattgruppen behåller sin åtkomst.
            """,
            effects: [StepEffect.UnlinkEndedUnit]));

    /// <summary>
    /// ROUTINES.md 9; seed 000. "PR makes sure the service is registered → PR orders" is one step:
    /// same owner, no hand-over.
    /// </summary>
    private static RoutineDefinition CohabitantJoins() => Routine(RoutineKind.CohabitantJoins, DuePolicy.None,
        Step("cohabitant.order", "Beställ koppling av sammanboende", "ROUTINES.md 9; seed 000 (verksamheten)",
            """
            Två sammanboende delar ett digitalt lås. Se till att den sammanboende har en verkställd insats; det är en förutsättning för att låset ska kunna kopplas.
            Beställ sedan kopplingen av hushållets befintliga lås till den sammanboende. Har ingen av dem lås ännu görs i stället en installation för hushållet.
            """,
            [
                Ask("cohabitant.order.service", "Har den sammanboende en verkställd insats?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
                Ask("cohabitant.order.lock", "Finns det redan ett digitalt lås i hushållet?", true,
                    Yes(),
                    No("Nej, båda är nya: installera lås", RoutineOutcomes.NoLockToJoin) with { Proposes = RoutineKind.InstallAssessed }),
            ]),
        Step("cohabitant.link", "Koppla den sammanboende till låset", "ROUTINES.md 9; seed 000 (välfärdsteknikteamet)",
            """
            Koppla hushållets befintliga låsenhet till den sammanboende och uppdatera inventarielistan. Avsluta ärendet som återkoppling till den som beställde.
            """,
            effects: [StepEffect.LinkCohabitant]));

    /// <summary>ROUTINES.md 10; seed 002 §8 (underhåll).</summary>
    private static RoutineDefinition BatteryChange() => Routine(RoutineKind.BatteryChange, DuePolicy.None,
        Step("battery.change", "Byt batteri", "ROUTINES.md 10; seed 002 §8",
            """
            Låsenhetens batteri är lågt. Hämta batterier i montörernas förråd och byt batteriet vid nästa besök hos brukaren.
            Kontrollera efteråt i appen att låset fungerar och rapporterar full batterinivå.
            """,
            effects: [StepEffect.ChangeBattery]));

    /// <summary>ROUTINES.md 10; seed 002 §7.</summary>
    private static RoutineDefinition Purchase() => Routine(RoutineKind.Purchase, DuePolicy.None,
        // ROUTINES.md 10 "IN (locks, accessories) or LS (entrance locks)": the installer owns the request, since the store is theirs;
        // a locksmith who needs entrance locks can open the work order as well.
        Step("purchase.request", "Anmäl behov av lås och tillbehör", "ROUTINES.md 10; seed 002 §7 (vaktmästare, upphandlad låssmed)",
            """
            Ange vad som behöver beställas och hur många: lås, portlås eller tillbehör.
            """,
            [
                Ask("purchase.request.what", "Vad behöver beställas?", true,
                    Answer("locks", "Lås och tillbehör"),
                    Answer("entrance-units", "Portlås och tillbehör"),
                    Answer("both", "Både lås och portlås")),
            ]),
        Step("purchase.order", "Beställ från leverantören", "ROUTINES.md 10; seed 002 §7 (systemförvaltare)",
            """
            Gör beställningen hos leverantören, med leverans till montörernas förråd.
            """,
            effects: [StepEffect.RecordPurchaseOrder]),
        Step("purchase.receive", "Ta emot leveransen", "ROUTINES.md 10; seed 002 §7 (vaktmästare)",
            """
            Ta emot leveransen i förrådet och kontrollera den mot beställningen. Har portlås levererats får låssmeden besked om att de kan hämtas.
            """,
            effects: [StepEffect.ReceiveDelivery]),
        Step("purchase.collect", "Hämta portlås i förrådet", "ROUTINES.md 10; seed 002 §7 (vaktmästare, upphandlad låssmed)",
            """
            Portlås och tillbehör har levererats till förrådet och kan hämtas.
            """) with { OnlyWhen = When("purchase.request.what", "entrance-units", "both") });
}
