using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

/// <summary>What the work-order generator reads: the registry as the other demo generators left it.</summary>
internal sealed record DemoRegistry(
    List<DemoHome> Homes,
    List<Device> Devices,
    List<PendingTask> Tasks,
    List<KeySet> KeySets,
    List<OriginalLockPart> LockParts,
    List<Entrance> Entrances,
    List<PurchaseOrder> PurchaseOrders);

/// <summary>
/// The work orders of Demo kommun (issue 4), every kind in every state, consistent with the registry
/// and with <see cref="ServiceRules"/>: proposed installs where an assessed home-care service is about to
/// start in a home without a lock; open installs, at every step up to the mounting, only in homes without
/// one; done installs where a lock hangs; a removal for every lock still on the door after every service
/// ended (due 14 days after the last end, so several are overdue), done where it came down; a fault report
/// for every faulty lock, and one for an entrance unit at the locksmith's step; one battery change for every
/// open battery task; and the rest (entrance locks, moves, change of provider, home care ending while the
/// alarm stays, cohabitants, purchases) where the registry shows they happened. Built through the
/// aggregate's own transitions (<see cref="DemoOrderBook"/>); never two open installs in one household.
/// </summary>
internal sealed partial class DemoWorkOrders
{
    private readonly DemoOrderBook _book;
    private readonly DemoRegistry _registry;
    private readonly DateOnly _today;
    private readonly DemoRandom _random;
    private readonly Dictionary<Guid, Device> _mounted;
    private readonly Dictionary<Guid, Device> _reserved;
    private readonly Dictionary<Guid, Device> _entranceUnits;
    private readonly Dictionary<Guid, Entrance> _entrances;
    private readonly Dictionary<Guid, List<OpenOrderFact>> _open = [];
    private readonly HashSet<Guid> _busy = [];
    private readonly HashSet<Guid> _entranceOrders = [];

