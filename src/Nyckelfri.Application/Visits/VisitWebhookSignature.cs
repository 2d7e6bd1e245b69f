using System.Security.Cryptography;
using System.Text;

namespace Nyckelfri.Visits;

/// <summary>
/// How a webhook post proves it came from Nyckelfri and was not altered or replayed (docs/visits.md):
/// <c>sha256=</c> + lower-case hex of HMAC-SHA256 with the shared secret (its UTF-8 text) as key over
/// <c>timestamp + "." + body</c>, the timestamp being the Unix seconds sent in <see cref="TimestampHeader"/>.
/// </summary>
public static class VisitWebhookSignature
{
    public const string SignatureHeader = "X-Nyckelfri-Signature";
    public const string TimestampHeader = "X-Nyckelfri-Timestamp";
    public const string DeliveryHeader = "X-Nyckelfri-Delivery";
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, string body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, long timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A new shared secret: 32 random bytes as 64 hex characters.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
