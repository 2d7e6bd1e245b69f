using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>The Swedish status page for 404: also what a user sees for a record outside their scope.</summary>
public sealed class NotFoundPage(BrowserSession session) : PageObject(session)
{
    /// <summary>Opens a path that should not exist for this user; returns the page and the HTTP status.</summary>
    public static async Task<(NotFoundPage Page, int Status)> Open(BrowserSession session, string path)
    {
        var status = await Visit(session, path, "sidan-finns-inte");
        return (new NotFoundPage(session), status);
    }
}
