using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Notifications;

/// <summary>
/// The outbox: <see cref="Enqueue"/> adds a message in the caller's transaction (it is sent only if
/// the change it tells about is saved); <see cref="DispatchAsync"/> sends what is due, one message at
/// a time, marking each sent or failed (with back-off) in its own save, so that a crash sends a
/// message at most once more, never loses one.
/// </summary>
public sealed partial class NotificationOutbox(NyckelfriDbContext db, INotificationChannel channel, ILogger<NotificationOutbox> logger) : IHandler
{
    public const int BatchSize = 50;

    public static Notification Enqueue(NyckelfriDbContext db, NotificationTemplate template, WorkOrderReference reference,
        string recipientRole, Guid? recipientUnitId)
    {
        var notification = new Notification(db.Scope.MunicipalityId, recipientRole, recipientUnitId, template.Render(reference), db.Clock.UtcNow());
        db.Notifications.Add(notification);
        return notification;
    }

    /// <returns>How many messages were sent.</returns>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var now = db.Clock.UtcNow();
        var due = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var notification in due)
        {
            try
            {
                await channel.SendAsync(notification, ct);
                notification.MarkSent(db.Clock.UtcNow());
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notification.MarkFailed(db.Clock.UtcNow(), e.GetType().Name + ": " + e.Message);
                Failed(logger, notification.Id, notification.Attempts, e.GetType().Name);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} could not be sent (attempt {Attempt}): {Error}")]
    private static partial void Failed(ILogger logger, Guid id, int attempt, string error);
}
