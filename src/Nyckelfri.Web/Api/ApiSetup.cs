namespace Nyckelfri.Web.Api;

/// <summary>The REST API, /api/v1: one file per area, each endpoint with its own policy.</summary>
public static class ApiSetup
{
    public static IEndpointRouteBuilder MapNyckelfriApi(this IEndpointRouteBuilder app)
    {
        // A missing or null body is a 400 everywhere (BodyRequired), whatever the handler's parameter says.
        var api = app.MapGroup("/api/v1").AddEndpointFilterFactory(BodyRequired.Filter);
        api.MapAuthApi();
        api.MapAccountApi();
        api.MapPropertyOwnersApi();
        api.MapAddressesApi();
        api.MapHouseholdsApi();
        api.MapCareServicesApi();
        api.MapClientsApi();
        api.MapAdminApi();
        api.MapProvidersApi();
        api.MapEmployeesApi();
        api.MapKeysApi();
        api.MapDevicesApi();
        api.MapStockApi();
        api.MapBatteriesApi();
        api.MapWorkOrdersApi();
        api.MapDigitalKeysApi();
        api.MapPermissionsApi();
        api.MapAccessLogApi();
        api.MapVisitsApi();
        api.MapAccessApi();
        api.MapDeviceKeysApi();
        api.MapIssuerKeysApi();
        api.MapSecurityEventsApi();
        return app;
    }

    /// <summary>Wraps a value so that a JSON body is always an object.</summary>
    public sealed record Value<T>(T Data);
}
