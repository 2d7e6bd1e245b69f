using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// One test's browser: a fresh context (no cookies) and its page. Page objects call
/// <see cref="Arrived"/> after every navigation, so each visited page is saved as a screenshot and
/// checked by axe.
/// </summary>
public sealed partial class BrowserSession(
    IBrowserContext context, IPage page, IDictionary<string, string> authenticators, string screenshotFolder) : IAsyncDisposable
{
    private int _visits;

    public IPage Page { get; } = page;

    /// <summary>Shared keys of users with two-factor login on (see <see cref="BrowserHost.Authenticators"/>).</summary>
    public IDictionary<string, string> Authenticators { get; } = authenticators;

    /// <summary>
    /// After <c>GotoAsync</c> (which returns once the page has loaded): <see cref="Check"/>s the page. Without a
    /// name the screenshot is named after the address reached ("/Konto/Logga-in" → konto-logga-in).
    /// </summary>
    public Task Arrived(string? pageName = null) => Check(pageName ?? NameOf(new Uri(Page.Url)));

    /// <summary>Clicks something that loads a new page (a link, a form's submit button), waits for that page's load, then checks it.</summary>
    /// <remarks>
    /// The page's load event is listened for before the click, so what is awaited is the load of the page the
    /// click leads to. Asking Playwright "loaded yet?" (<c>WaitForLoadStateAsync</c>) after the click raced with
    /// the navigation: under load it twice waited 90 s for a load that had already happened (once between a
    /// form's POST and its redirect, once after a menu link, with the load event seen by nobody waiting).
    /// </remarks>
    public async Task ClickAndArrive(ILocator target, string? pageName = null)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
        await Arrived(pageName);
    }

    /// <summary>
    /// Saves a screenshot of the page as it is now, then fails the test if axe finds a violation (axe runs
    /// once per distinct page: see <see cref="Accessibility.AssertNoViolations"/>).
    /// </summary>
    public async Task Check(string pageName)
    {
        Directory.CreateDirectory(screenshotFolder);
        var file = Path.Combine(screenshotFolder, $"{++_visits:00}-{pageName}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        await Accessibility.AssertNoViolations(Page, NameOf(new Uri(Page.Url)));
    }

    /// <summary>How wide the document is, in CSS pixels: wider than the viewport means sideways scrolling.</summary>
    public Task<int> DocumentScrollWidth() =>
        Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static string NameOf(Uri address)
    {
        var path = Guid().Replace(address.AbsolutePath.Trim('/'), "id");
        return path.Length == 0 ? "start" : path.Replace('/', '-').ToLowerInvariant();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
