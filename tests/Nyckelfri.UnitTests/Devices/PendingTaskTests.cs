using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

public class PendingTaskTests
{
    private static readonly DateTime OpenedAt = new(2026, 11, 20, 8, 15, 0, DateTimeKind.Utc);

    private static PendingTask NewTask(Guid? unitId = null)
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        return new PendingTask(device, PendingTaskKind.BatteryChange, unitId, 12, OpenedAt);
    }

    [Fact]
    public void Constructor_LowBattery_OpenTaskForTheDevice()
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        var unitId = Guid.CreateVersion7();

        var task = new PendingTask(device, PendingTaskKind.BatteryChange, unitId, 12, OpenedAt);

        task.Status.ShouldBe(PendingTaskStatus.Open);
        task.DeviceId.ShouldBe(device.Id);
        task.MunicipalityId.ShouldBe(device.MunicipalityId);
        task.UnitId.ShouldBe(unitId);
        task.Level.ShouldBe(12);
        task.OpenedAt.ShouldBe(OpenedAt);
        task.DoneAt.ShouldBeNull();
    }

    [Fact]
    public void Complete_Open_DoneWithWhoWhenAndNote()
    {
        var task = NewTask();
        var at = OpenedAt.AddDays(1);

        task.Complete("Erik Johansson", at, "Bytt till nytt batteri");

        task.Status.ShouldBe(PendingTaskStatus.Done);
        task.DoneAt.ShouldBe(at);
        task.DoneBy.ShouldBe("Erik Johansson");
        task.Note.ShouldBe("Bytt till nytt batteri");
    }

    [Fact]
    public void Complete_Twice_ThrowsTaskClosedAndKeepsFirstCompletion()
    {
        var task = NewTask();
        task.Complete("Erik Johansson", OpenedAt.AddDays(1), null);

        var error = Should.Throw<RuleViolationException>(() => task.Complete("Anna Berg", OpenedAt.AddDays(2), "Igen"));

        error.Code.ShouldBe("task-closed");
        error.Message.ShouldBe("Uppgiften är redan klar.");
        task.DoneBy.ShouldBe("Erik Johansson");
        task.DoneAt.ShouldBe(OpenedAt.AddDays(1));
        task.Note.ShouldBeNull();
    }

    [Fact]
    public void SwedishName_BatteryChange_Batteribyte() =>
        PendingTask.SwedishName(PendingTaskKind.BatteryChange).ShouldBe("Batteribyte");
}
