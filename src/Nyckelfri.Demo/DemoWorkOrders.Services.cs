using Nyckelfri.Clients;
using Nyckelfri.Keys;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

internal sealed partial class DemoWorkOrders
{
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

    /// <summary>What the installer finds at the entrance (install.mount.entrance): a house has its own front door, no entrance to share.</summary>
    private string EntranceAnswer(DemoHome home) => home.Household.EntranceId switch
    {
        null => "no-entrance",
        _ when home.Household.Apartment is null => "no-entrance",
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
