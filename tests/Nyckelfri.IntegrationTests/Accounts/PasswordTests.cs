using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Identity;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Accounts.AccountArrange;

namespace Nyckelfri.IntegrationTests.Accounts;

/// <summary>
/// Issue 13: users change their own password (the current one required), a password an administrator set
/// must be replaced before anything else works, and common passwords are refused.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class PasswordTests(AppFixture fixture)
{
    private const string NewPassword = "Hemlig-kaffekopp-42";

    [DatabaseTheory, DatabaseProviders]
    public async Task ChangeOwnPassword_WithTheCurrentOne_NewOneWorksAndTheOldOneNoLonger(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        using var api = await Bearer(app, user);

        var wrongCurrent = await api.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "inte-rätt-lösen", newPassword = NewPassword });
        var noCurrent = await api.PostAsJsonAsync("/api/v1/account/password", new { newPassword = NewPassword });
        var changed = await api.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = TestWorld.Password, newPassword = NewPassword });

        wrongCurrent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(wrongCurrent)).GetProperty("errors").GetProperty("currentPassword")[0].GetString().ShouldBe("Det nuvarande lösenordet stämmer inte.");
        noCurrent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var anonymous = app.Anonymous();
        (await Token(anonymous, user, TestWorld.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Token(anonymous, user, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ChangeOwnPasswordPage_WithTheCurrentOne_Changed(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        using var session = await PageSession.LoginAsync(app, user);

        var wrong = await session.PostFormAsync("/Konto/Byt-losenord", new() { ["Input.CurrentPassword"] = "fel-fel-fel-fel", ["Input.NewPassword"] = NewPassword });
        var right = await session.PostFormAsync("/Konto/Byt-losenord", new() { ["Input.CurrentPassword"] = TestWorld.Password, ["Input.NewPassword"] = NewPassword });

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).ShouldContain("Det nuvarande lösenordet stämmer inte.");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await PageSession.LoginAsync(app, user, NewPassword);
        (await again.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ChangeOwnPassword_ToACommonPassword_RefusedInSwedish(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        using var api = await Bearer(app, user);

        var common = await api.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = TestWorld.Password, newPassword = "Qwerty123456" });

        common.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(common)).GetProperty("errors").GetProperty("newPassword")[0].GetString()
            .ShouldBe("Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AdministratorSetsACommonPassword_Refused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "n" + Guid.NewGuid().ToString("N")[..8], displayName = "Ny handläggare", roles = new[] { Roles.CaseOfficer }, password = "123qweasdzxc",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("vanligaste lösenorden");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginCreatedByAnAdministrator_ApiRefusesEverythingButThePasswordChangeUntilChanged(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await CreateThroughAdministration(app);
        using var api = await Bearer(app, user);

        var refused = await api.GetAsync("/api/v1/clients/");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await Json(refused);
        problem.GetProperty("code").GetString().ShouldBe("password-change-required");
        problem.GetProperty("title").GetString().ShouldBe("Byt lösenord först.");

        (await api.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = TestWorld.Password, newPassword = NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Load(app, user)).MustChangePassword.ShouldBeFalse();
        using var renewed = await Bearer(app, user, NewPassword);
        (await renewed.GetAsync("/api/v1/clients/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginCreatedByAnAdministrator_PagesGoToThePasswordChangeFirst(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await CreateThroughAdministration(app);
        using var session = await PageSession.LoginAsync(app, user);

        var page = await session.Client.GetAsync("/Brukare");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldBe("/Konto/Byt-losenord?ReturnUrl=%2FBrukare");
        var form = await session.Client.GetAsync("/Konto/Byt-losenord?ReturnUrl=%2FBrukare");
        WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()).ShouldContain("Ditt lösenord är satt av någon annan.");

        var changed = await session.PostFormAsync("/Konto/Byt-losenord?ReturnUrl=%2FBrukare",
            new() { ["Input.CurrentPassword"] = TestWorld.Password, ["Input.NewPassword"] = NewPassword });
        changed.Headers.Location!.ToString().ShouldBe("/Brukare");
        (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AdministratorResetsAPassword_UserMustChangeItAgain(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var id = (await Load(app, user)).Id;
        using var admin = await app.ApiAs(Roles.SystemAdministrator);

        var reset = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            displayName = "Ny " + Roles.CaseOfficer, roles = new[] { Roles.CaseOfficer }, password = "Nytt-start-losen-7",
        });

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Load(app, user)).MustChangePassword.ShouldBeTrue();
    }

    private static async Task<string> CreateThroughAdministration(NyckelfriApp app)
    {
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        var name = "n" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "Ny handläggare", roles = new[] { Roles.CaseOfficer }, password = TestWorld.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return name;
    }
}
