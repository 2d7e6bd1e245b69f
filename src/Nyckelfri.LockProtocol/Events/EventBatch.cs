using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// A run of one lock's consecutive events as the lock hands it over, signed by the lock's own key
/// (docs/lock-protocol.md, "Event batch"). Each event carries the hash of the one before; the lock
/// signs the head of the chain (lock id, first sequence, the hash before the first event and the hash
/// of the last), not each event: the links pin every event in between, so an event removed, inserted,
/// altered or moved breaks the chain at a place <see cref="Check"/> can name. <see cref="TryDecode"/> checks only the layout;
/// <see cref="Check"/> checks the signature and the chain and names the event at fault.
/// </summary>
public sealed class EventBatch
{
    private const int HeaderLength = 1 + 1 + Protocol.IdLength + 2;

    private readonly byte[] _encoded;
    private readonly byte[] _headHash;

    private EventBatch(byte[] encoded, Guid lockId, IReadOnlyList<ChainedEvent> events, byte[] headHash)
    {
        _encoded = encoded;
        LockId = lockId;
        Events = events;
        _headHash = headHash;
    }

    public byte ProtocolVersion => _encoded[1];
    public Guid LockId { get; }

    /// <summary>The events in the order the batch carries them, each with the link it carries and its own hash.</summary>
    public IReadOnlyList<ChainedEvent> Events { get; }

    /// <summary>The hash of the last event as the lock declared (and signed) it.</summary>
    public ReadOnlySpan<byte> HeadHash => _headHash;

    public ReadOnlySpan<byte> Signature => _encoded.AsSpan(_encoded.Length - Protocol.SignatureLength);
    public ReadOnlySpan<byte> Encoded => _encoded;
    public long FirstSequence => Events[0].Event.Sequence;
    public long LastSequence => Events[^1].Event.Sequence;

    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary>Parses the layout of a version 2 batch. Never throws; <paramref name="reason"/> says why not.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out EventBatch? batch, out RefusalReason reason)
    {
        batch = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.EventBatch, out reason)) return false;
        if (!reader.Id(out var lockId)
            || !reader.UInt16(out var count) || count is 0 or > Protocol.MaxEventsPerBatch
            // The count is checked against the bytes present before anything is allocated.
            || reader.Remaining != (count * EventRecord.Length) + Protocol.HashLength + Protocol.SignatureLength)
            return false;

        var events = new List<ChainedEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            if (!EventRecord.TryRead(ref reader, lockId, out var lockEvent, out var previous)) return false;
            var hash = EventRecord.Hash(lockId, bytes[start..reader.Position]);
            events.Add(new ChainedEvent(lockEvent, previous.ToArray(), hash));
        }
        if (!reader.Bytes(Protocol.HashLength, out var head) || !reader.Bytes(Protocol.SignatureLength, out _) || !reader.AtEnd)
            return false;

        batch = new EventBatch(bytes.ToArray(), lockId, events, head.ToArray());
        reason = RefusalReason.None;
        return true;
    }

    /// <summary>
    /// Checks, in this order: the lock id, the lock's signature over the chain head, the chain start,
    /// then each event's number and link, then the head. The first fault found is returned with the
    /// event it concerns.
    /// </summary>
    public EventBatchCheck Check(Guid expectedLockId, ECDsa lockPublicKey)
    {
        ArgumentNullException.ThrowIfNull(lockPublicKey);
        if (LockId != expectedLockId) return new EventBatchCheck(EventBatchFault.WrongLock, null);
        if (!P256.Verify(lockPublicKey, HeadStatement(LockId, Events[0].Event.Sequence, Events[0].PreviousHash, _headHash), Signature))
            return new EventBatchCheck(EventBatchFault.SignatureInvalid, null);
        if (Events[0].Event.Sequence == 1 && !Events[0].PreviousHash.AsSpan().SequenceEqual(Protocol.ChainStart))
            return new EventBatchCheck(EventBatchFault.ChainStartInvalid, 1);
        // Numbers first (an event moved shows as one that comes after a higher number, not as a gap), then gaps, then links.
        for (var i = 1; i < Events.Count; i++)
            if (Events[i].Event.Sequence <= Events[i - 1].Event.Sequence)
                return new EventBatchCheck(EventBatchFault.OutOfOrder, Events[i].Event.Sequence);
        for (var i = 1; i < Events.Count; i++)
            if (Events[i].Event.Sequence != Events[i - 1].Event.Sequence + 1)
                return new EventBatchCheck(EventBatchFault.Missing, Events[i - 1].Event.Sequence + 1);
        for (var i = 1; i < Events.Count; i++)
        {
            // The link breaks after an event whose bytes are not the ones the lock chained: that
            // event was altered, or inserted in place of the lock's own.
            if (!Events[i].PreviousHash.AsSpan().SequenceEqual(Events[i - 1].Hash))
                return new EventBatchCheck(EventBatchFault.Altered, Events[i - 1].Event.Sequence);
        }
        if (!Events[^1].Hash.AsSpan().SequenceEqual(_headHash))
            return new EventBatchCheck(EventBatchFault.Altered, Events[^1].Event.Sequence);
        return EventBatchCheck.Valid;
    }

    /// <summary>
    /// The lock's side: encodes a run of consecutive chained events and signs its head. The events
    /// come from the lock's own <see cref="EventChain"/>, so their links hold.
    /// </summary>
    public static EventBatch Sign(ECDsa lockKey, Guid lockId, IReadOnlyList<ChainedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(lockKey);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count is 0 or > Protocol.MaxEventsPerBatch)
            throw new ArgumentOutOfRangeException(nameof(events), events.Count, $"A batch holds 1–{Protocol.MaxEventsPerBatch} events.");
        var writer = new WireWriter(HeaderLength + (events.Count * EventRecord.Length) + Protocol.HashLength + Protocol.SignatureLength);
        writer.Byte((byte)MessageType.EventBatch);
        writer.Byte(Protocol.Version);
        writer.Id(lockId);
        writer.UInt16((ushort)events.Count);
        foreach (var chained in events)
            EventRecord.Write(writer, chained.Event, chained.PreviousHash);
        var head = events[^1].Hash;
        writer.Raw(head);
        writer.Raw(P256.Sign(lockKey, HeadStatement(lockId, events[0].Event.Sequence, events[0].PreviousHash, head)));
        return TryDecode(writer.Written, out var batch, out _)
            ? batch
            : throw new ArgumentException("The events do not encode as a version 2 batch.", nameof(events));
    }

    /// <summary>tag ‖ type ‖ version ‖ lock id ‖ first sequence ‖ hash before the first event ‖ head hash.</summary>
    internal static byte[] HeadStatement(Guid lockId, long firstSequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> headHash)
    {
        var writer = new WireWriter(Protocol.EventBatchTag.Length + 2 + Protocol.IdLength + 8 + (2 * Protocol.HashLength));
        writer.Raw(Protocol.EventBatchTag);
        writer.Byte((byte)MessageType.EventBatch);
        writer.Byte(Protocol.Version);
        writer.Id(lockId);
        writer.Int64(firstSequence);
        writer.Raw(previousHash);
        writer.Raw(headHash);
        return writer.ToArray();
    }
}

