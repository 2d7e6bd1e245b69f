using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Admin/Rutiner: the municipality's routine preset and who owns each step.</summary>
public sealed class RoutinesPage(BrowserSession session) : PageObject(session)
{
    public Task<string> CurrentPreset() => Page.Locator("#current-preset").InnerTextAsync();
}
