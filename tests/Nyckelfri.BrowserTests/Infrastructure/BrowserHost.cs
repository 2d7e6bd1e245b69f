using System.Globalization;
using Microsoft.Playwright;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>The app on Kestrel and one headless Chromium, started once for the whole browser-test collection.</summary>
public sealed class BrowserHost : IAsyncDisposable
{
    // TOOLCHAIN.md: Debian's Chromium, offline, no sandbox (containers), nothing phoning home.
    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly NyckelfriServer _server;

    public NyckelfriServer Server => _server;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserHost(NyckelfriServer server, IPlaywright playwright, IBrowser browser)
    {
        _server = server;
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where every visited page is saved as a PNG, one folder per run.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "nyckelfri-browser-screenshots",
        DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>
    /// The authenticator app of each user who has turned on two-factor login in this run (user name →
    /// shared key), so that a later login of that user can answer the code question whatever the test order.
    /// </summary>
    public Dictionary<string, string> Authenticators { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<BrowserHost> StartAsync()
    {
        var serverStart = Task.Run(NyckelfriServer.Start); // the demo generation takes most of the start-up
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserAvailability.ExecutablePath,
            Headless = true,
            Args = LaunchArgs,
        });
        var host = new BrowserHost(await serverStart, playwright, browser);
        Directory.CreateDirectory(host.ScreenshotFolder);
        return host;
    }

    /// <summary>A fresh browser context (no cookies, Swedish locale) with one page, at desktop or phone size.</summary>
    public async Task<BrowserSession> NewSession(string testName, Viewport viewport)
    {
        var phone = viewport == Viewport.Phone;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            // Bootstrap then skips its transitions: axe and screenshots see final colours, not a fade.
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Playwright's default 30 s is too short on a 2-core CI machine that also runs the integration
        // tests and PostgreSQL: a page that takes 1 s on a quiet machine timed out under load. A real
        // failure (an element that never appears) still fails, only later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new BrowserSession(context, await context.NewPageAsync(), Authenticators, Path.Combine(ScreenshotFolder, testName));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }
}

public enum Viewport { Desktop, Phone }
