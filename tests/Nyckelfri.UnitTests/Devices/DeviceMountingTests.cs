using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

/// <summary>Key numbers on mounted locks, the municipality boundary, and where a device goes when it comes off the door.</summary>
public class DeviceMountingTests
{
    private static readonly DateOnly Today = TestClock.Today;

    // ---- key numbers ----

    [Theory]
    [InlineData(DeviceKind.LockUnit)]
    [InlineData(DeviceKind.EntranceUnit)]
    public void Install_LockWithoutKeyNumber_ThrowsValidationOnKeyNumberAndDeviceUnchanged(DeviceKind kind)
    {
        var world = new DeviceWorld();
        var device = world.Device(kind).WithKeyNumber(null).Build();
        var before = DeviceSnapshot.Of(device);

        var error = Should.Throw<ValidationFailedException>(() =>
        {
            if (kind == DeviceKind.EntranceUnit) device.Install(world.Entrance, null, Today);
            else device.Install(world.Household, null, Today);
        });

        error.ShouldBeSingleError("KeyNumber", "Ange nyckelnumret: låsenheten märks med det vid monteringen.");
        DeviceSnapshot.Of(device).ShouldBe(before);
    }

    [Fact]
    public void Install_LockWithoutKeyNumberGivenOne_KeepsTheOneGiven()
    {
        var world = new DeviceWorld();
        var device = world.Device().WithKeyNumber(null).Build();

        device.Install(world.Household, null, Today, keyNumber: "N-7001");

        device.KeyNumber.ShouldBe("N-7001");
        device.Status.ShouldBe(DeviceStatus.Installed);
    }

    [Fact]
    public void Install_LockWithKeyNumberGivenAnother_TakesTheOneGiven()
    {
        var world = new DeviceWorld();
        var device = world.Device().WithKeyNumber("N-1000").Build();

        device.Install(world.Household, null, Today, keyNumber: "N-2000");

        device.KeyNumber.ShouldBe("N-2000");
    }

    [Fact]
    public void Install_LockWithKeyNumberGivenNone_KeepsItsOwn()
    {
        var world = new DeviceWorld();
        var device = world.Device().WithKeyNumber("N-1000").Build();

        device.Install(world.Household, null, Today);

        device.KeyNumber.ShouldBe("N-1000");
    }

    [Theory]
    [InlineData(DeviceKind.KeySafe)]
    [InlineData(DeviceKind.MedicineCabinet)]
    public void Install_KeySafeOrCabinetWithoutKeyNumber_Installs(DeviceKind kind)
    {
        var world = new DeviceWorld();
        var device = world.Device(kind).WithKeyNumber(null).Build();

        device.Install(world.Household, null, Today);

        device.Status.ShouldBe(DeviceStatus.Installed);
        device.KeyNumber.ShouldBeNull();
    }

