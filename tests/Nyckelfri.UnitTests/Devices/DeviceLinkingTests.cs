using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

/// <summary>Where a device may be mounted: one lock per household, one entrance unit per entrance, each kind at its place.</summary>
public class DeviceLinkingTests
{
    private static readonly DateOnly Today = TestClock.Today;

    // ---- one lock unit per household ----

    [Fact]
    public void Install_LockUnitWhereAnotherIsMounted_ThrowsHouseholdHasLockAndDeviceUnchanged()
    {
        var world = new DeviceWorld();
        var mounted = world.Device().In(DeviceStart.Installed).Build();
        var second = world.Device().Build();
        var before = DeviceSnapshot.Of(second);

        var error = Should.Throw<RuleViolationException>(() => second.Install(world.Household, mounted, Today));

        error.Code.ShouldBe("household-has-lock");
        error.Message.ShouldBe($"Hushållet har redan en monterad låsenhet ({mounted.SerialNumber}). Ett hushåll har högst ett digitalt lås; sambor delar det.");
        DeviceSnapshot.Of(second).ShouldBe(before);
    }

    [Fact]
    public void Install_LockUnitWhereAFaultyOneIsStillMounted_ThrowsHouseholdHasLock()
    {
        var world = new DeviceWorld();
        var faulty = world.Device().In(DeviceStart.FaultyMounted).Build();
        var replacement = world.Device().Build();

        Should.Throw<RuleViolationException>(() => replacement.Install(world.Household, faulty, Today))
            .Code.ShouldBe("household-has-lock");
        replacement.Status.ShouldBe(DeviceStatus.InStock);
    }

    [Fact]
    public void Install_ReservedLockUnitWhereAnotherIsMounted_ThrowsHouseholdHasLockAndKeepsReservation()
    {
        var world = new DeviceWorld();
        var mounted = world.Device().In(DeviceStart.Installed).Build();
        var reserved = world.Device().In(DeviceStart.Reserved).Build();

        Should.Throw<RuleViolationException>(() => reserved.Install(world.Household, mounted, Today))
            .Code.ShouldBe("household-has-lock");
        reserved.Status.ShouldBe(DeviceStatus.Reserved);
        reserved.HouseholdId.ShouldBe(world.Household.Id);
    }

