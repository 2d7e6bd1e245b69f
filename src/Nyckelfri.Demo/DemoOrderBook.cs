using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Routines;

namespace Nyckelfri.Demo;

/// <summary>
/// Builds a demo municipality's work orders through the aggregate's own transitions (Start, Propose,
/// Confirm, Answer, Book, CompleteStep, Cancel, Dismiss), with each step's owner resolved as the app
/// resolves it (<see cref="RoutineOwners"/>: the preset, and the order's unit for provider roles). Orders
/// are planned first and built in the order they were opened, so their numbers rise with time. The demo
/// sends nothing: no notification goes to the outbox for a demo order.
/// </summary>
internal sealed class DemoOrderBook(Guid municipalityId, RoutinePreset preset, DemoRandom random, DateTime now, DemoOrderBook.Names names)
{
    /// <summary>Who of a role (at a unit, for provider roles) acted on a given day: the name an answer or a comment is signed with.</summary>
    public delegate string Names(string role, Guid? unitId, DateOnly day);

    private readonly RoutineOwners _owners = new(preset, new Dictionary<StepOwnerKey, string>());
    private readonly List<(DateTime At, int Sequence, Action Build)> _plans = [];

    public List<WorkOrder> Orders { get; } = [];
    public DateTime Now => now;
    public DemoRandom Random => random;

    /// <summary>Builds <paramref name="build"/> with the others in the order of <paramref name="openedAt"/>, so that numbers follow time.</summary>
    public void Plan(DateTime openedAt, Action build) => _plans.Add((openedAt, _plans.Count, build));

    public List<WorkOrder> BuildAll()
    {
        foreach (var (_, _, build) in _plans.OrderBy(p => p.At).ThenBy(p => p.Sequence)) build();
        _plans.Clear();
        return Orders;
    }

    /// <summary>A person opens the routine (or a rule starts it): its first step is current.</summary>
    public DemoWalk Start(RoutineKind kind, WorkOrderSubject subject, DateTime at, Guid? nightUnitId = null)
    {
        var owners = _owners.For(subject.UnitId, nightUnitId);
        var order = WorkOrder.Start(municipalityId, Orders.Count + 1, kind, subject, Clamp(at), owners);
        Orders.Add(order);
        return new DemoWalk(this, order, owners, Clamp(at));
    }

    /// <summary>A rule (or a completed step's answer) proposes the routine; a person confirms or dismisses it.</summary>
    public DemoWalk Propose(RoutineKind kind, WorkOrderSubject subject, DateTime at, string reason, Guid? nightUnitId = null)
    {
        var owners = _owners.For(subject.UnitId, nightUnitId);
        var order = WorkOrder.Propose(municipalityId, Orders.Count + 1, kind, subject, Clamp(at), reason, owners);
        Orders.Add(order);
        return new DemoWalk(this, order, owners, Clamp(at));
    }

    /// <summary>
    /// Answers are signed by the demo login of the role (for a provider role, the login of the unit's provider), or
    /// else by someone of the unit; a role without a login signs with its Swedish name.
    /// </summary>
    public static Names Signatures(IReadOnlyList<DemoLogin> logins, IReadOnlyDictionary<Guid, Unit> units, Func<Guid, DateOnly, string> staff) =>
        (role, unitId, day) =>
        {
            var unit = unitId is { } id && units.TryGetValue(id, out var u) ? u : null;
            var login = logins.FirstOrDefault(l => l.Role == role && (unit is null || !Roles.ProviderScoped.Contains(role)
                || (l.ProviderName == unit.Provider!.Name && (l.UnitName is null || l.UnitName == unit.Name))));
            return login?.DisplayName ?? (unit is not null ? staff(unit.Id, day) : Roles.SwedishName(role));
        };

    public string NameFor(string role, Guid? unitId, DateTime at) => names(role, unitId, DateOnly.FromDateTime(SwedishTime.ToLocal(at)));

    /// <summary>Nothing happens after now.</summary>
    public DateTime Clamp(DateTime at) => at > now ? now.AddMinutes(-5) : at;

    /// <summary>A Swedish working hour on <paramref name="day"/>, as UTC.</summary>
    public DateTime At(DateOnly day, int hour, int minute = 0) =>
        Clamp(SwedishTime.ToUtc(day.ToDateTime(new TimeOnly(hour, minute))));

    /// <summary>Some office hour on the day <paramref name="daysAgo"/> days before today.</summary>
    public DateTime DaysAgo(DateOnly today, int daysAgo) => At(today.AddDays(-daysAgo), random.Between(8, 15), random.Between(0, 11) * 5);
}

/// <summary>
/// One work order on its way: completes steps with answers that let it go on (or the ones given with
/// <see cref="Answer"/>), books where the step books, and spreads the completions over the time given.
/// </summary>
internal sealed class DemoWalk(DemoOrderBook book, WorkOrder order, Func<StepDefinition, string?, StepOwner> owners, DateTime openedAt)
{
    private readonly Dictionary<string, (string Value, string? Comment)> _answers = [];
    private (DateTime At, bool StaffPresent)? _booking;

    public WorkOrder Order => order;

    /// <summary>When the last thing happened to the order.</summary>
    public DateTime At { get; private set; } = openedAt;

    /// <summary>The answer to give <paramref name="checkpoint"/> when its step comes (instead of the one that goes on).</summary>
    public DemoWalk Answer(string checkpoint, string value, string? comment = null)
    {
        _answers[checkpoint] = (value, comment);
        return this;
    }

