using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Routines as work orders (SPEC §5): lists, the caller's inbox, the CSV export, one order, and its
/// transitions. Only the role owning the current step may act on it (409 "work-order-not-your-step");
/// a stale version is a 409 as everywhere. The API carries ids, never client names.
/// </summary>
public static class WorkOrdersApi
{
    public static void MapWorkOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/work-orders").WithTags("Ärenden");

        orders.MapGet("/", (ListWorkOrders list, RoutineKind? kind, WorkOrderState? state, bool? active, string? ownerRole, bool? overdue,
                    Guid? clientId, Guid? entranceId, string? search, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListWorkOrders.Query(kind, state, active ?? false, ownerRole, overdue ?? false, false, clientId, entranceId,
                    search, page, pageSize), ct))
            .RequireAuthorization(Policies.WorkOrdersRead);

        // The same filters as the list, as a file; it carries no personal data (numbers, kinds, steps, roles, units, dates).
        orders.MapGet("/export", async (ListWorkOrders list, RoutineKind? kind, WorkOrderState? state, bool? active, string? ownerRole,
                    bool? overdue, Guid? clientId, Guid? entranceId, string? search, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(await list.Csv(new ListWorkOrders.Query(kind, state,
                    active ?? false, ownerRole, overdue ?? false, false, clientId, entranceId, search), ct))).ToArray(),
                    "text/csv; charset=utf-8", "arenden.csv"))
            .RequireAuthorization(Policies.WorkOrdersRead)
            .RequireRateLimiting(RateLimits.Export);

        api.MapGet("/inbox", (ListWorkOrders list, RoutineKind? kind, bool? overdue, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListWorkOrders.Query(kind, Overdue: overdue ?? false, Mine: true, Page: page, PageSize: pageSize), ct))
            .WithTags("Ärenden")
            .RequireAuthorization(Policies.WorkOrdersRead);

        orders.MapGet("/{id:guid}", (Guid id, GetWorkOrder get, CancellationToken ct) => get.Handle(id, includeClientName: false, ct))
            .RequireAuthorization(Policies.WorkOrdersRead);

        orders.MapGet("/{id:guid}/history", async (Guid id, GetWorkOrder get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, includeClientName: false, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.WorkOrdersRead);

        orders.MapPost("/", async Task<Created<GetWorkOrder.View>> (OpenWorkOrder.Command command, OpenWorkOrder open, GetWorkOrder get,
                CancellationToken ct) =>
            {
                var id = await open.Handle(command, ct);
                return TypedResults.Created($"/api/v1/work-orders/{id}", await get.Handle(id, includeClientName: false, ct));
            })
            .RequireAuthorization(Policies.WorkOrdersWrite);

        Action<ConfirmWorkOrder.Command, ConfirmWorkOrder>(orders, "confirm", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<DismissWorkOrder.Command, DismissWorkOrder>(orders, "dismiss", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<CancelWorkOrder.Command, CancelWorkOrder>(orders, "cancel", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<TakeStep.Command, TakeStep>(orders, "take", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<BookWorkOrder.Command, BookWorkOrder>(orders, "book", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<AnswerCheckpoint.Command, AnswerCheckpoint>(orders, "answers", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<CompleteStep.Command, CompleteStep>(orders, "complete", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<SendBackStep.Command, SendBackStep>(orders, "send-back", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<RerouteWorkOrder.Command, RerouteWorkOrder>(orders, "reroute", (h, id, c, ct) => h.Handle(id, c, ct));
        Action<CommentWorkOrder.Command, CommentWorkOrder>(orders, "comments", async (h, id, c, ct) =>
        {
            await h.Handle(id, c, ct);
            return 0;
        });

        MapRoutineConfiguration(api);
    }

    // POST /{id}/<action> with the command as the body; the answer is the order after the change.
    private static void Action<TCommand, THandler>(RouteGroupBuilder orders, string action,
        Func<THandler, Guid, TCommand, CancellationToken, Task<int>> run) where THandler : notnull =>
        orders.MapPost($"/{{id:guid}}/{action}", async (Guid id, TCommand command, THandler handler, GetWorkOrder get, CancellationToken ct) =>
            {
                await run(handler, id, command, ct);
                return await get.Handle(id, includeClientName: false, ct);
            })
            .RequireAuthorization(Policies.WorkOrdersWrite);

    /// <summary>Who owns each step in this municipality (SPEC §1.2): switch preset, or give one step to another role. Administrators only.</summary>
    private static void MapRoutineConfiguration(IEndpointRouteBuilder api)
    {
        var configuration = api.MapGroup("/routine-configuration").WithTags("Rutinkonfiguration")
            .RequireAuthorization(Policies.MunicipalityAdmin);

        configuration.MapGet("/", (RoutineConfiguration routines, CancellationToken ct) => routines.Get(ct));

        configuration.MapPost("/preset", async (RoutineConfiguration.SwitchCommand command, RoutineConfiguration routines, CancellationToken ct) =>
        {
            await routines.Switch(command, ct);
            return await routines.Get(ct);
        });

        // A routed step (the fault report's) is reassigned per route: ?route=household-lock | entrance-lock | software.
        configuration.MapPut("/steps/{stepCode}", async (string stepCode, string? route, RoutineConfiguration.ReassignCommand command,
            RoutineConfiguration routines, CancellationToken ct) =>
        {
            await routines.Reassign(stepCode, route, command, ct);
            return await routines.Get(ct);
        });
    }
}
