using System.Net;
using System.Net.Http.Json;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Accounts.AccountArrange;

namespace Nyckelfri.IntegrationTests.Accounts;

/// <summary>
/// Issue 13: every TOTP code works once (the API and the login page), and switching two-factor login on or
/// off or making new recovery codes needs the password again, in the API and on the page.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class TwoFactorTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Token_SameTotpCodeTwice_SecondRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var key = await EnableTotp(app, user);
        using var api = app.Anonymous();
        var code = CurrentCode(key);

        var first = await Token(api, user, TestWorld.Password, code);
        var replay = await Token(api, user, TestWorld.Password, code);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("redan använd");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Token_CodeOfAnEarlierStepAfterALaterOne_Refused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var key = await EnableTotp(app, user);
        using var api = app.Anonymous();

        var later = await Token(api, user, TestWorld.Password, NextCode(key));
        var earlier = await Token(api, user, TestWorld.Password, CurrentCode(key));

        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        earlier.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LoginPage_SameTotpCodeTwice_SecondRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var key = await EnableTotp(app, user);
        var code = CurrentCode(key);

        using var first = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));
        await first.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = user, ["Input.Password"] = TestWorld.Password });
        var accepted = await first.PostFormAsync("/Konto/Tvastegsinloggning", new() { ["Code"] = code });
        using var second = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));
        await second.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = user, ["Input.Password"] = TestWorld.Password });
        var replayed = await second.PostFormAsync("/Konto/Tvastegsinloggning", new() { ["Code"] = code });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()).ShouldContain("Koden stämmer inte.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Disable_WithoutOrWithAWrongPassword_RefusedAndTwoFactorStaysOn(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var key = await EnableTotp(app, user);
        using var api = await Bearer(app, user, code: CurrentCode(key));

        var without = await api.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { });
        var wrong = await api.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { password = "inte-mitt-losenord" });

        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(without)).GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("Ange ditt lösenord.");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(wrong)).GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("Lösenordet stämmer inte.");
        (await Load(app, user)).TwoFactorEnabled.ShouldBeTrue();
        (await Load(app, user)).AccessFailedCount.ShouldBe(1);

        var right = await api.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { password = TestWorld.Password });
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Load(app, user)).TwoFactorEnabled.ShouldBeFalse();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DisablePage_WithoutThePassword_RefusedAndTwoFactorStaysOn(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        var key = await EnableTotp(app, user);
        using var session = new PageSession(app.CreateClient(new() { AllowAutoRedirect = false }));
        await session.PostFormAsync("/Konto/Logga-in", new() { ["Input.UserName"] = user, ["Input.Password"] = TestWorld.Password });
        (await session.PostFormAsync("/Konto/Tvastegsinloggning", new() { ["Code"] = CurrentCode(key) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await session.PostFormAsync("/Konto/Tvafaktor", new() { ["Password"] = "" }, handler: "Disable");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Ange ditt lösenord.");
        (await Load(app, user)).TwoFactorEnabled.ShouldBeTrue();

        var done = await session.PostFormAsync("/Konto/Tvafaktor", new() { ["Password"] = TestWorld.Password }, handler: "Disable");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Load(app, user)).TwoFactorEnabled.ShouldBeFalse();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EnableThroughTheApi_NeedsThePasswordAndACode_ThenNewRecoveryCodesNeedThePasswordToo(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var user = await NewUser(app);
        using var api = await Bearer(app, user);

        (await api.PostAsJsonAsync("/api/v1/account/two-factor/key", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var keyResponse = await api.PostAsJsonAsync("/api/v1/account/two-factor/key", new { password = TestWorld.Password });
        keyResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = (await Json(keyResponse)).GetProperty("sharedKey").GetString()!;
        var noPassword = await api.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = CurrentCode(key) });
        noPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Load(app, user)).TwoFactorEnabled.ShouldBeFalse();

        var enabled = await api.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { password = TestWorld.Password, code = NextCode(key) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(enabled)).GetProperty("codes").GetArrayLength().ShouldBe(10);
        (await Load(app, user)).TwoFactorEnabled.ShouldBeTrue();

        (await api.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var renewed = await api.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { password = TestWorld.Password });
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(renewed)).GetProperty("codes").GetArrayLength().ShouldBe(10);
        var status = await Json(await api.GetAsync("/api/v1/account/two-factor"));
        status.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        status.GetProperty("recoveryCodesLeft").GetInt32().ShouldBe(10);
    }
}
