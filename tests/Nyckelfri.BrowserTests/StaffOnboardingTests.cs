using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.Demo;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// Staff onboarding (issue 12) on a phone-width screen: the system administrator registers a new
/// employee and creates a login for them from the employee's page; the alarm centre registers a web-app
/// key and hands it out to her; her first login must replace the password the administrator chose (a
/// common one is refused); she sees Mina brukare and opens a door with a key her browser makes and enrols
/// at that first "Öppna"; later she changes the password again from the menu.
/// </summary>
public sealed class StaffOnboardingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    [BrowserFact]
    public async Task Administrator_RegistersAnEmployee_AndCreatesTheirLogin_AlarmCentreHandsOutAKey_AndTheNewEmployeeOpensADoor()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var userName = "nyanstalld-" + suffix;
        var lastName = "Nyström" + suffix;
        await using var admin = await OpenBrowser(Viewport.Phone, "Onboarding-admin");
        await (await LoginPage.Open(admin)).LoginAs("systemforvaltare");

        // The demo's provider and unit of "medarbetare" (DemoOrganisation.ExternalProvider, ExternalCentre).
        var employee = await (await NewEmployeePage.Open(admin)).Register("Nora", lastName, "Omsorgshuset AB",
            "Omsorgshuset Centrum", Nyckelfri.Testing.RunClock.Today.AddDays(-30));
        (await employee.Login()).ShouldBe("Ingen inloggning");
        var form = await employee.CreateLogin();
        (await form.ForEmployee()).ShouldStartWith($"Nora {lastName}");
        var user = await form.Create(userName, DemoLogins.Password);

        (await user.LinkedEmployee()).ShouldBe($"Nora {lastName}");
        (await (await user.OpenLinkedEmployee()).Login()).ShouldBe(userName);
        (await admin.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "the employee's page");

        await using var alarmCentre = await OpenBrowser(Viewport.Phone, "Onboarding-larmcentral");
        await (await LoginPage.Open(alarmCentre)).LoginAs("larmcentral-support");
        var key = await WebAppKeyHandOut.Register(alarmCentre, "WA-" + suffix);
        await key.HandOutTo($"{lastName}, Nora", "Linda Ekström", $"Nora {lastName}");
        (await key.VisibleText()).ShouldContain("Utlämningen är registrerad.");

        // The first login: the password the administrator chose must be replaced before anything else (issue 13).
        await using var phone = await OpenBrowser(Viewport.Phone, "Onboarding-ny");
        var change = await (await LoginPage.Open(phone)).LoginAsFirstTime(userName, DemoLogins.Password);
        (await change.SaysPasswordMustBeChanged()).ShouldBeTrue();
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "the password change");
        await change.Submit(DemoLogins.Password, "1qaz2wsx3edc", "konto-byt-losenord-vanligt");
        (await change.NewPasswordError()).ShouldBe("Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat.");
        var start = await change.ChooseOwnPassword(DemoLogins.Password, OwnPassword);
        var mine = await start.GoToMyClients();
        (await mine.ClientCount()).ShouldBeGreaterThan(0);
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "Mina brukare");
        var (_, clientPath) = await mine.FirstClientWithLock();
        (await mine.Open(clientPath)).ShouldBe("Dörren är upplåst.");

        // Later she changes it again herself, from the menu; the current password is asked for.
        var own = await mine.GoToChangePassword();
        await own.Submit("inte-mitt-losenord", "Annat-eget-losen-2", "konto-byt-losenord-fel");
        (await own.VisibleText()).ShouldContain("Det nuvarande lösenordet stämmer inte.");
        await own.Submit(OwnPassword, "Annat-eget-losen-2", "konto-byt-losenord-klart");
        (await own.Confirmation()).ShouldBe("Ditt lösenord är bytt.");
        var again = await (await own.Menu.LogOut()).LoginWith(userName, "Annat-eget-losen-2");
        (await again.Heading()).ShouldStartWith("Välkommen");
    }

    private const string OwnPassword = "Nora-eget-losen-1";
}
