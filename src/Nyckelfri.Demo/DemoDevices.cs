using Nyckelfri.Devices;
using Nyckelfri.Properties;
using Nyckelfri.Services;

namespace Nyckelfri.Demo;

/// <summary>
/// The devices of Demo kommun, each taken through the domain's own transitions so that the data obeys
/// the rules: a lock unit on about 85 % of the households that should have one (older homes often
/// still with the previous model), a handful faulty on the door, some away for repair (their homes
/// got a replacement), a few reserved for homes waiting for the installer, a few scrapped; locks still
/// on the door, or just taken down, where every service has ended; entrance units where the owner has
/// consented; key safes and medicine cabinets in some homes; the rest on the shelves. The clients'
/// original lock parts are kept at the store, tagged with the lock's key number.
/// </summary>
internal sealed class DemoDevices(DemoStock stock, DemoRandom random, DateOnly today)
{
    public const double LockShare = 0.85;

    private static readonly string[] Faults =
    [
        "Låsvredet svarar inte i appen trots nytt batteri.",
        "Motorn går men regeln går inte ut helt.",
        "Bluetooth-anslutningen bryts hela tiden.",
        "Vredet kärvar; brukaren kan inte låsa inifrån.",
        "Låsenheten piper och visar felkod E4.",
        "Monteringsplattan sitter löst på dörren.",
        "Batteriluckan går inte att stänga.",
        "Låser igen av sig själv efter några minuter.",
    ];

    private static readonly string[] LockParts =
        ["Ordinarie låsvred", "Ordinarie låsvred och täckbricka", "Vred och cylinderring", "Ordinarie låsvred med skruvar"];

    private readonly List<Device> _devices = [];
    private readonly List<OriginalLockPart> _parts = [];
    private Dictionary<Guid, DemoHome> _homes = [];

    public sealed record Result(List<Device> Devices, List<OriginalLockPart> LockParts);

    public Result Create(List<DemoHome> homes, IEnumerable<Entrance> entrances)
    {
        _homes = homes.ToDictionary(h => h.Household.Id);
        var eligible = homes.Where(h => h.IsEligible).ToList();
        random.Shuffle(eligible);
        var withLock = (int)Math.Round(eligible.Count * LockShare);
        var mounted = eligible.Take(withLock).Select(InstallLock).ToList();
        foreach (var home in eligible.Skip(withLock).Take(random.Between(2, 3))) Reserve(home);

        // Faults strike at random, not in the order the locks were put up.
        var struck = mounted.ToList();
        random.Shuffle(struck);
        foreach (var device in struck.Take(random.Between(5, 8)))
            device.ReportFault(random.Pick(Faults));
        foreach (var home in struck.Skip(10).Take(random.Between(3, 5)).Select(Home))
            SendEarlierLockForRepair(home, scrap: false);
        foreach (var home in struck.Skip(20).Take(2).Select(Home))
            SendEarlierLockForRepair(home, scrap: true);
        ScrapDamagedInDelivery();
        foreach (var device in mounted.Where(_ => random.Chance(0.7)))
            StoreLockParts(Home(device), device);

        LocksWhereServicesEnded(homes.Where(h => h.HadLock).ToList());
        InstallEntranceUnits(homes, entrances);
        InstallInHomes(stock.KeySafe, homes.Where(h => !h.IsEligible && h.Active.Any(s => s.Kind == CareServiceKind.HomeCare)
                                                       && h.Household.Clients.All(c => !c.HasCodeLock)).ToList(), 5);
        InstallInHomes(stock.MedicineCabinet, homes.Where(h => h.Active.Any(s => s.Kind == CareServiceKind.HomeHealthCare)).ToList(), 6);
        FillShelves();
        return new Result(_devices, _parts);
    }

    private Device InstallLock(DemoHome home)
    {
        var on = InstallDate(home);
        // The first locks, bought when the municipality started, are the older model; many are still on the doors.
        var model = on < today.AddYears(-3) && random.Chance(0.75) ? stock.OlderLockUnit : stock.LockUnit;
        var device = New(model, stock.Store);
        device.Install(home.Household, null, on);
        return device;
    }

