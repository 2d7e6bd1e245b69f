namespace Nyckelfri.Routines;

public static partial class RoutineCatalog
{
    /// <summary>
    /// ROUTINES.md 5; seed 002 §3, 003 §2b and §3b, 001, 004. Allowed only when every home-care and
    /// safety-alarm service of every client in the household has ended; due 14 days after the last
    /// one ended (003: ended services stay visible in the lock system for 14 days).
    /// </summary>
    private static RoutineDefinition Removal() => Routine(RoutineKind.Removal,
        new DuePolicy.CalendarDaysAfterLastServiceEnded(14),
        // ROUTINES.md 5.1 "CO → FO" (Salem) and "PR → AO" (Lifecare): the first role orders here; the second checks in removal.check.
        Step("removal.order", "Beställ nedmontering", "ROUTINES.md 5.1; seed 002 §3, 003 §2b.1–4, 004",
            """
            Brukarens insatser avslutas, eller låset ska monteras ned av något annat skäl. Beställ nedmonteringen av det digitala låset och, om det behövs, av portlåset.
            Låset monteras ned först när alla insatser för hemtjänst och trygghetslarm är avslutade för alla i hushållet. Finns trygghetslarm eller nattillsyn kvar sitter låset kvar.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            """),
        Step("removal.check", "Kontrollera att alla insatser är avslutade", "ROUTINES.md 5.2; seed 003 §2b.5 and §3b.2–3, 001 (administration)",
            """
            Kontrollera att alla insatser för hemtjänst och trygghetslarm är avslutade för alla i hushållet. För brukare över 65 år kontrolleras trygghetslarmet separat: ska det vara kvar sitter låset kvar.
            Kontrollera också att ingen annan insats, till exempel hemsjukvård eller nattillsyn, behöver låset.
            Låset ska vara nedmonterat inom 14 dagar från att den sista insatsen avslutades.
            """,
            [
                Ask("removal.check.services-ended", "Är alla insatser för hemtjänst och trygghetslarm avslutade för alla i hushållet?", true,
                    Yes(), No("Nej, insatser pågår", RoutineOutcomes.ServicesNotEnded)),
                Ask("removal.check.other-need", "Behövs låset för någon annan insats, till exempel trygghetslarm, nattillsyn eller hemsjukvård?", true,
                    No(),
                    Yes("Ja, låset ska sitta kvar", RoutineOutcomes.LockStillNeeded) with { Proposes = RoutineKind.HomeCareEndsAlarmStays }),
            ]),
        // ROUTINES.md 5.3 Salem "IN with PR": the installer books; the provider tells the client.
        Step("removal.book", "Boka tid för nedmontering", "ROUTINES.md 5.3; seed 002 §3, 003 §2b.7",
            """
            Kontakta utföraren och boka en tid med brukaren, när hemtjänstpersonal kan vara på plats om det behövs.
            Lägg in tiden i montörernas gemensamma schema och registrera bokningen i ärendet. Utföraren informerar brukaren om tiden.
            """),
        Step("removal.remove", "Montera ned låset och lämna tillbaka nycklarna", "ROUTINES.md 5.4; seed 002 §3, 003 §2b.8, 001 (support)",
            """
            Montera ned det digitala låset och återställ dörren med brukarens ordinarie låsvred från förrådet.
            Lämna tillbaka de fysiska nycklarna till brukaren; brukaren skriver under nyckelkvittensen.
            Finns en nyckelgömma: skruva ned den och lämna tillbaka nyckeln till brukaren mot kvittens.
            Registrera den nedmonterade låsenhetens nummer.
            """,
            effects: [StepEffect.ReturnOriginalLockParts, StepEffect.ReturnKeySets, StepEffect.RemoveKeySafe]),
        // ROUTINES.md 5.5 Lifecare "IN, checked by AO": one step owned by the installer; the alarm officer's check is the checkpoint below.
        Step("removal.unlink", "Koppla bort låset", "ROUTINES.md 5.5; seed 002 §3, 003 §2b.9–10",
            """
            Koppla bort låsenheten och nyckelnumren från brukaren och lämna låsenheten till förrådet.
            """,
            [
                Ask("removal.unlink.verified", "Är låsnummer och nyckelnummer kontrollerat frånkopplade från brukaren?", true,
                    Yes(), No("Nej, inte ännu") with { HoldsStep = true }),
            ],
            [StepEffect.UnlinkLock]),
        // ROUTINES.md 5.6 "SA → FO → LS": the check is this step; the removal itself is its own routine (EntranceLockRemoval), proposed here.
        Step("removal.entrance", "Behövs portlåset fortfarande?", "ROUTINES.md 5.6; seed 002 §3 (systemförvaltare)",
            """
            Kontrollera om brukaren bor bakom en port med portenhet och om någon annan brukare bakom porten fortfarande behöver den.
            Behövs den inte längre föreslås en nedmontering av portlåset.
            """,
            [
                Ask("removal.entrance.still-needed", "Behövs portenheten fortfarande?", true,
                    Answer("no-unit", "Det finns ingen portenhet"),
                    Answer("needed", "Ja, andra brukare bakom porten behöver den"),
                    Answer("not-needed", "Nej, portlåset kan monteras ned") with { Proposes = RoutineKind.EntranceLockRemoval }),
            ]));