/// <summary>What is wrong with a batch. The codes (<see cref="EventBatchFaults.Code"/>) are part of the API and never change.</summary>
public enum EventBatchFault
{
    None = 0,

    /// <summary>The batch names another lock than the one it was uploaded for.</summary>
    WrongLock,

    /// <summary>The signature is not the lock's over this chain head (forged, another key, or altered head).</summary>
    SignatureInvalid,

    /// <summary>The first event the lock ever logged does not start from the chain start.</summary>
    ChainStartInvalid,

    /// <summary>An event's number is not above the one before it: reordered or repeated.</summary>
    OutOfOrder,

    /// <summary>A number is skipped inside the batch: an event was removed.</summary>
    Missing,

    /// <summary>An event's bytes are not the ones the lock chained: altered, or inserted.</summary>
    Altered,
}

/// <summary>The outcome of <see cref="EventBatch.Check"/>; <see cref="Sequence"/> names the event at fault, when one is.</summary>
public readonly record struct EventBatchCheck(EventBatchFault Fault, long? Sequence)
{
    public static readonly EventBatchCheck Valid = new(EventBatchFault.None, null);

    public bool IsValid => Fault == EventBatchFault.None;
}

public static class EventBatchFaults
{
    /// <summary>The stable code the server answers with.</summary>
    public static string Code(EventBatchFault fault) => fault switch
    {
        EventBatchFault.None => "valid",
        EventBatchFault.WrongLock => "wrong-lock",
        EventBatchFault.SignatureInvalid => "signature-invalid",
        EventBatchFault.ChainStartInvalid => "chain-start-invalid",
        EventBatchFault.OutOfOrder => "event-out-of-order",
        EventBatchFault.Missing => "event-missing",
        EventBatchFault.Altered => "event-altered",
        _ => "unknown",
    };
}
