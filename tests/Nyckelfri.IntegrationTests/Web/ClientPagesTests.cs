using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The client pages through real cookie logins and forms, on both databases.</summary>
[Collection(AppCollections.Registry)]
public sealed partial class ClientPagesTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task EditForm_StaleVersion_ShowsSomeoneElseChangedItAndKeepsTheOtherEdit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        var id = app.World.InternalClient;
        var form = await session.Client.GetStringAsync($"/Brukare/{id}/Andra");
        var staleVersion = VersionField().Match(form).Groups[1].Value;

        var first = await session.PostFormAsync($"/Brukare/{id}/Andra", Fields(staleVersion, "Annika"));
        var second = await session.PostFormAsync($"/Brukare/{id}/Andra", Fields(staleVersion, "Agda"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()).ShouldContain("Någon annan har ändrat uppgifterna");
        await using var db = app.SystemContext();
        (await db.Clients.SingleAsync(c => c.Id == id)).FirstName.ShouldBe("Annika");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RegisterForm_InvalidNumber_ShowsSwedishErrorNextToTheField(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));

        var response = await session.PostFormAsync("/Brukare/Ny", new()
        {
            ["Input.FirstName"] = "Test", ["Input.LastName"] = "Person", ["Input.PersonalIdentityNumber"] = "19121212-1213",
            ["Input.Street"] = "Gatan 1", ["Input.PostalCode"] = "12345", ["Input.City"] = "Stad", ["Input.LockDecision"] = "NotAsked",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-valmsg-for=\"Input.PersonalIdentityNumber\"");
        html.ShouldContain("Personnumrets kontrollsiffra stämmer inte");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailPage_RevealDoorCode_ShowsItOnceAndRecordsWho(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var id = app.World.InternalClient;

        var before = await session.Client.GetStringAsync($"/Brukare/{id}");
        var revealed = await session.PostFormAsync($"/Brukare/{id}", new(), handler: "RevealDoorCode");

        before.ShouldNotContain(TestWorld.DoorCodeOfInternalClient);
        var html = WebUtility.HtmlDecode(await revealed.Content.ReadAsStringAsync());
        html.ShouldContain($"id=\"door-code\">{TestWorld.DoorCodeOfInternalClient}<");
        html.ShouldContain("Portkod visad");
        await using var db = app.SystemContext();
        (await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == AuditActions.DoorCodeRevealed && a.UserName == "Test " + Roles.Installer))
            .ShouldBeGreaterThan(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailPage_RevealNumberWithoutTheRight_IsForbiddenAndNotRecorded(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var id = app.World.InternalClient;
        await using var db = app.SystemContext();
        var count = await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == AuditActions.PersonalIdentityNumberRevealed);

        var response = await session.PostFormAsync($"/Brukare/{id}", new(), handler: "RevealNumber");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Konto/Nekad");
        (await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == AuditActions.PersonalIdentityNumberRevealed)).ShouldBe(count);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ExternalProviderUser_GetsNotFoundPageForAnotherProvidersClient(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));

        var other = await session.Client.GetAsync($"/Brukare/{app.World.InternalClient}");
        var own = await session.Client.GetAsync($"/Brukare/{app.World.ExternalClient}");
        var list = await session.Client.GetStringAsync("/Brukare");

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()).ShouldContain("Sidan finns inte");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain(app.World.ExternalClient.ToString());
        list.ShouldNotContain(app.World.InternalClient.ToString());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ListPage_ShowsNumbersMaskedOnly(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        await using var db = app.SystemContext();
        var full = await db.Clients.Where(c => c.Id == app.World.InternalClient).Select(c => c.PersonalIdentityNumber).SingleAsync();

        var html = await session.Client.GetStringAsync("/Brukare?q=andersson");

        html.ShouldContain(full[..8] + "-XXXX");
        html.ShouldNotContain(full[8..] + "<");
        html.ShouldNotContain(full);
    }

    private static Dictionary<string, string> Fields(string version, string firstName) => new()
    {
        ["Input.Version"] = version, ["Input.FirstName"] = firstName, ["Input.LastName"] = "Andersson", ["Input.LockDecision"] = "NotAsked",
    };

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

/// <summary>
/// A form's handler address reloaded as a GET ("?handler=RevealDoorCode") runs the page's plain GET:
/// the page shows as usual, never an error, and never what only the POST reveals.
/// </summary>
[Collection(AppCollections.Registry)]
public sealed class UnknownHandlerTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Get_WithAPostOnlyOrUnknownHandler_ShowsThePageWithoutRevealing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));

        foreach (var handler in new[] { "RevealDoorCode", "RevealNumber", "NoSuchThing" })
        {
            var response = await session.Client.GetAsync($"/Brukare/{app.World.InternalClient}?handler={handler}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(TestWorld.DoorCodeOfInternalClient, customMessage: handler);
        }
        await using var db = app.SystemContext();
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityId == app.World.InternalClient && (a.Action == AuditActions.DoorCodeRevealed || a.Action == AuditActions.PersonalIdentityNumberRevealed)))
            .ShouldBe(0, "a GET reveals nothing, so nothing is recorded as revealed");
    }
}
