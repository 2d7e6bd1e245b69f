using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

public enum DeviceTransition
{
    ReserveHousehold, ReserveEntrance, CancelReservation, InstallHousehold, InstallEntrance,
    Uninstall, ReportFault, ResolveFault, SendForRepair, ReturnFromRepair, Scrap,
}

/// <summary>
/// Every transition from every status, for every kind of device: either the table below says where it
/// ends up, or it is refused and the device is exactly as it was.
/// </summary>
public class DeviceLifecycleTests
{
    private enum Link { None, Household, Entrance }

    private enum Shelf { None, Store, AlarmCentre }

    private sealed record After(DeviceStatus Status, Link Link, Shelf Shelf);

    /// <summary>
    /// The lifecycle of a household device (lock unit, key safe, medicine cabinet):
    /// in stock → reserved → installed → faulty → in repair → in stock | installed; scrapped from the shelf or from repair.
    /// A reserved device waits on the store shelf; taken-down and repaired devices go to the shelf given (the alarm centre).
    /// An entrance unit's table is the mirror image (household ↔ entrance). Everything not listed is refused.
    /// </summary>
    private static readonly Dictionary<(DeviceStart, DeviceTransition), After> Legal = new()
    {
        [(DeviceStart.InStock, DeviceTransition.ReserveHousehold)] = new(DeviceStatus.Reserved, Link.Household, Shelf.Store),
        [(DeviceStart.InStock, DeviceTransition.InstallHousehold)] = new(DeviceStatus.Installed, Link.Household, Shelf.None),
        [(DeviceStart.InStock, DeviceTransition.ReportFault)] = new(DeviceStatus.Faulty, Link.None, Shelf.Store),
        [(DeviceStart.InStock, DeviceTransition.Scrap)] = new(DeviceStatus.Scrapped, Link.None, Shelf.None),

        [(DeviceStart.Reserved, DeviceTransition.CancelReservation)] = new(DeviceStatus.InStock, Link.None, Shelf.Store),
        [(DeviceStart.Reserved, DeviceTransition.InstallHousehold)] = new(DeviceStatus.Installed, Link.Household, Shelf.None),
        [(DeviceStart.Reserved, DeviceTransition.ReportFault)] = new(DeviceStatus.Faulty, Link.None, Shelf.Store),

        [(DeviceStart.Installed, DeviceTransition.Uninstall)] = new(DeviceStatus.InStock, Link.None, Shelf.AlarmCentre),
        [(DeviceStart.Installed, DeviceTransition.ReportFault)] = new(DeviceStatus.Faulty, Link.Household, Shelf.None),

        [(DeviceStart.FaultyMounted, DeviceTransition.Uninstall)] = new(DeviceStatus.Faulty, Link.None, Shelf.AlarmCentre),
        [(DeviceStart.FaultyMounted, DeviceTransition.ResolveFault)] = new(DeviceStatus.Installed, Link.Household, Shelf.None),
        [(DeviceStart.FaultyMounted, DeviceTransition.SendForRepair)] = new(DeviceStatus.InRepair, Link.None, Shelf.None),

        [(DeviceStart.FaultyOffTheDoor, DeviceTransition.ResolveFault)] = new(DeviceStatus.InStock, Link.None, Shelf.Store),
        [(DeviceStart.FaultyOffTheDoor, DeviceTransition.SendForRepair)] = new(DeviceStatus.InRepair, Link.None, Shelf.None),
        [(DeviceStart.FaultyOffTheDoor, DeviceTransition.Scrap)] = new(DeviceStatus.Scrapped, Link.None, Shelf.None),

        [(DeviceStart.InRepair, DeviceTransition.InstallHousehold)] = new(DeviceStatus.Installed, Link.Household, Shelf.None),
        [(DeviceStart.InRepair, DeviceTransition.ReturnFromRepair)] = new(DeviceStatus.InStock, Link.None, Shelf.AlarmCentre),
        [(DeviceStart.InRepair, DeviceTransition.Scrap)] = new(DeviceStatus.Scrapped, Link.None, Shelf.None),

        // Scrapped: nothing follows.
    };

    /// <summary>
    /// Refusals with a code of their own: the status allows the step but the place is of the wrong kind.
    /// Everything else not in <see cref="Legal"/> is "device-illegal-transition".
    /// </summary>
    private static readonly Dictionary<(DeviceStart, DeviceTransition), string> SpecificRefusals = new()
    {
        [(DeviceStart.InStock, DeviceTransition.ReserveEntrance)] = "device-wrong-place",
        [(DeviceStart.InStock, DeviceTransition.InstallEntrance)] = "device-wrong-place",
        [(DeviceStart.Reserved, DeviceTransition.InstallEntrance)] = "device-wrong-place",
        [(DeviceStart.InRepair, DeviceTransition.InstallEntrance)] = "device-wrong-place",
    };

