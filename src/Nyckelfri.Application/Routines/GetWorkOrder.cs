using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;

namespace Nyckelfri.Routines;

public enum StepStatus { Done, Current, Upcoming, Skipped, NotDone }

/// <summary>
/// One work order as its page and the API show it: the subject, every step with its status and owner,
/// the current step with its instructions, checkpoints and the inputs its effects need, the answers and
/// comments, and whether the caller may act on it. The client's name only for callers who may read clients.
/// </summary>
public sealed class GetWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed record Subject(Guid? ClientId, string? ClientName, Guid? HouseholdId, string? Address, Guid? EntranceId, string? EntranceName,
        Guid? DeviceId, string? DeviceSerial, Guid? UnitId, string? UnitName);

    public sealed record Step(string Code, string Title, StepStatus Status, string OwnerRoleName);

    public sealed record Answer(string StepTitle, string Question, string AnswerLabel, string? Comment, string By, DateTime At);

    public sealed record Comment(string? StepTitle, string Text, string By, DateTime At);

    public sealed record Option(Guid Id, string Name);

    /// <summary>A physical key set of the household, where it is now.</summary>
    public sealed record KeySetLine(Guid Id, string KeyNumber, int KeyCount, string Status, string? Holder);

    public sealed record View(
        Guid Id, int Version, string Reference, RoutineKind Kind, string KindName, WorkOrderState State, string StateName,
        Subject About, string? CurrentStepCode, string? OwnerRole, string? OwnerRoleName, Guid? OwnerUnitId, string? OwnerUnitName, string? TakenBy,
        DateOnly? DueOn, bool Overdue, DateTime? BookedFor, bool StaffMustBePresent, string? ProposalReason, string? OutcomeCode, string? ClosingReason,
        DateTime CreatedAt, DateTime? ClosedAt, IReadOnlyList<Step> Steps, IReadOnlyList<Answer> Answers, IReadOnlyList<Comment> Comments,
        bool CanAct, bool CanCancel)
    {
        /// <summary>The current step's definition (instructions, checkpoints), null when none is current.</summary>
        public StepDefinition? CurrentStep => CurrentStepCode is null ? null : RoutineCatalog.Step(CurrentStepCode);

        /// <summary>Latest answers per checkpoint code, in the current step.</summary>
        public IReadOnlyDictionary<string, string> CurrentAnswers { get; init; } = new Dictionary<string, string>();

        public StepInputs? Inputs => CurrentStep is { } s ? StepInputs.For(s) : null;
        public IReadOnlyList<Option> Devices { get; init; } = [];
        public IReadOnlyList<Option> StockLocations { get; init; } = [];

        /// <summary>The household's physical key sets (the ones the key steps hand out, transfer or return).</summary>
        public IReadOnlyList<KeySetLine> KeySets { get; init; } = [];
    }

    public async Task<View> Handle(Guid id, bool includeClientName, CancellationToken ct)
    {
        var order = await db.WorkOrders.AsNoTracking().Include(w => w.Answers).Include(w => w.Comments)
            .FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Ärendet");
        var today = db.Scope.Today;
        var owners = await RoutineOwners.Load(db, order.MunicipalityId, ct);
        var completed = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id && a.Action.StartsWith(WorkOrderHistory.StepCompleted))
            .Select(a => a.Action).ToListAsync(ct);
        var steps = Steps(order, owners, completed.Select(a => a[(WorkOrderHistory.StepCompleted.Length + 2)..]).ToHashSet());
        var title = (string code) => order.Definition.Steps.FirstOrDefault(s => s.Code == code)?.SwedishTitle ?? code;

        var answers = order.Answers.OrderBy(a => a.Sequence).Select(a =>
        {
            var checkpoint = RoutineCatalog.Checkpoint(a.CheckpointCode);
            var label = checkpoint.Options.FirstOrDefault(o => o.Value == a.Value)?.SwedishLabel ?? a.Value;
            return new Answer(title(a.StepCode), checkpoint.SwedishQuestion, label, a.Comment, a.AnsweredBy, SwedishTime.ToLocal(a.AnsweredAt));
        }).ToList();
        var comments = order.Comments.OrderBy(c => c.At)
            .Select(c => new Comment(c.StepCode is null ? null : title(c.StepCode), c.Text, c.By, SwedishTime.ToLocal(c.At))).ToList();
        var current = order.CurrentStep;
        var currentAnswers = current is null ? new Dictionary<string, string>() : current.Checkpoints
            .Select(c => (c.Code, Value: order.Answers.Where(a => a.StepCode == current.Code && a.CheckpointCode == c.Code).MaxBy(a => a.Sequence)?.Value))
            .Where(x => x.Value is not null).ToDictionary(x => x.Code, x => x.Value!);
        var canAct = await CanAct(order, ct);
        var inputs = current is null ? null : StepInputs.For(current);

        return new View(order.Id, order.Version, order.Reference, order.Kind, RoutineNames.SwedishName(order.Kind), order.State,
            WorkOrderNames.SwedishName(order.State), await About(order, includeClientName, ct), order.CurrentStepCode,
            order.OwnerRole, order.OwnerRole is null ? null : Roles.SwedishName(order.OwnerRole), order.OwnerUnitId,
            await UnitName(order.OwnerUnitId, ct), order.TakenBy, order.DueOn, order.IsOverdueOn(today),
            order.BookedFor is { } b ? SwedishTime.ToLocal(b) : null, order.StaffMustBePresent, order.ProposalReason, order.OutcomeCode,
            order.ClosingReason, SwedishTime.ToLocal(order.CreatedAt), order.ClosedAt is { } c ? SwedishTime.ToLocal(c) : null,
            steps, answers, comments, canAct, canAct || (db.Scope.IsInRole(Roles.SystemAdministrator) && !order.IsClosed))
        {
            CurrentAnswers = currentAnswers,
            Devices = canAct && inputs is { Device: true, DeviceKind: { } kind } ? await StockDevices(kind, order, ct) : [],
            StockLocations = canAct && inputs is { StockLocation: true } ? await Locations(ct) : [],
            KeySets = await KeySets(order, ct),
        };
    }

    private static List<Step> Steps(WorkOrder order, RoutineOwners owners, IReadOnlySet<string> completedTitles)
    {
        var route = order.LatestAnswer(RoutineCatalog.FaultRoute);
        var currentIndex = order.CurrentStepCode is { } code ? order.Definition.Steps.ToList().FindIndex(s => s.Code == code) : -1;
        return order.Definition.Steps.Select((s, i) =>
        {
            var applies = s.OnlyWhen is not { } when || (order.LatestAnswer(when.CheckpointCode) is { } a && when.Values.Contains(a));
            var status = order.State switch
            {
                WorkOrderState.Open when i == currentIndex => StepStatus.Current,
                WorkOrderState.Open or WorkOrderState.Proposed when i > currentIndex =>
                    s.OnlyWhen is { } w && order.Answers.Any(x => x.CheckpointCode == w.CheckpointCode) && !applies ? StepStatus.Skipped : StepStatus.Upcoming,
                _ when completedTitles.Contains(s.SwedishTitle) => StepStatus.Done,
                _ when !applies => StepStatus.Skipped,
                _ => StepStatus.NotDone,
            };
            return new Step(s.Code, s.SwedishTitle, status, Roles.SwedishName(owners.RoleFor(s, route)));
        }).ToList();
    }

    /// <summary>The same check as the handlers (<see cref="WorkOrderSteps.OwnerRefusal"/>): what the page offers is what they accept.</summary>
    private async Task<bool> CanAct(WorkOrder order, CancellationToken ct) =>
        !order.IsClosed && await db.OwnerRefusal(order, ct) is null;

    private async Task<Subject> About(WorkOrder order, bool includeClientName, CancellationToken ct)
    {
        var client = order.ClientId is { } c
            ? await db.Clients.AsNoTracking().Where(x => x.Id == c).Select(x => x.FirstName + " " + x.LastName).FirstOrDefaultAsync(ct)
            : null;
        var address = order.HouseholdId is { } h
            ? await db.Households.AsNoTracking().Where(x => x.Id == h)
                .Select(x => x.Address!.Street + (x.Apartment == null ? "" : ", lgh " + x.Apartment) + ", " + x.Address.City).FirstOrDefaultAsync(ct)
            : null;
        var entrance = order.EntranceId is { } e
            ? await db.Entrances.AsNoTracking().Where(x => x.Id == e)
                .Select(x => x.Address!.Street + ", " + x.Name).FirstOrDefaultAsync(ct)
            : null;
        var device = order.DeviceId is { } d
            ? await db.Devices.AsNoTracking().Where(x => x.Id == d).Select(x => x.SerialNumber).FirstOrDefaultAsync(ct)
            : null;
        return new Subject(order.ClientId, includeClientName ? client : null, order.HouseholdId, address, order.EntranceId, entrance,
            order.DeviceId, device, order.UnitId, await UnitName(order.UnitId, ct));
    }

    private async Task<string?> UnitName(Guid? unitId, CancellationToken ct) =>
        unitId is { } u
            ? await db.Units.WithoutScopeFilter().AsNoTracking().Where(x => x.Id == u).Select(x => x.Name + " (" + x.Provider!.Name + ")").FirstOrDefaultAsync(ct)
            : null;

    private async Task<IReadOnlyList<Option>> StockDevices(DeviceKind kind, WorkOrder order, CancellationToken ct) =>
        await db.Devices.AsNoTracking()
            .Where(x => x.Kind == kind && (x.Status == DeviceStatus.InStock
                        || (x.Status == DeviceStatus.Reserved && (x.HouseholdId == order.HouseholdId || x.EntranceId == order.EntranceId))))
            .OrderBy(x => x.SerialNumber).Take(200)
            .Select(x => new Option(x.Id, x.SerialNumber + (x.KeyNumber == null ? "" : " (nyckelnummer " + x.KeyNumber + ")")))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<KeySetLine>> KeySets(WorkOrder order, CancellationToken ct)
    {
        if (order.HouseholdId is null && order.ClientId is null) return [];
        var sets = await db.KeySets.AsNoTracking()
            .Where(k => order.HouseholdId != null ? db.Clients.Any(c => c.Id == k.ClientId && c.HouseholdId == order.HouseholdId) : k.ClientId == order.ClientId)
            .OrderBy(k => k.KeyNumber)
            .Select(k => new { k.Id, k.KeyNumber, k.KeyCount, k.Status, Holder = k.HolderUnit == null ? null : k.HolderUnit.Name })
            .ToListAsync(ct);
        return sets.Select(k => new KeySetLine(k.Id, k.KeyNumber, k.KeyCount, Keys.KeySet.SwedishName(k.Status), k.Holder)).ToList();
    }

    private async Task<IReadOnlyList<Option>> Locations(CancellationToken ct) =>
        await db.StockLocations.AsNoTracking().OrderBy(l => l.Name).Select(l => new Option(l.Id, l.Name)).ToListAsync(ct);
}
