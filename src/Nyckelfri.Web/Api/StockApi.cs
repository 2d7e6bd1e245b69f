using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.Devices;
using Nyckelfri.History;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Stock (issue 3): device models, stock locations, reorder levels, purchase orders, deliveries and
/// the clients' original lock parts. Stock is the municipality's; receiving a delivery and handling
/// lock parts is the installer's (DevicesWrite).
/// </summary>
public static class StockApi
{
    public static void MapStockApi(this IEndpointRouteBuilder api)
    {
        MapModelsAndLocations(api);
        MapOrdersAndDeliveries(api);
        MapOriginalLockParts(api);
    }

    private static void MapModelsAndLocations(IEndpointRouteBuilder api)
    {
        var models = api.MapGroup("/device-models").WithTags("Lager");
        models.MapGet("/", (ListDeviceModels list, CancellationToken ct) => list.Handle(ct))
            .RequireAuthorization(Policies.StockRead);
        models.MapGet("/{id:guid}", (Guid id, GetDeviceModel get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.StockRead);
        models.MapPost("/", async Task<Created<GetDeviceModel.Details>> (AddDeviceModel.Command command, AddDeviceModel add, GetDeviceModel get, CancellationToken ct) =>
            {
                var id = await add.Handle(command, ct);
                return TypedResults.Created($"/api/v1/device-models/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.StockWrite);
        models.MapPut("/{id:guid}", async (Guid id, EditDeviceModel.Command command, EditDeviceModel edit, GetDeviceModel get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StockWrite);

        var locations = api.MapGroup("/stock-locations").WithTags("Lager");
        locations.MapGet("/", (ListStockLocations list, CancellationToken ct) => list.Handle(ct))
            .RequireAuthorization(Policies.StockRead);
        locations.MapGet("/{id:guid}", (Guid id, GetStockLocation get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.StockRead);
        locations.MapPost("/", async Task<Created<GetStockLocation.Details>> (AddStockLocation.Command command, AddStockLocation add, GetStockLocation get, CancellationToken ct) =>
            {
                var id = await add.Handle(command, ct);
                return TypedResults.Created($"/api/v1/stock-locations/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.StockWrite);
        locations.MapPut("/{id:guid}", async (Guid id, EditStockLocation.Command command, EditStockLocation edit, GetStockLocation get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StockWrite);

        api.MapGet("/stock", (GetStockOverview overview, CancellationToken ct) => overview.Handle(ct))
            .WithTags("Lager").RequireAuthorization(Policies.StockRead);
        api.MapPut("/reorder-levels", (SetReorderLevel.Command command, SetReorderLevel set, CancellationToken ct) => set.Handle(command, ct))
            .WithTags("Lager").RequireAuthorization(Policies.StockWrite);
    }

    private static void MapOrdersAndDeliveries(IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/purchase-orders").WithTags("Lager");
        orders.MapGet("/", (ListPurchaseOrders list, PurchaseOrderStatus? status, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListPurchaseOrders.Query(status, page, pageSize), ct))
            .RequireAuthorization(Policies.StockRead);
        orders.MapGet("/{id:guid}", (Guid id, GetPurchaseOrder get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.StockRead);
        orders.MapGet("/{id:guid}/history", async (Guid id, GetPurchaseOrder get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StockRead);
        orders.MapPost("/", async Task<Created<GetPurchaseOrder.Details>> (PlacePurchaseOrder.Command command, PlacePurchaseOrder place, GetPurchaseOrder get, CancellationToken ct) =>
            {
                var id = await place.Handle(command, ct);
                return TypedResults.Created($"/api/v1/purchase-orders/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.StockWrite);
        orders.MapPost("/{id:guid}/cancel", async (Guid id, CancelPurchaseOrder.Command command, CancelPurchaseOrder cancel, GetPurchaseOrder get, CancellationToken ct) =>
            {
                await cancel.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StockWrite);

        // The delivery itself has no address of its own: its devices and the order it counts on do.
        api.MapPost("/deliveries", async Task<Created<ReceiveDelivery.Result>> (ReceiveDelivery.Command command, ReceiveDelivery receive, CancellationToken ct) =>
                TypedResults.Created((string?)null, await receive.Handle(command, ct)))
            .WithTags("Lager").RequireAuthorization(Policies.DevicesWrite);
    }

    private static void MapOriginalLockParts(IEndpointRouteBuilder api)
    {
        var parts = api.MapGroup("/original-lock-parts").WithTags("Lager");
        parts.MapGet("/", (ListOriginalLockParts list, bool? inStore, Guid? stockLocationId, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListOriginalLockParts.Query(inStore, stockLocationId, page, pageSize), ct))
            .RequireAuthorization(Policies.StockRead);
        parts.MapGet("/{id:guid}", (Guid id, GetOriginalLockPart get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.StockRead);
        parts.MapPost("/", async Task<Created<GetOriginalLockPart.Details>> (StoreOriginalLockPart.Command command, StoreOriginalLockPart store, GetOriginalLockPart get, CancellationToken ct) =>
            {
                var id = await store.Handle(command, ct);
                return TypedResults.Created($"/api/v1/original-lock-parts/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.DevicesWrite);
        parts.MapPost("/{id:guid}/return", async (Guid id, ReturnOriginalLockPart.Command command, ReturnOriginalLockPart returnPart, GetOriginalLockPart get, CancellationToken ct) =>
            {
                await returnPart.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DevicesWrite);
        parts.MapPost("/{id:guid}/move", async (Guid id, MoveOriginalLockPart.Command command, MoveOriginalLockPart move, GetOriginalLockPart get, CancellationToken ct) =>
            {
                await move.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.DevicesWrite);

        api.MapGet("/clients/{clientId:guid}/original-lock-parts", (Guid clientId, ClientLockParts list, CancellationToken ct) => list.Handle(clientId, ct))
            .WithTags("Lager").RequireAuthorization(Policies.DevicesRead);
    }
}
