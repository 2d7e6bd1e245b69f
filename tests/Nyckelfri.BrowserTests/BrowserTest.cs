using System.Runtime.CompilerServices;
using Nyckelfri.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>A class of browser tests: all share one app and one browser (see <see cref="BrowserFixture"/>).</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    protected ITestOutputHelper Output => output;

    protected BrowserFixture Fixture => fixture;

    /// <summary>A fresh browser context (no cookies); its screenshots go to a folder named after the test.</summary>
    protected Task<BrowserSession> OpenBrowser(Viewport viewport = Viewport.Desktop, [CallerMemberName] string test = "") =>
        fixture.NewSession(output, test, viewport);
}
