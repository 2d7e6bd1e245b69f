using Nyckelfri.Clients;

namespace Nyckelfri.Routines;

public enum OutcomeKind
{
    /// <summary>Nothing (more) needs doing: the work order is done.</summary>
    Done,

    /// <summary>The routine cannot go on: the work order is stopped, with the outcome as its reason.</summary>
    Stopped,
}

/// <summary>
/// How a checkpoint answer ends a routine. <paramref name="ClientNote"/> is seed 003's fixed text,
/// recorded verbatim on the client when the outcome is reached. Codes are stored.
/// </summary>
public sealed record RoutineOutcome(string Code, OutcomeKind Kind, string SwedishName, string? ClientNote = null);

public static class RoutineOutcomes
{
    public static readonly RoutineOutcome AlreadyInstalled =
        new("already-installed", OutcomeKind.Done, "Digitalt lås finns redan installerat");

    /// <summary>Seed 003 §3a.3: the physical keys' numbers are registered and nothing more is done.</summary>
    public static readonly RoutineOutcome AlreadyInstalledKeysRegistered =
        new("already-installed-keys-registered", OutcomeKind.Done, "Digitalt lås finns redan; de fysiska nycklarna är registrerade");

    public static readonly RoutineOutcome CodeLock =
        new("code-lock", OutcomeKind.Stopped, "Kan inte installeras: kodlås på ytterdörren", Client.CodeLockText);

    public static readonly RoutineOutcome OpensDoorThemself =
        new("opens-door-themself", OutcomeKind.Stopped, "Inget lås: brukaren öppnar dörren själv", Client.OpensDoorThemselfText);

    public static readonly RoutineOutcome AgreedNoInstall =
        new("agreed-no-install", OutcomeKind.Stopped, "Inget lås: överenskommet med biståndshandläggaren", Client.AgreedNoInstallText);

    public static readonly RoutineOutcome NotToBeInstalled =
        new("not-to-be-installed", OutcomeKind.Stopped, "Larmhandläggaren har beslutat att inte installera");

    public static readonly RoutineOutcome ConsentRefused =
        new("consent-refused", OutcomeKind.Stopped, "Fastighetsägaren har inte gett samtycke");

    public static readonly RoutineOutcome EntranceUnitPresent =
        new("entrance-unit-present", OutcomeKind.Done, "Portenhet finns redan i porten");

    public static readonly RoutineOutcome ServicesNotEnded =
        new("services-not-ended", OutcomeKind.Stopped, "Avbruten: alla insatser är inte avslutade");

    /// <summary>Safety alarm or night supervision remains: the lock stays (ROUTINES.md 5, routine 8 instead).</summary>
    public static readonly RoutineOutcome LockStillNeeded =
        new("lock-still-needed", OutcomeKind.Stopped, "Låset sitter kvar: det behövs för insatser som fortsätter");

    /// <summary>ROUTINES.md 9: neither cohabitant has a lock yet, so the household gets a new install instead.</summary>
    public static readonly RoutineOutcome NoLockToJoin =
        new("no-lock-to-join", OutcomeKind.Stopped, "Inget lås i hushållet: ersätts av en installation");

    public static readonly IReadOnlyList<RoutineOutcome> All =
    [
        AlreadyInstalled, AlreadyInstalledKeysRegistered, CodeLock, OpensDoorThemself, AgreedNoInstall, NotToBeInstalled,
        ConsentRefused, EntranceUnitPresent, ServicesNotEnded, LockStillNeeded, NoLockToJoin,
    ];
}
