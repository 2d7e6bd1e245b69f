using System.Globalization;
using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Keys;
using Nyckelfri.Providers;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

/// <summary>
/// The clients' physical keys (seed 003 §4): a set with each unit that should hold one according to
/// <see cref="KeySetExpectation"/>, handed out against a receipt signed by the client and a member of
/// the unit; moved with a transfer receipt where the client changed provider; given back where every
/// service has ended; one lost and replaced. A few deliberate mistakes make the client page warn: a
/// set never handed out, an old provider that kept its set, a second set at the same unit. And a few
/// times a key was used although the home has a digital lock.
/// </summary>
internal sealed class DemoKeys(DemoOrganisation organisation, DemoUnitStaff staff, DemoRandom random, DateOnly today, DateTime now)
{
    private readonly List<KeySet> _sets = [];
    private readonly List<KeyReceipt> _receipts = [];
    private readonly List<PhysicalKeyUse> _uses = [];
    private readonly Dictionary<Guid, Unit> _units = organisation.Units.ToDictionary(u => u.Id);
    private int _keyNumber = 2_000;

    public sealed record Result(List<KeySet> Sets, List<KeyReceipt> Receipts, List<PhysicalKeyUse> Uses);

    /// <summary>The clients chosen for the deliberate mismatches, and the one whose set is lost.</summary>
    private sealed record Mistakes(HashSet<Guid> Missing, HashSet<Guid> KeptByOldProvider, HashSet<Guid> SecondSet, Guid Lost);

    private sealed record Served(Client Client, List<CareService> Services, IReadOnlyList<Guid> Holders);

