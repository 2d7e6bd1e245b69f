using Nyckelfri.Clients;

namespace Nyckelfri.Routines;

public static partial class RoutineCatalog
{
    private const string BookInstructions = """
        Kontakta utföraren och boka en tid med brukaren, när hemtjänstpersonal kan vara på plats om det behövs.
        Lägg in tiden i montörernas gemensamma schema och registrera bokningen i ärendet. Utföraren informerar brukaren om tiden.
        """;

    private const string MountInstructions = """
        Montera låsvredet på insidan av ytterdörren vid den bokade tiden och märk det med nyckelnumret.
        Lämna brukarens ordinarie låsdelar till förrådet, märkta för brukaren; de sätts tillbaka när låset monteras ned.
        Går låset inte att montera av tekniska skäl: skriv vad som hindrar i en kommentar och skicka tillbaka ärendet.
        """;

    private const string LinkInstructions = """
        Koppla låsenheten till hushållet och till de utförarenheter som har insatser hos brukaren, så att deras personal kan öppna.
        Finns det redan en portenhet i porten, kontrollera att brukaren kommer åt den.
        """;

    /// <summary>ROUTINES.md 1; seed 003 §2a, 002 §1, 004, 001. Due 5 working days from the order (003 §5).</summary>
    private static RoutineDefinition InstallAssessed() => Routine(RoutineKind.InstallAssessed,
        new DuePolicy.WorkingDaysFromStep("install.order", 5),
        Step("install.inform", "Informera brukaren om digitalt lås", "ROUTINES.md 1.1; seed 002 §1, 003 §2a.1–2, 004",
            """
            Berätta för brukaren:
            • vad ett digitalt lås innebär och varför kommunen använder det,
            • hur monteringen går till: låsvredet sitter på insidan av ytterdörren och det ordinarie låset sparas,
            • att utföraren kvitterar ut en fysisk nyckel med nyckelkvittens, och att den används bara om det digitala låset inte fungerar,
            • att två nycklar kvitteras ut om brukaren har trygghetslarm eller nattillsyn och även andra insatser.
            Lämna informationsbroschyren. Registrera att brukaren är informerad och om brukaren accepterar eller avböjer låset.
            """,
            [
                Ask("install.inform.informed", "Har brukaren fått information och broschyr?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
                // Declining does not end the routine: the provider assesses, and the case officer decides (install.decline).
                Ask("install.inform.decision", "Vad svarade brukaren?", true,
                    Answer("accepted", "Accepterar digitalt lås"), Answer("declined", "Avböjer digitalt lås")),
            ],
            [StepEffect.RecordClientDecision]),
        Step("install.assess", "Bedöm behovet av digitalt lås", "ROUTINES.md 1.2; seed 003 §2a.3",
            """
            Utgångspunkten är att alla brukare med hemtjänst och trygghetslarm ska ha ett digitalt lås, men det är inte alltid möjligt. Kontrollera:
            • Finns redan ett digitalt lås hos brukaren? Då är ärendet klart.
            • Finns kodlås på ytterdörren (till exempel Yale Doorman)? Då kan digitalt lås inte installeras, och det registreras på brukaren.
            • Har brukaren bara hemtjänst och öppnar dörren själv vid besöken? Då får brukaren välja bort låset, och det registreras på brukaren.
            • Vill brukaren inte ha lås av något annat skäl? Då beslutar biståndshandläggaren i nästa steg.
            """,
            [
                Ask("install.assess.installed", "Har brukaren redan ett digitalt lås installerat?", true,
                    No(), Yes("Ja, lås finns redan", RoutineOutcomes.AlreadyInstalled)),
                Ask("install.assess.code-lock", "Finns kodlås på ytterdörren?", true,
                    No(), Yes("Ja, kodlås på ytterdörren", RoutineOutcomes.CodeLock)),
                Ask("install.assess.wants-lock", "Vill brukaren ha digitalt lås?", true,
                    Answer("yes", "Ja"),
                    Answer("opens-door-themself", "Nej, öppnar dörren själv vid hemtjänstinsatserna", RoutineOutcomes.OpensDoorThemself),
                    Answer("declines", "Nej, av annat skäl: biståndshandläggaren beslutar")),
            ]),
        // Split from ROUTINES.md 1.2 ("client declines → CO decides"): a real hand-over to the case officer.
        Step("install.decline", "Besluta om lås när brukaren avböjer", "ROUTINES.md 1.2; seed 003 §2a.3",
            $"""
            Brukaren har sagt att hen inte vill ha digitalt lås. Hantera situationen enligt beställarenhetens rutin och besluta om låset ska installeras.
            Blir beslutet att inget lås installeras registreras texten ”{Client.AgreedNoInstallText}” på brukaren. Ge besked till utföraren genom att slutföra steget.
            """,
            [
                Ask("install.decline.decision", "Ska digitalt lås installeras?", true,
                    Yes("Ja, installationen fortsätter"), No("Nej, inget lås installeras", RoutineOutcomes.AgreedNoInstall)),
            ]) with { OnlyWhen = When("install.assess.wants-lock", "declines") },
        Step("install.keys", "Kvittera ut fysiska nycklar", "ROUTINES.md 1.3; seed 002 §1, 003 §2a.3 and §4",
            """
            Boka tid med brukaren och kvittera ut brukarens fysiska nycklar med nyckelkvittens.
            Har brukaren trygghetslarm eller nattillsyn och även andra insatser behövs två uppsättningar: en för hemtjänsten och en för larm- och nattgruppen.
            Nycklarna används i väntan på låset och därefter bara i nödfall eller när låset inte fungerar. Låset kan inte installeras förrän nycklarna finns hos utföraren.
            """,
            [
                Ask("install.keys.available", "Finns brukarens fysiska nycklar hos utföraren?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
            ],
            [StepEffect.HandOutKeySets]),
        Step("install.order", "Beställ installationen", "ROUTINES.md 1.4; seed 002 §1, 003 §2a.4 and §5, 001, 004",
            """
            Beställ monteringen av det digitala låset. Ange monteringsadress och kontaktperson hos ansvarig utförare, och om fysiska nycklar finns.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            Låset ska vara monterat inom 5 arbetsdagar från beställningen. Fram till dess registreras besöken med NFC-etikett.
            """),
        Step("install.register", "Registrera brukaren i låssystemet", "ROUTINES.md 1.5; seed 002 §1, 003 §2a.5, 001",
            """
            Lägg upp brukaren i låssystemet och kontrollera adress, port och utförarenhet.
            När steget är klart ligger installationen i montörernas inkorg (det som förut var pärmen).
            """),
        // ROUTINES.md 1.6 Salem "IN with PR": the installer owns the booking; the provider's part is telling the client.
        Step("install.book", "Boka tid för montering", "ROUTINES.md 1.6; seed 002 §1, 003 §2a.6, 001",
            BookInstructions + "\nArbete i fastigheten kan kräva fastighetsägarens samtycke: kontrollera det före montering.",
            [
                Ask("install.book.consent", "Behövs fastighetsägarens samtycke till monteringen, och finns det?", false,
                    Answer("not-needed", "Behövs inte"),
                    Answer("given", "Samtycke finns"),
                    Answer("asked", "Tillfrågad, väntar på svar") with { HoldsStep = true },
                    Answer("refused", "Fastighetsägaren säger nej", RoutineOutcomes.ConsentRefused)),
            ]),
        Step("install.mount", "Montera låset", "ROUTINES.md 1.7; seed 002 §1, 003 §2a.7, 001",
            MountInstructions + "\nKontrollera samtidigt porten: finns port eller entré, sitter det redan en portenhet där, och vilken fastighetsägare eller bostadsrättsförening äger huset?",
            [EntranceAtAddress("install.mount.entrance")],
            [StepEffect.LinkLock, StepEffect.StoreOriginalLockParts]),
        Step("install.link", "Koppla låset till hushåll och utförare", "ROUTINES.md 1.8; seed 002 §1, 003 §2a.7, 001",
            LinkInstructions, effects: [StepEffect.GrantUnitAccess]),
        Step("install.receipt", "Kvittens och ansvarsavtal", "ROUTINES.md 1.9; seed 004",
            """
            Brukaren skriver under installationskvittensen och ansvarsavtalet. Visa hur låset fungerar i appen.
            """,
            [
                Ask("install.receipt.signed", "Har brukaren skrivit under kvittens och ansvarsavtal?", true,
                    Yes(), No("Nej, brukaren vill inte skriva under (skriv en kommentar)")),
            ],
            [StepEffect.RecordInstallReceipt]),
        Step("install.handover", "Lägg till personal och ta låset i bruk", "ROUTINES.md 1.10; seed 002 §1, 003 §5, 004",
            """
            Lägg till enhetens personal och telefoner som ska kunna öppna låset.
            Ta ned NFC-etiketten hos brukaren: från och med nu registreras besöken med låset.
            """,
            [
                Ask("install.handover.nfc", "Är NFC-etiketten nedtagen?", true,
                    Yes(), Answer("none", "Det fanns ingen NFC-etikett")),
            ]),
        // Split from ROUTINES.md 1.10 (Botkyrka "NP + PR"): the night patrol is its own unit and confirms for itself.
        Step("install.night-patrol", "Informera nattpatrullen", "ROUTINES.md 1.10; seed 004",
            """
            Låset är installerat. Se till att nattpatrullen vet att låset används och att dess personal kan öppna det vid nattbesök.
            Har brukaren inga nattinsatser räcker det att kvittera steget.
            """));

    /// <summary>ROUTINES.md 2; seed 003 §3a. No due date: the seeds set none for it.</summary>
    private static RoutineDefinition InstallAlarmOnly() => Routine(RoutineKind.InstallAlarmOnly, DuePolicy.None,
        Step("alarm-install.request", "Registrera förfrågan om digitalt lås", "ROUTINES.md 2.1; seed 003 §3a.1",
            """
            En förfrågan om trygghetslarm har kommit in, till exempel per telefon eller e-post. Registrera den här.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            """),
        // ROUTINES.md 2.2–2.4: the keys are registered as soon as they exist, so the "already installed" answer of 2.3 finds them registered.
        Step("alarm-install.keys", "Kontrollera fysiska nycklar", "ROUTINES.md 2.2 and 2.4; seed 003 §3a.2 and §3a.4",
            """
            Kontrollera att det finns fysiska nycklar till brukaren. Innan nycklarna finns kan ärendet inte gå vidare.
            Registrera nyckeluppsättningen med nyckelnummer, med larmgruppen som innehavare.
            """,
            [
                Ask("alarm-install.keys.available", "Finns fysiska nycklar till brukaren?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
            ],
            [StepEffect.HandOutKeySets]),
        Step("alarm-install.check", "Kontrollera dörr och befintligt lås", "ROUTINES.md 2.3; seed 003 §3a.3",
            """
            Finns kodlås på ytterdörren kan digitalt lås inte installeras. Finns redan ett digitalt lås är ärendet klart: nycklarna är registrerade.
            """,
            [
                Ask("alarm-install.check.code-lock", "Finns kodlås på ytterdörren?", true,
                    No(), Yes("Ja, kodlås på ytterdörren", RoutineOutcomes.CodeLock)),
                Ask("alarm-install.check.installed", "Finns redan ett digitalt lås installerat?", true,
                    No(), Yes("Ja, lås finns redan", RoutineOutcomes.AlreadyInstalledKeysRegistered)),
            ]),
        Step("alarm-install.decide", "Besluta om installation", "ROUTINES.md 2.4; seed 003 §3a.4",
            """
            Bedöm om digitalt lås ska installeras hos brukaren. När steget är klart ligger installationen i montörernas inkorg.
            """,
            [
                Ask("alarm-install.decide.decision", "Ska digitalt lås installeras?", true,
                    Yes("Ja, lås ska installeras"), No("Nej", RoutineOutcomes.NotToBeInstalled)),
            ]),
        Step("alarm-install.book", "Boka tid för montering", "ROUTINES.md 2.5–8 as 1.6; seed 003 §3a.5", BookInstructions),
        Step("alarm-install.mount", "Montera låset", "ROUTINES.md 2.5–8 as 1.7; seed 003 §3a.6", MountInstructions,
            effects: [StepEffect.LinkLock, StepEffect.StoreOriginalLockParts]),
        Step("alarm-install.link", "Koppla låset till hushåll och utförare", "ROUTINES.md 2.5–8 as 1.8; seed 003 §3a.6–7",
            LinkInstructions, effects: [StepEffect.GrantUnitAccess]));

    /// <summary>What the installer finds at the building entrance (seed 002 §1 and §4): a missing entrance unit proposes its install.</summary>
    private static CheckpointDefinition EntranceAtAddress(string code) =>
        Ask(code, "Hur ser det ut i porten vid adressen?", true,
            Answer("no-entrance", "Ingen port eller entré"),
            Answer("unit-present", "Portenhet finns redan"),
            Answer("unit-needed", "Port utan portenhet: portlås behövs (ange fastighetsägare eller BRF i en kommentar)")
                with { Proposes = RoutineKind.EntranceLockInstall });
}
