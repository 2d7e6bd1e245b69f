using System.Net;
using Microsoft.AspNetCore.Hosting;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Tenancy;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>
/// The login page's demo logins come from the demo only: listed when the demo is wired in and a demo
/// municipality exists, and only where the host may show them (Development, or Demo:ShowLogins=true);
/// never without the demo, whatever the database holds.
/// </summary>
public sealed class DemoWiringTests(AppFixture withDemo, AppWithoutDemoFixture withoutDemo)
    : IClassFixture<AppFixture>, IClassFixture<AppWithoutDemoFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_WithTheDemo_ListsTheDemoLoginsOnlyOnceADemoMunicipalityExists(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        // A second host on the same database that may show the demo logins (Development does by default).
        await using var showing = app.WithWebHostBuilder(b => b.UseSetting("Demo:ShowLogins", "true"));
        using var anonymous = showing.CreateClient(new() { AllowAutoRedirect = false });
        (await LoginPage(anonymous)).ShouldNotContain("Demoinloggningar");

        await AddDemoMunicipality(app);
        var page = await LoginPage(anonymous);

        page.ShouldContain("Demoinloggningar");
        page.ShouldContain($"<code>{DemoLogins.Password}</code>");
        foreach (var login in DemoLogins.All) page.ShouldContain($"<code>{login.UserName}</code>");

        // The same database, the demo wired in, but outside Development and not asked to show them: none.
        using var plain = app.Anonymous();
        var production = await LoginPage(plain);
        production.ShouldNotContain("Demoinloggningar");
        production.ShouldNotContain(DemoLogins.Password);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_WithoutTheDemo_ListsNoDemoLoginsEvenWithADemoMunicipality(DatabaseProvider provider)
    {
        var app = await withoutDemo.For(provider);
        await AddDemoMunicipality(app);
        using var anonymous = app.Anonymous();

        var page = await LoginPage(anonymous);

        page.ShouldContain("Logga in");
        page.ShouldNotContain("Demoinloggningar");
        page.ShouldNotContain(DemoLogins.Password);
    }

    private static async Task AddDemoMunicipality(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        db.Municipalities.Add(new Municipality("Demo kommun", "demo-" + Guid.NewGuid().ToString("N")[..8], isDemo: true));
        await db.SaveChangesAsync();
    }

    private static async Task<string> LoginPage(HttpClient client)
    {
        var response = await client.GetAsync("/Konto/Logga-in");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
