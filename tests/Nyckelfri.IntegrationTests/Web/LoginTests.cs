using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>Password, TOTP two-factor, the per-role two-factor duty and lockout, for the API and the pages.</summary>
[Collection(AppCollections.Registry)]
public sealed class LoginTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Token_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app, Roles.Auditor);
        using var api = app.Anonymous();

        for (var i = 0; i < 5; i++)
            (await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "fel-lösenord" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var right = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The same answer as a wrong password or an unknown user: a lockout tells nothing about the account.
        (await right.Content.ReadAsStringAsync()).ShouldContain(Nyckelfri.Web.Security.PasswordLogin.FailureMessage);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Token_WithTwoFactorOn_NeedsTheCurrentCode(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app, Roles.CaseOfficer);
        var key = await EnableTotp(app, user);
        using var api = app.Anonymous();

        var without = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        var wrong = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password, twoFactorCode = "000000" });
        var right = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = user, password = TestWorld.Password, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) });

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_WithTwoFactorOn_AsksForTheCodeThenLogsIn(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app, Roles.CaseOfficer);
        var key = await EnableTotp(app, user);
        using var session = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));

        var login = await session.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = user, ["Input.Password"] = TestWorld.Password });
        login.Headers.Location!.ToString().ShouldStartWith("/Konto/Tvastegsinloggning");
        var step = await session.PostFormAsync("/Konto/Tvastegsinloggning", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        step.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RoleRequiringTwoFactor_WithoutIt_MaySetItUpButDoNothingElse(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app, Roles.StaffingUnit);
        await using (var db = app.SystemContext())
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Id == app.World.MunicipalityA);
            municipality.TwoFactorRoles = Roles.StaffingUnit;
            await db.SaveChangesAsync();
        }
        try
        {
            using var api = app.Anonymous();
            var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
            using var session = await PageSession.LoginAsync(app, user);
            var page = await session.Client.GetAsync("/Personal");
            var setup = await session.Client.GetAsync("/Konto/Tvafaktor");

            token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            page.Headers.Location!.ToString().ShouldBe("/Konto/Tvafaktor");
            setup.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await setup.Content.ReadAsStringAsync()).ShouldContain("Din roll kräver tvåstegsinloggning");
        }
        finally
        {
            await using var db = app.SystemContext();
            (await db.Municipalities.SingleAsync(m => m.Id == app.World.MunicipalityA)).TwoFactorRoles = "";
            await db.SaveChangesAsync();
        }
    }

    private static async Task<string> NewUser(NyckelfriApp app, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "u" + Guid.NewGuid().ToString("N")[..10], DisplayName = "Ny " + role, MunicipalityId = app.World.MunicipalityA };
        (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, role);
        return user.UserName;
    }

    private static async Task<string> EnableTotp(NyckelfriApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
