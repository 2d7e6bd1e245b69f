namespace Nyckelfri.Notifications;

public enum NotificationStatus { Pending, Sent, Failed }

/// <summary>
/// One message in the outbox: written in the same transaction as the change it tells about, sent
/// afterwards by a delivery channel (e-mail, SMS; the log in development), retried with back-off.
/// Its text comes only from a <see cref="NotificationTemplate"/>, so it carries a work-order number,
/// kind, step, due date and link, never a name, personnummer, address, phone number or door code
/// (SPEC §1.3, seed 002: "Inga personuppgifter får anges i mailkonversation").
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 8;

    private Notification() { }

    public Notification(Guid municipalityId, string recipientRole, Guid? recipientUnitId, RenderedNotification message, DateTime createdAt)
    {
        MunicipalityId = municipalityId;
        RecipientRole = recipientRole;
        RecipientUnitId = recipientUnitId;
        Template = message.Template;
        Subject = message.Subject;
        Body = message.Body;
        Link = message.Link;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = NotificationStatus.Pending;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; private set; }

    /// <summary>The role the message is for (the owner of the step handed over), and its unit for provider roles.</summary>
    public string RecipientRole { get; private set; } = "";
    public Guid? RecipientUnitId { get; private set; }
    public string Template { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>Relative link into Nyckelfri (the work order); the channel makes it absolute.</summary>
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public NotificationStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>The channel's error, shortened; never message text.</summary>
    public string? LastError { get; private set; }

    public void MarkSent(DateTime at)
    {
        Status = NotificationStatus.Sent;
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    /// <summary>
    /// A failed attempt: try again after an exponentially growing pause (1, 2, 4 … minutes, at most
    /// an hour); after <see cref="MaxAttempts"/> attempts the message is given up as failed.
    /// </summary>
    public void MarkFailed(DateTime at, string error)
    {
        Attempts++;
        LastError = error.Length > 300 ? error[..300] : error;
        if (Attempts >= MaxAttempts) { Status = NotificationStatus.Failed; return; }
        var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
        NextAttemptAt = at + pause;
    }
}
