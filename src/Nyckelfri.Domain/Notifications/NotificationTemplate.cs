using System.Globalization;

namespace Nyckelfri.Notifications;

/// <summary>
/// What a notification may say about a work order: nothing but these fields. A template cannot reach
/// the client, so a message cannot carry a name, personnummer, address, phone number or door code.
/// </summary>
public sealed record WorkOrderReference(string Number, string Kind, string Step, DateOnly? DueOn, string Link);

/// <summary>A message ready for the outbox.</summary>
public sealed record RenderedNotification(string Template, string Subject, string Body, string Link);

/// <summary>
/// The notification texts (Swedish). Each takes only a <see cref="WorkOrderReference"/>; the tests
/// render every one and scan the result for personal data (<see cref="PersonalDataScanner"/>).
/// </summary>
public sealed class NotificationTemplate
{
    private readonly Func<WorkOrderReference, string> _subject;
    private readonly Func<WorkOrderReference, string> _body;

    private NotificationTemplate(string name, Func<WorkOrderReference, string> subject, Func<WorkOrderReference, string> body)
    {
        Name = name;
        _subject = subject;
        _body = body;
    }

    public string Name { get; }

    /// <summary>A step of a work order is now the recipient role's to do.</summary>
    public static readonly NotificationTemplate StepHandedOver = new(nameof(StepHandedOver),
        r => $"Nyckelfri: ärende {r.Number} väntar på dig",
        r => $"Ärende {r.Number} ({r.Kind}) har ett nytt steg som din roll ansvarar för: {r.Step}.{Due(r)}\nÖppna ärendet i Nyckelfri: {r.Link}");

    /// <summary>A rule proposed a work order; someone must confirm or dismiss it.</summary>
    public static readonly NotificationTemplate Proposed = new(nameof(Proposed),
        r => $"Nyckelfri: förslag på ärende {r.Number}",
        r => $"Nyckelfri föreslår ärende {r.Number} ({r.Kind}). Bekräfta eller avfärda förslaget.{Due(r)}\nÖppna ärendet i Nyckelfri: {r.Link}");

    /// <summary>A step the recipient owns is past its due date.</summary>
    public static readonly NotificationTemplate Overdue = new(nameof(Overdue),
        r => $"Nyckelfri: ärende {r.Number} är försenat",
        r => $"Ärende {r.Number} ({r.Kind}) är försenat. Steget som väntar: {r.Step}.{Due(r)}\nÖppna ärendet i Nyckelfri: {r.Link}");

    /// <summary>A step was sent back to the recipient with a comment (the comment itself stays in Nyckelfri).</summary>
    public static readonly NotificationTemplate SentBack = new(nameof(SentBack),
        r => $"Nyckelfri: ärende {r.Number} har skickats tillbaka",
        r => $"Ärende {r.Number} ({r.Kind}) har skickats tillbaka till steget: {r.Step}. Läs kommentaren i Nyckelfri.\nÖppna ärendet: {r.Link}");

    /// <summary>The work order is finished (the provider is told the lock may be used, say).</summary>
    public static readonly NotificationTemplate Done = new(nameof(Done),
        r => $"Nyckelfri: ärende {r.Number} är klart",
        r => $"Ärende {r.Number} ({r.Kind}) är klart.\nÖppna ärendet i Nyckelfri: {r.Link}");

    /// <summary>
    /// Someone used break-glass (an emergency credential outside the normal permission): the unit
    /// manager reviews it. The reference's number is the break-glass reference, never a name.
    /// </summary>
    public static readonly NotificationTemplate BreakGlassAlert = new(nameof(BreakGlassAlert),
        r => $"Nyckelfri: nödöppning {r.Number} ska granskas",
        r => $"En medarbetare på din enhet har använt nödöppning ({r.Number}). Granska den i Nyckelfri.{Due(r)}\nÖppna granskningslistan: {r.Link}");

    /// <summary>A lock's uploaded events skip sequence numbers: events are missing from the access log.</summary>
    public static readonly NotificationTemplate LockEventsMissing = new(nameof(LockEventsMissing),
        r => $"Nyckelfri: låshändelser saknas ({r.Number})",
        r => $"Låset {r.Number} har laddat upp händelser med lucka i numreringen: {r.Step}. Kontrollera låset och synkroniseringen.\nÖppna låset i Nyckelfri: {r.Link}");

    /// <summary>
    /// A lock's key signed two different events under one number (protocol v2): the batch was refused.
    /// The lock's key may be compromised, or the lock was reset; the system administrator looks into it.
    /// </summary>
    public static readonly NotificationTemplate LockEventsForked = new(nameof(LockEventsForked),
        r => $"Nyckelfri: låset {r.Number} har signerat två olika historier",
        r => $"Låset {r.Number} har laddat upp händelser som motsäger de som redan finns: {r.Step}. Batchen nekades. Kontrollera låset; dess nyckel kan vara röjd.\nÖppna låset i Nyckelfri: {r.Link}");

    /// <summary>
    /// Staff could not get in at a client's door (SPEC §11.5): the unit uses the physical key. The
    /// reference's number is the fault report's, its step names who holds the physical key (units only).
    /// </summary>
    public static readonly NotificationTemplate CouldNotGetIn = new(nameof(CouldNotGetIn),
        r => $"Nyckelfri: kom inte in, använd fysisk nyckel ({r.Number})",
        r => $"En medarbetare på din enhet kom inte in med den digitala nyckeln. Använd den fysiska nyckeln: {r.Step}. Felanmälan {r.Number} är öppnad.\nÖppna ärendet i Nyckelfri: {r.Link}");

    public static IReadOnlyList<NotificationTemplate> All { get; } = [StepHandedOver, Proposed, Overdue, SentBack, Done, BreakGlassAlert, LockEventsMissing, LockEventsForked, CouldNotGetIn];

    public RenderedNotification Render(WorkOrderReference reference) =>
        new(Name, _subject(reference), _body(reference), reference.Link);

    private static string Due(WorkOrderReference r) =>
        r.DueOn is { } due ? $" Senast: {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." : "";
}
