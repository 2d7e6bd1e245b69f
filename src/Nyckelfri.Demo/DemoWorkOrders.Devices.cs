using Nyckelfri.Devices;
using Nyckelfri.Properties;
using Nyckelfri.Routines;

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
}
