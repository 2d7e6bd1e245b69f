using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Web.Security.ExternalLogin;
using Nyckelfri.Web.Security;

namespace Nyckelfri.IntegrationTests.ExternalLogin;

/// <summary>
/// Sign-in through the municipality's identity provider against a real OpenID Connect provider (OpenIddict,
/// <see cref="OpenIdProviderFixture"/>): the whole authorization code flow with PKCE over HTTP, each test in
/// a municipality of its own.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class IdentityProviderSignInTests(AppFixture fixture, OpenIdProviderFixture openId) : IClassFixture<OpenIdProviderFixture>
{
    private Task<NyckelfriApp> App(DatabaseProvider provider) => fixture.For(provider);

    private static PageSession Browser(NyckelfriApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    [DatabaseTheory, DatabaseProviders]
    public async Task MappedIdentity_SignsInWithTheRolesGrantedInNyckelfri(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());
        using var session = Browser(app);

        WebUtility.HtmlDecode(await session.Client.GetStringAsync("/Konto/Logga-in")).ShouldContain("Logga in med Testkommunens e-legitimation");
        var answer = await m.SignInAsync(session, m.ProviderLogin);

        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe("/");
        (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK, "a case officer in Nyckelfri reads clients");
        // The provider claimed "SystemAdministrator": roles come from Nyckelfri only.
        var admin = await session.Client.GetAsync("/Admin");
        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.ToString().ShouldContain("/Konto/Nekad");
        var events = app.SecurityEvents.For(m.Id);
        events.ShouldContain(e => e.Kind == SecurityEventKind.ExternalLoginSucceeded && e.UserName == m.StaffUserName);
        events.ShouldNotContain(e => e.Kind == SecurityEventKind.ExternalLoginRefused);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UnknownIdentity_IsRefusedWithAMessageAndRecorded(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());
        var stranger = "idp-stranger-" + Guid.NewGuid().ToString("N")[..8];
        openId.Provider.AddPerson(stranger, OidcMunicipality.ProviderPassword, new Dictionary<string, string> { ["hsa_id"] = "SE-okand-" + stranger });
        using var session = Browser(app);

        var answer = await m.SignInAsync(session, stranger);

        answer.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.UnknownIdentity);
        WebUtility.HtmlDecode(await session.Client.GetStringAsync(answer.Headers.Location!.ToString())).ShouldContain("det finns ingen inloggning i Nyckelfri för dig");
        (await session.Client.GetAsync("/Brukare")).Headers.Location!.ToString().ShouldContain("/Konto/Logga-in");
        app.SecurityEvents.For(m.Id).ShouldContain(e => e.Kind == SecurityEventKind.ExternalLoginRefused && e.Detail == ExternalSignIn.Refusal.UnknownIdentity);
        app.SecurityEvents.For(m.Id).ShouldNotContain(e => e.Kind == SecurityEventKind.ExternalLoginSucceeded);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PasswordsSwitchedOff_RefuseTheRightPassword_ButNotTheFallbackAdministrator(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString(), passwordsOff: true, fallbackUserId: m.AdminUserId);

        using var page = Browser(app);
        var right = await page.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = m.StaffUserName, ["Input.Password"] = TestWorld.Password });
        var wrong = await page.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = m.StaffUserName, ["Input.Password"] = "fel-lösenord-1" });
        using var api = app.Anonymous();
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = m.StaffUserName, password = TestWorld.Password });

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()).ShouldContain("Lösenordsinloggning är avstängd i din kommun");
        // A wrong password says what it always says: the refusal tells only someone who knew the password.
        var wrongText = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        wrongText.ShouldContain(Nyckelfri.Web.Security.PasswordLogin.FailureMessage);
        wrongText.ShouldNotContain("Lösenordsinloggning är avstängd");
        token.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await token.Content.ReadAsStringAsync()).ShouldContain("Lösenordsinloggning är avstängd");
        (await page.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");

        using var fallback = await PageSession.LoginAsync(app, m.AdminUserName);
        (await fallback.Client.GetAsync("/Admin")).StatusCode.ShouldBe(HttpStatusCode.OK, "the break-glass administrator keeps password login");

        using var viaProvider = Browser(app);
        (await m.SignInAsync(viaProvider, m.ProviderLogin)).Headers.Location!.ToString().ShouldBe("/");
        app.SecurityEvents.For(m.Id).ShouldContain(e => e.Kind == SecurityEventKind.LoginFailed && e.Detail == NyckelfriSignInManager.PasswordLoginOff);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TokenFromAnotherIssuer_IsRefused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        // The metadata is fetched from "localhost", but the provider's tokens name 127.0.0.1 as their issuer.
        await m.ConfigureAsync(app, $"http://localhost:{openId.Provider.Port}/");
        using var session = Browser(app);

        var answer = await m.SignInAsync(session, m.ProviderLogin);

        answer.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.WrongIssuer);
        (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.SecurityEvents.For(m.Id).ShouldContain(e => e.Kind == SecurityEventKind.ExternalLoginRefused && e.Detail == ExternalSignIn.Refusal.WrongIssuer);
        app.SecurityEvents.For(m.Id).ShouldNotContain(e => e.Kind == SecurityEventKind.ExternalLoginSucceeded);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ForgedState_AndAnotherBrowsersAnswer_AreRefused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());

        using var forger = Browser(app);
        var forged = await forger.Client.GetAsync($"/signin-oidc/{m.Id:N}?code=abc&state=forged");
        // A genuine answer for someone else's sign-in (login CSRF): this browser holds no correlation cookie for it.
        using var victim = Browser(app);
        using var attacker = Browser(app);
        var callback = await m.ProviderCallbackAsync(attacker, m.ProviderLogin);
        var replayed = await victim.Client.GetAsync(callback.PathAndQuery);

        forged.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.InvalidState);
        replayed.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.InvalidState);
        (await victim.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Settings_KeepTheSecretEncryptedAndNeverShowIt(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        var api = await app.ApiAsUser(m.AdminUserName);
        const string secret = "hemlig-klientnyckel-4711";
        var body = new
        {
            version = 0, displayName = "Kommunens SITHS", authority = "https://idp.example.se/", clientId = "nyckelfri", clientSecret = secret,
            scopes = "profile hsa", identifierClaim = "hsa_id", matchBy = "PersonnelId", enabled = false,
        };

        var saved = await api.PutAsJsonAsync("/api/v1/identity-provider", body);
        var plainHttp = await api.PutAsJsonAsync("/api/v1/identity-provider", body with { version = 1, authority = "http://idp.example.se/" });
        var offWithoutProvider = await api.PutAsJsonAsync("/api/v1/identity-provider", new
        {
            version = 1, displayName = "x", authority = "https://idp.example.se/", clientId = "c", scopes = "", identifierClaim = "sub",
            matchBy = "UserName", enabled = false, localPasswordsDisabled = true,
        });
        var read = await api.GetStringAsync("/api/v1/identity-provider");

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldNotContain(secret);
        read.ShouldNotContain(secret);
        JsonDocument.Parse(read).RootElement.GetProperty("hasClientSecret").GetBoolean().ShouldBeTrue();
        plainHttp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await plainHttp.Content.ReadAsStringAsync()).ShouldContain("https://");
        offWithoutProvider.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = app.SystemContext();
        var row = await db.IdentityProviders.SingleAsync(p => p.MunicipalityId == m.Id);
        row.ProtectedClientSecret.ShouldNotBeNull();
        row.ProtectedClientSecret.ShouldNotContain(secret);
        (await db.AuditEntries.Where(a => a.EntityId == row.Id).ToListAsync()).ShouldAllBe(a => !a.Changes.Contains(secret));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ClaimReleasedOnlyAtUserInfo_IsMissingUntilUserInfoIsAskedFor(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        var login = "idp-userinfo-" + Guid.NewGuid().ToString("N")[..8];
        openId.Provider.AddPerson(login, OidcMunicipality.ProviderPassword, new Dictionary<string, string>(),
            userInfoClaims: new Dictionary<string, string> { ["hsa_id"] = m.PersonnelId });
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());
        using var first = Browser(app);
        var withoutUserInfo = await m.SignInAsync(first, login);

        // A changed setting (a new version of the row) takes effect at the next sign-in, without a restart.
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString(), useUserInfo: true);
        using var second = Browser(app);
        var withUserInfo = await m.SignInAsync(second, login);

        withoutUserInfo.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.MissingClaim);
        withUserInfo.Headers.Location!.ToString().ShouldBe("/");
        (await second.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RoleRequiringTwoFactor_SignedInThroughTheProvider_IsNotSentToSetUpTotp(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await using (var db = app.SystemContext())
        {
            var municipality = await db.Municipalities.SingleAsync(x => x.Id == m.Id);
            municipality.TwoFactorRoles = Roles.CaseOfficer;
            await db.SaveChangesAsync();
        }
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());
        using var viaProvider = Browser(app);
        (await m.SignInAsync(viaProvider, m.ProviderLogin)).Headers.Location!.ToString().ShouldBe("/");

        (await viaProvider.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK, "the provider's eID login is the strong one");
        // The same login with its password is still sent to set up TOTP first.
        using var withPassword = await PageSession.LoginAsync(app, m.StaffUserName);
        (await withPassword.Client.GetAsync("/Brukare")).Headers.Location!.ToString().ShouldContain("/Konto/Tvafaktor");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LockedOutLogin_IsRefusedThoughTheProviderKnowsThePerson(DatabaseProvider provider)
    {
        var app = await App(provider);
        var m = await OidcMunicipality.ArrangeAsync(app, openId.Provider);
        await m.ConfigureAsync(app, openId.Provider.Issuer.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(m.StaffUserName))!;
            (await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(10))).Succeeded.ShouldBeTrue();
        }
        using var session = Browser(app);

        var answer = await m.SignInAsync(session, m.ProviderLogin);

        answer.Headers.Location!.ToString().ShouldBe("/Konto/Logga-in?fel=" + ExternalSignIn.Refusal.NotAllowed);
        (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.SecurityEvents.For(m.Id).ShouldContain(e => e.Kind == SecurityEventKind.ExternalLoginRefused
                                                        && e.Detail == ExternalSignIn.Refusal.NotAllowed && e.UserName == m.StaffUserName);
    }
}
