using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Visits (seed 003 §5): the list, the NFC tags at homes without a lock, the staff app's NFC scan, and
/// the municipality's visit webhook (system administrators). The API carries ids; names only in the list.
/// </summary>
public static class VisitsApi
{
    public static void MapVisitsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/visits", (ListVisits list, Guid? clientId, Guid? unitId, Guid? employeeId, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                    CancellationToken ct) =>
                list.Handle(new ListVisits.Query(clientId, unitId, employeeId, from, to, page, pageSize), ct))
            .WithTags("Besök").RequireAuthorization(Policies.VisitsRead);

        // The staff app: the logged-in employee scanned the tag at the client's door.
        api.MapPost("/nfc-scans", (RecordNfcScan.Command command, RecordNfcScan scan, CancellationToken ct) => scan.Handle(command, ct))
            .WithTags("Besök").RequireAuthorization(Policies.NfcScan);

        MapNfcTags(api);
        MapWebhook(api.MapGroup("/admin/visit-webhook").WithTags("Administration").RequireAuthorization(Policies.MunicipalityAdmin));
    }

    private static void MapNfcTags(IEndpointRouteBuilder api)
    {
        api.MapGet("/clients/{clientId:guid}/nfc-tags", (Guid clientId, ClientNfcTags tags, CancellationToken ct) => tags.Handle(clientId, ct))
            .WithTags("Besök").RequireAuthorization(Policies.VisitsRead);

        api.MapPost("/clients/{clientId:guid}/nfc-tags", async Task<Created<NfcTagItem>> (Guid clientId, RegisterNfcTag.Command command,
                RegisterNfcTag register, GetNfcTag get, CancellationToken ct) =>
            {
                var id = await register.Handle(clientId, command, ct);
                return TypedResults.Created($"/api/v1/nfc-tags/{id}", await get.Handle(id, ct));
            })
            .WithTags("Besök").RequireAuthorization(Policies.NfcTagsWrite);

        api.MapGet("/nfc-tags/{id:guid}", (Guid id, GetNfcTag get, CancellationToken ct) => get.Handle(id, ct))
            .WithTags("Besök").RequireAuthorization(Policies.VisitsRead);

        // Deactivates: the tag stays on record (its scans are in the access log), it just registers nothing more.
        api.MapDelete("/nfc-tags/{id:guid}", async (Guid id, DeactivateNfcTag deactivate, CancellationToken ct) =>
            {
                await deactivate.Handle(id, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Besök").RequireAuthorization(Policies.NfcTagsWrite);
    }

    private static void MapWebhook(RouteGroupBuilder webhook)
    {
        webhook.MapGet("/", (VisitWebhookSettings settings, CancellationToken ct) => settings.Get(ct));

        // The answer carries the secret in clear only when this change made a new one.
        webhook.MapPut("/", (VisitWebhookSettings.Command command, VisitWebhookSettings settings, CancellationToken ct) => settings.Handle(command, ct));

        webhook.MapDelete("/", async (VisitWebhookSettings settings, CancellationToken ct) =>
        {
            await settings.Disable(ct);
            return TypedResults.NoContent();
        });

        webhook.MapPost("/retry", async (VisitWebhookSettings.RetryCommand command, VisitWebhookSettings settings, CancellationToken ct) =>
            new { retried = await settings.Retry(command, ct) });
    }
}
