using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// A person using the web UI without a browser: cookie login through the real login form, and form
/// posts with the page's antiforgery token, as a browser would send them.
/// </summary>
public sealed partial class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static async Task<PageSession> LoginAsync(NyckelfriApp app, string userName, string password = TestWorld.Password)
    {
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await session.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await Client.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        var target = handler is null ? path : $"{path}?handler={handler}";
        return await Client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();
}
