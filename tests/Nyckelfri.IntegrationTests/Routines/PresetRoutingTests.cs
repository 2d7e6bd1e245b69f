using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Routines.RoutineWalk;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// SPEC §1.2: the same routine, run in each of the four presets, reaches the role the preset names at
/// every step (a provider role at the client's unit), and every one of them can do its part through
/// the API, until the lock is mounted at the household and the order is done.
/// </summary>
[Collection(AppCollections.Routines)]
public sealed class PresetRoutingTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task InstallAssessed_InEachPreset_ReachesEachStepsOwner_AndEndsWithTheLockMounted(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var unit = app.World.ExternalUnit;
        var expectedSteps = RoutineCatalog.For(RoutineKind.InstallAssessed).Steps.Select(s => s.Code).Where(c => c != "install.decline").ToList();
        var clients = new List<Guid>();

        foreach (var preset in RoutinePresets.All)
        {
            await UsePreset(app, preset);
            var home = await NewHome(app, withLock: false, (CareServiceKind.HomeCare, unit));
            clients.Add(home.ClientId);
            var lockUnit = await app.NewDevice();
            var keyNumber = DeviceArrange.Unique("N");
            var order = await Open(await app.ApiAs(Roles.CaseOfficer), new { kind = "InstallAssessed", clientId = home.ClientId });
            var walked = new List<string>();

            while (order.Text("state") == "Open")
            {
                var step = order.Text("currentStepCode")!;
                var role = RoutinePresets.Owner(preset, step);
                order.ShouldBeOwnedBy(role, unit, $"{preset}, {step}");
                var owner = await app.ApiAs(role);
                order = await Get(owner, order.Id());
                order.GetProperty("canAct").GetBoolean().ShouldBeTrue($"{preset}, {step}: the owner {role} may act");

                if (step == "install.keys") await KeysTestData.HandOutSet(owner, home.ClientId, unit, DeviceArrange.Unique("FN"));
                if (step == "install.book") order = await Book(owner, order, app.Clock.Today().AddDays(2));
                order = await AnswerToGoOn(owner, order);
                var response = await Complete(owner, order, lockUnit, keyNumber, app.World.StockLocationA);
                order = await response.ShouldBeOk();
                walked.Add(step);
            }

            order.Text("state").ShouldBe("Done", preset.ToString());
            walked.ShouldBe(expectedSteps, preset.ToString());
            var statuses = order.GetProperty("steps").EnumerateArray().ToDictionary(s => s.Text("code")!, s => s.Text("status"));
            statuses["install.decline"].ShouldBe("Skipped", "the client accepted: the case officer had nothing to decide");
            expectedSteps.ShouldAllBe(code => statuses[code] == "Done");
            var mounted = await app.DeviceRow(lockUnit);
            mounted.Status.ShouldBe(DeviceStatus.Installed, preset.ToString());
            mounted.HouseholdId.ShouldBe(home.HouseholdId);
            mounted.KeyNumber.ShouldBe(keyNumber);
            order.GetProperty("dueOn").ValueKind.ShouldBe(JsonValueKind.String, "due 5 working days after the order step");
        }

        await NotificationsHaveNoPersonalData(app, [.. clients]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task InstallAssessed_InEachPreset_ProposedByANewService_IsInTheCaseOfficersInbox(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var clients = new List<Guid>();

        foreach (var preset in RoutinePresets.All)
        {
            await UsePreset(app, preset);
            var home = await NewHome(app, withLock: false);
            clients.Add(home.ClientId);

            await KeysTestData.AddService(officer, home.ClientId, "HomeCare", app.World.ExternalUnit, app.Clock.Today());

            var proposal = (await OrdersOf(officer, home.ClientId)).ShouldHaveSingleItem(preset.ToString());
            proposal.Text("kind").ShouldBe("InstallAssessed");
            proposal.Text("state").ShouldBe("Proposed");
            var order = await Get(officer, proposal.Id());
            order.ShouldBeOwnedBy(RoutinePresets.Owner(preset, "install.inform"), null, preset.ToString());
            order.Text("ownerRole").ShouldBe(Roles.CaseOfficer);
            order.Text("proposalReason").ShouldNotBeNullOrWhiteSpace();
            (await officer.IdsOf("/api/v1/inbox?pageSize=100")).ShouldContain(order.Id());
            (await (await app.ApiAs(Roles.FeeOfficer)).IdsOf("/api/v1/inbox?pageSize=100")).ShouldNotContain(order.Id());

            var confirmed = await (await Post(officer, order, "confirm")).ShouldBeOk();
            confirmed.Text("state").ShouldBe("Open");
            confirmed.Text("currentStepCode").ShouldBe("install.inform");
        }

        await NotificationsHaveNoPersonalData(app, [.. clients]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Proposal_DismissedWithAReason_IsClosedAndLeavesTheInbox(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var home = await NewHome(app, withLock: false);
        await KeysTestData.AddService(officer, home.ClientId, "HomeCare", app.World.InternalUnit, app.Clock.Today());
        var order = await Get(officer, (await OrdersOf(officer, home.ClientId)).Single().Id());

        var noReason = await Post(officer, order, "dismiss", new { version = order.Version() });
        var dismissed = await (await Post(officer, order, "dismiss", new { version = order.Version(), reason = "Brukaren har redan lås via annan väg." }))
            .ShouldBeOk();

        await noReason.ShouldBeFieldError("reason", "Skäl till att förslaget avfärdas måste anges.");
        dismissed.Text("state").ShouldBe("Dismissed");
        dismissed.Text("closingReason").ShouldBe("Brukaren har redan lås via annan väg.");
        (await officer.IdsOf("/api/v1/inbox?pageSize=100")).ShouldNotContain(order.Id());
        await using var db = app.SystemContext();
        (await db.WorkOrders.SingleAsync(w => w.Id == order.Id())).State.ShouldBe(WorkOrderState.Dismissed);
    }
}
