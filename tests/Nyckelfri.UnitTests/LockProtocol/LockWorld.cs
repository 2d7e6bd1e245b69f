using System.Security.Cryptography;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// One municipality's issuing key, one employee's phone and one lock, on a clock the test moves.
/// The default credential covers a day shift, 07:00–15:00 UTC.
/// </summary>
internal sealed class LockWorld : IDisposable
{
    public static readonly DateTimeOffset ShiftStart = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Shift = TimeSpan.FromHours(8);

    public LockWorld(TimeSpan? allowedSkew = null)
    {
        Issuer = new Issuer("linkoping-2026-1", IssuerKey);
        Holder = new Holder(HolderKey);
        Lock = new LockVerifier(new LockConfiguration
        {
            LockId = LockId,
            TrustedIssuers = [Issuer.Trusted()],
            Clock = Clock,
            AllowedSkew = allowedSkew ?? Protocol.DefaultAllowedSkew,
        });
    }

    public ManualClock Clock { get; } = new(ShiftStart.AddMinutes(30));
    public ECDsa IssuerKey { get; } = P256.CreateKey();
    public Issuer Issuer { get; }
    public ECDsa HolderKey { get; } = P256.CreateKey();
    public Holder Holder { get; }
    public Guid LockId { get; } = Guid.CreateVersion7();
    public Guid EmployeeId { get; } = Guid.CreateVersion7();
    public LockVerifier Lock { get; }

    public Credential Credential(Guid? lockId = null, DateTimeOffset? from = null, TimeSpan? validity = null,
        CredentialKind kind = CredentialKind.Normal)
    {
        var start = from ?? ShiftStart;
        return Issuer.Issue(EmployeeId, Holder.PublicKey, lockId ?? LockId, start, start + (validity ?? Shift), kind);
    }

    /// <summary>The phone's answer to a fresh challenge from the lock, as bytes over the air.</summary>
    public byte[] Answer(Credential? credential = null) =>
        Holder.Answer(Lock.IssueChallenge(), credential ?? Credential()).ToArray();

    public VerificationResult Open(Credential? credential = null) => Lock.Verify(Answer(credential));

    public void Dispose()
    {
        Lock.Dispose();
        IssuerKey.Dispose();
        HolderKey.Dispose();
    }
}
