using Nyckelfri.Common;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Posts finished visits to the municipalities' webhooks every <c>Visits:WebhookIntervalSeconds</c>
/// (default 30; 0 turns it off, as the tests do to deliver on demand). Runs as the system across
/// municipalities; <see cref="VisitWebhookSender"/> does the work and keeps each delivery's state.
/// </summary>
public sealed partial class VisitWebhookDispatcher(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<VisitWebhookDispatcher> logger) : BackgroundService
{
    public const string IntervalSetting = "Visits:WebhookIntervalSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(IntervalSetting, 30);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
                await scope.ServiceProvider.GetRequiredService<VisitWebhookSender>().DeliverDueAsync(clock.UtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; the deliveries stay queued.
                Failed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting visits to the webhook failed: {Error}")]
    private static partial void Failed(ILogger logger, string error);
}
