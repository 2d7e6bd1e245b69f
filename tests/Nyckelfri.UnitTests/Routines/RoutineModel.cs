using Nyckelfri.Common;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.UnitTests.Routines;

/// <summary>
/// An in-memory world of a few households (one or two clients each) with their care services, their
/// door lock and their work orders, driven by random actions the way the application drives the real
/// code: every service change goes through <see cref="ServiceRules.Evaluate"/> (as AddCareService and
/// EditCareService call RoutineRules.Follow), every simulated day ends with the daily sweep (RoutineRules.Sweep:
/// households with a mounted lock, <see cref="ServiceChange.None"/>), orders are the real
/// <see cref="WorkOrder"/> aggregate with owners from a preset, and a completed step's LinkLock and
/// UnlinkLock effects change the door as StepEffects does (UnlinkLock refuses while the household needs
/// the lock; LinkLock refuses a second lock). After each action <see cref="Violations"/> checks the invariants
/// with the model's own reading of the services, not the rules'.
/// </summary>
internal sealed class RoutineModel
{
    private static readonly CareServiceKind[] LockNeeding = [CareServiceKind.HomeCare, CareServiceKind.SafetyAlarm, CareServiceKind.NightSupervision];

    private readonly Random _random;
    private readonly Func<Guid?, Guid?, Func<StepDefinition, string?, StepOwner>> _owners;
    private readonly Guid _municipality = Guid.NewGuid();
    private readonly List<Home> _homes = [];
    private readonly List<WorkOrder> _orders = [];
    private readonly List<string> _violations = [];

    private static readonly Guid ProviderA = Guid.NewGuid(), ProviderB = Guid.NewGuid();
    private static readonly Guid HomeCareA = Guid.NewGuid(), HomeCareB = Guid.NewGuid(), Alarm = Guid.NewGuid(), Night = Guid.NewGuid(), Hsl = Guid.NewGuid();

    public RoutineModel(int seed, int households = 4)
    {
        _random = new Random(seed);
        Preset = RoutinePresets.All[_random.Next(RoutinePresets.All.Count)];
        var owners = new RoutineOwners(Preset, new Dictionary<StepOwnerKey, string>());
        _owners = (unit, night) => owners.For(unit, night);
        Today = new DateOnly(2026, 1, 5).AddDays(_random.Next(365));
        for (var i = 0; i < households; i++)
        {
            var home = new Home(Guid.NewGuid());
            for (var c = _random.Next(10) < 3 ? 2 : 1; c > 0; c--) home.Clients.Add(new Person(Guid.NewGuid(), _random.Next(10) == 0));
            home.LockMounted = _random.Next(4) == 0;
            _homes.Add(home);
        }
        Log.Add($"{Preset}, from {Today:yyyy-MM-dd}: " + string.Join("; ", _homes.Select((h, i) =>
            $"home {i}: {h.Clients.Count} client(s){(h.Clients.Any(c => c.RulesOut) ? ", one rules out a lock" : "")}{(h.LockMounted ? ", lock mounted" : "")}")));
    }

    public RoutinePreset Preset { get; }

    /// <summary>How often the interesting things happened: locks taken down, refused, overdue removals waiting.</summary>
    public Dictionary<string, int> Counters { get; } = [];
    public DateOnly Today { get; private set; }
    public List<string> Log { get; } = [];
    public IReadOnlyList<WorkOrder> Orders => _orders;

    /// <summary>The invariants broken so far (empty while the model holds).</summary>
    public IReadOnlyList<string> Violations => _violations;

    private DateTime Now => SwedishTime.ToUtc(Today.ToDateTime(new TimeOnly(10, 0)));

    /// <summary>One random action, then the invariants.</summary>
    public void Step()
    {
        var roll = _random.Next(100);
        if (roll < 16) StartService();
        else if (roll < 28) EndService();
        else if (roll < 33) ChangeService();
        else if (roll < 40) OpenManually();
        else if (roll < 47) ConfirmOrDismiss();
        else if (roll < 80) CompleteStep();
        else if (roll < 84) Cancel();
        else AdvanceDays(_random.Next(1, 4));
        CheckInvariants();
    }

