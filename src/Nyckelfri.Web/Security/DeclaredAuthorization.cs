using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nyckelfri.Web.Security;

/// <summary>
/// Start-up refuses an app in which a page or endpoint declares no authorization (STYLE.md §5): each must
/// name a policy (<c>[Authorize(Policy = ...)]</c>, <c>RequireAuthorization(policy)</c>) or say
/// <c>[AllowAnonymous]</c>. A bare <c>[Authorize]</c> is not a declaration. A page's handlers (OnPost…) run
/// under the page's declaration: Razor Pages have no per-handler authorization.
/// </summary>
public static class DeclaredAuthorization
{
    /// <summary>The endpoints that declare nothing, named as "METHOD route" (or "PAGE route").</summary>
    public static IReadOnlyList<string> Undeclared(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(NameOf)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Throws, naming every endpoint that declares nothing; the host then does not start.</summary>
    public static void RefuseUndeclaredEndpoints(this WebApplication app)
    {
        // The app's own data sources: the container's composite is only complete once the app runs.
        var endpoints = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);
        // A check that sees nothing would pass for nothing: fail closed.
        if (!endpoints.Endpoints.OfType<RouteEndpoint>().Any())
            throw new InvalidOperationException("No endpoints are mapped yet: call RefuseUndeclaredEndpoints after mapping them.");
        var undeclared = Undeclared(endpoints);
        if (undeclared.Count > 0)
            throw new InvalidOperationException(
                "These endpoints declare no authorization (a policy or AllowAnonymous), so the app will not start: "
                + string.Join(", ", undeclared) + ". See docs/security.md, Failing closed.");
    }

    private static string NameOf(RouteEndpoint endpoint)
    {
        var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null) return "PAGE " + route;
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return (methods is { Count: > 0 } ? string.Join('|', methods) : "ANY") + " " + route;
    }
}