    /// <summary>Some weeks after the first service began, but not before the municipality started with digital locks.</summary>
    private DateOnly InstallDate(DemoHome home)
    {
        var rollout = today.AddYears(-4);
        var on = home.FirstStart < rollout
            ? rollout.AddDays(random.Between(0, 365))
            : home.FirstStart.AddDays(random.Between(2, 40));
        return on > today ? today : on;
    }

    private void Reserve(DemoHome home)
    {
        var device = New(stock.LockUnit, stock.Store);
        device.Reserve(home.Household);
        device.Note = "Väntar på montering.";
    }

    /// <summary>The home's lock failed and was sent to the supplier; the lock on the door now is its replacement.</summary>
    private void SendEarlierLockForRepair(DemoHome home, bool scrap)
    {
        var earlier = New(stock.LockUnit, stock.Store);
        earlier.Install(home.Household, null, InstallDate(home));
        earlier.ReportFault(random.Pick(Faults));
        earlier.SendForRepair();
        if (scrap) earlier.Scrap("Leverantören bedömer att en reparation inte lönar sig.");
    }

    private void ScrapDamagedInDelivery()
    {
        var device = New(stock.LockUnit, stock.Store);
        device.ReportFault("Höljet sprucket vid leveransen.");
        device.Scrap("Transportskada; ersatt av leverantören.");
    }

    private void StoreLockParts(DemoHome home, Device device) =>
        _parts.Add(new OriginalLockPart(home.FirstClient, stock.Store, random.Pick(LockParts), device.KeyNumber, device.InstalledOn!.Value));

    /// <summary>
    /// Where every service has ended the lock is due for removal: most are still on the door; at a few
    /// the installer has taken it down, back to the store, and put the client's own parts back.
    /// </summary>
    private void LocksWhereServicesEnded(List<DemoHome> homes)
    {
        foreach (var (home, i) in homes.Select((h, i) => (h, i)))
        {
            var device = New(stock.LockUnit, stock.Store);
            var on = InstallDate(home);
            device.Install(home.Household, null, on < home.LastEnd ? on : home.LastEnd);
            var part = new OriginalLockPart(home.FirstClient, stock.Store, random.Pick(LockParts), device.KeyNumber, device.InstalledOn!.Value);
            _parts.Add(part);
            if (i % 3 != 0) continue;
            var removedOn = home.LastEnd.AddDays(random.Between(1, 3));
            device.Uninstall(stock.Store);
            part.Return(removedOn > today ? today : removedOn, "Återmonterat när låsenheten monterades ned.");
        }
    }

    /// <summary>On entrances whose owner has consented and behind which someone needs the lock.</summary>
    private void InstallEntranceUnits(List<DemoHome> homes, IEnumerable<Entrance> entrances)
    {
        var needed = homes.Where(h => h.IsEligible && h.Household.EntranceId is not null)
            .Select(h => h.Household.EntranceId!.Value).ToHashSet();
        var candidates = entrances.Where(e => e.ConsentStatus == ConsentStatus.Given && needed.Contains(e.Id)).ToList();
        random.Shuffle(candidates);
        foreach (var entrance in candidates.Take(random.Between(12, 18)))
        {
            var on = entrance.ConsentDate!.Value.AddDays(random.Between(14, 90));
            New(stock.EntranceUnit, stock.Store).Install(entrance, null, on > today ? today : on);
        }
    }

    private void InstallInHomes(DeviceModel model, List<DemoHome> candidates, int count)
    {
        random.Shuffle(candidates);
        foreach (var home in candidates.Take(count))
            New(model, stock.Store).Install(home.Household, null, InstallDate(home));
    }

    /// <summary>Tops every shelf up to its planned count (locks taken down have already come back).</summary>
    private void FillShelves()
    {
        foreach (var (location, model, count) in stock.Shelves)
        {
            var onShelf = _devices.Count(d => d.Status == DeviceStatus.InStock && d.StockLocationId == location.Id && d.DeviceModelId == model.Id);
            for (var i = onShelf; i < count; i++) New(model, location);
        }
    }

    private Device New(DeviceModel model, StockLocation location)
    {
        var device = stock.NewDevice(model, location);
        _devices.Add(device);
        return device;
    }

    private DemoHome Home(Device device) => _homes[device.HouseholdId!.Value];
}
