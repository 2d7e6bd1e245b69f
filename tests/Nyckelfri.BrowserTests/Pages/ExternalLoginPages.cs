using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Admin/Inloggningstjanst: the municipality's OpenID Connect identity provider.</summary>
public sealed class IdentityProviderAdminPage(BrowserSession session) : PageObject(session)
{
    public static async Task<IdentityProviderAdminPage> Open(BrowserSession session)
    {
        await Visit(session, "/Admin/Inloggningstjanst", "admin-inloggningstjanst");
        return new IdentityProviderAdminPage(session);
    }

    /// <summary>The redirect URI the page tells the administrator to register at the provider.</summary>
    public Task<string> RedirectUri() => Page.Locator("#redirect-uri").InnerTextAsync();

    /// <summary>Fills in the provider, matching its <paramref name="claim"/> to the employees' personnel id, turns it on and saves.</summary>
    public async Task<IdentityProviderAdminPage> Save(string displayName, string authority, string clientId, string clientSecret, string claim)
    {
        await Field("Namn på knappen").FillAsync(displayName);
        await Field("Utfärdare (authority)").FillAsync(authority);
        await Field("Klient-id").FillAsync(clientId);
        await Field("Klienthemlighet").FillAsync(clientSecret);
        await Field("Omfång (scopes) utöver openid").FillAsync("profile");
        await Field("Anspråk (claim) som identifierar personen").FillAsync(claim);
        await Field("Visa ”Logga in med …” och tillåt inloggning via leverantören").CheckAsync();
        await ClickAndArrive(Button("Spara"), "admin-inloggningstjanst-sparad");
        return this;
    }

    public Task<string> Message() => Page.Locator("main [role=status]").InnerTextAsync();
}

/// <summary>/Personal/{id}/Andra: edits an employee; here only the personnel id the identity provider knows them by.</summary>
public sealed class EditEmployeePage(BrowserSession session) : PageObject(session)
{
    public static async Task<EditEmployeePage> Open(BrowserSession session, Guid employeeId)
    {
        await Visit(session, $"/Personal/{employeeId}/Andra", "personal-andra");
        return new EditEmployeePage(session);
    }

    public async Task<EmployeePage> SetPersonnelId(string personnelId)
    {
        await Field("Personal-id").FillAsync(personnelId);
        await ClickAndArrive(Button("Spara"), "personal-medarbetare-personal-id");
        return new EmployeePage(Session);
    }
}

/// <summary>The identity provider's own login form (the test provider's <c>/login</c>), reached from "Logga in med …".</summary>
public sealed class ProviderLoginPage(BrowserSession session) : PageObject(session)
{
    /// <summary>Logs in at the provider; the provider sends the browser back to Nyckelfri, signed in.</summary>
    public async Task<StartPage> LoginAs(string userName, string password)
    {
        await Field("Användarnamn").FillAsync(userName);
        await Field("Lösenord").FillAsync(password);
        await ClickAndArrive(Button("Logga in"), "start-via-identitetsleverantor");
        return await StartPage.Reached(Session);
    }
}
