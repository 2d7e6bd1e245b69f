using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Routines;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The work-order pages (issue 4) through real cookie logins, on both databases. The test world runs the Salem preset.</summary>
public sealed class WorkOrderPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    [DatabaseTheory, DatabaseProviders]
    public async Task ListPage_FiltersByKindOverdueAndNumber_AndTheCsvCarriesNoPersonalData(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (first, last) = (Unique("Ulla"), Unique("Listsson"));
        var client = await app.NewClientAt(app.World.ExternalUnit, first, last);
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        var install = await app.OrderRow(await caseOfficer.OpenOrder(RoutineKind.InstallAssessed, client));
        var fault = await app.OrderRow(await coordinator.OpenOrder(RoutineKind.FaultReport, client));
        await app.SetDue(install.Id, app.Clock.Today().AddDays(-3));

        var faults = await caseOfficer.Html("/Arenden?kind=FaultReport");
        var overdue = await caseOfficer.Html("/Arenden?overdue=true");
        var byNumber = await caseOfficer.Html($"/Arenden?q={fault.Number}&status=alla");
        var cancelled = await caseOfficer.Html("/Arenden?status=Cancelled");

        faults.ShouldContain(fault.Reference);
        faults.ShouldNotContain(install.Reference);
        overdue.ShouldContain(install.Reference);
        overdue.ShouldNotContain(fault.Reference);
        overdue.ShouldContain("Försenat");
        byNumber.ShouldContain($"href=\"/Arenden/{fault.Id}\"");
        byNumber.ShouldContain("1 träffar");
        cancelled.ShouldNotContain(fault.Reference);

        var csv = await caseOfficer.Client.GetAsync("/Arenden?handler=Csv&status=alla");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("arenden.csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Ärende;Typ;Status;Steg;Ägande roll;Enhet;Tagen av;Senast;Försenat;Skapat");
        lines.ShouldContain(l => l.StartsWith(install.Reference + ";") && l.Contains(";Ja;"), "the overdue install, flagged");
        lines.ShouldContain(l => l.StartsWith(fault.Reference + ";"));
        text.ShouldNotContain(first);
        text.ShouldNotContain(last);
        text.ShouldNotContain("Storgatan");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Inbox_ShowsOnlyWhatTheUsersRoleOwnsNow(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await app.NewClientAt(app.World.ExternalUnit, "Inga", Unique("Inkorgsson"));
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        using var nurse = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Nurse));
        var install = await app.OrderRow(await caseOfficer.OpenOrder(RoutineKind.InstallAssessed, client));
        var fault = await app.OrderRow(await coordinator.OpenOrder(RoutineKind.FaultReport, client));

        var officerInbox = await caseOfficer.Html("/Inkorg");
        var coordinatorInbox = await coordinator.Html("/Inkorg");
        var coordinatorFaults = await coordinator.Html("/Inkorg?kind=InstallAssessed");
        var nurseInbox = await nurse.Html("/Inkorg");

        officerInbox.ShouldContain(install.Reference);
        officerInbox.ShouldNotContain(fault.Reference);
        coordinatorInbox.ShouldContain(fault.Reference);
        coordinatorInbox.ShouldNotContain(install.Reference);
        coordinatorFaults.ShouldNotContain(fault.Reference);
        coordinatorFaults.ShouldContain("Inga ärenden i inkorgen matchar filtret.");
        nurseInbox.ShouldContain("Inget väntar på dig just nu.");
        nurseInbox.ShouldContain("href=\"/Inkorg\"", customMessage: "the menu links the inbox");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailsPage_ShowsTheStepFormsOnlyToTheOwner(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await app.NewClientAt(app.World.ExternalUnit, "Olga", Unique("Ägarsson"));
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        using var auditor = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Auditor));
        var id = await caseOfficer.OpenOrder(RoutineKind.InstallAssessed, client);

        var owner = await caseOfficer.Html($"/Arenden/{id}");
        var other = await coordinator.Html($"/Arenden/{id}");
        var reader = await auditor.Html($"/Arenden/{id}");

        owner.ShouldContain("handler=Answer");
        owner.ShouldContain("handler=Complete");
        owner.ShouldContain("Har brukaren fått information och broschyr?");
        owner.ShouldContain("Informera brukaren om digitalt lås");
        other.ShouldNotContain("handler=Answer");
        other.ShouldNotContain("handler=Complete");
        other.ShouldContain("handler=Comment", customMessage: "anyone who works orders may comment");
        other.ShouldContain("Bara Biståndshandläggare kan arbeta med steget.");
        reader.ShouldNotContain("handler=");
        reader.ShouldContain($"href=\"/Brukare/{client}\"", customMessage: "the auditor may read clients: the name links to the client");

        var refused = await auditor.PostFormAsync($"/Arenden/{id}", new() { ["Input.Text"] = "Granskad" }, handler: "Comment");
        refused.Headers.Location?.AbsolutePath.ShouldBe("/Konto/Nekad");
        var byWrongRole = await coordinator.PostFormAsync($"/Arenden/{id}", new() { ["Input.Version"] = (await app.OrderRow(id)).Version.ToString() }, handler: "Take");
        byWrongRole.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await byWrongRole.Content.ReadAsStringAsync()).ShouldContain("ägs av rollen Biståndshandläggare");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailsPage_OwnerAnswersAndCompletes_TheNextRoleOwnsTheStep(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await app.NewClientAt(app.World.ExternalUnit, "Siv", Unique("Stegsson"));
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        var id = await caseOfficer.OpenOrder(RoutineKind.InstallAssessed, client);
        var version = (await app.OrderRow(id)).Version;

        var early = await caseOfficer.PostFormAsync($"/Arenden/{id}", new() { ["Input.Version"] = version.ToString() }, handler: "Complete");
        WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()).ShouldContain("Besvara först: Har brukaren fått information och broschyr?");

        var answered = await caseOfficer.PostFormAsync($"/Arenden/{id}", new()
        {
            ["Input.Version"] = version.ToString(),
            ["Input.Answers[0].Code"] = "install.inform.informed", ["Input.Answers[0].Value"] = "yes",
            ["Input.Answers[1].Code"] = "install.inform.decision", ["Input.Answers[1].Value"] = "accepted",
            ["Input.Answers[1].Comment"] = "Broschyr lämnad",
        }, handler: "Answer");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var completed = await caseOfficer.PostFormAsync($"/Arenden/{id}", new()
        {
            ["Input.Version"] = (await app.OrderRow(id)).Version.ToString(), ["Input.Comment"] = "Klart",
        }, handler: "Complete");

        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var order = await app.OrderRow(id);
        (order.CurrentStepCode, order.OwnerRole, order.OwnerUnitId).ShouldBe(("install.assess", Roles.Coordinator, app.World.ExternalUnit));
        order.Answers.Count.ShouldBe(2);
        var page = await caseOfficer.Html($"/Arenden/{id}");
        page.ShouldContain("Steget är klart.");
        page.ShouldContain("Broschyr lämnad");
        page.ShouldNotContain("handler=Complete");

        // The next owner answers and completes with one press of "Slutför steget".
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        var assessed = await coordinator.PostFormAsync($"/Arenden/{id}", new()
        {
            ["Input.Version"] = order.Version.ToString(),
            ["Input.Answers[0].Code"] = "install.assess.installed", ["Input.Answers[0].Value"] = "no",
            ["Input.Answers[1].Code"] = "install.assess.code-lock", ["Input.Answers[1].Value"] = "no",
            ["Input.Answers[2].Code"] = "install.assess.wants-lock", ["Input.Answers[2].Value"] = "yes",
        }, handler: "Complete");
        assessed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.OrderRow(id)).CurrentStepCode.ShouldBe("install.keys");

        var history = await caseOfficer.Html($"/Arenden/{id}/historik");
        history.ShouldContain(WorkOrderHistory.Opened);
        history.ShouldContain($"{WorkOrderHistory.StepCompleted}: Informera brukaren om digitalt lås");
        history.ShouldContain("Aktuellt steg: Informera brukaren om digitalt lås → Bedöm behovet av digitalt lås");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailsPage_PostBasedOnAStaleVersion_ShowsTheConflictMessageAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await app.NewClientAt(app.World.ExternalUnit, "Vera", Unique("Versionsson"));
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator));
        var id = await coordinator.OpenOrder(RoutineKind.FaultReport, client);
        var seen = (await app.OrderRow(id)).Version;
        (await coordinator.PostFormAsync($"/Arenden/{id}", new() { ["Input.Version"] = seen.ToString() }, handler: "Take"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var taken = await coordinator.Html($"/Arenden/{id}");
        taken.ShouldContain("Test Coordinator", customMessage: "who took the step is shown");
        taken.ShouldNotContain("handler=Take", customMessage: "the step is already the user's");
        var fingerprint = await app.FingerprintAsync();

        var stale = await coordinator.PostFormAsync($"/Arenden/{id}", new()
        {
            ["Input.Version"] = seen.ToString(), ["Input.BookedFor"] = app.Clock.Today().AddDays(2).ToString("yyyy-MM-dd") + "T10:00",
        }, handler: "Book");

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("Någon annan har ändrat uppgifterna sedan du öppnade dem.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CreatePage_WithoutKindOrSubject_ShowsSwedishErrorsAndOpensNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (first, last) = ("Nils", Unique("Nyttsson"));
        var client = await app.NewClientAt(app.World.ExternalUnit, first, last);
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        var fingerprint = await app.FingerprintAsync();

        var form = await caseOfficer.Html($"/Arenden/Nytt?klient={client}");
        var noKind = await caseOfficer.PostFormAsync("/Arenden/Nytt", new() { ["Input.ClientId"] = client.ToString() });
        var noClient = await caseOfficer.PostFormAsync("/Arenden/Nytt", new() { ["Input.Kind"] = nameof(RoutineKind.InstallAssessed) });
        var notTheirs = await caseOfficer.PostFormAsync("/Arenden/Nytt", new() { ["Input.Kind"] = nameof(RoutineKind.BatteryChange) });

        form.ShouldContain($"{first} {last}");
        form.ShouldContain("<option value=\"InstallAssessed\"");
        form.ShouldNotContain("<option value=\"Purchase\"", customMessage: "the case officer does not own a purchase's first step");
        noKind.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await noKind.Content.ReadAsStringAsync()).ShouldContain("Välj vilket slags ärende som ska öppnas.");
        WebUtility.HtmlDecode(await noClient.Content.ReadAsStringAsync()).ShouldContain("Välj brukaren som ärendet gäller.");
        WebUtility.HtmlDecode(await notTheirs.Content.ReadAsStringAsync()).ShouldContain("Välj enheten vars batteri ska bytas.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ClientPage_ListsTheClientsOrders_AndOffersANewOneToWriters(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await app.NewClientAt(app.World.ExternalUnit, "Klara", Unique("Klientsson"));
        using var caseOfficer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.CaseOfficer));
        using var auditor = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Auditor));
        var order = await app.OrderRow(await caseOfficer.OpenOrder(RoutineKind.InstallAssessed, client));

        var page = await caseOfficer.Html($"/Brukare/{client}");
        var readOnly = await auditor.Html($"/Brukare/{client}");

        page.ShouldContain($"href=\"/Arenden/{order.Id}\"");
        page.ShouldContain($"href=\"/Arenden/Nytt?klient={client}\"");
        readOnly.ShouldContain(order.Reference);
        readOnly.ShouldNotContain("/Arenden/Nytt");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RoutinesPage_ReassignsAStep_MarksItChanged_AndSwitchingNeedsConfirmation(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var admin = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var page = await admin.Html("/Admin/Rutiner");
        page.ShouldContain(RoutinePresets.SwedishName(RoutinePreset.Salem));
        page.ShouldNotContain(">Ändrad<");

        var unconfirmed = await admin.PostFormAsync("/Admin/Rutiner", new()
        {
            ["Switch.Version"] = (await MunicipalityVersion(app)).ToString(), ["Switch.Preset"] = nameof(RoutinePreset.Halmstad),
        }, handler: "Switch");
        WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("Kryssa i rutan för att bekräfta bytet av rutinmall.");

        var reassigned = await admin.PostFormAsync("/Admin/Rutiner", new()
        {
            ["Reassign.StepCode"] = "purchase.collect", ["Reassign.Route"] = "",
            ["Reassign.Version"] = (await LineVersion(app, "purchase.collect") ?? await MunicipalityVersion(app)).ToString(),
            ["Reassign.Role"] = Roles.Installer,
        }, handler: "Reassign");
        reassigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await admin.Html("/Admin/Rutiner");
        changed.ShouldContain(">Ändrad<");
        changed.ShouldContain("Steg omfördelat");

        // Back to the preset's role: the other tests of the class run the plain Salem preset.
        (await admin.PostFormAsync("/Admin/Rutiner", new()
        {
            ["Reassign.StepCode"] = "purchase.collect", ["Reassign.Version"] = (await LineVersion(app, "purchase.collect"))!.Value.ToString(),
            ["Reassign.Role"] = Roles.Locksmith,
        }, handler: "Reassign")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.Html("/Admin/Rutiner")).ShouldNotContain(">Ändrad<");
    }

    private static async Task<int> MunicipalityVersion(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        return await db.Municipalities.Where(m => m.Id == app.World.MunicipalityA).Select(m => m.Version).SingleAsync();
    }

    private static async Task<int?> LineVersion(NyckelfriApp app, string stepCode)
    {
        await using var db = app.SystemContext();
        return await db.RoutineStepOwners.Where(o => o.MunicipalityId == app.World.MunicipalityA && o.StepCode == stepCode)
            .Select(o => (int?)o.Version).SingleOrDefaultAsync();
    }
}
