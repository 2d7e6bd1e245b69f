using Nyckelfri.Calendar;
using Nyckelfri.Common;

namespace Nyckelfri.Routines;

public enum WorkOrderState
{
    /// <summary>Opened by a rule (a service change, a low battery); waits for a person to confirm or dismiss it.</summary>
    Proposed,

    /// <summary>Running: one step is current and owned by one role (and unit).</summary>
    Open,

    /// <summary>Every step done, or an answer said nothing more needs doing.</summary>
    Done,

    /// <summary>An answer said the routine cannot go on (code lock on the door, consent refused).</summary>
    Stopped,

    /// <summary>Withdrawn by a person, with a reason.</summary>
    Cancelled,

    /// <summary>A proposal a person turned down, with a reason.</summary>
    Dismissed,
}

/// <summary>Who owns a step: a role, and for provider roles the client's unit.</summary>
public sealed record StepOwner(string Role, Guid? UnitId);

/// <summary>What completing a step did: the effects the application must now perform, and where the order went.</summary>
public sealed record StepCompletion(StepDefinition Completed, IReadOnlyList<StepEffect> Effects, StepDefinition? Next, RoutineOutcome? Outcome);

/// <summary>
/// One run of a routine (SPEC §5): the steps of its <see cref="RoutineDefinition"/> one at a time, each
/// owned by the role the municipality's configuration names. Named transitions check, then change
/// (STYLE §3); anything the state does not allow throws <see cref="RuleViolationException"/>
/// ("work-order-illegal-transition"). The registry effects of a step are performed by the caller in
/// the same transaction, so a step is never done without its effect.
/// </summary>
public sealed partial class WorkOrder : Entity
{
    public const int MaxCommentLength = 1000;

    private WorkOrder() { }

    private WorkOrder(Guid municipalityId, int number, RoutineKind kind, WorkOrderSubject subject, DateTime at)
    {
        MunicipalityId = municipalityId;
        Number = number;
        Kind = kind;
        ClientId = subject.ClientId;
        HouseholdId = subject.HouseholdId;
        EntranceId = subject.EntranceId;
        DeviceId = subject.DeviceId;
        UnitId = subject.UnitId;
        CreatedAt = at;
    }

    /// <summary>
    /// A rule proposes the routine. No step is current until a person confirms; the owner of the first
    /// step is the one who confirms or dismisses, so the proposal is in that role's inbox.
    /// </summary>
    public static WorkOrder Propose(Guid municipalityId, int number, RoutineKind kind, WorkOrderSubject subject, DateTime at, string reason,
        Func<StepDefinition, string?, StepOwner> owners)
    {
        var order = new WorkOrder(municipalityId, number, kind, subject, at) { State = WorkOrderState.Proposed, ProposalReason = reason };
        var owner = owners(order.NextApplicableStep(after: -1)!, null);
        order.OwnerRole = owner.Role;
        order.OwnerUnitId = owner.UnitId;
        return order;
    }

    /// <summary>A person starts the routine: its first step is current.</summary>
    public static WorkOrder Start(Guid municipalityId, int number, RoutineKind kind, WorkOrderSubject subject, DateTime at,
        Func<StepDefinition, string?, StepOwner> owners)
    {
        var order = new WorkOrder(municipalityId, number, kind, subject, at);
        order.Begin(owners);
        return order;
    }

    /// <summary>Running number in the municipality, shown as "A-00042".</summary>
    public int Number { get; private set; }
    public string Reference => FormatNumber(Number);
    public static string FormatNumber(int number) => $"A-{number:00000}";

