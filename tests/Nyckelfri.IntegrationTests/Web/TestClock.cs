namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The app's clock in tests: real time unless a test pins it.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}
