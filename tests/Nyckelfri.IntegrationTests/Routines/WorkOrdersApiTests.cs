using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Routines.RoutineWalk;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// The work-order API on both databases: one winner when two complete a step at once, provider scoping,
/// the owner-only rule, the small transitions, the routine configuration and the CSV export.
/// </summary>
[Collection(AppCollections.Routines)]
public sealed class WorkOrdersApiTests(AppFixture fixture)
{
    private static async Task<(Home Home, JsonElement Order)> OpenRemoval(NyckelfriApp app, Guid? unit = null)
    {
        var home = await NewHome(app, withLock: false, (CareServiceKind.HomeCare, unit ?? app.World.ExternalUnit));
        return (home, await Open(await app.ApiAs(Roles.CaseOfficer), new { kind = "Removal", clientId = home.ClientId }));
    }

    private static async Task ShouldBeNotYourStep(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        JsonDocument.Parse(text).RootElement.Text("type").ShouldBe(NotYourStep);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TwoUsersCompletingTheSameStepAtOnce_OneGets200_TheOther409(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var (_, order) = await OpenRemoval(app);
        order = await Finish(await app.ApiAs(Roles.CaseOfficer), order);
        var first = await app.ApiAs(Roles.FeeOfficer);
        var second = await app.ApiAsUser(TestWorld.SecondFeeOfficer);
        order = await AnswerToGoOn(first, order);

        var responses = await Task.WhenAll(Complete(first, order), Complete(second, order));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var after = await Get(first, order.Id());
        after.Text("currentStepCode").ShouldBe("removal.book");
        await using var db = app.SystemContext();
        (await db.AuditEntries.CountAsync(a => a.EntityId == order.Id() && a.Action.StartsWith(WorkOrderHistory.StepCompleted)))
            .ShouldBe(2, "the order step and one completion of the check");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AnotherProvidersCoordinator_GetsNotFound_AndTheRightOneMayActOnlyOnItsOwnStep(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: false, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var order = await Open(officer, new { kind = "InstallAssessed", clientId = home.ClientId });
        var own = await app.ApiAs(Roles.Coordinator);
        var other = await app.ApiAsUser(TestWorld.InternalCoordinator);

        (await other.GetAsync($"{Orders}/{order.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Complete(other, order)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.IdsOf($"{Orders}?pageSize=100")).ShouldNotContain(order.Id());
        (await other.GetStringAsync($"{Orders}/export")).ShouldNotContain(order.Text("reference")!);
        (await (await app.ApiAsUser(TestWorld.AdminInB)).IdsOf($"{Orders}?pageSize=100")).ShouldNotContain(order.Id(), "another municipality's");
        (await Get(own, order.Id())).GetProperty("canAct").GetBoolean().ShouldBeFalse("the case officer's step");
        await ShouldBeNotYourStep(await Complete(own, order));
        await ShouldBeNotYourStep(await Post(own, order, "take"));

        order = await Finish(officer, order);

        order.ShouldBeOwnedBy(Roles.Coordinator, app.World.ExternalUnit);
        (await own.IdsOf("/api/v1/inbox?pageSize=100")).ShouldContain(order.Id());
        (await other.IdsOf("/api/v1/inbox?pageSize=100")).ShouldNotContain(order.Id());
        (await other.GetAsync($"{Orders}/{order.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(own, order.Id())).GetProperty("canAct").GetBoolean().ShouldBeTrue();
        await ShouldBeNotYourStep(await Complete(officer, order));
        var taken = await (await Post(own, order, "take")).ShouldBeOk();
        taken.Text("takenBy").ShouldBe("Test " + Roles.Coordinator, "the display name of a-coordinator");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Open_ByARoleNotOwningTheFirstStep_Returns409_AndAFaultReportByAnyone(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var installer = await app.ApiAs(Roles.Installer);

        await ShouldBeNotYourStep(await installer.PostAsJsonAsync(Orders, new { kind = "InstallAssessed", clientId = home.ClientId }));
        (await installer.PostAsJsonAsync(Orders, new { kind = "Removal" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fault = await Open(installer, new { kind = "FaultReport", clientId = home.ClientId, comment = "Låset svarar inte." });

        fault.Text("kind").ShouldBe("FaultReport");
        fault.Text("state").ShouldBe("Open");
        fault.ShouldBeOwnedBy(Roles.Coordinator, app.World.ExternalUnit);
        fault.GetProperty("about").GetProperty("clientId").GetGuid().ShouldBe(home.ClientId);
        fault.GetProperty("about").GetProperty("clientName").ValueKind.ShouldBe(JsonValueKind.Null, "the API carries ids, not names");
        fault.GetProperty("comments").EnumerateArray().Single().Text("text").ShouldBe("Låset svarar inte.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task FaultReport_RoutedByItsAnswer_IsHandedOnToTheSoftwareOwner_CommentedSentBackAndCancelled(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var coordinator = await app.ApiAs(Roles.Coordinator);
        var installer = await app.ApiAs(Roles.Installer);
        var administrator = await app.ApiAs(Roles.SystemAdministrator);
        var order = await Open(coordinator, new { kind = "FaultReport", clientId = home.ClientId });

        order = await Finish(coordinator, order, new Dictionary<string, string> { [RoutineCatalog.FaultRoute] = RoutineCatalog.FaultRoutes.HouseholdLock });
        order.Text("currentStepCode").ShouldBe("fault.triage");
        order.ShouldBeOwnedBy(RoutinePresets.Owner(RoutinePreset.Salem, "fault.triage", RoutineCatalog.FaultRoutes.HouseholdLock), null);
        var noComment = await Post(installer, order, "reroute", new { version = order.Version(), route = RoutineCatalog.FaultRoutes.Software });
        var rerouted = await (await Post(installer, order, "reroute", new
        {
            version = order.Version(), route = RoutineCatalog.FaultRoutes.Software, comment = "Låset fungerar, appen loggar ut.",
        })).ShouldBeOk();
        var commented = await (await Post(coordinator, rerouted, "comments", new { text = "Brukaren har fått besked." })).ShouldBeOk();
        var sentBack = await (await Post(administrator, commented, "send-back", new { version = commented.Version(), comment = "Beskriv felet närmare." }))
            .ShouldBeOk();
        var stale = await Post(coordinator, order, "cancel", new { version = order.Version(), reason = "Dubblett." });
        var cancelled = await (await Post(coordinator, sentBack, "cancel", new { version = sentBack.Version(), reason = "Dubblett av ett annat ärende." }))
            .ShouldBeOk();

        await noComment.ShouldBeFieldError("comment", "Kommentar (varför ärendet lämnas vidare) måste anges.");
        rerouted.ShouldBeOwnedBy(RoutinePresets.Owner(RoutinePreset.Salem, "fault.triage", RoutineCatalog.FaultRoutes.Software), null);
        rerouted.Text("ownerRole").ShouldBe(Roles.SystemAdministrator);
        commented.GetProperty("comments").EnumerateArray().Select(c => c.Text("text")).ShouldContain("Brukaren har fått besked.");
        sentBack.Text("currentStepCode").ShouldBe("fault.report");
        sentBack.ShouldBeOwnedBy(Roles.Coordinator, app.World.ExternalUnit);
        await stale.ShouldBeStaleVersionConflict();
        cancelled.Text("state").ShouldBe("Cancelled");
        cancelled.Text("closingReason").ShouldBe("Dubblett av ett annat ärende.");
        var history = (await administrator.HistoryOf($"{Orders}/{order.Id()}/history")).Select(h => h.Action).ToList();
        history.ShouldContain(WorkOrderHistory.Opened);
        history.ShouldContain(WorkOrderHistory.OwnerChanged);
        history.ShouldContain(WorkOrderHistory.SentBack);
        history.ShouldContain(WorkOrderHistory.Cancelled);
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SwitchingPreset_ReroutesOpenOrders_AndReassigningAStep_MovesItsOrdersAndIsInTheHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var (_, order) = await OpenRemoval(app);
        var admin = await app.ApiAs(Roles.SystemAdministrator);

        foreach (var preset in new[] { RoutinePreset.Halmstad, RoutinePreset.Lifecare, RoutinePreset.Botkyrka, RoutinePreset.Salem })
        {
            await UsePreset(app, preset);
            (await Get(admin, order.Id())).ShouldBeOwnedBy(RoutinePresets.Owner(preset, "removal.order"), app.World.ExternalUnit, preset.ToString());
        }

        var configuration = await admin.GetFromJsonAsync<JsonElement>(Configuration);
        var line = Line(configuration, "removal.order", null);
        var reassigned = await (await admin.PutAsJsonAsync($"{Configuration}/steps/removal.order", new
        {
            version = line.GetProperty("version").GetInt32(), role = Roles.FeeOfficer,
        })).ShouldBeOk();
        var stale = await admin.PutAsJsonAsync($"{Configuration}/steps/removal.order", new
        {
            version = line.GetProperty("version").GetInt32(), role = Roles.Installer,
        });
        var staleSwitch = await admin.PostAsJsonAsync($"{Configuration}/preset", new
        {
            version = configuration.GetProperty("municipalityVersion").GetInt32() - 1, preset = "Halmstad",
        });

        Line(reassigned, "removal.order", null).Text("role").ShouldBe(Roles.FeeOfficer);
        Line(reassigned, "removal.order", null).GetProperty("changed").GetBoolean().ShouldBeTrue();
        var moved = await Get(admin, order.Id());
        moved.ShouldBeOwnedBy(Roles.FeeOfficer, null);
        (await (await app.ApiAs(Roles.FeeOfficer)).IdsOf("/api/v1/inbox?pageSize=100")).ShouldContain(order.Id());
        (await admin.HistoryOf($"{Orders}/{order.Id()}/history")).Select(h => h.Action).ShouldContain(WorkOrderHistory.OwnerChanged);
        await using (var db = app.SystemContext())
            (await db.AuditEntries.CountAsync(a => a.EntityId == line.Id() && a.Action == "Steg omfördelat")).ShouldBe(1);
        await stale.ShouldBeStaleVersionConflict();
        await staleSwitch.ShouldBeStaleVersionConflict();
        (await Get(admin, order.Id())).Text("ownerRole").ShouldBe(Roles.FeeOfficer, "the stale change changed nothing");

        await UsePreset(app, RoutinePreset.Salem);
        (await Get(admin, order.Id())).ShouldBeOwnedBy(Roles.CaseOfficer, null, "switching back restores the preset's owner");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ReassigningARoutedStep_TakesItsRoute_AndRefusesUnknownStepsRoutesAndRoles(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var configuration = await admin.GetFromJsonAsync<JsonElement>(Configuration);
        var line = Line(configuration, "fault.triage", RoutineCatalog.FaultRoutes.Software);
        var body = new { version = line.GetProperty("version").GetInt32(), role = Roles.Installer };

        var noRoute = await admin.PutAsJsonAsync($"{Configuration}/steps/fault.triage", body);
        var unknownStep = await admin.PutAsJsonAsync($"{Configuration}/steps/no.such-step", body);
        var unknownRole = await admin.PutAsJsonAsync($"{Configuration}/steps/fault.triage?route=software", new { body.version, role = "Kung" });
        var reassigned = await (await admin.PutAsJsonAsync($"{Configuration}/steps/fault.triage?route=software", body)).ShouldBeOk();

        noRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownStep.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await unknownRole.ShouldBeFieldError("role", "Välj en roll som finns.");
        Line(reassigned, "fault.triage", RoutineCatalog.FaultRoutes.Software).Text("role").ShouldBe(Roles.Installer);
        Line(reassigned, "fault.triage", RoutineCatalog.FaultRoutes.EntranceLock).Text("role")
            .ShouldBe(RoutinePresets.Owner(RoutinePreset.Salem, "fault.triage", RoutineCatalog.FaultRoutes.EntranceLock));
        (await (await app.ApiAs(Roles.CaseOfficer)).GetAsync(Configuration)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await UsePreset(app, RoutinePreset.Salem);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CsvExport_HasTheHeaderAndOneRowPerOrder_AndNoClientNamesOrAddresses(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var (home, removal) = await OpenRemoval(app);
        var fault = await Open(await app.ApiAs(Roles.Coordinator), new { kind = "FaultReport", clientId = home.ClientId });
        var auditor = await app.ApiAs(Roles.Auditor);

        var response = await auditor.GetAsync($"{Orders}/export?clientId={home.ClientId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("arenden.csv");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Ärende;Typ;Status;Steg;Ägande roll;Enhet;Tagen av;Senast;Försenat;Skapat");
        lines.Length.ShouldBe(3);
        lines.Skip(1).Select(l => l.Split(';')[0]).Order().ShouldBe(new[] { removal.Text("reference"), fault.Text("reference") }.Order());
        lines.Skip(1).ShouldAllBe(l => l.Split(';').Length == 10);
        foreach (var personal in new[] { home.FirstName, home.LastName, home.Street })
            text.ShouldNotContain(personal);
        PersonalDataScanner(text, home).ShouldBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_Filters_ByKindStateOwnerAndNumber_AndRefusesAnUnknownKind(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var (home, removal) = await OpenRemoval(app);
        var fault = await Open(await app.ApiAs(Roles.Coordinator), new { kind = "FaultReport", clientId = home.ClientId });
        var auditor = await app.ApiAs(Roles.Auditor);
        var all = $"{Orders}?clientId={home.ClientId}";

        (await auditor.IdsOf($"{all}&kind=Removal")).ShouldBe([removal.Id()]);
        (await auditor.IdsOf($"{all}&ownerRole=Coordinator")).ShouldBe([fault.Id()]);
        (await auditor.IdsOf($"{all}&state=Open&active=true")).Order().ShouldBe(new[] { removal.Id(), fault.Id() }.Order());
        (await auditor.IdsOf($"{all}&state=Done")).ShouldBeEmpty();
        (await auditor.IdsOf($"{Orders}?search={removal.Text("reference")}")).ShouldBe([removal.Id()]);
        (await auditor.IdsOf($"{all}&overdue=true")).ShouldBeEmpty();
        var unknown = await auditor.GetAsync($"{Orders}?kind=Teleport");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await auditor.GetAsync($"{Orders}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static IReadOnlyList<Nyckelfri.Notifications.PersonalDataScanner.Finding> PersonalDataScanner(string text, Home home) =>
        Nyckelfri.Notifications.PersonalDataScanner.Scan(text, [home.FirstName, home.LastName, home.Street]);

    /// <summary>One line of the configuration view: a step (and route) of any routine.</summary>
    private static JsonElement Line(JsonElement configuration, string stepCode, string? route) =>
        configuration.GetProperty("routines").EnumerateArray().SelectMany(r => r.GetProperty("lines").EnumerateArray())
            .Single(l => l.Text("stepCode") == stepCode && l.Text("route") == route);
}
