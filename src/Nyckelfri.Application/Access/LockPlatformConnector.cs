using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// How the server reaches a lock's platform for "Öppna" (<see cref="OpenDoor"/>). The adapter of the
/// platform the locks are on registers one: the demo registers the emulator's (Nyckelfri.Demo,
/// <c>AddNyckelfriDemo</c>), a vendor's adapter would register its own. With none registered no lock
/// platform is connected, and <see cref="OpenDoor"/> says so instead of opening.
/// </summary>
public interface ILockPlatformConnector
{
    /// <summary>
    /// The platform that holds the lock, once the platform knows it: a platform that has not met the
    /// lock yet takes it on as the server has it on record (the issuer it trusts, its event numbers
    /// going on after the last one the server stored). One it already knows stays as it is.
    /// </summary>
    Task<ILockPlatform> ConnectAsync(LockOnRecord lockOnRecord, CancellationToken cancellationToken);
}

/// <summary>A lock as the server has it on record: what a lock platform needs to know of it.</summary>
/// <param name="Issuers">The issuer keys a lock is commissioned with: those of the newest issuer key set.</param>
/// <param name="LastEventSequence">The highest event number the server has stored for the lock (0 if none).</param>
/// <param name="BatteryPercent">The last battery level reported, if any.</param>
/// <param name="IssuerKeySetVersion">The version of the key set <paramref name="Issuers"/> came from.</param>
/// <param name="LastEventHash">The chain hash of that event, when the server has it (events from before protocol v2 have none).</param>
/// <param name="LockPublicKey">The lock's own public key as registered at mounting, if any.</param>
public sealed record LockOnRecord(Guid LockId, string SerialNumber, IReadOnlyList<TrustedIssuer> Issuers, long LastEventSequence, int? BatteryPercent,
    long IssuerKeySetVersion = 0, byte[]? LastEventHash = null, byte[]? LockPublicKey = null);
