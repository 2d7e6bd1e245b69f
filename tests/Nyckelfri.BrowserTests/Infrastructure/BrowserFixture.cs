using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// Starts the <see cref="BrowserHost"/> (app and browser) once for the collection. When Chromium is
/// missing outside CI the tests skip and nothing starts; with CI=true they fail with a clear message.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private BrowserHost? _host;

    public async Task InitializeAsync()
    {
        if (BrowserAvailability.SkipReason is not null) return;
        if (!BrowserAvailability.IsInstalled) throw new InvalidOperationException(BrowserAvailability.MissingOnCi);
        _host = await BrowserHost.StartAsync();
        diagnostics.OnMessage(new DiagnosticMessage($"Browser test screenshots: {_host.ScreenshotFolder}"));
    }

    public async Task<BrowserSession> NewSession(ITestOutputHelper output, string testName, Viewport viewport)
    {
        if (_host is null) throw new InvalidOperationException(BrowserAvailability.MissingOnCi);
        output.WriteLine($"Screenshots: {Path.Combine(_host.ScreenshotFolder, testName)}");
        return await _host.NewSession(testName, viewport);
    }

    /// <summary>Where the app listens (Kestrel on a loopback port), e.g. for a redirect URI registered at an identity provider.</summary>
    public Uri BaseAddress => (_host ?? throw new InvalidOperationException(BrowserAvailability.MissingOnCi)).Server.BaseAddress;

    /// <summary>Reads the app's database directly (see <see cref="NyckelfriServer.OpenDatabase"/>).</summary>
    public async Task<T> Query<T>(Func<Nyckelfri.Data.NyckelfriDbContext, Task<T>> query)
    {
        if (_host is null) throw new InvalidOperationException(BrowserAvailability.MissingOnCi);
        await using var db = _host.Server.OpenDatabase();
        return await query(db);
    }

    public async Task DisposeAsync()
    {
        var (visits, runs) = Accessibility.Counts;
        diagnostics.OnMessage(new DiagnosticMessage($"axe: {visits} page checks, {runs} distinct pages run through axe (the rest had a shape axe had passed)"));
        if (_host is not null) await _host.DisposeAsync();
    }
}

/// <summary>All browser tests: one collection, run one test at a time on the one app and browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