    // ---- Actions ----

    private void StartService()
    {
        var (home, person) = AnyClient();
        var kind = Pick((CareServiceKind.HomeCare, 45), (CareServiceKind.SafetyAlarm, 25), (CareServiceKind.NightSupervision, 10),
            (CareServiceKind.HomeHealthCare, 15), (CareServiceKind.Rehab, 5));
        var assessed = kind switch
        {
            CareServiceKind.HomeCare => _random.Next(100) < 85,
            CareServiceKind.SafetyAlarm => _random.Next(100) < 60,
            CareServiceKind.NightSupervision => true,
            _ => false,
        };
        var unit = UnitFor(kind);
        var start = Today.AddDays(_random.Next(-5, 8));
        DateOnly? end = _random.Next(10) == 0 ? start.AddDays(_random.Next(0, 60)) : null;
        var service = new ServiceFact(person.Id, kind, assessed, unit, ProviderOf(unit), start, end);
        person.Services.Add(service);
        Log.Add($"{Today:MM-dd} start {Describe(service)} for {Name(home, person)}");
        Follow(home, new ServiceChange.Added(service));
    }

    private void EndService()
    {
        var running = _homes.SelectMany(h => h.Clients.SelectMany(p => p.Services.Select(s => (h, p, s))))
            .Where(x => x.s.IsOngoingOn(Today)).ToList();
        if (running.Count == 0) return;
        var (home, person, before) = running[_random.Next(running.Count)];
        var end = Today.AddDays(_random.Next(-12, 6));
        if (end < before.Start) end = before.Start;
        var now = before with { End = end };
        Replace(person, before, now);
        Log.Add($"{Today:MM-dd} end {Describe(before)} of {Name(home, person)} on {end:MM-dd}");
        Follow(home, new ServiceChange.Edited(before, now));
    }

    /// <summary>Home care moves to the other provider's unit, or its assessment changes.</summary>
    private void ChangeService()
    {
        var homeCare = _homes.SelectMany(h => h.Clients.SelectMany(p => p.Services.Select(s => (h, p, s))))
            .Where(x => x.s.Kind == CareServiceKind.HomeCare).ToList();
        if (homeCare.Count == 0) return;
        var (home, person, before) = homeCare[_random.Next(homeCare.Count)];
        var now = _random.Next(2) == 0
            ? before with { UnitId = before.UnitId == HomeCareA ? HomeCareB : HomeCareA, ProviderId = before.ProviderId == ProviderA ? ProviderB : ProviderA }
            : before with { Assessed = !before.Assessed };
        Replace(person, before, now);
        Log.Add($"{Today:MM-dd} change {Describe(before)} of {Name(home, person)} to {Describe(now)}");
        Follow(home, new ServiceChange.Edited(before, now));
    }

    /// <summary>A person opens an order, as OpenWorkOrder does: never a second install in a household.</summary>
    private void OpenManually()
    {
        var (home, person) = AnyClient();
        var kind = Pick((RoutineKind.InstallAssessed, 40), (RoutineKind.InstallAlarmOnly, 15), (RoutineKind.Removal, 25), (RoutineKind.CohabitantJoins, 20));
        if (kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly && OpenOf(home).Any(IsInstall))
        {
            Log.Add($"{Today:MM-dd} open {kind} for {Name(home, person)}: refused, an install is open");
            return;
        }
        var order = WorkOrder.Start(_municipality, _orders.Count + 1, kind, Subject(home, person.Id, ClientUnit(person)), Now,
            _owners(ClientUnit(person), NightUnit(person)));
        if (kind == RoutineKind.Removal && ServiceRules.RemovalDueOn(Facts(home), Today) is { } due) order.SetDue(due);
        _orders.Add(order);
        Log.Add($"{Today:MM-dd} open {Describe(order)} for {Name(home, person)}");
    }

