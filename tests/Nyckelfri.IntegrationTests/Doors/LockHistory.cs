using Nyckelfri.LockProtocol;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// A door's lock history as the lock itself would write it (protocol v2): numbered, chained events
/// signed with the lock's key, so a test can upload any run of them, or a tampered copy.
/// </summary>
internal sealed class LockHistory(Door door)
{
    /// <summary>Where event k starts inside an encoded batch whose first event is <c>first</c>: after type, version, lock id and count.</summary>
    public const int HeaderLength = 20;
    public const int EventLength = 93;

    private readonly EventChain _chain = door.NewChain();
    private readonly List<ChainedEvent> _events = [];

    public IReadOnlyList<ChainedEvent> Events => _events;

    /// <summary>Openings by the door's employee, minutes apart, ending well in the past.</summary>
    public LockHistory Opened(int count)
    {
        for (var i = 0; i < count; i++)
            _events.Add(_chain.Append(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(s - 200), LockEventKind.Opened,
                EmployeeId: door.EmployeeId)));
        return this;
    }

    public LockHistory Add(Func<long, LockEvent> create)
    {
        _events.Add(_chain.Append(create));
        return this;
    }

    /// <summary>Events <paramref name="from"/> … <paramref name="to"/> signed by the lock.</summary>
    public byte[] Batch(long from, long to) => _chain.Sign(_events.GetRange((int)from - 1, (int)(to - from + 1))).ToArray();

    /// <summary>The request body of the upload endpoint.</summary>
    public object Body(long from, long to) => new { batch = Convert.ToBase64String(Batch(from, to)) };

    public static object Body(byte[] batch) => new { batch = Convert.ToBase64String(batch) };

    public static int Offset(long first, long sequence) => HeaderLength + ((int)(sequence - first) * EventLength);
}
