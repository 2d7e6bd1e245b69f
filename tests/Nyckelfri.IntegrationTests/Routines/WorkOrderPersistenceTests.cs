using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Routines;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>Work orders and routine configuration stored on both databases (issue 4 foundation).</summary>
public sealed class WorkOrderPersistenceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static Func<StepDefinition, string?, StepOwner> Salem(Guid? unit) =>
        (step, route) => new StepOwner(RoutinePresets.Owner(RoutinePreset.Salem, step.Code, route), unit);

    private static async Task<(Guid ClientId, Guid HouseholdId)> FreshClient(NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        return await db.Clients.Where(c => c.Id == app.World.InternalClient).Select(c => new ValueTuple<Guid, Guid>(c.Id, c.HouseholdId)).SingleAsync();
    }

    /// <summary>Answers every checkpoint of the current step with the first answer that neither ends nor holds it.</summary>
    private static void AnswerToGoOn(WorkOrder order, string who, DateTime at)
    {
        foreach (var checkpoint in order.CurrentStep!.Checkpoints)
            order.Answer(checkpoint.Code, checkpoint.Options.First(o => o.EndsRoutine is null && !o.HoldsStep).Value, who, who, at);
    }

    private static async Task<int> NextNumber(NyckelfriDbContext db, Guid municipality) =>
        (await db.WorkOrders.Where(w => w.MunicipalityId == municipality).MaxAsync(w => (int?)w.Number) ?? 0) + 1;

    [DatabaseTheory, DatabaseProviders]
    public async Task SavedWorkOrder_ReloadedWithItsAnswers_GoesOnWhereItWas(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (client, household) = await FreshClient(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Guid id;
        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            var order = WorkOrder.Start(app.World.MunicipalityA, await NextNumber(db, app.World.MunicipalityA), RoutineKind.Removal,
                new WorkOrderSubject(client, household, null, null), now, Salem(null));
            id = order.Id;
            db.WorkOrders.Add(order);
            await db.SaveChangesAsync();
        }

        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            var order = await db.WorkOrders.Include(w => w.Answers).SingleAsync(w => w.Id == id);
            AnswerToGoOn(order, "test", now);
            order.CompleteStep(now, Salem(null));
            await db.SaveChangesAsync();
        }

        await using var check = app.SystemContext();
        var stored = await check.WorkOrders.Include(w => w.Answers).SingleAsync(w => w.Id == id);
        stored.State.ShouldBe(WorkOrderState.Open);
        stored.CurrentStepCode.ShouldBe(RoutineCatalog.For(RoutineKind.Removal).Steps[1].Code);
        stored.Answers.Select(a => a.Sequence).Order().ShouldBe(Enumerable.Range(1, stored.Answers.Count));
        (await check.AuditEntries.CountAsync(a => a.EntityId == id)).ShouldBeGreaterThanOrEqualTo(2, "created and updated are in the history");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TwoUsersCompletingTheSameStepAtOnce_ExactlyOneSucceeds(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (client, household) = await FreshClient(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Guid id;
        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            var order = WorkOrder.Start(app.World.MunicipalityA, await NextNumber(db, app.World.MunicipalityA), RoutineKind.FaultReport,
                new WorkOrderSubject(client, household, null, null), now, Salem(null));
            id = order.Id;
            db.WorkOrders.Add(order);
            await db.SaveChangesAsync();
        }

        // Both users open the step before either saves: the second save is based on a stale order.
        async Task<NyckelfriDbContext> Completed(string who)
        {
            var db = app.SystemContext(app.World.MunicipalityA);
            var order = await db.WorkOrders.Include(w => w.Answers).SingleAsync(w => w.Id == id);
            AnswerToGoOn(order, who, now);
            order.CompleteStep(now, Salem(null));
            return db;
        }
        static async Task<bool> Save(NyckelfriDbContext db)
        {
            await using (db)
            {
                // The row's version refuses the stale update; its answers may collide first on their
                // sequence: either way a 409 for the second user, and nothing of theirs is saved.
                try { await db.SaveChangesAsync(); return true; }
                catch (ConcurrencyConflictException) { return false; }
                catch (RuleViolationException e) when (e.Code == "duplicate") { return false; }
            }
        }

        var (first, second) = (await Completed("a"), await Completed("b"));
        var results = await Task.WhenAll(Save(first), Save(second));

        results.Count(ok => ok).ShouldBe(1);
        await using var check = app.SystemContext();
        var stored = await check.WorkOrders.Include(w => w.Answers).SingleAsync(w => w.Id == id);
        stored.CurrentStepCode.ShouldBe(RoutineCatalog.For(RoutineKind.FaultReport).Steps[1].Code);
        stored.Answers.Select(a => a.AnsweredBy).Distinct().ShouldHaveSingleItem("only the winner's answers are stored");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SecondOpenInstallForOneHousehold_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (client, household) = await FreshClient(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.SystemContext(app.World.MunicipalityA);
        var number = await NextNumber(db, app.World.MunicipalityA);
        var subject = new WorkOrderSubject(client, household, null, null);
        db.WorkOrders.Add(WorkOrder.Propose(app.World.MunicipalityA, number, RoutineKind.InstallAssessed, subject, now, "Ny hemtjänst", Salem(null)));
        await db.SaveChangesAsync();

        db.WorkOrders.Add(WorkOrder.Start(app.World.MunicipalityA, number + 1, RoutineKind.InstallAlarmOnly, subject, now, Salem(null)));

        (await Should.ThrowAsync<RuleViolationException>(() => db.SaveChangesAsync())).Code.ShouldBe("duplicate");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Preset_StoredAsConfiguration_HasOneLinePerStepAndRoute_AndCanBeReassigned(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await using (var db = app.SystemContext(app.World.MunicipalityB))
        {
            db.RoutineStepOwners.AddRange(RoutineStepOwner.From(app.World.MunicipalityB, RoutinePreset.Botkyrka));
            await db.SaveChangesAsync();
            var order = await db.RoutineStepOwners.SingleAsync(o => o.MunicipalityId == app.World.MunicipalityB && o.StepCode == "install.order");
            order.Role.ShouldBe(Roles.CaseOfficer);
            order.Reassign(Roles.FeeOfficer);
            await db.SaveChangesAsync();
        }

        await using var check = app.SystemContext();
        (await check.RoutineStepOwners.CountAsync(o => o.MunicipalityId == app.World.MunicipalityB))
            .ShouldBe(RoutinePresets.Owners(RoutinePreset.Botkyrka).Count);
        (await check.RoutineStepOwners.SingleAsync(o => o.MunicipalityId == app.World.MunicipalityB && o.StepCode == "install.order"))
            .Role.ShouldBe(Roles.FeeOfficer);
        (await check.AuditEntries.CountAsync(a => a.EntityType == nameof(RoutineStepOwner) && a.Action == "Updated")).ShouldBe(1);
    }
}
