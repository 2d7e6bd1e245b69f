using Nyckelfri.Common;
using Nyckelfri.Notifications;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Sends the outbox every <c>Notifications:IntervalSeconds</c> (default 30; 0 turns it off, as the
/// tests do to send on demand). Runs as the system across municipalities: each message already names
/// its municipality and recipient role.
/// </summary>
public sealed partial class NotificationDispatcher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<NotificationDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Notifications:IntervalSeconds", 30);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
                await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().DispatchAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; messages stay pending in the outbox.
                Failed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the notification outbox failed: {Error}")]
    private static partial void Failed(ILogger logger, string error);
}
