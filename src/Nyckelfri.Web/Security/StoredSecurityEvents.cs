using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>
/// Records each security event twice: as a structured log event (<see cref="LoggingSecurityEvents"/>) and as
/// a row of the security log that the system administrator reads. The row is written by a context of its
/// own, so it is stored even when the request's own work fails or is never saved (a failed login, a refused
/// search). What the caller leaves out (who, which municipality, from where) is taken from the request.
/// A failure to store is logged and does not fail the request: the log line has been written already.
/// </summary>
public sealed partial class StoredSecurityEvents(
    LoggingSecurityEvents log, IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock,
    ILogger<StoredSecurityEvents> logger) : ISecurityEvents
{
    public async Task RecordAsync(SecurityEvent securityEvent, CancellationToken ct = default)
    {
        var e = Completed(securityEvent);
        await log.RecordAsync(e, ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<NyckelfriDbContext>>();
            await using var db = new NyckelfriDbContext(options, AccessScope.System(), clock);
            db.SecurityEvents.Add(new SecurityEventRecord(e, e.MunicipalityId, clock.GetUtcNow().UtcDateTime));
            // Not the request's token: an aborted request's event is stored all the same.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            NotStored(logger, e.Kind, ex.GetType().FullName);
        }
    }

    private SecurityEvent Completed(SecurityEvent e)
    {
        var context = http.HttpContext;
        if (context is null) return e;
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        return e with
        {
            MunicipalityId = e.MunicipalityId ?? (signedIn && Guid.TryParse(user.FindFirstValue(NyckelfriClaims.Municipality), out var m) ? m : null),
            UserId = e.UserId ?? (signedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null),
            UserName = e.UserName ?? (signedIn ? user.Identity!.Name : null),
            RemoteAddress = e.RemoteAddress ?? context.Connection.RemoteIpAddress?.ToString(),
        };
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Error, Message = "Security event {Kind} could not be stored ({ExceptionType}); it is in the log only")]
    private static partial void NotStored(ILogger logger, SecurityEventKind kind, string? exceptionType);
}

public static class SecurityEventsSetup
{
    /// <summary>Security events go to the log and to the security-log table (replacing the logging-only recorder).</summary>
    public static IServiceCollection AddNyckelfriSecurityEvents(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<LoggingSecurityEvents>();
        services.Replace(ServiceDescriptor.Singleton<ISecurityEvents, StoredSecurityEvents>());
        return services;
    }
}
