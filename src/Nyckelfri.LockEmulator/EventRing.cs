using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator;

/// <summary>
/// A lock's event memory: a fixed number of slots, the oldest overwritten when full. Numbers keep
/// counting, so what is kept is always an unbroken run ending at the last number, and what was
/// dropped shows on the server as a gap. Not thread-safe: the lock serialises access.
/// </summary>
internal sealed class EventRing(int capacity, long startAfter = 0)
{
    private readonly LockEvent[] _slots = new LockEvent[capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity))];

    /// <summary>The last number given; <paramref name="startAfter"/> before the first event (a counter that survived a restart).</summary>
    public long LastSequence { get; private set; } = startAfter >= 0 ? startAfter : throw new ArgumentOutOfRangeException(nameof(startAfter));

    /// <summary>The oldest number still held; LastSequence + 1 when empty.</summary>
    public long OldestSequence => Math.Max(startAfter + 1, LastSequence - _slots.Length + 1);

    public long Dropped => Math.Max(0, LastSequence - startAfter - _slots.Length);

    public LockEvent Append(Func<long, LockEvent> create)
    {
        var sequence = LastSequence + 1;
        var lockEvent = create(sequence);
        _slots[(sequence - 1) % _slots.Length] = lockEvent;
        LastSequence = sequence;
        return lockEvent;
    }

    public List<LockEvent> After(long afterSequence)
    {
        var from = Math.Max(afterSequence + 1, OldestSequence);
        var events = new List<LockEvent>((int)Math.Max(0, LastSequence - from + 1));
        for (var sequence = from; sequence <= LastSequence; sequence++)
            events.Add(_slots[(sequence - 1) % _slots.Length]);
        return events;
    }
}
