using Nyckelfri.Calendar;
using Nyckelfri.Common;

namespace Nyckelfri.Routines;

public sealed partial class WorkOrder
{
    /// <summary>
    /// The owner of the current step answers one of its checkpoints. A later answer to the same
    /// checkpoint replaces the earlier one in effect (both stay in the record).
    /// </summary>
    public void Answer(string checkpointCode, string value, string? comment, string by, DateTime at)
    {
        RequireState(WorkOrderState.Open, "besvaras");
        var step = CurrentStep!;
        var checkpoint = step.Checkpoints.FirstOrDefault(c => c.Code == checkpointCode)
                         ?? throw ValidationFailedException.For("CheckpointCode", "Kontrollpunkten hör inte till steget som är aktuellt.");
        if (checkpoint.Options.All(o => o.Value != value))
            throw ValidationFailedException.For("Value", $"Svaret passar inte frågan \"{checkpoint.SwedishQuestion}\".");
        if (comment is { Length: > MaxCommentLength })
            throw ValidationFailedException.For("Comment", $"Kommentaren får vara högst {MaxCommentLength} tecken.");
        Answers.Add(new CheckpointAnswer(this, step.Code, checkpointCode, value, comment, by, at));
    }

    /// <summary>The latest answer to a checkpoint, from any step so far; null if unanswered.</summary>
    public string? LatestAnswer(string checkpointCode) =>
        Answers.Where(a => a.CheckpointCode == checkpointCode).MaxBy(a => a.Sequence)?.Value;

    /// <summary>
    /// Completes the current step: its required checkpoints must be answered and no answer may hold
    /// it. An answer that ends the routine closes the order with that outcome; otherwise the next
    /// applicable step becomes current (owned per <paramref name="owners"/>), or the order is done.
    /// A due date counted from this step (install: 5 working days from the order) is set here.
    /// </summary>
    public StepCompletion CompleteStep(DateTime at, Func<StepDefinition, string?, StepOwner> owners)
    {
        RequireState(WorkOrderState.Open, "slutföra steget");
        var step = CurrentStep!;
        var missing = step.Checkpoints.Where(c => c.Required && LatestAnswerInStep(step, c.Code) is null).ToList();
        if (missing.Count > 0)
            throw new RuleViolationException("work-order-checkpoints-missing",
                "Besvara först: " + string.Join("; ", missing.Select(c => c.SwedishQuestion)));
        var answers = step.Checkpoints
            .Select(c => (Checkpoint: c, Value: LatestAnswerInStep(step, c.Code)))
            .Where(a => a.Value is not null)
            .Select(a => a.Checkpoint.Option(a.Value!))
            .ToList();
        if (answers.FirstOrDefault(o => o.HoldsStep) is { } holding)
            throw new RuleViolationException("work-order-step-held", $"Steget kan inte slutföras med svaret \"{holding.SwedishLabel}\".");

        if (Definition.Due is DuePolicy.WorkingDaysFromStep due && due.StepCode == step.Code)
            DueOn = SwedishCalendar.AddWorkingDays(DateOnly.FromDateTime(SwedishTime.ToLocal(at)), due.WorkingDays);

        if (answers.Select(o => o.EndsRoutine).FirstOrDefault(o => o is not null) is { } outcome)
        {
            Close(outcome.Kind == OutcomeKind.Done ? WorkOrderState.Done : WorkOrderState.Stopped, outcome.Code, outcome.SwedishName, at);
            return new StepCompletion(step, [], null, outcome);
        }

        var index = IndexOf(step);
        var next = NextApplicableStep(index);
        if (next is null)
        {
            Close(WorkOrderState.Done, null, null, at);
            return new StepCompletion(step, step.Effects, null, null);
        }
        MoveTo(next, owners);
        return new StepCompletion(step, step.Effects, next, null);
    }

    /// <summary>
    /// Hands a routed step on (ROUTINES.md 4.4: hardware ↔ software ↔ locksmith): the routing
    /// checkpoint is answered anew and the current step moves to the owner of the new route.
    /// </summary>
    public StepOwner Reroute(string route, string comment, string by, DateTime at, Func<StepDefinition, string?, StepOwner> owners)
    {
        RequireState(WorkOrderState.Open, "lämnas vidare");
        var step = CurrentStep!;
        if (step.RoutedBy is not { } routing)
            throw new RuleViolationException("work-order-not-routed", $"Steget \"{step.SwedishTitle}\" lämnas inte vidare efter vad felet gäller.");
        var checkpoint = RoutineCatalog.Checkpoint(routing);
        if (checkpoint.Options.All(o => o.Value != route))
            throw ValidationFailedException.For("Route", $"Svaret passar inte frågan \"{checkpoint.SwedishQuestion}\".");
        if (LatestAnswer(routing) == route)
            throw ValidationFailedException.For("Route", "Ärendet ligger redan hos den som ansvarar för det svaret.");
        AddComment(comment, by, at);
        Answers.Add(new CheckpointAnswer(this, RoutineCatalog.RoutineOf(step.Code).Steps.First(s => s.Checkpoints.Any(c => c.Code == routing)).Code,
            routing, route, comment, by, at));
        MoveTo(step, owners);
        return new StepOwner(OwnerRole!, OwnerUnitId);
    }

