using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

public sealed class ProviderScopingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // The demo's external LOV provider (DemoOrganisation) and its two home-care units; the
    // municipality's own home care has the unit used to find a client the coordinator must not see.
    private static readonly string[] OmsorgshusetUnits = ["Omsorgshuset Centrum", "Omsorgshuset Västerhöjd"];
    private const string InternalUnit = "Hemtjänsten Demo kommun – Hemtjänstgrupp Norrby";

    [BrowserFact]
    public async Task Coordinator_OfExternalProvider_SeesOnlyTheirProvidersClients()
    {
        var internalClient = await ClientOfTheInternalHomeCare();

        await using var browser = await OpenBrowser();
        var list = await (await (await LoginPage.Open(browser)).LoginAs("samordnare")).GoToClients();
        for (var page = 1; page <= 3; page++)
        {
            var rows = await list.Rows();
            rows.ShouldNotBeEmpty();
            foreach (var row in rows)
            {
                row.Units.ShouldNotBeEmpty($"{row.Name} is listed without a unit");
                row.Units.ShouldAllBe(unit => OmsorgshusetUnits.Contains(unit), $"{row.Name}'s units");
            }
            if (!await list.HasNextPage()) break;
            await list.NextPage();
        }

        await list.Search(internalClient.Name);
        (await list.Rows()).ShouldNotContain(row => row.Href == internalClient.Href);

        var (notFound, status) = await NotFoundPage.Open(browser, internalClient.Href);
        status.ShouldBe(404);
        (await notFound.Heading()).ShouldBe("Sidan finns inte");
    }

    /// <summary>As the case officer (sees the whole municipality): a client served by the internal home care only.</summary>
    private async Task<(string Name, string Href)> ClientOfTheInternalHomeCare()
    {
        await using var browser = await OpenBrowser(test: nameof(Coordinator_OfExternalProvider_SeesOnlyTheirProvidersClients) + "-handlaggare");
        var list = await (await (await LoginPage.Open(browser)).LoginAs("handlaggare")).GoToClients();
        await list.FilterByUnit(InternalUnit);
        var row = (await list.Rows()).First(r => !r.Units.Any(u => u.StartsWith("Omsorgshuset", StringComparison.Ordinal)));
        var lastAndFirst = row.Name.Split(", ");
        return ($"{lastAndFirst[1]} {lastAndFirst[0]}", row.Href);
    }
}
