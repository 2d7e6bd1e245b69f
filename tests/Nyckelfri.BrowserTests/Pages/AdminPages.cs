using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Admin: the municipality's settings, with links to users and API keys.</summary>
public sealed class AdminPage(BrowserSession session) : PageObject(session)
{
    public Task<string> MunicipalityName() => Field("Kommunens namn").InputValueAsync();

    public async Task<UsersPage> OpenUsers()
    {
        await ClickAndArrive(Link("Användare och roller"), "admin-anvandare");
        return new UsersPage(Session);
    }

    public async Task<RoutinesPage> OpenRoutines()
    {
        await ClickAndArrive(Link("Rutiner"), "admin-rutiner");
        return new RoutinesPage(Session);
    }

    public async Task<ApiKeysPage> OpenApiKeys()
    {
        await ClickAndArrive(Link("API-nycklar"), "admin-api-nycklar");
        return new ApiKeysPage(Session);
    }

    public async Task<SecurityLogPage> OpenSecurityLog()
    {
        await ClickAndArrive(Link("Säkerhetslogg"), "admin-sakerhetslogg");
        return new SecurityLogPage(Session);
    }

    public async Task<IssuerKeysPage> OpenIssuerKeys()
    {
        await ClickAndArrive(Link("Utfärdarnycklar"), "admin-utfardarnycklar");
        return new IssuerKeysPage(Session);
    }
}

/// <summary>/Admin/Utfardarnycklar: the municipality's issuer keys, the rotation and retiring a previous key.</summary>
public sealed class IssuerKeysPage(BrowserSession session) : PageObject(session)
{
    public async Task<IssuerKeysPage> Rotate(int overlapHours)
    {
        await Field("Övergångstid (timmar)").FillAsync(overlapHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ClickAndArrive(Button("Byt utfärdarnyckel"), "admin-utfardarnycklar-bytt");
        return this;
    }

    public Task<string> Message() => Page.Locator("main [role=status], main [role=alert]").First.InnerTextAsync();

    public async Task<IReadOnlyList<string>> KeyIds() =>
        await Page.Locator("main table tbody tr td:first-child").AllInnerTextsAsync();

    public async Task<IReadOnlyList<string>> Statuses() =>
        await Page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync();
}

/// <summary>/Admin/Anvandare: every login of the municipality.</summary>
public sealed class UsersPage(BrowserSession session) : PageObject(session)
{
    public async Task<IReadOnlyList<string>> UserNames() =>
        await Page.Locator("main table tbody tr td:first-child").AllInnerTextsAsync();

    /// <summary>The status column of a login: Aktiv, Spärrad, Avstängd or Borttagen.</summary>
    public Task<string> StatusOf(string userName) =>
        Page.Locator("main table tbody tr").Filter(new() { Has = Link(userName) }).Locator("td[data-label=Status]").InnerTextAsync();

    public async Task<EditUserPage> OpenUser(string userName)
    {
        await ClickAndArrive(Link(userName), "admin-anvandare-andra");
        return new EditUserPage(Session);
    }
}

/// <summary>/Admin/Anvandare/{id}: one login; disabling, enabling and removing it.</summary>
public sealed class EditUserPage(BrowserSession session) : PageObject(session)
{
    public async Task<EditUserPage> DisableLogin()
    {
        await ClickAndArrive(Button("Stäng av inloggningen"), "admin-anvandare-avstangd");
        return this;
    }

    public async Task<EditUserPage> EnableLogin()
    {
        await ClickAndArrive(Button("Aktivera inloggningen"), "admin-anvandare-aktiverad");
        return this;
    }

    public Task<string> LoginStatus() => Page.Locator("main .login-status").InnerTextAsync();

    public async Task<UsersPage> BackToUsers()
    {
        await ClickAndArrive(Link("Tillbaka"), "admin-anvandare");
        return new UsersPage(Session);
    }
}

/// <summary>/Admin/Api-nycklar: keys for system integrations; a new key is shown once.</summary>
public sealed class ApiKeysPage(BrowserSession session) : PageObject(session)
{
    public async Task<ApiKeysPage> CreateKey(string name)
    {
        await Field("Namn på integrationen").FillAsync(name);
        await ClickAndArrive(Button("Skapa nyckel"), "admin-api-nyckel-skapad");
        return this;
    }

    public Task<string> CreatedKey() => Page.Locator("#new-key").InnerTextAsync();

    public async Task<IReadOnlyList<string>> KeyNames() =>
        await Page.Locator("main table tbody tr td:first-child").AllInnerTextsAsync();
}

/// <summary>/Admin/Sakerhetslogg: the municipality's security events, filtered by kind, login and period.</summary>
public sealed class SecurityLogPage(BrowserSession session) : PageObject(session)
{
    public async Task<SecurityLogPage> FilterByKind(string kindLabel)
    {
        await Field("Händelse").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = kindLabel });
        await ClickAndArrive(Button("Visa"), "admin-sakerhetslogg-filtrerad");
        return this;
    }

    /// <summary>Each row as "kind | user | subject".</summary>
    public async Task<IReadOnlyList<string>> Rows()
    {
        var rows = new List<string>();
        foreach (var row in await Page.Locator("main table tbody tr").AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            rows.Add($"{cells[1]} | {cells[2]} | {cells[3]}");
        }
        return rows;
    }
}
