using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The lock's side of its history: numbers each event, links it to the hash of the one before and
/// signs batches with the lock's own key (made at commissioning; its private half never leaves the
/// lock). Not thread-safe: the lock serialises access.
/// </summary>
public sealed class EventChain
{
    private readonly ECDsa _lockKey;
    private byte[] _head;

    /// <param name="lockKey">The lock's P-256 key with its private part; the chain does not own or dispose it.</param>
    /// <param name="lastSequence">The last number the lock gave before (0 for a new lock).</param>
    /// <param name="lastHash">The hash of that event; the chain start (32 zero bytes) when there was none, or when it is not known.</param>
    public EventChain(Guid lockId, ECDsa lockKey, long lastSequence = 0, ReadOnlySpan<byte> lastHash = default)
    {
        ArgumentNullException.ThrowIfNull(lockKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastSequence, 0);
        if (!P256.IsP256(lockKey))
            throw new ArgumentException("A lock's key is an ECDSA key on P-256.", nameof(lockKey));
        if (!lastHash.IsEmpty && lastHash.Length != Protocol.HashLength)
            throw new ArgumentException("An event hash is 32 bytes.", nameof(lastHash));
        LockId = lockId;
        _lockKey = lockKey;
        LastSequence = lastSequence;
        _head = lastHash.IsEmpty ? Protocol.ChainStart.ToArray() : lastHash.ToArray();
        PublicKey = P256.ExportPublicKey(lockKey);
    }

    public Guid LockId { get; }
    public long LastSequence { get; private set; }

    /// <summary>0x04 ‖ X ‖ Y: what the server registers for this lock.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The hash of the last event: what the next one carries.</summary>
    public ReadOnlySpan<byte> Head => _head;

    /// <summary>Gives the event the next number and links it; <paramref name="create"/> receives the number.</summary>
    public ChainedEvent Append(Func<long, LockEvent> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (LastSequence == long.MaxValue)
            throw new InvalidOperationException("The lock's event counter is used up (2^63 − 1).");
        var lockEvent = create(LastSequence + 1);
        if (lockEvent.Sequence != LastSequence + 1 || lockEvent.LockId != LockId)
            throw new ArgumentException("The event must carry this lock's id and the number it was given.", nameof(create));
        var writer = new WireWriter(EventRecord.Length);
        EventRecord.Write(writer, lockEvent, _head);
        var chained = new ChainedEvent(lockEvent, _head, EventRecord.Hash(LockId, writer.Written));
        _head = chained.Hash;
        LastSequence = lockEvent.Sequence;
        return chained;
    }

    /// <summary>Signs a run of this chain's consecutive events (as kept in the lock's memory).</summary>
    public EventBatch Sign(IReadOnlyList<ChainedEvent> events) => EventBatch.Sign(_lockKey, LockId, events);
}
