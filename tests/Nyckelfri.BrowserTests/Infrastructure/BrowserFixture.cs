using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// A browser-test collection's hold on the shared <see cref="BrowserHost"/>. When Chromium is missing
/// outside CI the tests skip and nothing starts; with CI=true they fail with a clear message.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private BrowserHost? _host;

    public async Task InitializeAsync()
    {
        if (BrowserAvailability.SkipReason is not null) return;
        if (!BrowserAvailability.IsInstalled) throw new InvalidOperationException(BrowserAvailability.MissingOnCi);
        _host = await BrowserHost.Acquire();
        diagnostics.OnMessage(new DiagnosticMessage($"Browser test screenshots: {_host.ScreenshotFolder}"));
    }

    public async Task<BrowserSession> NewSession(ITestOutputHelper output, string testName, Device device)
    {
        if (_host is null) throw new InvalidOperationException(BrowserAvailability.MissingOnCi);
        output.WriteLine($"Screenshots: {Path.Combine(_host.ScreenshotFolder, testName)}");
        return await _host.NewSession(testName, device);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await BrowserHost.Release();
    }
}

/// <summary>
/// Browser tests run in two collections side by side (xUnit runs collections in parallel), both on the
/// one shared app and browser. Test classes are split between them so the two take about as long.
/// </summary>
public static class BrowserCollections
{
    public const string First = "Browser 1";
    public const string Second = "Browser 2";
}

[CollectionDefinition(BrowserCollections.First)]
public sealed class FirstBrowserCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(BrowserCollections.Second)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>;
