using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Routines;

namespace Nyckelfri.Batteries;

/// <summary>
/// The battery has been changed: the task is done, by the person marking it. The device's history
/// gets a line saying so. The next reported level confirms it; a level still below the threshold,
/// measured after this, opens a new task. The battery-change work order closes with it.
/// </summary>
public sealed class CompleteBatteryTask(NyckelfriDbContext db, RoutineRules routines) : IHandler
{
    public const int MaxNoteLength = 500;

    public sealed class Command
    {
        public int Version { get; set; }
        public string? Note { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var task = await db.PendingTasks.Include(t => t.Device)
            .FirstOrDefaultAsync(t => t.Id == id && t.Kind == PendingTaskKind.BatteryChange, ct)
            ?? throw new NotFoundException("Uppgiften");
        var v = new Validator();
        var note = v.Optional(nameof(Command.Note), command.Note, "Kommentar", MaxNoteLength);
        v.ThrowIfInvalid();

        db.ExpectVersion(task, command.Version);
        task.Complete(db.Scope.UserName, db.Clock.UtcNow(), note);
        db.Record(task.Device!, "Batteriet bytt", note);
        await routines.CloseBatteryChanges(task.DeviceId, "Batteribytet markerat klart under Låga batterier.", ct);
        await db.SaveChangesAsync(ct);
        return task.Version;
    }
}
