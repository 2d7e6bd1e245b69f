using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Notifications;

namespace Nyckelfri.Routines;

// The small transitions of a work order: each loads, checks version and owner, changes, and saves
// with its history line. Completing a step, with its effects, is CompleteStep.

/// <summary>The owner of a proposal confirms it: the first step becomes current and its owner is told.</summary>
public sealed class ConfirmWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var (order, comment) = await db.ForOwnerAction(id, command.Version, command.Comment, ct);
        order.Confirm(await db.OwnersFor(order, ct));
        db.Notify(order, NotificationTemplate.StepHandedOver);
        return await db.SaveWorkOrder(order, WorkOrderHistory.Confirmed, comment, ct);
    }
}

/// <summary>The owner of a proposal turns it down, saying why.</summary>
public sealed class DismissWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var reason = Reason(command.Version, command.Reason, "Skäl till att förslaget avfärdas");
        var (order, _) = await db.ForOwnerAction(id, command.Version, null, ct);
        order.Dismiss(reason, db.Clock.UtcNow());
        return await db.SaveWorkOrder(order, WorkOrderHistory.Dismissed, reason, ct);
    }

    internal static string Reason(int? version, string? text, string label)
    {
        var v = new Validator();
        v.RequireVersion(version);
        var reason = v.Required("Reason", text, label, WorkOrder.MaxCommentLength);
        v.ThrowIfInvalid();
        return reason!;
    }
}

/// <summary>Withdraws an order that is proposed or open, saying why: its current owner or the system administrator.</summary>
public sealed class CancelWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var reason = DismissWorkOrder.Reason(command.Version, command.Reason, "Skäl till att ärendet makuleras");
        var order = await db.WorkOrderForChange(id, ct);
        db.ExpectVersion(order, command.Version!.Value);
        if (!db.Scope.IsInRole(Roles.SystemAdministrator)) await db.RequireOwner(order, ct);
        order.Cancel(reason, db.Clock.UtcNow());
        return await db.SaveWorkOrder(order, WorkOrderHistory.Cancelled, reason, ct);
    }
}

/// <summary>A person of the owning role takes the step, so colleagues see who handles it.</summary>
public sealed class TakeStep(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var (order, _) = await db.ForOwnerAction(id, command.Version, null, ct);
        order.Take(db.Scope.UserName);
        return await db.SaveWorkOrder(order, WorkOrderHistory.Taken, $"{order.CurrentStep!.SwedishTitle}: {db.Scope.UserName}", ct);
    }
}

/// <summary>The time agreed with the client (Swedish local time), and whether staff must be there to let the installer in.</summary>
public sealed class BookWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }

        /// <summary>Swedish local time.</summary>
        public DateTime? BookedFor { get; set; }
        public bool StaffMustBePresent { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        if (command.BookedFor is null) v.Add(nameof(Command.BookedFor), "Ange dag och tid som är bokad med brukaren.");
        else if (command.BookedFor.Value.Year is < 2000 or > 2100) v.Add(nameof(Command.BookedFor), "Tiden är inte ett rimligt datum.");
        v.ThrowIfInvalid();
        var (order, comment) = await db.ForOwnerAction(id, command.Version, command.Comment, ct);
        var utc = SwedishTime.ToUtc(DateTime.SpecifyKind(command.BookedFor!.Value, DateTimeKind.Unspecified));
        if (utc < db.Clock.UtcNow().AddDays(-30))
            throw ValidationFailedException.For(nameof(Command.BookedFor), "Tiden ligger för långt bakåt i tiden.");
        order.Book(utc, command.StaffMustBePresent);
        if (comment is not null) order.AddComment(comment, db.Scope.UserName, db.Clock.UtcNow());
        var when = command.BookedFor.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return await db.SaveWorkOrder(order, WorkOrderHistory.Booked,
            when + (command.StaffMustBePresent ? ", personal ska vara på plats" : ""), ct);
    }
}

/// <summary>The owner answers one checkpoint of the current step; a later answer supersedes, both stay in the record.</summary>
public sealed class AnswerCheckpoint(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? CheckpointCode { get; set; }
        public string? Value { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        v.RequireVersion(command.Version);
        var code = v.Required(nameof(Command.CheckpointCode), command.CheckpointCode, "Kontrollpunkt", 100);
        var value = v.Required(nameof(Command.Value), command.Value, "Svar", 100);
        var comment = v.Comment(command.Comment);
        v.ThrowIfInvalid();
        var (order, _) = await db.ForOwnerAction(id, command.Version, null, ct);
        order.Answer(code!, value!, comment, db.Scope.UserName, db.Clock.UtcNow());
        var checkpoint = order.CurrentStep!.Checkpoint(code!);
        return await db.SaveWorkOrder(order, WorkOrderHistory.Answered,
            $"{checkpoint.SwedishQuestion} {checkpoint.Option(value!).SwedishLabel}" + (comment is null ? "" : $" ({comment})"), ct);
    }
}

/// <summary>The owner sends the order back to the previous step with a comment saying why; that step's owner is told.</summary>
public sealed class SendBackStep(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        v.RequireVersion(command.Version);
        var comment = v.Required(nameof(Command.Comment), command.Comment, "Kommentar (varför ärendet skickas tillbaka)", WorkOrder.MaxCommentLength);
        v.ThrowIfInvalid();
        var (order, _) = await db.ForOwnerAction(id, command.Version, null, ct);
        var previous = order.SendBack(comment!, db.Scope.UserName, db.Clock.UtcNow(), await db.OwnersFor(order, ct));
        db.Notify(order, NotificationTemplate.SentBack);
        return await db.SaveWorkOrder(order, WorkOrderHistory.SentBack, $"Till {previous.SwedishTitle}: {comment}", ct);
    }
}

/// <summary>A routed step (a fault report) is handed on to the owner of another route: hardware, entrance lock, software.</summary>
public sealed class RerouteWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Route { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        v.RequireVersion(command.Version);
        var route = v.Required(nameof(Command.Route), command.Route, "Vad felet gäller", 100);
        var comment = v.Required(nameof(Command.Comment), command.Comment, "Kommentar (varför ärendet lämnas vidare)", WorkOrder.MaxCommentLength);
        v.ThrowIfInvalid();
        var (order, _) = await db.ForOwnerAction(id, command.Version, null, ct);
        var owner = order.Reroute(route!, comment!, db.Scope.UserName, db.Clock.UtcNow(), await db.OwnersFor(order, ct));
        db.Notify(order, NotificationTemplate.StepHandedOver);
        return await db.SaveWorkOrder(order, WorkOrderHistory.OwnerChanged, $"Lämnat vidare till {Roles.SwedishName(owner.Role)}: {comment}", ct);
    }
}

/// <summary>Anyone who may see the order adds a comment; comments never conflict, so no version is asked for.</summary>
public sealed class CommentWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public string? Text { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        var text = v.Required(nameof(Command.Text), command.Text, "Kommentar", WorkOrder.MaxCommentLength);
        v.ThrowIfInvalid();
        var order = await db.WorkOrderForChange(id, ct);
        order.AddComment(text!, db.Scope.UserName, db.Clock.UtcNow());
        db.Record(order, WorkOrderHistory.Commented, text);
        await db.SaveChangesAsync(ct);
    }
}