    /// <summary>ROUTINES.md 6; seed 002 §4. Entrance units at either address go through routines 3 and "entrance removal".</summary>
    private static RoutineDefinition Move() => Routine(RoutineKind.Move, DuePolicy.None,
        Step("move.notify", "Meddela ny adress", "ROUTINES.md 6; seed 002 §4 (biståndshandläggare)",
            """
            Brukaren flyttar. Meddela utföraren och den som beställer monteringar att låset, och eventuellt portlåset, behöver flyttas till den nya adressen.
            """),
        Step("move.order", "Beställ flytt av låset", "ROUTINES.md 6; seed 002 §4 (avgiftshandläggare)",
            """
            Beställ flytten av det digitala låset. Ange den nya adressen för montering och kontaktperson hos ansvarig utförare.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            """),
        Step("move.book", "Boka tid för flytt", "ROUTINES.md 6; seed 002 §4 (vaktmästare, utförare)", BookInstructions),
        Step("move.move", "Flytta låset", "ROUTINES.md 6; seed 002 §4 (vaktmästare)",
            """
            Montera ned låset på den gamla adressen, återställ dörren med det ordinarie låsvredet och montera låset på den nya adressen.
            Kontrollera porten på den nya adressen: finns port, sitter det redan en portenhet där, och vilken fastighetsägare eller bostadsrättsförening äger huset?
            """,
            [EntranceAtAddress("move.move.entrance")],
            [StepEffect.MoveLock]),
        Step("move.link", "Koppla låset på den nya adressen", "ROUTINES.md 6; seed 002 §4 (systemförvaltare)",
            """
            Koppla låsenheten och brukaren till den nya adressen. Finns redan en portenhet på den nya adressen, kontrollera att brukaren kommer åt den.
            """,
            effects: [StepEffect.GrantUnitAccess]),
        Step("move.entrance", "Portlås på gamla och nya adressen", "ROUTINES.md 6; seed 002 §4 (avgiftshandläggare)",
            """
            Behöver någon annan brukare bakom porten på den gamla adressen fortfarande portenheten? Behöver den nya adressen en portenhet?
            Svaren föreslår en nedmontering eller en installation av portlås.
            """,
            [
                Ask("move.entrance.old-address", "Portenheten på den gamla adressen", true,
                    Answer("no-unit", "Det finns ingen portenhet"),
                    Answer("needed", "Behövs fortfarande av andra brukare"),
                    Answer("not-needed", "Behövs inte längre: montera ned") with { Proposes = RoutineKind.EntranceLockRemoval }),
                Ask("move.entrance.new-address", "Portenhet på den nya adressen", true,
                    Answer("not-needed", "Behövs inte (ingen port)"),
                    Answer("present", "Finns redan"),
                    Answer("install", "Behövs: installera portlås") with { Proposes = RoutineKind.EntranceLockInstall }),
            ]));
}