    private static DeviceTransition Mirror(DeviceTransition t) => t switch
    {
        DeviceTransition.ReserveHousehold => DeviceTransition.ReserveEntrance,
        DeviceTransition.ReserveEntrance => DeviceTransition.ReserveHousehold,
        DeviceTransition.InstallHousehold => DeviceTransition.InstallEntrance,
        DeviceTransition.InstallEntrance => DeviceTransition.InstallHousehold,
        _ => t,
    };

    private static Link Mirror(Link link) => link switch
    {
        Link.Household => Link.Entrance,
        Link.Entrance => Link.Household,
        _ => link,
    };

    /// <summary>The table entry for this kind: a household device reads the table as written, an entrance unit mirrored.</summary>
    private static (After? Legal, string Refusal) Expected(DeviceKind kind, DeviceStart start, DeviceTransition transition)
    {
        var entrance = kind == DeviceKind.EntranceUnit;
        var key = (start, entrance ? Mirror(transition) : transition);
        if (Legal.TryGetValue(key, out var after))
            return (entrance ? after with { Link = Mirror(after.Link) } : after, "");
        return (null, SpecificRefusals.GetValueOrDefault(key, "device-illegal-transition"));
    }

    private static IEnumerable<(DeviceKind, DeviceStart, DeviceTransition)> AllCases() =>
        from kind in Enum.GetValues<DeviceKind>()
        from start in Enum.GetValues<DeviceStart>()
        from transition in Enum.GetValues<DeviceTransition>()
        select (kind, start, transition);

    public static TheoryData<DeviceKind, DeviceStart, DeviceTransition> LegalCases()
    {
        var data = new TheoryData<DeviceKind, DeviceStart, DeviceTransition>();
        foreach (var (kind, start, transition) in AllCases().Where(c => Expected(c.Item1, c.Item2, c.Item3).Legal is not null))
            data.Add(kind, start, transition);
        return data;
    }

    public static TheoryData<DeviceKind, DeviceStart, DeviceTransition> IllegalCases()
    {
        var data = new TheoryData<DeviceKind, DeviceStart, DeviceTransition>();
        foreach (var (kind, start, transition) in AllCases().Where(c => Expected(c.Item1, c.Item2, c.Item3).Legal is null))
            data.Add(kind, start, transition);
        return data;
    }

    private static void Apply(Device device, DeviceTransition transition, DeviceWorld world)
    {
        switch (transition)
        {
            case DeviceTransition.ReserveHousehold: device.Reserve(world.Household); break;
            case DeviceTransition.ReserveEntrance: device.Reserve(world.Entrance); break;
            case DeviceTransition.CancelReservation: device.CancelReservation(); break;
            case DeviceTransition.InstallHousehold: device.Install(world.Household, null, TestClock.Today); break;
            case DeviceTransition.InstallEntrance: device.Install(world.Entrance, null, TestClock.Today); break;
            case DeviceTransition.Uninstall: device.Uninstall(world.AlarmCentre); break;
            case DeviceTransition.ReportFault: device.ReportFault("Batteriluckan går inte att stänga"); break;
            case DeviceTransition.ResolveFault: device.ResolveFault(); break;
            case DeviceTransition.SendForRepair: device.SendForRepair(); break;
            case DeviceTransition.ReturnFromRepair: device.ReturnFromRepair(world.AlarmCentre); break;
            case DeviceTransition.Scrap: device.Scrap("Sprucken kåpa"); break;
            default: throw new ArgumentOutOfRangeException(nameof(transition));
        }
    }

    [Fact]
    public void LifecycleTable_EveryStatusAndTransition_IsCovered()
    {
        var cases = AllCases().ToList();

        cases.Count.ShouldBe(4 * 7 * 11);
        LegalCases().Count().ShouldBe(4 * Legal.Count);
        (LegalCases().Count() + IllegalCases().Count()).ShouldBe(cases.Count);
    }

