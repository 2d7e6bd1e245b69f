using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator;

/// <summary>
/// A lock's event memory: a fixed number of slots, the oldest overwritten when full. Numbers keep
/// counting and every event is chained (<see cref="EventChain"/>), so what is kept is always an
/// unbroken run ending at the last number, and what was dropped shows on the server as a gap. Not
/// thread-safe: the lock serialises access.
/// </summary>
internal sealed class EventRing
{
    private readonly ChainedEvent[] _slots;
    private readonly EventChain _chain;
    private readonly long _startAfter;

    public EventRing(int capacity, EventChain chain)
    {
        _slots = new ChainedEvent[capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity))];
        _chain = chain;
        _startAfter = chain.LastSequence;
    }

    /// <summary>The last number given; the chain's starting number before the first event (a counter that survived a restart).</summary>
    public long LastSequence => _chain.LastSequence;

    /// <summary>The oldest number still held; LastSequence + 1 when empty.</summary>
    public long OldestSequence => Math.Max(_startAfter + 1, LastSequence - _slots.Length + 1);

    public long Dropped => Math.Max(0, LastSequence - _startAfter - _slots.Length);

    public LockEvent Append(Func<long, LockEvent> create)
    {
        var chained = _chain.Append(create);
        _slots[(chained.Event.Sequence - 1) % _slots.Length] = chained;
        return chained.Event;
    }

    public List<ChainedEvent> After(long afterSequence)
    {
        var from = Math.Max(afterSequence + 1, OldestSequence);
        var events = new List<ChainedEvent>((int)Math.Max(0, LastSequence - from + 1));
        for (var sequence = from; sequence <= LastSequence; sequence++)
            events.Add(_slots[(sequence - 1) % _slots.Length]);
        return events;
    }
}
