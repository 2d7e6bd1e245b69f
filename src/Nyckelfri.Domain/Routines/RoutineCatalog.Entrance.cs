namespace Nyckelfri.Routines;

public static partial class RoutineCatalog
{
    /// <summary>ROUTINES.md 3; seed 002 §1 (portlås), 004, 001 (samtycke).</summary>
    private static RoutineDefinition EntranceLockInstall() => Routine(RoutineKind.EntranceLockInstall, DuePolicy.None,
        Step("entrance.need", "Behov av portlås", "ROUTINES.md 3.1; seed 002 §1 and §4, 004",
            """
            Behovet av portlås har upptäckts vid en montering eller flytt, eller så har utföraren begärt det för att personalen ska komma in i fastigheten.
            Kontrollera om porten redan har en portenhet, och anteckna vilken fastighetsägare eller bostadsrättsförening som äger huset.
            """,
            [
                Ask("entrance.need.unit-present", "Finns redan en portenhet i porten?", true,
                    No(), Yes("Ja, portenhet finns redan", RoutineOutcomes.EntranceUnitPresent)),
            ]),
        Step("entrance.consent", "Fastighetsägarens samtycke", "ROUTINES.md 3.2; seed 002 §1, 001 (administration)",
            """
            Kontrollera om fastighetsägaren eller bostadsrättsföreningen har godkänt montering av portlås. Finns inget godkännande: kontakta fastighetsägaren och be om det.
            Registrera svaret på porten. Nekar fastighetsägaren monteras inget portlås.
            """,
            [
                Ask("entrance.consent.status", "Har fastighetsägaren gett samtycke?", true,
                    Answer("given", "Ja, samtycke finns"),
                    Answer("asked", "Tillfrågad, väntar på svar") with { HoldsStep = true },
                    Answer("refused", "Nej, fastighetsägaren säger nej", RoutineOutcomes.ConsentRefused)),
            ],
            [StepEffect.RecordConsent]),
        Step("entrance.order", "Beställ portlås av låssmeden", "ROUTINES.md 3.3; seed 002 §1",
            """
            Beställ montering av portlås av den upphandlade låssmeden. Ange monteringsadress och kontaktperson hos fastighetsägaren eller bostadsrättsföreningen.
            Meddela hemtjänstutföraren att en portenhet kommer och att den ska användas så fort den är kopplad.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            """),
        Step("entrance.book", "Boka tid med fastighetsägaren", "ROUTINES.md 3.4; seed 002 §1 (upphandlad låssmed)",
            """
            Kontakta fastighetsägarens eller bostadsrättsföreningens kontaktperson och boka tid för montering.
            Stäm av om företaget som har installerat fastighetens passersystem behöver vara med.
            """),
        Step("entrance.mount", "Montera portlåset", "ROUTINES.md 3.5; seed 002 §1 (upphandlad låssmed)",
            """
            Hämta portenheten och eventuella tillbehör i förrådet och montera den i porten. Registrera portenhetens nummer.
            """,
            effects: [StepEffect.LinkEntranceUnit]),
        Step("entrance.link", "Koppla portenheten och meddela utföraren", "ROUTINES.md 3.6; seed 002 §1 (systemförvaltare)",
            """
            Koppla portenheten till porten, så att alla brukare bakom porten och deras utförare kommer åt den.
            Meddela utföraren att portenheten kan användas.
            """,
            effects: [StepEffect.GrantUnitAccess]));

    /// <summary>ROUTINES.md 5.6 and 6; seed 002 §3 and §4 (avgiftshandläggare, upphandlad låssmed, systemförvaltare).</summary>
    private static RoutineDefinition EntranceLockRemoval() => Routine(RoutineKind.EntranceLockRemoval, DuePolicy.None,
        Step("entrance-removal.order", "Beställ nedmontering av portlås", "ROUTINES.md 5.6; seed 002 §3 and §4",
            """
            Ingen brukare bakom porten behöver längre portenheten. Kontrollera det en gång till och beställ nedmontering av den upphandlade låssmeden.
            Ange adress och kontaktperson hos fastighetsägaren eller bostadsrättsföreningen.
            Skriv aldrig personuppgifter i e-post eller andra meddelanden utanför systemet: hänvisa till ärendenumret.
            """,
            [
                Ask("entrance-removal.order.still-needed", "Behöver någon bakom porten fortfarande portenheten?", true,
                    No(), Yes("Ja, den behövs", RoutineOutcomes.LockStillNeeded)),
            ]),
        Step("entrance-removal.book", "Boka tid med fastighetsägaren", "ROUTINES.md 5.6; seed 002 §3 (upphandlad låssmed)",
            """
            Kontakta fastighetsägarens eller bostadsrättsföreningens kontaktperson och boka tid för nedmontering.
            Stäm av om företaget som har installerat fastighetens passersystem behöver vara med.
            """),
        Step("entrance-removal.remove", "Montera ned portlåset", "ROUTINES.md 5.6; seed 002 §3 (upphandlad låssmed)",
            """
            Montera ned portenheten och lämna den med eventuella tillbehör till förrådet. Registrera portenhetens nummer.
            """,
            effects: [StepEffect.UnlinkEntranceUnit]),
        Step("entrance-removal.unlink", "Ta bort portenheten i låssystemet", "ROUTINES.md 5.6; seed 002 §3 (systemförvaltare)",
            """
            Kontrollera att portenheten inte längre är kopplad till porten eller till någon brukare, och att den finns i förrådet.
            """));
}
