using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// Windows that mean what they say (issue 12, docs/digital-keys.md "The credential's window"): a lock
/// accepts a credential until its valid-until plus the lock's clock skew, so a credential for a
/// permission whose last day is D ends early enough that even the skew stays inside D: valid until +
/// skew is at most 23:59:59 Swedish time on D (summer or winter time alike).
/// </summary>
public static class CredentialWindow
{
    /// <summary>The lock's clock skew the server reckons with (every lock is commissioned with the protocol's default).</summary>
    public static readonly TimeSpan LockSkew = Protocol.DefaultAllowedSkew;

    /// <summary>The last second of <paramref name="lastDay"/> in Swedish time, as UTC.</summary>
    public static DateTime LastSecondOf(DateOnly lastDay) => SwedishTime.ToUtc(lastDay.ToDateTime(new TimeOnly(23, 59, 59)));

    /// <summary>The latest valid-until a credential for a permission ending on <paramref name="lastDay"/> may carry.</summary>
    public static DateTime LatestUntil(DateOnly lastDay) => LastSecondOf(lastDay) - LockSkew;

    /// <summary>When a lock stops accepting a credential that ends at <paramref name="validUntil"/>.</summary>
    public static DateTime OpensUntil(DateTime validUntil) => validUntil + LockSkew;
}
