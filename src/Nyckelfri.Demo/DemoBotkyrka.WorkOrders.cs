using Nyckelfri.Devices;
using Nyckelfri.Properties;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

internal sealed partial class DemoBotkyrka
{
    /// <summary>
    /// A handful of work orders that show Botkyrka's split: a proposed install, one waiting for the case officer's
    /// order and one for the alarm group's registration (overdue), a done install that ended with the night-patrol
    /// coordinator, the removals the rule opened for the two homes whose services ended, a fault report and a battery
    /// change at the alarm group and the provider, an entrance lock waiting for the owner's consent, a withdrawn report.
    /// </summary>
    private List<WorkOrder> CreateWorkOrders(List<DemoHome> homes, Equipment equipment)
    {
        var logins = DemoLogins.In(MunicipalityName);
        var units = _provider.Units.ToDictionary(u => u.Id);
        var book = new DemoOrderBook(_municipality.Id, RoutinePreset.Botkyrka, random, now,
            DemoOrderBook.Signatures(logins, units, (unitId, _) => StaffOf(unitId)));
        var mounted = equipment.Devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted).ToDictionary(d => d.HouseholdId!.Value);
        HouseholdFacts Facts(DemoHome home) => DemoFacts.Household(home, mounted.ContainsKey(home.Household.Id), []);

