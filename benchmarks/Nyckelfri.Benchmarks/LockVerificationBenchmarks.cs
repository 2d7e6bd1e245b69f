using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// One opening, on one core: the lock's challenge, the phone's answer (one signature) and the
/// lock's verification (decode, two signature checks, window, revocation list of 1,000 entries).
/// The lock's own share is the full opening less <see cref="PhoneAnswer"/>. The lock remembers the
/// last 16 device keys it saw; <see cref="FullOpeningNewPhone"/> rotates through 64 phones, so that
/// the lock has to take in the device key every time.
/// </summary>
public class LockVerificationBenchmarks : IDisposable
{
    private readonly ECDsa _issuerKey = P256.CreateKey();
    private readonly ECDsa _phoneKey = P256.CreateKey();
    private readonly Holder _phone;
    private readonly Credential _credential;
    private readonly LockVerifier _lock;
    private readonly Challenge _challenge;
    private readonly (ECDsa Key, Holder Phone, Credential Credential)[] _manyPhones;
    private int _next;

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
        _manyPhones = [.. Enumerable.Range(0, 64).Select(_ =>
        {
            var key = P256.CreateKey();
            var phone = new Holder(key);
            return (key, phone, issuer.Issue(Guid.CreateVersion7(), phone.PublicKey, lockId, now.AddMinutes(-5), now.AddHours(8)));
        })];
    }

    [Benchmark(Baseline = true, Description = "Full opening: challenge, answer, verify")]
    public bool FullOpening()
    {
        var response = _phone.Answer(_lock.IssueChallenge(), _credential);
        return _lock.Verify(response.Encoded).Accepted ? true : throw new InvalidOperationException("Refused");
    }

    [Benchmark(Description = "Full opening, a phone the lock has not seen lately")]
    public bool FullOpeningNewPhone()
    {
        var (_, phone, credential) = _manyPhones[_next++ % _manyPhones.Length];
        var response = phone.Answer(_lock.IssueChallenge(), credential);
        return _lock.Verify(response.Encoded).Accepted ? true : throw new InvalidOperationException("Refused");
    }

    [Benchmark(Description = "Phone answer only (sign)")]
    public Response PhoneAnswer() => _phone.Answer(_challenge, _credential);

    public void Dispose()
    {
        _lock.Dispose();
        foreach (var (key, _, _) in _manyPhones)
            key.Dispose();
        _issuerKey.Dispose();
        _phoneKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