    [Fact]
    public void Install_LockUnitPassedAsTheMountedOne_InstallsItself()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.InRepair).Build();

        device.Install(world.Household, device, Today);

        device.Status.ShouldBe(DeviceStatus.Installed);
        device.HouseholdId.ShouldBe(world.Household.Id);
    }

    [Fact]
    public void Install_LockUnitTakenDownAndPutBack_InstallsAgain()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Installed).Build();
        device.Uninstall(world.Store);

        device.Install(world.Household, null, Today);

        device.Status.ShouldBe(DeviceStatus.Installed);
        device.HouseholdId.ShouldBe(world.Household.Id);
    }

    [Fact]
    public void Install_SecondLockUnitAtAnotherHousehold_Installs()
    {
        var world = new DeviceWorld();
        world.Device().In(DeviceStart.Installed).Build();
        var other = world.Device().Build();

        other.Install(world.OtherHousehold, null, Today);

        other.HouseholdId.ShouldBe(world.OtherHousehold.Id);
    }

    [Theory]
    [InlineData(DeviceKind.KeySafe)]
    [InlineData(DeviceKind.MedicineCabinet)]
    public void Install_KeySafeOrCabinetWhereLockAndAnotherAreMounted_Installs(DeviceKind kind)
    {
        var world = new DeviceWorld();
        var lockUnit = world.Device().In(DeviceStart.Installed).Build();
        world.Device(kind).In(DeviceStart.Installed).Build();
        var second = world.Device(kind).Build();

        second.Install(world.Household, lockUnit, Today);

        second.Status.ShouldBe(DeviceStatus.Installed);
        second.HouseholdId.ShouldBe(world.Household.Id);
    }

    // ---- one entrance, one entrance unit ----

    [Fact]
    public void Install_InstalledEntranceUnitAtAnotherEntrance_RefusedAndStaysAtItsEntrance()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Installed).Build();

        Should.Throw<RuleViolationException>(() => unit.Install(world.OtherEntrance, null, Today))
            .Code.ShouldBe("device-illegal-transition");
        unit.EntranceId.ShouldBe(world.Entrance.Id);
    }

    [Fact]
    public void Reserve_InstalledEntranceUnitForAnotherEntrance_RefusedAndStaysAtItsEntrance()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Installed).Build();

        Should.Throw<RuleViolationException>(() => unit.Reserve(world.OtherEntrance))
            .Code.ShouldBe("device-illegal-transition");
        unit.EntranceId.ShouldBe(world.Entrance.Id);
    }

    [Fact]
    public void Install_EntranceUnitWhereAnotherIsMounted_ThrowsEntranceHasUnitAndDeviceUnchanged()
    {
        var world = new DeviceWorld();
        var mounted = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Installed).Build();
        var second = world.Device(DeviceKind.EntranceUnit).Build();
        var before = DeviceSnapshot.Of(second);

        var error = Should.Throw<RuleViolationException>(() => second.Install(world.Entrance, mounted, Today));

        error.Code.ShouldBe("entrance-has-unit");
        error.Message.ShouldBe($"Porten har redan en monterad portenhet ({mounted.SerialNumber}).");
        DeviceSnapshot.Of(second).ShouldBe(before);
    }

    [Fact]
    public void Install_EntranceUnitPassedAsTheMountedOne_InstallsItself()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Reserved).Build();

        unit.Install(world.Entrance, unit, Today);

        unit.Status.ShouldBe(DeviceStatus.Installed);
        unit.EntranceId.ShouldBe(world.Entrance.Id);
    }

    // ---- each kind at its place ----

    [Fact]
    public void Install_EntranceUnitInHousehold_ThrowsWrongPlace()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).Build();

        var error = Should.Throw<RuleViolationException>(() => unit.Install(world.Household, null, Today));

        error.Code.ShouldBe("device-wrong-place");
        error.Message.ShouldBe("En portenhet monteras på en port, inte i ett hushåll.");
        unit.HouseholdId.ShouldBeNull();
    }

    [Fact]
    public void Reserve_EntranceUnitForHousehold_ThrowsWrongPlace()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).Build();

        Should.Throw<RuleViolationException>(() => unit.Reserve(world.Household)).Code.ShouldBe("device-wrong-place");
        unit.Status.ShouldBe(DeviceStatus.InStock);
    }

    [Theory]
    [InlineData(DeviceKind.LockUnit, "En låsenhet monteras i ett hushåll, inte på en port.")]
    [InlineData(DeviceKind.KeySafe, "En nyckelgömma monteras i ett hushåll, inte på en port.")]
    [InlineData(DeviceKind.MedicineCabinet, "Ett medicinskåp monteras i ett hushåll, inte på en port.")]
    public void Install_HouseholdDeviceAtEntrance_ThrowsWrongPlace(DeviceKind kind, string message)
    {
        var world = new DeviceWorld();
        var device = world.Device(kind).Build();

        var error = Should.Throw<RuleViolationException>(() => device.Install(world.Entrance, null, Today));

        error.Code.ShouldBe("device-wrong-place");
        error.Message.ShouldBe(message);
        device.EntranceId.ShouldBeNull();
    }

    [Fact]
    public void Reserve_LockUnitForEntrance_ThrowsWrongPlace()
    {
        var world = new DeviceWorld();
        var device = world.Device().Build();

        Should.Throw<RuleViolationException>(() => device.Reserve(world.Entrance)).Code.ShouldBe("device-wrong-place");
        device.Status.ShouldBe(DeviceStatus.InStock);
    }

    // ---- a reservation binds ----

    [Fact]
    public void Install_ReservedForAnotherHousehold_ThrowsReservedElsewhereAndKeepsReservation()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Reserved).Build();
        var before = DeviceSnapshot.Of(device);

        var error = Should.Throw<RuleViolationException>(() => device.Install(world.OtherHousehold, null, Today));

        error.Code.ShouldBe("device-reserved-elsewhere");
        error.Message.ShouldBe($"Låsenhet {device.SerialNumber} är reserverad för ett annat hushåll. Ta bort reservationen först.");
        DeviceSnapshot.Of(device).ShouldBe(before);
    }

    [Fact]
    public void Install_ReservedForAnotherEntrance_ThrowsReservedElsewhereAndKeepsReservation()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Reserved).Build();
        var before = DeviceSnapshot.Of(unit);

        var error = Should.Throw<RuleViolationException>(() => unit.Install(world.OtherEntrance, null, Today));

        error.Code.ShouldBe("device-reserved-elsewhere");
        error.Message.ShouldBe($"Portenhet {unit.SerialNumber} är reserverad för en annan port. Ta bort reservationen först.");
        DeviceSnapshot.Of(unit).ShouldBe(before);
    }

    [Fact]
    public void Install_ReservationCancelledFirst_InstallsElsewhere()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Reserved).Build();
        device.CancelReservation();

        device.Install(world.OtherHousehold, null, Today);

        device.HouseholdId.ShouldBe(world.OtherHousehold.Id);
    }
}
