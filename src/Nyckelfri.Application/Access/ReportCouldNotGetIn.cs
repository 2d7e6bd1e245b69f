using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.Keys;
using Nyckelfri.Notifications;
using Nyckelfri.Routines;

namespace Nyckelfri.Access;

/// <summary>What the person at the door is told: who holds the physical key, and the fault report opened.</summary>
public sealed record CouldNotGetInResult(Guid WorkOrderId, string WorkOrderReference, IReadOnlyList<string> PhysicalKeyHolders, string Message);

/// <summary>
/// "Kunde inte komma in" (SPEC §11.5): one action from the client's page on a phone. It records the
/// incident in the access log, tells the units serving the client to use the physical key and who
/// holds it (unit names only in the notification), and opens a fault-report work order on the lock,
/// all in one save.
/// </summary>
public sealed class ReportCouldNotGetIn(NyckelfriDbContext db, OpenWorkOrder openWorkOrder) : IHandler
{
    public sealed class Command
    {
        /// <summary>What happened at the door (optional; no personal data, please).</summary>
        public string? Note { get; set; }
    }

    public async Task<CouldNotGetInResult> Handle(Guid clientId, Command command, CancellationToken ct)
    {
        var v = new Validator();
        var note = v.Optional(nameof(Command.Note), command.Note, "Vad hände", 500);
        v.ThrowIfInvalid();

        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.Id, c.HouseholdId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Brukaren");
        var today = db.Clock.Today();
        var lockDevice = await db.Devices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == client.HouseholdId
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => new { d.Id, d.SerialNumber }).FirstOrDefaultAsync(ct);
        var holders = await db.KeySets.AsNoTracking()
            .Where(k => k.ClientId == clientId && k.Status == KeySetStatus.WithHolder && k.HolderUnit != null)
            .Select(k => new { k.KeyNumber, Unit = k.HolderUnit!.Name, Provider = k.HolderUnit.Provider!.Name })
            .ToListAsync(ct);
        var serving = await db.CareServices.WithoutScopeFilter()
            .Where(s => s.ClientId == clientId && s.MunicipalityId == db.Scope.MunicipalityId && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .Select(s => s.UnitId).Distinct().ToListAsync(ct);

        var now = db.Clock.UtcNow();
        var holderText = holders.Count == 0
            ? "ingen enhet har en registrerad fysisk nyckel – kontakta Trygghetslarmscentralen"
            : string.Join("; ", holders.Select(h => $"{h.Unit} ({h.Provider}), nyckel {h.KeyNumber}"));
        db.AccessEvents.Add(new AccessEvent(db.Scope.MunicipalityId, AccessEventKind.CouldNotGetIn, AccessOutcome.Reported, now, now)
        {
            EmployeeId = db.Scope.EmployeeId, ClientId = clientId, HouseholdId = client.HouseholdId, LockId = lockDevice?.Id,
            UnitId = db.Scope.UnitId, ReasonCode = "could-not-get-in", Detail = note ?? "Dörren gick inte att öppna.", RecordedBy = db.Scope.UserName,
        });

        var comment = "Kom inte in med den digitala nyckeln" + (lockDevice is null ? "" : $" (lås {lockDevice.SerialNumber})") + (note is null ? "." : $": {note}");
        var orderId = await openWorkOrder.Handle(new OpenWorkOrder.Command
        {
            Kind = RoutineKind.FaultReport, ClientId = clientId, DeviceId = lockDevice?.Id, Comment = comment,
        }, ct);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Id == orderId).Select(w => w.Number).FirstAsync(ct);
        var reference = WorkOrder.FormatNumber(order);
        var units = serving.Concat(db.Scope.UnitId is { } own ? [own] : []).Distinct();
        foreach (var unit in units)
            NotificationOutbox.Enqueue(db, NotificationTemplate.CouldNotGetIn,
                new WorkOrderReference(reference, "Felanmälan", holderText, null, WorkOrderSteps.LinkTo(orderId)), Roles.Coordinator, unit);
        await db.SaveChangesAsync(ct);

        var message = holders.Count == 0
            ? $"Felanmälan {reference} är öppnad. Ingen fysisk nyckel är registrerad hos någon enhet: ring Trygghetslarmscentralen."
            : $"Felanmälan {reference} är öppnad. Använd den fysiska nyckeln: {holderText}.";
        return new CouldNotGetInResult(orderId, reference, holders.Select(h => $"{h.Unit} ({h.Provider}), nyckel {h.KeyNumber}").ToList(), message);
    }
}
