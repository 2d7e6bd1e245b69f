using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;

namespace Nyckelfri.Web.Errors;

/// <summary>
/// The one place where business errors become HTTP answers (STYLE.md §4): RFC 9457 ProblemDetails
/// for the API; pages catch them as form errors themselves, and anything left goes to the error page.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            // Only the exception type: messages may carry data from the request.
            logger.LogError("Unhandled {ExceptionType} on {Method} {Endpoint}", exception.GetType().FullName,
                context.Request.Method, context.GetEndpoint()?.DisplayName);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError, Title = "Ett oväntat fel inträffade.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            };
        }
        // The middleware has already switched the request path to its error page (/Fel/500) when it
        // asks the handlers; the path the client asked for is kept in the path feature.
        var requestPath = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (!requestPath.StartsWithSegments("/api"))
        {
            // Pages: the status page (re-executed by the status-code middleware) explains in Swedish.
            if (problem.Status == StatusCodes.Status500InternalServerError) return false;
            context.Response.StatusCode = problem.Status!.Value;
            return true;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationFailedException v => new HttpValidationProblemDetails(
            v.Errors.ToDictionary(e => ToJsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest, Title = "Uppgifterna innehåller fel.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        },
        NotFoundException n => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound, Title = "Finns inte.", Detail = n.Message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        },
        ConcurrencyConflictException c => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "Ändrat av någon annan.", Detail = c.Message,
            Type = "https://nyckelfri.se/problem/concurrency-conflict",
        },
        RuleViolationException r => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "Inte tillåtet i nuvarande läge.", Detail = r.Message,
            Type = "https://nyckelfri.se/problem/" + r.Code,
        },
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode, Title = "Felaktig begäran.",
            Detail = b.StatusCode == StatusCodes.Status400BadRequest
                ? "Begäran kunde inte läsas: kontrollera att JSON är giltig och att fälten har rätt typ."
                : null,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        },
        _ => null,
    };

    private static string ToJsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