    private void ConfirmOrDismiss()
    {
        var proposed = _orders.Where(o => o.State == WorkOrderState.Proposed).ToList();
        if (proposed.Count == 0) return;
        var order = proposed[_random.Next(proposed.Count)];
        if (_random.Next(10) < 7)
        {
            order.Confirm(_owners(order.UnitId, NightUnitOf(order)));
            Log.Add($"{Today:MM-dd} confirm {Describe(order)}");
        }
        else
        {
            order.Dismiss("Behövs inte.", Now);
            Log.Add($"{Today:MM-dd} dismiss {Describe(order)}");
        }
    }

    /// <summary>
    /// The owner answers the current step's checkpoints (mostly so that the order goes on, sometimes any answer)
    /// and completes it; the effects go to the door as StepEffects sends them, refused as it refuses them.
    /// </summary>
    private void CompleteStep()
    {
        var open = _orders.Where(o => o.State == WorkOrderState.Open).ToList();
        if (open.Count == 0) return;
        var order = open[_random.Next(open.Count)];
        var home = _homes.Single(h => h.Id == order.HouseholdId);
        var step = order.CurrentStep!;
        var answers = new List<AnswerOption>();
        foreach (var checkpoint in step.Checkpoints)
        {
            var option = _random.Next(100) < 85
                ? checkpoint.Options.First(o => o.EndsRoutine is null && !o.HoldsStep && o.Proposes is null && o.Value != "declines")
                : checkpoint.Options[_random.Next(checkpoint.Options.Count)];
            order.Answer(checkpoint.Code, option.Value, null, "modell", Now);
            answers.Add(option);
        }
        var what = $"{Today:MM-dd} complete {step.Code} of {Describe(order)} [{string.Join(", ", answers.Select(a => a.Value))}]";
        var ends = answers.Any(a => a.EndsRoutine is not null);
        if (answers.Any(a => a.HoldsStep))
        {
            Should.Throw<RuleViolationException>(() => order.CompleteStep(Now, _owners(order.UnitId, NightUnitOf(order)))).Code.ShouldBe("work-order-step-held");
            Log.Add(what + ": held");
            return;
        }
        // The effects run in the step's transaction: a refusal leaves the order on its step.
        if (!ends && step.Effects.Contains(StepEffect.LinkLock) && home.LockMounted)
        {
            Log.Add(what + ": refused, the household has a lock");
            return;
        }
        if (!ends && step.Effects.Contains(StepEffect.UnlinkLock) && ServiceRules.HouseholdNeedsLock(Facts(home), Today))
        {
            Count("unlink refused");
            Log.Add(what + ": refused, the lock is still needed");
            return;
        }

        var completion = order.CompleteStep(Now, _owners(order.UnitId, NightUnitOf(order)));
        if (completion.Effects.Contains(StepEffect.LinkLock))
        {
            Count("lock mounted by an install");
            home.LockMounted = true;
            home.ChangedSinceSweep = true;
        }
        if (completion.Effects.Contains(StepEffect.UnlinkLock) && home.LockMounted)
        {
            if (NeedsLock(home)) _violations.Add($"(c) {Describe(order)} unlinked the lock while a home-care, safety-alarm or night-supervision service runs");
            home.LockMounted = false;
            Count("lock unlinked by a removal");
        }
        if (order.Kind == RoutineKind.Removal && order.IsClosed) home.ChangedSinceSweep = true;
        Log.Add(what + $": {order.State}{(order.CurrentStepCode is { } next ? " at " + next : "")}");

        // As CompleteStep asks RoutineRules.ProposeFrom: a routine the answers propose, unless one of its kind is open (the two
        // install kinds count as one; entrance kinds need an entrance, which the model has not).
        foreach (var kind in answers.Select(a => a.Proposes).OfType<RoutineKind>().Distinct())
        {
            if (kind is RoutineKind.EntranceLockInstall or RoutineKind.EntranceLockRemoval
                || OpenOf(home).Any(o => o.Kind == kind || (IsInstall(o) && kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly))) continue;
            var proposal = WorkOrder.Propose(_municipality, _orders.Count + 1, kind, Subject(home, order.ClientId, order.UnitId), Now,
                $"Föreslaget av ärende {order.Reference}.", _owners(order.UnitId, NightUnitOf(order)));
            _orders.Add(proposal);
            Log.Add($"{Today:MM-dd}   proposes {Describe(proposal)}");
        }
    }

