using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

internal sealed partial class DemoWorkOrders
{
    // ---- Entrance locks (ROUTINES.md 3, 5.6) ----

    private void EntranceLocks()
    {
        // The most recent entrance unit went up through the routine: consent on the day it was recorded, mounted on the day it was installed.
        var unit = _entranceUnits.Values.Where(d => _entrances[d.EntranceId!.Value].ConsentDate is not null)
            .OrderByDescending(d => d.InstalledOn).FirstOrDefault();
        if (unit is not null && _entranceOrders.Add(unit.EntranceId!.Value))
        {
            var entrance = _entrances[unit.EntranceId!.Value];
            var consentAt = _book.At(entrance.ConsentDate!.Value, 13);
            var mountAt = _book.At(unit.InstalledOn!.Value, 9);
            var opened = consentAt.AddDays(-_random.Between(5, 15));
            var subject = new WorkOrderSubject(null, null, entrance.Id, null);
            _book.Plan(opened, () => _book.Start(RoutineKind.EntranceLockInstall, subject, opened)
                .Until("entrance.consent", consentAt.AddHours(-2)).Step(consentAt)
                .BookFor(mountAt).Until("entrance.mount", mountAt.AddDays(-1)).Step(mountAt).Device(unit.Id)
                .ToEnd(Earlier(mountAt.AddDays(2), _book.Now.AddHours(-1))));
        }

        // Where no install proposed one: an entrance waiting for the locksmith, one waiting for the owner, one the owner refused.
        foreach (var status in new[] { ConsentStatus.Given, ConsentStatus.Asked, ConsentStatus.Refused })
        {
            var entrance = EntrancesNeedingUnit().FirstOrDefault(e => e.ConsentStatus == status && !_entranceOrders.Contains(e.Id));
            if (entrance is null) continue;
            _entranceOrders.Add(entrance.Id);
            // A consent recorded long ago is confirmed again in the step; a recent one is recorded on its day.
            var consentAt = entrance.ConsentDate > _today.AddDays(-60) ? _book.At(entrance.ConsentDate!.Value, 14) : _book.DaysAgo(_today, 12);
            var opened = consentAt.AddDays(-_random.Between(3, 8));
            var subject = new WorkOrderSubject(null, null, entrance.Id, null);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.EntranceLockInstall, subject, opened);
                switch (status)
                {
                    case ConsentStatus.Given:
                        walk.Until("entrance.consent", opened.AddDays(2)).Step(consentAt)
                            .Until("entrance.book", _book.DaysAgo(_today, 1)).Take(_book.DaysAgo(_today, 0));
                        break;
                    case ConsentStatus.Asked:
                        walk.Answer("entrance.consent.status", "asked", "Förfrågan skickad till fastighetsägarens kontaktperson.")
                            .Until("entrance.consent", opened.AddDays(1)).Answered(consentAt);
                        break;
                    default:
                        walk.Answer("entrance.consent.status", "refused", "Fastighetsägaren byter passagesystem och vill vänta.")
                            .Until("entrance.consent", opened.AddDays(2)).Step(consentAt);
                        break;
                }
            });
        }

        // Entrance-lock removal: nobody has come down behind a unit's entrance yet, so one was checked and found still needed; another waits for the check.
        var units = _entranceUnits.Values.Where(d => !_entranceOrders.Contains(d.EntranceId!.Value)).ToList();
        foreach (var (device, i) in units.Take(2).Select((d, i) => (d, i)))
        {
            _entranceOrders.Add(device.EntranceId!.Value);
            var subject = new WorkOrderSubject(null, null, device.EntranceId, device.Id);
            var opened = _book.DaysAgo(_today, i == 0 ? _random.Between(20, 60) : 2);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.EntranceLockRemoval, subject, opened)
                    .Comment("Brukaren med lås bakom porten har flyttat. Behövs portenheten fortfarande?", opened);
                if (i == 0)
                    walk.Answer("entrance-removal.order.still-needed", "yes", "Två brukare bakom porten har fortfarande hemtjänst.")
                        .ToEnd(opened.AddDays(_random.Between(1, 4)));
            });
        }
    }

    /// <summary>Entrances without a unit behind which a home that should have a lock lives.</summary>
    private IEnumerable<Entrance> EntrancesNeedingUnit() =>
        _registry.Homes.Where(h => h.IsEligible && h.Household.EntranceId is { } e && !_entranceUnits.ContainsKey(e))
            .Select(h => _entrances[h.Household.EntranceId!.Value]).Distinct();

    // ---- Fault reports (ROUTINES.md 4) ----

    private void Faults()
    {
        // Every faulty lock on a door has its report, at the installer's steps (household-lock route).
        string[] stages = ["fault.triage", "fault.book", "fault.fix"];
        var faulty = _mounted.Values.Where(d => d.Status == DeviceStatus.Faulty).ToList();
        foreach (var (device, i) in faulty.Select((d, i) => (d, i)))
        {
            var home = _registry.Homes.First(h => h.Household.Id == device.HouseholdId);
            var client = ServedClient(home);
            if (client is null) continue;
            var subject = Subject(home, client) with { EntranceId = home.Household.EntranceId };
            var opened = _book.DaysAgo(_today, _random.Between(2, 20));
            var stage = stages[i % stages.Length];
            var rescue = i == 2 ? "yes" : "no";
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.FaultReport, subject, opened)
                    .Comment(device.FaultDescription ?? "Låset går inte att öppna.", opened)
                    .Answer(RoutineCatalog.FaultRoute, RoutineCatalog.FaultRoutes.HouseholdLock)
                    .Answer("fault.report.rescue-services", rescue)
                    .Until(stage, _book.DaysAgo(_today, stage == "fault.triage" ? 0 : 1))
                    .Device(device.Id);
                if (stage != "fault.triage") walk.Take(_book.DaysAgo(_today, 0));
            });
        }

        // An entrance unit that stopped working: the system administrator has handed it to the locksmith.
        var entranceUnit = _entranceUnits.Values.FirstOrDefault(d => _registry.Homes.Any(h => h.Household.EntranceId == d.EntranceId && ServedClient(h) is not null));
        if (entranceUnit is not null)
        {
            entranceUnit.ReportFault("Portenheten svarar inte; personalen kommer inte in genom porten med appen.");
            var home = _registry.Homes.First(h => h.Household.EntranceId == entranceUnit.EntranceId && ServedClient(h) is not null);
            var subject = Subject(home, ServedClient(home)!) with { EntranceId = entranceUnit.EntranceId };
            var opened = _book.DaysAgo(_today, 3);
            _book.Plan(opened, () => _book.Start(RoutineKind.FaultReport, subject, opened)
                .Comment(entranceUnit.FaultDescription!, opened)
                .Answer(RoutineCatalog.FaultRoute, RoutineCatalog.FaultRoutes.EntranceLock)
                .Until("fault.book", _book.DaysAgo(_today, 1)).Device(entranceUnit.Id));
        }

        // Faults that were fixed, one of them in the software, and one report withdrawn.
        var fixedLocks = Homes(h => _mounted.TryGetValue(h.Household.Id, out var d) && d.Status == DeviceStatus.Installed
                                    && !_open.ContainsKey(h.Household.Id) && ServedClient(h) is not null);
        _random.Shuffle(fixedLocks);
        foreach (var (home, i) in fixedLocks.Take(5).Select((h, i) => (h, i)))
        {
            var device = _mounted[home.Household.Id];
            var subject = Subject(home, ServedClient(home)!) with { EntranceId = home.Household.EntranceId };
            var opened = _book.DaysAgo(_today, _random.Between(i == 4 ? 8 : 30, i == 4 ? 14 : 200));
            var route = i == 3 ? RoutineCatalog.FaultRoutes.Software : RoutineCatalog.FaultRoutes.HouseholdLock;
            Busy(home);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.FaultReport, subject, opened);
                if (i == 4)
                {
                    walk.Cancel("Låset fungerade igen efter att batteriet bytts; ingen åtgärd behövs.", opened.AddHours(3));
                    return;
                }
                walk.Answer(RoutineCatalog.FaultRoute, route)
                    .Answer("fault.fix.compensation", i == 1 ? "yes" : "no-outlay", i == 1 ? "Brukaren betalade jourlåssmed; felet låg i monteringen." : null)
                    .Device(device.Id).ToEnd(opened.AddDays(_random.Between(2, 8)));
            });
        }
    }

    // ---- Removals (ROUTINES.md 5) ----

    private void Removals()
    {
        // Every lock still on a door where nobody needs it has its removal, opened by the rule when the last service ended.
        string[] stages = ["removal.order", "removal.check", "removal.book", "removal.remove", "removal.unlink"];
        var unneeded = Homes(h => _mounted.ContainsKey(h.Household.Id) && !ServiceRules.HouseholdNeedsLock(Facts(h), _today));
        foreach (var (home, i) in unneeded.Select((h, i) => (h, i)))
        {
            var last = home.Services.Where(s => ServiceRules.NeedsLock(s.Kind)).MaxBy(s => s.EndDate ?? DateOnly.MaxValue)!;
            var before = Fact(last) with { End = null };
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Edited(before, Fact(last)), _today)
                .Single(a => a.Kind == RoutineKind.Removal);
            var subject = new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId };
            var opened = _book.At(Earliest(last.EndDate!.Value.AddDays(_random.Between(0, 2)), _today), 9, 30);
            var stage = stages[i % stages.Length];
            Opens(home, RoutineKind.Removal, action.ClientId);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.Removal, subject, opened).Due(action.DueOn);
                if (stage == "removal.remove") walk.BookFor(_book.At(_today.AddDays(_random.Between(1, 5)), 10), true);
                if (stage == "removal.unlink")
                    walk.Answer("removal.unlink.verified", "no", "Låsenheten är nedmonterad men inte bortkopplad i låssystemet ännu.");
                walk.Until(stage, Earlier(opened.AddDays(_random.Between(2, 10)), _book.Now.AddHours(-3)));
                if (stage == "removal.unlink") walk.Answered(_book.Now.AddHours(-1));
            });
        }

        // Locks that came down: the removal is done, the day the client's own parts went back on the door.
        foreach (var home in Homes(h => h.HadLock && !_mounted.ContainsKey(h.Household.Id)))
        {
            var part = _registry.LockParts.FirstOrDefault(p => p.ClientId == home.FirstClient.Id && p.ReturnedOn is not null);
            var device = part is null ? null : _registry.Devices.FirstOrDefault(d => d.KeyNumber == part.Tag);
            if (part is null || device is null) continue;
            var removedAt = _book.At(part.ReturnedOn!.Value, 10);
            var last = home.Services.Where(s => ServiceRules.NeedsLock(s.Kind)).MaxBy(s => s.EndDate!.Value)!;
            var opened = Earlier(_book.At(last.EndDate!.Value, 9), removedAt.AddDays(-1));
            var subject = new WorkOrderSubject(last.ClientId, home.Household.Id, null, null) { UnitId = last.UnitId };
            var due = ServiceRules.RemovalDueOn(Facts(home), _today);
            var entrance = EntranceAnswerForRemoval(home);
            Busy(home);
            _book.Plan(opened, () => _book.Start(RoutineKind.Removal, subject, opened).Due(due)
                .BookFor(removedAt, true).Until("removal.remove", removedAt.AddHours(-20)).Step(removedAt)
                .Answer("removal.entrance.still-needed", entrance)
                .ToEnd(Earlier(removedAt.AddDays(1), _book.Now.AddHours(-1))).Device(device.Id));
        }

        // A removal ordered too early: the fee officer found a service still running.
        var running = Homes(h => h.IsEligible && _mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id) && ServedClient(h) is not null)
            .Skip(7).FirstOrDefault();
        if (running is null) return;
        var client = ServedClient(running)!;
        var subject2 = Subject(running, client);
        var opened2 = _book.DaysAgo(_today, _random.Between(30, 90));
        Busy(running);
        _book.Plan(opened2, () => _book.Start(RoutineKind.Removal, subject2, opened2)
            .Answer("removal.check.services-ended", "no", "Hemtjänsten är förlängd enligt ett nytt beslut.")
            .ToEnd(opened2.AddDays(3)));
    }

    // ---- Move, change of provider, home care ends, cohabitant (ROUTINES.md 6–9) ----

    private void Moves()
    {
        var candidates = Homes(h => h.IsEligible && _mounted.ContainsKey(h.Household.Id) && !_open.ContainsKey(h.Household.Id)
                                    && !_busy.Contains(h.Household.Id) && ServedClient(h) is not null);
        _random.Shuffle(candidates);
        if (candidates.Count < 2) return;
        var waiting = candidates[0];
        Busy(waiting);
        var subject = Subject(waiting, ServedClient(waiting)!);
        var opened = _book.DaysAgo(_today, 6);
        Opens(waiting, RoutineKind.Move, subject.ClientId);
        _book.Plan(opened, () => _book.Start(RoutineKind.Move, subject, opened)
            .Until("move.book", _book.DaysAgo(_today, 1)).Take(_book.DaysAgo(_today, 0)));

        // A lock that followed its client: mounted at the new address on the day the registry says it was installed.
        var moved = candidates.Skip(1).FirstOrDefault(h => _mounted[h.Household.Id].InstalledOn > _today.AddDays(-300)
                                                          && _mounted[h.Household.Id].InstalledOn < _today.AddDays(-20)
                                                          && (h.Household.EntranceId is null || _entranceUnits.ContainsKey(h.Household.EntranceId.Value)));
        if (moved is null) return;
        Busy(moved);
        var device = _mounted[moved.Household.Id];
        var moveAt = _book.At(device.InstalledOn!.Value, 10);
        var subject2 = Subject(moved, ServedClient(moved)!);
        var hasUnit = moved.Household.EntranceId is not null;
        _book.Plan(moveAt.AddDays(-12), () => _book.Start(RoutineKind.Move, subject2, moveAt.AddDays(-12))
            .Answer("move.move.entrance", hasUnit ? "unit-present" : "no-entrance")
            .Answer("move.entrance.new-address", hasUnit ? "present" : "not-needed")
            .BookFor(moveAt, true).Until("move.move", moveAt.AddDays(-2)).Step(moveAt).Device(device.Id)
            .ToEnd(moveAt.AddDays(4)));
    }

    /// <summary>Clients whose home care moved to another provider while the lock hung: keys handed over, the client moved to the new unit.</summary>
    private void ChangesOfProvider()
    {
        var changes = new List<(DemoHome Home, CareService Earlier, CareService Now)>();
        foreach (var home in Homes(h => _mounted.ContainsKey(h.Household.Id) && !_busy.Contains(h.Household.Id)))
            foreach (var now in home.Services.Where(s => s.Kind == CareServiceKind.HomeCare && s.EndDate is null))
                if (home.Services.FirstOrDefault(s => s.ClientId == now.ClientId && s.Kind == CareServiceKind.HomeCare
                                                      && s.EndDate == now.StartDate.AddDays(-1)) is { } earlier
                    && earlier.Unit!.ProviderId != now.Unit!.ProviderId && _mounted[home.Household.Id].InstalledOn < now.StartDate)
                    changes.Add((home, earlier, now));

        var done = 0;
        var recent = 0;
        foreach (var (home, earlier, now) in changes)
        {
            var keysKept = _registry.KeySets.Any(k => k.ClientId == now.ClientId && k.Status == KeySetStatus.WithHolder && k.HolderUnitId == earlier.UnitId);
            var isRecent = now.StartDate > _today.AddDays(-40);
            if (!keysKept && (isRecent ? recent++ : done++) >= 3) continue;
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Edited(Fact(earlier) with { End = null }, Fact(now)), _today)
                .Single(a => a.Kind == RoutineKind.ChangeOfProvider);
            var subject = new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId };
            var opened = _book.At(now.StartDate.AddDays(-_random.Between(1, 5)), 10);
            Busy(home);
            if (keysKept || isRecent) Opens(home, RoutineKind.ChangeOfProvider, action.ClientId);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.ChangeOfProvider, subject, opened);
                if (keysKept)
                    walk.Answer("provider-change.keys.received", "no", "Den tidigare utföraren har inte lämnat över nycklarna ännu.")
                        .Until("provider-change.keys", opened.AddDays(1)).Answered(Earlier(opened.AddDays(3), _book.Now.AddHours(-2)));
                else if (isRecent)
                    walk.Until("provider-change.move", Earlier(opened.AddDays(8), _book.Now.AddHours(-2)));
                else
                    walk.ToEnd(opened.AddDays(_random.Between(3, 8)));
            });
        }
    }

    /// <summary>Home care ended while the safety alarm or night supervision stays: the rule opens the routine; the lock stays.</summary>
    private void HomeCareEnds()
    {
        var index = 0;
        foreach (var home in Homes(h => _mounted.ContainsKey(h.Household.Id) && !_busy.Contains(h.Household.Id)))
        {
            var ended = home.Services.FirstOrDefault(s => s.Kind == CareServiceKind.HomeCare && s.EndDate < _today
                && home.Services.Any(o => o.ClientId == s.ClientId && o.Kind == CareServiceKind.SafetyAlarm && o.IsActiveOn(_today))
                && !home.Services.Any(o => o.ClientId == s.ClientId && o.Kind == CareServiceKind.HomeCare && o.IsActiveOn(_today)));
            if (ended is null) continue;
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Edited(Fact(ended) with { End = null }, Fact(ended)), _today)
                .SingleOrDefault(a => a.Kind == RoutineKind.HomeCareEndsAlarmStays);
            if (action is null) continue;
            var subject = new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId };
            var opened = _book.At(ended.EndDate!.Value, 14);
            var stage = index++;
            Busy(home);
            if (stage < 2) Opens(home, RoutineKind.HomeCareEndsAlarmStays, action.ClientId);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.HomeCareEndsAlarmStays, subject, opened);
                var by = Earlier(opened.AddDays(_random.Between(2, 6)), _book.Now.AddHours(-2));
                _ = stage switch
                {
                    0 => walk.Until("alarm-stays.keys", by),
                    1 => walk.Until("alarm-stays.unlink", by),
                    _ => walk.ToEnd(by),
                };
            });
        }
    }

    private void Cohabitants()
    {
        var pairs = Homes(h => h.Household.Clients.Count == 2 && h.IsEligible && !_busy.Contains(h.Household.Id) && !_open.ContainsKey(h.Household.Id));
        foreach (var (home, i) in pairs.Where(h => _mounted.ContainsKey(h.Household.Id)).Take(2).Select((h, i) => (h, i)))
        {
            var joining = home.Household.Clients[1];
            var subject = Subject(home, joining);
            var opened = _book.DaysAgo(_today, i == 0 ? _random.Between(40, 300) : _random.Between(3, 8));
            Busy(home);
            if (i == 1) Opens(home, RoutineKind.CohabitantJoins, joining.Id);
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.CohabitantJoins, subject, opened);
                if (i == 0) walk.ToEnd(opened.AddDays(_random.Between(2, 7)));
                else walk.Until("cohabitant.link", _book.DaysAgo(_today, 1));
            });
        }

        // Neither cohabitant had a lock yet: the order stops and proposes an install for the household instead (seed 000).
        var withoutLock = pairs.FirstOrDefault(h => !_mounted.ContainsKey(h.Household.Id) && !_reserved.ContainsKey(h.Household.Id)
                                                    && !_busy.Contains(h.Household.Id) && HomeCareClient(h) is not null);
        if (withoutLock is null) return;
        var client = HomeCareClient(withoutLock)!;
        var subject2 = Subject(withoutLock, client);
        var opened2 = _book.DaysAgo(_today, 5);
        Busy(withoutLock);
        Opens(withoutLock, RoutineKind.InstallAssessed, client.Id);
        _book.Plan(opened2, () =>
        {
            var walk = _book.Start(RoutineKind.CohabitantJoins, subject2, opened2)
                .Answer("cohabitant.order.lock", "no").ToEnd(opened2.AddDays(1));
            _book.Propose(RoutineKind.InstallAssessed, subject2, walk.At, $"Föreslaget av ärende {walk.Order.Reference}.", NightUnit(withoutLock, client.Id));
        });
    }

    // ---- Battery change and purchase (ROUTINES.md 10) ----

    /// <summary>Every battery task (issue 3) has its work order: open while the task is open, done when the battery was changed.</summary>
    private void Batteries()
    {
        var devices = _registry.Devices.ToDictionary(d => d.Id);
        foreach (var task in _registry.Tasks.Where(t => t.Kind == PendingTaskKind.BatteryChange))
        {
            var device = devices[task.DeviceId];
            var subject = new WorkOrderSubject(null, device.HouseholdId, device.EntranceId, device.Id) { UnitId = task.UnitId };
            _book.Plan(task.OpenedAt, () =>
            {
                var walk = _book.Start(RoutineKind.BatteryChange, subject, task.OpenedAt);
                if (task.Status == PendingTaskStatus.Done) walk.Step(task.DoneAt!.Value);
                else if (_random.Chance(0.3)) walk.Take(Earlier(task.OpenedAt.AddDays(1), _book.Now.AddHours(-1)));
            });
        }
    }

    private void Purchases()
    {
        foreach (var purchase in _registry.PurchaseOrders.OrderBy(p => p.Number))
        {
            var orderedAt = _book.At(purchase.OrderedOn, 11);
            var opened = orderedAt.AddDays(-_random.Between(2, 5));
            _book.Plan(opened, () =>
            {
                var walk = _book.Start(RoutineKind.Purchase, Nothing, opened)
                    .Answer("purchase.request.what", "both")
                    .Until("purchase.order", orderedAt.AddDays(-1))
                    .Comment($"Beställning {purchase.Reference} lagd hos {purchase.Supplier}.", orderedAt).Step(orderedAt);
                if (purchase.Status == PurchaseOrderStatus.Delivered) walk.ToEnd(orderedAt.AddDays(_random.Between(10, 20)));
                else if (purchase.Lines.Any(l => l.Delivered > 0))
                    walk.Comment("Delleverans mottagen; restnoterade lås kommer i nästa sändning.", orderedAt.AddDays(14));
            });
        }
        var request = _book.DaysAgo(_today, 1);
        _book.Plan(request, () => _book.Start(RoutineKind.Purchase, Nothing, request)
            .Answer("purchase.request.what", "locks", "Nyckelgömmorna i förrådet räcker bara en månad till.").Answered(request.AddMinutes(10)));
    }

    // ---- Helpers ----

    private List<DemoHome> Homes(Func<DemoHome, bool> where) => _registry.Homes.Where(where).ToList();

    private void Opens(DemoHome home, RoutineKind kind, Guid? clientId)
    {
        if (kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly
            && _open.TryGetValue(home.Household.Id, out var open) && open.Any(o => o.Kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly))
            throw new InvalidOperationException("Demo: a household may have only one open install.");
        if (!_open.TryGetValue(home.Household.Id, out var list)) _open[home.Household.Id] = list = [];
        list.Add(new OpenOrderFact(kind, clientId));
        Busy(home);
    }

    private void Busy(DemoHome home) => _busy.Add(home.Household.Id);

    /// <summary>The household as <see cref="ServiceRules"/> sees it, with the orders planned so far still open.</summary>
    private HouseholdFacts Facts(DemoHome home) =>
        DemoFacts.Household(home, _mounted.ContainsKey(home.Household.Id), _open.TryGetValue(home.Household.Id, out var open) ? open : []);

    private static ServiceFact Fact(CareService s) => DemoFacts.Service(s);

    private WorkOrderSubject Subject(DemoHome home, Client client) => DemoFacts.Subject(home, client, _today);

    private Guid? NightUnit(DemoHome home, Guid? clientId) => DemoFacts.NightUnit(home, clientId, _today);

    /// <summary>The first client of the home with an assessed home-care service today.</summary>
    private Client? HomeCareClient(DemoHome home) =>
        home.Household.Clients.FirstOrDefault(c => home.Active.Any(s => s.ClientId == c.Id && s is { Kind: CareServiceKind.HomeCare, Assessed: true }));

    /// <summary>The first client of the home with any service today.</summary>
    private static Client? ServedClient(DemoHome home) =>
        home.Household.Clients.FirstOrDefault(c => home.Active.Any(s => s.ClientId == c.Id));

    /// <summary>What the installer finds at the entrance (install.mount.entrance).</summary>
    private string EntranceAnswer(DemoHome home) => home.Household.EntranceId switch
    {
        null => "no-entrance",
        { } e when _entranceUnits.ContainsKey(e) => "unit-present",
        _ => "unit-needed",
    };

    private string EntranceAnswerForRemoval(DemoHome home) =>
        home.Household.EntranceId is { } e && _entranceUnits.ContainsKey(e) ? "needed" : "no-unit";

    private const string OwnerNote = "Porten saknar portenhet; fastighetsägaren behöver tillfrågas.";

    /// <summary>A purchase concerns no client, household or entrance.</summary>
    private static readonly WorkOrderSubject Nothing = new(null, null, null, null);

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
