using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Identity;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Web.Security;
using Xunit.Abstractions;
using static Nyckelfri.IntegrationTests.Accounts.AccountArrange;

namespace Nyckelfri.IntegrationTests.Accounts;

/// <summary>
/// Issue 13: a failed login tells nothing about which logins exist, in any municipality: an unknown name,
/// a wrong password, a locked-out login get the same answer after about the same time; an administrator
/// creating a login cannot learn the names of another municipality's logins.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class LoginAnswerTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Token_UnknownUserWrongPasswordAndLockedOut_TheSameAnswer(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var known = await NewUser(app);
        var locked = await NewUser(app);
        await LockOut(app, locked);
        using var api = app.Anonymous();

        var unknown = await Token(api, "ingen-" + Guid.NewGuid().ToString("N")[..8], TestWorld.Password);
        var wrong = await Token(api, known, "fel-lösenord-12");
        var lockedOut = await Token(api, locked, TestWorld.Password);

        foreach (var response in new[] { unknown, wrong, lockedOut })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = await Json(response);
            problem.GetProperty("title").GetString().ShouldBe("Inloggningen misslyckades.");
            problem.GetProperty("detail").GetString().ShouldBe(PasswordLogin.FailureMessage);
        }
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_UnknownUserWrongPasswordAndLockedOut_TheSameMessage(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var known = await NewUser(app);
        var locked = await NewUser(app);
        await LockOut(app, locked);

        var pages = new List<string>();
        foreach (var (name, password) in new[] { ("ingen-" + Guid.NewGuid().ToString("N")[..8], TestWorld.Password), (known, "fel-lösenord-12"), (locked, TestWorld.Password) })
        {
            using var session = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));
            var response = await session.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = name, ["Input.Password"] = password });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            pages.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        pages.ShouldAllBe(p => p.Contains(PasswordLogin.FailureMessage) && !p.Contains("spärrat efter för många misslyckade försök. Försök"));
    }

    /// <summary>
    /// The unknown name costs the same work as the known one: exactly one password hash verification each
    /// (a dummy hash for the unknown name), on the token endpoint and the login page. Counted, not timed:
    /// a stopwatch on a shared machine measures the machine.
    /// </summary>
    [DatabaseTheory, DatabaseProviders]
    public async Task UnknownUser_CostsOnePasswordHash_AsAWrongPasswordDoes(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var known = await NewUser(app);
        using var api = app.Anonymous();
        var hasher = app.Services.GetRequiredService<CountingPasswordHasher>();
        string Fresh() => "fel-losenord-" + Guid.NewGuid().ToString("N");

        var (unknownToken, knownToken, unknownPage, knownPage) = (Fresh(), Fresh(), Fresh(), Fresh());
        await Token(api, "ingen-" + Guid.NewGuid().ToString("N")[..8], unknownToken);
        await Token(api, known, knownToken);
        using var page = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));
        await page.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = "ingen-" + Guid.NewGuid().ToString("N")[..8], ["Input.Password"] = unknownPage });
        await page.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = known, ["Input.Password"] = knownPage });
        await ResetFailures(app, known);

        (hasher.Verifications(unknownToken), hasher.Verifications(knownToken)).ShouldBe((1, 1));
        (hasher.Verifications(unknownPage), hasher.Verifications(knownPage)).ShouldBe((1, 1));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AdministratorCreatesALogin_NameTakenInAnotherMunicipality_CreatedAsIfFree(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var name = "delad" + Guid.NewGuid().ToString("N")[..8];
        await NewUser(app, Roles.Auditor, app.World.MunicipalityB, name);
        using var admin = await app.ApiAs(Roles.SystemAdministrator);

        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "Samma namn", roles = new[] { Roles.Auditor }, password = TestWorld.Password });
        var again = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "Samma namn igen", roles = new[] { Roles.Auditor }, password = TestWorld.Password });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(again)).GetProperty("errors").GetProperty("userName")[0].GetString().ShouldBe("Användarnamnet är upptaget.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Login_NameInTwoMunicipalities_NeedsTheMunicipalityCode(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var name = "tvilling" + Guid.NewGuid().ToString("N")[..8];
        await NewUser(app, Roles.Auditor, app.World.MunicipalityA, name);
        await NewUser(app, Roles.Auditor, app.World.MunicipalityB, name);
        string codeA;
        await using (var db = app.SystemContext())
            codeA = await db.Municipalities.Where(m => m.Id == app.World.MunicipalityA).Select(m => m.Code).SingleAsync();
        using var api = app.Anonymous();

        var bare = await Token(api, name, TestWorld.Password);
        var qualified = await Token(api, name + "@" + codeA, TestWorld.Password);

        bare.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        qualified.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task LockOut(NyckelfriApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        // Far enough ahead on either clock (the run's clock may be hours ahead of the machine's near midnight).
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(2));
    }

    private static async Task ResetFailures(NyckelfriApp app, string userName)
    {
        await using var db = app.SystemContext();
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0));
    }
}
