using System.Collections.Concurrent;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator;

/// <summary>
/// The first <see cref="ILockPlatform"/> adapter: any number of emulated locks in memory. Locks can
/// be added and used from many threads at once; each lock serialises its own calls.
/// </summary>
public sealed class EmulatedLockPlatform(TimeProvider? clock = null) : ILockPlatform, IDisposable
{
    private readonly ConcurrentDictionary<Guid, EmulatedLock> _locks = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public ICollection<Guid> LockIds => _locks.Keys;

    /// <summary>Installs an emulated lock; throws if the id is taken.</summary>
    public EmulatedLock Add(EmulatedLockOptions options)
    {
        var emulated = new EmulatedLock(options, _clock);
        if (_locks.TryAdd(options.LockId, emulated))
            return emulated;
        emulated.Dispose();
        throw new ArgumentException($"Lock {options.LockId} is already on the platform.", nameof(options));
    }

    public EmulatedLock Get(Guid lockId) => _locks.TryGetValue(lockId, out var emulated) ? emulated : throw new LockNotFoundException(lockId);

    public bool Remove(Guid lockId)
    {
        if (!_locks.TryRemove(lockId, out var emulated))
            return false;
        emulated.Dispose();
        return true;
    }

    public Task<Challenge> ChallengeAsync(Guid lockId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).Challenge());

    public Task<OpenResult> PresentAsync(Guid lockId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).Present(response.Span));

    public Task<RevocationUpdateResult> PushRevocationListAsync(Guid lockId, ReadOnlyMemory<byte> revocationList,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).ApplyRevocationList(revocationList.Span));

    public Task<IssuerKeySetUpdateResult> PushIssuerKeySetAsync(Guid lockId, ReadOnlyMemory<byte> issuerKeySet,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).ApplyIssuerKeySet(issuerKeySet.Span));

    public Task<EventBatch?> ReadEventsAsync(Guid lockId, long afterSequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).ReadSignedEvents(afterSequence));

    public Task<LockStatus> StatusAsync(Guid lockId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(lockId).Status());

    public void Dispose()
    {
        foreach (var lockId in _locks.Keys)
            Remove(lockId);
    }
}
