using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>Every endpoint of the running app, read from its routing: API routes and Razor pages alike.</summary>
public sealed record AppEndpoint(string Key, string Method, string Path, bool IsPage, bool AllowsAnonymous, bool DeclaresPolicy)
{
    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(Describe)
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<AppEndpoint> Describe(RouteEndpoint endpoint)
    {
        var path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                     || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var declares = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var methods = isPage ? ["PAGE"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        foreach (var method in methods)
            yield return new AppEndpoint($"{method} {path}", method, path, isPage, anonymous, declares);
    }
}
