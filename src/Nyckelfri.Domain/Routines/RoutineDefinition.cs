namespace Nyckelfri.Routines;

/// <summary>
/// One routine: the ordered steps every municipality runs for a kind of work order, and how its due
/// date is set. The same for every municipality; who owns each step is configuration
/// (<see cref="RoutinePresets"/>). See README.md in this folder.
/// </summary>
public sealed record RoutineDefinition(RoutineKind Kind, string SwedishTitle, IReadOnlyList<StepDefinition> Steps, DuePolicy Due)
{
    public StepDefinition Step(string code) =>
        Steps.FirstOrDefault(s => s.Code == code) ?? throw new KeyNotFoundException($"{Kind} has no step '{code}'.");
}

/// <summary>
/// One step of a routine. <paramref name="Code"/> is stored in the database (work orders, owner
/// configuration): it never changes, whatever happens to the title. <paramref name="Source"/> cites
/// ROUTINES.md and the seed section the step is transcribed from.
/// </summary>
public sealed record StepDefinition(
    string Code,
    string SwedishTitle,
    string SwedishInstructions,
    IReadOnlyList<CheckpointDefinition> Checkpoints,
    IReadOnlyList<StepEffect> Effects,
    string Source)
{
    /// <summary>
    /// A routed step: the code of a checkpoint of an earlier step whose answer picks the owner.
    /// Presets then give one owner per answer value (<see cref="StepOwnerKey.Route"/>) instead of one
    /// per step. The latest answer counts, so handing a fault on (hardware ↔ software ↔ locksmith)
    /// is re-answering the routing checkpoint.
    /// </summary>
    public string? RoutedBy { get; init; }

    /// <summary>
    /// A conditional step: it applies only when a checkpoint of an earlier step was answered with one
    /// of the given values; otherwise the engine passes over it. Null: the step always applies.
    /// </summary>
    public StepCondition? OnlyWhen { get; init; }

    public CheckpointDefinition Checkpoint(string code) =>
        Checkpoints.FirstOrDefault(c => c.Code == code) ?? throw new KeyNotFoundException($"Step '{Code}' has no checkpoint '{code}'.");
}

/// <summary>The step applies only when checkpoint <paramref name="CheckpointCode"/> was answered with one of <paramref name="Values"/>.</summary>
public sealed record StepCondition(string CheckpointCode, IReadOnlyList<string> Values);

/// <summary>
/// A question the step's owner answers (the seeds' "kontrollpunkter"). A required checkpoint must be
/// answered before the step can be completed. Codes are stored, like step codes.
/// </summary>
public sealed record CheckpointDefinition(string Code, string SwedishQuestion, IReadOnlyList<AnswerOption> Options, bool Required)
{
    public AnswerOption Option(string value) =>
        Options.FirstOrDefault(o => o.Value == value) ?? throw new KeyNotFoundException($"Checkpoint '{Code}' has no answer '{value}'.");
}

/// <summary>
/// One possible answer. <paramref name="Value"/> is stored. An answer may
/// <list type="bullet">
/// <item>end the routine with a named outcome (<paramref name="EndsRoutine"/>: code lock on the door → cannot install);</item>
/// <item>hold the step: it cannot be completed while this is the answer (no physical keys yet, consent asked but not given);</item>
/// <item>propose another routine (<see cref="Proposes"/>): the application opens it as a proposed work order.</item>
/// </list>
/// </summary>
public sealed record AnswerOption(string Value, string SwedishLabel, RoutineOutcome? EndsRoutine = null)
{
    public bool HoldsStep { get; init; }
    public RoutineKind? Proposes { get; init; }
}

/// <summary>
/// What a step's completion does to the registry and the devices. The catalog only names it; the
/// application layer performs it through the device and key transitions, in the same transaction.
/// </summary>
public enum StepEffect
{
    /// <summary>The client was informed about digital locks and accepted or declined (client's flags).</summary>
    RecordClientDecision,

    /// <summary>Physical key sets signed out to the units that need them, each with a key receipt (seed 003 §4).</summary>
    HandOutKeySets,

    /// <summary>The lock unit is mounted at the household's door and labelled with its key number: the device's install (seed 003 §2a.7).</summary>
    LinkLock,

    /// <summary>The client's original lock parts go to store, tagged to the client (seed 001, 002 inledning).</summary>
    StoreOriginalLockParts,

    /// <summary>The lock is opened to the units serving the household (and the entrance unit joined): staff can use it, NFC tags are no longer needed.</summary>
    GrantUnitAccess,

    /// <summary>The installation receipt and the responsibility agreement are signed (seed 004).</summary>
    RecordInstallReceipt,

    /// <summary>The property owner's consent to an entrance lock is recorded on the entrance (SPEC §3).</summary>
    RecordConsent,

    /// <summary>The entrance unit is mounted at the entrance: the device's install; every client behind it shares it.</summary>
    LinkEntranceUnit,

    /// <summary>The entrance unit comes down and goes back to store.</summary>
    UnlinkEntranceUnit,

    /// <summary>The device is marked faulty (household lock or entrance unit routes; nothing for software).</summary>
    ReportDeviceFault,

    /// <summary>The device's fault is resolved (or it is sent for repair and replaced).</summary>
    ResolveDeviceFault,

    /// <summary>The physical key sets go back to the client, each with a signed receipt.</summary>
    ReturnKeySets,

    /// <summary>The original lock parts are taken from store and put back on the door.</summary>
    ReturnOriginalLockParts,

    /// <summary>A key safe is taken down and its key returned to the client (seed 001).</summary>
    RemoveKeySafe,

    /// <summary>The lock unit is unlinked from the household and goes back to store.</summary>
    UnlinkLock,

    /// <summary>The lock leaves the old door and is mounted at the new address.</summary>
    MoveLock,

    /// <summary>The key sets pass from the old provider (or the client) to the new one with a receipt.</summary>
    TransferKeySets,

    /// <summary>The client moves to the new provider unit: the old unit's access ends at the same moment.</summary>
    MoveClientToUnit,

    /// <summary>The ended home-care unit loses the client; the alarm/night unit stays.</summary>
    UnlinkEndedUnit,

    /// <summary>The cohabitant is linked to the household's existing lock.</summary>
    LinkCohabitant,

    /// <summary>The battery is changed; the battery task is done.</summary>
    ChangeBattery,

    /// <summary>A purchase order is placed with the supplier (issue 3's purchase orders).</summary>
    RecordPurchaseOrder,

    /// <summary>The delivery is received at the installer's store.</summary>
    ReceiveDelivery,
}

/// <summary>How a work order's due date is set.</summary>
public abstract record DuePolicy
{
    private DuePolicy() { }

    public static readonly DuePolicy None = new NoDueDate();

    /// <summary>No deadline.</summary>
    public sealed record NoDueDate : DuePolicy;

    /// <summary>Due <paramref name="WorkingDays"/> Swedish working days after the step <paramref name="StepCode"/> was completed.</summary>
    public sealed record WorkingDaysFromStep(string StepCode, int WorkingDays) : DuePolicy;

    /// <summary>Due <paramref name="Days"/> calendar days after the last service of the household ended.</summary>
    public sealed record CalendarDaysAfterLastServiceEnded(int Days) : DuePolicy;
}