    public RoutineKind Kind { get; private set; }
    public Guid? ClientId { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public Guid? EntranceId { get; private set; }
    public Guid? DeviceId { get; private set; }

    /// <summary>
    /// The provider unit the order concerns: the client's unit when it was opened; for a change of
    /// provider the unit the client moves to; for home care ending, the unit whose service ended.
    /// Provider-role steps are owned by this unit.
    /// </summary>
    public Guid? UnitId { get; private set; }
    public WorkOrderState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? ProposalReason { get; private set; }

    /// <summary>The current step, its owner role and (for provider roles) unit: kept on the row so an inbox is one indexed query.</summary>
    public string? CurrentStepCode { get; private set; }
    public string? OwnerRole { get; private set; }
    public Guid? OwnerUnitId { get; private set; }

    /// <summary>The person who has taken the current step (optional: the role owns it either way).</summary>
    public string? TakenBy { get; private set; }
    public DateOnly? DueOn { get; private set; }

    /// <summary>The time agreed with the client, and whether staff must be there to let the installer in.</summary>
    public DateTime? BookedFor { get; private set; }
    public bool StaffMustBePresent { get; private set; }

    public string? OutcomeCode { get; private set; }
    public string? ClosingReason { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public List<CheckpointAnswer> Answers { get; private set; } = [];
    public List<WorkOrderComment> Comments { get; private set; } = [];

    public RoutineDefinition Definition => RoutineCatalog.For(Kind);
    public StepDefinition? CurrentStep => CurrentStepCode is null ? null : Definition.Step(CurrentStepCode);
    public bool IsClosed => State is WorkOrderState.Done or WorkOrderState.Stopped or WorkOrderState.Cancelled or WorkOrderState.Dismissed;

    /// <summary>Overdue: still running (or proposed) after its due date.</summary>
    public bool IsOverdueOn(DateOnly today) => !IsClosed && DueOn is { } due && today > due;

    public void SetDue(DateOnly dueOn) => DueOn = dueOn;

    /// <summary>The device the order is about, once known (the lock mounted by the install, say).</summary>
    public void LinkDevice(Guid deviceId) => DeviceId = deviceId;

    /// <summary>Steps that reached no one yet because no one was configured; the current owner is resolved again (a preset switch, a reassignment).</summary>
    public void ResolveOwner(Func<StepDefinition, string?, StepOwner> owners)
    {
        if (IsClosed) return;
        var step = CurrentStep ?? NextApplicableStep(after: -1)!;
        var owner = owners(step, step.RoutedBy is { } routing ? LatestAnswer(routing) : null);
        OwnerRole = owner.Role;
        OwnerUnitId = owner.UnitId;
    }

    /// <summary>A person confirms a proposal: the first step becomes current.</summary>
    public void Confirm(Func<StepDefinition, string?, StepOwner> owners)
    {
        RequireState(WorkOrderState.Proposed, "bekräftas");
        Begin(owners);
    }

    public void Dismiss(string reason, DateTime at)
    {
        RequireState(WorkOrderState.Proposed, "avfärdas");
        Close(WorkOrderState.Dismissed, null, reason, at);
    }

    /// <summary>The work was done outside the routine (a battery task marked done, the level back up): the order closes as done.</summary>
    public void CloseAsDone(string reason, DateTime at)
    {
        if (IsClosed) throw Illegal("avslutas");
        Close(WorkOrderState.Done, null, reason, at);
    }

    public void Cancel(string reason, DateTime at)
    {
        if (IsClosed) throw Illegal("makuleras");
        Close(WorkOrderState.Cancelled, null, reason, at);
    }

    /// <summary>A person of the owning role takes the step, so colleagues see it is being handled.</summary>
    public void Take(string userName)
    {
        RequireState(WorkOrderState.Open, "tas");
        TakenBy = userName;
    }

    public void Book(DateTime bookedFor, bool staffMustBePresent)
    {
        RequireState(WorkOrderState.Open, "bokas");
        BookedFor = bookedFor;
        StaffMustBePresent = staffMustBePresent;
    }

    public void AddComment(string text, string by, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCommentLength)
            throw ValidationFailedException.For("Comment", $"Kommentaren måste anges och får vara högst {MaxCommentLength} tecken.");
        Comments.Add(new WorkOrderComment(this, CurrentStepCode, text.Trim(), by, at));
    }

    private void Begin(Func<StepDefinition, string?, StepOwner> owners)
    {
        State = WorkOrderState.Open;
        MoveTo(NextApplicableStep(after: -1) ?? throw new InvalidOperationException($"{Kind} has no applicable first step."), owners);
    }

    private void Close(WorkOrderState state, string? outcome, string? reason, DateTime at)
    {
        State = state;
        OutcomeCode = outcome;
        ClosingReason = reason;
        ClosedAt = at;
        CurrentStepCode = null;
        OwnerRole = null;
        OwnerUnitId = null;
        TakenBy = null;
    }

    private void RequireState(WorkOrderState expected, string action)
    {
        if (State != expected) throw Illegal(action);
    }

    private RuleViolationException Illegal(string action) =>
        new("work-order-illegal-transition", $"Ärende {Reference} är {WorkOrderNames.SwedishName(State).ToLowerInvariant()} och kan inte {action}.");
}
