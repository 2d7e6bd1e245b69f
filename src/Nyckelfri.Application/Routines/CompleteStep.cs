using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Notifications;

namespace Nyckelfri.Routines;

/// <summary>
/// The owner completes the current step: the aggregate checks the checkpoints and moves on, the step's
/// effects are performed on the registry (<see cref="StepEffects"/>), answers that propose another
/// routine open it as a proposal, and the next owner is told, all in one save. Two users completing
/// the same step at once: the version lets exactly one through.
/// </summary>
public sealed class CompleteStep(NyckelfriDbContext db, RoutineRules rules) : IHandler
{
    public sealed class Command : StepInput
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var order = await db.WorkOrderForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var comment = v.Comment(command.Comment);
        v.ThrowIfInvalid();
        db.ExpectVersion(order, command.Version!.Value);
        await db.RequireOwner(order, ct);

        var now = db.Clock.UtcNow();
        var by = db.Scope.UserName;
        if (comment is not null) order.AddComment(comment, by, now);
        var completion = order.CompleteStep(now, await db.OwnersFor(order, ct));
        var effects = new StepEffects(db);
        var lines = new List<string>();
        if (completion.Outcome is { } outcome)
        {
            lines.Add(outcome.SwedishName);
            if (await effects.PerformOutcome(order, outcome, ct) is { } line) lines.Add(line);
        }
        lines.AddRange(await effects.Perform(order, completion.Effects, command, v, ct));
        v.ThrowIfInvalid();

        foreach (var proposal in Proposals(completion.Completed, order))
            if (await rules.ProposeFrom(order, proposal, ct) is { } proposed)
                lines.Add($"Föreslog ärende {proposed.Reference} ({RoutineNames.SwedishName(proposed.Kind).ToLowerInvariant()}).");

        if (completion.Next is not null) db.Notify(order, NotificationTemplate.StepHandedOver);
        else if (order.State == WorkOrderState.Done) await NotifyOrderer(order, ct);
        return await db.SaveWorkOrder(order, $"{WorkOrderHistory.StepCompleted}: {completion.Completed.SwedishTitle}",
            string.Join(" ", lines.Append(comment ?? "")).Trim() is { Length: > 0 } text ? text : null, ct);
    }

    /// <summary>The owner of the first step (who ordered the work) is told it is done.</summary>
    private async Task NotifyOrderer(WorkOrder order, CancellationToken ct)
    {
        var owner = (await db.OwnersFor(order, ct))(order.Definition.Steps[0], order.LatestAnswer(RoutineCatalog.FaultRoute));
        var reference = new WorkOrderReference(order.Reference, RoutineNames.SwedishName(order.Kind), "", order.DueOn, WorkOrderSteps.LinkTo(order.Id));
        NotificationOutbox.Enqueue(db, NotificationTemplate.Done, reference, owner.Role, owner.UnitId);
    }

    /// <summary>The routines proposed by the answers given in the completed step (entrance lock needed, lock still needed …).</summary>
    private static IEnumerable<RoutineKind> Proposals(StepDefinition step, WorkOrder order) =>
        step.Checkpoints
            .Select(c => (Checkpoint: c, Value: order.Answers.Where(a => a.StepCode == step.Code && a.CheckpointCode == c.Code).MaxBy(a => a.Sequence)?.Value))
            .Where(a => a.Value is not null)
            .Select(a => a.Checkpoint.Option(a.Value!).Proposes)
            .OfType<RoutineKind>()
            .Distinct();
}