    [Theory]
    [MemberData(nameof(LegalCases))]
    public void Transition_LegalFromStatus_ReachesStatusLinkAndShelfOfTheTable(DeviceKind kind, DeviceStart start, DeviceTransition transition)
    {
        var world = new DeviceWorld();
        var device = world.Device(kind).In(start).Build();
        var keyNumber = device.KeyNumber;
        var after = Expected(kind, start, transition).Legal!;

        Apply(device, transition, world);

        device.Status.ShouldBe(after.Status);
        device.HouseholdId.ShouldBe(after.Link == Link.Household ? world.Household.Id : (Guid?)null);
        device.EntranceId.ShouldBe(after.Link == Link.Entrance ? world.Entrance.Id : (Guid?)null);
        device.StockLocationId.ShouldBe(after.Shelf switch
        {
            Shelf.Store => world.Store.Id,
            Shelf.AlarmCentre => world.AlarmCentre.Id,
            _ => (Guid?)null,
        });
        (device.StockLocation?.Id).ShouldBe(device.StockLocationId);
        device.IsMounted.ShouldBe(after.Status is DeviceStatus.Installed or DeviceStatus.Faulty && after.Link != Link.None);
        device.KeyNumber.ShouldBe(keyNumber);
    }

    [Theory]
    [MemberData(nameof(IllegalCases))]
    public void Transition_IllegalFromStatus_RefusedWithCodeAndDeviceUnchanged(DeviceKind kind, DeviceStart start, DeviceTransition transition)
    {
        var world = new DeviceWorld();
        var device = world.Device(kind).In(start).Build();
        var before = DeviceSnapshot.Of(device);

        var error = Should.Throw<RuleViolationException>(() => Apply(device, transition, world));

        error.Code.ShouldBe(Expected(kind, start, transition).Refusal);
        DeviceSnapshot.Of(device).ShouldBe(before);
    }

    [Fact]
    public void Install_FromStockOrRepair_RecordsTheDayAndTakesItOffTheShelf()
    {
        var world = new DeviceWorld();
        var device = world.Device().Build();

        device.Install(world.Household, null, TestClock.Today);

        device.InstalledOn.ShouldBe(TestClock.Today);
        device.StockLocation.ShouldBeNull();
        device.Household.ShouldBeSameAs(world.Household);
    }

    [Fact]
    public void Uninstall_Installed_ForgetsInstallDate()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Installed).Build();

        device.Uninstall(world.AlarmCentre);

        device.InstalledOn.ShouldBeNull();
        device.Household.ShouldBeNull();
        device.StockLocation.ShouldBeSameAs(world.AlarmCentre);
    }

    [Fact]
    public void ReportFault_Installed_KeepsDescriptionAndResolveFaultClearsIt()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Installed).Build();

        device.ReportFault("Låser inte");
        device.FaultDescription.ShouldBe("Låser inte");
        device.ResolveFault();

        device.FaultDescription.ShouldBeNull();
        device.Status.ShouldBe(DeviceStatus.Installed);
    }

    [Fact]
    public void ReturnFromRepair_InRepair_ClearsFaultDescription()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.InRepair).Build();

        device.ReturnFromRepair(world.Store);

        device.FaultDescription.ShouldBeNull();
        device.InstalledOn.ShouldBeNull();
    }

    [Fact]
    public void Scrap_FromStock_KeepsReasonAndLeavesTheShelf()
    {
        var world = new DeviceWorld();
        var device = world.Device().Build();

        device.Scrap("Sprucken kåpa");

        device.ScrapReason.ShouldBe("Sprucken kåpa");
        device.StockLocation.ShouldBeNull();
    }

    [Fact]
    public void Install_AlreadyInstalled_SwedishMessageNamesDeviceAndStatus()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Installed).Build();

        var error = Should.Throw<RuleViolationException>(() => device.Install(world.OtherHousehold, null, TestClock.Today));

        error.Message.ShouldBe($"Låsenhet {device.SerialNumber} har status installerad och kan inte monteras: den är redan monterad.");
    }

    [Fact]
    public void CancelReservation_InStock_SwedishMessageNamesRequiredStatus()
    {
        var world = new DeviceWorld();
        var device = world.Device(DeviceKind.KeySafe).Build();

        var error = Should.Throw<RuleViolationException>(device.CancelReservation);

        error.Message.ShouldBe($"Nyckelgömma {device.SerialNumber} har status i lager och kan inte få sin reservation borttagen: det kräver status reserverad.");
    }

    [Fact]
    public void Scrap_Mounted_SwedishMessageSaysTakeItDownFirst()
    {
        var world = new DeviceWorld();
        var device = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.FaultyMounted).Build();

        var error = Should.Throw<RuleViolationException>(() => device.Scrap("Trasig"));

        error.Message.ShouldBe($"Portenhet {device.SerialNumber} har status felanmäld och kan inte skrotas: " +
                               "den är monterad eller reserverad; montera ned den eller ta bort reservationen först.");
    }
}
