using System.Runtime.CompilerServices;
using Nyckelfri.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// A class of browser tests: all share one app and one browser (see <see cref="BrowserHost"/>). Each
/// class names its collection (<see cref="BrowserCollections"/>).
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    protected BrowserFixture Fixture => fixture;
    protected ITestOutputHelper Output => output;

    /// <summary>A fresh browser context (no cookies); its screenshots go to a folder named after the test.</summary>
    protected Task<BrowserSession> OpenBrowser(Device device = Device.Desktop, [CallerMemberName] string test = "") =>
        fixture.NewSession(output, test, device);
}
