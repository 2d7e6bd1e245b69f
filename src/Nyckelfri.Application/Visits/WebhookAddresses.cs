using System.Net;
using System.Net.Sockets;

namespace Nyckelfri.Visits;

/// <summary>
/// Where the visit webhook may post (issue 13, item 10): an https:// address whose host resolves only to
/// public addresses. Loopback, private, link-local, carrier-grade NAT, unique-local and other special
/// ranges are refused, so the webhook cannot be turned on the host itself or the municipality's internal
/// network (SSRF). Checked when the address is set and again at every connection
/// (<see cref="ConnectAsync"/>, the webhook client's ConnectCallback), so a name that later resolves
/// somewhere else (DNS rebinding) is refused too. <see cref="VisitWebhookOptions.AllowLocal"/> (Development
/// only) lets http:// and local addresses through, for a receiver on the developer's machine.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Whether <paramref name="address"/> is one the webhook may connect to.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this" network
                     || b[0] == 10                               // private
                     || b[0] == 100 && b[1] >= 64 && b[1] < 128  // carrier-grade NAT
                     || b[0] == 127                              // loopback
                     || b[0] == 169 && b[1] == 254               // link-local (cloud metadata lives here)
                     || b[0] == 172 && b[1] >= 16 && b[1] < 32   // private
                     || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2 // IETF protocol assignments, documentation
                     || b[0] == 192 && b[1] == 168               // private
                     || b[0] == 198 && b[1] is 18 or 19          // benchmarking
                     || b[0] == 198 && b[1] == 51 && b[2] == 100 // documentation
                     || b[0] == 203 && b[1] == 0 && b[2] == 113  // documentation
                     || b[0] >= 224);                            // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return false;
            var b = address.GetAddressBytes();
            // IPv4-compatible/translated forms and 6to4 of a private address are refused whole: no receiver needs them.
            if (b[0] == 0 || b[0] == 0x20 && b[1] == 0x02 || b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false;
            return true;
        }
        return false;
    }

    /// <summary>Whether the host part of a URL is a name that means this machine.</summary>
    public static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The reason an absolute URL may not be a webhook, or null when it may (before resolving its name):
    /// the scheme, a local name, a literal address that is not public.
    /// </summary>
    public static string? Refusal(Uri uri, bool allowLocal)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLocal && uri.Scheme == Uri.UriSchemeHttp))
            return "Adressen ska börja med https://.";
        if (allowLocal) return null;
        if (IsLocalName(uri.IdnHost)) return LocalRefused;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && !IsPublic(literal)) return LocalRefused;
        return null;
    }

    public const string LocalRefused = "Adressen får inte peka på den här servern eller ett internt nät (privata, lokala och länklokala adresser är spärrade).";

    /// <summary>
    /// Resolves <paramref name="host"/> and refuses it unless every address it resolves to is public; then
    /// connects to the first that answers. The webhook client's ConnectCallback: the check and the
    /// connection use the same resolution, so a second lookup cannot point elsewhere.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(string host, int port, bool allowLocal, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new WebhookAddressRefusedException("no-address");
        if (!allowLocal && (IsLocalName(host) || addresses.Any(a => !IsPublic(a)))) throw new WebhookAddressRefusedException("not-public");
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last!;
    }
}

/// <summary>The webhook's address resolved to one it may not post to; nothing was sent.</summary>
public sealed class WebhookAddressRefusedException(string reason) : Exception("The webhook address is not a public one: " + reason);

/// <summary>How the visit webhook treats local receivers; <see cref="AllowLocal"/> is set in Development only.</summary>
public sealed class VisitWebhookOptions
{
    /// <summary>http:// and loopback/private addresses allowed (a receiver on the developer's own machine).</summary>
    public bool AllowLocal { get; set; }
}