    /// <summary>Sends the order back to the previous applicable step, with a comment saying why.</summary>
    public StepDefinition SendBack(string comment, string by, DateTime at, Func<StepDefinition, string?, StepOwner> owners)
    {
        RequireState(WorkOrderState.Open, "skickas tillbaka");
        var index = IndexOf(CurrentStep!);
        var previous = Definition.Steps.Take(index).Reverse().FirstOrDefault(Applies)
                       ?? throw new RuleViolationException("work-order-first-step", "Ärendet står på sitt första steg och kan inte skickas tillbaka.");
        AddComment(comment, by, at);
        MoveTo(previous, owners);
        return previous;
    }

    private StepDefinition? NextApplicableStep(int after) => Definition.Steps.Skip(after + 1).FirstOrDefault(Applies);

    private bool Applies(StepDefinition step) =>
        step.OnlyWhen is not { } condition || (LatestAnswer(condition.CheckpointCode) is { } answer && condition.Values.Contains(answer));

    private int IndexOf(StepDefinition step) => Definition.Steps.ToList().FindIndex(s => s.Code == step.Code);

    private string? LatestAnswerInStep(StepDefinition step, string checkpointCode) =>
        Answers.Where(a => a.StepCode == step.Code && a.CheckpointCode == checkpointCode)
            .MaxBy(a => a.Sequence)?.Value;

    private void MoveTo(StepDefinition step, Func<StepDefinition, string?, StepOwner> owners)
    {
        var route = step.RoutedBy is { } routing ? LatestAnswer(routing) : null;
        var owner = owners(step, route);
        CurrentStepCode = step.Code;
        OwnerRole = owner.Role;
        OwnerUnitId = owner.UnitId;
        TakenBy = null;
    }
}

/// <summary>What a work order is about: a client (and so their household), an entrance, a device.</summary>
public sealed record WorkOrderSubject(Guid? ClientId, Guid? HouseholdId, Guid? EntranceId, Guid? DeviceId)
{
    /// <summary>The provider unit the order concerns (<see cref="WorkOrder.UnitId"/>).</summary>
    public Guid? UnitId { get; init; }
}

/// <summary>One answer to a checkpoint: who, when, what, and why. Never changed; a new answer supersedes it.</summary>
public sealed class CheckpointAnswer
{
    private CheckpointAnswer() { }

    internal CheckpointAnswer(WorkOrder order, string stepCode, string checkpointCode, string value, string? comment, string by, DateTime at)
    {
        WorkOrderId = order.Id;
        StepCode = stepCode;
        CheckpointCode = checkpointCode;
        Value = value;
        Comment = comment;
        AnsweredBy = by;
        AnsweredAt = at;
        Sequence = order.Answers.Count + 1;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid WorkOrderId { get; private set; }
    public string StepCode { get; private set; } = "";
    public string CheckpointCode { get; private set; } = "";
    public string Value { get; private set; } = "";
    public string? Comment { get; private set; }
    public string AnsweredBy { get; private set; } = "";
    public DateTime AnsweredAt { get; private set; }

    /// <summary>1, 2, 3 … within the work order: orders answers given within the same instant.</summary>
    public int Sequence { get; private set; }
}

public sealed class WorkOrderComment
{
    private WorkOrderComment() { }

    internal WorkOrderComment(WorkOrder order, string? stepCode, string text, string by, DateTime at)
    {
        WorkOrderId = order.Id;
        StepCode = stepCode;
        Text = text;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid WorkOrderId { get; private set; }
    public string? StepCode { get; private set; }
    public string Text { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
}

public static class WorkOrderNames
{
    public static string SwedishName(WorkOrderState state) => state switch
    {
        WorkOrderState.Proposed => "Föreslaget",
        WorkOrderState.Open => "Pågående",
        WorkOrderState.Done => "Klart",
        WorkOrderState.Stopped => "Avbrutet",
        WorkOrderState.Cancelled => "Makulerat",
        WorkOrderState.Dismissed => "Avfärdat",
        _ => state.ToString(),
    };
}
