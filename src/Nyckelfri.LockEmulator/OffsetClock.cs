namespace Nyckelfri.LockEmulator;

/// <summary>A lock's own clock: the real (or test) clock plus a drift that can change while it runs.</summary>
internal sealed class OffsetClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;
}
