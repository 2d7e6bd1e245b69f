using Nyckelfri.Access;
using Nyckelfri.Common;

namespace Nyckelfri.UnitTests.Access;

public enum DeviceStart { InStock, Issued, KeptAtUnit, Blocked, Retired }

public enum TwoFactorTransition { Issue, PlaceAtUnit, Return, Block, Retire, KeepAt }

/// <summary>A 2-factor device's life: in stock → personal or in a unit's key cabinet → back in stock; blocked or retired for good.</summary>
public class TwoFactorDeviceTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Centrum = Guid.NewGuid();

    private static readonly Dictionary<(DeviceStart, TwoFactorTransition), TwoFactorDeviceStatus> Legal = new()
    {
        [(DeviceStart.InStock, TwoFactorTransition.Issue)] = TwoFactorDeviceStatus.Issued,
        [(DeviceStart.InStock, TwoFactorTransition.PlaceAtUnit)] = TwoFactorDeviceStatus.KeptAtUnit,
        [(DeviceStart.InStock, TwoFactorTransition.Block)] = TwoFactorDeviceStatus.Blocked,
        [(DeviceStart.InStock, TwoFactorTransition.Retire)] = TwoFactorDeviceStatus.Retired,
        [(DeviceStart.Issued, TwoFactorTransition.Return)] = TwoFactorDeviceStatus.InStock,
        [(DeviceStart.Issued, TwoFactorTransition.Block)] = TwoFactorDeviceStatus.Blocked,
        [(DeviceStart.Issued, TwoFactorTransition.KeepAt)] = TwoFactorDeviceStatus.Issued,
        [(DeviceStart.KeptAtUnit, TwoFactorTransition.Return)] = TwoFactorDeviceStatus.InStock,
        [(DeviceStart.KeptAtUnit, TwoFactorTransition.Block)] = TwoFactorDeviceStatus.Blocked,
        [(DeviceStart.KeptAtUnit, TwoFactorTransition.KeepAt)] = TwoFactorDeviceStatus.KeptAtUnit,
    };

    public static TheoryData<DeviceStart, TwoFactorTransition> Every()
    {
        var data = new TheoryData<DeviceStart, TwoFactorTransition>();
        foreach (var start in Enum.GetValues<DeviceStart>())
        foreach (var transition in Enum.GetValues<TwoFactorTransition>())
            data.Add(start, transition);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void Transition_FromEveryStatus_EndsWhereTheTableSaysOrIsRefusedAndChangesNothing(DeviceStart start, TwoFactorTransition transition)
    {
        var device = Device(start);
        var before = (device.Status, device.EmployeeId, device.UnitId, device.KeptAt);

        var act = () => Apply(device, transition);

        if (Legal.TryGetValue((start, transition), out var after))
        {
            act();
            device.Status.ShouldBe(after);
        }
        else
        {
            act.ShouldThrow<RuleViolationException>();
            (device.Status, device.EmployeeId, device.UnitId, device.KeptAt).ShouldBe(before);
        }
    }

    [Fact]
    public void PlaceAtUnit_WithoutAPlace_IsRefused()
    {
        var device = Device(DeviceStart.InStock);

        Should.Throw<RuleViolationException>(() => device.PlaceAtUnit(Centrum, " ")).Message.ShouldBe("Ange var på enheten dosan förvaras.");
        device.Status.ShouldBe(TwoFactorDeviceStatus.InStock);
    }

    [Fact]
    public void Return_ForgetsTheHolderAndThePlace()
    {
        var device = Device(DeviceStart.KeptAtUnit);

        device.Return();

        (device.EmployeeId, device.UnitId, device.KeptAt).ShouldBe((null, null, null));
    }

    private static void Apply(TwoFactorDevice device, TwoFactorTransition transition)
    {
        switch (transition)
        {
            case TwoFactorTransition.Issue: device.Issue(Anna, "Hemma"); break;
            case TwoFactorTransition.PlaceAtUnit: device.PlaceAtUnit(Centrum, "Nyckelskåpet"); break;
            case TwoFactorTransition.Return: device.Return(); break;
            case TwoFactorTransition.Block: device.Block("Tappad", new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc)); break;
            case TwoFactorTransition.Retire: device.Retire(); break;
            case TwoFactorTransition.KeepAt: device.KeepAt("Skåp 2"); break;
        }
    }

    private static TwoFactorDevice Device(DeviceStart start)
    {
        var device = new TwoFactorDevice(Municipality, "2F-1");
        switch (start)
        {
            case DeviceStart.Issued: device.Issue(Anna, "Hemma"); break;
            case DeviceStart.KeptAtUnit: device.PlaceAtUnit(Centrum, "Nyckelskåpet"); break;
            case DeviceStart.Blocked: device.Block("Tappad", new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc)); break;
            case DeviceStart.Retired: device.Retire(); break;
        }
        return device;
    }
}
