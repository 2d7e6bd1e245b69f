using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using static Nyckelfri.IntegrationTests.Web.KeysTestData;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The physical-key pages through real cookie logins and forms, on both databases.</summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class KeysPagesTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task ReceiptPage_ProviderUserPrints_ShowsKeyNumberNamesAndSignatureLines(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var coordinator = TestWorld.UserFor(Roles.Coordinator); // at the external provider
        var set = await HandOutSet(await app.ApiAsUser(coordinator), app.World.ExternalClient, app.World.ExternalUnit, "pg-55");
        using var session = await PageSession.LoginAsync(app, coordinator);

        var response = await session.Client.GetAsync($"/Nycklar/Kvittens/{set.Receipts()[0].Id()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("<h1 id=\"receipt-heading\" class=\"mb-1\">Nyckelkvittens</h1>");
        html.ShouldContain("PG-55");
        html.ShouldContain("Ingrid Nyckeldotter");
        html.ShouldContain("Karin Centrum");
        html.ShouldContain("Bertil Berg");
        html.ShouldContain("Norr (Omsorg AB)");
        html.ShouldContain("Underskrift");
        html.ShouldContain("Namnförtydligande");
        html.ShouldContain("data-nf-print");
        html.ShouldContain("/js/print.js");
        html.ShouldNotContain("19410202");
        html.ShouldNotContain("410202-");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task HandOutForm_SignedReceipt_RedirectsToThePrintableReceipt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "201");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmOfficer));
        var path = $"/Brukare/{clientId}/Nycklar/Ny";
        (await session.Client.GetStringAsync(path)).ShouldContain("value=\"Ingrid Nyckeldotter\"");

        var response = await session.PostFormAsync(path, HandOutFields(app, signedByGiver: "true"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Nycklar/Kvittens/");
        var receipt = WebUtility.HtmlDecode(await session.Client.GetStringAsync(location));
        receipt.ShouldContain("Utlämningen är registrerad");
        receipt.ShouldContain("FORM-1");
        receipt.ShouldContain("Centrum (Hemtjänsten A)");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task HandOutForm_NoSigner_ShowsTheSwedishErrorAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "212");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmOfficer));

        var response = await session.PostFormAsync($"/Brukare/{clientId}/Nycklar/Ny", HandOutFields(app, signedByGiver: "false"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-valmsg-for=\"Input.SignedBy\"");
        html.ShouldContain("Kvittensen måste vara signerad: ange vem som har skrivit under.");
        await using var db = app.SystemContext();
        (await db.KeySets.CountAsync(k => k.ClientId == clientId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ClientPage_OneSetForHomeCareAndAlarm_WarnsAndOffersPhysicalKeyUseOnlyWithALock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var clientId = await RegisterClient(officer, "223");
        await AddService(officer, clientId, "HomeCare", app.World.InternalUnit, app.Clock.Today());
        await AddService(officer, clientId, "SafetyAlarm", app.World.ExternalUnit, app.Clock.Today());
        var set = await HandOutSet(await app.ApiAs(Roles.AlarmOfficer), clientId, app.World.InternalUnit, "cp-1");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));

        var before = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{clientId}"));
        await MountLock(app, clientId, "KEYS-LOCK-223");
        var after = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{clientId}"));

        before.ShouldContain("Fysiska nycklar");
        before.ShouldContain("alert alert-warning");
        before.ShouldContain("Norr (Omsorg AB) har ingen nyckeluppsättning");
        before.ShouldContain($"href=\"/Nycklar/{set.Id()}\"");
        before.ShouldContain("Lämna ut nycklar");
        before.ShouldNotContain("Registrera användning av fysisk nyckel");
        after.ShouldContain($"href=\"/Brukare/{clientId}/Fysisk-nyckel\"");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task KeySetPage_TransferForm_RedirectsToTheNewReceipt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "234");
        var set = await HandOutSet(await app.ApiAs(Roles.AlarmOfficer), clientId, app.World.InternalUnit, "tr-1");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmOfficer));
        var path = $"/Nycklar/{set.Id()}";

        var response = await session.PostFormAsync(path, new()
        {
            ["TransferInput.Version"] = set.Version().ToString(CultureInfo.InvariantCulture),
            ["TransferInput.ToUnitId"] = app.World.ExternalUnit.ToString(),
            ["TransferInput.Date"] = Day(app.Clock.Today()), ["TransferInput.GiverName"] = "Karin Centrum",
            ["TransferInput.ReceiverName"] = "Nils Norr", ["TransferInput.SignedByReceiver"] = "true",
        }, handler: "Transfer");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var receipt = WebUtility.HtmlDecode(await session.Client.GetStringAsync(response.Headers.Location!.ToString()));
        receipt.ShouldContain("Överlämning mellan enheter");
        receipt.ShouldContain("Nils Norr");
        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync(path));
        page.ShouldContain("Norr (Omsorg AB)");
        page.ShouldContain("Nycklar överlämnade");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RecordUseForm_WithAMountedLock_RecordsTheUseAndTheClientPageListsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var clientId = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "245");
        await MountLock(app, clientId, "KEYS-LOCK-245");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var path = $"/Brukare/{clientId}/Fysisk-nyckel";
        var now = SwedishTime.ToLocal(app.Clock.UtcNow()).AddMinutes(-5);

        var response = await session.PostFormAsync(path, new()
        {
            ["Input.Reason"] = "Emergency", ["Input.UsedAt"] = now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Note"] = "Brukaren svarade inte.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var client = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{clientId}"));
        client.ShouldContain("Användningen av fysisk nyckel är registrerad.");
        client.ShouldContain("Nödsituation");
        client.ShouldContain(now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string> HandOutFields(NyckelfriApp app, string signedByGiver) => new()
    {
        ["Input.KeyNumber"] = "form-1", ["Input.KeyCount"] = "2", ["Input.HolderUnitId"] = app.World.InternalUnit.ToString(),
        ["Input.Date"] = Day(app.Clock.Today()), ["Input.GiverName"] = "Ingrid Nyckeldotter", ["Input.ReceiverName"] = "Karin Centrum",
        ["Input.SignedByGiver"] = signedByGiver, ["Input.SignedByReceiver"] = "false",
    };
}
