namespace Nyckelfri.LockProtocol;

/// <summary>
/// A lock's answer to a response. <see cref="Credential"/> is there whenever the response parsed,
/// also when it was refused, so that the lock can log whose credential it refused.
/// </summary>
public sealed record VerificationResult(RefusalReason Reason, Credential? Credential)
{
    public bool Accepted => Reason == RefusalReason.None;

    internal static VerificationResult Accept(Credential credential) => new(RefusalReason.None, credential);

    internal static VerificationResult Refuse(RefusalReason reason, Credential? credential = null) => new(reason, credential);
}

/// <summary>A lock's answer to a revocation list: applied, or refused with the version it keeps.</summary>
public sealed record RevocationUpdateResult(RefusalReason Reason, long CurrentVersion, long? OfferedVersion)
{
    public bool Applied => Reason == RefusalReason.None;
}
