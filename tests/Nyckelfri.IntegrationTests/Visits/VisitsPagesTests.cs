using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Visits;
using static Nyckelfri.IntegrationTests.Visits.VisitsTestData;

namespace Nyckelfri.IntegrationTests.Visits;

/// <summary>The access-log, visit, NFC-tag and webhook pages through real cookie logins and forms, on both databases.</summary>
[Collection(AppCollections.Access)]
public sealed class VisitsPagesTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task AccessLogPage_FilteredByName_ShowsTheLineInSwedishTimeAndOffersTheCsv(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await AddClient(app, app.World.InternalUnit, "Greta", "Sidloggsson");
        var employee = await AddEmployee(app, app.World.InternalUnit, "Ulla", "Sidöppnare");
        var at = SwedishTimeAgo(app, 2, 7, 45);
        await AddEvent(app, AccessEventKind.Refused, AccessOutcome.Denied, at, client.Id, employee, reasonCode: "Expired");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmCentreSupport));

        // Names are searched by POST only: never in a URL.
        var search = await session.PostFormAsync("/Logg", new() { ["brukare"] = "sidloggsson", ["medarbetare"] = "ulla" });
        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync());

        html.ShouldContain("<h1>Åtkomstlogg</h1>");
        html.ShouldContain(SwedishTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        html.ShouldContain("Låset nekade");
        html.ShouldContain("Ulla Sidöppnare");
        html.ShouldContain("Greta Sidloggsson");
        html.ShouldContain("Nyckeln har gått ut.");
        html.ShouldContain("Ladda ner CSV");
        html.ShouldNotContain(client.PersonalIdentityNumber[2..8]);
        var csv = await session.PostFormAsync("/Logg", new() { ["brukare"] = "sidloggsson", ["medarbetare"] = "ulla" }, handler: "Csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("Ulla Sidöppnare;Greta Sidloggsson");
        WebUtility.HtmlDecode(await session.Client.GetStringAsync("/Logg?from=2026-11-20&to=2026-11-01")).ShouldContain("Slutdatum kan inte ligga före startdatum.");
        // A name in a GET query string is not read: the filter field stays empty.
        WebUtility.HtmlDecode(await session.Client.GetStringAsync("/Logg?brukare=sidloggsson")).ShouldNotContain("value=\"sidloggsson\"");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ClientPage_EmployeeOfTheProvider_SeesTheVisitsSectionAndTheVisitList(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await AddClient(app, app.World.ExternalUnit, "Stina", "Besökssida");
        var employee = await AddEmployee(app, app.World.ExternalUnit, "Märta", "Hemtjänst");
        var arrival = await AddEvent(app, AccessEventKind.NfcScan, AccessOutcome.Reported, SwedishTimeAgo(app, 1, 9), client.Id, employee, unitId: app.World.ExternalUnit);
        var departure = await AddEvent(app, AccessEventKind.NfcScan, AccessOutcome.Reported, SwedishTimeAgo(app, 1, 9, 42), client.Id, employee, unitId: app.World.ExternalUnit);
        var open = await AddEvent(app, AccessEventKind.NfcScan, AccessOutcome.Reported, SwedishTimeAgo(app, 0, 0, 5), client.Id, employee, unitId: app.World.ExternalUnit);
        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([arrival, departure, open], CancellationToken.None);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Employee)); // at the external provider

        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{client.Id}"));
        var list = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{client.Id}/Besok"));
        var unit = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Besok?unit={app.World.ExternalUnit}"));

        page.ShouldContain("id=\"visits-heading\">Besök</h2>");
        page.ShouldContain("Inget digitalt lås och ingen NFC-tagg");
        page.ShouldContain("42 min");
        page.ShouldNotContain("/Logg?clientId="); // employees do not read the access log
        list.ShouldContain("<h1>Besök hos Stina Besökssida</h1>");
        list.ShouldContain("42 min");
        list.ShouldContain("Pågående/ej avslutat");
        list.ShouldContain("Märta Hemtjänst");
        list.ShouldContain("NFC-tagg");
        unit.ShouldContain("Stina Besökssida");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task NfcTagsPage_RegisterThenDeactivate_ShowsTheTagAndItsState(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await AddClient(app, app.World.ExternalUnit, "Tyra", "Taggsida");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        var path = $"/Brukare/{client.Id}/Nfc-taggar";

        var bad = await session.PostFormAsync(path, new() { ["Input.TagId"] = "<b>", ["Input.Placement"] = "" });
        var registered = await session.PostFormAsync(path, new() { ["Input.TagId"] = "04:aa:bb", ["Input.Placement"] = "vid hallspegeln" });

        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("Taggens id innehåller otillåtna tecken");
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync(path));
        html.ShouldContain("NFC-taggen är registrerad.");
        html.ShouldContain("04:AA:BB");
        html.ShouldContain("vid hallspegeln");
        await using var db = app.SystemContext();
        var tag = await db.NfcTags.SingleAsync(t => t.ClientId == client.Id);
        var deactivated = await session.PostFormAsync(path, new(), $"Deactivate&tagId={tag.Id}");
        deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await session.Client.GetStringAsync(path)).ShouldContain("Inaktiverad");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task WebhookPage_SaveWithNewSecret_ShowsTheSecretOnceThenOnlyItsEnd(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        const string path = "/Admin/Besokswebhook";
        var form = await session.Client.GetStringAsync(path);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var refused = await session.PostFormAsync(path, new() { ["Input.Version"] = version, ["Input.Url"] = "http://example.se/besok" });
        var saved = await session.PostFormAsync(path, new()
        {
            ["Input.Version"] = version, ["Input.Url"] = "https://tes.example.se/besok", ["Input.NewSecret"] = "true",
        });

        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Adressen ska börja med https://");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await saved.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-secret\">([0-9a-f]{64})<").Groups[1].Value;
        secret.Length.ShouldBe(64);
        var again = WebUtility.HtmlDecode(await session.Client.GetStringAsync(path));
        again.ShouldNotContain(secret);
        again.ShouldContain("••••" + secret[^4..]);
        again.ShouldContain("https://tes.example.se/besok");
    }
}