    /// <summary>The time the next booking step agrees with the client.</summary>
    public DemoWalk BookFor(DateTime at, bool staffMustBePresent = false)
    {
        _booking = (at, staffMustBePresent);
        return this;
    }

    /// <summary>Completes steps until <paramref name="stepCode"/> is current, the completions spread evenly until <paramref name="by"/>.</summary>
    public DemoWalk Until(string stepCode, DateTime by)
    {
        while (order.State == WorkOrderState.Open && order.CurrentStepCode != stepCode)
        {
            var left = Math.Max(1, StepsLeft(stepCode));
            Step(OfficeHours(At + (book.Clamp(by) - At) / (left + 0.5)));
        }
        if (order.CurrentStepCode != stepCode)
            throw new InvalidOperationException($"Demo: {order.Kind} never reached '{stepCode}' (it is {order.State}).");
        return this;
    }

    /// <summary>Completes every step that is left, spread evenly until <paramref name="by"/>.</summary>
    public DemoWalk ToEnd(DateTime by)
    {
        while (order.State == WorkOrderState.Open)
        {
            var left = Math.Max(1, StepsLeft(null));
            Step(OfficeHours(At + (book.Clamp(by) - At) / left));
        }
        return this;
    }

    /// <summary>Answers the current step's checkpoints and completes it at <paramref name="at"/>.</summary>
    public DemoWalk Step(DateTime at)
    {
        at = Later(at);
        var step = order.CurrentStep!;
        AnswerCurrent(at, step.Checkpoints);
        if (step.Code.EndsWith(".book", StringComparison.Ordinal))
        {
            var (when, present) = _booking ?? (book.At(DateOnly.FromDateTime(SwedishTime.ToLocal(at)).AddDays(book.Random.Between(2, 5)), 10), book.Random.Chance(0.4));
            order.Book(when, present);
            _booking = null;
        }
        order.CompleteStep(at, owners);
        At = at;
        return this;
    }

    /// <summary>The current step is under way: the checkpoints given with <see cref="Answer"/> are answered, the others not yet.</summary>
    public DemoWalk Answered(DateTime at)
    {
        at = Later(at);
        AnswerCurrent(at, order.CurrentStep!.Checkpoints.Where(c => _answers.ContainsKey(c.Code)));
        At = at;
        return this;
    }

    /// <summary>Someone of the owning role has taken the current step.</summary>
    public DemoWalk Take(DateTime at)
    {
        at = Later(at);
        order.Take(book.NameFor(order.OwnerRole!, order.OwnerUnitId, at));
        At = at;
        return this;
    }

    public DemoWalk Comment(string text, DateTime at)
    {
        at = Later(at);
        order.AddComment(text, book.NameFor(order.OwnerRole ?? Identity.Roles.SystemAdministrator, order.OwnerUnitId, at), at);
        At = at;
        return this;
    }

    public DemoWalk Confirm(DateTime at)
    {
        At = Later(at);
        order.Confirm(owners);
        return this;
    }

    public DemoWalk Dismiss(string reason, DateTime at)
    {
        At = Later(at);
        order.Dismiss(reason, At);
        return this;
    }

    public DemoWalk Cancel(string reason, DateTime at)
    {
        At = Later(at);
        order.Cancel(reason, At);
        return this;
    }

    public DemoWalk Due(DateOnly? due)
    {
        if (due is { } d) order.SetDue(d);
        return this;
    }

    public DemoWalk Device(Guid deviceId)
    {
        order.LinkDevice(deviceId);
        return this;
    }

    private void AnswerCurrent(DateTime at, IEnumerable<CheckpointDefinition> checkpoints)
    {
        var by = book.NameFor(order.OwnerRole!, order.OwnerUnitId, at);
        foreach (var checkpoint in checkpoints)
        {
            if (_answers.Remove(checkpoint.Code, out var given))
                order.Answer(checkpoint.Code, given.Value, given.Comment, by, at);
            else if (!order.Answers.Any(a => a.StepCode == order.CurrentStepCode && a.CheckpointCode == checkpoint.Code))
                order.Answer(checkpoint.Code, GoesOn(checkpoint), null, by, at);
        }
    }

    /// <summary>The first answer that neither ends nor holds the routine, nor hands it to someone else to decide.</summary>
    private static string GoesOn(CheckpointDefinition checkpoint) =>
        checkpoint.Options.First(o => o.EndsRoutine is null && !o.HoldsStep && o.Proposes is null && o.Value != "declines").Value;

    /// <summary>Steps still to complete before <paramref name="stepCode"/> is current (or the order is done): an estimate, conditional steps counted.</summary>
    private int StepsLeft(string? stepCode)
    {
        var steps = order.Definition.Steps.Select(s => s.Code).ToList();
        var from = steps.IndexOf(order.CurrentStepCode!);
        var to = stepCode is null ? steps.Count : steps.IndexOf(stepCode);
        return to < 0 ? 1 : to - from;
    }

    /// <summary>The same day between 8 and 16 o'clock, Swedish time: people do their steps at work.</summary>
    private static DateTime OfficeHours(DateTime utc)
    {
        var local = SwedishTime.ToLocal(utc);
        return local.Hour is >= 8 and < 17 ? utc : SwedishTime.ToUtc(local.Date.AddHours(8 + local.Minute % 9).AddMinutes(local.Minute));
    }

    /// <summary>Time only moves on: never before the last thing that happened, never after now.</summary>
    private DateTime Later(DateTime at)
    {
        var next = book.Clamp(at <= At ? At.AddMinutes(book.Random.Between(5, 40)) : at);
        return next <= At ? At.AddSeconds(1) : next;
    }
}
