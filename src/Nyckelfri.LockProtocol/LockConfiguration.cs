namespace Nyckelfri.LockProtocol;

/// <summary>What a lock is set up with at install: who it is, whom it trusts, and its clock.</summary>
public sealed class LockConfiguration
{
    public required Guid LockId { get; init; }

    /// <summary>The municipality's issuing keys, by key id (a new key is added before the old one is retired).</summary>
    public required IReadOnlyList<TrustedIssuer> TrustedIssuers { get; init; }

    /// <summary>
    /// The version of the issuer key set the trusted keys came from (0: commissioned with keys only).
    /// The lock takes a signed <see cref="IssuerKeySet"/> only if it is newer than this.
    /// </summary>
    public long IssuerKeySetVersion { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How far the lock's clock may be off from the issuer's, either way.</summary>
    public TimeSpan AllowedSkew { get; init; } = Protocol.DefaultAllowedSkew;

    public TimeSpan ChallengeLifetime { get; init; } = Protocol.DefaultChallengeLifetime;

    /// <summary>Open challenges kept at once; a new one beyond this pushes out the oldest.</summary>
    public int MaxOpenChallenges { get; init; } = 8;
}
