using Nyckelfri.Devices;
using Nyckelfri.History;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The device register and its named transitions. Each transition answers with the device as it is
/// now; an illegal one (scrapping a mounted lock, a second lock for a household) is a 409 ProblemDetails.
/// </summary>
public static class DevicesApi
{
    public static void MapDevicesApi(this IEndpointRouteBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Utrustning");

        devices.MapGet("/", (ListDevices list, string? search, DeviceKind? kind, DeviceStatus? status, Guid? modelId,
                    Guid? stockLocationId, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListDevices.Query(search, kind, status, modelId, stockLocationId, page, pageSize), ct))
            .RequireAuthorization(Policies.DevicesRead);

        devices.MapGet("/{id:guid}", (Guid id, GetDevice get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.DevicesRead);

        devices.MapGet("/{id:guid}/history", async (Guid id, GetDevice get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DevicesRead);

        devices.MapPut("/{id:guid}", async (Guid id, EditDevice.Command command, EditDevice edit, GetDevice get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DevicesWrite);

        Transition<ReserveDevice.Command, ReserveDevice>(devices, "reserve", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<CancelDeviceReservation.Command, CancelDeviceReservation>(devices, "cancel-reservation", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<InstallDevice.Command, InstallDevice>(devices, "install", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<UninstallDevice.Command, UninstallDevice>(devices, "uninstall", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<ReportDeviceFault.Command, ReportDeviceFault>(devices, "report-fault", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<ResolveDeviceFault.Command, ResolveDeviceFault>(devices, "resolve-fault", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<SendDeviceForRepair.Command, SendDeviceForRepair>(devices, "send-for-repair", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<ReturnDeviceFromRepair.Command, ReturnDeviceFromRepair>(devices, "return-from-repair", (h, id, c, ct) => h.Handle(id, c, ct));
        Transition<ScrapDevice.Command, ScrapDevice>(devices, "scrap", (h, id, c, ct) => h.Handle(id, c, ct));
    }

    // POST /{id}/<action> with the command as the body; the answer is the device after the change.
    private static void Transition<TCommand, THandler>(RouteGroupBuilder devices, string action,
        Func<THandler, Guid, TCommand, CancellationToken, Task<int>> run) where THandler : notnull =>
        devices.MapPost($"/{{id:guid}}/{action}", async (Guid id, TCommand command, THandler handler, GetDevice get, CancellationToken ct) =>
            {
                await run(handler, id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DevicesWrite);
}
