using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The access-log report (SPEC §7): the lines the caller may see, filtered, newest first; and the same
/// selection as CSV, streamed, for a bounded period (ListAccessEvents.MaxExportDays). Times are UTC in JSON and Swedish local time in the file; names, never a personnummer.
/// </summary>
public static class AccessLogApi
{
    public static void MapAccessLogApi(this IEndpointRouteBuilder api)
    {
        var log = api.MapGroup("/access-log").WithTags("Åtkomstlogg").RequireAuthorization(Policies.AccessLogRead);

        log.MapGet("/", (ListAccessEvents list, Guid? clientId, Guid? employeeId, Guid? lockId, string? lockSerial, DateOnly? from, DateOnly? to,
                    AccessEventKind? kind, AccessOutcome? outcome, string? clientName, string? employeeName, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListAccessEvents.Query(clientId, employeeId, lockId, lockSerial, from, to, kind, outcome, clientName, employeeName,
                    page, pageSize), ct));

        log.MapGet("/export", async (ListAccessEvents list, Guid? clientId, Guid? employeeId, Guid? lockId, string? lockSerial, DateOnly? from,
                    DateOnly? to, AccessEventKind? kind, AccessOutcome? outcome, string? clientName, string? employeeName, CancellationToken ct) =>
                new CsvDownload(await list.CsvLines(new ListAccessEvents.Query(clientId, employeeId, lockId, lockSerial, from, to,
                    kind, outcome, clientName, employeeName), ct), "atkomstlogg.csv"))
            .RequireRateLimiting(RateLimits.Export);
    }
}
