using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Visits;
using static Nyckelfri.IntegrationTests.Visits.VisitsTestData;

namespace Nyckelfri.IntegrationTests.Visits;

/// <summary>
/// Pairing saved openings into visits on a real database (SQLite and PostgreSQL): idempotent when the
/// same events are paired again, from another context, or by two uploads at once; an ended visit
/// cannot be ended a second time by a concurrent save.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class VisitPairingTests(AppFixture fixture)
{
    private sealed record Scene(Guid Client, Guid Employee, IReadOnlyList<AccessEvent> Events);

    /// <summary>An employee opens the client's door at 08:00, 08:30 and 13:00 (Swedish time, yesterday): one visit of 30 minutes and one still open.</summary>
    private static async Task<Scene> Arrange(NyckelfriApp app, string tag)
    {
        var unit = app.World.InternalUnit;
        var client = await AddClient(app, unit, "Vera", "Besöksdotter" + tag);
        var employee = await AddEmployee(app, unit, "Pia", "Parsson" + tag);
        var lockId = await MountLock(app, client.Id, "PAIR-" + tag);
        var events = new List<AccessEvent>();
        foreach (var (hour, minute) in new[] { (8, 0), (8, 30), (13, 0) })
            events.Add(await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 1, hour, minute), client.Id, employee, lockId, unit));
        return new Scene(client.Id, employee, events);
    }

    private static async Task<List<Visit>> VisitsOf(NyckelfriApp app, Guid clientId)
    {
        await using var db = app.SystemContext();
        return await db.Visits.Where(v => v.ClientId == clientId).OrderBy(v => v.StartedAt).ToListAsync();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PairAsync_SameEventsTwice_CreatesTheVisitsOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "a");

        await using (var db = app.SystemContext(app.World.MunicipalityA))
        {
            var pairing = new VisitPairing(db);
            await pairing.PairAsync(s.Events, CancellationToken.None);
            await pairing.PairAsync(s.Events, CancellationToken.None);
        }
        await using (var other = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(other).PairAsync(s.Events.Reverse().ToList(), CancellationToken.None);

        var visits = await VisitsOf(app, s.Client);
        visits.Count.ShouldBe(2);
        (visits[0].StartEventId, visits[0].EndEventId, visits[0].Duration).ShouldBe((s.Events[0].Id, (long?)s.Events[1].Id, (TimeSpan?)TimeSpan.FromMinutes(30)));
        (visits[1].StartEventId, visits[1].EndEventId).ShouldBe((s.Events[2].Id, (long?)null));
        visits.ShouldAllBe(v => v.EmployeeId == s.Employee && v.UnitId == app.World.InternalUnit && v.Source == VisitSource.Lock);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PairAsync_EventsInTwoUploads_EndsTheVisitTheFirstUploadStarted(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "b");

        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([s.Events[0]], CancellationToken.None);
        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([s.Events[1], s.Events[2]], CancellationToken.None);

        var visits = await VisitsOf(app, s.Client);
        visits.Select(v => (v.StartEventId, v.EndEventId)).ShouldBe([(s.Events[0].Id, (long?)s.Events[1].Id), (s.Events[2].Id, null)]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PairAsync_TwoUploadsOfTheSameEventsAtOnce_PairEachEventOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "c");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = app.SystemContext(app.World.MunicipalityA);
            await new VisitPairing(db).PairAsync(s.Events, CancellationToken.None);
        }));

        var visits = await VisitsOf(app, s.Client);
        visits.Select(v => (v.StartEventId, v.EndEventId)).ShouldBe([(s.Events[0].Id, (long?)s.Events[1].Id), (s.Events[2].Id, null)]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EndVisit_TwoContextsEndTheSameOpenVisit_TheSecondSaveIsAConflict(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "d");
        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([s.Events[0]], CancellationToken.None);

        await using var first = app.SystemContext(app.World.MunicipalityA);
        await using var second = app.SystemContext(app.World.MunicipalityA);
        var a = await first.Visits.SingleAsync(v => v.ClientId == s.Client);
        var b = await second.Visits.SingleAsync(v => v.ClientId == s.Client);
        a.End(s.Events[1].OccurredAt, s.Events[1].Id);
        b.End(s.Events[1].OccurredAt.AddMinutes(1), s.Events[2].Id);
        await first.SaveChangesAsync();

        await Should.ThrowAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
        (await VisitsOf(app, s.Client)).ShouldHaveSingleItem().EndEventId.ShouldBe(s.Events[1].Id);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PairAsync_DeniedOpeningAndOtherEmployee_DoNotEndTheVisit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "e");
        var colleague = await AddEmployee(app, app.World.InternalUnit, "Tor", "Kollega");
        var denied = await AddEvent(app, AccessEventKind.Refused, AccessOutcome.Denied, SwedishTimeAgo(app, 1, 8, 10), s.Client, s.Employee);
        var theColleague = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 1, 8, 15), s.Client, colleague);

        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([s.Events[0], denied, theColleague, s.Events[1]], CancellationToken.None);

        var visits = await VisitsOf(app, s.Client);
        visits.Count.ShouldBe(2);
        visits.Single(v => v.EmployeeId == s.Employee).EndEventId.ShouldBe(s.Events[1].Id);
        visits.Single(v => v.EmployeeId == colleague).EndedAt.ShouldBeNull();
    }
}
