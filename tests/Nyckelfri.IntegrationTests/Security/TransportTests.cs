using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 8, on a host configured as in production (environment Production): HSTS, Secure and
/// HttpOnly cookies, no-store on every signed-in answer, and the reverse proxy's scheme believed. An app
/// of its own: no other class runs as Production.
/// </summary>
public sealed class TransportTests(ProductionAppFixture fixture) : IClassFixture<ProductionAppFixture>
{
    private static readonly Uri Public = new("https://nyckelfri.kommun.example/");

    [DatabaseTheory, DatabaseProviders]
    public async Task ProductionHost_SendsHsts_SecureCookies_AndNoStore(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = Public, AllowAutoRedirect = false, HandleCookies = true,
        }));

        var loginPage = await session.Client.GetAsync("/Konto/Logga-in");
        loginPage.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        CookiesOf(loginPage).ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var login = await session.PostFormAsync("/Konto/Logga-in",
            new() { ["Input.UserName"] = TestWorld.UserFor(Roles.CaseOfficer), ["Input.Password"] = TestWorld.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sessionCookie = CookiesOf(login).Single(c => c.StartsWith("nyckelfri=", StringComparison.Ordinal));
        sessionCookie.ShouldContain("secure", Case.Insensitive);
        sessionCookie.ShouldContain("httponly", Case.Insensitive);
        sessionCookie.ShouldContain("samesite=lax", Case.Insensitive);

        var page = await session.Client.GetAsync("/Brukare");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var api = app.WithToken((await app.TokenPairAsync(TestWorld.UserFor(Roles.CaseOfficer))).AccessToken);
        api.BaseAddress = Public;
        var clients = await api.GetAsync("/api/v1/clients");
        clients.StatusCode.ShouldBe(HttpStatusCode.OK);
        clients.Headers.CacheControl!.NoStore.ShouldBeTrue();
        clients.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BehindTheProxy_TheForwardedSchemeIsBelieved(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://nyckelfri.kommun.example/"), AllowAutoRedirect = false });

        var plain = await client.GetAsync("/Konto/Logga-in");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/Konto/Logga-in");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        var proxied = await client.SendAsync(forwarded);

        // HSTS goes only with https: on plain http it is absent, through the (loopback) proxy it is sent.
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        proxied.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    private static IReadOnlyList<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
}
