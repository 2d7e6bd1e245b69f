using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Visits;

/// <summary>
/// The caller's municipality's visit webhook: where finished visits are posted and the shared secret
/// they are signed with. The secret is shown once, when it is made, and only its last characters after
/// that. Also the deliveries that are waiting or were given up, and a retry of given-up ones.
/// </summary>
public sealed class VisitWebhookSettings(NyckelfriDbContext db, VisitWebhookSecrets secrets,
    Microsoft.Extensions.Options.IOptions<VisitWebhookOptions> options) : IHandler
{
    public const int MaxUrlLength = 500;
    private const int ProblemRows = 50;

    public sealed class Command
    {
        public int Version { get; set; }
        public string? Url { get; set; }

        /// <summary>Make a new secret (the receiver must be given it); one is made anyway when there is none.</summary>
        public bool NewSecret { get; set; }
    }

    public sealed class RetryCommand
    {
        public List<long>? DeliveryIds { get; set; }
    }

    /// <param name="Secret">The secret in clear: only in the answer to the change that made it.</param>
    public sealed record View(int Version, string? Url, bool HasSecret, string? SecretHint, string? Secret,
        int Waiting, int GivenUp, IReadOnlyList<DeliveryItem> Problems);

    /// <summary>A delivery that failed at least once and is not delivered: still being retried, or given up.</summary>
    public sealed record DeliveryItem(long Id, Guid VisitId, DateTime CreatedAt, int Attempts, DateTime? NextAttemptAt, string? LastError)
    {
        public bool GaveUp => NextAttemptAt is null;
    }

    public async Task<View> Get(CancellationToken ct) => await ViewOf(await Own(ct), secret: null, ct);

    public async Task<View> Handle(Command command, CancellationToken ct)
    {
        var m = await Own(ct);
        var v = new Validator();
        var url = Url(v, command.Url, options.Value.AllowLocal);
        if (url is not null && !options.Value.AllowLocal && !await ResolvesToPublic(new Uri(url), ct))
            v.Add(nameof(Command.Url), WebhookAddresses.LocalRefused);
        v.ThrowIfInvalid();

        db.ExpectVersion(m, command.Version);
        m.VisitWebhookUrl = url;
        string? secret = null;
        if (command.NewSecret || string.IsNullOrEmpty(m.VisitWebhookSecret))
            m.VisitWebhookSecret = secrets.Protect(secret = VisitWebhookSignature.NewSecret());
        await db.SaveChangesAsync(ct);
        return await ViewOf(m, secret, ct);
    }

    /// <summary>Turns the webhook off: no more visits are queued; what is queued waits until one is set again.</summary>
    public async Task Disable(CancellationToken ct)
    {
        var m = await Own(ct);
        if (m.VisitWebhookUrl is null) throw new RuleViolationException("visit-webhook-off", "Ingen webhook för besök är inställd.");
        m.VisitWebhookUrl = null;
        m.VisitWebhookSecret = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives given-up deliveries a new round of attempts, from now.</summary>
    public async Task<int> Retry(RetryCommand command, CancellationToken ct)
    {
        var ids = command.DeliveryIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 500)
            throw ValidationFailedException.For(nameof(RetryCommand.DeliveryIds), "Ange vilka leveranser (1–500) som ska försökas igen.");
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (deliveries.Count != ids.Count) throw new NotFoundException("Leveransen");
        var now = db.Clock.UtcNow();
        foreach (var delivery in deliveries) delivery.Retry(now);
        await db.SaveChangesAsync(ct);
        return deliveries.Count;
    }

    /// <summary>
    /// An absolute https:// address to a public host (<see cref="WebhookAddresses"/>); http:// and local
    /// addresses only when <paramref name="allowLocal"/> (Development). No user name or password in it.
    /// </summary>
    internal static string? Url(Validator v, string? given, bool allowLocal)
    {
        const string field = nameof(Command.Url);
        var text = v.Required(field, given, "Adress", MaxUrlLength);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            v.Add(field, "Adressen ska vara en fullständig adress som börjar med https://.");
            return null;
        }
        if (WebhookAddresses.Refusal(uri, allowLocal) is { } refusal) { v.Add(field, refusal); return null; }
        if (!string.IsNullOrEmpty(uri.UserInfo)) { v.Add(field, "Adressen får inte innehålla användarnamn eller lösenord."); return null; }
        if (!string.IsNullOrEmpty(uri.Fragment)) { v.Add(field, "Adressen får inte innehålla #."); return null; }
        return uri.AbsoluteUri;
    }

    /// <summary>
    /// False when the host resolves to any address that is not public. A name that does not resolve (yet) is
    /// accepted: the check at every connection decides (VisitWebhookSender), and says so to the administrator.
    /// </summary>
    private static async Task<bool> ResolvesToPublic(Uri uri, CancellationToken ct)
    {
        if (System.Net.IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _)) return true; // literal: Refusal checked it
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try { return (await System.Net.Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token)).All(WebhookAddresses.IsPublic); }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException && !ct.IsCancellationRequested) { return true; }
    }

    private async Task<View> ViewOf(Municipality m, string? secret, CancellationToken ct)
    {
        var open = db.WebhookDeliveries.AsNoTracking().Where(d => d.DeliveredAt == null);
        var waiting = await open.CountAsync(d => d.NextAttemptAt != null, ct);
        var givenUp = await open.CountAsync(d => d.NextAttemptAt == null, ct);
        var problems = await open.Where(d => d.Attempts > 0)
            .OrderBy(d => d.NextAttemptAt != null).ThenByDescending(d => d.Id)
            .Take(ProblemRows)
            .Select(d => new DeliveryItem(d.Id, d.VisitId, d.CreatedAt, d.Attempts, d.NextAttemptAt, d.LastError))
            .ToListAsync(ct);
        var stored = secrets.Unprotect(m.VisitWebhookSecret);
        var hint = string.IsNullOrEmpty(stored) ? null : "••••" + stored[^4..];
        return new View(m.Version, m.VisitWebhookUrl, !string.IsNullOrEmpty(m.VisitWebhookSecret), hint, secret, waiting, givenUp, problems);
    }

    private async Task<Municipality> Own(CancellationToken ct) =>
        await db.Municipalities.FirstOrDefaultAsync(m => m.Id == db.Scope.MunicipalityId, ct)
        ?? throw new NotFoundException("Kommunen");
}
