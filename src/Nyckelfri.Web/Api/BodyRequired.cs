using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Every API endpoint that reads a JSON body refuses a missing or <c>null</c> one as 400 ProblemDetails
/// with the code <see cref="Code"/>. Minimal APIs already refuse them for a body parameter declared
/// non-nullable (the binder throws, <see cref="Errors.ProblemMapping"/> gives the same answer); a
/// parameter whose nullability the binder cannot see (a generic TCommand, an explicit <c>?</c>) would
/// reach the handler as null and fail there with a 500. This filter, on the whole /api group, stops it.
/// Which parameter is the body follows the binder's own rule (<see cref="IsBody"/>); the test that posts
/// null to every endpoint with a body (BadInputTests) shows when the two disagree.
/// </summary>
public static class BodyRequired
{
    public const string Code = "body-required";
    public const string Swedish = "Begäran saknar innehåll: skicka ett JSON-objekt.";

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => IsBody(p, services));
        if (index < 0) return next;
        return invocation => invocation.Arguments[index] is null
            ? throw new BodyMissingException()
            : next(invocation);
    }

    // The binder's rule for a JSON body: [FromBody], or a complex type that is no service, no special
    // type (HttpContext, CancellationToken, ...) and not bound from the route, query, header or form.
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromBodyMetadata>().Any()) return true;
        if (attributes.Any(a => a is IFromServiceMetadata or IFromRouteMetadata or IFromQueryMetadata or IFromHeaderMetadata
                or IFromFormMetadata or AsParametersAttribute or FromKeyedServicesAttribute)) return false;
        var type = parameter.ParameterType;
        if (!type.IsClass || type == typeof(string) || type.IsArray && type.GetElementType() == typeof(string)) return false;
        if (typeof(HttpContext).IsAssignableFrom(type) || typeof(HttpRequest).IsAssignableFrom(type) || typeof(HttpResponse).IsAssignableFrom(type)
            || typeof(System.Security.Claims.ClaimsPrincipal).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type)
            || typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)
            || type == typeof(System.IO.Pipelines.PipeReader)) return false;
        if (type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static) is not null
            || type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is not null) return false;
        return services?.IsService(type) != true;
    }

    /// <summary>Whether the binder's own refusal means "there was no body" (missing, empty or the literal null).</summary>
    public static bool IsMissingBody(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status400BadRequest
        && (exception.Message.Contains("was not provided from body", StringComparison.Ordinal)
            || exception.Message.Contains("no body was provided", StringComparison.Ordinal));
}

/// <summary>The request to an endpoint that needs a body had none (or the JSON literal null).</summary>
public sealed class BodyMissingException() : Exception(BodyRequired.Swedish);