    private void Cancel()
    {
        var running = _orders.Where(o => !o.IsClosed).ToList();
        if (running.Count == 0) return;
        var order = running[_random.Next(running.Count)];
        order.Cancel("Makulerat i modellen.", Now);
        if (order.Kind == RoutineKind.Removal) _homes.Single(h => h.Id == order.HouseholdId).ChangedSinceSweep = true;
        Log.Add($"{Today:MM-dd} cancel {Describe(order)}");
    }

    /// <summary>Days pass; each ends with the daily sweep over the households with a mounted lock.</summary>
    private void AdvanceDays(int days)
    {
        for (var i = 0; i < days; i++)
        {
            Today = Today.AddDays(1);
            foreach (var home in _homes)
            {
                if (home.LockMounted) Open(home, ServiceRules.Evaluate(Facts(home), new ServiceChange.None(), Today));
                home.ChangedSinceSweep = false;
            }
        }
        Log.Add($"{Today:MM-dd} (sweep)");
    }

    // ---- The application's side of the rules ----

    /// <summary>As RoutineRules.Follow: the rules read the household after the change and open what they say.</summary>
    private void Follow(Home home, ServiceChange change) => Open(home, ServiceRules.Evaluate(Facts(home), change, Today));

    private void Open(Home home, IReadOnlyList<RuleAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.SetsDueOfOpenOrder)
            {
                foreach (var open in OpenOf(home).Where(o => o.Kind == action.Kind)) open.SetDue(action.DueOn!.Value);
                Log.Add($"{Today:MM-dd}   rule moves the due date of the open {action.Kind} to {action.DueOn:MM-dd}");
                continue;
            }
            var subject = Subject(home, action.ClientId, action.UnitId);
            var owners = _owners(action.UnitId, action.ClientId is { } c ? NightUnit(ClientById(c)) : null);
            var order = action.Proposed
                ? WorkOrder.Propose(_municipality, _orders.Count + 1, action.Kind, subject, Now, action.Reason, owners)
                : WorkOrder.Start(_municipality, _orders.Count + 1, action.Kind, subject, Now, owners);
            if (action.DueOn is { } due) order.SetDue(due);
            _orders.Add(order);
            Log.Add($"{Today:MM-dd}   rule opens {Describe(order)}");
        }
    }

    private HouseholdFacts Facts(Home home) => new(home.Id,
        home.Clients.Select(p => new ClientFact(p.Id, p.RulesOut, p.Services.ToList())).ToList(),
        home.LockMounted,
        OpenOf(home).Select(o => new OpenOrderFact(o.Kind, o.ClientId, o.DueOn)).ToList());

    // ---- Invariants, read from the model's own state ----

    private void CheckInvariants()
    {
        foreach (var home in _homes)
        {
            var open = OpenOf(home).ToList();
            // (b) Never two open installs for one household (the filtered unique index would refuse the second).
            if (open.Count(IsInstall) > 1)
                _violations.Add($"(b) two open installs in {home.Id}: {string.Join(", ", open.Where(IsInstall).Select(Describe))}");

            // (a) A lock nobody has needed for more than 14 days has an open removal that shows as overdue
            // (until the next sweep, a removal closed or a lock mounted today is excused).
            if (!home.LockMounted || home.ChangedSinceSweep || NeedsLock(home)) continue;
            var ends = home.Clients.SelectMany(p => p.Services).Where(s => LockNeeding.Contains(s.Kind)).Select(s => s.End!.Value).ToList();
            if (ends.Count == 0 || ends.Max().AddDays(14) >= Today) continue;
            Count("lock overdue for removal");
            if (!open.Any(o => o.Kind == RoutineKind.Removal && o.IsOverdueOn(Today)))
                _violations.Add($"(a) lock not needed since {ends.Max():yyyy-MM-dd} still on the door on {Today:yyyy-MM-dd} without an overdue removal"
                                + $" (open: {string.Join(", ", open.Select(Describe))})");
        }
    }

    /// <summary>Someone in the home has a home-care, safety-alarm or night-supervision service that has not ended.</summary>
    private bool NeedsLock(Home home) =>
        home.Clients.SelectMany(p => p.Services).Any(s => LockNeeding.Contains(s.Kind) && (s.End is null || s.End >= Today));

    // ---- Helpers ----

    private void Count(string what) => Counters[what] = Counters.GetValueOrDefault(what) + 1;

    private static bool IsInstall(WorkOrder o) => o.Kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly;

    private IEnumerable<WorkOrder> OpenOf(Home home) => _orders.Where(o => o.HouseholdId == home.Id && !o.IsClosed);

    private static WorkOrderSubject Subject(Home home, Guid? clientId, Guid? unitId) => new(clientId, home.Id, null, null) { UnitId = unitId };

    private (Home, Person) AnyClient()
    {
        var home = _homes[_random.Next(_homes.Count)];
        return (home, home.Clients[_random.Next(home.Clients.Count)]);
    }

    private Person ClientById(Guid id) => _homes.SelectMany(h => h.Clients).Single(p => p.Id == id);

    /// <summary>As OpenWorkOrder.ClientUnit: the unit of an ongoing service, home care first.</summary>
    private Guid? ClientUnit(Person person) => person.Services
        .OrderBy(s => s.IsOngoingOn(Today) ? 0 : 1).ThenBy(s => s.Kind == CareServiceKind.HomeCare ? 0 : 1)
        .ThenByDescending(s => s.End ?? DateOnly.MaxValue).Select(s => (Guid?)s.UnitId).FirstOrDefault();

    private Guid? NightUnit(Person person) => person.Services
        .Where(s => s.Kind == CareServiceKind.NightSupervision && s.IsOngoingOn(Today)).Select(s => (Guid?)s.UnitId).FirstOrDefault();

    private Guid? NightUnitOf(WorkOrder order) => order.ClientId is { } c ? NightUnit(ClientById(c)) : null;

    private static void Replace(Person person, ServiceFact before, ServiceFact now) => person.Services[person.Services.IndexOf(before)] = now;

    private Guid UnitFor(CareServiceKind kind) => kind switch
    {
        CareServiceKind.HomeCare => _random.Next(2) == 0 ? HomeCareA : HomeCareB,
        CareServiceKind.SafetyAlarm => Alarm,
        CareServiceKind.NightSupervision => Night,
        _ => Hsl,
    };

    private static Guid ProviderOf(Guid unit) => unit == HomeCareB ? ProviderB : ProviderA;

    private T Pick<T>(params (T Item, int Weight)[] items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return items[^1].Item;
    }

    private string Name(Home home, Person person) => $"home {_homes.IndexOf(home)} client {home.Clients.IndexOf(person)}";

    private static string Describe(ServiceFact s) =>
        $"{s.Kind}{(s.Assessed ? " (assessed)" : "")} at {(s.UnitId == HomeCareA ? "A" : s.UnitId == HomeCareB ? "B" : "A/" + s.Kind)} {s.Start:MM-dd}–{s.End:MM-dd}";

    private string Describe(WorkOrder o) =>
        $"{o.Reference} {o.Kind} {o.State}{(o.CurrentStepCode is { } step ? " at " + step : "")}{(o.DueOn is { } due ? $" due {due:MM-dd}" : "")}"
        + $" (home {_homes.FindIndex(h => h.Id == o.HouseholdId)})";

    private sealed class Home(Guid id)
    {
        public Guid Id { get; } = id;
        public List<Person> Clients { get; } = [];
        public bool LockMounted { get; set; }

        /// <summary>A lock was mounted or a removal closed since the last sweep: the sweep will open what is missing.</summary>
        public bool ChangedSinceSweep { get; set; }
    }

    private sealed class Person(Guid id, bool rulesOut)
    {
        public Guid Id { get; } = id;
        public bool RulesOut { get; } = rulesOut;
        public List<ServiceFact> Services { get; } = [];
    }
}