        // The rule proposes an install for the client whose home care starts next week.
        foreach (var home in homes.Where(h => !mounted.ContainsKey(h.Household.Id)))
        {
            var starting = home.Services.FirstOrDefault(s => s.Kind == CareServiceKind.HomeCare && s.StartDate > today);
            if (starting is null) continue;
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Added(DemoFacts.Service(starting)), today)
                .FirstOrDefault(a => a.Kind == RoutineKind.InstallAssessed);
            if (action is null) continue;
            var at = book.DaysAgo(today, 2);
            book.Plan(at, () => book.Propose(RoutineKind.InstallAssessed, new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId },
                at, action.Reason));
        }

        // Installs under way in homes without a lock: the case officer orders in Botkyrka, the alarm group registers and books.
        var waiting = homes.Where(h => h.IsEligible && !mounted.ContainsKey(h.Household.Id)
                                       && h.Active.Any(s => s.Kind == CareServiceKind.HomeCare)).ToList();
        foreach (var (i, home) in waiting.Take(2).Index())
        {
            var client = home.Household.Clients.First(c => home.Active.Any(s => s.ClientId == c.Id && s.Kind == CareServiceKind.HomeCare));
            var subject = DemoFacts.Subject(home, client, today);
            var opened = book.DaysAgo(today, i == 0 ? 16 : 4);
            book.Plan(opened, () => book.Start(RoutineKind.InstallAssessed, subject, opened, DemoFacts.NightUnit(home, client.Id, today))
                .Until(i == 0 ? "install.register" : "install.order", book.DaysAgo(today, i == 0 ? 9 : 1)));
        }

        // The newest lock went through the whole routine, ending with the night-patrol coordinator.
        Guid? proposedEntrance = null;
        var newest = mounted.Values.Where(d => homes.Any(h => h.Household.Id == d.HouseholdId && h.IsEligible)).MaxBy(d => d.InstalledOn);
        if (newest is not null)
        {
            var home = homes.Single(h => h.Household.Id == newest.HouseholdId);
            var client = home.Household.Clients.FirstOrDefault(c => home.Active.Any(s => s.ClientId == c.Id && s.Kind == CareServiceKind.HomeCare));
            if (client is not null)
            {
                var subject = DemoFacts.Subject(home, client, today);
                var mountAt = book.At(newest.InstalledOn!.Value, 10);
                var opened = mountAt.AddDays(-12);
                // A house has its own front door; a block of flats without a door unit needs one, and the install proposes it.
                var entrance = home.Household.EntranceId is not { } e || home.Household.Apartment is null ? "no-entrance"
                    : equipment.Devices.Any(d => d.Kind == DeviceKind.EntranceUnit && d.EntranceId == e && d.IsMounted) ? "unit-present"
                    : "unit-needed";
                if (entrance == "unit-needed") proposedEntrance = home.Household.EntranceId;
                book.Plan(opened, () =>
                {
                    var walk = book.Start(RoutineKind.InstallAssessed, subject, opened, DemoFacts.NightUnit(home, client.Id, today))
                        .Answer("install.mount.entrance", entrance)
                        .BookFor(mountAt, true).Until("install.mount", mountAt.AddDays(-1)).Step(mountAt).Device(newest.Id)
                        .ToEnd(mountAt.AddDays(3));
                    if (entrance == "unit-needed")
                        book.Propose(RoutineKind.EntranceLockInstall, new WorkOrderSubject(null, null, home.Household.EntranceId, null) { UnitId = subject.UnitId },
                            mountAt, $"Föreslaget av ärende {walk.Order.Reference}.");
                });
            }
        }

        // Every lock where nobody needs it any more has its removal, opened by the rule; one is overdue.
        foreach (var (i, home) in homes.Where(h => mounted.ContainsKey(h.Household.Id) && !ServiceRules.HouseholdNeedsLock(Facts(h), today)).Index())
        {
            var last = home.Services.Where(s => ServiceRules.NeedsLock(s.Kind)).MaxBy(s => s.EndDate!.Value)!;
            var action = ServiceRules.Evaluate(Facts(home), new ServiceChange.Edited(DemoFacts.Service(last) with { End = null }, DemoFacts.Service(last)), today)
                .Single(a => a.Kind == RoutineKind.Removal);
            var subject = new WorkOrderSubject(action.ClientId, home.Household.Id, null, null) { UnitId = action.UnitId };
            var opened = book.At(last.EndDate!.Value, 9);
            book.Plan(opened, () => book.Start(RoutineKind.Removal, subject, opened).Due(action.DueOn)
                .Until(i == 0 ? "removal.check" : "removal.order", book.DaysAgo(today, 1)));
        }

        // The faulty lock is at the alarm group's fix; the low battery at the home-care group.
        var faulty = mounted.Values.FirstOrDefault(d => d.Status == DeviceStatus.Faulty);
        if (faulty is not null)
        {
            var home = homes.Single(h => h.Household.Id == faulty.HouseholdId);
            var subject = DemoFacts.Subject(home, home.FirstClient, today) with { EntranceId = home.Household.EntranceId };
            var opened = book.DaysAgo(today, 5);
            book.Plan(opened, () => book.Start(RoutineKind.FaultReport, subject, opened).Comment(faulty.FaultDescription!, opened)
                .Answer(RoutineCatalog.FaultRoute, RoutineCatalog.FaultRoutes.HouseholdLock)
                .Until("fault.fix", book.DaysAgo(today, 1)).Device(faulty.Id));

            var withdrawn = book.DaysAgo(today, 30);
            book.Plan(withdrawn, () => book.Start(RoutineKind.FaultReport, subject, withdrawn)
                .Cancel("Felanmält av misstag: fel brukare vald.", withdrawn.AddHours(1)));
        }
        foreach (var task in equipment.Tasks)
        {
            var device = equipment.Devices.Single(d => d.Id == task.DeviceId);
            var subject = new WorkOrderSubject(null, device.HouseholdId, device.EntranceId, device.Id) { UnitId = task.UnitId };
            book.Plan(task.OpenedAt, () => book.Start(RoutineKind.BatteryChange, subject, task.OpenedAt));
        }

        // The owner of the entrance was asked about an entrance lock and has not answered.
        var asked = homes.Where(h => h.IsEligible).Select(h => h.Household.Entrance)
            .FirstOrDefault(e => e is { ConsentStatus: ConsentStatus.Asked } && e.Id != proposedEntrance);
        if (asked is not null)
        {
            var opened = book.At(asked.ConsentDate!.Value.AddDays(-3), 10);
            book.Plan(opened, () => book.Start(RoutineKind.EntranceLockInstall, new WorkOrderSubject(null, null, asked.Id, null), opened)
                .Answer("entrance.consent.status", "asked", "Förfrågan skickad till fastighetsägaren.")
                .Until("entrance.consent", opened.AddDays(1)).Answered(book.At(asked.ConsentDate!.Value, 11)));
        }
        return book.BuildAll();
    }
}
