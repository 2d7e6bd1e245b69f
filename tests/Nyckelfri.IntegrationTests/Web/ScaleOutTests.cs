using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// App instances are stateless: two instances on one database share the data-protection key ring
/// (kept in the database), so each accepts the other's login cookie and bearer token.
/// </summary>
public sealed class ScaleOutTests
{
    [DatabaseTheory, DatabaseProviders]
    public async Task SecondInstance_AcceptsCookieAndTokenOfTheFirst(DatabaseProvider provider)
    {
        await using var first = await NyckelfriApp.StartAsync(provider);
        await using var second = first.StartAnotherInstance();
        var cookie = await LoginCookie(first);
        var token = (await (await first.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName = TestWorld.UserFor(Roles.CaseOfficer), password = TestWorld.Password })).Content.ReadFromJsonAsync<Token>())!.AccessToken;

        using var pages = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        pages.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await pages.GetAsync($"/Brukare/{first.World.InternalClient}");
        using var api = second.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var record = await api.GetAsync($"/api/v1/clients/{first.World.InternalClient}");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        record.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // The login cookie as a browser would send it back: log in with a client that shows us the Set-Cookie.
    private static async Task<string> LoginCookie(NyckelfriApp app)
    {
        using var raw = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        var loginPage = await raw.Client.GetAsync("/Konto/Logga-in");
        var antiforgeryCookie = string.Join("; ", loginPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await loginPage.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Konto/Logga-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = TestWorld.UserFor(Roles.CaseOfficer), ["Input.Password"] = TestWorld.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await raw.Client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("nyckelfri=", StringComparison.Ordinal)));
    }

    private sealed record Token(string AccessToken);
}