    [Fact]
    public void ChangeKeyNumber_MountedLockToNone_ThrowsValidationAndKeepsIt()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.FaultyMounted).Build();
        var keyNumber = device.KeyNumber;

        Should.Throw<ValidationFailedException>(() => device.ChangeKeyNumber(null))
            .ShouldBeSingleError("KeyNumber", "En monterad låsenhet måste ha ett nyckelnummer.");
        device.KeyNumber.ShouldBe(keyNumber);
    }

    [Fact]
    public void ChangeKeyNumber_LockOnTheShelfToNone_Clears()
    {
        var world = new DeviceWorld();
        var device = world.Device().Build();

        device.ChangeKeyNumber(null);

        device.KeyNumber.ShouldBeNull();
    }

    // ---- municipality ----

    [Fact]
    public void ReserveAndInstall_PlacesOfAnotherMunicipality_ThrowNotFoundAndDeviceUnchanged()
    {
        var world = new DeviceWorld();
        var elsewhere = new DeviceWorld();
        var lockUnit = world.Device().Build();
        var entranceUnit = world.Device(DeviceKind.EntranceUnit).Build();
        var lockBefore = DeviceSnapshot.Of(lockUnit);
        var entranceBefore = DeviceSnapshot.Of(entranceUnit);

        Should.Throw<NotFoundException>(() => lockUnit.Reserve(elsewhere.Household));
        Should.Throw<NotFoundException>(() => lockUnit.Install(elsewhere.Household, null, Today));
        Should.Throw<NotFoundException>(() => entranceUnit.Reserve(elsewhere.Entrance));
        Should.Throw<NotFoundException>(() => entranceUnit.Install(elsewhere.Entrance, null, Today));

        DeviceSnapshot.Of(lockUnit).ShouldBe(lockBefore);
        DeviceSnapshot.Of(entranceUnit).ShouldBe(entranceBefore);
    }

    [Fact]
    public void UninstallAndReturnFromRepair_ShelfOfAnotherMunicipality_ThrowNotFoundAndDeviceUnchanged()
    {
        var world = new DeviceWorld();
        var elsewhere = new DeviceWorld();
        var installed = world.Device().In(DeviceStart.Installed).Build();
        var inRepair = world.Device().In(DeviceStart.InRepair).Build();
        var installedBefore = DeviceSnapshot.Of(installed);
        var inRepairBefore = DeviceSnapshot.Of(inRepair);

        Should.Throw<NotFoundException>(() => installed.Uninstall(elsewhere.Store));
        Should.Throw<NotFoundException>(() => inRepair.ReturnFromRepair(elsewhere.Store));

        DeviceSnapshot.Of(installed).ShouldBe(installedBefore);
        DeviceSnapshot.Of(inRepair).ShouldBe(inRepairBefore);
    }

    [Fact]
    public void Constructor_ShelfOfAnotherMunicipality_ThrowsNotFound()
    {
        var world = new DeviceWorld();
        var elsewhere = new DeviceWorld();

        Should.Throw<NotFoundException>(() => new Device(world.Model(DeviceKind.LockUnit), "SN-1", "N-1", elsewhere.Store, null));
    }

    // ---- taking down and sending away ----

    [Fact]
    public void SendForRepair_FaultyMounted_UnlinksFromTheDoor()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.FaultyMounted).Build();

        device.SendForRepair();

        device.HouseholdId.ShouldBeNull();
        device.Household.ShouldBeNull();
        device.InstalledOn.ShouldBeNull();
        device.StockLocationId.ShouldBeNull();
        device.IsMounted.ShouldBeFalse();
    }

    [Fact]
    public void Uninstall_EntranceUnit_PutOnTheGivenShelf()
    {
        var world = new DeviceWorld();
        var unit = world.Device(DeviceKind.EntranceUnit).In(DeviceStart.Installed).Build();

        unit.Uninstall(world.AlarmCentre);

        unit.StockLocationId.ShouldBe(world.AlarmCentre.Id);
        unit.StockLocation.ShouldBeSameAs(world.AlarmCentre);
        unit.EntranceId.ShouldBeNull();
        unit.Entrance.ShouldBeNull();
    }

    [Fact]
    public void ReportFault_Mounted_StaysLinkedUntilTakenDown()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Installed).Build();

        device.ReportFault("Låser inte");

        device.IsMounted.ShouldBeTrue();
        device.HouseholdId.ShouldBe(world.Household.Id);
        device.InstalledOn.ShouldNotBeNull();

        device.Uninstall(world.Store);

        device.Status.ShouldBe(DeviceStatus.Faulty);
        device.IsMounted.ShouldBeFalse();
        device.HouseholdId.ShouldBeNull();
        device.FaultDescription.ShouldBe("Låser inte");
    }

    [Fact]
    public void ReportFault_Reserved_LosesTheReservation()
    {
        var world = new DeviceWorld();
        var device = world.Device().In(DeviceStart.Reserved).Build();

        device.ReportFault("Trasig i förpackningen");

        device.HouseholdId.ShouldBeNull();
        device.IsMounted.ShouldBeFalse();
        device.StockLocationId.ShouldBe(world.Store.Id);
    }
}
