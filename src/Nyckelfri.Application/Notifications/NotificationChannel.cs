using Microsoft.Extensions.Logging;

namespace Nyckelfri.Notifications;

/// <summary>
/// Delivers one outbox message to the people of its recipient role (and unit): e-mail, SMS, a
/// chat integration. Throws when delivery failed; the outbox retries with back-off.
/// </summary>
public interface INotificationChannel
{
    Task SendAsync(Notification notification, CancellationToken ct);
}

/// <summary>
/// The development channel: writes each message to the log instead of sending it. The message text
/// carries no personal data by construction (<see cref="NotificationTemplate"/>), so logging it is safe.
/// </summary>
public sealed partial class LogNotificationChannel(ILogger<LogNotificationChannel> logger) : INotificationChannel
{
    public Task SendAsync(Notification notification, CancellationToken ct)
    {
        Sent(logger, notification.RecipientRole, notification.RecipientUnitId, notification.Template, notification.Subject, notification.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification to {Role} (unit {UnitId}), template {Template}: {Subject} {Link}")]
    private static partial void Sent(ILogger logger, string role, Guid? unitId, string template, string subject, string link);
}