    public DemoWorkOrders(DemoOrderBook book, DemoRegistry registry, DateOnly today)
    {
        _book = book;
        _registry = registry;
        _today = today;
        _random = book.Random;
        _mounted = registry.Devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted && d.HouseholdId is not null)
            .ToDictionary(d => d.HouseholdId!.Value);
        _reserved = registry.Devices.Where(d => d.Kind == DeviceKind.LockUnit && d.Status == DeviceStatus.Reserved && d.HouseholdId is not null)
            .ToDictionary(d => d.HouseholdId!.Value);
        _entranceUnits = registry.Devices.Where(d => d.Kind == DeviceKind.EntranceUnit && d.IsMounted)
            .ToDictionary(d => d.EntranceId!.Value);
        _entrances = registry.Entrances.ToDictionary(e => e.Id);
    }

    public List<WorkOrder> Create()
    {
        ProposedInstalls();
        OpenInstalls();
        DoneInstalls();
        StoppedInstalls();
        DismissedAndCancelledInstalls();
        AlarmOnlyInstalls();
        EntranceLocks();
        Faults();
        Removals();
        Moves();
        ChangesOfProvider();
        HomeCareEnds();
        Cohabitants();
        Batteries();
        Purchases();
        return _book.BuildAll();
    }

    // ---- Installs (ROUTINES.md 1 and 2) ----

    /// <summary>The rule proposes an install when an assessed home-care service is registered for a home without a lock.</summary>
    private void ProposedInstalls()
    {
        foreach (var home in Homes(h => !_mounted.ContainsKey(h.Household.Id)))
        {
            var starting = home.Services.Where(s => s is { Kind: CareServiceKind.HomeCare, Assessed: true } && s.StartDate > _today)
                .OrderBy(s => s.StartDate).FirstOrDefault();
            if (starting is null) continue;
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Added(Fact(starting)), _today)
                .FirstOrDefault(a => a.Kind == RoutineKind.InstallAssessed);
            if (action is null) continue;
            var subject = new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId };
            var at = _book.DaysAgo(_today, _random.Between(1, 8));
            Opens(home, RoutineKind.InstallAssessed, action.ClientId);
            _book.Plan(at, () => _book.Propose(RoutineKind.InstallAssessed, subject, at, action.Reason, NightUnit(home, action.ClientId)));
        }
    }

    private sealed record InstallStage(string Step, int OpenedDaysAgo, int LastDaysAgo);

    /// <summary>Installs under way in homes that should have a lock and have none: one at every step up to the mounting, some overdue.</summary>
    private void OpenInstalls()
    {
        // The homes with a lock reserved for them wait for the installer.
        var waiting = Homes(h => _reserved.ContainsKey(h.Household.Id) && !_mounted.ContainsKey(h.Household.Id)
                                 && !_open.ContainsKey(h.Household.Id) && HomeCareClient(h) is not null);
        InstallStage[] mounting = [new("install.mount", 24, 9), new("install.mount", 12, 2), new("install.mount", 9, 1)];
        foreach (var (home, stage) in waiting.Zip(mounting))
        {
            var device = _reserved[home.Household.Id];
            var booked = _book.At(stage.LastDaysAgo > 5 ? _today.AddDays(-2) : _today.AddDays(_random.Between(1, 4)), 10);
            PlanInstall(home, HomeCareClient(home)!, stage, w => w.BookFor(booked, staffMustBePresent: true),
                w => w.Device(device.Id).Comment(stage.LastDaysAgo > 5
                    ? "Låset gick inte att montera vid bokad tid: dörren behöver justeras först. Ny tid bokas."
                    : "Låsenheten är reserverad och ligger klar i förrådet.", _book.DaysAgo(_today, 0)));
        }

        var candidates = Homes(h => h.IsEligible && !_mounted.ContainsKey(h.Household.Id) && !_reserved.ContainsKey(h.Household.Id)
                                    && !_open.ContainsKey(h.Household.Id) && HomeCareClient(h) is not null);
        _random.Shuffle(candidates);
        var informed = new Queue<DemoHome>(candidates.Where(h => HomeCareClient(h)!.LockDecision == LockDecision.Accepted));
        var notInformed = new Queue<DemoHome>(candidates.Where(h => HomeCareClient(h)!.LockDecision == LockDecision.NotAsked));

        // Overdue: ordered more than five working days ago, not mounted yet.
        PlanInstall(informed.Dequeue(), null, new("install.book", 20, 12), null, w => w.Take(_book.DaysAgo(_today, 3)));
        PlanInstall(informed.Dequeue(), null, new("install.register", 16, 9), null, null);
        PlanInstall(informed.Dequeue(), null, new("install.book", 8, 1), null, null);
        PlanInstall(informed.Dequeue(), null, new("install.register", 6, 1), null, w => w.Take(_book.DaysAgo(_today, 0)));
        PlanInstall(informed.Dequeue(), null, new("install.order", 5, 1), null, null);
        PlanInstall(informed.Dequeue(), null, new("install.keys", 9, 4),
            w => w.Answer("install.keys.available", "no", "Brukarens nycklar finns hos en anhörig och hämtas i veckan."),
            w => w.Answered(_book.DaysAgo(_today, 2)));
        PlanInstall(informed.Dequeue(), null, new("install.decline", 7, 2),
            w => w.Answer("install.assess.wants-lock", "declines", "Brukaren vill inte att låset monteras på dörren just nu."), null);
        PlanInstall(informed.Dequeue(), null, new("install.assess", 3, 1),
            w => w.Answer("install.assess.installed", "no").Answer("install.assess.code-lock", "no"),
            w => w.Answered(_book.DaysAgo(_today, 0)));
        if (notInformed.Count > 0)
            PlanInstall(notInformed.Dequeue(), null, new("install.inform", 2, 1),
                w => w.Answer("install.inform.informed", "no", "Informationen ges vid hembesöket, när en anhörig kan vara med."),
                w => w.Answered(_book.DaysAgo(_today, 1)));
        if (notInformed.Count > 0)
            PlanInstall(notInformed.Dequeue(), null, new("install.inform", 1, 0), null, null);
    }

    private void PlanInstall(DemoHome home, Client? client, InstallStage stage, Func<DemoWalk, DemoWalk>? before, Func<DemoWalk, DemoWalk>? after)
    {
        client ??= HomeCareClient(home)!;
        var subject = Subject(home, client);
        var night = NightUnit(home, client.Id);
        var opened = _book.DaysAgo(_today, stage.OpenedDaysAgo);
        Opens(home, RoutineKind.InstallAssessed, client.Id);
        _book.Plan(opened, () =>
        {
            var walk = _book.Start(RoutineKind.InstallAssessed, subject, opened, night);
            walk = (before?.Invoke(walk) ?? walk).Until(stage.Step, _book.DaysAgo(_today, stage.LastDaysAgo));
            after?.Invoke(walk);
        });
    }

    /// <summary>Locks put up in the last months went through the routine: the mounting on the day the lock was installed.</summary>
    private void DoneInstalls()
    {
        var candidates = Homes(h => h.IsEligible && _mounted.TryGetValue(h.Household.Id, out var d)
                                    && d.InstalledOn > _today.AddDays(-150) && d.InstalledOn < _today.AddDays(-3)
                                    && HomeCareClient(h) is { LockDecision: LockDecision.Accepted } && !_open.ContainsKey(h.Household.Id));
        _random.Shuffle(candidates);
        foreach (var home in candidates.Take(10))
        {
            var client = HomeCareClient(home)!;
            var device = _mounted[home.Household.Id];
            var mountAt = _book.At(device.InstalledOn!.Value, _random.Between(9, 14));
            var opened = mountAt.AddDays(-_random.Between(8, 20));
            var entrance = EntranceAnswer(home);
            var done = Earlier(mountAt.AddDays(_random.Between(1, 4)), _book.Now.AddHours(-2));
            var subject = Subject(home, client);
            var night = NightUnit(home, client.Id);
            var entranceId = home.Household.EntranceId;
            var followUp = entrance == "unit-needed" && _entranceOrders.Add(entranceId!.Value);
            Busy(home);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.InstallAssessed, subject, opened, night)
                    .Answer("install.mount.entrance", entrance, entrance == "unit-needed" ? OwnerNote : null)
                    .BookFor(mountAt, _random.Chance(0.5))
                    .Until("install.mount", mountAt.AddDays(-1))
                    .Step(mountAt).Device(device.Id)
                    .ToEnd(done);
                if (followUp) EntranceFollowUp(walk.Order, _entrances[entranceId!.Value], mountAt);
            });
        }
    }

    /// <summary>Seed 003's checkpoints stopped some installs: a code lock, a client who opens the door, an agreement not to install.</summary>
    private void StoppedInstalls()
    {
        var codeLocks = Homes(h => !_mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id)
                                   && HomeCareClient(h) is { HasCodeLock: true, LockDecision: not LockDecision.NotAsked });
        foreach (var home in codeLocks.Take(2))
            PlanStopped(home, w => w.Answer("install.assess.code-lock", "yes", "Yale Doorman på ytterdörren."));

        var opensDoor = Homes(h => !_mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id)
                                   && HomeCareClient(h) is { OpensDoorThemself: true, HasCodeLock: false });
        foreach (var home in opensDoor.Take(2))
            PlanStopped(home, w => w.Answer("install.inform.decision", "declined")
                .Answer("install.assess.wants-lock", "opens-door-themself"));

        var agreed = Homes(h => !_mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id)
                                && HomeCareClient(h) is { AgreedNoInstall: true, HasCodeLock: false, OpensDoorThemself: false });
        foreach (var home in agreed.Take(1))
            PlanStopped(home, w => w.Answer("install.inform.decision", "declined")
                .Answer("install.assess.wants-lock", "declines", "Brukaren vill inte ha något lås på dörren.")
                .Answer("install.decline.decision", "no", "Överenskommet vid uppföljningsbesöket."));
    }

    private void PlanStopped(DemoHome home, Func<DemoWalk, DemoWalk> answers)
    {
        var client = HomeCareClient(home)!;
        var opened = _book.DaysAgo(_today, _random.Between(20, 300));
        var closed = opened.AddDays(_random.Between(3, 12));
        var subject = Subject(home, client);
        var decision = client.LockDecision == LockDecision.Declined ? "declined" : "accepted";
        Busy(home);
        _book.Plan(opened, () => answers(_book.Start(RoutineKind.InstallAssessed, subject, opened, NightUnit(home, client.Id))
                .Answer("install.inform.decision", decision))
            .ToEnd(closed));
    }

    private void DismissedAndCancelledInstalls()
    {
        // A proposal for a client who had already declined the lock.
        var declined = Homes(h => !_mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id)
                                  && HomeCareClient(h) is { LockDecision: LockDecision.Declined, HasCodeLock: false, OpensDoorThemself: false, AgreedNoInstall: false });
        foreach (var home in declined.Take(2))
        {
            var client = HomeCareClient(home)!;
            var opened = _book.DaysAgo(_today, _random.Between(15, 120));
            var subject = Subject(home, client);
            Busy(home);
            _book.Plan(opened, () => _book.Propose(RoutineKind.InstallAssessed, subject, opened,
                    "Ny biståndsbedömd hemtjänstinsats för en brukare utan digitalt lås.", NightUnit(home, client.Id))
                .Dismiss("Brukaren har redan avböjt digitalt lås när biståndshandläggaren informerade.", opened.AddDays(_random.Between(1, 3))));
        }

        // Withdrawn: the client went into hospital before the keys were signed out.
        var home2 = Homes(h => h.IsEligible && !_mounted.ContainsKey(h.Household.Id) && !_reserved.ContainsKey(h.Household.Id)
                               && !_open.ContainsKey(h.Household.Id) && HomeCareClient(h) is { LockDecision: LockDecision.Accepted }).FirstOrDefault();
        if (home2 is null) return;
        var client2 = HomeCareClient(home2)!;
        var opened2 = _book.DaysAgo(_today, 40);
        var subject2 = Subject(home2, client2);
        Busy(home2);
        _book.Plan(opened2, () => _book.Start(RoutineKind.InstallAssessed, subject2, opened2, NightUnit(home2, client2.Id))
            .Until("install.keys", opened2.AddDays(4))
            .Cancel("Brukaren vårdas på sjukhus. Installationen beställs på nytt vid hemgång.", opened2.AddDays(9)));
    }

    /// <summary>ROUTINES.md 2: clients with a safety alarm only, decided by the alarm officer.</summary>
    private void AlarmOnlyInstalls()
    {
        bool AlarmOnly(DemoHome h) => h.Active.Any(s => s.Kind == CareServiceKind.SafetyAlarm) && h.Active.All(s => s.Kind != CareServiceKind.HomeCare);

        var waiting = Homes(h => h.IsEligible && AlarmOnly(h) && !_mounted.ContainsKey(h.Household.Id) && !_reserved.ContainsKey(h.Household.Id)
                                 && !_open.ContainsKey(h.Household.Id)).FirstOrDefault();
        if (waiting is not null)
        {
            var client = waiting.FirstClient;
            var opened = _book.DaysAgo(_today, 6);
            var subject = Subject(waiting, client);
            Opens(waiting, RoutineKind.InstallAlarmOnly, client.Id);
            _book.Plan(opened, () => _book.Start(RoutineKind.InstallAlarmOnly, subject, opened)
                .Answer("alarm-install.keys.available", "no", "Brukaren har bara en nyckel; en kopia beställs.")
                .Until("alarm-install.keys", opened.AddDays(1))
                .Answered(_book.DaysAgo(_today, 3)));
        }

        var withLock = Homes(h => h.IsEligible && AlarmOnly(h) && _mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id))
            .OrderByDescending(h => _mounted[h.Household.Id].InstalledOn).Take(2).ToList();
        foreach (var (home, i) in withLock.Select((h, i) => (h, i)))
        {
            var device = _mounted[home.Household.Id];
            var subject = Subject(home, home.FirstClient);
            Busy(home);
            if (i == 0)
            {
                var mountAt = _book.At(device.InstalledOn!.Value, 11);
                var opened = mountAt.AddDays(-_random.Between(10, 25));
                _book.Plan(opened, () => _book.Start(RoutineKind.InstallAlarmOnly, subject, opened)
                    .BookFor(mountAt).Until("alarm-install.mount", mountAt.AddDays(-1))
                    .Step(mountAt).Device(device.Id).ToEnd(Earlier(mountAt.AddDays(1), _book.Now.AddHours(-1))));
            }
            else
            {
                // The request came for a client whose home already has a lock: the keys are registered and nothing more is done.
                var opened = _book.DaysAgo(_today, _random.Between(10, 60));
                _book.Plan(opened, () => _book.Start(RoutineKind.InstallAlarmOnly, subject, opened)
                    .Answer("alarm-install.check.installed", "yes").ToEnd(opened.AddDays(2)).Device(device.Id));
            }
        }
    }

    /// <summary>The installer found an entrance without a unit: the install proposes an entrance-lock install, taken as far as the owner's consent allows.</summary>
    private void EntranceFollowUp(WorkOrder source, Entrance entrance, DateTime at)
    {
        var subject = new WorkOrderSubject(null, null, entrance.Id, null) { UnitId = source.UnitId };
        var walk = _book.Propose(RoutineKind.EntranceLockInstall, subject, at, $"Föreslaget av ärende {source.Reference}.");
        var decided = at.AddDays(_random.Between(1, 4));
        switch (entrance.ConsentStatus)
        {
            case ConsentStatus.Given:
                walk.Confirm(decided).Until("entrance.book", Earlier(decided.AddDays(10), _book.Now.AddDays(-1)));
                break;
            case ConsentStatus.Asked:
                walk.Confirm(decided).Answer("entrance.consent.status", "asked", "Tas upp på föreningens nästa styrelsemöte.")
                    .Until("entrance.consent", decided.AddDays(1)).Answered(decided.AddDays(2));
                break;
            case ConsentStatus.Refused:
                walk.Confirm(decided).Answer("entrance.consent.status", "refused", "Fastighetsägaren vill inte ha fler lås i porten.")
                    .ToEnd(decided.AddDays(5));
                break;
            default:
                if (at < _book.Now.AddDays(-30))
                    walk.Dismiss("Personalen kommer in med portkoden; portlås behövs inte nu.", decided);
                break;
        }
    }
}
