using Nyckelfri.TestIdentityProvider;

namespace Nyckelfri.IntegrationTests.ExternalLogin;

/// <summary>One real OpenID Connect provider (OpenIddict on a loopback port) for a test class; each test registers its own client and people.</summary>
public sealed class OpenIdProviderFixture : IAsyncLifetime
{
    public TestOpenIdProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync() => Provider = await TestOpenIdProvider.StartAsync();

    public async Task DisposeAsync() => await Provider.DisposeAsync();
}
