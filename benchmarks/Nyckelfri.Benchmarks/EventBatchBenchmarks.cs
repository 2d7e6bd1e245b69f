using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// Protocol v2's work on a batch of 500 events apart from the database: the server's decode and check
/// (one signature verification, 500 hashes, the chain), and the lock's chaining and signing, per event.
/// </summary>
public class EventBatchBenchmarks : IDisposable
{
    private const int Batch = 500;
    private readonly ECDsa _lockKey = P256.CreateKey();
    private readonly Guid _lockId = Guid.NewGuid();
    private byte[] _encoded = null!;
    private ECDsa _publicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _encoded = Sign();
        P256.TryImportPublicKey(P256.ExportPublicKey(_lockKey), out var publicKey);
        _publicKey = publicKey!;
    }

    [Benchmark(Description = "Server: decode and check a signed batch, per event (500 events)", OperationsPerInvoke = Batch)]
    public bool DecodeAndCheck() => EventBatch.TryDecode(_encoded, out var batch, out _) && batch.Check(_lockId, _publicKey).IsValid;

    [Benchmark(Description = "Lock: chain and sign a batch, per event (500 events)", OperationsPerInvoke = Batch)]
    public int ChainAndSign() => Sign().Length;

    private byte[] Sign()
    {
        var chain = new EventChain(_lockId, _lockKey);
        var at = DateTimeOffset.UtcNow;
        var events = new List<ChainedEvent>(Batch);
        for (var i = 0; i < Batch; i++)
            events.Add(chain.Append(s => new LockEvent(_lockId, s, at, LockEventKind.Opened, CredentialId: Guid.NewGuid(), EmployeeId: Guid.NewGuid(),
                CredentialKind: CredentialKind.Normal)));
        return chain.Sign(events).ToArray();
    }

    public void Dispose()
    {
        _lockKey.Dispose();
        _publicKey?.Dispose();
        GC.SuppressFinalize(this);
    }
}
