using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.Routines;

namespace Nyckelfri.UnitTests.Routines;

/// <summary>
/// The work-order state machine for every kind of routine: what each state refuses, that every required checkpoint
/// is required, and that every answer that ends a routine ends it in the state its outcome names (WorkOrderTests walks
/// each kind to Done in every preset).
/// </summary>
public sealed class WorkOrderStateMachineTests
{
    private const string Illegal = "work-order-illegal-transition";
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly WorkOrderSubject Subject = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()) { UnitId = Guid.NewGuid() };
    private static readonly DateTime At = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static Func<StepDefinition, string?, StepOwner> Owners =>
        (step, route) => new StepOwner(RoutinePresets.Owner(RoutinePreset.Salem, step.Code, step.RoutedBy is null ? null : route ?? RoutineCatalog.FaultRoutes.HouseholdLock), Subject.UnitId);

    private static WorkOrder Started(RoutineKind kind) => WorkOrder.Start(Municipality, 1, kind, Subject, At, Owners);

    private static WorkOrder Proposed(RoutineKind kind) => WorkOrder.Propose(Municipality, 1, kind, Subject, At, "Regel", Owners);

    /// <summary>The answer that lets the routine go on; the answer that opens <paramref name="target"/> when it is a conditional step.</summary>
    private static string GoOn(CheckpointDefinition checkpoint, StepDefinition? target) =>
        target?.OnlyWhen is { } condition && condition.CheckpointCode == checkpoint.Code
            ? condition.Values[0]
            : checkpoint.Options.First(o => o.EndsRoutine is null && !o.HoldsStep && o.Value != "declines").Value;

    private static void AnswerAll(WorkOrder order, StepDefinition? target = null, string? except = null)
    {
        foreach (var checkpoint in order.CurrentStep!.Checkpoints.Where(c => c.Code != except))
            order.Answer(checkpoint.Code, GoOn(checkpoint, target), null, "test", At);
    }

    /// <summary>Completes steps until <paramref name="target"/> is current.</summary>
    private static WorkOrder WalkTo(RoutineKind kind, StepDefinition target)
    {
        var order = Started(kind);
        for (var guard = 0; order.CurrentStepCode != target.Code; guard++)
        {
            guard.ShouldBeLessThan(20, $"{kind} never reached {target.Code}");
            AnswerAll(order, target);
            order.CompleteStep(At, Owners);
        }
        return order;
    }

    private static WorkOrder Done(RoutineKind kind)
    {
        var order = Started(kind);
        while (order.State == WorkOrderState.Open)
        {
            AnswerAll(order);
            order.CompleteStep(At, Owners);
        }
        return order;
    }

    public static TheoryData<RoutineKind> Kinds => [.. Enum.GetValues<RoutineKind>()];

    public static TheoryData<RoutineKind, WorkOrderState> KindsAndClosedStates()
    {
        var data = new TheoryData<RoutineKind, WorkOrderState>();
        foreach (var kind in Enum.GetValues<RoutineKind>())
        {
            foreach (var state in new[] { WorkOrderState.Done, WorkOrderState.Cancelled, WorkOrderState.Dismissed })
                data.Add(kind, state);
            if (StoppingAnswer(kind) is not null) data.Add(kind, WorkOrderState.Stopped);
        }
        return data;
    }

    /// <summary>The first answer of the routine that stops it, if it has one.</summary>
    private static (StepDefinition Step, CheckpointDefinition Checkpoint, AnswerOption Option)? StoppingAnswer(RoutineKind kind) =>
        Answers().Where(a => a.Kind == kind && a.Option.EndsRoutine is { Kind: OutcomeKind.Stopped })
            .Select(a => ((StepDefinition Step, CheckpointDefinition Checkpoint, AnswerOption Option)?)(a.Step, a.Checkpoint, a.Option)).FirstOrDefault();

    private static WorkOrder Stopped(RoutineKind kind)
    {
        var (step, checkpoint, option) = StoppingAnswer(kind)!.Value;
        var order = WalkTo(kind, step);
        order.Answer(checkpoint.Code, option.Value, null, "test", At);
        AnswerAll(order, except: checkpoint.Code);
        order.CompleteStep(At, Owners);
        return order;
    }

    private static IEnumerable<(RoutineKind Kind, StepDefinition Step, CheckpointDefinition Checkpoint, AnswerOption Option)> Answers() =>
        RoutineCatalog.All.SelectMany(r => r.Steps.SelectMany(s => s.Checkpoints.SelectMany(c => c.Options.Select(o => (r.Kind, s, c, o)))));

    public static TheoryData<RoutineKind, string, string, string> EndingAnswers() => Data(Answers().Where(a => a.Option.EndsRoutine is not null));

    public static TheoryData<RoutineKind, string, string, string> HoldingAnswers() => Data(Answers().Where(a => a.Option.HoldsStep));

    public static TheoryData<RoutineKind, string, string> RequiredCheckpoints()
    {
        var data = new TheoryData<RoutineKind, string, string>();
        foreach (var (kind, step, checkpoint, _) in Answers().Where(a => a.Checkpoint.Required).DistinctBy(a => a.Checkpoint.Code))
            data.Add(kind, step.Code, checkpoint.Code);
        return data;
    }

    private static TheoryData<RoutineKind, string, string, string> Data(IEnumerable<(RoutineKind Kind, StepDefinition Step, CheckpointDefinition Checkpoint, AnswerOption Option)> rows)
    {
        var data = new TheoryData<RoutineKind, string, string, string>();
        foreach (var (kind, step, checkpoint, option) in rows) data.Add(kind, step.Code, checkpoint.Code, option.Value);
        return data;
    }

    [Theory, MemberData(nameof(Kinds))]
    public void ConfirmOrDismiss_OpenOrder_Refused(RoutineKind kind)
    {
        var order = Started(kind);

        Should.Throw<RuleViolationException>(() => order.Confirm(Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Dismiss("x", At)).Code.ShouldBe(Illegal);
        order.State.ShouldBe(WorkOrderState.Open);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void StepActions_OnAProposal_RefusedUntilConfirmed(RoutineKind kind)
    {
        var order = Proposed(kind);
        var first = order.Definition.Steps[0];

        Should.Throw<RuleViolationException>(() => order.CompleteStep(At, Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Answer(first.Checkpoints.FirstOrDefault()?.Code ?? "x", "yes", null, "t", At)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Take("t")).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Book(At, false)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.SendBack("x", "t", At, Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Reroute(RoutineCatalog.FaultRoutes.Software, "x", "t", At, Owners)).Code.ShouldBe(Illegal);

        order.Confirm(Owners);
        order.State.ShouldBe(WorkOrderState.Open);
        order.CurrentStepCode.ShouldBe(first.Code);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Cancel_AProposal_IsCancelledNotDismissed(RoutineKind kind)
    {
        var order = Proposed(kind);

        order.Cancel("Felaktigt förslag", At);

        order.State.ShouldBe(WorkOrderState.Cancelled);
        order.OwnerRole.ShouldBeNull();
    }

    [Theory, MemberData(nameof(KindsAndClosedStates))]
    public void EveryTransition_OnAClosedOrder_Refused(RoutineKind kind, WorkOrderState state)
    {
        var order = state switch
        {
            WorkOrderState.Done => Done(kind),
            WorkOrderState.Stopped => Stopped(kind),
            WorkOrderState.Dismissed => Proposed(kind),
            _ => Started(kind),
        };
        if (state == WorkOrderState.Dismissed) order.Dismiss("Behövs inte", At);
        if (state == WorkOrderState.Cancelled) order.Cancel("Fel brukare", At);
        order.State.ShouldBe(state);
        var checkpoint = order.Definition.Steps.SelectMany(s => s.Checkpoints).FirstOrDefault()?.Code ?? "x";

        Should.Throw<RuleViolationException>(() => order.Answer(checkpoint, "yes", null, "t", At)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.CompleteStep(At, Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Confirm(Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Dismiss("x", At)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Cancel("x", At)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.CloseAsDone("x", At)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Take("t")).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Book(At, true)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.SendBack("x", "t", At, Owners)).Code.ShouldBe(Illegal);
        Should.Throw<RuleViolationException>(() => order.Reroute(RoutineCatalog.FaultRoutes.Software, "x", "t", At, Owners)).Code.ShouldBe(Illegal);
        order.State.ShouldBe(state);
        order.IsOverdueOn(DateOnly.MaxValue).ShouldBeFalse("a closed order is never overdue");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void CompleteStep_EveryStepToTheLast_DoneWithoutOutcomeAndNoStepLeft(RoutineKind kind)
    {
        var order = Done(kind);

        order.State.ShouldBe(WorkOrderState.Done);
        order.OutcomeCode.ShouldBeNull();
        order.ClosedAt.ShouldBe(At);
        (order.CurrentStepCode, order.OwnerRole, order.OwnerUnitId, order.TakenBy).ShouldBe((null, null, null, null));
    }

    [Theory, MemberData(nameof(RequiredCheckpoints))]
    public void CompleteStep_ARequiredCheckpointUnanswered_RefusedAndTheOrderStaysOnItsStep(RoutineKind kind, string step, string checkpoint)
    {
        var definition = RoutineCatalog.Step(step);
        var order = WalkTo(kind, definition);
        AnswerAll(order, except: checkpoint);

        var error = Should.Throw<RuleViolationException>(() => order.CompleteStep(At, Owners));

        error.Code.ShouldBe("work-order-checkpoints-missing");
        error.Message.ShouldContain(definition.Checkpoint(checkpoint).SwedishQuestion);
        order.CurrentStepCode.ShouldBe(step);
        order.State.ShouldBe(WorkOrderState.Open);
    }

    [Theory, MemberData(nameof(EndingAnswers))]
    public void CompleteStep_AnAnswerThatEndsTheRoutine_ClosesInTheStateOfItsOutcome(RoutineKind kind, string step, string checkpoint, string value)
    {
        var order = WalkTo(kind, RoutineCatalog.Step(step));
        var outcome = RoutineCatalog.Step(step).Checkpoint(checkpoint).Option(value).EndsRoutine!;
        order.Answer(checkpoint, value, null, "test", At);
        AnswerAll(order, except: checkpoint);

        var completion = order.CompleteStep(At, Owners);

        order.State.ShouldBe(outcome.Kind == OutcomeKind.Done ? WorkOrderState.Done : WorkOrderState.Stopped);
        order.OutcomeCode.ShouldBe(outcome.Code);
        order.ClosingReason.ShouldBe(outcome.SwedishName);
        completion.Outcome.ShouldBe(outcome);
        completion.Effects.ShouldBeEmpty("an ended routine performs none of the step's effects");
        completion.Next.ShouldBeNull();
        order.CurrentStepCode.ShouldBeNull();
    }

    [Theory, MemberData(nameof(HoldingAnswers))]
    public void CompleteStep_AnAnswerThatHoldsTheStep_RefusedUntilAnsweredAgain(RoutineKind kind, string step, string checkpoint, string value)
    {
        var order = WalkTo(kind, RoutineCatalog.Step(step));
        order.Answer(checkpoint, value, null, "test", At);
        AnswerAll(order, except: checkpoint);

        Should.Throw<RuleViolationException>(() => order.CompleteStep(At, Owners)).Code.ShouldBe("work-order-step-held");
        order.CurrentStepCode.ShouldBe(step);

        order.Answer(checkpoint, GoOn(RoutineCatalog.Step(step).Checkpoint(checkpoint), null), null, "test", At);
        order.CompleteStep(At, Owners).Completed.Code.ShouldBe(step);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Reroute_AStepThatIsNotRouted_Refused(RoutineKind kind)
    {
        var order = Started(kind);
        Should.Throw<RuleViolationException>(() => order.Reroute(RoutineCatalog.FaultRoutes.Software, "x", "t", At, Owners)).Code.ShouldBe("work-order-not-routed");
    }

    [Theory]
    [InlineData(RoutineCatalog.FaultRoutes.EntranceLock, Roles.SystemAdministrator)]
    [InlineData(RoutineCatalog.FaultRoutes.Software, Roles.SystemAdministrator)]
    public void Reroute_FaultTriage_GoesToTheNewRoutesOwner_AndTheSameRouteAgainIsRefused(string route, string owner)
    {
        var order = WalkTo(RoutineKind.FaultReport, RoutineCatalog.Step("fault.triage"));
        order.OwnerRole.ShouldBe(Roles.Installer);

        order.Reroute(route, "Felet sitter i porten", "t", At, Owners).Role.ShouldBe(owner);

        order.CurrentStepCode.ShouldBe("fault.triage");
        order.LatestAnswer(RoutineCatalog.FaultRoute).ShouldBe(route);
        Should.Throw<ValidationFailedException>(() => order.Reroute(route, "igen", "t", At, Owners));
    }
}
