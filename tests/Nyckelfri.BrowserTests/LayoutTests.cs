using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

public sealed class LayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    [BrowserFact]
    public async Task Phone_ClientListAndClientPage_FitTheScreenAndMenuOpens()
    {
        await using var browser = await OpenBrowser(Viewport.Phone);
        var login = await LoginPage.Open(browser);
        (await browser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "login page");

        var start = await login.LoginAs("handlaggare");
        (await start.Menu.IsShown()).ShouldBeFalse("the menu starts folded on a phone");
        await start.Menu.Open();
        (await start.Menu.HasLink("Brukare")).ShouldBeTrue();
        await browser.Check("start-meny-oppen");

        var list = await start.GoToClients();
        (await browser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "client list");
        var client = await list.OpenClient((await list.Rows())[0]);
        (await browser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "client page");
        (await client.Menu.IsShown()).ShouldBeFalse();
    }

    [BrowserFact]
    public async Task ClientPage_Printed_HidesNavigation()
    {
        await using var browser = await OpenBrowser();
        var list = await (await (await LoginPage.Open(browser)).LoginAs("handlaggare")).GoToClients();
        var client = await list.OpenClient((await list.Rows())[0]);
        (await client.Menu.HeaderIsShown()).ShouldBeTrue("on screen the navigation is there");

        await client.ViewAsPrinted();

        (await client.Menu.HeaderIsShown()).ShouldBeFalse();
        (await client.Heading()).ShouldNotBeEmpty();
    }
}
