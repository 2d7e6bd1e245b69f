using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator;

/// <summary>How an emulated lock is built. The battery figures are percentages of a full set of batteries.</summary>
public sealed class EmulatedLockOptions
{
    public required Guid LockId { get; init; }
    public string SerialNumber { get; init; } = "EMU-0000";
    public required IReadOnlyList<TrustedIssuer> TrustedIssuers { get; init; }

    /// <summary>The issuer key set version the trusted keys came from at commissioning (0: keys only).</summary>
    public long IssuerKeySetVersion { get; init; }

    /// <summary>How far the lock's clock is off from the real one (positive: the lock runs ahead).</summary>
    public TimeSpan ClockOffset { get; init; }

    public TimeSpan AllowedSkew { get; init; } = Protocol.DefaultAllowedSkew;
    public TimeSpan ChallengeLifetime { get; init; } = Protocol.DefaultChallengeLifetime;

    /// <summary>Events kept in the lock's memory; older ones are dropped.</summary>
    public int EventCapacity { get; init; } = 1000;

    /// <summary>
    /// The last event number the lock gave before this emulation started: a real lock's counter
    /// survives a restart, so an emulated counterpart of a lock the server already has events from
    /// goes on from there (numbers are never reused).
    /// </summary>
    public long LastSequence { get; init; }

    /// <summary>
    /// The hash of event <see cref="LastSequence"/> (what the next event links to); the chain start
    /// when null. A real lock keeps it with its counter.
    /// </summary>
    public byte[]? LastEventHash { get; init; }

    /// <summary>
    /// The lock's own P-256 key, made at commissioning; when null the emulated lock makes one and
    /// keeps it (its public half is <see cref="EmulatedLock.PublicKey"/>). The lock owns the key and
    /// disposes it.
    /// </summary>
    public System.Security.Cryptography.ECDsa? LockKey { get; init; }

    public double BatteryPercent { get; init; } = 100;

    /// <summary>A full set lasts about 10,000 openings.</summary>
    public double DrainPerOpening { get; init; } = 0.01;

    /// <summary>Waking up and answering a phone costs a little too.</summary>
    public double DrainPerChallenge { get; init; } = 0.0005;

    /// <summary>At or below this the lock logs <see cref="LockEventKind.BatteryLow"/>, once per set of batteries.</summary>
    public double LowBatteryPercent { get; init; } = 20;
}