    public Result Create(List<DemoHome> homes, IEnumerable<Device> devices)
    {
        var served = new List<Served>();
        foreach (var home in homes)
        {
            foreach (var client in home.Household.Clients)
            {
                var services = home.Services.Where(s => s.ClientId == client.Id).ToList();
                if (services.All(s => s.EndDate < today)) ReturnedKeys(client, services);
                else served.Add(new Served(client, services, ExpectedHolders(client, services)));
            }
        }
        var mistakes = ChooseMistakes(served.Where(s => s.Holders.Count > 0).ToList());
        foreach (var client in served) HandOutKeys(client, mistakes);

        var mountedLocks = devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted).ToDictionary(d => d.HouseholdId!.Value);
        PhysicalKeyUses(homes, mountedLocks);
        return new Result(_sets, _receipts, _uses);
    }

    private IReadOnlyList<Guid> ExpectedHolders(Client client, IEnumerable<CareService> services) =>
        KeySetExpectation.For(
            services.Where(s => s.IsActiveOn(today)).Select(s => new KeySetExpectation.ActiveService(s.Kind, s.UnitId)),
            client.OpensDoorThemself, []).ExpectedHolders;

    private Mistakes ChooseMistakes(List<Served> keyed)
    {
        random.Shuffle(keyed);
        // Where the home care changed provider, the old provider should have passed its set on.
        var changed = keyed.Where(s => s.Holders.Any(u => EarlierHomeCare(s, u) is not null)).Take(2).Select(s => s.Client.Id).ToHashSet();
        var others = keyed.Where(s => !changed.Contains(s.Client.Id)).Select(s => s.Client.Id).ToList();
        var secondSets = 4 - changed.Count;
        return new Mistakes(others.Take(2).ToHashSet(), changed, others.Skip(2).Take(secondSets).ToHashSet(), others[2 + secondSets]);
    }

    private void HandOutKeys(Served served, Mistakes mistakes)
    {
        var client = served.Client;
        foreach (var unitId in served.Holders)
        {
            // The deliberately missing set: the client's last holder never got one.
            if (mistakes.Missing.Contains(client.Id) && unitId == served.Holders[^1]) continue;
            var unit = _units[unitId];
            var since = served.Services.Where(s => s.IsActiveOn(today) && s.UnitId == unitId).Min(s => s.StartDate);
            var set = EarlierHomeCare(served, unitId) is { } earlier
                ? ChangeOfProvider(client, earlier, unit, since, keptByOld: mistakes.KeptByOldProvider.Contains(client.Id))
                : HandOut(client, unit, since);

            if (client.Id == mistakes.Lost && unitId == served.Holders[0]) LoseAndReplace(client, set, unit, since);
            if (mistakes.SecondSet.Contains(client.Id) && unitId == served.Holders[0])
                HandOut(client, unit, Later(since)).Note = "Extra uppsättning; lämnades ut när den första inte hittades.";
        }
    }

    /// <summary>The home care the client had at another unit until the day before <paramref name="unitId"/> took over.</summary>
    private static CareService? EarlierHomeCare(Served served, Guid unitId)
    {
        var current = served.Services.FirstOrDefault(s => s.UnitId == unitId && s.Kind == CareServiceKind.HomeCare && s.EndDate is null);
        return current is null ? null : served.Services.FirstOrDefault(s =>
            s.Kind == CareServiceKind.HomeCare && s.UnitId != unitId && s.EndDate == current.StartDate.AddDays(-1));
    }

    private KeySet ChangeOfProvider(Client client, CareService earlier, Unit unit, DateOnly since, bool keptByOld)
    {
        var set = HandOut(client, earlier.Unit!, earlier.StartDate);
        if (keptByOld) return HandOut(client, unit, since);

        var from = set.HolderUnitId!.Value;
        var giver = staff.NameAt(from, since);
        set.TransferTo(unit);
        var receiver = staff.NameAt(unit, since);
        _receipts.Add(KeyReceipt.Transfer(set, from, new KeyReceipt.Parties(since, giver, receiver, true, true, "Byte av utförare."), receiver));
        return set;
    }

    private KeySet HandOut(Client client, Unit unit, DateOnly on)
    {
        var set = new KeySet(client, NextKeyNumber(), random.Weighted([(1, 85), (2, 15)]), unit);
        _sets.Add(set);
        var receiver = staff.NameAt(unit, on);
        _receipts.Add(KeyReceipt.HandOut(set, new KeyReceipt.Parties(on, client.FullName, receiver, true, true, null), receiver));
        return set;
    }

    private void LoseAndReplace(Client client, KeySet set, Unit unit, DateOnly since)
    {
        set.ReportLost("Nyckeln tappades bort under ett besök. Brukaren är informerad och vill inte byta cylinder.");
        var replacement = HandOut(client, unit, Later(since));
        replacement.Note = $"Ersätter den förlorade uppsättningen {set.KeyNumber}.";
    }

    /// <summary>Every service has ended: each unit that held a set gave it back against a receipt.</summary>
    private void ReturnedKeys(Client client, List<CareService> services)
    {
        var holders = services.Where(s => s.Kind is CareServiceKind.SafetyAlarm or CareServiceKind.NightSupervision
                                          || (s.Kind == CareServiceKind.HomeCare && !client.OpensDoorThemself))
            .GroupBy(s => s.UnitId);
        foreach (var held in holders)
        {
            var set = HandOut(client, _units[held.Key], held.Min(s => s.StartDate));
            var returnedOn = held.Max(s => s.EndDate!.Value).AddDays(random.Between(0, 5));
            if (returnedOn > today) returnedOn = today;
            var giver = staff.NameAt(held.Key, returnedOn);
            set.ReturnToClient();
            _receipts.Add(KeyReceipt.Return(set, held.Key,
                new KeyReceipt.Parties(returnedOn, giver, client.FullName, true, true, "Insatserna har upphört."), giver));
        }
    }

    /// <summary>Keys used at homes with a digital lock: where the lock is faulty, and in emergencies.</summary>
    private void PhysicalKeyUses(List<DemoHome> homes, IReadOnlyDictionary<Guid, Device> mountedLocks)
    {
        var held = _sets.Where(s => s.Status == KeySetStatus.WithHolder).ToLookup(s => s.ClientId);
        var candidates = homes.SelectMany(h => h.Household.Clients)
            .Where(c => mountedLocks.ContainsKey(c.HouseholdId) && held[c.Id].Any()).ToList();
        random.Shuffle(candidates);
        var faulty = candidates.Where(c => mountedLocks[c.HouseholdId].Status == DeviceStatus.Faulty).Take(3).ToList();
        foreach (var client in faulty)
            Use(client, held[client.Id].First(), PhysicalKeyUseReason.LockNotWorking,
                random.Pick<string>(["Låsenheten svarade inte; öppnade med nyckeln.", "Appen fick ingen kontakt med låset trots flera försök."]));
        foreach (var client in candidates.Except(faulty).Take(3))
            Use(client, held[client.Id].First(), PhysicalKeyUseReason.Emergency,
                random.Pick<string>(["Brukaren hade fallit innanför dörren; ingen tid att vänta på låset.", "Trygghetslarm utan svar; gick in direkt med nyckel."]));
    }

    private void Use(Client client, KeySet set, PhysicalKeyUseReason reason, string note)
    {
        var at = now.AddDays(-random.Between(1, 45)).AddHours(-random.Between(0, 23));
        var by = staff.NameAt(set.HolderUnitId!.Value, DateOnly.FromDateTime(at));
        _uses.Add(new PhysicalKeyUse(client.MunicipalityId, client.Id, set.Id, at, reason, note, by, null));
    }

    /// <summary>Some day after <paramref name="since"/>, within the last two months where possible.</summary>
    private DateOnly Later(DateOnly since)
    {
        var day = today.AddDays(-random.Between(5, 60));
        return day > since ? day : since;
    }

    /// <summary>"F-2231": the number stamped on the key tag.</summary>
    private string NextKeyNumber()
    {
        _keyNumber += random.Between(1, 3);
        return "F-" + _keyNumber.ToString(CultureInfo.InvariantCulture);
    }
}
