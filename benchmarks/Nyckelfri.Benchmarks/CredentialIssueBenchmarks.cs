using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Benchmarks;

/// <summary>What the server spends per credential it hands out: checks, encoding, one ES256 signature.</summary>
public class CredentialIssueBenchmarks : IDisposable
{
    private readonly ECDsa _issuerKey = P256.CreateKey();
    private readonly ECDsa _phoneKey = P256.CreateKey();
    private readonly Issuer _issuer;
    private readonly byte[] _phone;
    private readonly Guid _employee = Guid.CreateVersion7();
    private readonly Guid _lock = Guid.CreateVersion7();
    private readonly DateTimeOffset _from = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    public CredentialIssueBenchmarks()
    {
        _issuer = new Issuer("bench-1", _issuerKey);
        _phone = P256.ExportPublicKey(_phoneKey);
    }

    [Benchmark(Description = "Issue a credential (sign)")]
    public Credential Issue() => _issuer.Issue(_employee, _phone, _lock, _from, _from.AddHours(8));

    public void Dispose()
    {
        _issuerKey.Dispose();
        _phoneKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
