using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;

namespace Nyckelfri.Web.Errors;

/// <summary>
/// The one place where business errors become HTTP answers (STYLE.md §4): RFC 9457 ProblemDetails
/// for the API; pages catch them as form errors themselves, and anything left goes to the error page.
/// </summary>
public sealed class ProblemMapping(ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (exception is Nyckelfri.Access.IssuerKeyUnavailableException unavailable)
            logger.LogError("Issuer key {KeyId} cannot be decrypted: this host's key-encryption certificate does not open the key ring " +
                "that protects it (docs/key-custody.md). Nothing was signed.", unavailable.KeyId);
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
        // The middleware has already pointed the request at the error page; the original path says
        // whether an API client or a person asked.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            // Pages: the status page (re-executed by the status-code middleware) explains in Swedish.
            if (problem.Status == StatusCodes.Status500InternalServerError) return false;
            context.Response.StatusCode = problem.Status!.Value;
            return true;
        }
        // Written directly rather than through IProblemDetailsService, whose content negotiation
        // declines clients that send no Accept header: an API error must always have its body.
        context.Response.StatusCode = problem.Status!.Value;
        problem.Extensions["traceId"] = context.TraceIdentifier;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", ct);
        return true;
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
        Access.LockEventsRefusedException l => LockEventsRefused(l),
        RuleViolationException r => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "Inte tillåtet i nuvarande läge.", Detail = r.Message,
            Type = "https://nyckelfri.se/problem/" + r.Code,
            Extensions = { ["code"] = r.Code },
        },
        Nyckelfri.Access.IssuerKeyUnavailableException => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "Utfärdarnyckeln kan inte läsas.",
            Detail = Nyckelfri.Access.IssuerKeyUnavailableException.Swedish,
            Type = "https://nyckelfri.se/problem/" + Nyckelfri.Access.IssuerKeyUnavailableException.Code,
            Extensions = { ["code"] = Nyckelfri.Access.IssuerKeyUnavailableException.Code },
        },
        Api.BodyMissingException => BodyMissing(),
        BadHttpRequestException b when Api.BodyRequired.IsMissingBody(b) => BodyMissing(),
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode, Title = "Felaktig begäran.",
            Detail = b.StatusCode == StatusCodes.Status400BadRequest
                ? "Begäran kunde inte läsas: kontrollera att JSON är giltig och att fälten har rätt typ."
                : null,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Extensions = { ["code"] = b.StatusCode == StatusCodes.Status400BadRequest ? "unreadable-request" : "bad-request" },
        },
        _ => null,
    };

    private static ProblemDetails BodyMissing() => new()
    {
        Status = StatusCodes.Status400BadRequest, Title = "Felaktig begäran.", Detail = Api.BodyRequired.Swedish,
        Type = "https://nyckelfri.se/problem/" + Api.BodyRequired.Code,
        Extensions = { ["code"] = Api.BodyRequired.Code },
    };

    /// <summary>A refused batch of lock events: the stable code, and the event at fault when there is one.</summary>
    private static ProblemDetails LockEventsRefused(Access.LockEventsRefusedException refused)
    {
        var problem = new ProblemDetails
        {
            Status = refused.IsFork ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            Title = "Låshändelserna nekades; inget sparades.", Detail = refused.Message,
            Type = "https://nyckelfri.se/problem/" + refused.Code,
        };
        problem.Extensions["code"] = refused.Code;
        if (refused.Sequence is { } sequence) problem.Extensions["sequence"] = sequence;
        return problem;
    }

    private static string ToJsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
