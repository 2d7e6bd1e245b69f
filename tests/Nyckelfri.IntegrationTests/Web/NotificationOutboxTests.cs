using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Notifications;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The outbox on both databases: what is enqueued is sent once; a failing channel is retried later.</summary>
public sealed class NotificationOutboxTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed class RecordingChannel(bool fail) : INotificationChannel
    {
        public List<Notification> Sent { get; } = [];

        public Task SendAsync(Notification notification, CancellationToken ct)
        {
            if (fail) throw new InvalidOperationException("SMTP server unavailable");
            Sent.Add(notification);
            return Task.CompletedTask;
        }
    }

    private static WorkOrderReference Reference(string number) => new(number, "Montering av lås", "Montera låset", null, "/Arenden/x");

    [DatabaseTheory, DatabaseProviders]
    public async Task Dispatch_PendingMessages_SendsEachOnceAndMarksThemSent(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var number = $"T-{Guid.NewGuid():N}"[..12];
        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            NotificationOutbox.Enqueue(db, NotificationTemplate.StepHandedOver, Reference(number), Roles.Installer, null);
            await db.SaveChangesAsync();
        }

        var channel = new RecordingChannel(fail: false);
        await using (var db = app.SystemContext())
        {
            await new NotificationOutbox(db, channel, NullLogger<NotificationOutbox>.Instance).DispatchAsync(default);
            await new NotificationOutbox(db, channel, NullLogger<NotificationOutbox>.Instance).DispatchAsync(default);
        }

        var sent = channel.Sent.Where(n => n.Subject.Contains(number, StringComparison.Ordinal)).ShouldHaveSingleItem("sent once, not again");
        sent.RecipientRole.ShouldBe(Roles.Installer);
        await using var check = app.SystemContext();
        var stored = await check.Notifications.SingleAsync(n => n.Id == sent.Id);
        stored.Status.ShouldBe(NotificationStatus.Sent);
        stored.MunicipalityId.ShouldBe(app.World.MunicipalityA);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Dispatch_ChannelFails_KeepsTheMessagePendingForALaterAttempt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        Guid id;
        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            id = NotificationOutbox.Enqueue(db, NotificationTemplate.Overdue, Reference("T-FAIL"), Roles.Coordinator, app.World.ExternalUnit).Id;
            await db.SaveChangesAsync();
        }

        await using (var db = app.SystemContext())
            await new NotificationOutbox(db, new RecordingChannel(fail: true), NullLogger<NotificationOutbox>.Instance).DispatchAsync(default);

        await using var check = app.SystemContext();
        var stored = await check.Notifications.SingleAsync(n => n.Id == id);
        stored.Status.ShouldBe(NotificationStatus.Pending);
        stored.Attempts.ShouldBe(1);
        stored.LastError.ShouldBe("InvalidOperationException: SMTP server unavailable");
        stored.NextAttemptAt.ShouldBeGreaterThan(stored.CreatedAt);
    }
}
