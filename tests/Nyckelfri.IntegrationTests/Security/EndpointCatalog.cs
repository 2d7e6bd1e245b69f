using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>Every endpoint of the running app, read from its routing: API routes and Razor pages alike.</summary>
public sealed record AppEndpoint(string Key, string Method, string Path, bool IsPage, bool AllowsAnonymous, bool DeclaresPolicy)
{
    /// <summary>The endpoint reads a JSON body (minimal APIs record what they accept).</summary>
    public bool AcceptsBody { get; init; }

    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(Describe)
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The API's writes: every POST, PUT, DELETE and PATCH under /api.</summary>
    public static IReadOnlyList<AppEndpoint> ApiWrites(IServiceProvider services) =>
        All(services).Where(e => e.IsApiWrite).ToList();

    public bool IsApiWrite => !IsPage && Path.StartsWith("/api/", StringComparison.Ordinal) && Method is "POST" or "PUT" or "DELETE" or "PATCH";

    private static IEnumerable<AppEndpoint> Describe(RouteEndpoint endpoint)
    {
        var path = PathOf(endpoint);
        var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var declares = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var methods = isPage ? ["PAGE"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        foreach (var method in methods)
            yield return new AppEndpoint($"{method} {path}", method, path, isPage, anonymous, declares)
            {
                AcceptsBody = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { } accepts
                              && accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)),
            };
    }

    internal static string PathOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
}

/// <summary>
/// Every handler of a Razor page that is not a GET (OnPost…, OnPut…, OnDelete…), found from the pages'
/// compiled action descriptors. Its key is the method, the page's route and, for a named handler, the
/// query string that reaches it: "POST /Nycklar/Digitala/{id:guid}?handler=Block"; "POST /Brukare/Ny"
/// for a page's unnamed OnPost.
/// </summary>
public sealed record PageHandler(string Key, string Method, string Path, string? Name, bool AllowsAnonymous)
{
    /// <summary>The URL that reaches this handler once the route's parameters are filled in.</summary>
    public string Url(string path) => Name is null ? path : $"{path}?handler={Name}";

    public static async Task<IReadOnlyList<PageHandler>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var path = AppEndpoint.PathOf(endpoint);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var handler in page.HandlerMethods.Where(h => !HttpMethods.IsGet(h.HttpMethod) && !HttpMethods.IsHead(h.HttpMethod)))
            {
                var method = handler.HttpMethod.ToUpperInvariant();
                var name = string.IsNullOrEmpty(handler.Name) ? null : handler.Name;
                var key = name is null ? $"{method} {path}" : $"{method} {path}?handler={name}";
                handlers.Add(new PageHandler(key, method, path, name, anonymous));
            }
        }
        return handlers.DistinctBy(h => h.Key).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }
}
