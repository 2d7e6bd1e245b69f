using Nyckelfri.Common;

namespace Nyckelfri.Access;

/// <summary>
/// A batch of lock events the server refuses whole: nothing of it is stored. <see cref="Code"/> is
/// stable (docs/lock-protocol.md, "Uploading events"); <see cref="Sequence"/> names the event at
/// fault, when one is. A <see cref="IsFork"/> refusal (the lock's key signed two different
/// histories) is a 409 and has already alerted the system administrator; every other one is a 400.
/// </summary>
public sealed class LockEventsRefusedException(string code, string message, long? sequence = null, bool isFork = false)
    : NyckelfriException(message)
{
    public string Code { get; } = code;
    public long? Sequence { get; } = sequence;
    public bool IsFork { get; } = isFork;
}

/// <summary>
/// Bounds on what an uploaded batch may claim (configuration <c>LockEvents:MaxSequenceJump</c> and
/// <c>LockEvents:MaxFutureSeconds</c>): a lock does not jump 100,000 numbers at once, and its clock is
/// not minutes ahead of the server's, so such batches are refused rather than stored.
/// </summary>
public sealed record LockEventLimits(long MaxSequenceJump, TimeSpan MaxFuture)
{
    public static readonly LockEventLimits Default = new(100_000, TimeSpan.FromMinutes(5));

    /// <summary>No event before this: locks of this system did not exist.</summary>
    public static readonly DateTimeOffset Earliest = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
