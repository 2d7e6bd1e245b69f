using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>The security log of the caller's municipality, for its system administrator (docs/security.md).</summary>
public static class SecurityEventsApi
{
    public static void MapSecurityEventsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/security-events", (ListSecurityEvents list, SecurityEventKind? kind, string? userId, DateOnly? from, DateOnly? to,
                    int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListSecurityEvents.Query(kind, userId, from, to, page, pageSize), ct))
            .RequireAuthorization(Policies.MunicipalityAdmin)
            .WithTags("Säkerhetslogg");
    }
}
