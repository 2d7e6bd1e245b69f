using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.Access;
using Nyckelfri.History;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The staff's digital keys and 2-factor devices (seed 001): register into stock, order for a new
/// employee, make ready, hand out and take back against signed receipts, block at once, retire, move
/// between stocks. Each action answers with the key (or device) as it is now, newest receipt first.
/// </summary>
public static class DigitalKeysApi
{
    private const string Tag = "Digitala nycklar";

    public static void MapDigitalKeysApi(this IEndpointRouteBuilder api)
    {
        MapKeys(api.MapGroup("/digital-keys").WithTags(Tag));
        MapDevices(api.MapGroup("/two-factor-devices").WithTags(Tag));
        api.MapGet("/digital-key-receipts/{id:guid}", (Guid id, GetDigitalKeyReceipt get, CancellationToken ct) => get.Handle(id, ct))
            .WithTags(Tag).RequireAuthorization(Policies.DigitalKeysRead);
    }

    private static void MapKeys(RouteGroupBuilder keys)
    {
        keys.MapGet("/", (ListDigitalKeys list, DigitalKeyStatus? status, KeyStock? stock, string? search, Guid? employeeId, int? page, int? pageSize,
                CancellationToken ct) => list.Handle(new ListDigitalKeys.Query(status, stock, search, employeeId, page, pageSize), ct))
            .RequireAuthorization(Policies.DigitalKeysRead);

        keys.MapPost("/", async Task<Created<GetDigitalKey.Details>> (RegisterDigitalKey.Command command, RegisterDigitalKey register,
                GetDigitalKey get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/digital-keys/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/orders", async Task<Created<GetDigitalKey.Details>> (OrderDigitalKey.Command command, OrderDigitalKey order,
                GetDigitalKey get, CancellationToken ct) =>
            {
                var id = await order.Handle(command, ct);
                return TypedResults.Created($"/api/v1/digital-keys/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.DigitalKeysOrder);

        keys.MapGet("/{id:guid}", (Guid id, GetDigitalKey get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.DigitalKeysRead);

        keys.MapGet("/{id:guid}/history", async (Guid id, GetDigitalKey get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysRead);

        keys.MapPost("/{id:guid}/make-ready", async (Guid id, MakeDigitalKeyReady.Command command, MakeDigitalKeyReady handler, GetDigitalKey get,
                CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/{id:guid}/issue", async (Guid id, IssueDigitalKey.Command command, IssueDigitalKey handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/{id:guid}/return", async (Guid id, ReturnDigitalKey.Command command, ReturnDigitalKey handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/{id:guid}/block", async (Guid id, BlockDigitalKey.Command command, BlockDigitalKey handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysBlock);

        keys.MapPost("/{id:guid}/retire", async (Guid id, RetireDigitalKey.Command command, RetireDigitalKey handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/{id:guid}/move", async (Guid id, MoveDigitalKey.Command command, MoveDigitalKey handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        keys.MapPost("/{id:guid}/kept-at", async (Guid id, KeepDigitalKeyAt.Command command, KeepDigitalKeyAt handler, GetDigitalKey get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);
    }

    private static void MapDevices(RouteGroupBuilder devices)
    {
        devices.MapGet("/", (ListTwoFactorDevices list, TwoFactorDeviceStatus? status, string? search, Guid? employeeId, int? page, int? pageSize,
                CancellationToken ct) => list.Handle(new ListTwoFactorDevices.Query(status, search, employeeId, page, pageSize), ct))
            .RequireAuthorization(Policies.DigitalKeysRead);

        devices.MapPost("/", async Task<Created<GetTwoFactorDevice.Details>> (RegisterTwoFactorDevice.Command command, RegisterTwoFactorDevice register,
                GetTwoFactorDevice get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/two-factor-devices/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        devices.MapGet("/{id:guid}", (Guid id, GetTwoFactorDevice get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.DigitalKeysRead);

        devices.MapGet("/{id:guid}/history", async (Guid id, GetTwoFactorDevice get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysRead);

        devices.MapPost("/{id:guid}/issue", async (Guid id, IssueTwoFactorDevice.Command command, IssueTwoFactorDevice handler, GetTwoFactorDevice get,
                CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        devices.MapPost("/{id:guid}/place-at-unit", async (Guid id, PlaceTwoFactorDeviceAtUnit.Command command, PlaceTwoFactorDeviceAtUnit handler,
                GetTwoFactorDevice get, CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        devices.MapPost("/{id:guid}/return", async (Guid id, ReturnTwoFactorDevice.Command command, ReturnTwoFactorDevice handler, GetTwoFactorDevice get,
                CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);

        devices.MapPost("/{id:guid}/block", async (Guid id, BlockTwoFactorDevice.Command command, BlockTwoFactorDevice handler, GetTwoFactorDevice get,
                CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysBlock);

        devices.MapPost("/{id:guid}/kept-at", async (Guid id, KeepTwoFactorDeviceAt.Command command, KeepTwoFactorDeviceAt handler, GetTwoFactorDevice get,
                CancellationToken ct) =>
            {
                await handler.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DigitalKeysWrite);
    }
}
