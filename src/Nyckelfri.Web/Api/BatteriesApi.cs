using Nyckelfri.Batteries;
using Nyckelfri.Devices;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Battery levels in (from the lock platform with an API key, or from a person), the low-battery list
/// and the battery changes they open (seed 002 §8).
/// </summary>
public static class BatteriesApi
{
    public static void MapBatteriesApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/devices/battery-reports", (ReportBatteryLevels.Command command, ReportBatteryLevels report, CancellationToken ct) =>
                report.Handle(command, ct))
            .WithTags("Batterier")
            .RequireAuthorization(Policies.BatteryReport);

        api.MapGet("/batteries/low", (ListLowBatteries list, Guid? unitId, DeviceKind? kind, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListLowBatteries.Query(unitId, kind, page, pageSize), ct))
            .WithTags("Batterier")
            .RequireAuthorization(Policies.BatteriesRead);

        api.MapGet("/battery-tasks", (ListBatteryTasks list, PendingTaskStatus? status, Guid? unitId, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListBatteryTasks.Query(status, unitId, page, pageSize), ct))
            .WithTags("Batterier")
            .RequireAuthorization(Policies.BatteriesRead);

        api.MapPost("/battery-tasks/{id:guid}/complete", async (Guid id, CompleteBatteryTask.Command command, CompleteBatteryTask complete,
                ListBatteryTasks tasks, CancellationToken ct) =>
            {
                await complete.Handle(id, command, ct);
                return await tasks.Get(id, ct);
            })
            .WithTags("Batterier")
            .RequireAuthorization(Policies.BatteryTasksWrite);
    }
}
