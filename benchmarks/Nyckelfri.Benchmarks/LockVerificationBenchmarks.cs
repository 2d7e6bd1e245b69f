using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// One opening, on one core: the lock's challenge, the phone's answer (one signature) and the
/// lock's verification (decode, two signature checks, window, revocation list of 1,000 entries).
/// The lock's own share is the full opening less <see cref="PhoneAnswer"/>.
/// </summary>
[MemoryDiagnoser]
public class LockVerificationBenchmarks : IDisposable
{
    private readonly ECDsa _issuerKey = P256.CreateKey();
    private readonly ECDsa _phoneKey = P256.CreateKey();
    private readonly Holder _phone;
    private readonly Credential _credential;
    private readonly LockVerifier _lock;
    private readonly Challenge _challenge;

    public LockVerificationBenchmarks()
    {
        var issuer = new Issuer("bench-1", _issuerKey);
        _phone = new Holder(_phoneKey);
        var lockId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        _credential = issuer.Issue(Guid.CreateVersion7(), _phone.PublicKey, lockId, now.AddMinutes(-5), now.AddHours(8));
        _lock = new LockVerifier(new LockConfiguration { LockId = lockId, TrustedIssuers = [issuer.Trusted()] });
        var revoked = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid());
        _lock.ApplyRevocationList(issuer.IssueRevocationList(1, now, revoked));
        _challenge = _lock.IssueChallenge();
    }

    [Benchmark(Baseline = true, Description = "Full opening: challenge, answer, verify")]
    public bool FullOpening()
    {
        var response = _phone.Answer(_lock.IssueChallenge(), _credential);
        return _lock.Verify(response.Encoded).Accepted ? true : throw new InvalidOperationException("Refused");
    }

    [Benchmark(Description = "Phone answer only (sign)")]
    public Response PhoneAnswer() => _phone.Answer(_challenge, _credential);

    public void Dispose()
    {
        _lock.Dispose();
        _issuerKey.Dispose();
        _phoneKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
