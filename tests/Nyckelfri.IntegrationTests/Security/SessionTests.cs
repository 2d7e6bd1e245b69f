using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 2: a cookie or token works only while its login may be used. Every change to the login
/// (roles, password, lockout, disable, removal, logout) ends its sessions and tokens once the stamp check
/// lapses (<c>Sessions:StampCheckSeconds</c>, 5 s): the tests move the app's clock past it, never sleep.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed partial class SessionTests(AppFixture fixture)
{
    private static readonly TimeSpan PastStampCheck = TimeSpan.FromSeconds(6);

    [DatabaseTheory, DatabaseProviders]
    public async Task DemotedAdministrator_BearerToken_RefusedOnceTheStampCheckLapses(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.SystemAdministrator);
        using var token = app.WithToken((await app.TokenPairAsync(userName)).AccessToken);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        try
        {
            app.Clock.Now = app.Clock.GetUtcNow();
            (await token.PostAsJsonAsync("/api/v1/users", NewAdmin())).StatusCode.ShouldBe(HttpStatusCode.Created);

            (await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new { displayName = "Degraderad", roles = new[] { Roles.Auditor } }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
            app.Clock.Now += PastStampCheck;

            (await token.PostAsJsonAsync("/api/v1/users", NewAdmin())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await token.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Now = null;
        }
        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), userId).ShouldContain(e => e.Detail == "stamp-changed");
        app.SecurityLog.Of(nameof(SecurityEventKind.RolesChanged), userId).ShouldNotBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PasswordReset_OldCookie_Refused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.CaseOfficer);
        using var session = await PageSession.LoginAsync(app, userName);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        try
        {
            app.Clock.Now = app.Clock.GetUtcNow();
            (await session.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await admin.PutAsJsonAsync($"/api/v1/users/{userId}",
                new { displayName = "Ny handläggare", roles = new[] { Roles.CaseOfficer }, password = "Ett-nytt-losen-9!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            app.Clock.Now += PastStampCheck;

            ShouldGoToLogin(await session.Client.GetAsync("/Brukare"));
            // The refused cookie is deleted: the next request has none either.
            ShouldGoToLogin(await session.Client.GetAsync("/Brukare"));
        }
        finally
        {
            app.Clock.Now = null;
        }
        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), userId).ShouldContain(e => e.Detail == "stamp-changed");
        app.SecurityLog.Of(nameof(SecurityEventKind.PasswordReset), userId).ShouldNotBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DisabledLogin_RefusedEverywhere_UntilEnabledAgain(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.CaseOfficer);
        var pair = await app.TokenPairAsync(userName);
        using var token = app.WithToken(pair.AccessToken);
        using var session = await PageSession.LoginAsync(app, userName);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        try
        {
            app.Clock.Now = app.Clock.GetUtcNow();
            (await token.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await admin.PostAsync($"/api/v1/users/{userId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            app.Clock.Now += PastStampCheck;

            (await token.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            ShouldGoToLogin(await session.Client.GetAsync("/Brukare"));
            (await Refresh(app, pair.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var anonymous = app.Anonymous();
            (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestWorld.Password }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await Should.ThrowAsync<InvalidOperationException>(() => PageSession.LoginAsync(app, userName));
            var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.Text("id") == userId);
            listed.GetProperty("disabled").GetBoolean().ShouldBeTrue();
            (await admin.PostAsync($"/api/v1/users/{userId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

            (await admin.PostAsync($"/api/v1/users/{userId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            using var again = app.WithToken((await app.TokenPairAsync(userName)).AccessToken);
            (await again.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Now = null;
        }
        await using var db = app.SystemContext();
        var history = await db.AuditEntries.Where(a => a.EntityId == Guid.Parse(userId)).Select(a => a.Changes).ToListAsync();
        history.SelectMany(Nyckelfri.History.AuditTrail.Parse).ShouldContain(c => c.Field == "Status" && c.After == "avstängd");
        history.SelectMany(Nyckelfri.History.AuditTrail.Parse).ShouldContain(c => c.Field == "Status" && c.After == "aktiv");
        app.SecurityLog.Of(nameof(SecurityEventKind.LoginDisabled), userId).ShouldNotBeEmpty();
        app.SecurityLog.Of(nameof(SecurityEventKind.LoginEnabled), userId).ShouldNotBeEmpty();
        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), userId).ShouldContain(e => e.Detail == "disabled");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RemovedLogin_KeepsItsHistory_AndCanNeitherSignInNorBeChanged(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.CaseOfficer);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);

        (await admin.DeleteAsync($"/api/v1/users/{userId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var anonymous = app.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestWorld.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new { displayName = "Tillbaka", roles = new[] { Roles.CaseOfficer } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/users/{userId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/v1/users/{userId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.Text("id") == userId);
        listed.GetProperty("removed").GetBoolean().ShouldBeTrue();
        listed.GetProperty("roles").GetArrayLength().ShouldBe(0);
        // The name stays taken: the history names the login by it.
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName = "Ny", roles = new[] { Roles.Auditor }, password = "Ett-nytt-losen-9!" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var page = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var html = await page.Client.GetStringAsync($"/Admin/Anvandare/{userId}");
        html.ShouldContain("Inloggningen är borttagen");
        html.ShouldContain("borttagen");
        app.SecurityLog.Of(nameof(SecurityEventKind.LoginRemoved), userId).ShouldNotBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Administrator_CannotDisableOrRemoveTheirOwnLogin(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.SystemAdministrator);
        using var self = app.WithToken((await app.TokenPairAsync(userName)).AccessToken);

        var disable = await self.PostAsync($"/api/v1/users/{userId}/disable", null);
        disable.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await disable.Content.ReadFromJsonAsync<JsonElement>()).Text("code").ShouldBe("own-login");
        (await self.DeleteAsync($"/api/v1/users/{userId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Logout_EndsEveryAccessAndRefreshTokenOfTheLogin(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.CaseOfficer);
        var first = await app.TokenPairAsync(userName);
        var second = await app.TokenPairAsync(userName);
        using var one = app.WithToken(first.AccessToken);
        using var other = app.WithToken(second.AccessToken);
        try
        {
            app.Clock.Now = app.Clock.GetUtcNow();
            (await other.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await one.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            app.Clock.Now += PastStampCheck;

            (await one.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await other.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await Refresh(app, second.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Now = null;
        }
        app.SecurityLog.Of(nameof(SecurityEventKind.LoggedOut), userId).ShouldNotBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Refresh_GivesANewPairUntilTheLoginChanges_ThenIsRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, userId) = await NewLogin(app, Roles.CaseOfficer);
        var pair = await app.TokenPairAsync(userName);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        try
        {
            // Past the access token's lifetime (an hour in the tests, Sessions:AccessTokenMinutes).
            app.Clock.Now = app.Clock.GetUtcNow().AddMinutes(61);
            using (var expired = app.WithToken(pair.AccessToken))
                (await expired.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            var refreshed = await Refresh(app, pair.RefreshToken);
            refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
            using (var renewed = app.WithToken(body.Text("accessToken")!))
                (await renewed.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Back to now (the administrator's token is the run's): the change ends the whole chain.
            app.Clock.Now = null;
            (await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new { displayName = "Ändrad", roles = new[] { Roles.Auditor } }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await Refresh(app, body.Text("refreshToken")!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await Refresh(app, pair.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await Refresh(app, "inte-en-token")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Now = null;
        }
        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), userId).ShouldContain(e => e.Detail == "stamp-changed");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ForgedTicket_ForAnUnknownUserOrWithAnotherStamp_Refused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var unknown = Guid.NewGuid().ToString();
        string adminId;
        await using (var db = app.SystemContext())
            adminId = await db.Users.Where(u => u.UserName == TestWorld.UserFor(Roles.SystemAdministrator)).Select(u => u.Id).SingleAsync();

        using (var forged = app.WithToken(Forge(app, unknown, "stämpel")))
            (await forged.PostAsJsonAsync("/api/v1/users", NewAdmin())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var forged = app.WithToken(Forge(app, adminId, "en-gissad-stämpel")))
            (await forged.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), unknown).ShouldContain(e => e.Detail == "unknown-user");
        app.SecurityLog.Of(nameof(SecurityEventKind.RevokedTokenUsed), adminId).ShouldContain(e => e.Detail == "stamp-changed");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CookieSession_EndsAfterTheIdleLimit_AndAtTheAbsoluteLimitDespiteActivity(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, _) = await NewLogin(app, Roles.CaseOfficer);
        try
        {
            app.Clock.Now = app.Clock.GetUtcNow();
            using (var idle = await PageSession.LoginAsync(app, userName))
            {
                app.Clock.Now += TimeSpan.FromMinutes(19);
                (await idle.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
                app.Clock.Now += TimeSpan.FromMinutes(21);
                ShouldGoToLogin(await idle.Client.GetAsync("/Brukare"));
            }

            using var busy = await PageSession.LoginAsync(app, userName);
            var started = app.Clock.Now!.Value;
            while (app.Clock.Now < started.AddHours(10).AddMinutes(-15))
            {
                app.Clock.Now += TimeSpan.FromMinutes(15);
                (await busy.Client.GetAsync("/Brukare")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            app.Clock.Now = started.AddHours(10).AddMinutes(1);
            ShouldGoToLogin(await busy.Client.GetAsync("/Brukare"));
        }
        finally
        {
            app.Clock.Now = null;
        }
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CookieWriteToTheApi_NeedsTheAntiforgeryToken(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (userName, _) = await NewLogin(app, Roles.CaseOfficer);
        using var session = await PageSession.LoginAsync(app, userName);

        var without = await session.Client.PostAsync("/api/v1/auth/logout", null);
        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await without.Content.ReadFromJsonAsync<JsonElement>()).Text("code").ShouldBe("antiforgery-token-invalid");
        // A read with the cookie needs none.
        (await session.Client.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await session.Client.GetStringAsync("/Brukare");
        var token = WebUtility.HtmlDecode(MetaToken().Match(page).Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        request.Headers.Add("RequestVerificationToken", token);
        (await session.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SignedInResponses_AreNeverCached(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var api = await app.ApiAs(Roles.CaseOfficer);
        using var page = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));

        (await api.GetAsync("/api/v1/clients")).Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await page.Client.GetAsync("/Brukare")).Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    private static async Task<HttpResponseMessage> Refresh(NyckelfriApp app, string refreshToken)
    {
        using var anonymous = app.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
    }

    /// <summary>A bearer token made with the app's own key ring, as someone holding it could make one.</summary>
    private static string Forge(NyckelfriApp app, string userId, string stamp)
    {
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId),
            new Claim(ClaimTypes.Name, "forged"),
            new Claim(ClaimTypes.Role, Roles.SystemAdministrator),
            new Claim("nf:municipality", app.World.MunicipalityA.ToString()),
            new Claim("AspNet.Identity.SecurityStamp", stamp),
        ], IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddMinutes(10) };
        return bearer.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.BearerScheme));
    }

    private static object NewAdmin() => new
    {
        userName = "adm" + Guid.NewGuid().ToString("N")[..10], displayName = "Ny förvaltare",
        roles = new[] { Roles.SystemAdministrator }, password = "Ett-nytt-losen-9!",
    };

    private static void ShouldGoToLogin(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Konto/Logga-in");
    }

    private static async Task<(string UserName, string Id)> NewLogin(NyckelfriApp app, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "s" + Guid.NewGuid().ToString("N")[..10], DisplayName = "Session " + role, MunicipalityId = app.World.MunicipalityA };
        (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return (user.UserName, user.Id);
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
