using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Visits;

/// <summary>
/// Posts the finished visits that are due to their municipality's webhook, signed
/// (<see cref="VisitWebhookSignature"/>). A 2xx answer delivers; anything else is retried with back-off
/// (<see cref="WebhookDelivery.BackOff"/>) until <see cref="WebhookDelivery.MaxAttempts"/> attempts, and
/// then waits for an administrator. Each delivery is claimed before it is sent, so two app instances do
/// not post it at the same time; a crash between the post and the save posts it once more later, so
/// receivers deduplicate by the delivery id header. Runs as the system (the dispatcher's scope).
/// </summary>
/// <remarks>
/// Only public https:// receivers (<see cref="WebhookAddresses"/>): checked here before each post and again by the
/// named client's ConnectCallback on the addresses it actually connects to. What a failed post leaves in
/// <see cref="WebhookDelivery.LastError"/> for the administrator is coarse on purpose: the receiver's HTTP status,
/// "address refused" or "could not be reached", never which socket error or how long it took, so the setting
/// cannot be used to probe ports; the exact cause goes to the log for the operator.
/// </remarks>
public sealed partial class VisitWebhookSender(NyckelfriDbContext db, IHttpClientFactory httpClients, VisitWebhookSecrets secrets,
    Microsoft.Extensions.Options.IOptions<VisitWebhookOptions> options, ILogger<VisitWebhookSender> logger) : IHandler
{
    /// <summary>The named HttpClient (IHttpClientFactory) the posts go through: no redirects, a short timeout.</summary>
    public const string HttpClientName = "visit-webhook";
    public const int BatchSize = 50;

    /// <summary>How long a claimed delivery is left alone by other instances: longer than the client's timeout.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    private sealed record Target(string Url, string? Secret);

    public const string AddressRefused = "Adressen är spärrad: den pekar inte på en publik adress.";
    public const string Unreachable = "Mottagaren gick inte att nå.";
    public const string SecretUnreadable = "Hemligheten kan inte läsas: skapa en ny.";

    /// <returns>How many deliveries were delivered.</returns>
    public async Task<int> DeliverDueAsync(DateTime now, CancellationToken ct)
    {
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAt == null && d.NextAttemptAt != null && d.NextAttemptAt <= now
                        && db.Municipalities.Any(m => m.Id == d.MunicipalityId && m.VisitWebhookUrl != null && m.VisitWebhookSecret != null))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(BatchSize)
            .Select(d => new { d.Id, d.MunicipalityId, d.NextAttemptAt })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var municipalities = due.Select(d => d.MunicipalityId).Distinct().ToList();
        var targets = await db.Municipalities.Where(m => municipalities.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new Target(m.VisitWebhookUrl!, secrets.Unprotect(m.VisitWebhookSecret)), ct);
        var http = httpClients.CreateClient(HttpClientName);

        var delivered = 0;
        foreach (var item in due)
        {
            var claimedUntil = now + Claim;
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == item.Id && d.DeliveredAt == null && d.NextAttemptAt == item.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, claimedUntil), ct);
            if (claimed == 0) continue;

            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == item.Id, ct);
            var error = await PostAsync(http, delivery, targets[item.MunicipalityId], ct);
            var at = db.Clock.UtcNow();
            if (error is null)
            {
                delivery.MarkDelivered(at);
                delivered++;
            }
            else
            {
                delivery.MarkFailed(at, error);
                Failed(logger, delivery.Id, delivery.Attempts, error);
            }
            await db.SaveChangesAsync(ct);
        }
        return delivered;
    }

    /// <returns>Null when the receiver answered 2xx; otherwise the reason kept for the administrator (never a body, a URL or the secret).</returns>
    private async Task<string?> PostAsync(HttpClient http, WebhookDelivery delivery, Target target, CancellationToken ct)
    {
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var uri) || WebhookAddresses.Refusal(uri, options.Value.AllowLocal) is not null)
            return AddressRefused;
        if (target.Secret is null) return SecretUnreadable;
        var timestamp = db.Clock.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(VisitWebhookSignature.SignatureHeader, VisitWebhookSignature.Sign(target.Secret, timestamp, delivery.Payload));
            request.Headers.Add(VisitWebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(VisitWebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var refused = Causes(e).Any(c => c is WebhookAddressRefusedException);
            Unsent(logger, delivery.Id, refused ? "address-refused" : string.Join(" <- ", Causes(e).Select(Describe)));
            return refused ? AddressRefused : Unreachable;
        }
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (var c = (Exception?)e; c is not null; c = c.InnerException) yield return c;
    }

    private static string Describe(Exception e) =>
        e is System.Net.Sockets.SocketException s ? $"{e.GetType().Name}({s.SocketErrorCode})" : e.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit webhook delivery {Id} was not sent: {Cause}")]
    private static partial void Unsent(ILogger logger, long id, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit webhook delivery {Id} failed (attempt {Attempt}): {Error}")]
    private static partial void Failed(ILogger logger, long id, int attempt, string error);
}
