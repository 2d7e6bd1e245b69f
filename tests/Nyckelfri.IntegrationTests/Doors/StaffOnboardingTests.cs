using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// Staff onboarding (issue 12, docs/access-control.md): an administrator links a login to a new
/// employee, through the API and the pages; the employee then gets a credential and opens a door. One
/// login per employee, one employee per login, only within the municipality, in both histories;
/// unlinking takes back the credentials at once. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class StaffOnboardingTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Api_NewLoginForANewEmployee_GetsACredentialAndOpens_AndUnlinkRevokesIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var employeeId = await NewEmployee(app, admin, "Nyanställd");
        var (_, deviceKey) = await app.GiveKey(employeeId);
        using var _k = deviceKey;
        var userName = "ny-" + Guid.NewGuid().ToString("N")[..8];

        var created = await (await admin.PostAsJsonAsync("/api/v1/users", NewLogin(app, userName, employeeId))).ShouldBeCreatedAt("/api/v1/users");
        var userId = created.Text("id")!;

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.Text("id") == userId);
        listed.GetProperty("employeeId").GetGuid().ShouldBe(employeeId);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{employeeId}")).Text("login").ShouldBe(userName);
        // The administrator chose the password: the new login replaces it before anything else (issue 13).
        using (var first = await Accounts.AccountArrange.Bearer(app, userName))
            (await first.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = TestWorld.Password, newPassword = "Nyanstalldas-eget-losen" }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var phone = await Accounts.AccountArrange.Bearer(app, userName, "Nyanstalldas-eget-losen");
        var body = await (await phone.PostAsJsonAsync("/api/v1/credentials",
            new { lockId = door.LockId, holderPublicKey = Convert.ToBase64String(P256.ExportPublicKey(deviceKey)) })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
        credential!.EmployeeId.ShouldBe(employeeId);
        using var emulated = await app.EmulatedLock(door);
        var holder = new Holder(deviceKey);
        emulated.Present(holder.Answer(emulated.Challenge(), credential)).Opened.ShouldBeTrue();
        // The clock stands still: the token's login is checked now, and the next requests fall within the
        // seconds the check is trusted (docs/security.md, "Sessions and transport").
        app.Clock.Now = app.Clock.GetUtcNow();
        try
        {
            (await phone.GetFromJsonAsync<JsonElement>("/api/v1/me/clients")).GetRawText().ShouldContain(door.ClientId.ToString());

            (await admin.DeleteAsync($"/api/v1/users/{userId}/employee")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

            // The token still names the employee; the server asks the login, so nothing more is issued ...
            var refused = await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId });
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).Text("type")!.ShouldEndWith("/not-an-employee");
            // ... and once the check lapses, the token of the changed login is refused altogether.
            app.Clock.Now += TimeSpan.FromSeconds(6);
            (await phone.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Now = null;
        }
        // ... and the credential already issued is in the new list, which the lock then refuses it by.
        var list = await RevocationFollowsPermissionTests.CurrentList(app);
        list.IsCredentialRevoked(credential.CredentialId).ShouldBeTrue();
        emulated.ApplyRevocationList(list.ToArray()).Applied.ShouldBeTrue();
        emulated.Present(holder.Answer(emulated.Challenge(), credential)).Reason.ShouldBe(RefusalReason.CredentialRevoked);
        await using var db = app.SystemContext();
        (await db.RevokedCredentials.SingleAsync(r => r.CredentialId == credential.CredentialId)).ReasonCode.ShouldBe("login-unlinked");
        var history = await db.AuditEntries.Where(a => a.EntityId == employeeId).Select(a => a.Reason).ToListAsync();
        history.ShouldContain($"Inloggning kopplad: {userName}");
        history.ShouldContain($"Inloggning bortkopplad: {userName}");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Api_OneLoginPerEmployee_OneEmployeePerLogin_AndNeverAcrossMunicipalities(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var first = await NewEmployee(app, admin, "Enda");
        var second = await NewEmployee(app, admin, "Andra");
        var linked = await (await admin.PostAsJsonAsync("/api/v1/users", NewLogin(app, "en-" + Guid.NewGuid().ToString("N")[..8], first)))
            .ShouldBeCreatedAt("/api/v1/users");
        var before = await app.FingerprintAsync();

        var twice = await admin.PostAsJsonAsync("/api/v1/users", NewLogin(app, "tva-" + Guid.NewGuid().ToString("N")[..8], first));
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).Text("type")!.ShouldEndWith("/employee-has-login");
        var other = await admin.PostAsJsonAsync($"/api/v1/users/{linked.Text("id")}/employee", new { employeeId = second });
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).Text("type")!.ShouldEndWith("/login-has-employee");
        // An administrator of another municipality does not find this municipality's employee.
        var foreign = await app.ApiAsUser(TestWorld.AdminInB);
        var crossing = await foreign.PostAsJsonAsync("/api/v1/users", NewLogin(app, "b-" + Guid.NewGuid().ToString("N")[..8], second, scoped: false));
        crossing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync($"/api/v1/users/{linked.Text("id")}/employee", new { employeeId = (Guid?)null }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await app.FingerprintAsync()).ShouldBe(before);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Pages_LinkFromTheEmployeePage_AndCreateTheLoginFromIt_AreShownOnBothRecords(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var employeeId = await NewEmployee(app, admin, "Sidkoppling");
        var userName = "sida-" + Guid.NewGuid().ToString("N")[..8];
        var loginId = (await (await admin.PostAsJsonAsync("/api/v1/users", NewLogin(app, userName, null))).ShouldBeCreatedAt("/api/v1/users")).Text("id");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));

        var linked = await session.PostFormAsync($"/Personal/{employeeId}", new() { ["LoginInput.UserId"] = loginId! }, "LinkLogin");

        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await linked.Content.ReadAsStringAsync());
        WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Personal/{employeeId}")).ShouldContain($">{userName}</a>");
        var userPage = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Admin/Anvandare/{loginId}"));
        userPage.ShouldContain("Inloggningen är kopplad till");
        userPage.ShouldContain("Inloggning kopplad");

        // Unlink on the user page, then create a new login from the employee page.
        (await session.PostFormAsync($"/Admin/Anvandare/{loginId}", [], "Unlink")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Admin/Anvandare/Ny?employeeId={employeeId}"));
        System.Text.RegularExpressions.Regex.IsMatch(form, $"<option (selected=\"selected\" value=\"{employeeId}\"|value=\"{employeeId}\" selected=\"selected\")")
            .ShouldBeTrue("the new-login form names the employee it came from");
        var newName = "sidny-" + Guid.NewGuid().ToString("N")[..8];
        var created = await session.PostFormAsync($"/Admin/Anvandare/Ny?employeeId={employeeId}", new()
        {
            ["Input.UserName"] = newName, ["Input.DisplayName"] = "Sid Ny", ["Input.Password"] = TestWorld.Password,
            ["Input.Roles"] = Roles.Employee, ["Input.ProviderId"] = app.World.ExternalProvider.ToString(), ["Input.EmployeeId"] = employeeId.ToString(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{employeeId}")).Text("login").ShouldBe(newName);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Api_EditingALoginWithoutAnEmployee_WithAnEmployeeId_LinksIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var employeeId = await NewEmployee(app, admin, "Redigerad");
        var userName = "red-" + Guid.NewGuid().ToString("N")[..8];
        var userId = (await (await admin.PostAsJsonAsync("/api/v1/users", NewLogin(app, userName, null))).ShouldBeCreatedAt("/api/v1/users")).Text("id");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{employeeId}")).GetProperty("login").ValueKind.ShouldBe(JsonValueKind.Null);

        var edited = await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new
        {
            userName, displayName = "Redigerad Medarbetare", roles = new[] { Roles.Employee }, providerId = app.World.ExternalProvider, employeeId,
        });

        edited.StatusCode.ShouldBe(HttpStatusCode.NoContent, await edited.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{employeeId}")).Text("login").ShouldBe(userName);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.Text("id") == userId);
        listed.Text("employeeName")!.ShouldStartWith("Nora Redigerad");
    }

    private static object NewLogin(NyckelfriApp app, string userName, Guid? employeeId, bool scoped = true) => new
    {
        // Outside a provider the login takes a municipal role (a provider's role needs the provider).
        userName, displayName = "Ny Medarbetare", password = TestWorld.Password, roles = new[] { scoped ? Roles.Employee : Roles.Auditor },
        providerId = scoped ? app.World.ExternalProvider : (Guid?)null, employeeId,
    };

    private static async Task<Guid> NewEmployee(NyckelfriApp app, HttpClient admin, string lastName) =>
        (await (await admin.PostAsJsonAsync("/api/v1/employees", new
        {
            firstName = "Nora", lastName = lastName + Guid.NewGuid().ToString("N")[..6], title = "Undersköterska",
            providerId = app.World.ExternalProvider, unitIds = new[] { app.World.ExternalUnit },
            employmentType = "Permanent", startDate = app.Clock.Today().AddYears(-1).ToString("yyyy-MM-dd"),
        })).ShouldBeCreatedAt("/api/v1/employees")).Id();
}
