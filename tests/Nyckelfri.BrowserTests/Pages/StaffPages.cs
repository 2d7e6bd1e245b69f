using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Personal/Ny: registers an employee of a provider, in one or more of its units.</summary>
public sealed class NewEmployeePage(BrowserSession session) : PageObject(session)
{
    public static async Task<NewEmployeePage> Open(BrowserSession session)
    {
        await Visit(session, "/Personal/Ny", "personal-ny");
        return new NewEmployeePage(session);
    }

    /// <summary>Fills the form for a permanent employee from <paramref name="startDate"/> and saves; the employee's page is shown.</summary>
    public async Task<EmployeePage> Register(string firstName, string lastName, string provider, string unit, DateOnly startDate)
    {
        await Field("Utförare").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = provider });
        await ClickAndArrive(Button("Visa utförarens enheter"), "personal-ny-enheter");
        await Field("Förnamn").FillAsync(firstName);
        await Field("Efternamn").FillAsync(lastName);
        await Page.GetByLabel(unit, new() { Exact = false }).First.CheckAsync();
        await Field("Anställningsform").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Tillsvidare" });
        await Field("Startdatum").FillAsync(startDate.ToString("yyyy-MM-dd"));
        await ClickAndArrive(Button("Spara"), "personal-medarbetare");
        return new EmployeePage(Session);
    }
}

/// <summary>/Personal/{id}: one employee; for an administrator, the login linked to them.</summary>
public sealed class EmployeePage(BrowserSession session) : PageObject(session)
{
    /// <summary>The login shown under "Inloggning" ("Ingen inloggning" when none).</summary>
    public Task<string> Login() => Page.Locator("dd.employee-login").InnerTextAsync();

    /// <summary>The HSA-id or employee number shown under "Personal-id".</summary>
    public Task<string> PersonnelId() => Page.Locator("dd.employee-personnel-id").InnerTextAsync();

    /// <summary>"Skapa inloggning": the new-login form, filled in for this employee.</summary>
    public async Task<NewLoginPage> CreateLogin()
    {
        await ClickAndArrive(Link("Skapa inloggning"), "admin-anvandare-ny-for-medarbetare");
        return new NewLoginPage(Session);
    }
}

/// <summary>/Admin/Anvandare/Ny: a new login; from an employee's page it is for that employee.</summary>
public sealed class NewLoginPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The employee the form says the login is for.</summary>
    public async Task<string> ForEmployee() =>
        (await Page.Locator("#Input_EmployeeId option:checked").InnerTextAsync()).Trim();

    public async Task<UserPage> Create(string userName, string password)
    {
        await Field("Användarnamn").FillAsync(userName);
        await Field("Startlösenord").FillAsync(password);
        await ClickAndArrive(Button("Skapa"), "admin-anvandare-skapad");
        return new UserPage(Session);
    }
}

/// <summary>/Admin/Anvandare/{id}: one login, with the employee it is for.</summary>
public sealed class UserPage(BrowserSession session) : PageObject(session)
{
    public Task<string> LinkedEmployee() => Page.Locator(".linked-employee a").InnerTextAsync();

    public async Task<EmployeePage> OpenLinkedEmployee()
    {
        await ClickAndArrive(Page.Locator(".linked-employee a"), "personal-medarbetare-kopplad");
        return new EmployeePage(Session);
    }
}
