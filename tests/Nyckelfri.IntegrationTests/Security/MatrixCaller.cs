using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// One caller of the write matrix: a role, nobody ("anonym") or the API key ("Integration"). The API is
/// called with a bearer token (or the key); the pages with a cookie session logged in once through the
/// login form, posting the antiforgery token that a page this caller may open gave it.
/// </summary>
internal sealed partial class MatrixCaller(string name, HttpClient api, HttpClient pages, string pageToken) : IDisposable
{
    public const string Anonymous = "anonym";

    public string Name { get; } = name;
    public bool IsAnonymous => Name == Anonymous;
    public HttpClient Api { get; } = api;

    /// <summary>Posts an empty form (only the antiforgery token) to a page handler.</summary>
    public Task<HttpResponseMessage> PostPageAsync(string method, string url) =>
        pages.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = pageToken }),
        });

    /// <summary>Anonymous, the API key, and every person's role, each logged in once.</summary>
    /// <param name="freshTokens">New bearer tokens instead of the run's (whose login an earlier request may have changed).</param>
    public static async Task<IReadOnlyList<MatrixCaller>> AllAsync(NyckelfriApp app, bool freshTokens = false)
    {
        var callers = new List<MatrixCaller>
        {
            await NobodyAsync(app, Anonymous, app.Anonymous()),
            // An API key opens the API only: on a page it is nobody.
            await NobodyAsync(app, Roles.Integration, app.WithApiKey(), withApiKey: app.World.ApiKeySecret),
        };
        foreach (var role in AuthorizationMatrix.People)
        {
            var session = await PageSession.LoginAsync(app, TestWorld.UserFor(role));
            var api = freshTokens ? app.WithToken((await app.TokenPairAsync(TestWorld.UserFor(role))).AccessToken) : await app.ApiAs(role);
            callers.Add(new MatrixCaller(role, api, session.Client, await TokenFrom(session.Client, "/")));
        }
        return callers;
    }

    private static async Task<MatrixCaller> NobodyAsync(NyckelfriApp app, string name, HttpClient api, string? withApiKey = null)
    {
        var pages = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (withApiKey is not null) pages.DefaultRequestHeaders.Add("X-Api-Key", withApiKey);
        return new MatrixCaller(name, api, pages, await TokenFrom(pages, "/Konto/Logga-in"));
    }

    private static async Task<string> TokenFrom(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var token = TokenPattern().Match(html);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose()
    {
        Api.Dispose();
        pages.Dispose();
    }
}
