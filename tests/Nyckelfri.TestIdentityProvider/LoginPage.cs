using System.Net;

namespace Nyckelfri.TestIdentityProvider;

/// <summary>The provider's own login form: what a person sees at the municipality's identity provider.</summary>
internal static class LoginPage
{
    public static string Html(string? returnUrl, bool error) => $$"""
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Kommunens inloggningstjänst (test)</title>
        <style>body{font-family:sans-serif;margin:1rem;max-width:30rem}label,input,button{display:block;margin:.4rem 0;font-size:1rem}input{width:100%;padding:.4rem;box-sizing:border-box}button{padding:.5rem 1rem}.error{color:#a00000}</style>
        </head>
        <body>
        <main>
        <h1>Kommunens inloggningstjänst</h1>
        {{(error ? "<p class=\"error\" role=\"alert\">Fel användarnamn eller lösenord.</p>" : "")}}
        <form method="post" action="/login">
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
        <label for="username">Användarnamn</label>
        <input id="username" name="username" autocomplete="username">
        <label for="password">Lösenord</label>
        <input id="password" name="password" type="password" autocomplete="current-password">
        <button type="submit">Logga in</button>
        </form>
        </main>
        </body>
        </html>
        """;
}
