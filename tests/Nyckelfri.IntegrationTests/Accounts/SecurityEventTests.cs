using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Identity;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Accounts.AccountArrange;

namespace Nyckelfri.IntegrationTests.Accounts;

/// <summary>
/// Issue 13: the login side records its security events (success, failure with its reason code, lockout,
/// two-factor on and off, recovery codes, password changed and reset), never with the password or the
/// name tried for an unknown login. A second host on the collection's database, with the events captured.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class SecurityEventTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Logins_RecordSuccessFailureWithReasonAndLockout(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var events = new Capture();
        await using var host = Capturing(app, events);
        var user = await NewUser(app);
        var id = (await Load(app, user)).Id;
        var unknownName = "ingen-" + Guid.NewGuid().ToString("N")[..8];
        using var api = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await Token(api, unknownName, "hemligt-lösen-1");
        for (var i = 0; i < 5; i++) await Token(api, user, "fel-lösenord-" + i);
        await Token(api, user, TestWorld.Password); // locked out now
        var other = await NewUser(app);
        await Token(api, other, TestWorld.Password);

        events.Of(SecurityEventKind.LoginFailed).ShouldContain(e => e.UserId == null && e.Detail == "unknown-user");
        events.Of(SecurityEventKind.LoginFailed).Count(e => e.UserId == id && e.Detail == "wrong-password").ShouldBe(5);
        events.Of(SecurityEventKind.LockedOut).ShouldContain(e => e.UserId == id && e.Detail == "too-many-failures");
        events.Of(SecurityEventKind.LoginFailed).ShouldContain(e => e.UserId == id && e.Detail == "locked-out");
        events.Of(SecurityEventKind.LoginSucceeded).ShouldContain(e => e.UserName == other && e.Detail == "password");
        events.All.ShouldAllBe(e => !Mentions(e, unknownName) && !Mentions(e, "fel-lösenord") && !Mentions(e, TestWorld.Password));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AccountChanges_RecordTwoFactorRecoveryCodesAndPasswords(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var events = new Capture();
        await using var host = Capturing(app, events);
        var user = await NewUser(app);
        var id = (await Load(app, user)).Id;
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = (await Json(await Token(anonymous, user, TestWorld.Password))).GetProperty("accessToken").GetString();
        using var api = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var key = (await Json(await api.PostAsJsonAsync("/api/v1/account/two-factor/key", new { password = TestWorld.Password }))).GetProperty("sharedKey").GetString()!;
        (await api.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { password = TestWorld.Password, code = CurrentCode(key) })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { password = TestWorld.Password })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { password = TestWorld.Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = TestWorld.Password, newPassword = "Eget-nytt-losen-9" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);
        using var adminHere = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        adminHere.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        (await adminHere.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "Ny", roles = new[] { Roles.CaseOfficer }, password = "Start-losen-av-admin-3" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        events.Of(SecurityEventKind.TwoFactorEnabled).ShouldContain(e => e.UserId == id);
        events.Of(SecurityEventKind.RecoveryCodesGenerated).Select(e => e.Detail).ShouldBe(["on-enable", "replaced"], ignoreOrder: true);
        events.Of(SecurityEventKind.TwoFactorDisabled).ShouldContain(e => e.UserId == id && e.Detail == "own");
        events.Of(SecurityEventKind.PasswordChanged).ShouldContain(e => e.UserId == id && e.Detail == "own");
        events.Of(SecurityEventKind.PasswordReset).ShouldContain(e => e.Subject == id && e.Detail == "set-by-administrator" && e.UserId != id);
        events.All.ShouldAllBe(e => !Mentions(e, "Eget-nytt-losen-9") && !Mentions(e, "Start-losen-av-admin-3") && !Mentions(e, TestWorld.Password));
    }

    private static WebApplicationFactory<Program> Capturing(NyckelfriApp app, Capture events) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISecurityEvents>(events)));

    private static bool Mentions(SecurityEvent e, string text) =>
        new[] { e.UserId, e.UserName, e.Subject, e.Detail, e.RemoteAddress }.Any(v => v?.Contains(text, StringComparison.Ordinal) == true);

    private sealed class Capture : ISecurityEvents
    {
        private readonly ConcurrentQueue<SecurityEvent> _events = new();

        public IReadOnlyList<SecurityEvent> All => _events.ToList();

        public IReadOnlyList<SecurityEvent> Of(SecurityEventKind kind) => _events.Where(e => e.Kind == kind).ToList();

        public Task RecordAsync(SecurityEvent securityEvent, CancellationToken ct = default)
        {
            _events.Enqueue(securityEvent);
            return Task.CompletedTask;
        }
    }
}
