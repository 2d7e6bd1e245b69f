using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The app's clock in tests: the run's clock (<see cref="RunClock"/>: the machine's time, except near
/// Swedish midnight), unless a test pins it (<see cref="Now"/>). Tests that need "now" outside an app (a
/// battery reading's time, an event's time) take <see cref="RunClock.Now"/>, never the machine's clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? RunClock.Now;
}
